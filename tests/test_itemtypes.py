"""Item types come from one registry (kit.core.itemtypes), and everything reads it.

A table over the registry, checked through the parts that use it (progress, the reader's
"Mark as done", the pack format, the command line, search and translations); the pass
decision shared by the reader, kit.core.quiz and the records; and a scan of kit/ that
fails when an item type's name is compared anywhere but the registry.
"""

from __future__ import annotations

import ast
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from library_helpers import content, lesson, open_library, write_pack

from kit.core import itemtypes
from kit.core import quiz as marking
from kit.core.itemtypes import TEXT, TITLE, TRANSLATABLE_FIELDS, TextField
from kit.core.packformat import ITEM_TYPES
from kit.core.packformat.items import TYPE_FIELDS
from kit.core.records import events as rec_events
from kit.core.records.events import COMPLETED, PASSED, Event
from kit.core.records.progress import Status, counted_items, item_status
from kit.i18n import set_language

KIT = Path(__file__).resolve().parent.parent / "kit"

# name, shown as, counted, completable, scored, own header fields, 1 and 2 in the CLI
TABLE = [
    ("lesson", "Lesson", True, True, False, (), "1 lesson", "2 lessons"),
    ("slides", "Slides", True, True, False, (), "1 slide deck", "2 slide decks"),
    ("quiz", "Quiz", True, False, True, ("pass_mark",), "1 quiz", "2 quizzes"),
    ("activity", "Activity", True, True, False, ("kind", "materials"), "1 activity", "2 activities"),
    ("survey", "Survey", False, False, False, ("needs_assessment",), "1 survey", "2 surveys"),
]  # fmt: skip


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def _event(verb: str) -> Event:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return Event("e", "p", "pack", "it", verb, {}, at, "d")


def test_the_table_lists_every_registered_type_in_order() -> None:
    assert [row[0] for row in TABLE] == list(itemtypes.NAMES) == list(ITEM_TYPES)


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_each_type_behaves_as_registered(row) -> None:
    name, shown, counted, completable, scored, fields, one, two = row
    kind = itemtypes.TYPES[name]
    assert itemtypes.display_name(name) == shown
    assert (kind.count_text(1), kind.count_text(2)) == (one, two)
    # Progress: counted items make up the module; a quiz is done by passing only.
    module = {"id": "m", "items": [{"id": "it", "type": name}, {"id": "x", "type": "lesson"}]}
    assert ({"id": "it", "type": name} in counted_items(module)) is counted
    done_by_completing = item_status(name, [_event(COMPLETED)]) is Status.DONE
    assert done_by_completing is not scored
    assert item_status(name, [_event(PASSED)]) is Status.DONE
    # The reader offers "Mark as done" for exactly these.
    assert itemtypes.is_completable(name) is completable
    # The pack format: these header fields are this type's (and refused on others).
    assert tuple(k for k, types in TYPE_FIELDS.items() if name in types) == fields
    default = itemtypes.pass_mark({"type": name})
    assert default == itemtypes.DEFAULT_PASS_MARK == 70
    assert (kind.default_pass_mark == 70) is scored


def test_unknown_types_show_as_written_and_still_count() -> None:
    assert itemtypes.display_name("video") == "video"
    assert itemtypes.counts_towards_progress("video") is True
    assert not itemtypes.is_completable("video") and not itemtypes.is_scored(None)


def test_type_names_are_translated(tmp_path: Path) -> None:
    set_language("es")
    assert itemtypes.display_name("quiz") == "Cuestionario"
    assert itemtypes.TYPES["activity"].count_text(3) == "3 actividades"


def test_kit_pack_inspect_counts_every_type_and_ignores_bad_counts(tmp_path: Path, run_kit) -> None:
    from library_helpers import manifest_for

    body = content()
    files = {"content.json": json.dumps(body, indent=1).encode()}
    manifest = manifest_for(body, files)
    counts = {"modules": 1, "lesson": 2, "slides": 1, "quiz": "many", "activity": -1, "survey": 1}
    manifest["counts"] = counts
    path = write_pack(tmp_path / "p.kitpack", body, manifest=manifest)
    code, out, err = run_kit("pack", "inspect", path)
    assert (code, err) == (0, "")
    assert "Items: 2 lessons, 1 slide deck, 1 survey" in out


