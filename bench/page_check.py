"""Draw person and organization pages of a 1987 archive for a reader to check by hand.

``python bench/page_check.py [--seed 19873] [--people 40] [--orgs 30]``, from the repository root with
``../shared/corpus/reuters21578`` beside it. The archive: the first 2,000 held-out (odd NEWID) Reuters
seeds whose file number k has k % 3 == 0, each extracted as a build does, then the archive-wide names
as the site model makes them (``archive.local_bodies``, ``canonical_people`` with the articles'
organizations, roles and places, ``canonical_organizations`` with the people). Pages are drawn with
``random.Random(seed)`` from the sorted page names; each is printed with its forms, its article
count, the text around its first two mentions and, for an organization, the other pages that share
its first word (a split).
Nothing is judged here: a reader marks each page right, wrong or split.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

extract = importlib.import_module("dateline.extract").extract
archive = importlib.import_module("dateline.extract.archive")
read_seed = importlib.import_module("dateline.seeds").read_seed
CORPUS = ROOT / ".." / "shared" / "corpus" / "reuters21578"


def archive_files(size: int = 2000) -> list[str]:
    rows = [json.loads(line) for line in (CORPUS / "manifest.jsonl").open(encoding="utf-8")]
    return [r["file"] for r in rows if r["newid"] % 2 == 1 and int(r["file"][:5]) % 3 == 0][:size]


Pages = dict[str, list[tuple[str, str, str]]]  # page name -> (file, name as the article wrote it, text)


def pages(files: list[str]) -> tuple[Pages, Pages]:
    """The archive's person pages and organization pages."""
    seeds = [read_seed(CORPUS / "seeds" / f) for f in files]
    found = [extract(s) for s in seeds]
    renames = archive.local_bodies([x.organizations for x in found], [x.places for x in found])
    orgs = [[names.get(o, o) for o in x.organizations] for x, names in zip(found, renames, strict=True)]
    people_map = archive.canonical_people([x.people for x in found], None, orgs, [x.roles for x in found],
                                          [x.places for x in found])
    org_map = archive.canonical_organizations(orgs, None, {p for x in found for p in x.people})
    people: Pages = defaultdict(list)
    bodies: Pages = defaultdict(list)
    for f, seed, x, names in zip(files, seeds, found, orgs, strict=True):
        for p in x.people:
            if people_map.get(p):
                people[people_map[p]].append((f, p, seed.text))
        for o in names:
            if org_map.get(o):
                bodies[org_map[o]].append((f, o, seed.text))
    return people, bodies


def around(text: str, name: str) -> str:
    """The text around the first mention of a name (of its bare form, for 'Central Bank (Brazil)')."""
    bare = name.split(" (", 1)[0]
    at = text.find(bare)
    if at < 0:
        at = text.find(bare.split()[-1])
    return re.sub(r"\s+", " ", text[max(0, at - 90):at + len(bare) + 90]) if at >= 0 else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=19873)
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--orgs", type=int, default=30)
    args = parser.parse_args(argv)
    if not (CORPUS / "manifest.jsonl").exists():
        print(f"no corpus at {CORPUS}: the page check reads the Reuters seeds there", file=sys.stderr)
        return 2
    people, bodies = pages(archive_files())
    rng = random.Random(args.seed)
    for label, found, n in (("PERSON", people, args.people), ("ORG", bodies, args.orgs)):
        names = sorted(found)
        print(f"== {label} pages: {len(names)}; drawn {n} with random.Random({args.seed})")
        for name in rng.sample(names, n):
            hits = found[name]
            print(f"-- {name!r}  articles={len(hits)} forms={sorted({h[1] for h in hits})}")
            for f, written, text in hits[:2]:
                print(f"     {f}: ...{around(text, written)}...")
            if label == "ORG":
                first = name.split()[0]
                siblings = [o for o in names if o != name and o.split()[0] == first][:6]
                if siblings:
                    print(f"     same first word: {siblings}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
