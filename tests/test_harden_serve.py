"""The preview server behaves like GitHub Pages under load and odd requests: a NUL byte or a
folder gets the site's 404 page (no dropped connection, no traceback, no listing), many
connections at once are all answered."""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.serve import make_server

NOT_FOUND = "<html><body>the site's own 404</body></html>"


@pytest.fixture
def server(tmp_path: Path, capfd) -> Iterator[tuple[int, Path]]:
    site = tmp_path / "_site"
    (site / "static").mkdir(parents=True)
    (site / "static" / "style.css").write_text("body{}")
    (site / "2016").mkdir()
    (site / "2016" / "index.html").write_text("<p>2016</p>")
    (site / "index.html").write_text("<p>home</p>")
    (site / "404.html").write_text(NOT_FOUND)
    srv = make_server(site, "/repo/", 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv.server_port, site
    srv.shutdown()
    srv.server_close()
    assert "Traceback" not in capfd.readouterr().err


def get(port: int, path: str, method: str = "GET") -> tuple[int, str, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request(method, path)
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    return response.status, body, dict(response.getheaders())


@pytest.mark.parametrize("path", ["/repo/%00", "/repo/%00/x", "/repo/a%00b.html", "/repo/static/%00.css"])
def test_a_nul_byte_gets_the_404_page_not_a_dropped_connection(server, path):
    port, _ = server
    status, body, _ = get(port, path)
    assert status == 404 and body == NOT_FOUND


@pytest.mark.parametrize("path", ["/repo/../../../../etc/passwd", "/repo/%2e%2e/%2e%2e/etc/passwd",
                                  "/repo/static/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd",
                                  "/repo//etc/passwd", "/repo/%00/../index.html"])
def test_no_request_reaches_a_file_outside_the_site(server, path):
    port, _ = server
    status, body, _ = get(port, path)
    assert "root:" not in body and (status == 404 or body in ("<p>home</p>",))


@pytest.mark.parametrize("path", ["/repo/static/", "/repo/static"])
def test_a_folder_without_an_index_is_a_404_not_a_listing(server, path):
    port, _ = server
    status, body, headers = get(port, path)
    if status == 301:  # a folder without its slash is redirected first, as on GitHub Pages
        status, body, _ = get(port, headers["Location"])
    assert status == 404 and body == NOT_FOUND and "style.css" not in body


def test_folders_with_an_index_and_the_bare_base_path_still_work(server):
    port, _ = server
    assert get(port, "/repo/2016/")[:2] == (200, "<p>2016</p>")
    status, _, headers = get(port, "/repo")
    assert status == 301 and headers["Location"] == "/repo/"
    assert get(port, "/repo/")[:2] == (200, "<p>home</p>")
    assert get(port, "/elsewhere/")[0] == 404


def listen_backlog(port: int) -> int:
    """The backlog the kernel holds for the listening socket (``ss`` shows it as Send-Q)."""
    out = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True,
                         check=True).stdout.split()
    return int(out[2])


# scripts/setup.sh dev installs iproute2, so in CI (and after the README's test command) this runs.
@pytest.mark.skipif(shutil.which("ss") is None and os.environ.get("CI") != "true",
                    reason="needs ss (iproute2, which scripts/setup.sh dev installs) to read the backlog")
def test_the_listen_backlog_holds_a_burst_of_connections(server):
    port, _ = server
    assert listen_backlog(port) >= 128  # the standard library's default is 5


def test_many_requests_at_once_are_all_answered(server):
    port, _ = server
    with ThreadPoolExecutor(32) as pool:
        answers = list(pool.map(lambda _: get(port, "/repo/")[0], range(200)))
    assert answers == [200] * 200


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_a_bad_port_is_a_message(tmp_path, capsys, port):
    with pytest.raises(SystemExit) as done:
        main(["--config", str(tmp_path / "none.toml"), "serve", "--no-build", "--port", port])
    assert done.value.code == 2 and "not a port number" in capsys.readouterr().err