# -- the pass decision ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "mark", "expected"),
    [(70, 70, True), (69.99, 70, False), (100, 100, True), (0, 0, True), (60, 60.5, False),
     (66.67, 66, True), (40, 70, False)],
)  # fmt: skip
def test_one_pass_decision_for_the_records_and_the_core(score, mark, expected) -> None:
    assert itemtypes.passed(score, mark) is expected
    verb, result = rec_events.quiz_result(score, mark)
    assert (verb == PASSED) is expected and result["pass_mark"] == mark


@pytest.mark.parametrize(("right", "expected"), [(2, False), (3, True)])
def test_the_core_quiz_uses_the_item_pass_mark_or_the_default(right, expected) -> None:
    questions = [{"id": str(n), "type": "short", "accepted": ["yes"]} for n in range(4)]
    responses = {str(n): "yes" for n in range(right)}  # 50% or 75%
    assert marking.passed({"type": "quiz", "questions": questions}, responses) is expected
    assert marking.passed({"type": "quiz", "questions": questions, "pass_mark": 50}, responses)


# -- translatable and searchable texts ------------------------------------------------


def _leaves(fields: tuple[TextField, ...], prefix: str = "") -> list[tuple[str, TextField]]:
    out = []
    for f in fields:
        if f.parts:
            out += _leaves(f.parts, f"{prefix}{f.key}/")
        else:
            out.append((prefix + f.key, f))
    return out


LEAVES = _leaves(TRANSLATABLE_FIELDS)


def _word(path: str) -> str:
    letters = "".join(c for c in path if c.isalpha())
    return f"zq{letters}"


def _put(item: dict, path: str, text: str) -> None:
    """Set the text at `path` ("questions/choices/text") in the first entry of each list."""
    key, _sep, rest = path.partition("/")
    if not rest:
        many = any(f.many for p, f in LEAVES if p.endswith(key))
        item[key] = [text] if many else text
        return
    entries = item.setdefault(key, [{"id": "1"}])
    _put(entries[0], rest, text)


def _quiz_with_every_text(lang: str = "") -> dict:
    item = {"id": "all", "type": "quiz", "title": "", "minutes": 1, "pass_mark": 50}
    for path, _f in LEAVES:
        _put(item, path, _word(path) + lang)
    item["questions"][0].update(type="single")
    item["questions"][0]["choices"][0].update(correct=True)
    return item


def test_texts_walks_every_translatable_field_in_reading_order() -> None:
    item = _quiz_with_every_text()
    found = [where for where, _text in itemtypes.texts(item)]
    assert found[:3] == ["title", "summary", "body"]
    assert "questions/1/choices/1/explanation" in found and "materials/0" in found
    assert len(found) == len(LEAVES)
    searched = [text for _w, text in itemtypes.texts(item, TEXT)]
    assert searched == [_word(p) for p, f in LEAVES if f.index == TEXT]


@pytest.mark.parametrize(("path", "field"), LEAVES, ids=[p for p, _f in LEAVES])
def test_search_finds_exactly_the_registered_fields(path, field, tmp_path, data_dir) -> None:
    body = content(items=[_quiz_with_every_text(), lesson("other", "Other")])
    library = open_library(data_dir)
    try:
        library.install(write_pack(tmp_path / "p.kitpack", body))
        found = [r["item_id"] for r in library.search(_word(path))]
    finally:
        library.close()
    assert found == (["all"] if field.index in (TEXT, TITLE) else [])


def test_a_translation_carries_every_translatable_field(tmp_path, data_dir) -> None:
    original = _quiz_with_every_text()
    translated = _quiz_with_every_text("es")
    tr = {k: translated[k] for k in itemtypes.TRANSLATABLE_KEYS}
    body = content(items=[original], translations={"es": {"items": {"all": tr}}})
    body["pack"]["languages"] = ["en", "es"]
    library = open_library(data_dir)
    try:
        library.install(write_pack(tmp_path / "p.kitpack", body))
        item = library.get_item("demo", "all", "es")
        hits = [r for r in library.search(_word("questions/choices/text") + "es")]
    finally:
        library.close()
    assert [t for _w, t in itemtypes.texts(item)] == [t for _w, t in itemtypes.texts(translated)]
    assert [r["lang"] for r in hits] == ["es"]


# -- no type name outside the registry ------------------------------------------------

# The registry, and importers that map foreign formats onto our types.
ALLOWED = {"core/itemtypes.py"}
ALLOWED_FOLDERS = ("core/importers/",)


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for elt in node.elts for s in _strings(elt)]
    return []


