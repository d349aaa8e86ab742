"""A pack source folder opened in trainer mode: its files, its outline (modules and items
in order) and the edits of the outline, planned as FileChanges that apply() carries out
and undoes byte for byte.

Files are the source of truth: every plan_* reads the files as they are now and changes
only the lines it must (kit.core.authoring.outline); new files are written as the format
documents them (kit.core.authoring.templates).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from kit.core import itemtypes
from kit.core.authoring import outline as edit
from kit.core.authoring.model import FileChange, Outline, OutlineItem, OutlineModule, file_kind
from kit.core.authoring.templates import item_text, module_yaml
from kit.core.authoring.validation import validate_source
from kit.core.errors import KitError
from kit.core.fsutil import sync_folders, write_atomic
from kit.core.packformat.problems import Report
from kit.core.packformat.yamlio import YamlProblem, load_mapping, split_front_matter
from kit.i18n import N_, _

__all__ = [
    "FileChange",
    "Outline",
    "OutlineItem",
    "OutlineModule",
    "PackProject",
    "file_kind",
]


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise KitError(_("A title cannot be empty; type one."))
    return title


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


class PackProject:
    """One pack source folder. Reads go to disk every time (the files are the truth)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._parsed: dict[str, dict[str, object]] = {}  # YAML text -> its mapping

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(cls, root: Path) -> PackProject:
        root = Path(root)
        if not (root / "pack.yaml").is_file():
            raise KitError(
                _("{folder} is not a pack source: it has no pack.yaml.").format(folder=root)
            )
        return cls(root)

    @classmethod
    def create(cls, target: Path, title: str) -> PackProject:
        """A new source at `target` (missing or empty) from the example template."""
        from kit.core.packformat.scaffold import new_pack_source

        title = title.strip() or _("My pack")
        target = Path(target)
        new_pack_source(target, edit.slugify(title, "my-pack"))
        project = cls(target)
        project.save("pack.yaml", edit.set_scalar(project.read("pack.yaml"), "title", title))
        es = "translations/es/pack.yaml"  # the template's Spanish title is for its own title
        if project.exists(es):
            lines = project.read(es).splitlines(keepends=True)
            project.save(es, "".join(line for line in lines if not line.startswith("title:")))
        return project

    @classmethod
    def remix(
        cls,
        source_files: Mapping[str, bytes],
        target: Path,
        *,
        pack_id: str | None = None,
        title: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> PackProject:
        """A new source at `target` (missing or empty) from another pack's source files:
        new id and title, licence kept, attribution extended. KitError when the licence
        forbids changes; Cancelled (nothing left behind) when `cancel()` says so."""
        from kit.core.authoring.remix import remixed_files, write_source

        files = remixed_files(source_files, pack_id=pack_id, title=title)
        write_source(Path(target), files, progress, cancel)
        return cls(Path(target))

    # -- files -------------------------------------------------------------
    def path(self, rel: str) -> Path:
        parts = rel.split("/")
        if not rel or rel.startswith("/") or "\\" in rel or ".." in parts or "" in parts:
            raise KitError(_("'{rel}' is not a path inside the pack.").format(rel=rel))
        return self.root / rel

    def exists(self, rel: str) -> bool:
        return self.path(rel).is_file()

    def read_bytes(self, rel: str) -> bytes | None:
        try:
            return self.path(rel).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise KitError(
                _("Could not read {rel}: {reason}.").format(rel=rel, reason=exc.strerror or exc)
            ) from None

    def read(self, rel: str) -> str:
        data = self.read_bytes(rel)
        if data is None:
            raise KitError(_("The pack has no file {rel}.").format(rel=rel))
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise KitError(
                _("{rel} is not UTF-8 text; open it in a text editor and save it as UTF-8.").format(
                    rel=rel
                )
            ) from None

    def files(self) -> list[str]:
        """Every file of the source (not hidden ones), by path from the root, sorted."""
        out = []
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                if not name.startswith("."):
                    out.append((Path(dirpath) / name).relative_to(self.root).as_posix())
        return sorted(out)

    def save(self, rel: str, text: str) -> bool:
        """Write `text` durably; False (nothing written) when the file already holds it."""
        data = text.encode("utf-8")
        if self.read_bytes(rel) == data:
            return False
        self._write(rel, data)
        return True

    def _write(self, rel: str, data: bytes) -> None:
        try:
            write_atomic(self.path(rel), data)
        except OSError as exc:
            raise KitError(
                _("Could not save {rel}: {reason}.").format(rel=rel, reason=exc.strerror or exc)
            ) from None

    def apply(self, change: FileChange) -> FileChange:
        """Carry out `change`; returns the change that puts every byte back (undo)."""
        inverse = {rel: self.read_bytes(rel) for rel in change.writes}
        emptied: list[Path] = []
        done: list[str] = []
        try:
            for rel, data in change.writes.items():
                self._put(rel, data, inverse[rel], emptied)
                done.append(rel)
        except KitError:
            for rel in reversed(done):  # all or nothing: put back what was done
                with contextlib.suppress(KitError):
                    self._put(rel, inverse[rel], change.writes[rel], emptied)
            self._prune(emptied)
            raise
        self._prune(emptied)
        return FileChange(inverse, change.label)

    def _put(self, rel: str, data: bytes | None, now: bytes | None, emptied: list[Path]) -> None:
        path = self.path(rel)
        if data is None:
            if now is not None:
                try:
                    path.unlink(missing_ok=True)
                except OSError as exc:
                    raise KitError(
                        _("Could not delete {rel}: {reason}.").format(
                            rel=rel, reason=exc.strerror or exc
                        )
                    ) from None
                emptied.append(path.parent)
        elif now != data:
            self._write(rel, data)

    def _prune(self, folders: list[Path]) -> None:
        root = self.root.resolve()
        synced = []
        for folder in sorted(set(folders), key=lambda p: len(p.parts), reverse=True):
            cur = folder
            while cur.resolve() != root and cur.is_dir() and not any(cur.iterdir()):
                cur.rmdir()
                cur = cur.parent
            synced.append(cur)
        sync_folders(p for p in synced + folders if p.is_dir())

    # -- outline -----------------------------------------------------------
    def _source(self, rel: str, overrides: Mapping[str, str]) -> str | None:
        if rel in overrides:
            return overrides[rel]
        data = self.read_bytes(rel)
        return None if data is None else _text(data).removeprefix("\ufeff")

    def _yaml(self, text: str | None) -> dict[str, object]:
        if not text:
            return {}
        if text not in self._parsed:
            if len(self._parsed) > 5000:
                self._parsed.clear()
            try:
                self._parsed[text] = load_mapping(text.replace("\r\n", "\n")).data
            except YamlProblem:
                self._parsed[text] = {}
        return self._parsed[text]

    def _header(self, text: str | None) -> dict[str, object]:
        header = split_front_matter(text.replace("\r\n", "\n"))[0] if text else None
        return self._yaml(header) if header else {}

    @staticmethod
    def _list(doc: Mapping[str, object], key: str) -> list[str]:
        value = doc.get(key)
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def outline(self, overrides: Mapping[str, str] | None = None) -> Outline:
        """The modules and items in order, read from the files (`overrides`: unsaved
        texts to read instead); a file that cannot be read shows under its name."""
        overrides = overrides or {}
        pack = self._yaml(self._source("pack.yaml", overrides))
        modules = []
        for mdir in self._list(pack, "modules"):
            rel = f"modules/{mdir}/module.yaml"
            mdoc = self._yaml(self._source(rel, overrides))
            items = []
            for name in self._list(mdoc, "items"):
                irel = f"modules/{mdir}/{name}"
                head = self._header(self._source(irel, overrides))
                items.append(
                    OutlineItem(
                        irel,
                        str(head.get("title") or name),
                        str(head.get("type") or ""),
                        str(head.get("id") or ""),
                    )
                )
            modules.append(
                OutlineModule(
                    mdir,
                    rel,
                    str(mdoc.get("title") or mdir),
                    str(mdoc.get("id") or ""),
                    tuple(items),
                )
            )
        return Outline(str(pack.get("title") or ""), str(pack.get("id") or ""), tuple(modules))

    def list_text(self, rel: str, key: str) -> str:
        """The text of `rel`, checked that its `key:` list can be edited line by line."""
        text = self.read(rel)
        span = edit.find_list(text, key)
        if span is None or list(span.values) != self._list(self._yaml(text), key):
            raise KitError(
                _(
                    "The '{key}:' list in {rel} is written in a way the editor cannot change safely; edit it as text."
                ).format(key=key, rel=rel)
            )
        return text

    def validate(self, overrides: Mapping[str, str] | None = None) -> Report:
        """Every problem of the source, reading the unsaved `overrides` instead of disk."""
        return validate_source(self.root, overrides or {})

    # -- planned outline edits ---------------------------------------------
    def _edit(self, rel: str, new_text: str) -> bytes:
        return new_text.encode("utf-8")

    def translations_of(self, rel_prefix: str) -> list[str]:
        """Translation files of a source path (a file, or a folder ending in '/')."""
        out: list[str] = []
        tdir = self.root / "translations"
        if not tdir.is_dir():
            return out
        for lang in sorted(p.name for p in tdir.iterdir() if p.is_dir()):
            for rel in self.files():
                sub = rel.removeprefix(f"translations/{lang}/")
                if sub != rel and (sub == rel_prefix or sub.startswith(rel_prefix + "/")):
                    out.append(rel)
        return out

    def plan_add_module(self, title: str) -> FileChange:
        title = title.strip() or _("New module")
        outline = self.outline()
        dirs = [m.dir for m in outline.modules]
        taken = set(dirs)
        if (self.root / "modules").is_dir():
            taken |= {p.name for p in (self.root / "modules").iterdir()}
        slug = edit.slugify(title, "module")
        name = edit.next_number_name(dirs, slug) if edit.numbered(dirs) else slug
        name = edit.unique(name, taken)
        module_id = edit.unique(slug, [m.module_id for m in outline.modules])
        item_name = f"01-{slug}.md"
        item_id = edit.unique(slug, self._item_ids(outline) | {module_id})
        lesson = item_text(item_id, itemtypes.LESSON, title) or ""
        myaml = edit.list_insert(module_yaml(module_id, title), "items", item_name)
        pack = edit.list_insert(self.list_text("pack.yaml", "modules"), "modules", name)
        return FileChange(
            {
                "pack.yaml": pack.encode(),
                f"modules/{name}/module.yaml": myaml.encode(),
                f"modules/{name}/{item_name}": lesson.encode(),
            },
            N_("Add module"),
        )

    def _item_ids(self, outline: Outline) -> set[str]:
        return {i.item_id for m in outline.modules for i in m.items if i.item_id}

    def plan_rename_module(self, dir: str, title: str) -> FileChange:
        module = self.outline().module(dir)
        text = edit.set_scalar(self.read(module.relpath), "title", _title(title))
        return FileChange({module.relpath: text.encode()}, N_("Rename module"))

    def plan_delete_module(self, dir: str) -> FileChange:
        outline = self.outline()
        outline.module(dir)
        if len(outline.modules) == 1:
            raise KitError(_("A pack needs at least one module; add another one first."))
        writes: dict[str, bytes | None] = {
            "pack.yaml": edit.list_remove(
                self.list_text("pack.yaml", "modules"), "modules", dir
            ).encode()
        }
        for rel in self.files():
            if rel.startswith(f"modules/{dir}/"):
                writes[rel] = None
        for rel in self.translations_of(f"modules/{dir}"):
            writes[rel] = None
        return FileChange(writes, N_("Delete module"))

    def plan_move_module(self, dir: str, to_index: int) -> FileChange:
        self.outline().module(dir)
        text = edit.list_move(self.list_text("pack.yaml", "modules"), "modules", dir, to_index)
        return FileChange({"pack.yaml": text.encode()}, N_("Move module"))

    def plan_add_item(
        self, module_dir: str, type: str, title: str, index: int | None = None
    ) -> FileChange:
        outline = self.outline()
        module = outline.module(module_dir)
        title = title.strip() or itemtypes.display_name(type)
        slug = edit.slugify(title, "item")
        item_id = edit.unique(slug, self._item_ids(outline))
        text = item_text(item_id, type, title)
        if text is None:
            raise KitError(_("'{type}' is not an item type.").format(type=type))
        names = [i.relpath.rsplit("/", 1)[1] for i in module.items]
        folder = self.root / "modules" / module_dir
        taken = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
        if edit.numbered(names) or not names:
            name = edit.insert_number_name(names, index, slug, ".md")
        else:
            name = f"{slug}.md"
        stem = edit.unique(name.removesuffix(".md"), {t.removesuffix(".md") for t in taken})
        name = f"{stem}.md"
        myaml = edit.list_insert(self.list_text(module.relpath, "items"), "items", name, index)
        return FileChange(
            {module.relpath: myaml.encode(), f"modules/{module_dir}/{name}": text.encode()},
            N_("Add item"),
        )

    def plan_rename_item(self, relpath: str, title: str) -> FileChange:
        self.outline().item(relpath)
        text = edit.set_header_field(self.read(relpath), "title", _title(title))
        return FileChange({relpath: text.encode()}, N_("Rename item"))

    def plan_delete_item(self, relpath: str) -> FileChange:
        module, _item = self.outline().item(relpath)
        if len(module.items) == 1:
            raise KitError(
                _("A module needs at least one item; delete the module or add another item first.")
            )
        name = relpath.rsplit("/", 1)[1]
        writes: dict[str, bytes | None] = {
            module.relpath: edit.list_remove(
                self.list_text(module.relpath, "items"), "items", name
            ).encode(),
            relpath: None,
        }
        for rel in self.translations_of(relpath):
            writes[rel] = None
        return FileChange(writes, N_("Delete item"))

    def plan_move_item(self, relpath: str, to_module_dir: str, to_index: int) -> FileChange:
        from kit.core.authoring.moves import plan_move_item

        return plan_move_item(self, relpath, to_module_dir, to_index)
