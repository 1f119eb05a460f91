"""Train the headline keep model: ``python scripts/train_headline_keep.py`` rewrites
dateline/extract/headline_keep.json.

Examples are the phrases after the verb of each training lead (Reuters 1987 lead/title pairs with an
even NEWID outside the tenth round's dev sample, and the desk_train headlines; tests/gold/README.md,
thirteenth round): the lead is compressed as the headline writer would before trimming, cut into
phrases where one opens (a preposition, a comma, a relative), and a phrase counts as kept when most
of its content words are in the agency's own title. The model is the smoothed keep rate of each
phrase role (its opener, whether it carries a figure or a name). Deterministic: same data, same file.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

read_seed = importlib.import_module("dateline.seeds").read_seed
hl = importlib.import_module("dateline.extract.headline")
hq = importlib.import_module("dateline.extract.headline_quality")
keep = importlib.import_module("dateline.extract.headline_keep")

CORPUS = ROOT / ".." / "shared" / "corpus" / "reuters21578"
DEV_EVERY, DEV_AT, DEV_FIRST = 100, 25, 40  # the tenth round's dev sample: never trained on


def train_pairs(corpus: Path) -> list[tuple[str, str]]:
    """(lead sentence, agency title) of every training article."""
    rows = [json.loads(x) for x in (corpus / "manifest.jsonl").read_text().splitlines() if x.strip()]
    even = [r for r in rows if r["newid"] % 2 == 0]
    dev = {r["file"] for k, r in enumerate(even) if k % DEV_EVERY == DEV_AT}
    dev = set(sorted(dev, key=[r["file"] for r in even].index)[:DEV_FIRST])
    pairs = []
    for row in even:
        if row["file"] in dev or not row.get("title"):
            continue
        lead = _lead(corpus / "seeds" / row["file"])
        if lead:
            pairs.append((lead, row["title"]))
    desk = ROOT / "tests" / "gold" / "desk_train.jsonl"
    for line in desk.read_text().splitlines():
        row = json.loads(line)
        if row.get("headline") and (ROOT / row["file"]).is_file():
            lead = _lead(ROOT / row["file"])
            if lead:
                pairs.append((lead, row["headline"]))
    return pairs


def _lead(path: Path) -> str:
    seed = read_seed(path)
    prose = hl._from_story(seed.paragraphs)
    parts = hl.sentences(hl._clean(hl._lead(prose))) if prose else []
    return hl.spell_out(parts[0]) if parts and len(parts[0]) > 60 else ""


def counts(pairs: list[tuple[str, str]]) -> tuple[Counter[str], Counter[str]]:
    seen: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for lead, title in pairs:
        words = hq.content_words(title)
        for phrase, before in keep.phrases(lead):
            mine = hq.content_words(phrase)
            if not mine:
                continue
            role = keep.role(phrase, before)
            seen[role] += 1
            kept[role] += 2 * len(mine & words) >= len(mine)
    return seen, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print each role's count and keep rate")
    args = parser.parse_args()
    seen, kept = counts(train_pairs(CORPUS))
    prior = sum(kept.values()) / max(1, sum(seen.values()))
    # Smoothed toward the overall rate: a rare role says little on its own.
    rates = {r: round((kept[r] + 5 * prior) / (seen[r] + 5), 4) for r in sorted(seen)}
    (ROOT / "dateline" / "extract" / "headline_keep.json").write_text(
        json.dumps({"prior": round(prior, 4), "rates": rates}, indent=1, sort_keys=True) + "\n")
    if args.show:
        for r in sorted(seen, key=lambda x: -seen[x]):
            print(f"{r:24} {seen[r]:6} {rates[r]:.3f}")
        print(f"prior {prior:.3f} over {sum(seen.values())} phrases")


if __name__ == "__main__":
    main()
