"""Incremental builds: after an edit or a new seed, the site equals a cold build of the same
inputs, file for file and byte for byte; a build renders only what the change reaches."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

from dateline.content import content_files
from tests.conftest import build_project, write_project

# Small pages and shards, so pagination, month shards and letter-range shards all occur.
TOML = "per_page = 3\nfeed_entries = 4\n\n[search]\nshard_max_pages = 4\n"
CITIES = ["GENEVA", "BEIRUT", "LONDON", "PARIS"]
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]


def seed_text(number: int, month: int = 3) -> str:
    day = 1 + number % 27
    lead = f"{WORDS[number % len(WORDS)].title()} report number {number} from the wire"
    return (f" date 2017-{month:02d}-{day:02d} {CITIES[number % len(CITIES)]} -- {lead}.\n\n"
            f"Officials said talks on item {number} would go on. {WORDS[number % 5]} zulu.\n")


def seeds(count: int) -> dict[str, str]:
    return {f"{n:03d}.txt": seed_text(n, month=3 + n % 2) for n in range(count)}


# Pagefind is not byte-deterministic: it writes filter values in hash-map order, so two runs on
# the same pages give filter files with the same bytes in another order, and the hashes naming
# them differ, in their names, in the .pf_meta that lists them (so its name and bytes) and in
# pagefind-entry.json. Filter files are compared as byte multisets, the .pf_meta by presence,
# the entry without its hash. Everything else (page fragments, word indexes) must match exactly.
UNORDERED = re.compile(r"pagefind/(?:[^/]+/)?filter/[^/]+\.pf_filter$")
META = re.compile(r"pagefind/(?:[^/]+/)?pagefind\.[^/]+\.pf_meta$")


def tree(site: Path) -> dict[str, object]:
    out: dict[str, object] = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_dir():
            assert any(path.iterdir()), f"empty folder left behind: {rel}"
            continue
        data = path.read_bytes()
        if META.search(rel):
            out[re.sub(r"_[0-9a-f]+\.pf_", "_*.pf_", rel)] = "present"
        elif UNORDERED.search(rel):
            rel = re.sub(r"_[0-9a-f]+\.pf_", "_*.pf_", rel)
            out.setdefault(rel, [])
            out[rel].append(sorted(gzip.decompress(data)))  # type: ignore[attr-defined]
        elif rel.endswith("pagefind-entry.json"):
            entry = json.loads(data)
            for language in entry["languages"].values():
                language.pop("hash")
            out[rel] = entry
        else:
            out[rel] = data
    # The hashed names order the filter files differently in each run: compare them as a set.
    return {rel: sorted(v) if isinstance(v, list) else v for rel, v in out.items()}


def cold_twin(root: Path, twin: Path, toml: str = TOML) -> Path:
    """A fresh project with the same seeds and content files as ``root``, built from nothing."""
    write_project(twin, {}, extra_toml=toml)
    shutil.copytree(root / "seeds", twin / "seeds", dirs_exist_ok=True)
    shutil.copytree(root / "content", twin / "content")
    build_project(twin)
    return twin


def found_pages(site: Path) -> list[str]:
    """What the search finds: every page Pagefind stored (its text, filters, meta and URL), in
    every shard but for the old versions the edits shard's manifest hides there."""
    manifest = site / "pagefind" / "edits" / "edits.json"
    hidden = json.loads(manifest.read_bytes())["hidden"] if manifest.is_file() else {}
    out = []
    for fragment in site.glob("pagefind/*/fragment/*.pf_fragment"):
        bundle = fragment.parent.parent.relative_to(site).as_posix() + "/"
        if fragment.name.removesuffix(".pf_fragment") not in hidden.get(bundle, {}):
            out.append(gzip.decompress(fragment.read_bytes()).decode())
    return sorted(out)


def holds_edits(site: Path) -> bool:
    manifest = site / "pagefind" / "edits" / "edits.json"
    return manifest.is_file() and bool(json.loads(manifest.read_bytes())["pages"])


def differences(site: Path, cold_site: Path) -> list[str]:
    """Files that differ from a cold build's, or that only one of the two has. While the edits
    shard holds pages (a cold build's holds none) the search bundles differ by design: then
    the search must find the same pages, and the bundles are the same shards."""
    ours, cold = tree(site), tree(cold_site)
    found: list[str] = []
    if holds_edits(site):
        if found_pages(site) != found_pages(cold_site):
            found.append("pagefind/ (the pages the search finds)")
        ours, cold = ({rel: v for rel, v in files.items() if not rel.startswith("pagefind/")
                       or (rel.split("/")[1] not in {"", "edits"} and rel.endswith("pagefind.js"))}
                      for files in (ours, cold))
    found += sorted(set(ours) ^ set(cold))
    return found + [rel for rel in ours if rel in cold and ours[rel] != cold[rel]]


