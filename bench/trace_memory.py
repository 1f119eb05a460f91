"""What the build's own process holds, stage by stage, in a cold build (a script, not a test).

    .venv/bin/python bench/trace_memory.py PROJECT            # traced: bytes an article at each point
    .venv/bin/python bench/trace_memory.py PROJECT --rss      # untraced: the process's RSS and its peak

PROJECT is a project folder (site.toml, seeds/) with nothing built yet, e.g. one of
``bench/run.py``'s replicated seed folders with a site.toml beside it. The build runs without
search. At each point (ingest halfway and done, the articles cache written, the model, the page
reads cache, the plan, the render fork, each pool's workers forked) it prints what tracemalloc
counts as held then and the most held at once since the point before, in bytes an article, with
the top allocation sites (``--top``). Traced, the build is several times slower and its RSS is
not the untraced one; ``--rss`` gives that instead (the peak since the point before, as /proc
resets it). The render workers do not trace: they inherit the process at the fork.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dateline import cluster, ingest, journal, pagereads, pipeline, render  # noqa: E402
from dateline.config import load_settings  # noqa: E402
from dateline.report import Report  # noqa: E402


class Points:
    """Prints each point: traced bytes (or RSS), an article, and the peak since the last."""

    def __init__(self, traced: bool, top: int) -> None:
        self.traced, self.top, self.articles = traced, top, 1

    def mark(self, label: str) -> None:
        if not self.traced:
            status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
            rss, peak = (int(status[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM"))
            print(f"{label:<34} RSS {rss:6,} MB, peak since the last point {peak:6,} MB", flush=True)
            Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
            return
        held, peak = tracemalloc.get_traced_memory()
        print(f"{label:<34} held {held / 1e6:7.1f} MB ({held / self.articles:6,.0f} B an article), "
              f"peak since the last point {peak / 1e6:7.1f} MB ({peak / self.articles:6,.0f} B)", flush=True)
        if self.top:
            for stat in tracemalloc.take_snapshot().statistics("lineno")[: self.top]:
                frame = stat.traceback[0]
                print(f"    {stat.size / self.articles:6,.0f} B an article, {stat.count:9,} blocks: "
                      f"{'/'.join(Path(frame.filename).parts[-2:])}:{frame.lineno}")
        tracemalloc.reset_peak()

    def around(self, module: Any, name: str, label: str) -> None:
        real = getattr(module, name)

        def run(*args: object, **kwargs: object) -> object:
            self.mark(f"before {label}")
            out = real(*args, **kwargs)
            self.mark(f"after {label}")
            return out
        setattr(module, name, run)


def watch(points: Points, seeds: int) -> None:
    """Wraps the build's stages in marks (the module attributes the stages are called by)."""
    points.articles = max(1, seeds)
    real_parse = ingest._parse_all

    def parse_all(rels: list[str], settings: Any) -> Iterator[Any]:
        for number, parsed in enumerate(real_parse(rels, settings)):
            if number == len(rels) // 2:
                points.mark("ingest: half the seeds read")
            yield parsed
    ingest._parse_all = parse_all
    real_dump = journal.dump_atomic

    def dump(path: Path, fill: Callable[[Any], object]) -> None:
        if not path.name.startswith("articles"):  # the content scan, ingest's
            real_dump(path, fill)
            return
        points.mark("load_articles: before its cache")
        real_dump(path, fill)
        points.mark("load_articles: after its cache")
    journal.dump_atomic = dump
    for module, name, label in ((pipeline, "ingest", "ingest"), (pipeline, "load_articles", "load_articles"),
                                (pipeline, "build_site", "build_site"), (render, "plan", "plan"),
                                (pagereads, "save", "the page reads cache")):
        points.around(module, name, label)
    real_render = render._render_in_parallel

    def render_in_parallel(*args: Any, **kwargs: Any) -> Iterator[list[str]]:
        points.mark("render fork")
        yield from real_render(*args, **kwargs)
    render._render_in_parallel = render_in_parallel
    real_pool = cluster.worker_pool

    def worker_pool(workers: int) -> Any:
        pool = real_pool(workers)
        points.mark("workers forked")  # what they inherit: the heap as trimmed before the fork
        return pool
    cluster.worker_pool = worker_pool


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("project", type=Path)
    args.add_argument("--rss", action="store_true", help="untraced: RSS and its peak at each point")
    args.add_argument("--top", type=int, default=0, help="top allocation sites at each point (traced)")
    opts = args.parse_args()
    settings = load_settings(opts.project / "site.toml")
    points = Points(not opts.rss, opts.top)
    watch(points, sum(1 for _ in settings.path("seeds").iterdir()))
    if points.traced:
        os.register_at_fork(after_in_child=tracemalloc.stop)  # the workers' own work is not traced
        tracemalloc.start(1)
    started = time.process_time()
    pipeline.build(settings, Report(quiet=True), do_search=False)
    points.mark("end")
    print(f"the build's own process: {time.process_time() - started:.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
