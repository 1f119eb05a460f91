"""Paired timing of two checkouts in one process: ``python bench/paired_speed.py BASE [--names]``.

Options: ``--limit N`` seeds (default 3,000; 0 for all), ``--rounds R`` (default 8).

Loads BASE's ``dateline`` package and this checkout's side by side (as ``dl_base`` and
``dl_branch``), then alternates their passes of ``extract()`` over the same seeds, the order flipped
each round, and prints both digests (of every field of every article, or with ``--names`` of
``entities.name_scores`` alone), the CPU seconds of each round and the ratio of the least. On a
shared machine whole runs in separate processes vary by a third for the same code; passes taken in
turn in one process see the same load. A base worktree of main:
``git -C ../main worktree add --detach ../wt-base main`` (it needs no environment of its own).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
Job = tuple[Callable[[], list[Any]], Callable[[list[Any]], str]]


def package(root: Path, alias: str) -> Callable[[str], Any]:
    """The ``dateline`` package of checkout ``root``, imported as ``alias``: its modules by name."""
    init = root / "dateline" / "__init__.py"
    spec = importlib.util.spec_from_file_location(alias, init, submodule_search_locations=[str(init.parent)])
    if spec is None or spec.loader is None:
        raise SystemExit(f"no dateline package in {root}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module
    spec.loader.exec_module(module)
    return lambda name: importlib.import_module(f"{alias}.{name}")


def job(root: Path, alias: str, paths: list[Path], names: bool) -> Job:
    """One pass over the seeds with checkout ``root`` and the digest of what it returns."""
    module = package(root, alias)
    seeds = [module("seeds").read_seed(p) for p in paths]
    module("extract.evaluation").warm()
    if not names:
        extract = module("extract").extract
        return (lambda: [extract(s) for s in seeds],
                lambda out: _sha([json.dumps(asdict(r), sort_keys=True, ensure_ascii=False) for r in out]))
    ent, ft = module("extract.entities"), module("extract.features")
    model = module("extract.model").load()
    items = []
    for s in seeds:
        found = ent.candidates(s)[0]
        items.append((found, ft.article_evidence(found, ent.plc.dateline_places(s.dateline), s.text)))
    return (lambda: [ent.name_scores(f, e, model) for f, e in items],
            lambda out: _sha([repr(sorted(d.items())) for d in out]))


def _sha(rows: list[str]) -> str:
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the other checkout (e.g. a worktree of main)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/reuters21578")
    parser.add_argument("--limit", type=int, default=3000, help="only the first N seeds (0: all)")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--names", action="store_true", help="time entities.name_scores alone")
    args = parser.parse_args(argv)
    if not (args.base / "dateline" / "__init__.py").is_file():
        print(f"{args.base}: no dateline package there", file=sys.stderr)
        return 1
    paths = sorted((args.corpus / "seeds").glob("*.txt")) + sorted((ROOT / "tests/gold/desk").glob("*/*.txt"))
    paths = paths[:args.limit] if args.limit else paths
    jobs = {"base": job(args.base.resolve(), "dl_base", paths, args.names),
            "branch": job(ROOT, "dl_branch", paths, args.names)}
    times: dict[str, list[float]] = {"base": [], "branch": []}
    digests: dict[str, str] = {}
    for r in range(args.rounds):
        for side in ("base", "branch") if r % 2 == 0 else ("branch", "base"):
            run, digest = jobs[side]
            start = time.process_time()
            out = run()
            times[side].append(time.process_time() - start)
            digests.setdefault(side, digest(out))
    base, branch = times["base"], times["branch"]
    same = "same" if digests["base"] == digests["branch"] else "DIFFERENT"
    print(f"{len(paths)} articles, digests {digests['base']} / {digests['branch']} ({same})")
    print(f"first pass base {base[0]:.2f} branch {branch[0]:.2f} CPU-s; least base {min(base):.3f} "
          f"branch {min(branch):.3f} = {min(base) / min(branch):.3f}x; sums {sum(base) / sum(branch):.3f}x;"
          " per round " + " ".join(f"{b / n:.2f}" for b, n in zip(base, branch, strict=True)))
    print(f"articles per CPU-second (least): base {len(paths) / min(base):,.0f} "
          f"branch {len(paths) / min(branch):,.0f}")
    return 0 if same == "same" else 2


if __name__ == "__main__":
    sys.exit(main())
