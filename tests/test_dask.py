"""Building on a Dask cluster (issue 14): a real scheduler and two worker processes on 127.0.0.1
build the same site, byte for byte, as the local pool does, even when a worker is killed
mid-build; a scheduler that is not there is one clear message."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline import cluster as dask_pool
from dateline.config import ConfigError, load_settings
from tests.conftest import REPO, SEED, build_project, corpus_seeds, write_project
from tests.test_kill import manifest, pages

DASK = REPO / ".venv" / "bin" / "dask"
FIXTURES = REPO / "tests" / "fixtures" / "headlines"
START_TIMEOUT = 60  # seconds for the scheduler and workers to come up on a busy machine
BUILD_TIMEOUT = 300


def cluster_seeds() -> list[Path] | dict[str, str]:
    """The repo's seed and ~300 Reuters articles; without the corpus, ~100 seeds made from the
    repo's seed and the headline fixtures, on other days and with a line of their own."""
    corpus = corpus_seeds(300, step=40)
    if corpus:
        return [SEED, *corpus]
    sources = [SEED, *sorted(FIXTURES.glob("*.txt"))]
    made = {}
    for i in range(100):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        day = dt.date(1990 + i % 5, 1 + i % 12, 1 + i % 28).isoformat()
        text = re.sub(r"date \d{4}-\d{2}-\d{2}", f"date {day}", text, count=1)
        made[f"syn{i:03d}_{i:016x}.txt"] = text.rstrip("\n") + f"\n\nCopy {i} of the desk's test file.\n"
    return made


@pytest.fixture(scope="module")
def local_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What the local process pool builds from the cluster tests' seeds."""
    root = write_project(tmp_path_factory.mktemp("local"), cluster_seeds())
    build_project(root)
    return pages(manifest(root / "_site"))


class Cluster:
    """``dask scheduler`` and ``dask worker`` processes, each in a session of its own so that
    killing one takes its nanny and worker process down together, as a lost machine would."""

    def __init__(self, folder: Path, workers: int = 2, scheduler_dateline: bool = True) -> None:
        self.folder = folder
        self.scheduler_dateline = scheduler_dateline
        self.procs: list[subprocess.Popen] = []
        scheduler_file = folder / "scheduler.json"
        # --port 0: the scheduler picks a free port and writes its address to the file.
        self.scheduler = self._start("scheduler", "--host", "127.0.0.1", "--port", "0",
                                     "--no-dashboard", "--scheduler-file", str(scheduler_file),
                                     "--idle-timeout", "600")  # gone even if this test is killed
        self.address = self._address(scheduler_file)
        self.workers = [self._start("worker", self.address, "--host", "127.0.0.1", "--nworkers", "1",
                                    "--nthreads", "1", "--no-dashboard", "--local-directory",
                                    str(folder / f"worker{n}"), "--death-timeout", "60")  # and these with it
                        for n in range(workers)]
        self.wait_for_workers(workers)

    def _start(self, *args: str) -> subprocess.Popen:
        log = open(self.folder / f"{args[0]}-{len(self.procs)}.log", "wb")  # noqa: SIM115 - kept by the process
        # Scheduler and workers import Dateline from this checkout, as a newsroom's would from
        # its install (the scheduler unpickles the tasks, so it needs Dateline too).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        if args[0] == "worker" or self.scheduler_dateline:
            env["PYTHONPATH"] = str(REPO)
        proc = subprocess.Popen([str(DASK), *args], stdout=log, stderr=subprocess.STDOUT,
                                env=env, cwd=self.folder, start_new_session=True)
        self.procs.append(proc)
        return proc

    def _address(self, scheduler_file: Path) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if scheduler_file.is_file():
                try:
                    return json.loads(scheduler_file.read_text())["address"]
                except (ValueError, KeyError):
                    pass  # written but not yet whole
            assert self.scheduler.poll() is None, self.log("scheduler-0")
            time.sleep(0.1)
        raise AssertionError("the scheduler did not start:\n" + self.log("scheduler-0"))

    def wait_for_workers(self, count: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=START_TIMEOUT, set_as_default=False) as client:
            client.wait_for_workers(count, timeout=START_TIMEOUT)

    def lost_tasks(self) -> list[str]:
        """Tasks the scheduler had running on workers it lost (and so ran again elsewhere)."""
        from distributed import Client

        with Client(self.address, timeout=START_TIMEOUT, set_as_default=False) as client:
            return [str(key) for _, event in client.get_events("all") if isinstance(event, dict)
                    and event.get("action") == "remove-worker"
                    for key in event.get("processing-tasks", ())]

    def kill(self, proc: subprocess.Popen) -> None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    folder = tmp_path / "cluster"
    folder.mkdir()
    running = Cluster(folder)
    yield running
    running.stop()


