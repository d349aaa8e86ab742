"""Translating a pack with PO files (kit pack translate): extract, update, status, apply,
a full round trip into a real library and the reader, the fallback chain and msgfmt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from kit.cli import main
from kit.core.packformat.build import build_pack
from kit.core.packformat.scaffold import new_pack_source
from kit.core.packformat.source import load_source
from kit.core.packtranslate import apply, extract, status, update
from kit.core.packtranslate.fallback import language_chain

WELCOME = "modules/basics/01-welcome.md"


@pytest.fixture
def src(tmp_path: Path) -> Path:
    return new_pack_source(tmp_path / "src", "trip")


def read(path: Path):
    with path.open("rb") as fh:
        return read_po(fh)


def write(path: Path, catalog) -> None:
    with path.open("wb") as fh:
        write_po(fh, catalog, width=0)


def by_context(catalog) -> dict:
    return {m.context: m for m in catalog if m.id}


def translate(po: Path, strings: dict[str, str]) -> None:
    catalog = read(po)
    for msg in catalog:
        if msg.context in strings:
            msg.string = strings[msg.context]
    write(po, catalog)


def test_extract_writes_every_unit_with_context_and_place(src):
    done = extract(src, "fr")
    assert done.path == src / "translations" / "fr.po"
    msgs = by_context(read(done.path))
    # Titles, paragraphs (one each), headings, quiz questions, answers, explanations, notes.
    assert msgs["item/welcome/title"].id == "Welcome"
    assert msgs["item/welcome/body/2"].id == "This is a **lesson**. Write it in Markdown."
    assert msgs["item/welcome/body/2"].locations == [(WELCOME, 9)]
    assert msgs["item/welcome/notes/1"].id == "Facilitator notes are never shown to learners."
    kinds = {c.split("/")[2] for c in msgs if c.startswith("item/")}
    assert {"title", "body", "notes"} <= kinds
    assert any(k.startswith("q.") and k.endswith(".prompt") for k in kinds)
    assert any(k.endswith(".explanation") for k in kinds)
    assert any(k.startswith("slide") for k in kinds)
    assert "pack/title" in msgs and any(c.startswith("module/") for c in msgs)
    # Markdown stays in the unit as written, with a note for the translator.
    link = next(m for m in msgs.values() if "](03-check.md)" in m.id)
    assert link.auto_comments
    # Markers are not part of the units: no '# ', no '- [x] '.
    assert not any(m.id.startswith(("# ", "- [")) for m in msgs.values())


def test_po_files_pass_msgfmt_check(src, tmp_path):
    assert shutil.which("msgfmt"), "GNU gettext is missing: run build/install-system-deps.sh"
    extract(src, "fr")
    extract(src, "pt-BR")
    po = src / "translations" / "fr.po"
    translate(po, {"item/welcome/title": "Bienvenue"})
    for name in ("fr.po", "pt-BR.po"):
        run = subprocess.run(
            ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(src / "translations" / name)],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr


def test_extract_keeps_existing_translation_files(src):
    # The example pack has a Spanish translation of its welcome lesson already.
    extract(src, "es")
    msgs = by_context(read(src / "translations" / "es.po"))
    assert msgs["item/welcome/title"].string and not msgs["item/welcome/title"].fuzzy


def test_update_marks_changed_text_fuzzy_and_gone_text_obsolete(src):
    extract(src, "fr")
    po = src / "translations" / "fr.po"
    translate(
        po,
        {
            "item/welcome/body/2": "Ceci est une **leçon**. Écrivez-la en Markdown.",
            "item/welcome/notes/1": "Les notes ne sont jamais montrées.",
        },
    )
    path = src / WELCOME
    text = path.read_text(encoding="utf-8")
    text = text.replace("Write it in Markdown.", "Write it in plain Markdown.")
    text = text.replace("::: notes\nFacilitator notes are never shown to learners.\n:::\n", "")
    path.write_text(text, encoding="utf-8")
    (result,) = update(src)
    assert result.counts.fuzzy == 1 and result.counts.obsolete == 1
    msgs = by_context(read(po))
    changed = msgs["item/welcome/body/2"]
    assert changed.fuzzy and changed.string.startswith("Ceci est")
    raw = po.read_text(encoding="utf-8")
    assert '#| msgid "This is a **lesson**. Write it in Markdown."' in raw
    assert '#~ msgid "Facilitator notes are never shown to learners."' in raw
    fr = next(s for s in status(src) if s.lang == "fr")
    assert fr.translated == 0 and fr.fuzzy == 1 and fr.total > 20


def test_round_trip_into_the_library_and_the_reader(qtbot, src, tmp_path, data_dir):
    from ui_reader_pack import reader_context

    from kit.ui.operations.reader import prepare_item

    extract(src, "fr")
    po = src / "translations" / "fr.po"
    translate(
        po,
        {
            "item/welcome/title": "Bienvenue",
            "item/welcome/body/1": "Bienvenue",
            "item/welcome/body/2": "Ceci est une **leçon**. Écrivez-la en Markdown.",
            "item/welcome/body/3": "![Le logo de Training Kit](../../media/logo.png)",
            # body/4 (the paragraph with the quiz link) stays untranslated: it falls back.
        },
    )
    (applied,) = apply(src)
    assert applied.files >= 1 and applied.missing > 0
    assert "fr" in (src / "pack.yaml").read_text(encoding="utf-8")
    loaded = load_source(src)
    assert loaded.report.ok, loaded.report.errors
    pack_file = build_pack(loaded, tmp_path / "dist")
    with reader_context(data_dir, pack_file) as ctx:
        ctx.language = "en"
        ctx.content_language = "fr-CA"  # no fr-CA translation: falls back to fr
        view = ctx.worker.call(lambda: prepare_item(ctx, "trip", "welcome"))
        assert view.item["title"] == "Bienvenue" and view.lang == "fr"
        assert "Écrivez-la" in view.body_html
        assert "When you are ready" in view.body_html  # the untranslated paragraph
        assert "not translated" in view.translation_note
        # An item without any French: shown in English, and the reader says so.
        other = ctx.worker.call(lambda: prepare_item(ctx, "trip", "practice"))
        assert other.lang == "en" and "not translated" in other.translation_note.lower()
        # Search finds the translated text too.
        hits = ctx.worker.call(lambda: ctx.library.search("Écrivez"))
        assert [h["item_id"] for h in hits] == ["welcome"]
        # The interface language alone chooses when no content language is set.
        ctx.content_language = ""
        ctx.language = "fr"
        view = ctx.worker.call(lambda: prepare_item(ctx, "trip", "welcome"))
        assert view.item["title"] == "Bienvenue"


def test_reader_page_shows_the_translation_note(qtbot, src, tmp_path, data_dir):
    from ui_reader_pack import reader_context

    from kit.ui.reader import ReaderPage

    extract(src, "fr")
    translate(src / "translations" / "fr.po", {"item/welcome/title": "Bienvenue"})
    apply(src)
    pack_file = build_pack(load_source(src), tmp_path / "dist")
    with reader_context(data_dir, pack_file) as ctx:
        ctx.content_language = "fr"
        page = ReaderPage(ctx)
        qtbot.addWidget(page)
        page.show()
        with qtbot.waitSignal(page.item_shown, timeout=10_000):
            page.open_item("trip", "welcome")
        assert page.header.title.text() == "Bienvenue"
        assert page.header.untranslated.isVisible()
        assert page.header.untranslated.text()


def test_broken_markup_is_reported_with_file_and_unit(src, capsys):
    extract(src, "fr")
    po = src / "translations" / "fr.po"
    # A PO translation that drops the link is not applied, and apply says which unit.
    translate(
        po,
        {
            "item/welcome/title": "Bienvenue",
            "item/welcome/body/4": "Quand vous êtes prêt, faites le quiz.",
        },
    )
    (applied,) = apply(src)
    assert applied.problems and "item/welcome/body/4" in applied.problems[0][1]
    # A translation file edited by hand with another link target: validate reports it.
    path = src / "translations" / "fr" / WELCOME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "---\ntitle: Bienvenue\n---\n# Bienvenue\n\nUne **leçon**.\n\n"
        "![Logo](../../media/logo.png)\n\nFaites le [quiz](https://example.org/x).\n",
        encoding="utf-8",
    )
    loaded = load_source(src)
    found = [str(p) for p in loaded.report.warnings if "item/welcome/body/4" in p.message]
    assert found and found[0].startswith(f"translations/fr/{WELCOME}:10:")
    assert "links" in found[0]


def test_fallback_chain():
    pack = {"language": "en", "languages": ["en", "fr", "fr-CA", "pt-BR"]}
    assert language_chain(pack, "fr-CA") == ["fr-CA", "fr"]
    assert language_chain(pack, "fr_BE") == ["fr"]
    assert language_chain(pack, "pt") == []
    assert language_chain(pack, "en-GB") == []
    assert language_chain(pack, "") == []


def test_cli_commands_and_bad_input(src, capsys):
    assert main(["pack", "translate", "extract", str(src), "--lang", "fr"]) == 0
    assert "fr.po" in capsys.readouterr().out
    assert main(["pack", "translate", "status", str(src)]) == 0
    out = capsys.readouterr().out
    assert "fr: 0%" in out and "es:" in out
    assert main(["pack", "translate", "update", str(src)]) == 0
    assert main(["pack", "translate", "apply", str(src), "--lang", "fr"]) == 0
    capsys.readouterr()
    before = sorted(p.name for p in (src / "translations").iterdir())
    for argv in (
        ["pack", "translate", "extract", str(src / "nope"), "--lang", "fr"],
        ["pack", "translate", "extract", str(src), "--lang", "en"],
        ["pack", "translate", "extract", str(src), "--lang", "not a code"],
        ["pack", "translate", "apply", str(src), "--lang", "de"],
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    (src / "translations" / "fr.po").write_text('msgid "x\nbroken', encoding="utf-8")
    assert main(["pack", "translate", "status", str(src)]) == 1
    assert "fr.po" in capsys.readouterr().err
    assert sorted(p.name for p in (src / "translations").iterdir()) == before


def test_apply_adds_the_language_to_a_block_list(src):
    path = src / "pack.yaml"
    text = path.read_text(encoding="utf-8").replace("languages: [en, es]", "languages:\n- en\n- es")
    path.write_text(text, encoding="utf-8")
    extract(src, "fr")
    translate(src / "translations" / "fr.po", {"item/welcome/title": "Bienvenue"})
    apply(src)
    assert "languages:\n- en\n- es\n- fr\n" in path.read_text(encoding="utf-8")
    assert load_source(src).report.ok


def test_settings_dialog_chooses_the_content_language(qtbot, data_dir):
    from kit.core.paths import DataDir
    from kit.ui.dialogs.settings import SettingsDialog
    from kit.ui.operations.settings import UiSettings

    dialog = SettingsDialog("en", 1.0, content="")
    qtbot.addWidget(dialog)
    assert dialog.content.currentData() == ""  # default: the interface language
    dialog.content.setCurrentIndex(dialog.content.findData("es"))
    with qtbot.waitSignal(dialog.content_chosen) as chosen:
        dialog._accept()
    assert chosen.args == ["es"]
    data = DataDir(data_dir).ensure()
    settings = UiSettings(content_language="es")
    settings.save(data)
    assert UiSettings.load(data).content_language == "es"


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (Path(__file__).parent.parent / "content_packs").iterdir())
)
def test_units_put_back_give_every_bundled_item_unchanged(name):
    from kit.core.packformat.yamlio import split_front_matter
    from kit.core.packtranslate.sourcetext import read_source_text

    root = Path(__file__).parent.parent / "content_packs" / name
    source = read_source_text(root)
    assert source.units
    for file in source.files:
        if file.body is not None:
            text = (root / file.rel).read_text(encoding="utf-8").replace("\r\n", "\n")
            assert file.body.render({}) == split_front_matter(text)[2], file.rel
