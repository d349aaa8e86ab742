"""The needs-assessment results as PDF (Qt, charts as pictures, text read back with
pypdf) and through `kit survey results --format pdf`."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from needs_results_helpers import SURVEY, build_packs, expected_mwds, expected_ranking, seed

from kit.core.errors import Cancelled
from kit.core.library import Library
from kit.core.needs import NeedsResponses
from kit.core.needs.installed import find_survey, installed_packs
from kit.core.needs.results import compute
from kit.core.records import Records
from kit.i18n import format_number, set_language
from kit.ui.needs.results.pdf import write_results_pdf


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build_packs(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def seeded(data_dir: Path, built):
    return seed(data_dir, built)


def _results(seeded, lang: str = "en"):
    with Records(seeded.data) as records, Library(seeded.data) as lib:
        survey = find_survey(lib, SURVEY, lang)
        return compute(survey, NeedsResponses(records.rdb).responses(survey), installed_packs(lib))


def _text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def _images(path: Path) -> int:
    """How many pictures the pages show; each on one page only (none cut by a page end)."""
    shown = []
    for page in pypdf.PdfReader(path).pages:
        objects = page["/Resources"].get_object().get("/XObject")
        if objects is not None:
            shown += [
                ref.idnum
                for ref in objects.get_object().values()
                if ref.get_object()["/Subtype"] == "/Image"
            ]
    assert len(shown) == len(set(shown))
    return len(shown)


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
def test_the_pdf_holds_the_ranking_in_the_locale_and_a_picture_per_chart(
    qapp, seeded, tmp_path: Path, lang: str
) -> None:
    set_language(lang)
    try:
        results = _results(seeded, lang)
        path = write_results_pdf(tmp_path / "results.pdf", results)
        text = _text(path)
        scores = expected_mwds(seeded.item, seeded.answers)
        for skill in expected_ranking(seeded.item, seeded.answers)[:5]:
            assert format_number(round(scores[skill], 2)) in text
        if lang == "es":
            assert "," in format_number(round(scores["capx:training"], 2))
        rated = [s for s in results.skills if s.confidence.n or s.importance.n]
        assert _images(path) == 1 + len(rated)  # the need chart, one spread per skill
    finally:
        set_language("en")


def test_a_cancelled_pdf_leaves_no_file(qapp, seeded, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        write_results_pdf(out / "results.pdf", _results(seeded), cancelled=lambda: True)
    assert list(out.iterdir()) == []


def test_kit_survey_results_writes_a_pdf(run_kit, seeded, tmp_path: Path) -> None:
    path = tmp_path / "results.pdf"
    code, out, err = run_kit("survey", "results", SURVEY, "--format", "pdf", "-o", path)
    assert code == 0, err
    assert out.strip() == f"Wrote the results to {path}."
    assert pypdf.PdfReader(path).pages and "Needs assessment results" in _text(path)


def test_kit_survey_results_pdf_needs_a_path(run_kit, seeded) -> None:
    code, out, err = run_kit("survey", "results", SURVEY, "--format", "pdf")
    assert code == 2 and out == "" and "needs -o PATH" in err
