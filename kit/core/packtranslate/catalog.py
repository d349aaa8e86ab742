"""PO files of a pack source: translations/LANG.po, one message per translatable unit.

Each message has the unit's stable context (msgctxt), its place in the source (#: file:line)
and the source text as msgid. `update` merges changed source text the gettext way: a unit
whose text changed keeps its old translation marked fuzzy, with the old text as #| msgid;
units that are gone become obsolete (#~) entries.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from kit.core.errors import KitError
from kit.core.fsutil import write_atomic
from kit.core.packformat.fields import LANG_RE
from kit.core.packtranslate.sourcetext import SourceText
from kit.i18n import _

FUZZY = "fuzzy"
MARKUP_NOTE = "Markdown: keep links, images, `code` and {placeholders} as they are."
_MARKUP_RE = re.compile(r"[`\[\]{}<]|!\[")


def po_path(root: Path, lang: str) -> Path:
    return root / "translations" / f"{lang}.po"


def po_languages(root: Path) -> list[str]:
    """The languages that have a PO file in the source, sorted."""
    folder = root / "translations"
    return sorted(p.stem for p in folder.glob("*.po")) if folder.is_dir() else []


def check_language(source: SourceText, lang: str) -> None:
    if not LANG_RE.match(lang):
        raise KitError(
            _("'{lang}' is not a language code; use one such as 'fr' or 'pt-BR'.").format(lang=lang)
        )
    if lang == source.language:
        raise KitError(
            _("'{lang}' is the pack's own language; choose the language to translate into.").format(
                lang=lang
            )
        )


def new_catalog(source: SourceText, lang: str) -> Catalog:
    try:
        locale: Locale | None = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = None
    catalog = Catalog(
        locale=locale,
        project=source.pack_id,
        version=None,
        charset="utf-8",
        fuzzy=False,
    )
    if locale is None:
        catalog.language_team = lang
    catalog._kit_lang = lang  # type: ignore[attr-defined]
    return catalog


def template(source: SourceText) -> list[Message]:
    """One message per unit, with empty translations."""
    out = []
    for file, unit in source.units:
        note = [MARKUP_NOTE] if _MARKUP_RE.search(unit.text) else []
        out.append(
            Message(
                unit.text,
                "",
                locations=[(file.rel, unit.line)],
                auto_comments=note,
                context=unit.context,
            )
        )
    return out


def read_catalog(path: Path) -> Catalog:
    try:
        with path.open("rb") as fh:
            return read_po(fh, abort_invalid=True)
    except OSError as exc:
        raise KitError(
            _("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    except Exception as exc:  # babel's PoFileError and decoding errors
        raise KitError(
            _("{path} is not a valid PO file: {reason}").format(path=path, reason=exc)
        ) from None


def write_catalog(path: Path, catalog: Catalog, lang: str) -> None:
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, sort_output=False, include_previous=True, omit_header=False)
    text = buf.getvalue().decode("utf-8")
    if catalog.locale is None:  # babel leaves these as placeholders for unknown locales
        text = text.replace('"Language: \\n"', f'"Language: {lang}\\n"', 1)
        text = re.sub(r'"Plural-Forms: [^"]*"\n', "", text, count=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))


@dataclass(frozen=True)
class MergeCounts:
    kept: int = 0
    new: int = 0
    fuzzy: int = 0
    obsolete: int = 0


def merge(source: SourceText, old: Catalog | None, lang: str,
          prefill: dict[str, tuple[str, bool]] | None = None) -> tuple[Catalog, MergeCounts]:  # fmt: skip
    """A catalog for the current source, keeping what `old` had translated."""
    catalog = new_catalog(source, lang)
    by_ctx: dict[str, Message] = {}
    by_id: dict[str, Message] = {}
    if old is not None:
        for msg in old:
            if not msg.id:
                continue
            by_ctx[str(msg.context or "")] = msg
            if msg.string and (msg.id not in by_id or not by_id[msg.id].fuzzy):
                by_id[str(msg.id)] = msg
        catalog.header_comment = old.header_comment
    kept = new = fuzzy = 0
    seen: set[str] = set()
    for msg in template(source):
        ctx = str(msg.context)
        seen.add(ctx)
        _carry(msg, by_ctx.get(ctx), by_id, (prefill or {}).get(ctx))
        if not msg.string:
            new += 1
        elif msg.fuzzy:
            fuzzy += 1
        else:
            kept += 1
        catalog.add(msg.id, msg.string, msg.locations, msg.flags, msg.auto_comments,
                    msg.user_comments, msg.previous_id, context=msg.context)  # fmt: skip
    obsolete = 0
    if old is not None:
        for msg in [*old, *old.obsolete.values()]:
            if msg.id and msg.string and str(msg.context or "") not in seen:
                catalog.obsolete[(msg.id, msg.context) if msg.context else msg.id] = msg
                obsolete += 1
    return catalog, MergeCounts(kept, new, fuzzy, obsolete)


def _carry(
    msg: Message, before: Message | None, by_id: dict[str, Message],
    prefill: tuple[str, bool] | None,
) -> None:  # fmt: skip
    """Give a new message the translation it had (by context), else one of the same text."""
    if before is not None and before.id == msg.id:
        msg.string, msg.flags = before.string, set(before.flags) - {"python-format"}
        msg.user_comments = before.user_comments
    elif before is not None and before.string:
        msg.string, msg.previous_id = before.string, [str(before.id)]
        msg.flags = {FUZZY}
        msg.user_comments = before.user_comments
    elif str(msg.id) in by_id:
        same = by_id[str(msg.id)]
        msg.string, msg.flags = same.string, {FUZZY} if same.fuzzy else set()
    elif prefill is not None:
        msg.string, is_fuzzy = prefill
        msg.flags = {FUZZY} if is_fuzzy else set()


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    total: int
    translated: int
    fuzzy: int
    has_file: bool
    found: bool = False  # no PO file, but translation files in translations/LANG/ (counted)

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def translations_of(source: SourceText, catalog: Catalog) -> tuple[dict[str, str], int]:
    """{context: translation} for the units whose translation is done (not fuzzy, and made
    for the unit's current text), and how many more have a fuzzy or outdated one."""
    by_ctx = {str(m.context): m for m in catalog if m.id and m.context}
    done: dict[str, str] = {}
    fuzzy = 0
    for _file, unit in source.units:
        msg = by_ctx.get(unit.context)
        if msg is None or not msg.string:
            continue
        if msg.fuzzy or msg.id != unit.text:
            fuzzy += 1
        else:
            done[unit.context] = str(msg.string)
    return done, fuzzy


def status(source: SourceText) -> list[LanguageStatus]:
    """Completeness of every language the pack lists or has a PO file for."""
    langs = [x for x in source.languages if x != source.language]
    files = po_languages(source.root)
    total = len(source.units)
    out = []
    for lang in sorted({*langs, *files}):
        if lang in files:
            done, fuzzy = translations_of(source, read_catalog(po_path(source.root, lang)))
            out.append(LanguageStatus(lang, total, len(done), fuzzy, True))
        else:
            out.append(LanguageStatus(lang, total, 0, 0, False))
    return out
