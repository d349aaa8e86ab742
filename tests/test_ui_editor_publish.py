"""Trainer mode's Build / Export / Publish dialog, on a real copy of the getting-started pack."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_shell import GETTING_STARTED

from kit.core.authoring.publishing import removable_drives
from kit.core.library import Library
from kit.core.packformat.manifest import read_manifest
from kit.core.paths import DataDir
from kit.ui.context import AppContext
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.publish.dialogs import PublishDialog, open_publish
from kit.ui.runners.worker import Worker


@pytest.fixture
def env(qapp, tmp_path: Path, data_dir: Path) -> Iterator[EditorEnv]:
    worker = Worker()
    ctx = AppContext(data=DataDir(data_dir).ensure(), worker=worker)
    root = tmp_path / "work" / "getting-started"
    shutil.copytree(GETTING_STARTED, root)
    yield EditorEnv(root=root, ctx=ctx)
    worker.stop()


def opened(qtbot, env: EditorEnv, action: str) -> PublishDialog:
    dialog = open_publish(env, action, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.errors >= 0)
    return dialog


def make_key(qtbot, dialog: PublishDialog, name: str) -> None:
    dialog.make_key(name)
    qtbot.waitUntil(lambda: name in dialog.key_combo.currentText())


def run(qtbot, dialog: PublishDialog, folder: Path | None = None) -> None:
    if folder is not None:
        dialog.folder_edit.setText(str(folder))
    assert dialog.run_button.isEnabled()
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and dialog.result_label.text() != "", timeout=20_000)


def test_build_signs_with_a_new_key_and_installs_elsewhere(qtbot, env, tmp_path) -> None:
    dialog = opened(qtbot, env, "build")
    assert "no problems" in dialog.check_label.text()
    make_key(qtbot, dialog, "trainer")
    key = env.root.parent / "trainer.key"
    assert key.is_file() and (env.root.parent / "trainer.pub").is_file()
    out = tmp_path / "dist"
    run(qtbot, dialog, out)
    result = dialog.result
    assert result is not None, dialog.result_label.text()
    assert result.path == out / "getting-started-1.0.0.kitpack" and result.path.is_file()
    assert "trainer" in dialog.result_label.text() and "KB" in dialog.result_label.text()
    assert dialog.show_button.isVisible()
    signature = read_manifest(result.path).signature
    assert signature.valid and signature.key_id == result.signer_key_id
    public = (env.root.parent / "trainer.pub").read_text().strip()
    with Library(DataDir(tmp_path / "second")) as lib:
        lib.trust_key(public, "A trainer")
        installed = lib.install(result.path)
        assert (installed.action, installed.verified, installed.publisher) == (
            "installed",
            True,
            "A trainer",
        )
        assert lib.get_pack("getting-started") is not None


def test_a_source_with_an_error_is_refused(qtbot, env, tmp_path) -> None:
    pack_yaml = env.root / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text().replace("version: 1.0.0", "version: one"))
    dialog = opened(qtbot, env, "build")
    assert dialog.errors > 0
    assert dialog.check_label.text() == (
        "The pack has errors (listed below); fix them before building it."
    )
    assert dialog.problem_list.count() >= 1 and "pack.yaml" in dialog.problem_list.item(0).text()
    assert not dialog.run_button.isEnabled()
    dialog.start()  # even asked directly, nothing is built
    assert dialog.job is None and "fix them" in dialog.result_label.text()
    assert not list(env.root.parent.glob("*.kitpack"))


def test_publish_gives_what_the_command_line_gives(qtbot, env, tmp_path, run_kit) -> None:
    dialog = opened(qtbot, env, "publish")
    make_key(qtbot, dialog, "ngo")
    key = env.root.parent / "ngo.key"
    ui_catalog = tmp_path / "ui-catalog"
    ui_catalog.mkdir()
    run(qtbot, dialog, ui_catalog)
    assert dialog.result is not None, dialog.result_label.text()
    assert "1 pack" in dialog.result_label.text()

    cli_catalog = tmp_path / "cli-catalog"
    assert run_kit("pack", "build", env.root, "-o", cli_catalog, "--sign", key)[0] == 0
    assert run_kit("catalog", "build", cli_catalog, "--sign", key)[0] == 0
    name = "getting-started-1.0.0.kitpack"
    assert (ui_catalog / name).read_bytes() == (cli_catalog / name).read_bytes()
    ui_doc = json.loads((ui_catalog / "catalog.json").read_text())
    cli_doc = json.loads((cli_catalog / "catalog.json").read_text())
    assert ui_doc["packs"] == cli_doc["packs"]
    assert ui_doc["signature"]["key_id"] == cli_doc["signature"]["key_id"]
    assert sorted(p.name for p in ui_catalog.iterdir()) == ["catalog.json", name]


def test_export_copies_a_checked_pack_to_a_folder(qtbot, env, tmp_path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = opened(qtbot, env, "export")
    assert dialog.drive_combo.isVisible()
    assert dialog.key_combo.currentText() == "Do not sign"
    run(qtbot, dialog, stick)
    result = dialog.result
    assert result is not None, dialog.result_label.text()
    assert result.path == stick / "getting-started-1.0.0.kitpack"
    assert "checked the copy" in dialog.result_label.text()
    assert "not signed" in dialog.result_label.text()
    assert [p.name for p in stick.iterdir()] == [result.path.name]  # no temporary file left
    assert not read_manifest(result.path).signature.signed


def test_export_refuses_a_missing_stick(qtbot, env, tmp_path) -> None:
    dialog = opened(qtbot, env, "export")
    run(qtbot, dialog, tmp_path / "gone")
    assert dialog.result is None
    assert "is not a folder" in dialog.result_label.text()


def test_removable_drives_lists_mounted_sticks(tmp_path) -> None:
    media = tmp_path / "media"
    (media / "KINGSTON").mkdir(parents=True)
    (media / "readme.txt").write_text("x")
    drives = removable_drives([media])
    assert [(d.label, d.path) for d in drives] == [("KINGSTON", media / "KINGSTON")]


def test_a_cancelled_export_leaves_nothing(tmp_path, env) -> None:
    from kit.core.authoring.publishing import export
    from kit.core.errors import Cancelled

    stick = tmp_path / "stick"
    stick.mkdir()
    seen: list[str] = []

    def cancel_when_copying() -> bool:
        return "copy" in seen

    with pytest.raises(Cancelled):
        export(env.root, stick, progress=lambda d, t, phase: seen.append(phase),
               cancel=cancel_when_copying)  # fmt: skip
    assert list(stick.iterdir()) == []


def test_cancel_in_the_dialog_says_nothing_was_written(qtbot, env, tmp_path) -> None:
    dialog = opened(qtbot, env, "build")
    dialog.folder_edit.setText(str(tmp_path / "out"))
    gate = threading.Event()
    env.ctx.worker.submit(gate.wait)  # the worker is busy until Cancel was pressed
    dialog.run_button.click()
    assert dialog.close_button.text() == "Cancel"
    dialog.reject()  # Escape / Cancel while running
    gate.set()
    qtbot.waitUntil(lambda: dialog.job is None)
    assert dialog.result_label.text() == "Cancelled: nothing was written."
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_key_kept_elsewhere_signs_and_a_wrong_file_is_one_sentence(
    qtbot, env, tmp_path, run_kit
) -> None:
    elsewhere = tmp_path / "stick-keys"
    assert run_kit("keys", "new", "field", "--out", elsewhere)[0] == 0
    (elsewhere / "notes.key").write_text("not a key")
    dialog = opened(qtbot, env, "build")
    dialog.use_key_file(elsewhere / "notes.key")
    qtbot.waitUntil(lambda: "not a Training Kit signing key" in dialog.result_label.text())
    dialog.use_key_file(elsewhere / "field.key")
    qtbot.waitUntil(lambda: "field" in dialog.key_combo.currentText())
    run(qtbot, dialog, tmp_path / "out")
    assert dialog.result is not None and dialog.result.signer == "field"
    public = (elsewhere / "field.pub").read_text().strip()
    assert read_manifest(dialog.result.path).signature.public_key == public


def test_rebuilding_the_same_version_with_changes_says_raise_the_version(
    qtbot, env, tmp_path
) -> None:
    out = tmp_path / "catalog"
    out.mkdir()
    dialog = opened(qtbot, env, "publish")
    run(qtbot, dialog, out)
    assert dialog.result is not None and not dialog.result.replaced
    run(qtbot, dialog, out)  # the same source again: the same bytes, nothing to say
    assert dialog.result is not None and not dialog.result.replaced
    assert "raise the version" not in dialog.result_label.text()
    pack_yaml = env.root / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text().replace("Getting started", "Starting"))
    run(qtbot, dialog, out)
    assert dialog.result is not None and dialog.result.replaced
    assert "raise the version in pack.yaml" in dialog.result_label.text()
