"""A needs-assessment response acknowledged as saved survives kill -9: a writer records
respondent after respondent and prints each id once `record` has returned; it is killed
mid-stream, several times, and every acknowledged response is there, whole."""

from __future__ import annotations

import json
import random
from pathlib import Path

from killed_writer import acknowledged_before_kill
from needs_helpers import install, needs_item, needs_pack, respondents

from kit.core.needs import NeedsResponses, from_item
from kit.core.needs.store import checked_answers
from kit.core.records import Records

WRITER = """
import itertools, json, sys
from pathlib import Path
from kit.core.needs import KIOSK, NeedsResponses, from_item
from kit.core.paths import DataDir
from kit.core.records import Records

survey = from_item("skills-survey", "1.0.0", json.loads(sys.argv[2]))
answers = json.loads(sys.argv[3])
with Records(DataDir(Path(sys.argv[1]))) as records:
    store = NeedsResponses(records.rdb)
    print("ready", flush=True)
    for n in itertools.count():
        rid = store.record(survey, answers[n % len(answers)], KIOSK)
        sys.stdout.write(rid + "\\n")
        sys.stdout.flush()
"""

ROUNDS = 4


def test_every_acknowledged_response_survives_kill_9(data_dir: Path, tmp_path: Path) -> None:
    folder = install(data_dir, needs_pack(tmp_path / "packs"))
    item = needs_item()
    survey = from_item("skills-survey", "1.0.0", item)
    answer_sets = respondents(10)
    rng = random.Random(4)
    acknowledged: set[str] = set()
    for _ in range(ROUNDS):
        acknowledged |= acknowledged_before_kill(
            WRITER,
            [str(data_dir), json.dumps(item), json.dumps(answer_sets)],
            rng.randint(1, 12),
        )
    with Records(folder) as rec:
        stored = {r.id: r for r in NeedsResponses(rec.rdb).responses(survey)}
        assert rec.rdb.integrity_problems() == []
    assert acknowledged <= set(stored)
    allowed = [json.dumps(checked_answers(survey, a), sort_keys=True) for a in answer_sets]
    for r in stored.values():
        assert json.dumps(dict(r.answers), sort_keys=True) in allowed
