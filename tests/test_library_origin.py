"""Where an installed pack came from: the app's own (bundled), a file or the catalog."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from library_helpers import content, lesson, open_library, write_pack
from sqlite_utils import Database

from kit.core.bundled import install_bundled
from kit.core.errors import KitError
from kit.core.library import db
from kit.core.paths import BUNDLED_PACKS_DIR


def _origins(data_dir: Path) -> dict[str, str]:
    with open_library(data_dir) as lib:
        return {p["id"]: p["origin"] for p in lib.list_packs()}


def test_bundled_packs_are_marked_until_installed_from_a_file(
    tmp_path: Path, data_dir: Path, pack: Path
) -> None:
    folder = tmp_path / "bundled"
    shutil.copytree(BUNDLED_PACKS_DIR / "getting-started", folder / "getting-started")
    with open_library(data_dir) as lib:
        assert [r.action for r in install_bundled(lib, folder=folder)] == ["installed"]
        assert lib.get_pack("getting-started")["origin"] == "bundled"
    assert _origins(data_dir) == {"getting-started": "bundled"}
    with open_library(data_dir) as lib:
        # The same version from a file: nothing to install, but it now came from a file.
        assert lib.install(pack).action == "unchanged"
        assert lib.get_pack("getting-started")["origin"] == "file"
        install_bundled(lib, folder=folder)
        assert lib.get_pack("getting-started")["origin"] == "bundled"


def test_an_update_from_elsewhere_is_no_longer_bundled(tmp_path: Path, data_dir: Path) -> None:
    old = write_pack(tmp_path / "old.kitpack", content(items=[lesson("a", "A")]))
    new = write_pack(tmp_path / "new.kitpack", content(version="1.1.0", items=[lesson("a", "B")]))
    newer = write_pack(tmp_path / "n2.kitpack", content(version="1.2.0", items=[lesson("a", "C")]))
    with open_library(data_dir) as lib:
        lib.install(old, origin="bundled")
        assert lib.get_pack("demo")["origin"] == "bundled"
        assert lib.install(new, origin="catalog").action == "updated"
        assert lib.get_pack("demo")["origin"] == "catalog"
        assert lib.install(newer).action == "updated"
        assert lib.list_packs()[0]["origin"] == "file"


def test_an_unknown_origin_is_refused_and_nothing_installed(tmp_path: Path, data_dir: Path) -> None:
    path = write_pack(tmp_path / "p.kitpack", content(items=[lesson("a", "A")]))
    with open_library(data_dir) as lib:
        with pytest.raises(KitError, match="Unknown pack origin"):
            lib.install(path, origin="usb")
        assert lib.list_packs() == []


def test_packs_in_a_library_from_before_origins_count_as_from_a_file(
    tmp_path: Path, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "library.db", isolation_level=None)
    db.migrations.apply(Database(conn), stop_before="m007_pack_origin")
    conn.execute(
        "INSERT INTO packs VALUES ('old', '1.0.0', 'Old', '{}', '{}', '{}', 0, '', 0, 'x', 'x')"
    )
    conn.close()
    with open_library(data_dir) as lib:
        assert lib.get_pack("old")["origin"] == "file"
        lib.install(write_pack(tmp_path / "p.kitpack", content(items=[lesson("a", "A")])))
        assert {p["id"]: p["origin"] for p in lib.list_packs()} == {"old": "file", "demo": "file"}
