"""TeX math: what pandoc (the Workbench) reads as math is drawn as a picture, offline; prices
and code stay text; the reader shows the picture from the address itself."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from kit.core.render import render_markdown
from kit.ui.reader.browser import ContentBrowser
from tests.markup_compare import pandoc_available

CASES = {
    "inline": "Energy is $E = mc^2$ here.",
    "display block": "The sum:\n\n$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$\n\nDone.",
    "display on one line": "So $$\\sqrt{x^2 + y^2}$$ is the length.",
    "two in a sentence": "If $a > 0$ and $b_i < 1$ then $a b_i < a$.",
    "prices": "It costs $5 and $10, or US$1,000 to US$2,000; $5-$10.",
    "code": "Type `$x$` and\n\n```\n$y = 1$\n```",
    "escaped dollars": "Write \\$x\\$ for a dollar.",
    "inside a box": "::: callout\nThe mean is $\\bar{x}$.\n:::",
}


def _formulas(html_text: str) -> list[str]:
    return re.findall(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]*)"', html_text)


def _pandoc_formulas(text: str) -> list[str]:
    done = subprocess.run(["pandoc", "-f", "markdown", "-t", "html5", "--mathml"], input=text,
                          capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    import html

    return [
        re.sub(r"\s+", " ", html.unescape(t)).strip()
        for t in re.findall(
            r'<annotation encoding="application/x-tex">(.*?)</annotation>', done.stdout, re.S
        )
    ]


@pytest.mark.skipif(not pandoc_available(), reason="pandoc is not installed")
@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_math_is_found_as_pandoc_finds_it(text: str) -> None:
    import html

    shown = render_markdown(text)
    ours = [re.sub(r"\s+", " ", html.unescape(t)).strip() for t in _formulas(shown)]
    assert ours == _pandoc_formulas(text.replace("::: callout\n", "").replace("\n:::", ""))
    assert "$" not in re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", shown, flags=re.S) or (
        not ours
    )


def test_display_math_is_centred_and_bad_tex_shows_as_code() -> None:
    assert '<p align="center"><img src="data:image/svg+xml' in render_markdown("$$x^2$$")
    assert "<code>\\frac{</code>" in render_markdown("Bad $\\frac{$ here")


def test_a_packs_own_data_addresses_are_removed() -> None:
    out = render_markdown('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">')
    assert "data:" not in out


def test_the_reader_shows_the_formula(qtbot) -> None:
    browser = ContentBrowser()
    qtbot.addWidget(browser)
    browser.resize(600, 300)
    browser.show()
    shown = render_markdown("Energy is $E = mc^2$.")
    browser.show_html(shown)
    (address,) = re.findall(r'src="(data:[^"]+)"', shown)
    qtbot.waitUntil(lambda: "formula" in browser.loaded_resources, timeout=10_000)
    image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(address))
    assert not image.isNull() and image.width() > 20
    inked = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 128 and image.pixelColor(x, y).lightness() < 128
    )
    assert inked > 20  # the glyphs are drawn, not only the formula's empty box
    assert "Energy is" in browser.toPlainText()


def test_dollars_in_a_link_address_stay_as_written() -> None:
    out = render_markdown("[the query](https://example.org/q?a=$x$&b=1) and $y$")
    assert 'href="https://example.org/q?a=$x$&amp;b=1"' in out and len(_formulas(out)) == 1
