"""Licences and the pack/module form models: read, change one field, write only its lines."""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from kit.core.authoring import licences, packmeta
from kit.core.packformat.fields import SPDX_RE

PACKS = Path(__file__).resolve().parent.parent / "content_packs"


def changed(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_every_offered_licence_is_accepted_by_the_validator_and_explained() -> None:
    for lic in licences.LICENCES:
        assert SPDX_RE.match(lic.spdx)
        assert lic.shown_explanation().endswith(".")
        assert 1 <= lic.explanation.count(". ") + 1 <= 2
    bundled = {yaml.safe_load(p.read_text("utf-8"))["license"] for p in PACKS.glob("*/pack.yaml")}
    assert bundled <= set(licences.BY_SPDX)


def test_what_each_licence_allows() -> None:
    sa = licences.licence("CC-BY-SA-4.0")
    assert sa and sa.remix and sa.commercial and sa.share_alike
    nd = licences.licence("CC-BY-NC-ND-4.0")
    assert nd and not nd.remix and not nd.commercial
    assert licences.licence("MIT") is None


def test_which_licence_a_remix_may_take() -> None:
    assert licences.remix_licences("CC-BY-SA-4.0") == ("CC-BY-SA-4.0",)
    assert licences.remix_licences("CC-BY-NC-SA-4.0") == ("CC-BY-NC-SA-4.0",)
    assert licences.remix_licences("CC-BY-ND-4.0") == ()
    by = licences.remix_licences("CC-BY-4.0")
    assert by[0] == "CC-BY-4.0" and "CC-BY-SA-4.0" in by and "CC0-1.0" not in by
    nc = licences.remix_licences("CC-BY-NC-4.0")
    assert "CC-BY-NC-SA-4.0" in nc and "CC-BY-4.0" not in nc
    assert "CC0-1.0" in licences.remix_licences("CC0-1.0")
    assert licences.remix_licences("MIT") == ("MIT",)


def test_licence_problems_and_credit_names() -> None:
    assert licences.problem("CC-BY-4.0 OR MIT") is None
    assert licences.problem("") and licences.problem("not one!")
    assert licences.credit_name("CC-BY-SA-4.0") == "CC BY-SA 4.0"
    assert licences.credit_name("CC0-1.0") == "CC0 1.0"


@pytest.mark.parametrize(
    "path", sorted(PACKS.glob("*/pack.yaml")) + sorted(PACKS.glob("*/modules/*/module.yaml"))
)
def test_bundled_files_read_without_problems_and_write_back_untouched(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.name == "pack.yaml":
        meta = packmeta.read_pack(text).meta
        assert packmeta.pack_problems(meta) == {}
        assert packmeta.write_pack(text, meta) == text
    else:
        module = packmeta.read_module(text).meta
        assert packmeta.module_problems(module) == {}
        assert packmeta.write_module(text, module) == text


def test_one_changed_field_changes_its_lines_only() -> None:
    text = (PACKS / "getting-started" / "pack.yaml").read_text(encoding="utf-8")
    meta = packmeta.read_pack(text).meta
    assert meta.translations == ("es",)
    assert meta.authors == (packmeta.Author("Training Kit contributors"),)
    new = packmeta.write_pack(text, replace(meta, translations=("es", "fr")))
    assert changed(text, new) == ["-languages: [en, es]", "+languages: [en, es, fr]"]
    new = packmeta.write_pack(text, replace(meta, homepage="https://example.org"))
    assert changed(text, new) == ["+homepage: https://example.org"]
    assert "attribution: " in new.split("homepage:")[0]
    new = packmeta.write_pack(text, replace(meta, attribution=""))
    assert changed(text, new) == ['-attribution: "Training Kit contributors, CC BY-SA 4.0"']


def test_a_pack_without_languages_gets_them_only_when_translated() -> None:
    text = "id: p\nversion: 1.0.0\ntitle: P\nlanguage: en\nlicense: CC0-1.0\nmodules:\n  - a\n"
    meta = packmeta.read_pack(text).meta
    assert packmeta.write_pack(text, replace(meta, language="fr")) == text.replace(
        "language: en", "language: fr"
    )
    new = packmeta.write_pack(text, replace(meta, translations=("sw",)))
    assert "language: en\nlanguages: [en, sw]\nlicense" in new


def test_module_tags_keep_their_order_and_new_ones_follow() -> None:
    text = (PACKS / "getting-started" / "modules" / "teaching" / "module.yaml").read_text("utf-8")
    meta = packmeta.read_module(text).meta
    topics, skills = packmeta.split_tags(meta.tags)
    assert skills == ("capx:training", "capx:facilitation")
    tags = packmeta.join_tags(meta.tags, topics, (*skills[1:], "Q11024"))
    new = packmeta.write_module(text, replace(meta, tags=tags))
    assert changed(text, new)[1] == (
        "+tags: [facilitators, trainers, workshops, writing-packs, capx:facilitation, Q11024]"
    )


def test_module_problems_one_sentence_each() -> None:
    meta = packmeta.ModuleMeta(id="Bad Id", title="", minutes="x", tags=("capx:nope",))
    found = packmeta.module_problems(meta)
    assert set(found) == {"id", "title", "minutes", "tags"}
    assert all(m.endswith(".") and m.count(". ") == 0 for m in found.values())
    assert "capx:nope" in found["tags"]


def test_pack_problems() -> None:
    meta = packmeta.PackMeta(id="ok", version="1.0", title="T", language="english",
                             license="CC0-1.0", translations=("x y",))  # fmt: skip
    assert set(packmeta.pack_problems(meta)) == {"version", "language", "translations"}


def test_bump_version() -> None:
    assert packmeta.bump_version("1.2.3", "patch") == "1.2.4"
    assert packmeta.bump_version("1.2.3", "minor") == "1.3.0"
    assert packmeta.bump_version("1.2.3-beta.1", "major") == "2.0.0"
    assert packmeta.bump_version("junk", "patch") == "1.0.0"


def test_skill_search_over_names_groups_and_keys() -> None:
    assert [c.key for c in packmeta.search_skills("budget")] == ["capx:budgeting"]
    groups = packmeta.search_skills("communication")
    assert groups[0].key == "Q11024" and len(groups) > 1
    assert len(packmeta.search_skills("")) == len(packmeta.skill_choices())


def test_field_at_line() -> None:
    lines = {"id": (1, 1), "description": (3, 5)}
    assert packmeta.field_at_line(lines, 4) == "description"
    assert packmeta.field_at_line(lines, 9) is None


EDITS_PACK = {
    "title": "Un título: nuevo",
    "description": "Línea uno.\n\nLínea dos.",
    "license": "CC-BY-4.0",
    "attribution": "",
    "homepage": "https://example.org/x",
    "version": "9.9.9",
}


@pytest.mark.parametrize("path", sorted(PACKS.glob("*/pack.yaml")), ids=lambda p: p.parent.name)
def test_each_field_edit_on_every_bundled_pack_touches_only_its_key(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    meta = packmeta.read_pack(text).meta
    for name, value in EDITS_PACK.items():
        new = packmeta.write_pack(text, replace(meta, **{name: value}))
        expected = {k: v for k, v in data.items() if k != name}
        got = yaml.safe_load(new)
        assert got.pop(name, "") == value, (path, name)
        assert got == expected, (path, name)
        # every line outside the key's own (indented) lines was there before
        kept = [
            ln
            for ln in new.splitlines()
            if ln[:1] not in ("", " ") and ln[: len(name) + 1] != f"{name}:"
        ]
        assert all(line in text.splitlines() for line in kept), name
