"""Keeps extraction scores from sliding back: thresholds a little below what the scorer reports.

Local gold items (the seed, tests/gold/written) always run; Reuters gold items and the manifest
check run only when ../shared/corpus/reuters21578 is present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.extract import evaluation as ev
from dateline.extract import extract
from dateline.extract.tags import tag_key
from dateline.seeds import read_seed

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ev.CORPUS
HAS_CORPUS = (CORPUS / "seeds").is_dir()

# field -> (min precision, min recall)
LOCAL_FLOOR = {"people": (0.95, 0.90), "places": (0.90, 0.90), "organizations": (0.85, 0.80)}
MANIFEST_FLOOR = {"people": (0.77, 0.94), "places": (0.72, 0.95), "organizations": (0.80, 0.90)}
# Every labelled split, a little under what bench/evaluate.py reports; held-out ones are never trained on
# (tests/gold/README.md), so these floors are what the model is expected to do on news it has not seen.
SPLIT_FLOORS = {
    "dev": {"people": (0.97, 0.94), "places": (0.97, 0.97), "organizations": (0.93, 0.93)},
    "test": {"people": (0.97, 0.97), "places": (0.97, 0.94), "organizations": (0.96, 0.97)},
    "holdout": {"people": (0.97, 0.85), "places": (0.94, 0.91), "organizations": (0.86, 0.91)},
    "audit2": {"people": (0.97, 0.92), "places": (0.95, 0.95), "organizations": (0.81, 0.92)},
    "heldout-desk": {"people": (0.93, 0.90), "places": (0.93, 0.88), "organizations": (0.86, 0.86)},
    "heldout-desk10t": {"people": (0.95, 0.88), "places": (0.92, 0.96), "organizations": (0.90, 0.86)},
    "heldout-wikinews": {"people": (0.89, 0.83), "places": (0.81, 0.85), "organizations": (0.73, 0.65)},
    "heldout-gum": {"people": (0.86, 0.79), "places": (0.75, 0.78), "organizations": (0.56, 0.53)},
    "heldout-uner": {"people": (0.81, 0.35), "places": (0.75, 0.90), "organizations": (0.42, 0.20)},
    "heldout-wikigold": {"people": (0.81, 0.70), "places": (0.79, 0.50), "organizations": (0.45, 0.36)},
}


def _score(items: list[ev.GoldItem]) -> dict[str, ev.Score]:
    scores = {f: ev.Score() for f in ev.FIELDS}
    for item in items:
        got = extract(read_seed(item.file))
        for f in ev.FIELDS:
            key = ev.person_key if f == "people" else ev.norm
            scores[f].add(ev.compare(getattr(got, f), item.labels[f], key, Path(item.file).name))
    return scores


def _check(scores: dict[str, ev.Score], floor: dict[str, tuple[float, float]]) -> None:
    for f, (p, r) in floor.items():
        s = scores[f]
        assert s.precision >= p and s.recall >= r, (f, round(s.precision, 3), round(s.recall, 3), s.errors)


def test_gold_set_has_enough_articles():
    rows = (ROOT / "tests/gold/reuters.jsonl").read_text().splitlines()
    rows += (ROOT / "tests/gold/local.jsonl").read_text().splitlines()
    assert len(rows) >= 40
    assert {json.loads(r)["split"] for r in rows} == {"dev", "test", "holdout", "audit2"}
    desk = (ROOT / "tests/gold/desk_heldout.jsonl").read_text().splitlines()
    assert len(desk) >= 45 and {json.loads(r)["split"] for r in desk} == {"heldout-desk"}


def test_local_gold_items():
    items = [i for i in ev.load_gold(ROOT, corpus=Path("/nonexistent"))]
    assert len(items) >= 7
    _check(_score(items), LOCAL_FLOOR)


@pytest.fixture(scope="module")
def labelled() -> dict[str, list[ev.GoldItem]]:
    groups: dict[str, list[ev.GoldItem]] = {}
    for item in ev.load_labelled(ROOT):
        groups.setdefault(item.split, []).append(item)
    return groups


def test_held_out_splits_are_never_trained_on(labelled):
    assert not set(SPLIT_FLOORS) - {"dev", "test"} & ev.TRAIN_SPLITS
    trained = {Path(i.file).name for split in ev.TRAIN_SPLITS for i in labelled.get(split, [])}
    held = {Path(i.file).name for split, items in labelled.items() if split not in ev.TRAIN_SPLITS
            for i in items}
    assert not trained & held


@pytest.mark.parametrize("split", sorted(SPLIT_FLOORS))
def test_split_floor(split, labelled):
    items = labelled.get(split, [])
    if not items:
        assert split not in ("dev", "heldout-desk"), "the repository's own gold must always be there"
        pytest.skip(f"{split}: its texts are in ../shared, not present")
    _check(_score(items), SPLIT_FLOORS[split])


@pytest.mark.skipif(not HAS_CORPUS, reason="Reuters corpus not present")
def test_reuters_manifest_held_out():
    """Odd-NEWID articles outside the gold set, scored against Reuters' own labels."""
    gold_files = {json.loads(x)["file"] for x in (ROOT / "tests/gold/reuters.jsonl").read_text().splitlines()}
    rows = [json.loads(x) for x in (CORPUS / "manifest.jsonl").read_text().splitlines()]
    vocabulary = {p for r in rows for p in r["people"]}
    scores = {f: ev.Score() for f in ev.FIELDS}
    for row in rows:
        if row["newid"] % 2 == 0 or row["file"] in gold_files:
            continue
        if not (row["people"] or row["orgs"]) and row["newid"] % 6 != 1:
            continue  # a third of the place-only articles keeps the test fast
        got = extract(read_seed(CORPUS / "seeds" / row["file"]))
        if row["people"]:
            scores["people"].add(ev.set_score(ev.reuters_people(got.people, vocabulary), set(row["people"])))
        if row["places"]:
            scores["places"].add(ev.set_score(ev.reuters_places(got.places), set(row["places"])))
        if row["orgs"]:
            scores["organizations"].add(ev.set_score(ev.reuters_orgs(got.organizations), set(row["orgs"])))
    _check(scores, MANIFEST_FLOOR)


