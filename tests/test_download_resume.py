"""Resumable downloads against a real nginx on 127.0.0.1, through a fault-injecting proxy."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from faultproxy import FaultProxy
from webservers import Nginx, PlainHTTP

from kit.core.catalog.download import Download, DownloadError, DownloadProgress, Paused
from kit.core.errors import Cancelled

SIZE = 3 * 1024 * 1024 + 123


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("site")
    (root / "pack.bin").write_bytes(os.urandom(SIZE))
    with Nginx(root, tmp_path_factory.mktemp("nginx")) as nginx:
        yield root, nginx


@pytest.fixture
def proxy(site):
    with FaultProxy(("127.0.0.1", site[1].port)) as p:
        yield p


def _sha(root: Path, name: str = "pack.bin") -> str:
    return hashlib.sha256((root / name).read_bytes()).hexdigest()


def _job(url: str, folder: Path, root: Path, **kw) -> Download:
    kw.setdefault("size", SIZE)
    kw.setdefault("sha256", _sha(root))
    return Download(url, folder, "pack.kitpack", backoff=0.01, timeout=5, report_interval=0, **kw)


def _ranges(proxy: FaultProxy) -> list[str]:
    out = []
    for head in proxy.request_heads:
        line = [x for x in head.split(b"\r\n") if x.lower().startswith(b"range:")]
        out.append(line[0].decode().split(":", 1)[1].strip() if line else "")
    return out


def test_plain_download_reports_progress_and_verifies(site, tmp_path: Path) -> None:
    root, nginx = site
    seen: list[DownloadProgress] = []
    job = _job(nginx.url("/pack.bin"), tmp_path, root, progress=seen.append)
    path = job.run()
    assert path.read_bytes() == (root / "pack.bin").read_bytes()
    assert not job.part.exists() and not job.sidecar.exists()
    assert seen[-1].done == SIZE and seen[-1].total == SIZE
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert job.state == "done"


def test_cut_connections_resume_without_fetching_a_byte_twice(site, proxy, tmp_path: Path) -> None:
    root, _ = site
    cuts = [1000, 700_000, 700_001, 2_500_000]
    proxy.cut_at = list(cuts)
    job = _job(proxy.url("/pack.bin"), tmp_path, root)
    assert job.run().read_bytes() == (root / "pack.bin").read_bytes()
    assert job.bytes_received == SIZE
    assert _ranges(proxy) == ["", *(f"bytes={c}-" for c in cuts)]
    assert all(b"If-Range:" in h for h in proxy.request_heads[1:])


def test_a_stalled_connection_times_out_and_resumes(site, proxy, tmp_path: Path) -> None:
    root, _ = site
    proxy.stall_at = 200_000
    job = Download(proxy.url("/pack.bin"), tmp_path, "p.kitpack", size=SIZE, sha256=_sha(root),
                   backoff=0.01, timeout=0.3)  # fmt: skip
    assert job.run().read_bytes() == (root / "pack.bin").read_bytes()
    assert _ranges(proxy) == ["", "bytes=200000-"]


def test_corrupted_bytes_are_refused_and_deleted(site, proxy, tmp_path: Path) -> None:
    root, _ = site
    proxy.corrupt_at = {12345}
    job = _job(proxy.url("/pack.bin"), tmp_path, root)
    with pytest.raises(DownloadError, match="SHA-256 does not match"):
        job.run()
    assert list(tmp_path.iterdir()) == []


def test_a_server_that_ignores_range_makes_us_start_over(site, proxy, tmp_path: Path) -> None:
    root, _ = site
    proxy.cut_at = [500_000]
    proxy.on_request = lambda n: setattr(proxy, "ignore_range", n >= 1)
    job = _job(proxy.url("/pack.bin"), tmp_path, root)
    assert job.run().read_bytes() == (root / "pack.bin").read_bytes()
    assert job.bytes_received == 500_000 + SIZE


def test_file_changed_between_attempts_is_refused(site, proxy, tmp_path: Path) -> None:
    root, _ = site
    (root / "changing.bin").write_bytes((root / "pack.bin").read_bytes())
    expected = _sha(root, "changing.bin")

    def change(n: int) -> None:
        if n == 1:  # a new version published with the same size, under the same name
            data = bytearray((root / "changing.bin").read_bytes())
            data[-1] ^= 1
            (root / "changing.bin").write_bytes(bytes(data))
            os.utime(root / "changing.bin", (1, 1))

    proxy.cut_at = [100_000]
    proxy.on_request = change
    job = _job(proxy.url("/changing.bin"), tmp_path, root, sha256=expected)
    with pytest.raises(DownloadError, match="damaged"):
        job.run()
    assert _ranges(proxy) == ["", "bytes=100000-"]
    assert job.bytes_received == 100_000 + SIZE  # the 200 answer was taken whole
    assert list(tmp_path.iterdir()) == []


def test_paused_download_resumes_in_a_new_process_state(site, proxy, tmp_path: Path) -> None:
    root, _ = site
    first = _job(proxy.url("/pack.bin"), tmp_path, root)
    first.progress = lambda p: first.pause() if p.done >= 1_000_000 else None
    with pytest.raises(Paused):
        first.run()
    kept = first.partial_size()
    assert kept >= 1_000_000 and first.sidecar.exists() and first.state == "paused"
    again = _job(proxy.url("/pack.bin"), tmp_path, root)  # as after a restart of the app
    assert again.run().read_bytes() == (root / "pack.bin").read_bytes()
    assert _ranges(proxy)[-1] == f"bytes={kept}-"
    assert again.bytes_received == SIZE - kept


def test_cancel_deletes_the_partial_file(site, proxy, tmp_path: Path) -> None:
    root, _ = site
    job = _job(proxy.url("/pack.bin"), tmp_path, root)
    job.progress = lambda p: job.cancel() if p.done > 0 else None
    with pytest.raises(Cancelled):
        job.run()
    assert list(tmp_path.iterdir()) == []


def test_server_errors_are_retried_then_succeed(site, proxy, tmp_path: Path) -> None:
    root, _ = site
    proxy.fail_first = 3
    job = _job(proxy.url("/pack.bin"), tmp_path, root)
    assert job.run().read_bytes() == (root / "pack.bin").read_bytes()
    assert proxy.requests == 4


def test_retries_are_bounded(site, proxy, tmp_path: Path) -> None:
    proxy.fail_first = 100
    job = Download(proxy.url("/pack.bin"), tmp_path, "p", size=SIZE, retries=3, backoff=0.001)
    with pytest.raises(DownloadError, match="after 4 tries"):
        job.run()
    assert proxy.requests == 4


def test_missing_file_fails_at_once_with_one_sentence(site, tmp_path: Path) -> None:
    root, nginx = site
    with pytest.raises(DownloadError, match="answered 404") as info:
        _job(nginx.url("/nope.bin"), tmp_path, root).run()
    assert "\n" not in str(info.value)


def test_wrong_size_on_the_server_is_refused(site, tmp_path: Path) -> None:
    root, nginx = site
    with pytest.raises(DownloadError, match="not the size the catalog says"):
        _job(nginx.url("/pack.bin"), tmp_path, root, size=SIZE - 1).run()
    assert list(tmp_path.iterdir()) == []


def test_python_http_server_without_range_support(site, tmp_path: Path) -> None:
    root, _ = site
    with PlainHTTP(root) as server:
        first = _job(server.url("/pack.bin"), tmp_path, root)
        first.progress = lambda p: first.pause() if p.done >= 500_000 else None
        with pytest.raises(Paused):
            first.run()
        assert first.partial_size() > 0
        again = _job(server.url("/pack.bin"), tmp_path, root)
        assert again.run().read_bytes() == (root / "pack.bin").read_bytes()
        assert again.bytes_received == SIZE  # it started over cleanly


def test_folder_source_copy_resumes(site, tmp_path: Path) -> None:
    root, _ = site
    out = tmp_path / "out"
    first = _job((root / "pack.bin").as_uri(), out, root)
    first.progress = lambda p: first.pause() if p.done >= 1_000_000 else None
    with pytest.raises(Paused):
        first.run()
    kept = first.partial_size()
    again = _job((root / "pack.bin").as_uri(), out, root)
    assert again.run().read_bytes() == (root / "pack.bin").read_bytes()
    assert again.bytes_received == SIZE - kept


def test_damaged_sidecar_means_a_clean_start(site, tmp_path: Path) -> None:
    root, nginx = site
    job = _job(nginx.url("/pack.bin"), tmp_path, root)
    job.part.write_bytes(b"garbage")
    job.sidecar.write_bytes(b"{not json")
    assert job.run().read_bytes() == (root / "pack.bin").read_bytes()
