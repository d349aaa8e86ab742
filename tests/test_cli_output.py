"""Terminal escapes and bidi overrides from packs and catalogs are shown escaped, never raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_helpers import content, dumps, lesson, manifest_for, write_pack, write_zip

from kit.cli.output import safe_text

EVIL = "\x1b]0;owned\x07Evil\x1b[2J\u202etxt.exe\x9b31m\r\x7f"


def _evil_pack(tmp_path: Path) -> Path:
    body = content(items=[lesson("intro", f"Intro {EVIL}")])
    body["pack"]["title"] = f"Pack {EVIL}"
    body["modules"][0]["title"] = f"Module {EVIL}"
    return write_pack(tmp_path / "evil.kitpack", body)


def _clean(text: str) -> bool:
    return not any(ch in text for ch in "\x1b\x07\x9b\u202e\r\x7f")


def test_safe_text_escapes_controls_and_keeps_newlines_and_direction_marks() -> None:
    assert safe_text("a\x1b[31mb\tc\nd") == "a\\u001b[31mb\tc\nd"
    assert safe_text("\u202e\u2066x\u200f\u061c") == "\\u202e\\u2066x\u200f\u061c"
    assert safe_text("\x9b\x85\x00") == "\\u009b\\u0085\\u0000"


@pytest.mark.parametrize(
    "command",
    [("library", "list"), ("library", "show", "demo"), ("library", "search", "intro")],
)
def test_library_output_shows_control_characters_escaped(
    command: tuple[str, ...], tmp_path: Path, run_kit
) -> None:
    assert run_kit("library", "install", _evil_pack(tmp_path))[0] == 0
    code, out, err = run_kit(*command)
    assert code == 0 and "Evil" in out + err
    assert _clean(out) and _clean(err)
    assert "\\u001b]0;owned\\u0007Evil" in out


def test_json_output_stays_valid_json_with_the_text_intact(tmp_path: Path, run_kit) -> None:
    assert run_kit("library", "install", _evil_pack(tmp_path))[0] == 0
    code, out, _err = run_kit("library", "show", "demo", "--json")
    assert code == 0 and _clean(out)
    assert json.loads(out)["title"] == f"Pack {EVIL}"


def test_pack_inspect_escapes_the_title(tmp_path: Path, run_kit) -> None:
    code, out, err = run_kit("pack", "inspect", _evil_pack(tmp_path))
    assert code == 0 and "Evil" in out and _clean(out) and _clean(err)


def test_an_install_error_naming_a_hostile_entry_is_escaped(tmp_path: Path, run_kit) -> None:
    body = content()
    name = "media/\x1b[2Jx.png"
    files = {"content.json": dumps(body), name: b"x"}
    pack = write_zip(
        tmp_path / "bad.kitpack",
        [("manifest.json", dumps(manifest_for(body, files))), *files.items()],
    )
    code, out, err = run_kit("library", "install", pack)
    assert code == 1 and out == ""
    assert "\\u001b[2Jx.png" in err and _clean(err)


def test_a_hostile_file_name_in_an_error_sentence_is_escaped(tmp_path: Path, run_kit) -> None:
    code, _out, err = run_kit("library", "install", tmp_path / "\x1b[31mmissing.kitpack")
    assert code == 1 and "\\u001b[31mmissing.kitpack does not exist" in err and _clean(err)
