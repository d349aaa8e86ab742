"""A fault-injecting HTTP proxy on 127.0.0.1, for download tests and the bench.

It forwards each request to a real server (one request per connection) and relays the
response, breaking it on purpose. Offsets are positions in the file being served, so a
ranged response that starts at byte S passes offset X after X - S body bytes.

    proxy = FaultProxy(("127.0.0.1", nginx_port)).start()
    proxy.cut_at = [1000, 50_000]   # each response is cut at the next pending offset
    proxy.stall_at = 2000           # stop sending there (the client must time out)
    proxy.corrupt_at = {123}        # flip that byte every time it passes
    proxy.ignore_range = True       # drop Range/If-Range: the server answers 200
    proxy.on_request = lambda n: ...  # called before forwarding request n (0-based)
    proxy.fail_first = 2            # answer 503 to the first two requests
    url = proxy.url("/pack.kitpack")
"""

from __future__ import annotations

import contextlib
import re
import socket
import socketserver
import threading
from collections.abc import Callable

RANGE_RE = re.compile(rb"\r\ncontent-range:\s*bytes (\d+)-", re.IGNORECASE)
HOP_HEADERS = (b"connection:", b"keep-alive:", b"proxy-connection:")


class FaultProxy:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.cut_at: list[int] = []
        self.stall_at: int | None = None
        self.corrupt_at: set[int] = set()
        self.ignore_range = False
        self.on_request: Callable[[int], None] | None = None
        self.fail_first = 0  # answer 503 to this many requests first
        self.requests = 0
        self.body_bytes = 0  # response body bytes relayed to clients, all requests
        self.request_heads: list[bytes] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> FaultProxy:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def close(self) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one connection ------------------------------------------------------------------

    def _handle(self, client: socket.socket) -> None:
        head = _read_head(client)
        if not head:
            return
        with self._lock:
            number = self.requests
            self.requests += 1
            self.request_heads.append(head)
        if self.on_request:
            self.on_request(number)
        with self._lock:
            fail, self.fail_first = self.fail_first > 0, max(0, self.fail_first - 1)
        if fail:
            client.sendall(
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            return
        with socket.create_connection(self.upstream) as upstream:
            upstream.sendall(self._rewrite(head))
            reply_head, rest = _split_head(upstream)
            match = RANGE_RE.search(reply_head)
            offset = int(match.group(1)) if match else 0
            client.sendall(reply_head)
            self._relay(upstream, client, rest, offset)

    def _rewrite(self, head: bytes) -> bytes:
        lines = head.split(b"\r\n")[:-2]
        keep = [lines[0]]
        for line in lines[1:]:
            low = line.lower()
            if low.startswith(HOP_HEADERS):
                continue
            if self.ignore_range and low.startswith((b"range:", b"if-range:")):
                continue
            keep.append(line)
        keep.append(b"Connection: close")
        return b"\r\n".join(keep) + b"\r\n\r\n"

    def _next_cut(self, offset: int) -> int | None:
        with self._lock:
            pending = sorted(c for c in self.cut_at if c > offset)
            self.cut_at = [c for c in self.cut_at if c > offset]
            if not pending:
                return None
            self.cut_at.remove(pending[0])
            return pending[0]

    def _relay(
        self, upstream: socket.socket, client: socket.socket, data: bytes, offset: int
    ) -> None:
        cut = self._next_cut(offset)
        stall = self.stall_at if self.stall_at is not None and self.stall_at >= offset else None
        while True:
            if not data:
                data = upstream.recv(65536)
                if not data:
                    return
            stop = min(x for x in (cut, stall, offset + len(data)) if x is not None)
            piece = self._corrupt(data[: stop - offset], offset)
            client.sendall(piece)
            with self._lock:
                self.body_bytes += len(piece)
            data, offset = data[stop - offset :], stop
            if stop == cut:
                client.shutdown(socket.SHUT_RDWR)
                return
            if stop == stall:
                self.stall_at = None
                client.settimeout(60)
                with contextlib.suppress(OSError):  # hold on until the client gives up
                    client.recv(1)
                return

    def _corrupt(self, piece: bytes, offset: int) -> bytes:
        hits = [x - offset for x in self.corrupt_at if offset <= x < offset + len(piece)]
        if not hits:
            return piece
        buf = bytearray(piece)
        for i in hits:
            buf[i] ^= 0xFF
        return bytes(buf)


def _read_head(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            return b""
        data += chunk
    return data[: data.index(b"\r\n\r\n") + 4]


def _split_head(sock: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data, b""
        data += chunk
    end = data.index(b"\r\n\r\n") + 4
    return data[:end], data[end:]
