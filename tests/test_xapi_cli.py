"""`kit records lrs`, `outbox` and `push` against a real Ralph on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench._ralph import RalphServer, available
from kit.core.paths import DataDir
from kit.core.records import Records


def test_a_bad_address_is_refused_with_one_sentence(run_kit):
    code, _out, err = run_kit("records", "lrs", "ftp://nowhere", "--user", "u")
    assert code == 1
    assert "is not the address of a Learning Record Store" in err
    assert "Traceback" not in err


def test_push_without_an_lrs_says_how_to_set_one(run_kit):
    code, _out, err = run_kit("records", "push")
    assert code == 1
    assert "kit records lrs URL" in err


@pytest.mark.skipif(not available(), reason="Ralph is installed by make test-deps")
def test_configure_see_waiting_push_and_nothing_waits(run_kit, data_dir: Path, tmp_path: Path):
    with Records(DataDir(data_dir), create=True) as rec:
        ana = rec.create_profile("Ana")
        for i in range(3):
            rec.append_event(ana.id, "first-aid", f"lesson-{i}", "viewed")
    with RalphServer(tmp_path / "lrs") as lrs:
        secret = tmp_path / "secret"
        secret.write_text(lrs.password + "\n", encoding="utf-8")
        code, out, _err = run_kit(
            "records", "lrs", lrs.endpoint, "--user", lrs.user, "--password-file", str(secret)
        )
        assert code == 0
        code, out, _err = run_kit("records", "lrs")
        assert lrs.endpoint in out and lrs.password not in out
        assert oct((data_dir / "lrs.json").stat().st_mode & 0o777) == "0o600"
        code, out, _err = run_kit("records", "outbox")
        assert out.startswith("3 statements wait for")
        code, out, _err = run_kit("records", "push")
        assert (code, out.strip()) == (0, "3 statements sent; 0 wait")
        code, out, _err = run_kit("records", "outbox")
        assert out.startswith("0 statements wait for")
        assert "3 delivered so far" in out
        assert len(lrs.statements()) == 3
