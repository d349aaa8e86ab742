"""Files of a Carpentries lesson that items link to: figures, and the lesson's data
(episodes/data/, the setup page's download), copied into the pack's media/.

The Workbench publishes episodes/ and learners/ pages side by side at the site's root,
with episodes/fig/ and episodes/data/ as fig/ and data/: a link is looked up next to its
page first, then there. A link to the lesson's own site (config.yaml `url`) or to a file
of its repository (`source`) is a link to that file, when the lesson has it.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from kit.core.importers.common import slugify
from kit.core.packformat.links import MEDIA_SUFFIXES

if TYPE_CHECKING:
    from kit.core.importers.carpentries import CarpentriesImporter, Page

SITE_ROOTS = ("", "episodes/", "learners/")
DATA_FOLDER = "episodes/data"


def _existing(imp: CarpentriesImporter, rel: str) -> str | None:
    rel = posixpath.normpath(rel)
    path = imp.root / rel
    if rel.startswith("..") or rel.startswith("/") or not path.is_file():
        return None
    return rel if path.resolve().is_relative_to(imp.root.resolve()) else None


def lesson_path(imp: CarpentriesImporter, base: str, target: str) -> str | None:
    """The lesson file a relative link means (next to its page, then at the site root)."""
    clean = unquote(target.split("#")[0].split("?")[0])
    if not clean or clean.startswith("/") or urlsplit(target).scheme:
        return None
    found = _existing(imp, posixpath.join(base, clean))
    for root in SITE_ROOTS:
        found = found or _existing(imp, root + clean)
    return found


def site_file(imp: CarpentriesImporter, target: str) -> str | None:
    """A link to the lesson's own site or repository, as the lesson file it shows."""
    url = target.split("#")[0].split("?")[0]
    for prefix in (imp.info.homepage, imp.info.source):
        prefix = prefix.rstrip("/")
        if prefix and url.startswith(prefix + "/"):
            rest = url[len(prefix) + 1 :]
            if prefix == imp.info.source.rstrip("/"):
                # github-style '/raw/BRANCH/path' and '/blob/BRANCH/path'
                rest = re.sub(r"^(?:raw|blob)/[^/]+/", "", rest)
            rest = re.sub(r"\.html$", "", unquote(rest))
            for root in SITE_ROOTS:
                if (found := _existing(imp, root + rest)) is not None and not found.endswith(
                    (".md", ".Rmd")
                ):
                    return found
    return None


def _media_name(rel: str) -> str:
    name = rel.removeprefix("episodes/")
    parts = name.split("/")
    return "/".join(
        slugify(p, "file") if i < len(parts) - 1 else re.sub(r"[^\w.-]+", "_", p)
        for i, p in enumerate(parts)
    )


def local_file(imp: CarpentriesImporter, page: Page, base: str, target: str) -> str | None:
    """Copy a file of the lesson into media/; its path from an item, or None."""
    if urlsplit(target).scheme or target.startswith("/"):
        return None
    rel = lesson_path(imp, base, target)
    if rel is None:
        imp.report.warn(page.rel, f"'{target}' is not a file of the lesson; its link is dropped")
        return None
    if posixpath.splitext(rel)[1].lower() not in MEDIA_SUFFIXES:
        imp.report.warn(
            page.rel, f"'{target}' is not a media type packs carry; its link is dropped"
        )
        return None
    name = _media_name(rel)
    imp.files.add_bytes(f"media/{name}", (imp.root / rel).read_bytes())
    return f"../../media/{name}"


def data_files(imp: CarpentriesImporter) -> list[tuple[str, str]]:
    """Every file of episodes/data/ in media/ (learners download them from the setup
    page, linked or not): (file name, path from an item)."""
    folder = imp.root / DATA_FOLDER
    found: list[tuple[str, str]] = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file() or path.name.startswith("."):
            continue
        rel = path.relative_to(imp.root).as_posix()
        if path.suffix.lower() not in MEDIA_SUFFIXES:
            imp.report.warn(rel, "not a file type packs carry; left out")
            continue
        name = _media_name(rel)
        imp.files.add_bytes(f"media/{name}", path.read_bytes())
        found.append((rel.removeprefix(DATA_FOLDER + "/"), f"../../media/{name}"))
    return found
