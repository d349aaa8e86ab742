"""A pack read again (the reader reads it at every Next) is the pack as it is now."""

from __future__ import annotations

from pathlib import Path

from library_helpers import content, lesson, open_library, write_pack

from kit.core.library import Library
from kit.core.paths import DataDir


def _titles(pack: dict | None) -> list[str]:
    assert pack is not None
    return [i["title"] for m in pack["modules"] for i in m["items"]]


def test_pack_read_again_follows_updates_and_removal(tmp_path: Path, data_dir: Path) -> None:
    v1 = write_pack(tmp_path / "v1.kitpack", content(items=[lesson("a", "Alpha")]))
    v2 = write_pack(
        tmp_path / "v2.kitpack",
        content(version="1.1.0", items=[lesson("a", "Alpha two"), lesson("b", "Beta")]),
    )
    with open_library(data_dir) as lib:
        assert lib.get_pack("demo") is None
        lib.install(v1)
        assert _titles(lib.get_pack("demo")) == ["Alpha"]
        assert _titles(lib.get_pack("demo")) == ["Alpha"]
        lib.install(v2)
        assert _titles(lib.get_pack("demo")) == ["Alpha two", "Beta"]
        assert lib.get_pack("demo")["version"] == "1.1.0"
        lib.remove("demo")
        assert lib.get_pack("demo") is None


def test_a_change_made_by_another_process_is_seen(tmp_path: Path, data_dir: Path) -> None:
    v1 = write_pack(tmp_path / "v1.kitpack", content(items=[lesson("a", "Alpha")]))
    v2 = write_pack(tmp_path / "v2.kitpack", content(version="2.0.0", items=[lesson("z", "Zeta")]))
    with open_library(data_dir) as app:
        app.install(v1)
        assert _titles(app.get_pack("demo")) == ["Alpha"]
        other = Library(DataDir(data_dir))  # the command line, say: its own connection
        try:
            other.install(v2)
        finally:
            other.close()
        assert _titles(app.get_pack("demo")) == ["Zeta"]


def test_changing_an_answer_does_not_change_the_next_one(tmp_path: Path, data_dir: Path) -> None:
    with open_library(data_dir) as lib:
        lib.install(write_pack(tmp_path / "p.kitpack", content(items=[lesson("a", "Alpha")])))
        first = lib.get_pack("demo")
        assert first is not None
        first["title"] = "Changed"
        first["modules"][0]["items"][0]["title"] = "Changed"
        first["modules"].append({"id": "extra", "items": []})
        again = lib.get_pack("demo")
        assert again is not None and again["title"] == "Pack demo"
        assert _titles(again) == ["Alpha"]
