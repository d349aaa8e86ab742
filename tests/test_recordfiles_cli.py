"""`kit records export|import|join|overview`: exit codes and what they print."""

from __future__ import annotations

from pathlib import Path

from kit.core.paths import DataDir
from kit.core.records import Records


def _setup(root: Path) -> tuple[str, str]:
    with Records(DataDir(root / "a")) as rec:
        ana = rec.create_profile("Ana")
        bea = rec.create_profile("Bea")
        rec.append_event(ana.id, "pack", "i1", "completed")
        rec.append_event(bea.id, "pack", "i1", "viewed")
        return ana.id, bea.id


def test_export_import_join_overview(run_kit, tmp_path):
    ana, _bea = _setup(tmp_path)
    a, b, out = tmp_path / "a", tmp_path / "b", tmp_path / "usb.kitrecords"
    code, text, err = run_kit("--data-dir", a, "records", "export", "--profile", "Ana", "-o", out)
    assert (code, err) == (0, "")
    assert "1 profile and 1 event" in text
    code, text, _err = run_kit("--data-dir", b, "records", "import", out, out)
    assert code == 0 and "Added 2 records; 2 were already present." in text
    code, text, _err = run_kit("--data-dir", b, "records", "import", out)
    assert code == 0 and "Added 0 records" in text
    run_kit("--data-dir", a, "records", "export", "-o", out)
    run_kit("--data-dir", b, "records", "import", out)
    code, text, _err = run_kit("--data-dir", b, "records", "join", ana, "Bea")
    assert code == 0 and "Bea is now shown as Ana." in text
    code, text, _err = run_kit("--data-dir", b, "records", "overview", "--csv", tmp_path / "o.csv")
    assert code == 0
    lines = (tmp_path / "o.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("learner,code") and len(lines) == 2


def test_refusals_are_one_sentence_and_exit_1(run_kit, tmp_path):
    _setup(tmp_path)
    a = tmp_path / "a"
    bad = tmp_path / "bad.kitrecords"
    bad.write_text("not a zip")
    cases = [
        (("records", "import", bad), "damaged or not a records file"),
        (("records", "import", tmp_path / "none.kitrecords"), "There is no file"),
        (("records", "export", "--since", "2026-02-30", "-o", tmp_path / "x"), "not a date"),
        (("records", "export", "--profile", "Zoe", "-o", tmp_path / "x"), "no profile called"),
        (("records", "join", "Ana", "Ana"), "already joined"),
    ]
    for args, words in cases:
        code, _out, err = run_kit("--data-dir", a, *args)
        assert code == 1, args
        assert words in err and "Traceback" not in err and err.count("\n") == 1, err
    assert not (tmp_path / "x").exists()
    code, _out, err = run_kit("--data-dir", tmp_path / "empty", "records", "export", "-o", bad)
    assert code == 1 and "no learner records" in err
