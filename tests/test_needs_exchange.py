"""Needs-assessment responses carried from a second data folder: exported, imported twice
(adding nothing the second time), and damaged or hostile files refused with nothing changed."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from needs_helpers import install, needs_item, needs_pack, qid, respondents

from kit.core.library import Library
from kit.core.needs import IMPORTED, KIOSK, PAPER, NeedsError, NeedsResponses, from_item
from kit.core.needs.exchange import FORMAT, digest, export_responses, import_files
from kit.core.needs.installed import survey_of
from kit.core.paths import DataDir
from kit.core.records import Records

SURVEY = from_item("skills-survey", "1.0.0", needs_item())


@pytest.fixture
def two_folders(tmp_path: Path) -> tuple[DataDir, DataDir]:
    pack = needs_pack(tmp_path / "packs")
    return install(tmp_path / "here", pack), install(tmp_path / "there", pack)


def _import(folder: DataDir, *files: Path) -> tuple[int, int]:
    with Records(folder) as rec, Library(folder) as lib:
        return import_files(NeedsResponses(rec.rdb), list(files), partial(survey_of, lib))


def _stored(folder: DataDir) -> list:
    with Records(folder) as rec:
        return NeedsResponses(rec.rdb).responses(SURVEY)


def _export(folder: DataDir, path: Path, answer_sets: list, mode: str = KIOSK) -> Path:
    with Records(folder) as rec:
        store = NeedsResponses(rec.rdb)
        store.record_many(SURVEY, answer_sets, mode)
        export_responses(store, SURVEY, path)
    return path


def test_import_from_a_second_data_folder_twice_adds_nothing_the_second_time(
    two_folders, tmp_path: Path
) -> None:
    here, there = two_folders
    with Records(here) as rec:
        NeedsResponses(rec.rdb).record_many(SURVEY, respondents(20, seed=1), PAPER)
    file = _export(there, tmp_path / "there.json", respondents(15, seed=2))
    assert _import(here, file) == (15, 0)
    assert _import(here, file) == (0, 15)
    stored = _stored(here)
    assert len(stored) == 35
    assert sorted(r.mode for r in stored).count(IMPORTED) == 15
    theirs = {r.id: r for r in _stored(there)}
    for r in stored:
        if r.mode == IMPORTED:
            assert r.answers == theirs[r.id].answers and r.day == theirs[r.id].day
    # exporting what was imported and importing it back there adds nothing either
    back = tmp_path / "back.json"
    with Records(here) as rec:
        export_responses(NeedsResponses(rec.rdb), SURVEY, back)
    assert _import(there, back) == (20, 15)


def _file(tmp_path: Path, payload: dict, sign: bool = True) -> Path:
    if sign:
        payload = {**payload, "sha256": digest(payload)}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def _good(responses: list | None = None) -> dict:
    if responses is None:
        responses = [{"id": "a" * 32, "version": "1.0.0-abc", "day": "2026-12-01",
                      "answers": {"years": "1"}}]  # fmt: skip
    return {"format": FORMAT, "format_version": 1,
            "survey": {"pack_id": "skills-survey", "item_id": "needs"}, "responses": responses}  # fmt: skip


def _response(**changes) -> dict:
    base = {"id": "b" * 32, "version": "1", "day": "2026-12-01", "answers": {"years": "2"}}
    return {**base, **changes}


HOSTILE = {
    "not JSON": lambda p: p.write_bytes(b"{not json"),
    "binary": lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),
    "nested deep": lambda p: p.write_text("[" * 5000 + "]" * 5000),
    "NaN": lambda p: p.write_text('{"format": NaN}'),
    "another format": lambda p: p.write_text(json.dumps({"format": "x"})),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_file_that_is_not_one_is_refused_in_one_sentence(two_folders, tmp_path, name) -> None:
    here, _there = two_folders
    path = tmp_path / "bad.json"
    HOSTILE[name](path)
    with pytest.raises(NeedsError) as refused:
        _import(here, path)
    message = str(refused.value)
    assert message.startswith("bad.json was not imported: ") and "\n" not in message
    assert message.endswith("Nothing was changed.")
    assert _stored(here) == []


BAD_PAYLOADS = {
    "newer format": ({**_good(), "format_version": 2}, "newer Training Kit"),
    "bad id": (_good([_response(id="../../x")]), "response 1 in it is not valid"),
    "bad day": (_good([_response(day="2026-13-45")]), "response 1 in it is not valid"),
    "time of day": (_good([_response(day="2026-12-01T10:00")]), "response 1 in it is not valid"),
    "unknown question": (_good([_response(answers={"who": "1"})]), "response 1"),
    "not a choice": (_good([_response(answers={qid("Q11024", "importance"): "7"})]), "response 1"),
    "extra field": (_good([_response(profile="Ana")]), "response 1"),
    "empty answers": (_good([_response(answers={})]), "response 1"),
    "answer a number": (_good([_response(answers={"years": 1})]), "response 1"),
    "not installed": (
        {**_good(), "survey": {"pack_id": "other", "item_id": "needs"}},
        "which is not installed here",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_PAYLOADS))
def test_a_hostile_file_is_refused_and_nothing_changes(two_folders, tmp_path, name) -> None:
    here, _there = two_folders
    (tmp_path / "good").mkdir()
    good = _file(tmp_path / "good", _good())
    payload, reason = BAD_PAYLOADS[name]
    with pytest.raises(NeedsError, match=reason):
        _import(here, good, _file(tmp_path, payload))  # the good file is not imported either
    assert _stored(here) == []


def test_a_damaged_file_is_refused_by_its_checksum(two_folders, tmp_path: Path) -> None:
    here, there = two_folders
    file = _export(there, tmp_path / "there.json", respondents(6, seed=3))
    text = file.read_text(encoding="utf-8")
    answer = f'"{qid("Q11024", "confidence")}": "'
    at = text.index(answer) + len(answer)
    damaged = text[:at] + ("1" if text[at] != "1" else "2") + text[at + 1 :]
    file.write_text(damaged, encoding="utf-8")
    with pytest.raises(NeedsError, match="it is damaged"):
        _import(here, file)
    assert _stored(here) == []
    unsigned = _file(tmp_path, _good(), sign=False)
    with pytest.raises(NeedsError, match="it is damaged"):
        _import(here, unsigned)
