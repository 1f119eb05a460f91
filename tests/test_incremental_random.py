"""Incremental builds under random change: seeded sequences of new seeds, removed articles,
edited bodies and front matter, edited templates and settings; after each step the project's
site must equal a cold build of the same inputs, byte for byte (as test_incremental compares).

Seeded and bounded: each sequence stops after STEPS steps or BUDGET seconds, whichever comes
first. DATELINE_RANDOM_SEEDS="1,2,3" replays or widens the search; a failure names the seed and
the steps that led to it."""

from __future__ import annotations

import os
import random
import re
import shutil
import time
from pathlib import Path

import pytest

from dateline.content import content_files
from tests.conftest import REPO, build_project, write_project
from tests.test_incremental import CITIES, TOML, WORDS, tree

SEEDS = [int(s) for s in os.environ.get("DATELINE_RANDOM_SEEDS", "11,23").split(",")]
STEPS = 10
BUDGET = 25.0  # seconds per sequence, so the suite stays quick on a shared two-core machine
PEOPLE = ["Jane Roe", "John Doe", "Ana Lopez", "Kofi Mensah"]
TAGS = ["ceasefire", "elections", "trade", "oil"]
# Template edits a newsroom might make, each a (file, old, new) replacement in the shipped text;
# the second makes a term page read the whole model, which the shipped one does not.
TEMPLATE_EDITS = [
    ("macros.html", "Skip to content", "Skip to the story"),
    ("term.html", "<h1>{{ term.name }}</h1>",
     "<h1>{{ term.name }}</h1><p>one of {{ site.articles|length }}: {{ site.articles[0].title }}</p>"),
    ("macros.html", "&larr; Newer", "&larr; More recent"),
    ("feed.xml", "<author><name>{{ settings.publisher }}</name></author>",
     "<author><name>{{ settings.publisher }} ({{ site.articles|length }})</name></author>"),
]
SETTINGS = {"per_page": [2, 3, 5], "feed_entries": [2, 4], "home_articles": [3, 20],
            "min_tag_articles": [1, 2]}


