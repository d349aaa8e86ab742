"""Real web servers on 127.0.0.1 for download tests and the bench.

`Nginx(root, workdir)` runs the system's nginx (build/install-system-deps.sh installs it)
in the foreground with a generated config, its pid, logs and temp files in `workdir`.
`extra` adds directives to the server block (e.g. SLOW_FIRST_REQUEST below).
`PlainHTTP(root)` is Python's http.server, which ignores Range and always answers 200.
"""

from __future__ import annotations

import functools
import shutil
import socket
import subprocess
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

NGINX_CONF = """\
daemon off;
master_process off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 128; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    types {{ application/json json; application/zip kitpack; }}
    default_type application/octet-stream;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        {extra}
    }}
}}
"""

# Full downloads trickle (a pause is observable), resumed ones (with Range) run at full speed.
SLOW_FIRST_REQUEST = "limit_rate 32k; if ($http_range) { set $limit_rate 0; }"


def nginx_binary() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        raise RuntimeError("nginx is not installed; run build/install-system-deps.sh (make test-deps).")  # fmt: skip
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(
    port: int, proc: subprocess.Popen[bytes] | None = None, limit: float = 10
) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.02)  # waiting for a condition (the port), not for time
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class Nginx:
    def __init__(self, root: Path, workdir: Path, limit_rate: str = "", extra: str = "") -> None:
        self.root, self.workdir = Path(root), Path(workdir)
        self.extra = (f"limit_rate {limit_rate};" if limit_rate else "") + extra
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> Nginx:
        self.workdir.mkdir(parents=True, exist_ok=True)
        for attempt in range(5):
            self.port = free_port()
            conf = self.workdir / "nginx.conf"
            conf.write_text(
                NGINX_CONF.format(
                    work=self.workdir, port=self.port, root=self.root, extra=self.extra
                )
            )
            cmd = [nginx_binary(), "-p", str(self.workdir), "-e", str(self.workdir / "error.log"), "-c", str(conf)]  # fmt: skip
            self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                wait_for_port(self.port, self.proc)
                return self
            except RuntimeError:
                self.stop()
                if attempt == 4:
                    raise
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc is not None and self.proc.stderr:
            self.proc.stderr.close()

    def __enter__(self) -> Nginx:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class PlainHTTP:
    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> PlainHTTP:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
