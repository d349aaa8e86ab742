from __future__ import annotations

import subprocess

from kit import __version__


def test_version(kit_exe: list[str]) -> None:
    out = subprocess.run([*kit_exe, "--version"], capture_output=True, text=True, check=True)
    assert __version__ in out.stdout


def test_wrong_usage_exits_2(kit_exe: list[str]) -> None:
    out = subprocess.run([*kit_exe, "pack", "frobnicate"], capture_output=True, text=True)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


def test_missing_pack_exits_1_with_one_sentence(kit_exe: list[str], tmp_path) -> None:
    out = subprocess.run(
        [*kit_exe, "pack", "inspect", str(tmp_path / "nope.kitpack")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0
    assert "does not exist" in out.stderr
