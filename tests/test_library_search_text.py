"""Search results read from the lessons' text: snippets and stubs, whatever the script."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_helpers import content, lesson, open_library, write_pack

FILLER = " ".join(f"word{n}" for n in range(30))
AROUND = "Tourniquets, applied well; stop the\n\nBLEEDING fast (really)."
ACCENT = " Un café."  # far past the snippet: the text is no longer ASCII


@pytest.fixture
def lib(tmp_path: Path, data_dir: Path):
    body = f"{FILLER} {AROUND} {FILLER}"
    title_words = "hand WASHING " * 40  # past the first slice of text read by the stub check
    own = " ".join(f"own{n}" for n in range(12))
    items = [
        lesson("plain", "First aid", body),
        lesson("accent", "First aid", body + ACCENT),
        lesson("stub", "Hand washing", title_words + own.rsplit(" ", 1)[0]),
        lesson("stub-accent", "Hand washing", title_words + own.rsplit(" ", 1)[0] + " —"),
        lesson("real", "Hand washing", title_words + own),
        lesson("real-accent", "Hand washing", title_words + own + ACCENT),
    ]
    library = open_library(data_dir)
    library.install(write_pack(tmp_path / "p.kitpack", content(items=items)))
    yield library
    library.close()


@pytest.mark.parametrize("query", ["bleeding", "BLEED", "tourniquets fast", "really"])
def test_a_snippet_shows_the_first_match_in_its_words_whatever_the_script(lib, query) -> None:
    results = {r["item_id"]: r for r in lib.search(query)}
    plain, accent = results["plain"], results["accent"]
    assert plain["snippet"] == accent["snippet"]
    assert plain["snippet_html"] == accent["snippet_html"]
    snippet = plain["snippet"]
    assert snippet.startswith("…") and snippet.endswith("…")  # cut on both sides
    assert "\n" not in snippet and "  " not in snippet
    marked = snippet.split("[", 1)[1].split("]", 1)[0]
    assert marked.lower().startswith(query.split()[0].lower())


def test_the_snippet_marks_every_matching_word_and_only_whole_words(lib) -> None:
    snippet = lib.search("bleeding tourniquets")[0]["snippet"]
    assert "[Tourniquets]," in snippet and "[BLEEDING]" in snippet
    assert lib.search("bleeding tourniquets")[0]["snippet_html"].count("<b>") == 2
    assert lib.search("bleedin") and lib.search("bleedin")[0]["snippet"].count("[") == 1
    assert lib.search("leeding") == []  # not a word's start


def test_stubs_are_told_from_real_text_whatever_the_script(lib) -> None:
    thin = {r["item_id"]: r["thin"] for r in lib.search("hand washing")}
    # Eleven words of their own (title words in any case do not count) make a stub;
    # twelve make real text.
    assert thin == {"stub": True, "stub-accent": True, "real": False, "real-accent": False}
    assert [r["item_id"] for r in lib.search("hand washing")][2:] in (
        ["stub", "stub-accent"],
        ["stub-accent", "stub"],
    )


def test_results_say_what_and_where_they_are(lib) -> None:
    result = lib.search("bleeding")[0]
    assert (result["type"], result["module_id"], result["pack_title"]) == (
        "lesson",
        "m1",
        "Pack demo",
    )
