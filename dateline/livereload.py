"""Live preview: rebuild when a source changes, and reload the pages open in a browser.

``build.py serve`` watches seeds/, content/, templates/, static/ and site.toml through the
operating system's change notices (watchfiles: inotify on Linux, FSEvents on macOS; set
WATCHFILES_FORCE_POLLING=1 on a network file system, where notices do not arrive). After a change
has settled it runs the usual incremental build, then tells every open page, over one
Server-Sent Events stream per page, to reload itself.

The few lines of script that listen for that are added by the preview server to the HTML it
sends (``inject``); they are never written to the built site, so the published archive has no
script it did not have before.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

ENDPOINT = "__livereload"  # under the site's base path; no page of the site has this name
SETTLE_SECONDS = 0.3  # an editor's save is often several writes: wait until they stop
KEEPALIVE_SECONDS = 15  # a comment down the stream, so a closed tab's thread ends

# Reload when the build the server announces is not the one the page came from (also one that
# finished while the page loaded); on a lost connection EventSource reconnects by itself.
SNIPPET = """<script>/* live preview: added by `build.py serve`, not part of the built site */
(function () {{
  var since = "{version}", source = new EventSource("{url}");
  source.onmessage = function (event) {{
    if (event.data !== since) {{ location.reload(); }}
  }};
}})();
</script>"""

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Every file under ``paths`` (folders or single files) with its size and mtime."""
    out: Snapshot = {}
    for path in paths:
        if path.is_file():
            files = [str(path)]
        else:
            files = []
            for folder, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # editors' and VCS' own folders
                files += [os.path.join(folder, name) for name in names]
        for file in files:
            look = _look(file)
            if look is not None:  # None: gone between the listing and the look
                out[file] = look
    return out


def changed(before: Snapshot, after: Snapshot) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


class Reloads:
    """The build the open pages should show: a number, bumped after each rebuild, that the
    event stream sends to every page when it changes."""

    def __init__(self) -> None:
        self.version = 0
        self._changed = threading.Condition()

    def bump(self) -> None:
        with self._changed:
            self.version += 1
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The version once it differs from ``seen``, or after ``timeout`` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen, timeout)
            return self.version


def inject(html: bytes, base_path: str, version: int) -> bytes:
    """The page, served at build ``version``, with the reload script before its ``</body>``."""
    url = json.dumps(base_path + ENDPOINT)[1:-1].replace("<", "\\u003c")
    script = SNIPPET.format(url=url, version=version).encode("utf-8")
    at = html.rfind(b"</body>")
    return html + script if at < 0 else html[:at] + script + html[at:]


def watch(paths: Callable[[], list[Path]], rebuild: Callable[[], bool], reloads: Reloads,
          stop: threading.Event, settle: float = SETTLE_SECONDS) -> None:
    """Until ``stop`` is set: wait for a change under ``paths()`` and, once it has settled (no
    further change for ``settle`` seconds), ``rebuild()``; when it succeeds, tell the open pages.
    What the build itself writes (the content files ingest makes from seeds) is told apart by
    a look at the files after it, so it does not start another build."""
    seen = snapshot(paths())
    while not stop.is_set():
        roots = [path for path in paths() if path.exists()]
        for changes in watchfiles.watch(*roots, watch_filter=_Visible(roots), step=int(settle * 1000),
                                        stop_event=stop, rust_timeout=1000):
            if all(_look(name) == seen.get(name) for _, name in changes):
                continue  # only the last build's own writes, already taken in
            ok = rebuild()
            seen = snapshot(paths())
            if ok:
                reloads.bump()
            break  # the settings may name other folders now: watch what paths() says


def _look(name: str) -> tuple[int, int] | None:
    """A file's size and mtime as ``snapshot`` records them; None when it is gone."""
    try:
        stat = os.stat(name)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


class _Visible(watchfiles.DefaultFilter):
    """Editors' swap files and VCS folders aside (the default filter), and anything hidden below
    a watched folder: a build's temp files, its cache."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__()
        self.roots = [str(root) for root in roots]

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        root = next((r for r in self.roots if path.startswith(r)), "")
        return super().__call__(change, path) and f"{os.sep}." not in path[len(root):]


def stream(write: Callable[[bytes], None], reloads: Reloads, stop: threading.Event,
           keepalive: float = KEEPALIVE_SECONDS) -> None:
    """One page's event stream: the current version, then each new one, until the page goes
    (``write`` raises) or the server stops."""
    version = reloads.version
    write(f"retry: 1000\ndata: {version}\n\n".encode())
    while not stop.is_set():
        newer = reloads.wait(version, keepalive)
        if newer == version:
            write(b": still here\n\n")
            continue
        version = newer
        write(f"data: {version}\n\n".encode())

