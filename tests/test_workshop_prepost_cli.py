"""`kit workshop prepost set|answer|show` through the real CLI, --json and refusals."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from ui_shell import add_profile, build_getting_started, prepare


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Path:
    return build_getting_started(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def shop(run_kit, data_dir: Path, packs: Path) -> str:
    prepare(data_dir, [packs])
    code, out, err = run_kit("workshop", "new", "Wiki editing", "--json")
    assert code == 0, err
    return json.loads(out)["id"]


def _answer(run_kit, *args: str) -> tuple[int, dict | None, str]:
    code, out, err = run_kit("workshop", "prepost", "answer", "Wiki editing", *args, "--json")
    return code, json.loads(out) if code == 0 else None, err


def test_set_answer_show_with_codes_and_a_profile(run_kit, data_dir, shop, monkeypatch) -> None:
    code, out, err = run_kit("workshop", "prepost", "set", shop, "confidence", "--json")
    assert code == 0, err
    assert json.loads(out) == {"workshop": shop, "questions": "confidence", "kind": "survey"}
    add_profile(data_dir, "Ana", pin="2468")
    rated = {
        ("--code", "MJ 14"): ([2, 2, 3, 1], [4, 4, 4, 4]),
        ("--profile", "Ana"): ([3, 3, 3, 3], [2, 3, 3, 3]),
    }
    for who, (pre, post) in rated.items():
        for phase, ratings in (("pre", pre), ("post", post)):
            monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
            answers = [f"--answer=c{n}={r}" for n, r in enumerate(ratings, 1)]
            code, shown, err = _answer(run_kit, phase, *who, *answers)
            assert code == 0, err
            assert shown["score"] == pytest.approx(sum(ratings) / len(ratings))
    code, out, err = run_kit("workshop", "prepost", "show", shop, "--json")
    assert code == 0, err
    figures = {f["key"]: f["value"] for f in json.loads(out)["section"]["figures"]}
    changes = [sum(b) / 4 - sum(a) / 4 for a, b in rated.values()]
    assert figures["prepost_pairs"] == 2
    assert figures["prepost_change"] == pytest.approx(sum(changes) / 2, abs=0.0051)  # 2 places
    assert (figures["prepost_improved"], figures["prepost_worse"]) == (1, 1)
    assert "mj" not in out.casefold() and "Ana" not in out
    code, out, _err = run_kit("workshop", "prepost", "show", shop)
    assert code == 0 and "Mean change: 0.88" in out and "mj" not in out.casefold()
    assert "c4: I feel ready to use these skills on my own. [1=Strongly disagree," in out


def test_refusals_say_what_to_do_and_keep_nothing(run_kit, data_dir, shop, monkeypatch) -> None:
    code, _out, err = run_kit("workshop", "prepost", "answer", shop, "pre", "--code", "x")
    assert code == 1 and "kit workshop prepost set" in err and "Traceback" not in err
    code, _out, err = run_kit("workshop", "prepost", "set", shop, "getting-started/nothing")
    assert code == 1 and "install its pack" in err
    assert run_kit("workshop", "prepost", "set", shop, "getting-started/check-learning")[0] == 0
    code, _none, err = _answer(run_kit, "pre", "--code", "ab", "--answer", "offline=9")
    assert code == 1 and "has no answer 9" in err
    code, _none, err = _answer(run_kit, "pre", "--code", "ab", "--answer", "nope")
    assert code == 1 and "QUESTION=ANSWER" in err
    add_profile(data_dir, "Ana", pin="2468")
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    code, _none, err = _answer(run_kit, "pre", "--profile", "Ana", "--answer", "offline=2")
    assert code == 1 and "PIN" in err
    code, _out, err = run_kit("workshop", "prepost", "answer", shop, "later", "--code", "ab")
    assert code == 2
    code, out, _err = run_kit("workshop", "prepost", "show", shop, "--json")
    shown = json.loads(out)
    assert shown["questions"] == "getting-started/check-learning" and shown["section"] is None
    offline = next(q for q in shown["asked"] if q["id"] == "offline")
    assert offline["choices"] == [{"id": "1", "text": "True"}, {"id": "2", "text": "False"}]
    assert "correct" not in out and "Right:" not in out  # nothing gives the answers away
    code, shown, err = _answer(
        run_kit, "pre", "--code", "ab", "--answer", "item-kinds=1,2,3", "--answer", "offline=2"
    )
    assert code == 0 and shown == {"phase": "pre", "score": 40.0, "answered": 2}
