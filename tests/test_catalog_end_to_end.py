"""Two computers (two data folders): publish, add source, download, update, export, hand over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from packmaker import make_pack
from webservers import Nginx


@pytest.fixture
def publisher(tmp_path: Path, run_kit):
    code, _, err = run_kit("keys", "new", "ngo", "--out", tmp_path / "keys")
    assert code == 0, err
    site = tmp_path / "site"
    make_pack(tmp_path, site, version="1.0.0", key=tmp_path / "keys" / "ngo.key")
    code, out, err = run_kit("catalog", "build", site, "--sign", tmp_path / "keys" / "ngo.key")
    assert code == 0 and "1 pack" in out and "signed by key" in out, err
    with Nginx(site, tmp_path / "nginx") as nginx:
        yield site, nginx, tmp_path / "keys"


def _kit(run_kit, data: Path, *args):
    code, out, err = run_kit("--data-dir", data, *args)
    assert code == 0, err
    return out


def test_publish_get_update_export_and_install_on_a_second_computer(
    publisher, tmp_path: Path, run_kit
) -> None:
    site, nginx, keys = publisher
    first, second, usb = tmp_path / "computer-1", tmp_path / "computer-2", tmp_path / "usb"

    _kit(run_kit, first, "keys", "trust", keys / "ngo.pub", "--name", "Health NGO")
    assert "1 pack" in _kit(run_kit, first, "source", "add", nginx.url("/"))
    listing = json.loads(_kit(run_kit, first, "catalog", "list", "--json"))
    (offer,) = listing["packs"]
    assert (offer["id"], offer["status"], offer["verified"]) == ("first-aid", "available", True)

    out = _kit(run_kit, first, "get", "first-aid")
    assert "Installed first-aid 1.0.0 (published by Health NGO)" in out
    assert "already installed" in _kit(run_kit, first, "get", "first-aid")

    # The publisher releases 1.1.0 next to 1.0.0 and republishes the catalog.
    make_pack(tmp_path, site, version="1.1.0", key=keys / "ngo.key")
    _kit(run_kit, tmp_path, "catalog", "build", site, "--sign", keys / "ngo.key")
    assert "first-aid: 1.0.0 → 1.1.0" in _kit(run_kit, first, "updates")
    assert "Installed first-aid 1.1.0" in _kit(run_kit, first, "updates", "--install")
    assert "up to date" in _kit(run_kit, first, "updates")

    out = _kit(run_kit, first, "library", "export", "first-aid", "--to", usb)
    assert "Exported 1 pack" in out
    assert sorted(p.name for p in usb.iterdir()) == ["catalog.json", "first-aid-1.1.0.kitpack"]

    # The second computer has no network: only the USB stick.
    _kit(run_kit, second, "source", "add", usb)
    assert "Installed first-aid 1.1.0" in _kit(run_kit, second, "get", "first-aid")
    packs = json.loads(_kit(run_kit, second, "library", "list", "--json"))
    assert [(p["id"], p["version"]) for p in packs] == [("first-aid", "1.1.0")]
    listing = json.loads(_kit(run_kit, second, "catalog", "list", "--json"))
    assert listing["packs"][0]["status"] == "installed"
    # Nothing is left half-done in either download folder.
    for data in (first, second):
        leftovers = [p.name for p in (data / "downloads").iterdir() if p.is_file()]
        assert leftovers == ["queue.json"]
        assert json.loads((data / "downloads" / "queue.json").read_text())["jobs"] == []
        # The installed pack lives once, in the library: no second copy of the file.
        assert list((data / "downloads").rglob("*.kitpack")) == []
