"""Shared fixtures: throwaway archive projects, the shared Reuters corpus, a local server
under a subpath, and headless Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dateline.config import Settings, load_settings
from dateline.pipeline import build
from dateline.report import Report
from dateline.serve import make_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Page

    from dateline.article import Article

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_6536ac6bf97a6d7c.txt"
CORPUS = REPO.parent / "shared" / "corpus" / "reuters21578"
SUBPATH = "/repo/"
CHROMIUM = "/usr/bin/chromium"


def corpus_seeds(count: int, step: int = 1) -> list[Path]:
    """Every ``step``-th Reuters seed, up to ``count``; empty when the corpus is not beside the repo."""
    folder = CORPUS / "seeds"
    if not folder.is_dir():
        return []
    return sorted(folder.iterdir())[::step][:count]


def write_project(root: Path, seeds: list[Path] | Mapping[str, str | bytes], base_url: str = "http://127.0.0.1/",
                  extra_toml: str = "") -> Path:
    """A project folder with its own seeds/ and site.toml, using the repo's templates and static."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    if isinstance(seeds, Mapping):
        for name, data in seeds.items():
            target = root / "seeds" / name
            target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    else:
        for seed in seeds:
            shutil.copyfile(seed, root / "seeds" / seed.name)
    (root / "site.toml").write_text(
        f'[site]\nbase_url = "{base_url}"\ntitle = "Test Archive"\n\n'
        f'[paths]\ntemplates = "{REPO / "templates"}"\nstatic = "{REPO / "static"}"\n'
        f"[build]\nworkers = 2\n{extra_toml}", encoding="utf-8")
    return root


def as_from_a_terminal() -> None:
    """``preexec_fn`` for a child a test will Ctrl-C: Ctrl-C works on it as on one started from a
    terminal. A shell runs a background job (``pytest ... &``) with SIGINT ignored, and a child
    inherits that, so without this a Ctrl-C test hangs only when the suite runs in the background."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def calls_to(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """One entry per call of ``owner.name`` from now on; the real function still runs."""
    calls: list[int] = []
    real = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def build_project(root: Path, **overrides: object) -> tuple[Settings, Report]:
    settings = load_settings(root / "site.toml", **overrides)
    report = Report(quiet=True)
    build(settings, report)
    return settings, report


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    return lambda seeds, **kw: write_project(tmp_path / "archive", seeds, **kw)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed plus a few hundred Reuters articles spread over the corpus, built for /repo/."""
    root = write_project(tmp_path_factory.mktemp("sample"), [SEED, *corpus_seeds(300, step=40)],
                         base_url=f"https://example.org{SUBPATH}")
    build_project(root)
    return root


@pytest.fixture(scope="session")
def served(sample_site: Path) -> Iterator[str]:
    """The sample site on a local HTTP server under the subpath; yields its root URL."""
    server = make_server(sample_site / "_site", SUBPATH, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright. CI installs it; a missing browser is a failure."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run the README's test command, which installs it")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


# What each open tab's scripts did, kept beside the tab rather than on it, so the tab stays a
# plain typed Page: uncaught errors from the moment it opens, and messages of dialogs it opened.
_SCRIPT_ERRORS: dict[int, list[str]] = {}
_DIALOGS: dict[int, list[str]] = {}


def script_errors(tab: Page) -> list[str]:
    """The uncaught script errors of a tab from the ``page`` fixture, in order."""
    return _SCRIPT_ERRORS[id(tab)]


def dialogs_opened(tab: Page) -> list[str]:
    """The messages of dialogs a ``watched`` tab's scripts opened (each was dismissed)."""
    return _DIALOGS[id(tab)]


def assert_no_script_ran(tab: Page, live: str = "") -> None:
    """Nothing a hostile text could smuggle into a ``watched`` tab ran: no marker set, no dialog,
    no script error, and no element matching ``live`` (the handlers an injection would bring)."""
    tab.wait_for_timeout(300)  # let onerror/onload handlers fire if anything was injected
    assert tab.evaluate("window.__pwned") is None
    assert dialogs_opened(tab) == []
    assert script_errors(tab) == []
    if live:
        assert tab.locator(live).count() == 0


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors = _SCRIPT_ERRORS[id(tab)] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    _SCRIPT_ERRORS.pop(id(tab))
    _DIALOGS.pop(id(tab), None)


@pytest.fixture
def watched(page: Page) -> Page:
    """A page that records (and dismisses) any dialog a script opens: injected script shows here."""
    opened = _DIALOGS[id(page)] = []

    def dismissed(dialog: Dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismissed)
    return page


# An archive written straight as content files, the way an editor can: its people, places,
# organizations and tags are fixed, so publishing tests do not hang on what the extractor finds.
ENTITY_ARTICLES = 7
ENTITY_TOML = "feed_entries = 3\nper_page = 2\n"


def entity_articles() -> list[Article]:
    import datetime as dt

    from dateline.article import Article

    out: list[Article] = []
    for n in range(ENTITY_ARTICLES):
        day = dt.date(2015, 11, 20) + dt.timedelta(days=60 * n)
        out.append(Article(
            id=f"e{n:015d}", slug=f"envoys-meet-in-geneva-round-{n + 1}",
            title=f"Envoys meet in Geneva for round {n + 1} of talks on Syria",
            date=day, dateline="GENEVA", summary=f"Diplomats opened round {n + 1} of talks.",
            body=f"Diplomats opened round {n + 1} of talks on Syria on a cold morning.\n\n"
                 "Both delegations said they would return next month.\n",
            people=["Bashar Assad", "John Kerry"], roles={"John Kerry": "Secretary of State"},
            places=["Geneva", "Syria"], organizations=["United Nations"],
            tags=["diplomacy", "cease-fire"], contributors=["Ana Reporter", "Ben Editor"],
            path=f"{day:%Y/%m}/envoys-meet-in-geneva-round-{n + 1}.md"))
    return out


@pytest.fixture(scope="session")
def entity_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hand-written articles sharing every kind of term, built for /repo/ with small caps."""
    from dateline.content import write_article

    root = write_project(tmp_path_factory.mktemp("entities"), {},
                         base_url=f"https://example.org{SUBPATH}", extra_toml=ENTITY_TOML)
    for article in entity_articles():
        write_article(article, root / "content")
    build_project(root)
    return root