def assert_same_site(root: Path, twin: Path) -> None:
    assert differences(root / "_site", twin / "_site") == []


def set_field(path: Path, name: str, value: str) -> None:
    """Replace a front matter line whatever the extractor put there."""
    text = path.read_text()
    assert re.search(rf"^{name}: .*$", text, re.M)
    path.write_text(re.sub(rf"^{name}: .*$", f"{name}: {value}", text, count=1, flags=re.M))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def edit_name_tag_and_headline(first: Path, second: Path) -> None:
    """A new person and tag on one article, a new headline on another."""
    set_field(first, "people", "[Jane Roe]")
    set_field(first, "tags", "[ceasefire]")
    edit(second, "\ntitle: ", "\ntitle: Amended ")


def test_edits_and_new_seeds_build_the_same_site_as_a_cold_build(tmp_path):
    root = write_project(tmp_path / "a", seeds(14), extra_toml=TOML)
    build_project(root)
    first, second = content_files(root / "content")[:2]

    edit_name_tag_and_headline(first, second)
    _, report = build_project(root)
    assert 0 < report.counts["pages rendered"] < 60
    assert (root / "_site" / "people" / "jane-roe" / "index.html").is_file()
    assert_same_site(root, cold_twin(root, tmp_path / "b"))

    # The person and tag go again, and a new seed opens a month: pages appear, shift and vanish.
    set_field(first, "people", "[]")
    set_field(first, "tags", "[]")
    (root / "seeds" / "900.txt").write_text(seed_text(900, month=5))
    _, report = build_project(root)
    assert not (root / "_site" / "people" / "jane-roe").exists()
    assert (root / "_site" / "2017" / "05" / "index.html").is_file()
    assert_same_site(root, cold_twin(root, tmp_path / "c"))

    # A removed article (seed and content file) takes its page, and its place in lists, with it.
    source = re.search(r"^source: (.+)$", second.read_text(), re.M).group(1)
    (root / "seeds" / source).unlink()
    second.unlink()
    build_project(root)
    assert_same_site(root, cold_twin(root, tmp_path / "d"))


def test_a_one_article_edit_reindexes_only_its_search_shard(tmp_path):
    root = write_project(tmp_path / "a", seeds(14), extra_toml=TOML)
    build_project(root)
    bundles = root / "_site" / "pagefind"
    assert len([p for p in bundles.iterdir() if p.is_dir()]) > 2  # split by month and letter
    [target] = [p for p in content_files(root / "content") if "\ntitle: Golf" in p.read_text()]
    head, body = target.read_text().rsplit("---\n", 1)  # the body only: the summary quotes it too
    target.write_text(f"{head}---\n{body.replace('zulu', 'yankee')}")
    _, report = build_project(root)
    assert report.counts["search shards indexed"] == 1
    assert report.counts["pages changed"] == 1


def test_an_edit_that_reorders_its_day_page_reindexes_only_the_articles_shard(tmp_path):
    """The day page lists its stories longest first, so a longer story moves up on it; that page
    sits in another shard's folder range ('07' among the digits), but Pagefind indexes only
    the pages that mark their body (articles), so only the story's own shard is indexed again."""
    zulu = " date 2017-03-07 LONDON -- Zulu report from the wire.\n\n" + "Officials spoke. " * 12 + "\n"
    root = write_project(tmp_path / "a", seeds(14) | {"901.txt": zulu}, extra_toml=TOML)
    build_project(root)
    day = root / "_site" / "2017" / "03" / "07" / "index.html"
    assert day.read_text().index("Zulu report") < day.read_text().index("Golf report")
    [target] = [p for p in content_files(root / "content") if "\ntitle: Golf" in p.read_text()]
    target.write_text(target.read_text().rstrip("\n") + " Talks went on. " * 20 + "\n")
    _, report = build_project(root)
    assert day.read_text().index("Golf report") < day.read_text().index("Zulu report")
    assert report.counts["pages changed"] >= 2
    assert report.counts["search shards indexed"] == 1
    assert_same_site(root, cold_twin(root, tmp_path / "b"))


