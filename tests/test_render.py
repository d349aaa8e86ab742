"""Lesson HTML: hostile markup is removed, nothing remote is loaded, RTL is marked."""

from __future__ import annotations

import pytest

from kit.core.render import count_hidden_blocks, is_rtl, render_markdown


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<iframe src="https://example.org"></iframe>',
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<p style="background:url(https://example.org/t.png)">x</p>',
        '<form action="https://example.org"><input name="a"></form>',
    ],
)
def test_hostile_markup_is_removed(hostile: str) -> None:
    out = render_markdown(hostile).lower()
    for bad in ("<script", "<iframe", "onerror", "javascript:", "style=", "<form", "<input"):
        assert bad not in out


def test_remote_images_become_links_and_local_images_stay() -> None:
    out = render_markdown("![local](media/a.png) ![far](https://upload.wikimedia.org/b.png)")
    assert '<img alt="local" src="media/a.png">' in out
    assert "<img" not in out.replace('<img alt="local" src="media/a.png">', "")
    assert 'href="https://upload.wikimedia.org/b.png"' in out


def test_solution_hidden_until_revealed() -> None:
    text = "Try it.\n\n::: solution\nThe answer is 42.\n:::\n"
    assert count_hidden_blocks(text) == 1
    hidden = render_markdown(text)
    assert "42" not in hidden and "kit-reveal:1" in hidden
    assert "42" in render_markdown(text, revealed={1})


def test_facilitator_notes_never_rendered() -> None:
    assert "secret" not in render_markdown("Hello\n\n::: notes\nsecret\n:::\n")


def test_rtl_languages_are_laid_out_right_to_left() -> None:
    assert is_rtl("ar") and is_rtl("fa-IR") and not is_rtl("en")
    assert 'dir="rtl"' in render_markdown("مرحبا", lang="ar")
    assert 'dir="rtl"' not in render_markdown("hello", lang="en")


def test_internal_item_links_survive() -> None:
    assert 'href="item:next-lesson"' in render_markdown("[next](item:next-lesson)")


@pytest.mark.parametrize(
    "tag",
    [
        '<img src="//evil.example/x.png" alt="far">',
        '<img src=" http://evil.example/x.png" alt="far">',
        '<img src="&#9;http://evil.example/x.png" alt="far">',
        '<img src="\thttp://evil.example/x.png" alt="far">',
        '<img src="ht&#x09;tp://evil.example/x.png" alt="far">',
        '<img src="\\\\evil.example\\x.png" alt="far">',
        "![far](//evil.example/x.png)",
    ],
)
def test_every_spelling_of_a_remote_image_becomes_a_link(tag: str) -> None:
    out = render_markdown(tag)
    assert "<img" not in out
    assert "evil.example/x.png" in out and "[far]</a>" in out


@pytest.mark.parametrize(
    "src", ["/etc/passwd.png", "../../../home/x.png", "media/../../x.png", "media\\..\\x.png"]
)
def test_images_outside_the_media_store_show_their_alt_text(src: str) -> None:
    out = render_markdown(f'<img src="{src}" alt="outside">')
    assert "<img" not in out and "[outside]" in out


@pytest.mark.parametrize(
    "text",
    [
        "~~~\nx = 1\n~~~\n{: .language-python}\n\nNext",
        "Para\n\n{: .note}",
        "| a | b |\n|---|---|\n| 1 | 2 |\n{: .table}",
    ],
)
def test_attribute_list_lines_never_show(text: str) -> None:
    assert "{:" not in render_markdown(text)


def test_attribute_list_inside_code_is_shown() -> None:
    assert "{: .note}" in render_markdown("```\n{: .note}\n```")
