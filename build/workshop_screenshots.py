"""Screenshots of workshop mode for the docs and review (offscreen, a throwaway data folder).

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/workshop_screenshots.py OUT_DIR [LANG]

Writes OUT_DIR/LANG-plan.png, -checkin.png, -register.png, -print.png, -prepost.png,
-feedback.png, -report.png, -present.png, -console.png, -audience.png: a one-day workshop planned from the bundled getting-started pack
with 12 participants, 9 checked in, its first session presented on a 1366x768 laptop.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

NAMES = ("Amara", "Bruno", "Chen", "Dalia", "Élodie", "Farid", "Grace", "Hugo", "Ines",
         "Jamal", "Kofi", "Lucía")  # fmt: skip


def _wait(signal, ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def _prepare(data: Path) -> str:
    from kit.core.bundled import bundled_sources
    from kit.core.library import Library
    from kit.core.packformat.build import build_pack
    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.core.workshops import AgendaItem, Workshop, Workshops, WorkshopSession

    (source,) = [s for s in bundled_sources() if s.name == "getting-started"]
    built = build_pack(source, data.parent / "getting-started.kitpack")
    with Library(DataDir(data)) as lib:
        lib.install(built)
    morning = WorkshopSession(
        day=1, start="09:00", slot=45, title="Morning",
        items=(
            AgendaItem(kind="pack", pack_id="getting-started", item_id="tour", minutes=10),
            AgendaItem(kind="pack", pack_id="getting-started", module_id="teaching", minutes=20),
            AgendaItem(kind="break", minutes=15),
        ),
    )  # fmt: skip
    after = WorkshopSession(day=1, start="10:00", slot=60, title="Hands-on",
                            items=(AgendaItem(kind="hands-on", minutes=70),))  # fmt: skip
    with Records(DataDir(data)) as records:
        records.create_profile("Rosa", pin="4321", role="facilitator")
        shops = Workshops(records.rdb)
        shop = shops.save(
            Workshop(
                title="Wiki editing day",
                starts="2026-03-14",
                ends="2026-03-14",
                place="City library",
                facilitators=("Rosa",),
                creates_accounts=True,
                sessions=(morning, after),
            )
        )
        people = [shops.add_participant(shop.id, n, wiki_username=f"{n}W") for n in NAMES]
        shops.check_in(shop.id, shop.sessions[0].id, [p.id for p in people[:9]])
    return shop.id


def _shoot(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def main(out: Path, lang: str) -> None:
    os.environ["KIT_LANG"] = lang
    app = QApplication.instance() or QApplication([])
    from kit.core.paths import DataDir
    from kit.ui.context import Services
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.window import WorkshopWindow

    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp()) / "data"
    shop_id = _prepare(data)
    window = WorkshopWindow(Services(DataDir(data), Worker()))
    window.resize(1366, 768)
    window.show()
    _wait(window.ready)
    window.pin.setText("4321")
    window.sign_in_button.click()
    _wait(window.signed_in)
    home = window.home
    home.choose(shop_id)
    _settle(app, 200)
    for name, page in (("plan", home.plan), ("checkin", home.attendance)):
        home.tabs.setCurrentWidget(page)
        _settle(app, 100)
        _shoot(window, out / f"{lang}-{name}.png")
    home.attendance.tabs.setCurrentWidget(home.attendance.register)
    _settle(app, 50)
    _shoot(window, out / f"{lang}-register.png")
    for index, name in ((3, "print"), (4, "prepost"), (5, "feedback"), (6, "report")):
        home.tabs.setCurrentIndex(index)
        _settle(app, 100)
        _shoot(window, out / f"{lang}-{name}.png")
    home.tabs.setCurrentWidget(home.present)
    _settle(app, 100)
    _shoot(window, out / f"{lang}-present.png")
    home.present.select(0)
    home.present.session_button.click()
    _wait(window.presenting)
    presenter = window.presenter
    presenter.key(Qt.Key.Key_Right)
    _settle(app, 50)
    _shoot(window, out / f"{lang}-console.png")
    presenter.audience.resize(1366, 768)
    presenter.audience.fit_to(768)
    presenter.audience.show()
    _settle(app, 50)
    _shoot(presenter.audience, out / f"{lang}-audience.png")
    window.shutdown()
    window.ctx.worker.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en")