class Project:
    """A project whose inputs change at random; ``log`` says what was done, to replay a failure."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        self.log: list[str] = []
        self.next_seed = 0
        self.settings = {"per_page": 3, "feed_entries": 4, "home_articles": 20, "min_tag_articles": 2}
        self.title = "Test Archive"
        self.edits: list[int] = []  # TEMPLATE_EDITS in force: none means the shipped templates
        self.extract = ""  # an [extract] section: editors' levers that re-read every seed
        write_project(root, {})
        for _ in range(6):
            self.add_seed()
        self.write_settings()

    # --- the inputs ---------------------------------------------------------------------

    def write_settings(self) -> None:
        templates = self.root / "templates" if self.edits else REPO / "templates"
        build = "".join(f"{k} = {v}\n" for k, v in self.settings.items())
        (self.root / "site.toml").write_text(
            f'[site]\nbase_url = "http://127.0.0.1/"\ntitle = "{self.title}"\n\n'
            f'[paths]\ntemplates = "{templates}"\nstatic = "{REPO / "static"}"\n\n'
            f"[build]\nworkers = 2\n{build}\n" + TOML.split("\n\n", 1)[1] + self.extract,
            encoding="utf-8")

    def add_seed(self) -> None:
        number = self.next_seed
        self.next_seed += 1
        rng = self.rng
        year, month, day = rng.choice([2016, 2017]), rng.randint(1, 3), rng.randint(1, 28)
        person = rng.choice(PEOPLE)
        text = (f" date {year}-{month:02d}-{day:02d} {rng.choice(CITIES)} -- "
                f"{rng.choice(WORDS).title()} talks number {number} went on, {person} said.\n\n"
                f"Officials said item {number} on {rng.choice(TAGS)} would wait. {rng.choice(WORDS)}.\n")
        (self.root / "seeds" / f"{number:03d}.txt").write_text(text, encoding="utf-8")
        self.log.append(f"add seed {number:03d}: {year}-{month:02d}-{day:02d}")

    def files(self) -> list[Path]:
        return content_files(self.root / "content")

    def remove_article(self) -> None:
        if len(self.files()) < 3:
            return self.add_seed()
        target = self.rng.choice(self.files())
        named = re.search(r"^source: (.+)$", target.read_text(encoding="utf-8"), re.M)
        assert named, f"{target} names no source"
        source = named.group(1)
        (self.root / "seeds" / source).unlink()
        target.unlink()
        self.log.append(f"remove {source} and its content file")

    def edit_seed(self) -> None:
        """The wire resends a story: its content file follows, unless an editor changed it."""
        target = self.rng.choice(sorted((self.root / "seeds").iterdir()))
        with target.open("a", encoding="utf-8") as out:
            out.write(f"\nTalks resumed on day {self.rng.randint(1, 99)}, {self.rng.choice(PEOPLE)} said.\n")
        self.log.append(f"edit seed {target.name}")

    def edit_body(self) -> None:
        target = self.rng.choice(self.files())
        with target.open("a", encoding="utf-8") as out:
            out.write(f"\nA correction, number {self.rng.randint(1, 999)}, was added.\n")
        self.log.append(f"edit body of {target.name}")

    def edit_front_matter(self) -> None:
        target = self.rng.choice(self.files())
        field, value = self.rng.choice([
            ("title", f"Amended headline {self.rng.randint(1, 999)}"),
            ("people", f"[{', '.join(self.rng.sample(PEOPLE, self.rng.randint(0, 2)))}]"),
            ("tags", f"[{', '.join(self.rng.sample(TAGS, self.rng.randint(0, 2)))}]"),
            ("places", f"[{self.rng.choice(['Geneva', 'Beirut', 'Oslo'])}]"),
        ])
        text = target.read_text(encoding="utf-8")
        target.write_text(re.sub(rf"^{field}: .*$", f"{field}: {value}", text, count=1, flags=re.M),
                          encoding="utf-8")
        self.log.append(f"set {field}: {value} in {target.name}")

    def edit_templates(self) -> None:
        choice = self.rng.randrange(len(TEMPLATE_EDITS) + 1)
        if choice == len(TEMPLATE_EDITS):
            self.edits = []  # back to the shipped templates
        elif choice not in self.edits:
            self.edits.append(choice)
        folder = self.root / "templates"
        shutil.rmtree(folder, ignore_errors=True)
        if self.edits:
            shutil.copytree(REPO / "templates", folder)
            for index in self.edits:
                name, old, new = TEMPLATE_EDITS[index]
                text = (folder / name).read_text(encoding="utf-8")
                assert old in text, f"TEMPLATE_EDITS is out of date with templates/{name}"
                (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
        self.write_settings()
        self.log.append(f"templates: {[TEMPLATE_EDITS[i][0] for i in self.edits] or 'shipped'}")

    def change_settings(self) -> None:
        roll = self.rng.random()
        if roll < 0.15:
            dropped, person = self.rng.choice(TAGS), self.rng.choice(PEOPLE)
            self.extract = (f'\n[extract]\nnot_tags = ["{dropped}"]\n'
                            f'aliases = {{"{person.split()[1]}" = "{person}"}}\n')
            self.log.append(f"[extract] not_tags {dropped}, alias for {person}")
        elif roll < 0.3:
            self.title = f"Archive {self.rng.randint(1, 99)}"
            self.log.append(f"title = {self.title}")
        else:
            key = self.rng.choice(sorted(SETTINGS))
            self.settings[key] = self.rng.choice(SETTINGS[key])
            self.log.append(f"{key} = {self.settings[key]}")
        self.write_settings()

    def step(self) -> None:
        actions = [self.add_seed, self.add_seed, self.remove_article, self.edit_seed, self.edit_body,
                   self.edit_front_matter, self.edit_front_matter, self.edit_templates,
                   self.change_settings]
        self.rng.choice(actions)()

    # --- the check ----------------------------------------------------------------------

    def cold_twin(self, twin: Path) -> Path:
        """The same inputs in a new folder, built from nothing (no cache, no site)."""
        shutil.rmtree(twin, ignore_errors=True)
        twin.mkdir(parents=True)
        for name in ("seeds", "content", "templates"):
            if (self.root / name).is_dir():
                shutil.copytree(self.root / name, twin / name)
        toml = (self.root / "site.toml").read_text(encoding="utf-8")
        (twin / "site.toml").write_text(toml.replace(str(self.root / "templates"), str(twin / "templates")),
                                        encoding="utf-8")
        build_project(twin)
        return twin


@pytest.mark.parametrize("seed", SEEDS)
def test_random_changes_build_the_same_site_as_a_cold_build(tmp_path, seed):
    project = Project(tmp_path / "a", random.Random(seed))
    build_project(project.root)
    started = time.monotonic()
    for number in range(STEPS):
        if time.monotonic() - started > BUDGET:
            break
        project.step()
        build_project(project.root)
        twin = project.cold_twin(tmp_path / "cold")
        ours, cold = tree(project.root / "_site"), tree(twin / "_site")
        differ = sorted(set(ours) ^ set(cold))
        differ += [rel for rel in ours if rel in cold and ours[rel] != cold[rel]]
        assert differ == [], (f"seed {seed}, after step {number + 1}: {len(differ)} file(s) differ from a "
                              f"cold build, e.g. {differ[:5]}; steps: " + "; ".join(project.log))


# --- the two dependencies the random test found, each on its own -------------------------

def test_a_new_article_updates_the_count_on_the_home_and_dates_pages_only(tmp_path):
    """The count lives on the two pages that describe the archive; the masthead on every page
    gives the years covered, so a new story of a covered year re-renders what it reaches."""
    from tests.test_incremental import seed_text, seeds

    root = write_project(tmp_path / "a", seeds(12), extra_toml="per_page = 3\n")  # one shard a year
    build_project(root)
    site = root / "_site"
    untouched = {rel: (site / rel).stat().st_ino for rel in ("404.html", "search/index.html")}
    (root / "seeds" / "900.txt").write_text(seed_text(900), encoding="utf-8")
    build_project(root)
    for page in (site / "index.html", site / "archive" / "index.html"):
        assert '<p class="meta">13 articles, 2017-03-01 to 2017-04-' in page.read_text(encoding="utf-8")
    pages = list(site.rglob("*.html"))
    assert all('<p class="edition">Archive &middot; 2017</p>' in p.read_text(encoding="utf-8")
               for p in pages if not p.is_relative_to(site / "pagefind"))
    assert {rel: (site / rel).stat().st_ino for rel in untouched} == untouched  # not written again


def test_a_newsroom_template_that_reads_the_whole_archive_is_rendered_again(tmp_path):
    """A term page made to name the newest article follows its headline, on every term's page."""
    from tests.test_incremental import seeds

    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    name, old, new = TEMPLATE_EDITS[1]
    (templates / name).write_text((templates / name).read_text(encoding="utf-8").replace(old, new, 1),
                                  encoding="utf-8")
    root = write_project(tmp_path / "a", seeds(5), extra_toml=TOML)
    toml = (root / "site.toml").read_text(encoding="utf-8")
    (root / "site.toml").write_text(toml.replace(str(REPO / "templates"), str(templates)), encoding="utf-8")
    build_project(root)
    place_pages = [p for p in (root / "_site" / "places").rglob("index.html") if p.parent.name != "places"]
    newest = re.search(r"one of 5: (.+?)</p>", place_pages[0].read_text(encoding="utf-8")).group(1)
    [target] = [p for p in content_files(root / "content") if f"\ntitle: {newest}\n" in p.read_text()]
    text = target.read_text(encoding="utf-8").replace(f"\ntitle: {newest}\n", "\ntitle: A new headline\n")
    target.write_text(text, encoding="utf-8")
    build_project(root)
    assert len(place_pages) > 1
    assert [p.parent.name for p in place_pages
            if "one of 5: A new headline" not in p.read_text(encoding="utf-8")] == []
