"""`kit import wikiedu` over the real Dashboard corpus and over small made-up ones."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import yaml

from kit.core.importers.common import ImportOptions, clean_keys
from kit.core.importers.wikiedu import import_wikiedu, parse_minutes
from kit.core.packformat.build import build_pack
from kit.core.packformat.source import load_source
from tests.conftest import CORPUS

WIKIEDU = CORPUS / "wikiedu-training"
needs_corpus = pytest.mark.skipif(not WIKIEDU.is_dir(), reason="corpus not present")


def _yaml(path: Path):
    return clean_keys(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("wikiedu")
    report = import_wikiedu(WIKIEDU, out)
    loaded = {p.name: load_source(p) for p in report.packs}
    return out, report, loaded


def _slides_by_slug() -> dict[str, Path]:
    return {p.stem.split("-", 1)[1]: p for p in (WIKIEDU / "slides").rglob("*.yml")}


def _items(loaded) -> dict[str, dict]:
    return {it["id"]: it for m in loaded.content["modules"] for it in m["items"]}


@needs_corpus
def test_every_library_becomes_a_valid_pack(imported) -> None:
    _out, _report, loaded = imported
    libraries = sorted(p.stem for p in (WIKIEDU / "libraries").glob("*.yml"))
    assert sorted(loaded) == [f"wikiedu-{name}" for name in libraries]
    for name, source in loaded.items():
        assert source.report.errors == [], name
        pack = source.pack
        assert pack["license"] == "CC-BY-SA-4.0"
        assert "Wiki Education" in pack["attribution"]
        assert (source.root / "ATTRIBUTION.md").is_file()


@needs_corpus
def test_every_slide_of_every_module_is_an_item_or_reported(imported) -> None:
    _out, report, loaded = imported
    slides = _slides_by_slug()
    warned = "\n".join(str(w) for w in report.warnings)
    for library in (WIKIEDU / "libraries").glob("*.yml"):
        source = loaded[f"wikiedu-{library.stem}"]
        modules = {m["id"]: m for m in source.content["modules"]}
        for category in _yaml(library)["categories"]:
            for entry in category["modules"]:
                module = modules[entry["slug"]]
                titles = [it["title"] for it in module["items"]]
                data = _yaml(WIKIEDU / "modules" / f"{entry['slug']}.yml")
                for ref in data["slides"]:
                    if ref["slug"] not in slides:
                        assert f"slide '{ref['slug']}' is not in slides/" in warned
                        continue
                    title = str(_yaml(slides[ref["slug"]]).get("title")).strip()
                    assert any(title in t for t in titles), (entry["slug"], ref["slug"])
                minutes = parse_minutes(data.get("estimated_ttc"))
                if minutes:
                    assert module["minutes"] == minutes


@needs_corpus
def test_every_assessment_is_a_quiz_with_answers_and_explanations(imported) -> None:
    _out, _report, loaded = imported
    quizzes = {}
    for source in loaded.values():
        quizzes.update({i: it for i, it in _items(source).items() if it["type"] == "quiz"})
    checked = 0
    for slug, path in _slides_by_slug().items():
        assessment = _yaml(path).get("assessment")
        if not assessment or slug not in quizzes:
            continue
        checked += 1
        (question,) = quizzes[slug]["questions"]
        assert question["type"] == "single"
        assert " ".join(str(assessment["question"]).split())[:40] in " ".join(
            question["prompt"].split()
        )
        choices = question["choices"]
        assert len(choices) == len(assessment["answers"])
        for answer, choice in zip(assessment["answers"], choices, strict=True):
            assert choice["correct"] == (answer["id"] == assessment["correct_answer_id"])
            assert " ".join(str(answer["text"]).split()) == choice["text"]
            expl = " ".join(str(answer.get("explanation") or "").split())
            assert expl[:30] in " ".join(choice["explanation"].split())
    assert checked >= 40


@needs_corpus
def test_spanish_text_is_present_where_the_source_has_it(imported) -> None:
    _out, _report, loaded = imported
    es_items = {}
    for source in loaded.values():
        es_items.update(source.content["translations"].get("es", {}).get("items", {}))
    slides = _slides_by_slug()
    found = 0
    for slug, path in slides.items():
        es = (_yaml(path).get("translations") or {}).get("es")
        if not es or slug not in es_items:
            continue
        found += 1
        assert es_items[slug]["title"].endswith(" ".join(str(es["title"]).split())[-20:])
        words = [w for w in str(es.get("content") or "").split() if w.isalpha() and len(w) > 6]
        if words:
            assert words[0] in es_items[slug]["body"] + str(es_items[slug].get("questions"))
    assert found >= 100


@needs_corpus
def test_links_between_slides_become_item_links(imported) -> None:
    _out, _report, loaded = imported
    body = _items(loaded["wikiedu-students"])["five-pillars-quiz-1"]["questions"][0]
    assert "(item:neutral-point-of-view)" in str(body["choices"])
    instructors = " ".join(
        it.get("body", "") for it in _items(loaded["wikiedu-instructors"]).values()
    )
    assert "(in the pack “Student Training Modules (Wiki Education)”)" in instructors
    assert "](/training" not in instructors and 'href="/' not in instructors


@needs_corpus
def test_reimport_is_byte_identical_and_builds(imported, tmp_path: Path) -> None:
    out, _report, _loaded = imported
    again = import_wikiedu(WIKIEDU, tmp_path)
    for pack in again.packs:
        cmp = filecmp.dircmp(out / pack.name, pack)
        assert not cmp.left_only and not cmp.right_only and not cmp.diff_files
        _assert_same_tree(out / pack.name, pack)
    built = build_pack(tmp_path / "wikiedu-wikimedia-commons", tmp_path)
    assert built.stat().st_size > 0


def _assert_same_tree(a: Path, b: Path) -> None:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("20 minutes", 20), ("10-25 minutes", 25), ("1 hour", 60), ("1.5 hours", 90), ("soon", None),
     (15, 15), (None, None)],
)  # fmt: skip
def test_estimated_time(text, minutes) -> None:
    assert parse_minutes(text) == minutes


def test_cli_refuses_a_folder_that_is_not_a_training_folder(run_kit, tmp_path: Path) -> None:
    code, _out, err = run_kit("import", "wikiedu", tmp_path, "-o", tmp_path / "out")
    assert code == 1
    assert err.strip().count("\n") == 0 and "Dashboard training folder" in err


def test_output_folder_not_written_by_the_importer_is_refused(tmp_path: Path) -> None:
    from tests.wikiedu_mini import make_corpus

    root = make_corpus(tmp_path / "in")
    (tmp_path / "out" / "wikiedu-main").mkdir(parents=True)
    (tmp_path / "out" / "wikiedu-main" / "notes.txt").write_text("mine")
    from kit.core.errors import KitError

    with pytest.raises(KitError, match="not written by 'kit import'"):
        import_wikiedu(root, tmp_path / "out", ImportOptions())
    assert (tmp_path / "out" / "wikiedu-main" / "notes.txt").read_text() == "mine"
