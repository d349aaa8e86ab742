"""An acknowledged check-in survives kill -9: the writer is killed mid-stream, many times."""

from __future__ import annotations

import random
from pathlib import Path

from killed_writer import acknowledged_before_kill

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops, template_day

# Prints a participant's id only after check_in has returned: the moment the register
# would show them as checked in.
WRITER = """
import sys
from pathlib import Path
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshops

records = Records(DataDir(Path(sys.argv[1])))
shops = Workshops(records.rdb)
shop = shops.get(sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    who = shops.add_participant(shop.id, f"P{n}")
    shops.check_in(shop.id, shop.sessions[n % 3].id, [who.id])
    sys.stdout.write(who.id + "\\n")
    sys.stdout.flush()
    n += 1
"""

ROUNDS = 12


def test_every_acknowledged_check_in_survives_kill_9(data_dir: Path) -> None:
    data = DataDir(data_dir)
    with Records(data) as records:
        shop = Workshops(records.rdb).save(Workshop(title="Durable", sessions=template_day(1)))
    rng = random.Random(11)
    acknowledged: set[str] = set()
    for _ in range(ROUNDS):
        acknowledged |= acknowledged_before_kill(
            WRITER, [str(data_dir), shop.id], rng.choice([-1, 0, 1, 5, 20])
        )
    assert len(acknowledged) > ROUNDS
    with Records(data) as records:
        assert records.check() == []
        checked_in = {c.participant_id for c in Workshops(records.rdb).checkins(shop.id)}
    assert acknowledged <= checked_in
