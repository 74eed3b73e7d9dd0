"""Serve a built site as a static host would: on 127.0.0.1 only, under a sub-path, its 404.html
for a missing page, and optionally gzip-compressed. Used by the browser tests, `make screenshots`
and `make audit`."""

from __future__ import annotations

import gzip
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO, cast

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"
    compress = False

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: tests report what matters

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def send_head(self) -> BinaryIO | None:  # a file-like object or None, as the stdlib expects
        path = self.path.split("?")[0].split("#")[0]
        local = Path(self.translate_path(path))
        if local.is_dir():
            if not path.endswith("/"):
                return super().send_head()  # the stdlib redirects to the trailing slash
            local = local / "index.html"
        missing = Path(self.directory) / "404.html"
        if not local.exists() and missing.is_file():
            return self._not_found(missing)  # as GitHub Pages and most static hosts do
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and local.suffix in COMPRESSIBLE and local.is_file()):
            return super().send_head()
        body = gzip.compress(local.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return cast(BinaryIO, _Body(body))

    def _not_found(self, page: Path) -> BinaryIO:
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return cast(BinaryIO, _Body(body))


class _Body:
    """The minimal file-like object `SimpleHTTPRequestHandler` copies from and closes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        chunk, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return chunk

    def close(self) -> None:
        self.data = b""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(site: Path, prefix: str = "/", *, compress: bool = False) -> Iterator[str]:
    """Serve `site` at http://127.0.0.1:PORT{prefix}; yields that base URL."""
    handler = type("Handler", (_Handler,), {"prefix": prefix, "compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