def dask_build(root: Path, address: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), "--config", str(root / "site.toml"),
                             "--quiet", "--dask", address], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finished(build: subprocess.Popen) -> str:
    out, err = build.communicate(timeout=BUILD_TIMEOUT)
    assert build.returncode == 0, out + err
    assert "Traceback" not in err
    return out


def test_a_two_worker_cluster_builds_the_local_site_byte_for_byte(tmp_path, cluster, local_site):
    root = write_project(tmp_path / "dask", cluster_seeds())
    out = finished(dask_build(root, cluster.address))
    assert "pages rendered" in out
    assert pages(manifest(root / "_site")) == local_site
    assert not (root / ".dateline-cache" / "dask").exists() or \
        not any((root / ".dateline-cache" / "dask").iterdir())  # the model files are removed
    # Where the pages were rendered is no input of theirs: a local build after it renders nothing.
    _, report = build_project(root)
    assert report.counts["pages rendered"] == 0 and report.counts["pages changed"] == 0
    # A template mistake met while rendering on a worker is the local build's one line.
    templates = root / "templates"
    shutil.copytree(REPO / "templates", templates)
    article = templates / "article.html"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}{{ no_such_thing }}", 1), encoding="utf-8")
    toml = root / "site.toml"
    toml.write_text(re.sub(r'templates = "[^"]*"', 'templates = "templates"', toml.read_text()))
    live = manifest(root / "_site")
    there = dask_build(root, cluster.address)
    out, err = there.communicate(timeout=BUILD_TIMEOUT)
    here = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(toml), "--quiet"],
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    assert there.returncode == here.returncode == 1
    assert err == here.stderr and "article.html: line" in err and "'no_such_thing' is undefined" in err
    assert len(err.strip().splitlines()) == 1 and manifest(root / "_site") == live


def test_a_worker_killed_mid_build_loses_nothing(tmp_path, cluster, local_site):
    root = write_project(tmp_path / "dask", cluster_seeds())
    staging = root / "._site.staging"
    build = dask_build(root, cluster.address)
    deadline = time.monotonic() + BUILD_TIMEOUT
    # The first pages in the staging folder: the render tasks are running on both workers.
    while not any(staging.glob("*/*/*/index.html")):
        assert build.poll() is None, f"the build ended before any page was written: {build.communicate()}"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    cluster.kill(cluster.workers[0])
    finished(build)
    assert cluster.lost_tasks(), "the killed worker held no task: nothing was retried"
    assert pages(manifest(root / "_site")) == local_site
    assert [p for p in (root / "_site").rglob("*.tmp")] == []  # nor a half-written page of the lost worker


def test_a_scheduler_that_is_not_there_is_one_clear_message(tmp_path):
    root = write_project(tmp_path / "archive", {"a_0000000000000001.txt": " date 2016-12-09 X -- Text.\n"})
    port = _closed_port()
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(root / "site.toml"),
                           "--dask", f"tcp://127.0.0.1:{port}"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: --dask") and f"tcp://127.0.0.1:{port}" in line
    assert "no Dask scheduler answers" in line
    assert time.monotonic() - started < 60
    assert not (root / "content").exists() and not (root / "_site").exists()  # nothing was done


def test_a_dask_setting_that_is_no_address_is_named(tmp_path):
    root = write_project(tmp_path / "archive", {}, extra_toml='dask = "sched.example:8786"\n')
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(root / "site.toml")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {root / 'site.toml'}: [build] dask = \"sched.example:8786\": "
                                  "must be a Dask scheduler address")


def test_a_scheduler_without_dateline_is_named_before_any_work(tmp_path):
    folder = tmp_path / "cluster"
    folder.mkdir()
    lacking = Cluster(folder, workers=1, scheduler_dateline=False)
    try:
        root = write_project(tmp_path / "archive", {"a_0000000000000001.txt": " date 2016-12-09 X -- A.\n"})
        build = dask_build(root, lacking.address)
        out, err = build.communicate(timeout=BUILD_TIMEOUT)
    finally:
        lacking.stop()
    assert build.returncode == 2, out + err
    [line] = err.strip().splitlines()
    assert line.startswith("error: --dask") and "the scheduler cannot read Dateline's tasks" in line
    assert not (root / "content").exists()


