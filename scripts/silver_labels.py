"""Silver labels for the entity model, as tests/gold/silver_reuters.jsonl.

What the rule extractor of commit 8fd3799 (people precision 1.000 on the 103-article hand audit)
read in every 8th even-NEWID Reuters 1987 article outside the gold and audit sets. It teaches the
model to keep what the rules did well on 1987 business wire, while the hand labels of other kinds
teach it the rest. Run from a checkout of that commit, beside ../shared:
    git worktree add /tmp/old 8fd3799 && cd /tmp/old && python /path/to/scripts/silver_labels.py OUT.jsonl
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, ".")

from dateline.extract import extract
from dateline.seeds import read_seed


def lines(path: str | Path) -> list[str]:
    return Path(path).read_text(encoding="utf-8").splitlines()


corpus = Path("../shared/corpus/reuters21578")
gold = {json.loads(x)["file"] for f in ("tests/gold/reuters.jsonl", "tests/gold/people_audit.jsonl")
        for x in lines(f)}
rows = [json.loads(x) for x in lines(corpus / "manifest.jsonl")]
out = []
for k, row in enumerate(r for r in rows if r["newid"] % 2 == 0):
    if k % 8 or row["file"] in gold:
        continue
    got = extract(read_seed(corpus / "seeds" / row["file"]))
    out.append({"file": row["file"], "split": "silver-1987", "people": got.people, "places": got.places,
                "organizations": got.organizations})
Path(sys.argv[1]).write_text("".join(json.dumps(o) + "\n" for o in out), encoding="utf-8")
print(len(out))
