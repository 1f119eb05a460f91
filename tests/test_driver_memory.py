"""What the build's own process holds (issue 14): seeds are extracted, written and let go one
after another, not all extracted first; the content writes waiting at once are bounded."""

from __future__ import annotations

import threading
import time

from dateline import ingest
from dateline.config import load_settings
from dateline.content import content_files
from dateline.report import Report

SEEDS = 30  # few enough that ingest extracts in its own process, where the calls can be counted


def stories() -> dict[str, str]:
    return {f"s{n:03d}_{n:016x}.txt": f" date 2016-12-{1 + n % 28:02d} GENEVA -- Story number "
            f"{n} about talks in Geneva.\n\nMore text {n}.\n" for n in range(SEEDS)}


def test_each_seed_is_written_before_the_last_is_extracted(project, monkeypatch):
    root = project(stories())
    extracted: list[str] = []
    extracted_when_written: list[int] = []
    real_parsed, real_write = ingest._parsed, ingest.write_atomic

    def parsed(job):
        extracted.append(job[1])
        return real_parsed(job)

    def write(path, data):
        extracted_when_written.append(len(extracted))
        real_write(path, data)

    monkeypatch.setattr(ingest, "_parsed", parsed)
    monkeypatch.setattr(ingest, "write_atomic", write)
    written = ingest.ingest(load_settings(root / "site.toml"), Report(quiet=True))
    assert len(written) == len(content_files(root / "content")) == SEEDS
    # Held all at once, every seed was extracted before the first file was written.
    assert min(extracted_when_written) < SEEDS
    assert len(extracted) == SEEDS


def test_content_writes_waiting_at_once_are_bounded(project, monkeypatch):
    root = project(stories())
    lock, waiting, most = threading.Lock(), [0], [0]
    real_write, real_submit = ingest.write_atomic, ingest.ThreadPoolExecutor.submit

    def submit(pool, fn, *args):
        with lock:
            waiting[0] += 1
            most[0] = max(most[0], waiting[0])
        return real_submit(pool, fn, *args)

    def slow_write(path, data):
        time.sleep(0.02)  # a disk slower than extraction, as fsync is
        real_write(path, data)
        with lock:
            waiting[0] -= 1

    monkeypatch.setattr(ingest, "WRITE_THREADS", 1)
    monkeypatch.setattr(ingest, "WRITES_PENDING", 3)
    monkeypatch.setattr(ingest.ThreadPoolExecutor, "submit", submit)
    monkeypatch.setattr(ingest, "write_atomic", slow_write)
    written = ingest.ingest(load_settings(root / "site.toml"), Report(quiet=True))
    assert sorted(written) == sorted(str(p.relative_to(root / "content")) for p in
                                     content_files(root / "content"))
    assert len(written) == SEEDS
    assert most[0] <= 3 + 1  # the bound, and the one just submitted
