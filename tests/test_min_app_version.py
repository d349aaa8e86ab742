"""A pack that needs a newer Training Kit is refused on every install path, library unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_helpers import snapshot
from packmaker import make_pack
from webservers import PlainHTTP

from kit.core.catalog.catalog import build_catalog

NEEDS = "needs Training Kit 99.0.0 or newer"


def _future_site(tmp_path: Path, catalog_says: str | None = None) -> Path:
    site = tmp_path / "site"
    make_pack(tmp_path, site, min_app="99.0.0")
    build_catalog(site)
    if catalog_says is not None:  # a catalog that hides what the pack needs
        doc = json.loads((site / "catalog.json").read_text())
        doc["packs"][0]["min_app_version"] = catalog_says
        (site / "catalog.json").write_text(json.dumps(doc))
    return site


def test_install_from_a_file_is_refused(tmp_path: Path, data_dir: Path, run_kit) -> None:
    (pack,) = _future_site(tmp_path).glob("*.kitpack")
    before = snapshot(data_dir)
    code, out, err = run_kit("library", "install", pack)
    assert (code, out) == (1, "")
    assert NEEDS in err and "(this is 0.1.0)" in err and err.count("\n") == 1
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("catalog_says", [None, "0.0.0"], ids=["honest", "lying-catalog"])
@pytest.mark.parametrize("where", ["folder", "web"])
def test_kit_get_from_a_catalog_is_refused(
    where: str, catalog_says: str | None, tmp_path: Path, data_dir: Path, run_kit
) -> None:
    site = _future_site(tmp_path, catalog_says)
    before = snapshot(data_dir)
    with PlainHTTP(site) as server:
        location = server.url("/") if where == "web" else str(site)
        assert run_kit("source", "add", location)[0] == 0
        code, out, err = run_kit("get", "first-aid")
    assert code == 1 and NEEDS in err and "Traceback" not in err
    assert "Installed" not in out
    after = snapshot(data_dir)
    assert after["packs"] == before["packs"] == []


def test_a_bundled_pack_needing_a_newer_app_is_refused(tmp_path: Path, data_dir: Path) -> None:
    from kit.core.bundled import install_bundled
    from kit.core.errors import KitError
    from kit.core.library import Library
    from kit.core.packformat.scaffold import new_pack_source
    from kit.core.paths import DataDir

    folder = tmp_path / "bundled"
    src = new_pack_source(folder / "future", "future")
    yaml = (src / "pack.yaml").read_text(encoding="utf-8")
    (src / "pack.yaml").write_text(
        yaml.replace("min_app_version: 0.1.0", "min_app_version: 99.0.0"), encoding="utf-8"
    )
    with Library(DataDir(data_dir)) as lib:
        with pytest.raises(KitError, match=NEEDS):
            install_bundled(lib, folder=folder)
        assert lib.list_packs() == []


def test_a_malformed_min_app_version_in_a_manifest_is_refused(tmp_path: Path, run_kit) -> None:
    from library_helpers import content, dumps, manifest_for, write_zip

    body = content()
    files = {"content.json": dumps(body)}
    manifest = manifest_for(body, files)
    manifest["pack"]["min_app_version"] = ["99"]
    pack = write_zip(tmp_path / "m.kitpack", [("manifest.json", dumps(manifest)), *files.items()])
    code, _out, err = run_kit("library", "install", pack)
    assert code == 1 and "min_app_version is not a version" in err
