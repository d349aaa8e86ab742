"""Damaged and hostile records files are refused with one sentence and change nothing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from kit.core.recordfiles import RecordFileError, export_records, import_files
from tests.recordfiles_helpers import computer, rewrite, state


@pytest.fixture
def good(tmp_path: Path) -> Path:
    with computer(tmp_path, "src") as rec:
        ana = rec.create_profile("Ana")
        rec.append_event(ana.id, "pack", "i1", "completed")
        return (
            export_records(rec.rdb, tmp_path / "good.kitrecords") and tmp_path / "good.kitrecords"
        )


def _rows(path: Path) -> list[list]:
    with zipfile.ZipFile(path) as zf:
        return [json.loads(line) for line in zf.read("records.jsonl").splitlines()]


def _lines(rows: list[list]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


def _changed(good: Path, dest: Path, table: str, column: str, value) -> Path:
    rows = _rows(good)
    for r in rows:
        if r[0] == table:
            r[1][column] = value
    return rewrite(good, dest, rows=_lines(rows))


def _refused(tmp_path: Path, bad: Path, words: str) -> None:
    with computer(tmp_path, "target") as rec:
        if not rec.list_profiles():
            rec.create_profile("Here")
        before = state(rec)
        with pytest.raises(RecordFileError) as caught:
            import_files(rec.rdb, [bad])
        message = str(caught.value)
        assert words in message
        assert "\n" not in message and message.endswith(".")
        assert state(rec) == before


def test_bad_checksum(good, tmp_path):
    rows = _rows(good)
    rows[-1][1]["verb"] = "viewed"
    _refused(tmp_path, rewrite(good, tmp_path / "x", rows=_lines(rows), fix_sum=False), "checksum")


def test_not_a_zip(tmp_path):
    bad = tmp_path / "bad.kitrecords"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    _refused(tmp_path, bad, "damaged or not a records file")


def test_cut_short(good, tmp_path):
    bad = tmp_path / "cut.kitrecords"
    bad.write_bytes(good.read_bytes()[:-60])
    _refused(tmp_path, bad, "damaged")


def test_zip_bomb(good, tmp_path):
    rows = b"\n" * (60 * 1024 * 1024)
    _refused(tmp_path, rewrite(good, tmp_path / "bomb", rows=rows), "too large")


def test_unknown_version(good, tmp_path):
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    manifest["version"] = 99
    _refused(tmp_path, rewrite(good, tmp_path / "v", manifest=manifest), "another version")


def test_extra_member(good, tmp_path):
    bad = rewrite(good, tmp_path / "extra", extra={"../../evil.sh": b"rm -rf /"})
    _refused(tmp_path, bad, "not a Training Kit records file")


@pytest.mark.parametrize(
    ("table", "column", "value", "words"),
    [
        ("events", "at", 12, "events.at"),
        ("events", "at", "yesterday", "events.at"),
        ("events", "verb", "deleted", "events.verb"),
        ("profiles", "name", "x" * 1_000_000, "profiles.name"),
        ("profiles", "name", "A\u202eB", "profiles"),
        ("events", "result", "[1]", "events.result"),
        ("events", "profile_id", "nobody", "does not fit"),
    ],
)
def test_wrong_values(good, tmp_path, table, column, value, words):
    _refused(tmp_path, _changed(good, tmp_path / "w", table, column, value), words)


def test_unknown_table_and_missing_column(good, tmp_path):
    rows = [*_rows(good), ["sqlite_master", {"x": 1}]]
    _refused(tmp_path, rewrite(good, tmp_path / "t", rows=_lines(rows)), "unknown table")
    rows = _rows(good)
    del rows[0][1]["colour"]
    _refused(tmp_path, rewrite(good, tmp_path / "c", rows=_lines(rows)), "columns")


def test_one_bad_file_among_good_ones_changes_nothing(good, tmp_path):
    bad = tmp_path / "bad.kitrecords"
    bad.write_bytes(b"nothing")
    with computer(tmp_path, "target") as rec:
        before = state(rec)
        with pytest.raises(RecordFileError):
            import_files(rec.rdb, [good, bad])
        assert state(rec) == before
