"""`kit pack` and `kit keys`: exit codes 0/1/2, messages, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from pack_helpers import LESSON, QUIZ, edit, make_source


def test_new_validate_build_inspect(run_kit, tmp_path: Path) -> None:
    src = tmp_path / "my-pack"
    code, out, err = run_kit("pack", "new", src, "--id", "demo-pack")
    assert (code, err) == (0, "")
    assert "kit pack validate" in out
    code, out, err = run_kit("pack", "validate", src)
    assert (code, err) == (0, "")
    assert "is a valid pack: 1 module, 5 items." in out
    code, out, err = run_kit("pack", "build", src, "-o", tmp_path / "dist")
    assert (code, err) == (0, "")
    built = tmp_path / "dist" / "demo-pack-0.1.0.kitpack"
    assert str(built) in out and built.is_file()
    code, out, err = run_kit("pack", "inspect", built)
    assert (code, err) == (0, "")
    for text in (
        "My first pack (demo-pack 0.1.0)",
        "Languages: en, es",
        "Licence: CC-BY-SA-4.0",
        "Modules: 1",
        "1 lesson, 1 slide deck, 1 quiz, 1 activity, 1 survey",
        "Signature: not signed",
    ):
        assert text in out


def test_validate_lists_every_problem_and_exits_1(run_kit, tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    edit(src, "pack.yaml", "title: My first pack\n", "")
    edit(src, QUIZ, "- [x] Blue", "- [ ] Blue")
    edit(src, LESSON, "media/logo.png", "media/gone.png")
    code, _out, err = run_kit("pack", "validate", src)
    assert code == 1
    lines = err.strip().split("\n")
    assert lines == [
        "modules/basics/01-welcome.md:11: '../../media/gone.png' not found",
        "modules/basics/03-check.md:9: this question has no correct answer (mark one with '- [x]')",
        "pack.yaml:1: missing 'title'",
        "3 problems found.",
    ]
    assert "Traceback" not in err


def test_build_refuses_an_invalid_source(run_kit, tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    edit(src, QUIZ, "## steps: order", "## steps: essay")
    code, _out, err = run_kit("pack", "build", src, "-o", tmp_path / "dist")
    assert code == 1
    assert "modules/basics/03-check.md:" in err and "unknown question type 'essay'" in err
    assert err.strip().endswith("Not built: the source has 1 problem; fix it and build again.")
    assert not list(tmp_path.glob("dist/*.kitpack"))


def test_signed_build_and_inspect(
    run_kit, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # a trainer's keys go where the trainer works, not in data/
    code, out, err = run_kit("keys", "new", "trainer")
    assert code == 0
    key_id = out.split("Key id ")[1].split(":")[0]
    assert (work / "trainer.key").stat().st_mode & 0o077 == 0
    assert f"Private key written to {work / 'trainer.key'}" in out
    assert f"Public key written to {work / 'trainer.pub'}" in out
    assert not (data_dir / "keys").exists()
    src = make_source(tmp_path / "src")
    code, out, err = run_kit("pack", "build", src, "--sign", "trainer", "-o", tmp_path)
    assert (code, err) == (0, "")
    built = tmp_path / "my-first-pack-0.1.0.kitpack"
    code, out, err = run_kit("pack", "inspect", built)
    assert code == 0
    assert f"Signature: signed by key {key_id}" in out
    code, out, _err = run_kit("pack", "inspect", built, "--json")
    data = json.loads(out)
    assert data["signature"]["signed"] and data["signature"]["key_id"] == key_id
    assert data["pack"]["id"] == "my-first-pack" and data["file_size"] == built.stat().st_size


@pytest.mark.parametrize("member", ["manifest.json", "content.json", "media/logo.png"])
def test_inspect_refuses_a_tampered_signed_pack(run_kit, tmp_path: Path, member: str) -> None:
    run_kit("keys", "new", "k", "--out", tmp_path / "keys")
    src = make_source(tmp_path / "src")
    built = tmp_path / "p.kitpack"
    assert run_kit("pack", "build", src, "--sign", tmp_path / "keys" / "k.key", "-o", built)[0] == 0
    bad = tmp_path / "bad.kitpack"
    with zipfile.ZipFile(built) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == member:
                data = data.replace(b"0.1.0", b"0.1.1") if member.endswith(".json") else data + b"!"
            zout.writestr(info, data)
    code, out, err = run_kit("pack", "inspect", bad)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "bad.kitpack" in err
    assert "do not install it" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["pack", "validate", "{tmp}/nothing"], 1, "not a pack source: pack.yaml not found"),
        (["pack", "build", "{tmp}/nothing"], 1, "Not built"),
        (["pack", "inspect", "{tmp}/nothing.kitpack"], 1, "does not exist"),
        (["pack", "inspect", "{tmp}"], 1, "is a folder"),
        (["pack", "inspect", "{tmp}/junk.kitpack"], 1, "not a complete Training Kit pack"),
        (["pack", "new", "{tmp}/full"], 1, "already exists and is not empty"),
        (["pack", "new", "{tmp}/n", "--id", "Bad Id"], 1, "not a valid pack id"),
        (
            ["pack", "build", "{tmp}/src", "--sign", "{tmp}/nokey.key"],
            1,
            "Cannot read the key file",
        ),
        (
            ["pack", "build", "{tmp}/src", "--sign", "{tmp}/junk.kitpack"],
            1,
            "not a Training Kit signing key",
        ),
        (["keys", "new", "bad name!"], 1, "not a usable key name"),
        (["pack"], 2, "usage:"),
        (["pack", "validate"], 2, "usage:"),
        (["pack", "build", "{tmp}/src", "--bogus"], 2, "usage:"),
        (["pack", "frobnicate"], 2, "usage:"),
    ],
)
def test_exit_codes(run_kit, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    make_source(tmp_path / "src")
    make_source(tmp_path / "full")
    (tmp_path / "junk.kitpack").write_bytes(b"junk")
    got, _out, err = run_kit(*(a.format(tmp=tmp_path) for a in args))
    assert got == code
    assert message in err
    assert "Traceback" not in err
    if code == 1 and args[1] != "validate" and "Not built" not in message:
        assert err.count("\n") == 1  # one sentence


def test_subprocess_exit_codes_have_no_traceback(kit_exe: list[str], tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    edit(src, QUIZ, "- [x] Blue", "- [ ] Blue")
    for argv, want in (
        (["pack", "validate", str(src)], 1),
        (["pack", "build", str(src)], 1),
        (["pack", "inspect", str(tmp_path / "missing.kitpack")], 1),
        (["pack", "validate"], 2),
    ):
        done = subprocess.run([*kit_exe, *argv], capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == want, done.stderr
        assert "Traceback" not in done.stderr


def test_keys_new_out_prints_both_paths_and_sign_by_name_finds_an_older_key(
    run_kit, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _err = run_kit("keys", "new", "ngo", "--out", "trainer-keys")
    assert code == 0
    assert str(tmp_path / "trainer-keys" / "ngo.key") in out
    assert str(tmp_path / "trainer-keys" / "ngo.pub") in out
    code, _out, err = run_kit("keys", "new", "ngo", "--out", "trainer-keys")
    assert code == 1 and "already exists" in err
    # A key made by an older Training Kit in the data folder's keys/ still signs by name.
    (data_dir / "keys").mkdir(parents=True)
    (tmp_path / "trainer-keys" / "ngo.key").rename(data_dir / "keys" / "old.key")
    src = make_source(tmp_path / "src")
    code, out, err = run_kit("pack", "build", src, "--sign", "old", "-o", tmp_path / "dist")
    assert (code, err) == (0, "")
