"""What a client refuses: tampered, replayed, re-signed or lying catalogs, and bad packs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from faultproxy import FaultProxy
from packmaker import make_pack
from webservers import Nginx

from kit.core.catalog.catalog import (
    CatalogError,
    build_catalog,
    load_catalog_file,
    parse_catalog,
    version_key,
)
from kit.core.catalog.download import Paused
from kit.core.catalog.get import Packs
from kit.core.errors import FutureFormatError, KitError, SignatureError
from kit.core.paths import DataDir
from kit.core.signing import new_key


@pytest.fixture
def key(tmp_path: Path) -> Path:
    return new_key(tmp_path / "keys", "ngo")[0]


@pytest.fixture
def site(tmp_path: Path, key: Path) -> Path:
    site = tmp_path / "site"
    make_pack(tmp_path, site, version="1.0.0", key=key)
    build_catalog(site, sign_key=key)
    return site


@pytest.fixture
def packs(data_dir: Path):
    p = Packs(DataDir(data_dir))
    yield p
    p.close()


def _rewrite(site: Path, change) -> None:
    doc = json.loads((site / "catalog.json").read_text())
    change(doc)
    (site / "catalog.json").write_text(json.dumps(doc))


def test_catalog_round_trip_and_versions_only_grow(site: Path, key: Path) -> None:
    first = load_catalog_file(site / "catalog.json")
    (entry,) = first.entries
    assert (entry.id, entry.version, entry.url) == ("first-aid", "1.0.0", "first-aid-1.0.0.kitpack")
    assert entry.size == (site / entry.url).stat().st_size and entry.languages == ("en", "es")
    assert first.signer
    _, again = build_catalog(site, base_url="https://example.org/packs/")
    assert again.catalog_version > first.catalog_version
    assert again.entries[0].url == "https://example.org/packs/first-aid-1.0.0.kitpack"
    assert version_key("1.10.0") > version_key("1.9.0") > version_key("1.9.0-beta")


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        (lambda d: d["packs"][0].update(size=1), SignatureError, "changed after it was signed"),
        (lambda d: d.update(format_version=99), FutureFormatError, "newer Training Kit"),
        (lambda d: d["packs"][0].update(sha256="xyz"), CatalogError, "no valid SHA-256"),
        (lambda d: d.pop("catalog_version"), CatalogError, "no catalog version"),
        (lambda d: d.update(packs={}), CatalogError, "not a list"),
        (lambda d: d["signature"].update(signature="!!"), SignatureError, "bad signature"),
    ],
)
def test_damaged_or_tampered_catalogs_are_refused(site: Path, change, error, words) -> None:
    _rewrite(site, change)
    with pytest.raises(error, match=words):
        load_catalog_file(site / "catalog.json")


def test_not_json_is_one_clear_sentence() -> None:
    with pytest.raises(CatalogError, match="not valid JSON"):
        parse_catalog(b"\xff<html>")


def test_rollback_to_an_older_catalog_is_refused(site: Path, key: Path, packs: Packs) -> None:
    old = (site / "catalog.json").read_bytes()
    packs.sources.add(str(site))
    build_catalog(site, sign_key=key)  # newer
    (report,) = packs.refresh()
    newest = report.catalog.catalog_version
    (site / "catalog.json").write_bytes(old)  # an attacker (or a stale mirror) replays it
    (report,) = packs.refresh()
    assert "older than one already seen" in report.error
    assert report.cached and report.catalog.catalog_version == newest


def test_a_catalog_signed_by_another_key_is_refused(site: Path, tmp_path: Path, packs) -> None:
    packs.sources.add(str(site))
    packs.refresh()
    other = new_key(tmp_path / "keys", "intruder")[0]
    build_catalog(site, sign_key=other)
    (report,) = packs.refresh()
    assert "not signed by the key that signed it before" in report.error
    build_catalog(site)  # and dropping the signature is no better
    (report,) = packs.refresh()
    assert "not signed by the key" in report.error


def test_trusted_catalog_is_verified_untrusted_is_not(site: Path, key: Path, packs) -> None:
    packs.sources.add(str(site))
    assert packs.offers()[0].verified is False
    packs.library.trust_key(Path(str(key).replace(".key", ".pub")).read_text(), "NGO")
    assert packs.offers()[0].verified is True


def test_a_pack_that_does_not_match_the_catalog_is_deleted(site: Path, tmp_path, packs) -> None:
    packs.sources.add(str(site))
    (offer,) = packs.offers()
    # The file on the source is swapped for another pack after the catalog was made.
    make_pack(tmp_path / "other", tmp_path / "other-out", version="1.0.0", title="Swapped")
    (site / "first-aid-1.0.0.kitpack").write_bytes(
        (tmp_path / "other-out" / "first-aid-1.0.0.kitpack").read_bytes()
    )
    with pytest.raises(KitError, match=r"not the size the catalog says|SHA-256 does not match"):
        packs.job(offer).run()
    assert packs.library.list_packs() == []
    assert not any(p.suffix == ".kitpack" for p in (packs.data_dir.downloads).iterdir())
    assert packs.queue.items() == []


def test_a_pack_with_another_id_is_refused(tmp_path: Path, packs) -> None:
    site = tmp_path / "lying"
    make_pack(tmp_path, site, pack_id="other-pack")
    build_catalog(site)
    _rewrite(site, lambda d: d["packs"][0].update(id="first-aid"))
    packs.sources.add(str(site))
    with pytest.raises(KitError, match=r"holds other-pack 1\.0\.0; it was not installed"):
        packs.job(packs.find(["first-aid"])[0]).run()
    assert packs.library.list_packs() == []


def test_catalog_urls_may_not_leave_a_folder_source(site: Path, packs) -> None:
    _rewrite(site, lambda d: d.pop("signature") and d["packs"][0].update(url="../secret.kitpack"))
    packs.sources.add(str(site))
    assert packs.offers() == []


def test_packs_needing_a_newer_app_are_not_offered_for_install(tmp_path: Path, packs) -> None:
    site = tmp_path / "future"
    make_pack(tmp_path, site, min_app="99.0.0")
    build_catalog(site)
    packs.sources.add(str(site))
    (offer,) = packs.offers()
    assert offer.status == "needs-newer-app"
    with pytest.raises(KitError, match=r"needs Training Kit 99\.0\.0"):
        packs.job(offer)


def test_newest_version_across_sources_wins(tmp_path: Path, packs) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    make_pack(tmp_path / "wa", a, version="1.2.0")
    make_pack(tmp_path / "wb", b, version="1.10.0")
    build_catalog(a)
    build_catalog(b)
    packs.sources.add(str(a))
    packs.sources.add(str(b))
    assert [o.entry.version for o in packs.offers()] == ["1.10.0"]


def test_interrupted_download_resumes_after_a_restart(site: Path, tmp_path: Path, data_dir) -> None:
    with Nginx(site, tmp_path / "nginx") as nginx, FaultProxy(("127.0.0.1", nginx.port)) as proxy:
        packs = Packs(DataDir(data_dir))
        packs.sources.add(proxy.url("/"))
        (offer,) = packs.offers()
        job = packs.job(offer)
        job.download.progress = lambda p: job.pause()  # the app is closed mid-download
        job.download.report_interval = 0
        proxy.cut_at = [offer.entry.size // 3]
        with pytest.raises(Paused):
            job.run()
        packs.close()
        again = Packs(DataDir(data_dir))  # the app opens again
        (pending,) = again.pending()
        assert pending.entry.id == "first-aid" and pending.download.partial_size() > 0
        result = pending.run()
        assert (result.pack_id, result.action) == ("first-aid", "installed")
        assert again.pending() == [] and again.library.verify() == []
        again.close()


def test_a_download_is_discarded_requeued_and_installed_through_packs(
    site: Path, tmp_path: Path, data_dir
) -> None:
    """Packs.discard/requeue are the core's calls for the UI's Cancel and Resume, and
    PackJob.run(install=...) hands the install step to the caller (the app's worker)."""
    with Nginx(site, tmp_path / "nginx") as nginx, FaultProxy(("127.0.0.1", nginx.port)) as proxy:
        packs = Packs(DataDir(data_dir))
        packs.sources.add(proxy.url("/"))
        (offer,) = packs.offers()
        job = packs.job(offer)
        job.download.progress = lambda p: job.pause()
        job.download.report_interval = 0
        proxy.cut_at = [offer.entry.size // 3]
        with pytest.raises(Paused, match=r"^The download of First aid 1\.0\.0 is paused\.$"):
            job.run()  # the sentence names the pack, not its file
        assert job.download.partial_size() > 0 and len(packs.pending()) == 1
        packs.discard(job)
        assert job.download.partial_size() == 0 and packs.pending() == []
        seen = []

        def install(path, progress, cancel):
            seen.append(path.name)
            return packs.library.install(path, progress=progress, cancel=cancel, origin="catalog")

        again = packs.requeue(job)
        assert again is job and [j.key for j in packs.pending()] == [job.key]
        job.download.progress = None
        result = job.run(install=install)
        assert (result.pack_id, result.action) == ("first-aid", "installed")
        assert seen == [job.download.file_name] and packs.pending() == []
        packs.close()


def test_cli_errors_are_one_sentence(tmp_path: Path, run_kit, site: Path) -> None:
    (tmp_path / "empty").mkdir()
    for args in (
        ("source", "add", tmp_path / "empty"),
        ("source", "add", tmp_path / "missing"),
        ("source", "add", "ftp://example.org/"),
        ("get", "nothing-here"),
        ("catalog", "build", tmp_path / "empty"),
        ("library", "export", "first-aid", "--to", tmp_path / "usb"),
        ("source", "remove", "7"),
    ):
        code, _, err = run_kit(*args)
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, (args, err)
    code, out, _ = run_kit("source", "add", site)
    assert code == 0 and "1 pack" in out
    code, _, err = run_kit("source", "add", site)
    assert code == 1 and "already a source" in err
    code, out, _ = run_kit("source", "list")
    assert f"1. {site}" in out
    assert run_kit("source", "remove", "1")[0] == 0
    assert "no sources yet" in run_kit("source", "list")[1]


def test_corrupted_in_transit_is_refused_and_library_untouched(
    site: Path, tmp_path, data_dir
) -> None:
    with Nginx(site, tmp_path / "nginx") as nginx, FaultProxy(("127.0.0.1", nginx.port)) as proxy:
        packs = Packs(DataDir(data_dir))
        packs.sources.add(proxy.url("/"))
        (offer,) = packs.offers()
        proxy.corrupt_at = {offer.entry.size // 2}
        with pytest.raises(KitError, match="damaged on the way"):
            packs.job(offer).run()
        assert packs.library.list_packs() == [] and packs.library.verify() == []
        assert [p.name for p in packs.data_dir.downloads.iterdir() if p.is_file()] == ["queue.json"]
        packs.close()