def test_a_new_story_reindexes_its_own_shard_not_the_ones_whose_links_to_it_changed(tmp_path):
    """A new story changes its neighbours' and related stories' pages only where Pagefind reads
    nothing (data-pagefind-ignore): the shard of the year before keeps its index."""
    def dated(number: int, day: str) -> str:
        return re.sub(r"date \d{4}-\d\d-\d\d", f"date {day}", seed_text(number), count=1)

    old = {f"{n:03d}.txt": dated(n, f"{2016 + n % 2}-06-{1 + n:02d}") for n in range(10)}
    root = write_project(tmp_path / "a", old, extra_toml="per_page = 3\n")  # a shard a year
    build_project(root)
    newest_2016 = sorted((root / "_site" / "2016" / "06").glob("*/index.html"))
    before = {p: p.read_bytes() for p in newest_2016}
    (root / "seeds" / "900.txt").write_text(dated(900, "2017-01-01"), encoding="utf-8")
    _, report = build_project(root)
    assert [p for p in newest_2016 if p.is_file() and p.read_bytes() != before[p]]  # links changed
    assert report.counts["search shards indexed"] == 1
    assert_same_site(root, cold_twin(root, tmp_path / "b", toml="per_page = 3\n"))


def test_what_pagefind_reads_of_a_page_keeps_filters_inside_ignored_parts():
    from dateline.search import searched_part

    page = (b'<main><article data-pagefind-body><p>Text</p><div data-pagefind-ignore><div>links'
            b'</div><span data-pagefind-filter="tag">Oil</span> more</div><img data-pagefind-ignore'
            b' src="a.png"><p>End</p></article><nav data-pagefind-ignore>Next</nav></main>')
    assert searched_part(page) == (b'<main><article data-pagefind-body><p>Text</p>'
                                   b'<span data-pagefind-filter="tag">Oil<p>End</p></article></main>')


def test_a_changed_template_rerenders_every_page_that_uses_it(tmp_path):
    root = write_project(tmp_path / "a", seeds(6), extra_toml=TOML)
    templates = tmp_path / "templates"
    shutil.copytree(Path(__file__).resolve().parent.parent / "templates", templates)
    toml = (root / "site.toml").read_text()
    (root / "site.toml").write_text(re.sub(r'templates = "[^"]*"', f'templates = "{templates}"', toml))
    build_project(root)
    assert list((root / ".dateline-cache" / "templates").iterdir())  # compiled, kept for the next build
    edit(templates / "macros.html", "Skip to content", "Skip to the story")
    build_project(root)  # which compiles the edited template again, not the kept one
    pages = list((root / "_site").rglob("index.html"))
    assert pages and all("Skip to the story" in p.read_text() for p in pages)


def test_edits_past_the_edits_shards_room_are_folded_back_into_their_shards(tmp_path):
    """The edits shard holds at most search.edits_max_pages pages: the edit past it indexes
    again the shards of every page it held, and leaves it empty, as a cold build has it."""
    toml = TOML + "edits_max_pages = 1\n"
    root = write_project(tmp_path / "a", seeds(14), extra_toml=toml)
    build_project(root)
    first, second = content_files(root / "content")[:2]
    edit(first, "\ntitle: ", "\ntitle: Amended ")
    _, report = build_project(root)
    assert report.counts["search shards indexed"] == 1
    assert json.loads((root / "_site" / "pagefind" / "edits" / "edits.json").read_bytes())["pages"]
    edit(second, "\ntitle: ", "\ntitle: Amended ")
    _, report = build_project(root)
    assert report.counts["search shards indexed"] >= 2  # the stories' shard(s) and the edits shard
    assert not holds_edits(root / "_site")
    cold = cold_twin(root, tmp_path / "b", toml=toml)
    assert tree(root / "_site") == tree(cold / "_site")  # the search bundles too, byte for byte


def test_turning_the_edits_shard_off_indexes_again_the_shards_it_hid_pages_in(tmp_path):
    root = write_project(tmp_path / "a", seeds(14), extra_toml=TOML)
    build_project(root)
    edit(content_files(root / "content")[0], "\ntitle: ", "\ntitle: Amended ")
    build_project(root)
    assert holds_edits(root / "_site")
    toml = TOML + "edits_max_pages = 0\n"
    (root / "site.toml").write_text((root / "site.toml").read_text() + "edits_max_pages = 0\n")
    build_project(root)
    assert not (root / "_site" / "pagefind" / "edits").exists()
    cold = cold_twin(root, tmp_path / "b", toml=toml)
    assert tree(root / "_site") == tree(cold / "_site")  # no shard keeps the story's old version
