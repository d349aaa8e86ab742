"""Reading pack sources: every kind of problem is reported with its file and line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pack_helpers import (
    ACTIVITY,
    LESSON,
    MODULE,
    QUIZ,
    SLIDES,
    SURVEY,
    edit,
    line_of,
    make_source,
    write,
)

from kit.core.packformat.source import load_source


@dataclass
class Case:
    id: str
    change: Callable[[Path], None]
    file: str
    line: int | str  # a line number, or text found on the expected line
    message: str

    def expected_line(self, root: Path) -> int:
        if isinstance(self.line, int):
            return self.line
        return line_of(root, self.file, self.line)


def _e(rel: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root, rel, old, new)


def _w(rel: str, text: str | bytes) -> Callable[[Path], None]:
    return lambda root: write(root, rel, text)


def _second_module(module_id: str, item_id: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        edit(root, "pack.yaml", "  - basics\n", "  - basics\n  - more\n")
        write(root, "modules/more/module.yaml", f"id: {module_id}\ntitle: More\nitems: [a.md]\n")
        write(
            root, "modules/more/a.md", f"---\nid: {item_id}\ntype: lesson\ntitle: A\n---\nText.\n"
        )

    return change


def _non_utf8(root: Path) -> None:
    text = (root / LESSON).read_text(encoding="utf-8")
    data = text.replace("This is a", "This is caf\xe9 a").encode("latin-1")
    (root / LESSON).write_bytes(data)


def _no_header(root: Path) -> None:
    write(root, LESSON, "# Welcome\n\nNo header here.\n")


def _translated_quiz(old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        text = (root / QUIZ).read_text(encoding="utf-8").replace(old, new)
        write(root, "translations/es/" + QUIZ, text)

    return change


ES_LESSON = "translations/es/" + LESSON

CASES = [
    # pack.yaml
    Case("pack-no-title", _e("pack.yaml", "title: My first pack\n", ""), "pack.yaml", 1, "missing 'title'"),
    Case("pack-bad-id", _e("pack.yaml", "id: my-first-pack", "id: My Pack"), "pack.yaml", "id:", "'id' must be lowercase"),
    Case("pack-no-id", _e("pack.yaml", "id: my-first-pack\n", ""), "pack.yaml", 1, "missing 'id'"),
    Case("pack-bad-version", _e("pack.yaml", "\nversion: 0.1.0", "\nversion: one"), "pack.yaml", "version:", "'version' must be a version"),
    Case("pack-float-version", _e("pack.yaml", "\nversion: 0.1.0", "\nversion: 1.0"), "pack.yaml", "version:", "not '1.0'"),
    Case("pack-bad-language", _e("pack.yaml", "language: en", "language: English"), "pack.yaml", "language:", "'language' must be a language code"),
    Case("pack-bad-license", _e("pack.yaml", "license: CC-BY-SA-4.0", "license: any you like"), "pack.yaml", "license:", "SPDX"),
    Case("pack-bad-min-app", _e("pack.yaml", "min_app_version: 0.1.0", "min_app_version: soon"), "pack.yaml", "min_app_version", "'min_app_version' must be"),
    Case("pack-unknown-field", _e("pack.yaml", "license:", "colour: blue\nlicense:"), "pack.yaml", "colour", "unknown field 'colour'"),
    Case("pack-invalid-yaml", _e("pack.yaml", "title: My first pack", "title: [unclosed"), "pack.yaml", "description:", "invalid YAML"),
    Case("pack-duplicate-key", _e("pack.yaml", "license:", "title: Again\nlicense:"), "pack.yaml", "title: Again", "'title' is given twice"),
    Case("pack-not-mapping", _w("pack.yaml", "- just\n- a list\n"), "pack.yaml", 1, "expected a YAML mapping"),
    Case("pack-not-utf8", _w("pack.yaml", b"id: x\ntitle: caf\xe9\n"), "pack.yaml", 2, "not UTF-8"),
    Case("pack-no-modules", _e("pack.yaml", "modules:\n  - basics\n", ""), "pack.yaml", 1, "missing 'modules'"),
    Case("module-folder-missing", _e("pack.yaml", "  - basics\n", "  - basics\n  - ghost\n"), "pack.yaml", "modules:", "module folder 'modules/ghost' not found"),
    Case("module-folder-twice", _e("pack.yaml", "  - basics\n", "  - basics\n  - basics\n"), "pack.yaml", "modules:", "repeated module folder"),
    # module.yaml
    Case("module-no-title", _e(MODULE, "title: The basics\n", ""), MODULE, 1, "missing 'title'"),
    Case("module-bad-id", _e(MODULE, "id: basics", "id: The Basics"), MODULE, "id:", "'id' must be lowercase"),
    Case("module-duplicate-id", _second_module("basics", "other"), "modules/more/module.yaml", 1, "duplicate module id 'basics'"),
    Case("module-no-items", _e(MODULE, "items:", "old_items:"), MODULE, 1, "missing 'items'"),
    Case("module-item-missing", _e(MODULE, "  - 05-feedback.md\n", "  - 05-feedback.md\n  - 06-gone.md\n"), MODULE, "items:", "item file 'modules/basics/06-gone.md' not found"),
    Case("module-item-twice", _e(MODULE, "  - 05-feedback.md\n", "  - 05-feedback.md\n  - 01-welcome.md\n"), MODULE, "items:", "'01-welcome.md' is listed twice"),
    Case("module-item-not-md", _e(MODULE, "  - 05-feedback.md\n", "  - 05-feedback.md\n  - notes.txt\n"), MODULE, "items:", "not a .md file name"),
    Case("module-bad-minutes", _e(MODULE, "minutes: 30", "minutes: half an hour"), MODULE, "minutes:", "'minutes' must be a number"),
    Case("module-bad-tag", _e(MODULE, "tags: [getting-started, editing]", "tags: [Getting Started]"), MODULE, "tags:", "tag 'Getting Started'"),
    Case("module-invalid-yaml", _e(MODULE, "summary: A module", "summary: : A module"), MODULE, "summary:", "invalid YAML"),
    # item headers
    Case("item-no-title", _e(LESSON, "title: Welcome\n", ""), LESSON, 1, "missing 'title'"),
    Case("item-no-id", _e(LESSON, "id: welcome\n", ""), LESSON, 1, "missing 'id'"),
    Case("item-bad-id", _e(LESSON, "id: welcome", "id: Welcome Page"), LESSON, "id:", "'id' must be lowercase"),
    Case("item-duplicate-id", _e(QUIZ, "id: check", "id: welcome"), QUIZ, "id:", "duplicate item id 'welcome'"),
    Case("item-duplicate-id-across-modules", _second_module("more", "welcome"), "modules/more/a.md", "id:", "duplicate item id 'welcome'"),
    Case("item-unknown-type", _e(LESSON, "type: lesson", "type: video"), LESSON, "type:", "unknown item type 'video'"),
    Case("item-no-type", _e(LESSON, "type: lesson\n", ""), LESSON, 1, "missing 'type'"),
    Case("item-no-header", _no_header, LESSON, 1, "missing header"),
    Case("item-invalid-yaml", _e(LESSON, "title: Welcome", "title: 'Welcome"), LESSON, 5, "invalid YAML"),
    Case("item-not-utf8", _non_utf8, LESSON, "This is caf", "not UTF-8"),
    Case("item-unknown-field", _e(LESSON, "minutes: 5", "minutes: 5\nlevel: easy"), LESSON, "level:", "unknown field 'level'"),
    Case("item-field-of-other-type", _e(LESSON, "minutes: 5", "minutes: 5\npass_mark: 50"), LESSON, "pass_mark", "'pass_mark' only applies to quiz items"),
    Case("activity-no-minutes", _e(ACTIVITY, "minutes: 15\n", ""), ACTIVITY, 1, "an activity needs 'minutes'"),
    Case("activity-bad-kind", _e(ACTIVITY, "kind: hands-on", "kind: lecture"), ACTIVITY, "kind:", "'kind' must be 'hands-on' or 'discussion'"),
    Case("slides-empty", _w(SLIDES, "---\nid: intro-slides\ntype: slides\ntitle: S\n---\n\n---\n"), SLIDES, 6, "no slides"),
    # links and media
    Case("media-missing", _e(LESSON, "media/logo.png", "media/nope.png"), LESSON, "nope.png", "'../../media/nope.png' not found"),
    Case("media-outside", _e(LESSON, "../../media/logo.png", "../../../logo.png"), LESSON, "logo.png", "points outside the pack"),
    Case("media-absolute", _e(LESSON, "../../media/logo.png", "/etc/passwd"), LESSON, "passwd", "points outside the pack"),
    Case("media-unsupported", lambda r: (write(r, "media/doc.docx", b"x"), edit(r, LESSON, "(03-check.md)", "(../../media/doc.docx)")), LESSON, "doc.docx", "not a supported media file"),
    Case("media-html-missing", _e(LESSON, "When you are ready", '<audio src="../../media/a.mp3"></audio>\nWhen you are ready'), LESSON, "a.mp3", "not found"),
    Case("link-missing-item-file", _e(LESSON, "(03-check.md)", "(99-gone.md)"), LESSON, "99-gone", "'99-gone.md' not found"),
    Case("link-unknown-item-id", _e(LESSON, "(03-check.md)", "(item:nothing)"), LESSON, "item:nothing", "link to unknown item 'nothing'"),
    Case("link-md-not-item", lambda r: (write(r, "modules/README.md", "x"), edit(r, LESSON, "(03-check.md)", "(../README.md)")), LESSON, "README", "not an item of this pack"),
    # quiz questions
    Case("quiz-no-correct", _e(QUIZ, "- [x] Blue", "- [ ] Blue"), QUIZ, "## colour", "no correct answer"),
    Case("quiz-duplicate-question", _e(QUIZ, "## fruits: multiple", "## colour: multiple"), QUIZ, "## colour: multiple", "duplicate question id 'colour'"),
    Case("quiz-unknown-question-type", _e(QUIZ, "## steps: order", "## steps: essay"), QUIZ, "## steps", "unknown question type 'essay'"),
    Case("quiz-bad-heading", _e(QUIZ, "## steps: order", "## Put these in order"), QUIZ, "## Put", "question heading must be '## ID: TYPE'"),
    Case("quiz-no-prompt", _e(QUIZ, "Which colour is the sky on a clear day?\n", ""), QUIZ, "## colour", "has no question text"),
    Case("quiz-single-two-right", _e(QUIZ, "- [ ] Green", "- [x] Green"), QUIZ, "## colour", "exactly one correct answer"),
    Case("quiz-one-answer", _e(QUIZ, "- [ ] Green\n  Not quite: look up on a clear day.\n", ""), QUIZ, "## colour", "at least two answers"),
    Case("quiz-choice-as-bullets", _e(QUIZ, "- [ ] Carrot", "- Carrot"), QUIZ, "## fruits", "must be written '- [x] right'"),
    Case("quiz-truefalse-three", _e(QUIZ, "- [ ] False", "- [ ] False\n- [ ] Maybe"), QUIZ, "## earth", "exactly two answers"),
    Case("quiz-short-no-answer", _e(QUIZ, "- [x] Nairobi\n", ""), QUIZ, "## capital", "needs accepted answers"),
    Case("quiz-order-bullets", _e(QUIZ, "1. Boil water\n2. Add the tea", "- Boil water\n- Add the tea"), QUIZ, "## steps", "numbered list"),
    Case("quiz-order-one-step", _e(QUIZ, "2. Add the tea\n3. Wait three minutes\n", ""), QUIZ, "## steps", "numbered list of 2 or more"),
    Case("quiz-bad-pass-mark", _e(QUIZ, "pass_mark: 60", "pass_mark: 150"), QUIZ, "pass_mark", "'pass_mark' must be a number from 0 to 100"),
    Case("quiz-no-questions", _w(QUIZ, "---\nid: check\ntype: quiz\ntitle: Q\n---\nJust text.\n"), QUIZ, 6, "no questions found"),
    # survey questions
    Case("survey-unknown-type", _e(SURVEY, "## comments: text", "## comments: essay"), SURVEY, "## comments", "unknown question type 'essay'"),
    Case("survey-quiz-type", _e(SURVEY, "## comments: text", "## comments: short"), SURVEY, "## comments", "unknown question type 'short'"),
    Case("survey-likert-one-point", _w(SURVEY, "---\nid: feedback\ntype: survey\ntitle: S\n---\n## q: likert\nGood?\n\n- Yes\n"), SURVEY, 6, "needs at least two options"),
    Case("survey-text-with-options", _e(SURVEY, "Anything else you want to tell us?", "Anything else?\n\n- a\n- b"), SURVEY, "## comments", "takes no answer list"),
    # translations
    Case("translation-missing-item", _w("translations/es/modules/basics/99-x.md", "---\ntitle: X\n---\nX\n"), "translations/es/modules/basics/99-x.md", 1, "not an item of the pack"),
    Case("translation-missing-module", _w("translations/es/modules/ghost/module.yaml", "title: Fantasma\n"), "translations/es/modules/ghost/module.yaml", 1, "translates a module that is not in the pack"),
    Case("translation-stray-file", _w("translations/es/notes.txt", "hola"), "translations/es/notes.txt", 1, "not a translation"),
    Case("translation-undeclared-language", _w("translations/fr/pack.yaml", "title: Mon paquet\n"), "translations/fr", 1, "'fr' is not one of the pack's other 'languages'"),
    Case("translation-default-language", _w("translations/en/pack.yaml", "title: My pack\n"), "translations/en", 1, "'en' is not one of the pack's other 'languages'"),
    Case("translation-no-title", _e(ES_LESSON, "title: Bienvenida\n", ""), ES_LESSON, 1, "missing 'title'"),
    Case("translation-changed-id", _e(ES_LESSON, "id: welcome", "id: bienvenida"), ES_LESSON, "id:", "id must stay 'welcome'"),
    Case("translation-broken-media", _e(ES_LESSON, "media/logo.png", "media/logo-es.png"), ES_LESSON, "logo-es", "not found"),
    Case("translation-unknown-field", _e("translations/es/pack.yaml", "title:", "license: MIT\ntitle:"), "translations/es/pack.yaml", 1, "unknown field 'license'"),
    Case("translation-quiz-new-question", _translated_quiz("## steps: order", "## pasos: order"), "translations/es/" + QUIZ, 7, "question 'pasos' is not in the original"),
    Case("translation-quiz-other-answer", _translated_quiz("- [ ] Green", "- [x] Green"), "translations/es/" + QUIZ, "## colour", "exactly one correct answer"),
    Case("translation-quiz-moved-answer", _translated_quiz("- [x] Apple\n- [x] Mango\n- [ ] Carrot", "- [ ] Carrot\n- [x] Apple\n- [x] Mango"), "translations/es/" + QUIZ, 7, "must keep the original's type"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_problem_is_reported_with_file_and_line(tmp_path: Path, case: Case) -> None:
    root = make_source(tmp_path / "src")
    case.change(root)
    loaded = load_source(root)
    found = [(p.path, p.line, p.message) for p in loaded.report.errors]
    line = case.expected_line(root)
    matching = [f for f in found if f[0] == case.file and f[1] == line and case.message in f[2]]
    assert matching, f"expected {case.file}:{line}: ...{case.message}... in {found}"
    assert not loaded.report.ok


def test_the_scaffold_is_valid_without_warnings(tmp_path: Path) -> None:
    loaded = load_source(make_source(tmp_path / "src"))
    assert loaded.report.problems == []
    assert [m["id"] for m in loaded.content["modules"]] == ["basics"]


def test_several_problems_are_all_reported_at_once(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    chosen = [
        next(c for c in CASES if c.id == name)
        for name in (
            "pack-bad-version",
            "module-bad-minutes",
            "item-unknown-field",
            "media-missing",
            "quiz-no-correct",
            "quiz-unknown-question-type",
            "survey-text-with-options",
            "activity-bad-kind",
            "translation-stray-file",
        )
    ]
    for case in chosen:
        case.change(root)
    problems = [(p.path, p.line, p.message) for p in load_source(root).report.errors]
    for case in chosen:
        line = case.expected_line(root)
        assert any(f[0] == case.file and f[1] == line and case.message in f[2] for f in problems), (
            case.id
        )
    assert len(problems) >= len(chosen)


def test_not_a_pack_source(tmp_path: Path) -> None:
    report = load_source(tmp_path).report
    assert [p.message for p in report.errors] == ["not a pack source: pack.yaml not found"]


@pytest.mark.parametrize(
    ("change", "file", "message"),
    [
        (_w("modules/basics/extra.md", "---\nid: x\n---\n"), "modules/basics/extra.md", "not listed"),
        (_w("media/song.flac", b"x"), "media/song.flac", "not a supported media type"),
        (_w(LESSON, "---\nid: welcome\ntype: lesson\ntitle: W\n---\n"), LESSON, "no text"),
        (_e(ES_LESSON, "title: Bienvenida", "title: Bienvenida\nminutes: 9"), ES_LESSON, "'minutes' is taken from the original"),
        (_e("pack.yaml", "languages: [en, es]", "languages: [en, es, fr]"), "pack.yaml", "no translations/fr"),
        (_w("translations/es/" + QUIZ, "---\ntitle: Q\n---\n## colour: single\n¿Color?\n\n- [x] Azul\n- [ ] Verde\n"), "translations/es/" + QUIZ, "not translated yet: question fruits"),
    ],
)  # fmt: skip
def test_warnings_do_not_block(tmp_path: Path, change, file: str, message: str) -> None:
    root = make_source(tmp_path / "src")
    change(root)
    report = load_source(root).report
    assert report.ok, report.errors
    assert any(p.path == file and message in p.message for p in report.warnings), report.warnings


def test_symlinked_item_outside_the_pack_is_refused(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    outside = tmp_path / "secret.md"
    outside.write_text("---\nid: s\ntype: lesson\ntitle: S\n---\nsecret\n", encoding="utf-8")
    (root / LESSON).unlink()
    (root / LESSON).symlink_to(outside)
    report = load_source(root).report
    assert any(p.path == LESSON and "outside the pack" in p.message for p in report.errors)


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    for rel in ("pack.yaml", LESSON, QUIZ):
        text = (root / rel).read_text(encoding="utf-8")
        (root / rel).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    loaded = load_source(root)
    assert loaded.report.problems == []
    assert loaded.content["pack"]["title"] == "My first pack"


def test_the_quiz_example_in_the_spec_is_valid(tmp_path: Path) -> None:
    spec = (Path(__file__).resolve().parents[1] / "docs" / "pack-format.md").read_text("utf-8")
    blocks = [b.split("```")[0] for b in spec.split("```markdown\n")[1:]]
    quiz = next(b for b in blocks if "type: quiz" in b)
    root = make_source(tmp_path / "src")
    write(root, QUIZ, quiz)
    loaded = load_source(root)
    assert loaded.report.problems == []
    item = next(i for i in loaded.content["modules"][0]["items"] if i["type"] == "quiz")
    assert [q["type"] for q in item["questions"]] == [
        "single", "multiple", "truefalse", "short", "order"
    ]  # fmt: skip
    short = item["questions"][3]
    assert short["accepted"] == ["Nairobi"]
    assert short["answers"][1] == {
        "text": "Mombasa",
        "correct": False,
        "explanation": "Mombasa is the largest port, not the capital.",
    }


def test_survey_marks_are_ignored(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    edit(root, SURVEY, "- The quiz", "- [x] The quiz")
    edit(root, SURVEY, "- The lesson", "- [ ] The lesson")
    loaded = load_source(root)
    survey = next(i for i in loaded.content["modules"][0]["items"] if i["type"] == "survey")
    assert not any(c["correct"] for q in survey["questions"] for c in q["choices"])
