"""How far a long stage has got, on one line of the terminal that keeps being redrawn: the
stage, its count, the rate and the time left. Nothing at all when stderr is not a terminal (a
CI log, a pipe, a test): the run's report says what happened there, and what a build writes
never depends on it.

Work done in the build's worker processes is counted in one shared integer, made when the first
stage is drawn (before its workers are forked, so they all increment that one). Without a
terminal there is none, and counting costs nothing. (A worker on a Dask cluster counts nothing:
its stage shows its count when its results come back.)
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the counter's type only: a build with nothing to draw need not load it
    import multiprocessing.sharedctypes

SHOW_AFTER = 0.5  # seconds: a stage that ends sooner never draws (no flicker on a quick build)
REDRAW_EVERY = 0.25  # seconds between redraws
_DONE: multiprocessing.sharedctypes.Synchronized | None = None  # units done in the stage drawn


def advance(units: int = 1) -> None:
    """Count ``units`` of the current stage's work as done, from any process of the build."""
    if _DONE is not None:
        with _DONE.get_lock():
            _DONE.value += units


def _counter() -> multiprocessing.sharedctypes.Synchronized | None:
    """The shared count, at 0; None where shared memory cannot be had (a container without
    /dev/shm), which leaves the stage undrawn rather than the build stopped."""
    global _DONE
    if _DONE is None:
        try:
            _DONE = multiprocessing.get_context("fork").Value("q", 0)
        except OSError:
            return None
    with _DONE.get_lock():
        _DONE.value = 0
    return _DONE


def line(stage: str, done: int, total: int, unit: str, seconds: float) -> str:
    """'render: 4,210/10,000 pages, 812/s, 7 s left': what the terminal shows of a stage."""
    text = f"{stage}: {done:,}/{total:,} {unit}"
    if done and seconds > 0:
        rate = done / seconds
        text += f", {rate:,.0f}/s" if rate >= 10 else f", {rate:.1f}/s"
        if total > done:
            text += f", {_duration((total - done) / rate)} left"
    return text


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


class Progress:
    """The one progress line of a run, drawn by a thread of the build's process while a stage
    runs, and erased before any other line is printed (``clear``) and when the stage ends."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self.clock = clock
        self.shown = False
        self._lock = threading.Lock()

    @contextmanager
    def stage(self, name: str, total: int, unit: str) -> Iterator[None]:
        """Count a stage of ``total`` units; its work calls ``advance`` as units are done."""
        done = _counter() if self.enabled and total > 0 else None
        if done is None:
            yield
            return
        started, stop = self.clock(), threading.Event()
        drawer = threading.Thread(target=self._draw_until, args=(stop, done, name, total, unit, started),
                                  daemon=True)
        drawer.start()
        try:
            yield
        finally:
            stop.set()
            drawer.join()
            self.clear()

    def _draw_until(self, stop: threading.Event, done: multiprocessing.sharedctypes.Synchronized,
                    name: str, total: int, unit: str, started: float) -> None:
        if stop.wait(SHOW_AFTER):
            return
        while not stop.is_set():
            self.draw(line(name, min(done.value, total), total, unit, self.clock() - started))
            stop.wait(REDRAW_EVERY)

    def draw(self, text: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns - 1  # the last column would wrap
        with self._lock:
            self.stream.write("\r\x1b[K" + text[:width])
            self.stream.flush()
            self.shown = True

    def say(self, text: str, stream: TextIO) -> None:
        """Print a line of the run's report, on a line of its own above the progress line."""
        with self._lock:
            self._erase()
            print(text, file=stream, flush=True)

    def clear(self) -> None:
        """Erase the progress line, so the next line printed starts on a clean one."""
        with self._lock:
            self._erase()

    def _erase(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False
