"""Workers are forked from a trimmed heap (children.release_free_memory): memory the build has
freed by then is handed back, not resident in the build and in every worker that inherits it."""

from __future__ import annotations

from pathlib import Path

from dateline import children


def _rss_kb() -> int:
    status = Path("/proc/self/status").read_text().splitlines()
    return int(next(line for line in status if line.startswith("VmRSS")).split()[1])


def test_freed_heap_is_given_back_before_a_pool_forks(monkeypatch):
    assert children._MALLOC_TRIM is not None  # Linux with glibc, as the build machines run
    freed = [bytes(1000 + n % 7) for n in range(150_000)]  # past pymalloc: the C heap, ~150 MB
    pin = bytes(2000)  # above them in the heap, so free() alone cannot shrink it
    del freed
    before = _rss_kb()
    trims = []
    real = children._MALLOC_TRIM
    monkeypatch.setattr(children, "_MALLOC_TRIM", lambda pad: trims.append(real(pad)))
    with children.worker_pool(1) as pool:
        assert pool.apply(sum, ([1, 2],)) == 3
    assert len(trims) == 1
    assert _rss_kb() < before - 50_000  # at least 50 of the ~150 MB freed left the process
    del pin
