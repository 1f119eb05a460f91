"""Local preview: serves the built site the way GitHub Pages does, under its base path,
with the site's own 404 page for missing URLs, no folder listings, and one line (never a
traceback) for a request it cannot serve."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import socket
import sys
from pathlib import Path
from typing import BinaryIO

# Browsers open several connections at once and a crawl opens many: the standard library's
# listen backlog of 5 refuses connections under that load.
BACKLOG = socket.SOMAXCONN


class _Handler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "__outside_base_path__")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        if self.path.split("?", 1)[0] == self.base_path.rstrip("/") and self.base_path != "/":
            self.send_response(301)  # as GitHub Pages does for /repo
            self.send_header("Location", self.base_path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        try:
            return super().send_head()
        except ValueError:  # a NUL byte (/%00) or another name no file can have
            self.send_error(404)
            return None

    def list_directory(self, path: str | os.PathLike[str]) -> io.BytesIO | None:
        """GitHub Pages serves a folder's index.html or a 404, never a listing."""
        self.send_error(404)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = BACKLOG
    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple) -> None:
        """One line instead of a traceback; a reader closing the tab is not worth one."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            print(f"preview: request from {client_address[0]} failed: {error!r}", file=sys.stderr)


def make_server(folder: Path, base_path: str = "/", port: int = 8000,
                host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A server for ``folder`` at ``http://host:port{base_path}`` (port 0 picks a free one)."""
    handler = type("Handler", (_Handler,), {"base_path": base_path})
    return _Server((host, port), functools.partial(handler, directory=str(folder)))


def serve(folder: Path, base_path: str, port: int) -> int:
    if not (folder / "index.html").is_file():
        print(f"warning: {folder} holds no built site yet; run the build first", file=sys.stderr)
    try:
        server = make_server(folder, base_path, port)
    except OSError as err:
        print(f"error: cannot listen on 127.0.0.1:{port}: {err.strerror or err} "
              "(try another --port)", file=sys.stderr)
        return 1
    print(f"Serving {folder} at http://127.0.0.1:{server.server_port}{base_path} (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0
