"""Numbers a stranger's file may hold: NaN, Infinity, 1e999 and 5000 digits are refused.

One strict JSON reader and one strict YAML loader read every untrusted file, and each
numeric field is range-checked, so nothing out of range reaches the library (where it
used to break the library page on every paint and `library show --json`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from library_helpers import content, dumps, lesson, manifest_for, open_library, snapshot, write_zip
from pack_helpers import LESSON, MODULE, edit, make_source

HUGE = "9" * 5000


def _raw_pack(tmp_path: Path, content_text: str, manifest_extra: str = "") -> Path:
    raw = content_text.encode("utf-8")
    body = content()
    manifest = manifest_for(body, {"content.json": raw})
    text = dumps(manifest).decode()
    if manifest_extra:
        text = text.replace('"format_version": 1', f'"format_version": 1, {manifest_extra}')
    return write_zip(
        tmp_path / "bad.kitpack", [("manifest.json", text.encode()), ("content.json", raw)]
    )


def _content_with_minutes(value: str) -> str:
    text = dumps(content(items=[lesson("intro", "Intro")])).decode()
    assert text.count('"minutes": 2') == 1
    return text.replace('"minutes": 2', f'"minutes": {value}')


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("Infinity", "out of range"),
        ("-Infinity", "out of range"),
        ("NaN", "out of range"),
        ("1e999", "out of range"),
        (HUGE, "out of range"),
        ("1000000000", "from 0 to 100000"),
        ("-5", "from 0 to 100000"),
    ],
)
def test_a_minutes_value_out_of_range_is_refused(
    value: str, why: str, tmp_path: Path, data_dir: Path, run_kit
) -> None:
    pack = _raw_pack(tmp_path, _content_with_minutes(value))
    before = snapshot(data_dir)
    code, out, err = run_kit("library", "install", pack)
    assert (code, out) == (1, "")
    assert why in err and err.count("\n") == 1 and "Traceback" not in err
    assert snapshot(data_dir) == before


def test_a_pass_mark_above_100_is_refused(tmp_path: Path, data_dir: Path) -> None:
    quiz = dict(lesson("q", "Quiz"), type="quiz", pass_mark=1000, questions=[])
    pack = _raw_pack(tmp_path, dumps(content(items=[quiz])).decode())
    code = None
    with open_library(data_dir) as lib:
        with pytest.raises(Exception, match="pass mark of item 'q' is not a number from 0 to 100"):
            lib.install(pack)
        code = lib.list_packs()
    assert code == []


@pytest.mark.parametrize("extra", [f'"counts": {{"items": {HUGE}}}', '"counts": NaN', '"x": 1e999'])
def test_a_manifest_number_out_of_range_is_one_sentence(
    extra: str, tmp_path: Path, run_kit
) -> None:
    pack = _raw_pack(tmp_path, dumps(content()).decode(), manifest_extra=extra)
    for command in (("library", "install"), ("pack", "inspect")):
        code, _out, err = run_kit(*command, pack)
        assert code == 1 and "its manifest holds a number that is out of range" in err, err
        assert "Traceback" not in err


@pytest.mark.parametrize("value", [".inf", "-.Inf", ".nan", HUGE, "1.0e+999"])
def test_a_yaml_number_out_of_range_is_a_problem_with_its_line(
    value: str, tmp_path: Path, run_kit
) -> None:
    src = make_source(tmp_path / "src")
    edit(src, LESSON, "minutes: 5", f"minutes: {value}")
    code, out, err = run_kit("pack", "validate", src)
    assert code == 1 and "Traceback" not in err
    assert f"{LESSON}:5:" in out + err
    assert "a number is out of range" in out + err or "must be a number" in out + err


def test_a_yaml_number_elsewhere_in_a_module_is_refused(tmp_path: Path, run_kit) -> None:
    src = make_source(tmp_path / "src")
    edit(src, MODULE, "tags: [getting-started, editing]", f"tags: [getting-started, {HUGE}]")
    code, out, err = run_kit("pack", "build", src, "--out", tmp_path / "out")
    assert code == 1 and "Traceback" not in err
    assert "a number is out of range" in out + err


def test_print_json_refuses_nan_with_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    from kit.cli.output import print_json
    from kit.core.errors import KitError

    with pytest.raises(KitError, match="out of range"):
        print_json({"minutes": float("inf")})
    assert capsys.readouterr().out == ""


def test_a_yaml_value_that_looks_like_a_date_but_is_none_is_a_problem(
    tmp_path: Path, run_kit
) -> None:
    """Found by tests/test_fuzz_cli.py: PyYAML raised ValueError for 9999-99-99."""
    src = make_source(tmp_path / "src")
    (src / "pack.yaml").write_text(
        "when: 9999-99-99\n" + (src / "pack.yaml").read_text(), encoding="utf-8"
    )
    code, out, err = run_kit("pack", "validate", src)
    assert code == 1 and "Traceback" not in err
    assert "pack.yaml:1: invalid YAML: '9999-99-99' is not a valid date" in out + err


@pytest.mark.parametrize("nesting", ["[" * 100_000, '{"a":' * 100_000, "[" * 65 + "]" * 65])
def test_a_deeply_nested_catalog_is_one_sentence(nesting: str, tmp_path: Path, run_kit) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "catalog.json").write_text(nesting, encoding="utf-8")
    code, _out, err = run_kit("source", "add", folder)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "is nested too deeply" in err or "is not valid JSON" in err


def test_a_deeply_nested_pack_yaml_is_one_problem(tmp_path: Path, run_kit) -> None:
    src = make_source(tmp_path / "src")
    text = (src / "pack.yaml").read_text(encoding="utf-8")
    (src / "pack.yaml").write_text(text + "deep: " + "[" * 100_000 + "\n", encoding="utf-8")
    code, out, err = run_kit("pack", "validate", src)
    assert code == 1 and "Traceback" not in err
    assert "nested too deeply (more than 64 levels)" in out + err


def test_a_deeply_nested_manifest_is_one_sentence(tmp_path: Path, run_kit) -> None:
    pack = _raw_pack(tmp_path, dumps(content()).decode(), manifest_extra='"x": ' + "[" * 50_000)
    code, _out, err = run_kit("library", "install", pack)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err


def test_nesting_up_to_64_levels_is_read_and_one_more_is_refused() -> None:
    from kit.core import strictjson

    def nested(levels: int) -> str:
        # objects and arrays in turn, beside flat values and empty ones at every level
        text = "1"
        for n in range(levels):
            empty = ", {}" if n else ""
            text = f'{{"x": {text}, "y": "s"}}' if n % 2 else f'[0, "t", {text}{empty}]'
        return text

    assert strictjson.loads(nested(64)) is not None
    with pytest.raises(strictjson.StrictJSONError) as refused:
        strictjson.loads(nested(65))
    assert refused.value.reason == strictjson.TOO_DEEP
