"""Minimal text edits of YAML mappings: only the changed key's lines change."""

from __future__ import annotations

import difflib

import pytest
import yaml

from kit.core.authoring import yamledit
from kit.core.authoring.packmeta import PACK_ORDER

TEXT = """\
# A comment at the top, kept as it is.
id: demo
version: 1.0.0   # bump before each build
title: "Quoted title"

description: >-
  A folded description
  over two lines.
language: en
languages: [en, es]
license: CC-BY-SA-4.0
authors:
  - name: Ana Pérez
    url: https://example.org/ana
# a comment before the modules
modules:
  - basics
  - more
"""


def changed_lines(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_setting_an_equal_value_keeps_the_text() -> None:
    for key, value in yaml.safe_load(TEXT).items():
        assert yamledit.set_value(TEXT, key, value) == TEXT


def test_replacing_a_scalar_changes_only_its_line_and_keeps_quotes_and_comment() -> None:
    new = yamledit.set_value(TEXT, "title", "Título nuevo")
    assert changed_lines(TEXT, new) == ['-title: "Quoted title"', '+title: "Título nuevo"']
    new = yamledit.set_value(TEXT, "version", "1.1.0")
    assert changed_lines(TEXT, new) == [
        "-version: 1.0.0   # bump before each build",
        "+version: 1.1.0  # bump before each build",
    ]


def test_replacing_a_block_scalar_replaces_all_its_lines_and_keeps_the_blank_line() -> None:
    new = yamledit.set_value(TEXT, "description", "Short.")
    assert "\n\ndescription: Short.\nlanguage: en\n" in new
    assert yaml.safe_load(new)["description"] == "Short."
    assert len(changed_lines(TEXT, new)) == 4


def test_a_multi_line_text_is_written_so_it_reads_back_the_same() -> None:
    value = "First line\nsecond line: with a colon\n"
    new = yamledit.set_value(TEXT, "description", value)
    assert yaml.safe_load(new)["description"] == value


def test_a_flow_list_stays_a_flow_list() -> None:
    new = yamledit.set_value(TEXT, "languages", ["en", "es", "fr"])
    assert changed_lines(TEXT, new) == ["-languages: [en, es]", "+languages: [en, es, fr]"]


def test_block_lists_keep_the_file_indentation() -> None:
    new = yamledit.set_value(TEXT, "modules", ["basics", "more", "extra"])
    assert new.endswith("modules:\n  - basics\n  - more\n  - extra\n")
    assert "# a comment before the modules\n" in new
    flat = "id: x\nitems:\n- a.md\n- b.md\n"
    assert yamledit.set_value(flat, "items", ["a.md"]) == "id: x\nitems:\n- a.md\n"


def test_mappings_in_lists() -> None:
    authors = [{"name": "Ana Pérez"}, {"name": "Bo", "role": "translator"}]
    new = yamledit.set_value(TEXT, "authors", authors)
    assert "authors:\n  - name: Ana Pérez\n  - name: Bo\n    role: translator\n# a comment" in new
    assert yaml.safe_load(new)["authors"] == authors


def test_removing_a_key_leaves_the_comments_around_it() -> None:
    new = yamledit.remove_key(TEXT, "authors")
    assert changed_lines(TEXT, new) == [
        "-authors:",
        "-  - name: Ana Pérez",
        "-    url: https://example.org/ana",
    ]
    assert yamledit.remove_key(TEXT, "homepage") == TEXT


def test_new_keys_go_after_the_field_before_them() -> None:
    new = yamledit.set_value(TEXT, "attribution", "Ana Pérez, CC BY-SA 4.0", PACK_ORDER)
    assert "    url: https://example.org/ana\nattribution: Ana Pérez, CC BY-SA 4.0\n# a" in new
    new = yamledit.set_value("title: x\n", "id", "x", PACK_ORDER)
    assert new == "id: x\ntitle: x\n"
    assert yamledit.set_value("title: x", "summary", "s") == "title: x\nsummary: s\n"
    assert yamledit.set_value("", "title", "x") == "title: x\n"


def test_keys_and_values_that_need_quoting() -> None:
    new = yamledit.set_value(TEXT, "odd key: yes", "no")
    assert yaml.safe_load(new)["odd key: yes"] == "no"
    for value in ["yes", "1.0", "# not a comment", "a: b", "", "@x", "null", "  spaced  "]:
        assert yaml.safe_load(yamledit.set_value(TEXT, "title", value))["title"] == value


def test_non_ascii_and_windows_line_endings_and_a_bom() -> None:
    crlf = "\ufeff" + TEXT.replace("\n", "\r\n")
    new = yamledit.set_value(crlf, "title", "ক্ষমতা العربية")
    assert new.startswith("\ufeff# A comment")
    assert '\r\ntitle: "ক্ষমতা العربية"\r\n' in new
    assert new.count("\n") == new.count("\r\n")


def test_a_text_that_is_no_mapping_is_refused_with_a_sentence() -> None:
    for bad in ["- a\n- b\n", "title: [unclosed\n", "{a: 1}\n"]:
        with pytest.raises(yamledit.YamlEditError) as info:
            yamledit.set_value(bad, "title", "x")
        assert info.value.args[0].endswith(".")


def test_value_lines_gives_each_keys_lines() -> None:
    lines = yamledit.value_lines(TEXT)
    assert lines["id"] == (2, 2)
    assert lines["description"] == (6, 8)
    assert lines["authors"] == (12, 14)
    assert lines["modules"] == (16, 18)


def test_flow_list_entries_stay_plain_when_they_read_back_the_same() -> None:
    text = "tags: [a, capx:training]\n"
    new = yamledit.set_value(text, "tags", ["a", "capx:training", "Q11024", "yes", "x: y"])
    assert new == "tags: [a, capx:training, Q11024, 'yes', 'x: y']\n"
    assert yaml.safe_load(new)["tags"] == ["a", "capx:training", "Q11024", "yes", "x: y"]


def test_a_folded_text_stays_folded_and_several_lines_become_a_literal_block() -> None:
    words = " ".join(["word"] * 40)
    new = yamledit.set_value(TEXT, "description", words)
    assert "\ndescription: >-\n  word word" in new
    assert all(len(line) <= 90 for line in new.splitlines())
    assert yaml.safe_load(new)["description"] == words
    new = yamledit.set_value("title: x\n", "summary", "Line one\n\nLine three: ok")
    assert new == "title: x\nsummary: |-\n  Line one\n\n  Line three: ok\n"
    trailing = yamledit.set_value("title: x\n", "summary", "a\nb\n")
    assert trailing == "title: x\nsummary: |\n  a\n  b\n"
    for odd in ["  indented\nx", "a  \nb", "tab\there\nx", "a\n\n\n"]:
        assert yaml.safe_load(yamledit.set_value(TEXT, "description", odd))["description"] == odd


def test_only_newlines_break_lines() -> None:
    text = 'title: "a\\fb"\nid: x\n'
    new = yamledit.set_value(text, "id", "y")
    assert new == text.replace("id: x", "id: y")
    with pytest.raises(yamledit.YamlEditError):
        yamledit.set_value("title: a\u2028b\nid: x\n", "id", "y")
    with pytest.raises(yamledit.YamlEditError):
        yamledit.set_value("title: a\rid: x\n", "id", "y")
