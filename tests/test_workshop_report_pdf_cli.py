"""The workshop report as PDF (Qt, charts, text read back with pypdf) and through
`kit workshop report`: every format, its numbers, exit codes."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pypdf
import pytest
from test_workshop_report import expected, make_scenario

from kit.core.errors import Cancelled
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.i18n import _, set_language
from kit.ui.operations.report import BarChart, report_of
from kit.ui.workshop.report.chart import chart_image
from kit.ui.workshop.report.pdf import report_parts, write_report_pdf


@pytest.fixture
def scenario(data_dir: Path, clock):
    with Records(DataDir(data_dir), clock=clock, uptime=clock.uptime) as rec:
        yield make_scenario(rec, data_dir)


def _pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def _images(page) -> int:
    objects = page["/Resources"].get_object().get("/XObject")
    if objects is None:
        return 0
    objects = objects.get_object()
    return sum(1 for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")


def _report(scenario):
    with Records(DataDir(scenario.db_path.parent)) as rec:
        return report_of(rec.rdb, scenario.shop.id)


def test_the_pdf_holds_the_figures_and_the_tables(qapp, scenario, tmp_path: Path) -> None:
    want = expected(scenario)
    report = _report(scenario)
    path = write_report_pdf(tmp_path / "report.pdf", report)
    text = _pdf_text(path)
    assert "Workshop report: Wiki editing" in text and "City library" in text
    assert f"Participants {want.participants} People checked in" in text
    assert f"Newly registered editors {want.new_editors} " in text
    assert "Returning participants 3 " in text
    assert "Content created or improved not recorded " in text
    for session in scenario.shop.sessions:
        label = f"Day 1 {session.start} {session.title}"
        assert f"{label} {want.per_session[session.id]} 7" in text
    assert f"Delivered minutes {round(sum(want.actual.values()), 1)} " in text
    # one picture per chart in the document (images counted without decoding them)
    pictures = sum(_images(page) for page in pypdf.PdfReader(path).pages)
    assert pictures == sum(len(s.charts) for s in report.sections) == 2


def test_cancel_leaves_no_file_and_an_earlier_one_untouched(qapp, scenario, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "report.pdf"
    target.write_bytes(b"earlier")
    with pytest.raises(Cancelled):
        write_report_pdf(target, _report(scenario), cancelled=lambda: True)
    assert target.read_bytes() == b"earlier"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.pdf"]


def test_under_arabic_the_pdf_runs_right_to_left(qapp, scenario, tmp_path: Path) -> None:
    set_language("ar")
    report = _report(scenario)
    parts = report_parts(report)
    assert all(p.rtl and p.html.startswith('<div dir="rtl"') for p in parts)
    assert _("Participants") != "Participants" and _("Participants") in parts[0].html
    assert write_report_pdf(tmp_path / "ar.pdf", report).stat().st_size > 0


def test_every_format_through_the_cli(run_kit, scenario, tmp_path: Path) -> None:
    want = expected(scenario)
    code, out, err = run_kit("workshop", "report", "wiki editing", "--format", "md")
    assert code == 0 and err == ""
    assert f"| Participants | {want.participants} |" in out
    code, out, _err = run_kit("workshop", "report", scenario.shop.id, "--format", "wikitext")
    assert code == 0 and out.count("{|") == out.count("|}") > 0
    assert f"| Newly registered editors || {want.new_editors} ||" in out
    code, out, _err = run_kit("workshop", "report", scenario.shop.id, "--format", "usernames")
    assert (code, out) == (0, "anaw\nBenB\n")
    zipped = tmp_path / "report.zip"
    code, out, _err = run_kit("workshop", "report", "Wiki editing", "--format", "csv", "-o", zipped)
    assert code == 0 and str(zipped) in out
    with zipfile.ZipFile(zipped) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("report-figures.csv").decode())))
    figures = {r["Key"]: r["Value"] for r in rows}
    assert figures["participants"] == str(want.participants)
    assert figures["new_editors"] == str(want.new_editors)
    pdf = tmp_path / "report.pdf"
    code, _out, err = run_kit("workshop", "report", "Wiki editing", "--format", "pdf", "-o", pdf)
    assert code == 0, err
    assert f"Participants {want.participants} " in _pdf_text(pdf)
    wiki = tmp_path / "report.txt"
    code, _out, _err = run_kit("workshop", "report", "Wiki", "--format", "wikitext", "-o", wiki)
    assert code == 1  # "Wiki" is not a title; nothing written
    assert not wiki.exists()


def test_cli_errors_are_one_sentence_and_a_non_zero_exit(run_kit, scenario, tmp_path: Path) -> None:
    code, out, err = run_kit("workshop", "report", "No such", "--format", "md")
    assert (code, out) == (1, "") and err.strip() == "There is no workshop No such."
    code, out, err = run_kit("workshop", "report", scenario.shop.id, "--format", "csv")
    assert code == 2 and "needs -o PATH" in err and out == ""
    missing = tmp_path / "no" / "such" / "folder" / "report.pdf"
    code, out, err = run_kit(
        "workshop", "report", scenario.shop.id, "--format", "pdf", "-o", missing
    )
    assert code == 1 and "Traceback" not in err and "could not be written" in err
    assert len(err.strip().splitlines()) == 1
    code, _out, err = run_kit("workshop", "report", scenario.shop.id, "--format", "docx")
    assert code == 2 and "invalid choice" in err


def _green_columns(image, row_y: int) -> list[int]:
    return [x for x in range(image.width()) if image.pixelColor(x, row_y).name() == "#2e8b57"]


def test_a_chart_draws_bars_to_scale_and_mirrors_right_to_left(qapp) -> None:
    chart = BarChart("Minutes", (("Long session name", 80.0), ("Short", 20.0)))
    left = chart_image(chart, 600, rtl=False)
    right = chart_image(chart, 600, rtl=True)
    line = left.height() / (1.9 * 2 + 1.6)  # the chart's rows, in lines of text
    rows = [int(line * 1.6 + line * 1.9 * n + line / 2) for n in range(2)]
    long_l, short_l = (_green_columns(left, y) for y in rows)
    long_r, short_r = (_green_columns(right, y) for y in rows)
    assert len(long_l) == pytest.approx(4 * len(short_l), rel=0.05)
    assert long_l[0] == short_l[0] < 300  # bars grow from the left, after the labels
    assert long_r[-1] == short_r[-1] > 300  # and from the right, right to left
    assert len(long_r) == len(long_l)
