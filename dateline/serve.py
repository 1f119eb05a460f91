"""Local preview: serves the built site the way GitHub Pages does, under its base path,
with the site's own 404 page for missing URLs."""

from __future__ import annotations

import contextlib
import functools
import http.server
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "__outside_base_path__")
        return super().translate_path("/" + path[len(self.base_path):])

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


def make_server(folder: Path, base_path: str = "/", port: int = 8000,
                host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A server for ``folder`` at ``http://host:port{base_path}`` (port 0 picks a free one)."""
    handler = type("Handler", (_Handler,), {"base_path": base_path})
    return http.server.ThreadingHTTPServer(
        (host, port), functools.partial(handler, directory=str(folder)))


def serve(folder: Path, base_path: str, port: int) -> int:
    server = make_server(folder, base_path, port)
    print(f"Serving {folder} at http://127.0.0.1:{server.server_port}{base_path} (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0
