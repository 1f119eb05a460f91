"""A cold build skips the work only an incremental one needs (a sweep for stale files, a walk
for file sizes) and leaves the same state an incremental build would."""

from __future__ import annotations

import os
import shutil

from dateline.pipeline import RENDER_STATE, read_state
from tests.conftest import build_project, write_project
from tests.test_incremental import TOML, seed_text, seeds


def walked_sizes(site) -> dict[str, int]:
    out = {}
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            out[os.path.relpath(path, site)] = os.path.getsize(path)
    return out


def test_a_cold_build_knows_every_file_size_without_a_walk(tmp_path):
    root = write_project(tmp_path / "a", seeds(10), extra_toml=TOML)
    build_project(root)
    state = read_state(root / ".dateline-cache" / RENDER_STATE)
    assert state["sizes"] == walked_sizes(root / "_site")
    (root / "seeds" / "900.txt").write_text(seed_text(900, month=5))
    build_project(root)
    state = read_state(root / ".dateline-cache" / RENDER_STATE)
    assert state["sizes"] == walked_sizes(root / "_site")


def test_a_cold_build_over_a_lost_cache_still_sweeps_stale_files(tmp_path):
    root = write_project(tmp_path / "a", seeds(10), extra_toml=TOML)
    build_project(root)
    stray = root / "_site" / "people" / "nobody" / "index.html"
    stray.parent.mkdir(parents=True)
    stray.write_text("<p>left over</p>")
    shutil.rmtree(root / ".dateline-cache")  # the next build knows nothing of the last
    build_project(root)
    assert not stray.exists() and not stray.parent.exists()
    state = read_state(root / ".dateline-cache" / RENDER_STATE)
    assert state["sizes"] == walked_sizes(root / "_site")


def test_a_build_runs_without_the_cycle_collector_and_gives_it_back(tmp_path, monkeypatch):
    """The build's own process collects no cycles while it holds the model (pipeline.py), and
    a long-lived caller (the preview server rebuilding) gets the collector back as it was."""
    import gc

    from dateline import pipeline

    seen = []
    real = pipeline.build_site
    monkeypatch.setattr(pipeline, "build_site", lambda *a: seen.append(gc.isenabled()) or real(*a))
    root = write_project(tmp_path / "a", seeds(4), extra_toml=TOML)
    assert gc.isenabled()
    build_project(root)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        (root / "seeds" / "900.txt").write_text(seed_text(900))
        build_project(root)
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def site_bytes(site) -> dict[str, bytes]:
    return {rel: (site / rel).read_bytes() for rel in walked_sizes(site)}


def test_a_cold_build_writes_its_pages_without_comparing_and_the_same_bytes(tmp_path, monkeypatch):
    """Into the empty staging folder of a cold build, pages are written straight (no stat,
    read-back, temp file or rename); a build over a live site still compares, and both give
    the same site."""
    from dateline import render

    calls = {"new": 0, "compared": 0}
    real_new, real_compared = render.write_new, render.write_if_changed

    def new(path, data):
        calls["new"] += 1
        return real_new(path, data)

    def compared(path, data):
        calls["compared"] += 1
        return real_compared(path, data)

    monkeypatch.setattr(render, "write_new", new)
    monkeypatch.setattr(render, "write_if_changed", compared)
    root = write_project(tmp_path / "a", seeds(10), extra_toml=TOML)
    build_project(root)
    pages = calls["new"]
    assert pages > 30 and calls["compared"] == len(list((root / "_site" / "static").iterdir()))
    cold = site_bytes(root / "_site")
    shutil.rmtree(root / ".dateline-cache")  # every page rendered again, over the live site's links
    calls.update(new=0, compared=0)
    build_project(root)
    assert calls["new"] == 0 and calls["compared"] >= pages
    assert site_bytes(root / "_site") == cold
