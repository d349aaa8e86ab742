"""What is made for publishing is readable by others: the umask decides, not mkstemp's 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pack_helpers import make_source

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.fixture(params=[0o022, 0o027])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_pack_build_catalog_build_and_export_follow_the_umask(
    umask: int, tmp_path: Path, run_kit
) -> None:
    src = make_source(tmp_path / "src")
    site = tmp_path / "site"
    assert run_kit("pack", "build", src, "--out", site)[0] == 0
    (pack,) = site.glob("*.kitpack")
    assert run_kit("catalog", "build", site)[0] == 0
    assert run_kit("library", "install", pack)[0] == 0
    assert run_kit("library", "export", "my-first-pack", "--to", tmp_path / "usb")[0] == 0
    (exported,) = (tmp_path / "usb").glob("*.kitpack")
    wanted = 0o666 & ~umask  # 0644 under umask 022, as `touch` would make them
    made = (pack, site / "catalog.json", exported, tmp_path / "usb" / "catalog.json")
    assert {str(p.relative_to(tmp_path)): _mode(p) for p in made} == {
        str(p.relative_to(tmp_path)): wanted for p in made
    }


def test_a_private_key_stays_private_under_any_umask(umask: int, tmp_path: Path, run_kit) -> None:
    code, _out, _err = run_kit("keys", "new", "trainer", "--out", tmp_path / "k")
    assert code == 0
    assert _mode(tmp_path / "k" / "trainer.key") == 0o600
