"""Skill tags on the bundled packs' modules: what importers add, all in the directory."""

from __future__ import annotations

from pack_helpers import CONTENT_PACKS

from kit.core.packformat.source import load_source
from kit.core.skills import capx
from kit.core.skills.tagging import skill_tags


def _modules() -> dict[str, list[dict]]:
    return {
        src.name: load_source(src).content["modules"]
        for src in sorted(CONTENT_PACKS.glob("*/pack.yaml"))
        for src in [src.parent]
    }


def test_bundled_modules_carry_skill_tags_from_the_directory() -> None:
    packs = _modules()
    tagged = {
        (pack, m["id"]): [t for t in m["tags"] if capx.is_skill_tag(t)]
        for pack, modules in packs.items()
        for m in modules
    }
    for tags in tagged.values():
        assert all(capx.tag_problem(t) is None for t in tags)
    assert sum(1 for tags in tagged.values() if tags) >= 0.8 * len(tagged)
    for pack in ("carpentries-lc-wikidata", "wikiedu-wikidata-professional"):
        assert all("capx:wikidata" in tagged[(pack, m["id"])] for m in packs[pack])
    assert all(
        "capx:commons" in tagged[("wikiedu-wikimedia-commons", m["id"])]
        for m in packs["wikiedu-wikimedia-commons"]
    )
    assert "capx:translation" in tagged[("wikiedu-students", "translating-articles")]
    assert "capx:training" in tagged[("getting-started", "teaching")]
    assert "capx:glam" in tagged[("wikiedu-wikimedia-commons", "using-glamorgan-to-track-views")]


def test_tags_come_from_whole_words_not_parts_of_them() -> None:
    assert "capx:public-speaking" not in skill_tags("students", "improving-representation")
    assert "capx:public-speaking" in skill_tags("students", "in-class-presentation-exercise")
    assert "capx:training" not in skill_tags("students", "assignment-blog", "Keep a blog")
    assert skill_tags("x", "videos", "Tutorial videos") == []