def test_without_dask_installed_the_message_says_how_to_install_it(tmp_path):
    root = write_project(tmp_path / "archive", {"a_0000000000000001.txt": " date 2016-12-09 X -- Text.\n"})
    # distributed made unimportable in the build's own process, as on a machine without it.
    code = ("import sys; sys.modules['distributed'] = None; from dateline.cli import main; "
            f"sys.exit(main(['--config', {str(root / 'site.toml')!r}, '--dask', 'tcp://127.0.0.1:8786']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          timeout=60, check=False)
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert "Dask is not installed here" in line and "requirements-dask.lock" in line


class FakeClient:
    """What a scheduler answers for its workers' probes."""

    def __init__(self, answers: dict[str, tuple[dict[str, str], str]]) -> None:
        self.answers = answers

    def run(self, *args: object) -> dict[str, tuple[dict[str, str], str]]:
        return self.answers


def test_a_worker_that_cannot_see_the_project_or_runs_other_code_is_named(tmp_path):
    root = write_project(tmp_path / "archive", {})
    settings = load_settings(root / "site.toml", dask="tcp://sched.example:8786")
    mine = dask_pool.code_fingerprint()
    blind = FakeClient({"tcp://w7.example:4000": (mine, "cannot see /srv/news/seeds")})
    with pytest.raises(ConfigError, match=r"--dask .* = tcp://sched.example:8786: "
                       r"worker tcp://w7.example:4000 cannot see /srv/news/seeds; "
                       r"every worker must see the project at the same paths"):
        dask_pool._check_workers(blind, settings)
    other = FakeClient({"tcp://w7.example:4000": ({**mine, "jinja2": "3.0.0"}, "")})
    with pytest.raises(ConfigError, match=r"worker tcp://w7.example:4000 runs other code \(jinja2 3.0.0 "
                       r"there, [\d.]+ here\); install the same Dateline"):
        dask_pool._check_workers(other, settings)
    assert list((settings.path("cache") / "dask").iterdir()) == []  # the probe file is removed


def test_what_a_worker_checks_of_the_shared_folders(tmp_path):
    probe = tmp_path / "probe"
    probe.write_text("token")
    assert dask_pool._probe(str(probe), "token", [str(tmp_path)], str(tmp_path))[1] == ""
    assert dask_pool._probe(str(tmp_path / "gone"), "token", [], str(tmp_path))[1] == \
        f"cannot see {tmp_path / 'gone'}"
    assert dask_pool._probe(str(probe), "other", [], str(tmp_path))[1] == f"sees another file at {probe}"
    assert dask_pool._probe(str(probe), "token", [str(tmp_path / "seeds")], str(tmp_path))[1] == \
        f"cannot see {tmp_path / 'seeds'}"
    assert dask_pool._probe(str(probe), "token", [], str(tmp_path / "nope"))[1].startswith(
        f"cannot write in {tmp_path / 'nope'}")


def test_every_task_checks_its_worker_once_so_a_worker_that_joined_late_is_caught_too(tmp_path):
    root = write_project(tmp_path / "archive", {"a_0000000000000001.txt": " date 2016-12-09 X -- A.\n"})
    settings = load_settings(root / "site.toml", dask="tcp://sched.example:8786")
    code, readable, writable = dask_pool._guard(settings)
    assert str(root / "seeds") in readable
    dask_pool._check_here((code, readable, writable))  # this process is a worker as it should be
    with pytest.raises(dask_pool.ClusterError, match="runs other code than the build"):
        dask_pool._check_here(("0" * 16, readable, writable))
    with pytest.raises(dask_pool.ClusterError, match=f"cannot see {tmp_path / 'gone'}: every worker"):
        dask_pool._check_here((code, (str(tmp_path / "gone"),), writable))


def test_a_stage_state_written_for_the_workers_is_restored_there_and_a_changed_file_refused(tmp_path):
    """The driver pickles a stage's globals straight into a file named by its digest (never the
    whole pickle in memory); a worker restores them from it, and refuses a file that differs."""
    model = {"articles": [f"story {n}" for n in range(1000)]}
    ref = dask_pool.written_state(tmp_path, "tests.test_dask", {"STAGE_STATE": model})
    module, path, digest = ref
    assert module == "tests.test_dask"
    assert Path(path).name == f"{digest}.pickle" and os.listdir(tmp_path) == [Path(path).name]
    try:
        dask_pool._restore(ref)
        assert globals()["STAGE_STATE"] == model and globals()["STAGE_STATE"] is not model
    finally:
        dask_pool._forget(ref)
    assert globals().get("STAGE_STATE") is None  # as it was before the stage
    Path(path).write_bytes(Path(path).read_bytes().replace(b"story 5", b"story X", 1))  # another file
    with pytest.raises(dask_pool.ClusterError, match="is not the file the build wrote"):
        dask_pool._restore(ref)


def test_a_local_build_never_imports_dask(tmp_path):
    root = write_project(tmp_path / "archive", {"a_0000000000000001.txt": " date 2016-12-09 X -- A.\n"})
    code = ("import sys; from dateline.cli import main; "
            f"main(['--config', {str(root / 'site.toml')!r}, '--quiet', '--no-search']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          timeout=120, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once closed: nothing listens there
