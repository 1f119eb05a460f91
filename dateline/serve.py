"""Local preview: serves the built site the way GitHub Pages does, under its base path,
with the site's own 404 page for missing URLs, no folder listings, and one line (never a
traceback) for a request it cannot serve. With ``live`` it is a live preview as well
(dateline/livereload.py): the HTML it sends reloads itself after each rebuild."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from . import livereload

# Browsers open several connections at once and a crawl opens many: the standard library's
# listen backlog of 5 refuses connections under that load.
BACKLOG = socket.SOMAXCONN


@dataclass
class Live:
    """A live preview's state, shared by the server's threads and the watcher."""

    reloads: livereload.Reloads = field(default_factory=livereload.Reloads)
    stop: threading.Event = field(default_factory=threading.Event)


class _Handler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"
    live: Live | None = None

    def do_GET(self) -> None:
        if self.live is not None and self.path.split("?", 1)[0] == self.base_path + livereload.ENDPOINT:
            self._events(self.live)
            return
        super().do_GET()

    def _events(self, live: Live) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        self.close_connection = True

        def write(data: bytes) -> None:
            self.wfile.write(data)
            self.wfile.flush()

        with contextlib.suppress(OSError):  # the page went away
            livereload.stream(write, live.reloads, live.stop)

    def end_headers(self) -> None:
        if self.live is not None:  # a preview shows the latest build, never a cached file
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _live_page(self) -> Path | None:
        """The HTML file a GET or HEAD in a live preview asks for, if it is one."""
        try:
            target = Path(self.translate_path(self.path))
        except ValueError:
            return None
        if target.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            target = target / "index.html"
        return target if target.suffix == ".html" and target.is_file() else None

    def _send_html(self, code: int, body: bytes) -> io.BytesIO:
        if self.live is not None:
            body = livereload.inject(body, self.base_path, self.live.reloads.version)
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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
        page = self._live_page() if self.live is not None else None
        if page is not None:
            return self._send_html(200, page.read_bytes())
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
        body = self._send_html(404, page.read_bytes())
        if self.command != "HEAD":
            self.wfile.write(body.getvalue())

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
                host: str = "127.0.0.1", live: Live | None = None) -> http.server.ThreadingHTTPServer:
    """A server for ``folder`` at ``http://host:port{base_path}`` (port 0 picks a free one)."""
    handler = type("Handler", (_Handler,), {"base_path": base_path, "live": live})
    return _Server((host, port), functools.partial(handler, directory=str(folder)))


def serve(folder: Path, base_path: str, port: int,
          watch: tuple[Callable[[], list[Path]], Callable[[], bool]] | None = None) -> int:
    """Serve until Ctrl-C. With ``watch`` (the paths to watch, and a rebuild that says whether
    it worked), a live preview: the watcher runs here, the server in a thread beside it."""
    if not (folder / "index.html").is_file():
        print(f"warning: {folder} holds no built site yet; run the build first", file=sys.stderr)
    live = Live() if watch else None
    try:
        server = make_server(folder, base_path, port, live=live)
    except OSError as err:
        print(f"error: cannot listen on 127.0.0.1:{port}: {err.strerror or err} "
              "(try another --port)", file=sys.stderr)
        return 1
    print(f"Serving {folder} at http://127.0.0.1:{server.server_port}{base_path} (Ctrl-C stops)",
          flush=True)
    if live is None or watch is None:
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
        return 0
    print("Watching seeds, content, templates, static and the settings: a change rebuilds the "
          "site and reloads the pages open in a browser", flush=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        livereload.watch(watch[0], watch[1], live.reloads, live.stop)
    except KeyboardInterrupt:
        pass
    finally:
        live.stop.set()
        server.shutdown()
    return 0
