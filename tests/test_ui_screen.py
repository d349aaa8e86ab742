"""The window fits the screen it opens on, down to a 1024x600 netbook.

Qt's offscreen platform takes a screen configuration (`offscreen:configfile=FILE`, a JSON
list of screens), so each case runs the real window in a subprocess on a screen of that
size (tests/screen_fit.py) and checks what a learner would see.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from offscreen_screens import run_on_screens, screen
from ui_shell import add_profile, prepare

from kit.core.paths import DataDir
from kit.core.records import Records

HERE = Path(__file__).resolve().parent


def run_on_screen(data_dir: Path, tmp_path: Path, width: int, height: int) -> dict:
    return run_on_screens("screen_fit.py", data_dir, tmp_path, [screen("Screen", 0, width, height)])


def inside(inner: list[int], width: int, height: int) -> bool:
    x, y, w, h = inner[:4]
    return x >= 0 and y >= 0 and x + w <= width and y + h <= height


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1024, 600, 1.0), (1024, 600, 1.5), (1366, 768, 1.0)],
)
def test_the_window_and_its_pages_fit_the_screen(
    data_dir, pack, tmp_path, width, height, scale
) -> None:
    prepare(data_dir, [pack])
    settings = data_dir / "settings.json"
    settings.write_text(json.dumps({**json.loads(settings.read_text()), "text_scale": scale}))
    add_profile(data_dir, "Ana")
    with Records(DataDir(data_dir)) as records:  # so that Manage shows every PIN row
        records.create_profile("Fatima", pin="1111", role="facilitator")
    shown = run_on_screen(data_dir, tmp_path, width, height)
    assert shown["screen"] == [0, 0, width, height]
    assert inside(shown["window"], width, height), shown["window"]
    assert shown["minimum"][0] <= width and shown["minimum"][1] <= height
    _x, _y, window_w, window_h = shown["window"]
    names = [page["name"] for page in shown["pages"]]
    assert {
        "library",
        "reader",
        "getpacks",
        "progress",
        "about",
        "shortcuts",
        "profiles",
        "manage",
    } <= set(names)
    for page in shown["pages"]:
        stack_w, stack_h = page["stack"]
        assert page["minimum"][0] <= stack_w and page["minimum"][1] <= stack_h, page
        assert all(across == 0 for across, _down in page["overflow"]), page  # no sideways scroll
        for text, where in page["buttons"].items():
            if where[4]:  # in a scroll area: it may be further down, but never cut at the side
                assert where[0] >= 0 and where[0] + where[2] <= window_w, (page["name"], text)
            else:
                assert inside(where, window_w, window_h), (page["name"], text, where)
    reader = next(page for page in shown["pages"] if page["name"] == "reader")
    assert {"Next →", "Mark as done"} <= set(reader["buttons"])
