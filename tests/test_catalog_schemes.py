"""A catalog's entries may only use its own kind of address (no file: from the web)."""

from __future__ import annotations

import json
import shutil
from contextlib import closing
from pathlib import Path

import pytest
from packmaker import make_pack
from webservers import PlainHTTP

from kit.core.catalog.catalog import build_catalog
from kit.core.catalog.get import Packs
from kit.core.paths import DataDir


def _site(tmp_path: Path, url_for) -> tuple[Path, Path]:
    """A published site whose only entry points at a pack kept elsewhere on this computer."""
    site = tmp_path / "site"
    make_pack(tmp_path, site, version="1.0.0")
    build_catalog(site)
    local = tmp_path / "elsewhere" / "first-aid-1.0.0.kitpack"
    local.parent.mkdir()
    shutil.copy(site / "first-aid-1.0.0.kitpack", local)
    doc = json.loads((site / "catalog.json").read_text())
    doc["packs"][0]["url"] = url_for(local)
    (site / "catalog.json").write_text(json.dumps(doc))
    return site, local


@pytest.mark.parametrize(
    "url_for",
    [lambda p: p.as_uri(), lambda p: str(p), lambda p: "file:" + str(p)],
    ids=["file-uri", "absolute-path", "file-colon"],
)
def test_a_web_catalog_cannot_point_kit_get_at_a_local_file(
    url_for, tmp_path: Path, data_dir: Path, run_kit
) -> None:
    site, _local = _site(tmp_path, url_for)
    with PlainHTTP(site) as server:
        assert run_kit("source", "add", server.url("/"))[0] == 0
        code, out, err = run_kit("get", "first-aid")
    assert code == 1 and "first-aid" in err and "Traceback" not in err
    assert "Installed" not in out
    assert run_kit("library", "list", "--json")[1].strip() == "[]"


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/first-aid-1.0.0.kitpack", "file:///etc/passwd", "/etc/passwd"]
)
def test_a_folder_catalog_may_only_name_files_in_its_folder(url: str, tmp_path: Path) -> None:
    site = tmp_path / "usb"
    make_pack(tmp_path, site, version="1.0.0")
    build_catalog(site)
    doc = json.loads((site / "catalog.json").read_text())
    doc["packs"][0]["url"] = url
    (site / "catalog.json").write_text(json.dumps(doc))
    with closing(Packs(DataDir(tmp_path / "data"))) as packs:
        packs.sources.add(str(site))
        assert packs.offers() == []


def test_web_and_folder_entries_of_their_own_kind_are_offered(tmp_path: Path) -> None:
    site = tmp_path / "site"
    make_pack(tmp_path, site, version="1.0.0")
    build_catalog(site)
    with PlainHTTP(site) as server:
        for location, where in ((server.url("/"), server.url("/")), (str(site), str(site))):
            with closing(Packs(DataDir(tmp_path / f"data-{len(where)}"))) as packs:
                packs.sources.add(location)
                (offer,) = packs.offers()
                assert offer.url.startswith(where)
