"""`build.py serve` as a live preview: a change to a source rebuilds the site and the page open
in Chromium reloads itself; the reload script is only in what the preview server sends, never
in the built site that is published."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline import livereload
from dateline.content import write_article
from dateline.serve import Live, make_server
from tests.conftest import (
    ENTITY_TOML,
    REPO,
    SUBPATH,
    as_from_a_terminal,
    build_project,
    entity_articles,
    script_errors,
    write_project,
)

ARTICLE = "2015/11/envoys-meet-in-geneva-round-1/"


def entity_project(root: Path) -> Path:
    root = write_project(root, {}, base_url=f"https://example.org{SUBPATH}", extra_toml=ENTITY_TOML)
    for article in entity_articles():
        write_article(article, root / "content")
    return root


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[int, Live, Path]]:
    site = tmp_path / "_site"
    (site / "static").mkdir(parents=True)
    (site / "static" / "style.css").write_text("body{}")
    (site / "index.html").write_text("<html><body><p>home</p></body></html>")
    (site / "404.html").write_text("<html><body><h1>missing</h1></body></html>")
    live = Live()
    server = make_server(site, SUBPATH, 0, live=live)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port, live, site
    live.stop.set()
    server.shutdown()


def get(port: int, path: str) -> tuple[int, bytes, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body, dict(response.getheaders())


def test_served_pages_get_the_reload_script_and_the_files_do_not(live_server):
    port, _, site = live_server
    status, body, headers = get(port, SUBPATH)
    assert status == 200 and livereload.ENDPOINT.encode() in body
    assert body.index(b"EventSource") < body.index(b"</body>")
    assert int(headers["Content-Length"]) == len(body)
    assert headers["Cache-Control"] == "no-store"
    assert livereload.ENDPOINT not in (site / "index.html").read_text()
    status, body, _ = get(port, SUBPATH + "nothing/here/")  # the 404 page reloads too
    assert status == 404 and b"missing" in body and b"EventSource" in body
    status, body, _ = get(port, SUBPATH + "static/style.css")  # only HTML gets it
    assert (status, body) == (200, b"body{}")


def test_the_event_stream_announces_each_rebuild(live_server):
    port, live, _ = live_server
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", SUBPATH + livereload.ENDPOINT)
    response = conn.getresponse()
    assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
    assert response.fp.readline() == b"retry: 1000\n"
    assert response.fp.readline() == b"data: 0\n"
    live.reloads.bump()
    response.fp.readline()
    assert response.fp.readline() == b"data: 1\n"
    conn.close()


def test_the_watcher_rebuilds_once_per_settled_change_and_not_for_its_own_writes(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "a.md").write_text("one")
    builds: list[int] = []
    reloads = livereload.Reloads()
    stop = threading.Event()

    def rebuild() -> bool:
        builds.append(1)
        (folder / "written-by-the-build.md").write_text(str(len(builds)))  # as ingest does
        return True

    watcher = threading.Thread(target=livereload.watch, args=(lambda: [folder], rebuild, reloads, stop))
    watcher.start()
    try:
        time.sleep(0.3)
        assert builds == []
        for n in range(3):  # an editor's save in several writes
            (folder / "a.md").write_text("two" * (n + 1))
            time.sleep(0.05)
        deadline = time.monotonic() + 5
        while not builds and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1)
        assert builds == [1] and reloads.version == 1
    finally:
        stop.set()
        watcher.join()


def test_the_built_site_has_no_reload_script(tmp_path):
    root = entity_project(tmp_path / "archive")
    build_project(root)
    for path in (root / "_site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".xml", ".json"):
            assert livereload.ENDPOINT.encode() not in path.read_bytes(), path


@pytest.mark.browser
def test_editing_a_content_file_or_a_template_reloads_the_open_page(tmp_path, page):
    root = entity_project(tmp_path / "archive")
    shutil.copytree(REPO / "templates", root / "templates")  # its own, to edit
    settings = root / "site.toml"
    settings.write_text(re.sub(r'templates = ".*"', 'templates = "templates"', settings.read_text()))
    command = [sys.executable, "-u", str(REPO / "build.py"), "--config", str(root / "site.toml"),
               "--quiet", "serve", "--port", "0"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              cwd=root, env={**os.environ, "PYTHONPATH": str(REPO)},
                              preexec_fn=as_from_a_terminal)
    lines: list[str] = []
    try:
        address = None
        while address is None:
            line = server.stdout.readline()
            assert line, f"serve ended: {''.join(lines)}"
            lines.append(line)
            found = re.search(r"at (http://127\.0\.0\.1:\d+/repo/) ", line)
            address = found and found.group(1)
        threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()
        page.goto(address + ARTICLE)
        page.evaluate("window.__before_reload = true")
        assert "cold morning" in page.locator("article").inner_text()
        source = next((root / "content").rglob("envoys-meet-in-geneva-round-1.md"))
        source.write_text(source.read_text(encoding="utf-8").replace("cold morning", "warm morning"),
                          encoding="utf-8")
        page.wait_for_function("document.querySelector('article').innerText.includes('warm morning')",
                               timeout=60_000)
        assert page.evaluate("window.__before_reload") is None  # the page reloaded itself
        assert "warm morning" in (root / "_site" / ARTICLE / "index.html").read_text(encoding="utf-8")
        page.evaluate("window.__before_reload = true")
        base = root / "templates" / "macros.html"
        base.write_text(base.read_text(encoding="utf-8").replace(
            "<p>{{ settings.title }} &middot;", "<p>Preview edition &middot; {{ settings.title }} &middot;"),
            encoding="utf-8")
        page.wait_for_function("document.querySelector('.colophon').innerText.includes('Preview edition')",
                               timeout=60_000)
        assert page.evaluate("window.__before_reload") is None
        assert script_errors(page) == []
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode == 0, "".join(lines)
    assert "Traceback" not in "".join(lines)
