"""Full-text search: ranked, with snippets, in Latin, Arabic, Devanagari and Cyrillic."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from library_helpers import content, lesson, open_library, write_pack

ITEMS = [
    lesson("burns", "Treating burns", "Cool a burn under running water for twenty minutes."),
    lesson("water", "Clean water", "Boil water before drinking. Burns from boiling water hurt."),
    lesson("cafe", "Le café", "Un café très crème, naïve idée."),
    lesson("arabic", "الإسعافات الأولية", "اغسل يديك بالماء والصابون قبل الأكل."),
    lesson("arabic-vowelled", "درس", "مَرْحَبًا بِكُمْ فِي الدَّرْسِ"),
    lesson("hindi", "प्राथमिक चिकित्सा", "हाथों को साबुन और पानी से धोएं। स्वास्थ्य ज़रूरी है।"),
    lesson("russian", "Первая помощь", "Промойте рану чистой водой. Ёлка зелёная."),
    {"id": "deck", "type": "slides", "title": "Deck", "minutes": 1, "notes": "", "summary": "",
     "body": "", "slides": [{"body": "# Bandages\n\nWrap the **bandage** firmly.", "notes": ""}]},
    {"id": "quiz", "type": "quiz", "title": "Check", "minutes": 1, "notes": "", "summary": "",
     "body": "", "questions": [{"id": "q", "type": "single", "prompt": "Which tourniquet is best?",
                                "explanation": "", "choices": [{"id": "1", "text": "Elastic strap",
                                                                "correct": True, "explanation": ""}]}]},
    lesson("mail", "Mail", "Send an e-mail to l'équipe, don't wait."),
    lesson("secret", "Notes", "Nothing here."),
]  # fmt: skip
ITEMS[-1]["notes"] = "facilitator-only phrase zebracrossing"


@pytest.fixture
def lib(tmp_path: Path, data_dir: Path):
    translations = {"es": {"items": {"water": {"title": "Agua limpia", "body": "Hervir el agua."}}}}
    path = write_pack(tmp_path / "p.kitpack", content(items=ITEMS, translations=translations))
    library = open_library(data_dir)
    library.install(path)
    yield library
    library.close()


def _ids(lib, query: str) -> list[str]:
    return [r["item_id"] for r in lib.search(query)]


def test_ranked_title_first_with_snippet(lib) -> None:
    results = lib.search("burns")
    assert [r["item_id"] for r in results] == ["burns", "water"]
    assert results[0]["rank"] <= results[1]["rank"]
    assert "[Burns]" in results[1]["snippet"] and "<b>Burns</b>" in results[1]["snippet_html"]
    assert results[0]["pack_id"] == "demo" and results[0]["title"] == "Treating burns"


def test_every_word_must_match_and_last_is_prefix(lib) -> None:
    assert _ids(lib, "boil drink") == ["water"]
    assert _ids(lib, "bandag") == ["deck"]
    assert _ids(lib, "boil bandage") == []


def test_slides_and_quiz_questions_and_answers_are_searchable(lib) -> None:
    assert _ids(lib, "tourniquet") == ["quiz"]
    assert _ids(lib, "elastic") == ["quiz"]
    assert _ids(lib, "firmly") == ["deck"]


def test_facilitator_notes_are_not_searched(lib) -> None:
    assert _ids(lib, "zebracrossing") == []


def test_diacritics_are_folded_both_ways(lib) -> None:
    assert _ids(lib, "cafe") == ["cafe"]
    assert _ids(lib, "naive creme") == ["cafe"]
    assert _ids(lib, unicodedata.normalize("NFD", "idée")) == ["cafe"]


def test_arabic(lib) -> None:
    assert _ids(lib, "بالماء") == ["arabic"]
    assert _ids(lib, "الإسعافات") == ["arabic"]
    assert _ids(lib, "مرحبا") == ["arabic-vowelled"]  # written with harakat, searched without
    assert _ids(lib, "مَرْحَبًا") == ["arabic-vowelled"]


def test_devanagari_words_stay_whole(lib) -> None:
    assert _ids(lib, "साबुन") == ["hindi"]
    assert _ids(lib, "स्वास्थ्य") == ["hindi"]
    assert _ids(lib, "चिकित्सा") == ["hindi"]
    # a fragment between vowel signs is not a word of its own
    assert _ids(lib, "स्थ") == []
    snippet = lib.search("साबुन")[0]["snippet"]
    assert "[साबुन]" in snippet


def test_cyrillic_case_and_yo(lib) -> None:
    assert _ids(lib, "ПОМОЩЬ") == ["russian"]
    assert _ids(lib, "водой") == ["russian"]
    assert _ids(lib, "елка зеленая") == ["russian"]


def test_translations_are_searched(lib) -> None:
    results = lib.search("hervir")
    assert [(r["item_id"], r["lang"]) for r in results] == [("water", "es")]


@pytest.mark.parametrize(
    "query", ['"', "burns AND", "NEAR(", "*", "a OR b NOT", "col:burns", "()", "", "   ", "'"]
)
def test_query_syntax_never_breaks_search(lib, query: str) -> None:
    assert isinstance(lib.search(query), list)


def test_removed_pack_leaves_search(lib) -> None:
    lib.remove("demo")
    assert lib.search("burns") == []


@pytest.mark.parametrize("query", ["e-mail", "l'équipe", "don't", "E-MAIL l'equipe"])
def test_words_joined_by_punctuation_are_found(lib, query: str) -> None:
    assert _ids(lib, query) == ["mail"]


REAL = (
    "Citations let readers check where a fact comes from. Add a citation after each "
    "sentence that states a fact, and prefer reliable published sources over blogs."
)


@pytest.fixture
def busy_lib(tmp_path: Path, data_dir: Path):
    """Two packs sharing a lesson, video stubs, and more matches than one page holds."""
    shared = lesson("shared", "Citation basics", REAL)
    stub = lesson(
        "stub",
        "Video: Citation tips",
        "> **Video: Citation tips**: watch online: <https://v.example/x>",
    )
    many = [lesson(f"l{n}", f"Lesson {n}", f"The citation number {n}. " + REAL) for n in range(40)]
    library = open_library(data_dir)
    library.install(
        write_pack(tmp_path / "a.kitpack", content("alpha", items=[stub, shared, *many]))
    )
    library.install(write_pack(tmp_path / "b.kitpack", content("beta", items=[shared])))
    yield library
    library.close()


def test_count_is_every_match_not_the_page_size(busy_lib) -> None:
    assert len(busy_lib.search("citation", limit=30)) == 30
    assert busy_lib.search_count("citation") == (43, True)  # 40 + stub + shared in 2 packs
    assert busy_lib.search_count("citation basics") == (2, True)
    assert busy_lib.search_count("zzzz") == (0, True) and busy_lib.search_count("  ") == (0, True)


def test_a_very_broad_count_reads_a_bounded_number_of_rows(busy_lib, monkeypatch) -> None:
    from kit.core.library import search

    monkeypatch.setattr(search, "COUNT_AT_MOST", 10)
    assert busy_lib.search_count("citation") == (11, False)  # at least 11 (of 11 rows read)
    assert busy_lib.search_count("citation basics") == (2, True)


def test_identical_copies_are_one_row_listing_the_others(busy_lib) -> None:
    rows = busy_lib.search("basics")
    assert [(r["pack_id"], r["item_id"]) for r in rows] == [("alpha", "shared")]
    assert rows[0]["copies"] == [("beta", "shared")]


def test_stubs_with_hardly_any_text_rank_below_real_text(busy_lib) -> None:
    rows = busy_lib.search("citation tips")
    assert [r["item_id"] for r in rows] == ["stub"]  # still found
    rows = busy_lib.search("citation", limit=50)
    assert rows[-1]["item_id"] == "stub" and rows[-1]["thin"]
    assert not any(r["thin"] for r in rows[:-1])
    # Without the rule bm25 puts the short stub first.
    assert min(rows, key=lambda r: r["rank"])["item_id"] == "stub"


def test_a_full_page_of_real_text_leaves_the_best_ranked_stub_out(busy_lib) -> None:
    page = busy_lib.search("citation", limit=5)
    assert len(page) == 5 and "stub" not in [r["item_id"] for r in page]
    assert not any(r["thin"] for r in page)
    assert [r["rank"] for r in page] == sorted(r["rank"] for r in page)
    # The same five lead the longer list that does hold the stub (last).
    longer = busy_lib.search("citation", limit=50)
    assert [r["item_id"] for r in longer[:5]] == [r["item_id"] for r in page]


def test_count_follows_updates_and_removals(busy_lib, tmp_path: Path) -> None:
    # The count reads which item each index row belongs to from search_map: after an
    # update that rewrites some lessons and a removal, it still counts what is found.
    shared = lesson("shared", "Citation basics", REAL)
    kept = [lesson(f"l{n}", f"Lesson {n}", f"The citation number {n}. " + REAL) for n in range(30)]
    changed = [lesson(f"l{n}", f"Lesson {n}", "Nothing to see here.") for n in range(30, 40)]
    added = lesson("new", "New one", "A citation again. " + REAL)
    items = [shared, *kept, *changed, added]
    busy_lib.install(write_pack(tmp_path / "a2.kitpack", content("alpha", "1.1.0", items=items)))
    assert busy_lib.search_count("citation") == (33, True)  # 30 + new + shared in 2 packs
    assert busy_lib.search_count("citation") == (len(busy_lib.search("citation", 100)) + 1, True)
    busy_lib.remove("beta")
    assert busy_lib.search_count("citation") == (32, True)
    assert busy_lib.search_count("nothing see") == (10, True)
