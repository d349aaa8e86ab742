"""Screenshots of the needs-assessment results view for the docs and review (offscreen,
a throwaway data folder).

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/needs_screenshots.py OUT_DIR [LANG]

Writes OUT_DIR/LANG-needs-results.png (who answered, the need ranking) and
LANG-needs-skills.png (how each skill was rated, the packs that teach it): the bundled
needs-assessment and getting-started packs, 38 generated respondents (30 by kiosk, 8
on paper), on a 1366x768 laptop.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox

SURVEY = "needs-assessment/skills-needs"
WANTED = ("capx:training", "capx:facilitation", "capx:surveys")  # little known, wanted


def _answers(item: dict, count: int = 38) -> list[dict]:
    rng = random.Random(5)
    out = []
    for n in range(count):
        answers: dict = {"years": "5" if n < 3 else rng.choice("1234")}
        answers["roles"] = rng.sample("123456", rng.randint(1, 2))
        for q in item["questions"]:
            skill, dimension = q.get("skill"), q.get("dimension")
            if not skill:
                continue
            if skill in WANTED:
                pick = rng.choice("45" if dimension == "importance" else "1122")
            else:
                pick = rng.choice(["1", "2", "3", "4", "5", "6", None])
            if pick is not None:
                answers[q["id"]] = pick
        out.append(answers)
    return out


def _prepare(data: Path) -> None:
    from kit.core.bundled import bundled_sources
    from kit.core.library import Library
    from kit.core.needs import KIOSK, PAPER, NeedsResponses
    from kit.core.needs.installed import find_survey
    from kit.core.packformat.build import build_pack
    from kit.core.paths import DataDir
    from kit.core.records import Records

    folder = DataDir(data).ensure()
    with Library(folder) as lib, Records(folder) as records:
        for source in bundled_sources():
            if source.name in ("needs-assessment", "getting-started"):
                lib.install(build_pack(source, data.parent))
        item = lib.get_item(*SURVEY.split("/"))
        survey = find_survey(lib, SURVEY)
        answers = _answers(item)
        store = NeedsResponses(records.rdb)
        store.record_many(survey, answers[:30], KIOSK)
        store.record_many(survey, answers[30:], PAPER)


def main(out: Path, lang: str) -> None:
    os.environ["KIT_LANG"] = lang
    app = QApplication.instance() or QApplication([])
    import kit.i18n
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.needs.results.view import ResultsView
    from kit.ui.runners.worker import Worker

    kit.i18n.set_language(lang)
    if kit.i18n.uses_arabic_script(lang):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp()) / "data"
    _prepare(data)
    ctx = AppContext(data=DataDir(data), worker=Worker())
    ctx.session.language = lang

    def open_core() -> None:
        ctx.library = Library(DataDir(data))
        ctx.records = Records(DataDir(data))

    ctx.worker.call(open_core)
    view = ResultsView(ctx)
    view.resize(1366, 768)
    view.show()
    view.show_survey(SURVEY)
    deadline = time.monotonic() + 20
    while view.loaded is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(50):
        app.processEvents()
    view.grab().save(str(out / f"{lang}-needs-results.png"))
    print(out / f"{lang}-needs-results.png")
    box = view.content.findChild(QGroupBox, "needsSection-teaching")
    if box is not None:
        view.scroll.verticalScrollBar().setValue(box.y())
    for _ in range(50):
        app.processEvents()
    view.grab().save(str(out / f"{lang}-needs-skills.png"))
    print(out / f"{lang}-needs-skills.png")
    ctx.worker.call(lambda: (ctx.library.close(), ctx.records.close()))
    ctx.worker.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en")
