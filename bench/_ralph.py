"""A real Ralph LRS on 127.0.0.1 for the xAPI tests and bench (build/install-ralph.sh).

with RalphServer(folder) as lrs:      # free port, fs backend, fresh credentials
    lrs.endpoint, lrs.user, lrs.password
    lrs.stop(); lrs.start()           # an outage; the stored statements stay
    lrs.statements()                  # GET /xAPI/statements, every page
"""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RALPH = ROOT / ".venv-ralph" / "bin" / "ralph"
PYTHON = ROOT / ".venv-ralph" / "bin" / "python"
# Ralph 5.1's fs LRS backend writes with operation "create", which refuses every write
# after the first once fs_lrs.jsonl exists; "append" is what an LRS file needs. So the
# server is `ralph runserver -b fs` with that one default changed, and uvicorn's
# auto-reload (a child process that would not see the change) off.
RUNSERVER = """
import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
run = uvicorn.run
uvicorn.run = lambda *a, **kw: run(*a, **{**kw, "reload": False})
from ralph.cli import cli
sys.argv[0] = "ralph"
cli()
"""
USER = "kit-test"
PASSWORD = "not-a-real-secret"


def available() -> bool:
    return RALPH.is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RalphServer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/xAPI/"
        self.user = USER
        self.password = PASSWORD
        self.process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(folder / "app"),
            "RALPH_AUTH_FILE": str(folder / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
        }
        self._write_credentials()

    def _write_credentials(self) -> None:
        out = subprocess.run(
            [str(RALPH), "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
             "-M", "mailto:kit-test@example.org"],
            env=self.env, capture_output=True, text=True, check=True, timeout=120,
        ).stdout  # fmt: skip
        credentials = json.loads(out[out.index("{") :])
        (self.folder / "auth.json").write_text(json.dumps([credentials]), encoding="utf-8")

    def start(self) -> None:
        log = open(self.folder / "ralph.log", "ab")  # noqa: SIM115 (kept open by the child)
        self.process = subprocess.Popen(
            [str(PYTHON), "-c", RUNSERVER, "runserver", "-b", "fs", "--fs-default-directory-path",
             str(self.folder / "data"), "-h", "127.0.0.1", "-p", str(self.port)],
            env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        log.close()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "ralph.log").read_text(errors="replace"))
            try:
                self._get("statements?limit=1")
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError("Ralph did not start")

    def stop(self) -> None:
        if self.process is None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def __enter__(self) -> RalphServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _get(self, path: str) -> dict[str, Any]:
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path if path.startswith('/') else '/xAPI/' + path}",
            headers={"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return dict(json.loads(response.read()))

    def statements(self) -> list[dict[str, Any]]:
        """Every statement the LRS holds (following the `more` links)."""
        found: list[dict[str, Any]] = []
        page = self._get("statements?limit=500")
        while True:
            found += page["statements"]
            more = page.get("more")
            if not more:
                return found
            page = self._get(more)
