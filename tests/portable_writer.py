"""A writer on a USB stick, for the simulated unplug (tests/test_portable_stick.py).

    python tests/portable_writer.py DATA_DIR COUNT

Starts a portable run on DATA_DIR as the app does (kit.core.portable.health.begin),
makes a profile, then records COUNT events, printing each event's id only after
append_event has returned (the commit is durable: the moment the app says "saved").
It prints "ready" first, and never ends its run cleanly when killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kit.core.paths import DataDir
from kit.core.portable.health import begin
from kit.core.records import Records


def main(root: str, count: int) -> None:
    data = DataDir(Path(root), portable=True)
    run = begin(data)
    records = Records(data)
    profile = records.create_profile("Stick")
    print("ready", flush=True)
    for n in range(count):
        event = records.append_event(profile.id, "first-aid", f"item-{n}", "completed")
        print(event.id, flush=True)
    records.close()
    run.end()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