def _is_item(node: ast.AST) -> bool:
    """`item`, `view.item`, `it`, `i`: names the code gives items (questions are `q`...)."""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return name in {"it", "i"} or name.endswith("item")


def _reads_type(node: ast.AST) -> bool:
    """An item's type: `item["type"]`, `view.item.get("type")`, `itype`, `item_type`."""
    if isinstance(node, ast.Subscript):
        return _is_item(node.value) and _strings(node.slice) == ["type"]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        get = node.func.attr == "get" and _is_item(node.func.value)
        return get and bool(node.args) and _strings(node.args[0]) == ["type"]
    return isinstance(node, ast.Name) and node.id in {"itype", "item_type"}


def type_comparisons(source: str) -> list[tuple[int, str]]:
    """(line, literal) for each comparison with a registered type name, or of an item's
    type with any literal (a type the registry does not know yet)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        literals = [s for side in sides for s in _strings(side)]
        named = [s for s in literals if s in itemtypes.TYPES]
        if named or (any(_reads_type(side) for side in sides) and literals):
            found += [(node.lineno, s) for s in named or literals]
    return found


def test_the_scan_catches_what_it_should() -> None:
    assert type_comparisons('if item["type"] == "quiz": pass') == [(1, "quiz")]
    assert type_comparisons('ok = kind in ("lesson", "slides")') == [(1, "lesson"), (1, "slides")]
    assert type_comparisons('x = itype == "poll"') == [(1, "poll")]
    assert type_comparisons('x = i.get("type") != "video"') == [(1, "video")]
    assert type_comparisons('x = q["type"] == "order"; y = LESSON == t') == []


def test_no_item_type_name_is_compared_outside_the_registry() -> None:
    offenders = []
    for path in sorted(KIT.rglob("*.py")):
        rel = path.relative_to(KIT).as_posix()
        if rel in ALLOWED or rel.startswith(ALLOWED_FOLDERS):
            continue
        for line, name in type_comparisons(path.read_text(encoding="utf-8")):
            offenders.append(f"kit/{rel}:{line}: '{name}'")
    assert offenders == [], "use kit.core.itemtypes instead of:\n" + "\n".join(offenders)


@pytest.mark.parametrize(("path", "field"), LEAVES, ids=[p for p, _f in LEAVES])
def test_a_pack_with_any_translatable_field_misshapen_is_refused(
    path, field, tmp_path, data_dir
) -> None:
    # e.g. a short answer's "answers": [{"text": 5}] used to install, then the reader
    # failed on it when showing the feedback.
    from kit.core.errors import PackError

    item = _quiz_with_every_text()
    _put(item, path, "x")
    key, _sep, rest = path.rpartition("/")
    entry = item
    for part in key.split("/") if key else []:
        entry = entry[part][0]
    entry[rest] = [5] if field.many else 5
    library = open_library(data_dir)
    try:
        with pytest.raises(PackError) as err:
            library.install(write_pack(tmp_path / "p.kitpack", content(items=[item])))
        assert library.list_packs() == []
    finally:
        library.close()
    message = str(err.value)
    assert "item 'all'" in message and "\n" not in message and message.endswith("."), message


def test_a_question_with_null_choices_is_still_refused(tmp_path, data_dir) -> None:
    from kit.core.errors import PackError

    item = _quiz_with_every_text()
    item["questions"][0]["choices"] = None
    library = open_library(data_dir)
    try:
        with pytest.raises(PackError, match="the choices in item 'all' are not a list"):
            library.install(write_pack(tmp_path / "p.kitpack", content(items=[item])))
    finally:
        library.close()


def test_a_module_counts_the_items_whose_type_counts_towards_progress() -> None:
    """progress.counted_items (what a module's "n of m done" counts) agrees with
    counts_towards_progress for every type, an unknown one, none and a malformed one."""
    from kit.core.records import progress

    kinds: list[object] = [*itemtypes.NAMES, "podcast", None, 3, ["quiz"], {"t": 1}]
    items = [{"id": f"i{n}", "type": kind} for n, kind in enumerate(kinds)]
    items.append({"id": "untyped"})
    counted = progress.counted_items({"id": "m", "items": items})
    assert counted == [i for i in items if itemtypes.counts_towards_progress(i.get("type"))]
    assert {i.get("type") for i in items if i not in counted} == {"survey"}