@pytest.mark.skipif(not HAS_CORPUS, reason="Reuters corpus not present")
def test_every_tenth_corpus_article_extracts_within_limits():
    """No crash on real wire text, and the shape editors rely on: 1-8 tags, short titles."""
    for path in sorted((CORPUS / "seeds").glob("*.txt"))[::10]:
        got = extract(read_seed(path))
        assert len(got.title) <= 91 and len(got.summary) <= 300, path.name
        assert len(got.tags) <= 8 and len(set(got.people)) == len(got.people), path.name
        # places are browsed on place pages: a tag never repeats one; one tag per spelling key
        assert not set(got.tags) & set(got.places), (path.name, got.tags, got.places)
        assert len({tag_key(t) for t in got.tags}) == len(got.tags), (path.name, got.tags)


# Every fifth corpus article: share with 3-8 tags (83.5% over the whole corpus when set), and tags
# against Reuters TOPICS on the odd-NEWID (held-out) ones among them (P 0.724, R 0.855 on all odd).
TAGS_IN_RANGE_FLOOR = 0.80
TOPICS_FLOOR = (0.70, 0.83)


@pytest.mark.skipif(not HAS_CORPUS, reason="Reuters corpus not present")
def test_tag_counts_and_reuters_topics():
    rows = [json.loads(x) for x in (CORPUS / "manifest.jsonl").read_text().splitlines()][::5]
    in_range, score = 0, ev.Score()
    for row in rows:
        got = extract(read_seed(CORPUS / "seeds" / row["file"]))
        in_range += 3 <= len(got.tags) <= 8
        if row["topics"] and row["newid"] % 2:
            score.add(ev.topic_score(got.tags, row["topics"]))
    assert in_range / len(rows) >= TAGS_IN_RANGE_FLOOR, (in_range, len(rows))
    assert score.precision >= TOPICS_FLOOR[0] and score.recall >= TOPICS_FLOOR[1], score


@pytest.mark.skipif(not HAS_CORPUS, reason="Reuters corpus not present")
def test_people_precision_audit():
    """Names on 103 hand-checked held-out articles: anything not vouched for counts as wrong."""
    right = wrong = 0
    for line in (ROOT / "tests/gold/people_audit.jsonl").read_text().splitlines():
        row = json.loads(line)
        got = extract(read_seed(CORPUS / "seeds" / row["file"]))
        right += sum(p in row["people_ok"] for p in got.people)
        wrong += sum(p not in row["people_ok"] for p in got.people)
    assert right / (right + wrong) >= 0.87, (right, wrong)


def test_scorer_command_runs(capsys):
    """``python bench/evaluate.py`` is the command editors and CI run; keep it working."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "bench" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--split", "heldout-desk", "--no-manifest", "--no-speed"]) == 0
    out = capsys.readouterr().out
    assert "Gold set: heldout-desk (" in out and "heldout-desk / sports-results" in out and "F1" in out


def test_uner_train_split_follows_its_sampling_rule():
    """tests/gold/README.md: every uner-pud snippet (000-214) that heldout-uner does not hold,
    labelled by hand (not yet trained on: the retrain with them is not shipped, see the README)."""
    rows = [json.loads(r) for r in (ROOT / "tests/gold/uner_train.jsonl").read_text().splitlines()]
    numbers = [int(Path(r["file"]).name.split("_", 1)[0]) for r in rows]
    assert numbers == [n for n in range(215) if n not in ev.UNER_HELDOUT]
    assert {r["split"] for r in rows} == {"train-uner-hand"}


def test_stage_timer_finds_every_stage_where_extract_looks_it_up() -> None:
    # The stage timer patches functions where their callers find them: when extract() moved its
    # reader imports inside itself, the timer looked in the old place and failed at start.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "bench" / "extract_digest.py"), "--stages",
                           "--limit", "4", "--corpus", str(ROOT / "no-corpus-here")],
                          check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shares = {line.split()[0]: float(line.split()[1]) for line in done.stdout.splitlines()}
    assert set(shares) >= {"tokens", "candidates", "headline", "summary", "tags", "all"}
    assert shares["all"] > 0
