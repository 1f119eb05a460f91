"""Processes a build starts (Pagefind, the extraction and render workers) die with it.

A build killed on its own (``kill -9 PID``, an OOM kill, a CI runner's timeout) would otherwise
leave them running: writing into a staging folder the next build reuses, and holding the build
lock they inherited by fork, so the next build says another one is running.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal

PR_SET_PDEATHSIG = 1  # prctl option: a signal the kernel sends the child when its parent dies
# Looked up once here: a child runs as little Python as possible between fork and exec.
_PRCTL = getattr(ctypes.CDLL(None), "prctl", None)
_MALLOC_TRIM = getattr(ctypes.CDLL(None), "malloc_trim", None)  # glibc's; absent elsewhere


def die_with_parent() -> None:
    """Run in a child right after fork: the kernel kills it when the process (strictly, the
    thread) that forked it dies (Linux only; elsewhere a no-op)."""
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL)


def _worker_started(parent: int) -> None:
    die_with_parent()
    # Everything inherited from the build (the site model, 10^6 objects at 10^5 articles) is
    # shared with it page by page until written to. A full garbage collection writes to every
    # object it looks at, so each worker would end up with a private copy of the whole model:
    # frozen, the collector leaves inherited objects alone (and they are all alive anyway).
    gc.freeze()
    gc.enable()  # the build collects no cycles itself (pipeline.py); a worker's own garbage is its own
    # Ctrl-C reaches the whole process group: the build stops its workers itself, and each
    # would otherwise print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def release_free_memory() -> None:
    """Give the C heap's free pages back to the kernel (glibc's malloc_trim; elsewhere a
    no-op). What the build has let go of by then (ingest's results as they arrived, the caches'
    unpickling, the plan's record of every page) is free but still resident: in the build's
    own process, and in every worker forked from it (a warm 25k-article plan: 220 -> 191 MB)."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def worker_pool(workers: int) -> multiprocessing.pool.Pool:
    """A fork pool whose workers die with the build, forked from a trimmed heap. Create it
    from the thread that runs the build: a worker is killed when the thread that forked it ends."""
    release_free_memory()
    return multiprocessing.get_context("fork").Pool(
        workers, initializer=_worker_started, initargs=(os.getpid(),))
