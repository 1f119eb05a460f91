"""One digest of everything ``extract()`` returns: ``python bench/extract_digest.py [--limit N]``.

Runs ``extract()`` over every seed of ../shared/corpus/reuters21578/seeds and tests/gold/desk/*/,
and prints the sha256 of every field of every article (sorted by seed path) and the CPU seconds
the extraction took. A speed change must leave the digest identical: compare it before and after.
``--profile N`` prints the N hottest functions (cProfile, cumulative and own time) instead;
``--stages`` the CPU seconds and share each stage of extraction takes (each stage's own time, the
stages it calls counted apart; the timers add a little to whichever stage calls them most).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import importlib
import inspect
import json
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Imported once the repository root is on the path (this file runs as a script from bench/).
extract = importlib.import_module("dateline.extract").extract
read_seed = importlib.import_module("dateline.seeds").read_seed
warm = importlib.import_module("dateline.extract.evaluation").warm


def seed_paths(corpus: Path) -> list[Path]:
    """The corpus seeds and the desk seeds, in one fixed order."""
    return sorted((corpus / "seeds").glob("*.txt")) + sorted((ROOT / "tests/gold/desk").glob("*/*.txt"))


def article_digest(fields: dict[str, object]) -> str:
    """sha256 of one article's fields, in a canonical JSON form."""
    return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def run(paths: list[Path], passes: int = 1) -> tuple[str, list[float]]:
    """The digest over every article, and the CPU seconds ``extract()`` took over them in each
    pass (the first with cold word caches, as a cold build; later ones warm, as evaluate.py's best)."""
    seeds = [read_seed(p) for p in paths]
    warm()
    cpu: list[float] = []
    for _ in range(passes):
        start = time.process_time()
        results = [extract(seed) for seed in seeds]
        cpu.append(time.process_time() - start)
    # Rows keyed by folder and file name, so the digest does not depend on where the checkout is.
    rows = sorted(f"{Path(s.path).parent.name}/{Path(s.path).name} {article_digest(asdict(r))}"
                  for s, r in zip(seeds, results, strict=True))
    return hashlib.sha256("\n".join(rows).encode()).hexdigest(), cpu


# Stage -> the functions that make it up, as (module, attribute path) where their callers look them up.
STAGES: dict[str, list[tuple[str, str]]] = {
    "tokens": [("dateline.extract.entities", "find_runs")],
    "candidates": [("dateline.extract.entities", "candidates")],
    # The features are worked out and weighed candidate by candidate inside name_scores: timing each
    # small call would cost more than the calls, so the two stages are timed per article, together.
    "evidence": [("dateline.extract.features", "article_evidence")],
    "features+model": [("dateline.extract.entities", "name_scores")],
    "decision": [("dateline.extract.entities", "decide"), ("dateline.extract.entities", "resolve")],
    "places": [("dateline.extract.places", "lookup"), ("dateline.extract.places", "dateline_places")],
    # extract() imports its readers when it runs (a no-op build loads none), so the three below
    # are timed where extract() finds them: in their own modules.
    "tags": [("dateline.extract.tags", "tags")],
    "headline": [("dateline.extract.headline", "compress")],
    "summary": [("dateline.extract.headline", "title_and_summary")],
    "contributors": [("dateline.extract.contributors", "contributors_from_credit")],
}


def stage_seconds(paths: list[Path], warm_pass: bool) -> dict[str, float]:
    """Each stage's CPU seconds, own time only: a stage's timer stops while a stage it calls
    runs. ``warm_pass``: measured on a second pass, the word caches filled by a first untimed one."""
    if warm_pass:
        run(paths)
    own: dict[str, float] = dict.fromkeys(STAGES, 0.0)
    stack: list[list[float]] = []  # per active stage call: time spent in the stages it called

    def timed(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            stack.append([0.0])
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                inner = stack.pop()[0]
                own[stage] += spent - inner
                if stack:
                    stack[-1][0] += spent
        return wrapper

    class TimedModule:
        """A module as one caller sees it (compress, for headline.py): every function of it timed."""
        def __init__(self, module: Any, stage: str) -> None:
            self._module, self._stage = module, stage

        def __getattr__(self, name: str) -> Any:
            value = getattr(self._module, name)
            return timed(self._stage, value) if callable(value) else value

    for stage, targets in STAGES.items():
        for module, path in targets:
            owner: Any = importlib.import_module(module)
            *parents, name = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            value = getattr(owner, name)
            wrapped = TimedModule(value, stage) if inspect.ismodule(value) else timed(stage, value)
            setattr(owner, name, wrapped)
    total = run(paths)[1][0]
    own["other"] = total - sum(own.values())  # extract() itself, and what no stage above names
    own["all"] = total
    return own


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/reuters21578")
    parser.add_argument("--limit", type=int, default=0, help="only the first N seeds (0: all)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile and print the N hottest functions instead of the digest")
    parser.add_argument("--passes", type=int, default=1, help="passes over the seeds (default 1: cold only)")
    parser.add_argument("--stages", action="store_true", help="print each stage's share of CPU time")
    args = parser.parse_args(argv)
    paths = seed_paths(args.corpus)
    if args.limit:
        paths = paths[:args.limit]
    if not paths:
        print(f"no seeds under {args.corpus}/seeds or tests/gold/desk", file=sys.stderr)
        return 1
    if args.stages:
        seconds = stage_seconds(paths, args.passes > 1)
        for stage, spent in seconds.items():
            print(f"{stage:>14} {spent:6.2f} CPU-s {spent / seconds['all']:6.1%}")
        return 0
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, paths)
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)
        return 0
    digest, cpu = run(paths, args.passes)
    print(f"{len(paths)} articles  digest {digest}")
    best = f", best of {len(cpu)} {min(cpu):.2f} CPU-s = {len(paths) / min(cpu):,.0f}" if len(cpu) > 1 else ""
    print(f"extract() first pass {cpu[0]:.2f} CPU-s = {len(paths) / cpu[0]:,.0f} articles per CPU-second"
          + best)
    return 0


if __name__ == "__main__":
    sys.exit(main())
