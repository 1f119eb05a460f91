"""The site model as the last build made it, taken again by a build whose content changed only
in stories' text (a correction: the usual edit).

Making the model (headlines told apart, names unified, the taxonomies, and the digests the plan
takes of every story) costs ~0.5 CPU-s at 12.8k articles, yet none of it follows from a story's
body: the stories, their order, names, terms and months follow from every other field
(site.py, pagereads.py). So after a build makes the model, its shape is kept: each story by its
content file (or, where the model holds a copy of the story as read, retitled say, that copy),
each term and month by the positions of its stories, and the story digests. A build whose
content files differ from the articles cache's only in their bodies reads the stories from the
cache, puts the new bodies in, and assembles the model from its shape.

It is taken only where that gives what making it gives:
- under the same key: settings, Dateline's code, the libraries and Python (``unchanged.Inputs``);
- the same content files, each whose size or mtime moved read again and equal to the one cached
  in every field but its body, and none sharing its headline with another story (whether an
  editor wrote a shared headline is read from the file: a body edit can change which story
  keeps it, site._with_unique_titles);
- the build that kept it said nothing while making the model (no warning, skip or notice),
  as a build that takes it says nothing either.
Anything else makes the model from the content, as before, and keeps its shape for the next.

The shape is removed before a build makes the model, so a build killed after it wrote the
articles cache and before the new shape leaves none that would not match the cache. A build that
takes it writes the new bodies into the articles cache (its small file of changes, journal.py).
"""

from __future__ import annotations

import contextlib
import pickle
from array import array
from dataclasses import fields
from pathlib import Path

from . import content, journal, pagereads
from .article import Article
from .config import Settings
from .listing import Listing
from .output import dump_atomic
from .site import (
    CACHE_CHANGES,
    CACHE_FILE,
    CACHE_FORMAT,
    CHANGES_MAX,
    CHANGES_MIN,
    Month,
    Site,
    Term,
    sharing_a_title,
)

MODEL_FILE = "model.pickle"
FORMAT = 2  # what the file holds; another shape (an older Dateline's) is no model
# Every field of a story but its body: where two versions of a content file differ in any of
# these, the model is made again.
_OUTLINE_FIELDS = tuple(f.name for f in fields(Article) if f.name != "body")


def recalled(settings: Settings, key: bytes, listing: Listing | None
             ) -> tuple[Site | None, journal.Loaded | None]:
    """The model the last build kept, with the bodies of the stories whose text changed since
    put in, or None where it cannot be taken (see the module's docstring): the model is then
    made, from the articles cache as read here (the second value, None if it was not read)."""
    rels = listing.files(".md") if listing is not None else None
    if rels is None or listing is None:
        return None, None
    cache = settings.path("cache")
    shape = _read(cache / MODEL_FILE, key)
    if shape is None:
        return None, None
    cache_path, changes_path = cache / CACHE_FILE, cache / CACHE_CHANGES
    loaded = journal.load(cache_path, changes_path, CACHE_FORMAT)
    files, base = loaded
    if len(rels) != len(files) or len(files) != len(shape["stories"]):
        return None, loaded  # a content file added or removed
    moved = [rel for rel in rels if files.get(rel, (None,))[0] != listing.stats[rel]]
    if any(rel not in files for rel in moved):
        return None, loaded
    root = settings.path("content")
    bodies = {}
    for rel in moved:
        text = _new_body(root, rel, files[rel][1], shape["shared"])
        if text is None:
            return None, loaded  # the cache as it was read: load_articles reads those files
        bodies[rel] = text
    for rel, text in bodies.items():
        files[rel][1].body = text
        files[rel] = (listing.stats[rel], files[rel][1])
    try:
        site = _assembled(settings, shape, files)
    except (KeyError, IndexError, TypeError, ValueError):  # a shape of another make: no model
        return None, loaded
    if site is not None and moved:
        with contextlib.suppress(OSError):  # the next build reads those files again
            journal.save(cache_path, changes_path, CACHE_FORMAT, files, base, CHANGES_MAX, CHANGES_MIN)
    return site, loaded


def keep(site: Site, files: dict[str, tuple[tuple[int, int], Article]], key: bytes) -> None:
    """Keep the shape of the model just made from ``files`` (content file -> ((mtime_ns, size),
    its story as read): load_articles' entries, as the articles cache has them)."""
    position = {id(a): i for i, a in enumerate(site.articles)}
    stories = [(a.path, None if files.get(a.path, (None, None))[1] is a else a) for a in site.articles]
    terms: list[Term] = list({id(t): t for t in site.term_of.values()}.values())
    number = {id(t): i for i, t in enumerate(terms)}
    shape = {
        "format": FORMAT, "key": key, "stories": stories,
        # Each story's file's (mtime_ns, size) as it was: a story whose file moved since (a body
        # put in by a build that took the model) has its unread digest taken again.
        "stats": [files[rel][0] if rel in files else None for rel, _ in stories],
        "shared": {a.id for a in sharing_a_title([a for _, a in files.values()])},
        "terms": [(t.kind, t.name, t.slug, array("I", [position[id(a)] for a in t.articles]), t.roles)
                  for t in terms],
        "pages": {kind: [number[id(t)] for t in by_slug.values()] for kind, by_slug in site.terms.items()},
        "term_of": [(kind, raw, number[id(t)]) for (kind, raw), t in site.term_of.items()],
        "months": [(m.year, m.month, array("I", [position[id(a)] for a in m.articles])) for m in site.months],
        "digests": pagereads.story_digests(site),  # taken now, the plan needs them: kept with it
    }
    try:
        dump_atomic(site.settings.path("cache") / MODEL_FILE, lambda handle: pickle.dump(
            shape, handle, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        forget(site.settings)


def forget(settings: Settings) -> None:
    """No model kept (before one is made: see the module's docstring)."""
    with contextlib.suppress(OSError):
        (settings.path("cache") / MODEL_FILE).unlink(missing_ok=True)


def _read(path: Path, key: bytes) -> dict | None:
    try:
        with open(path, "rb") as handle:
            shape = pickle.load(handle)
    except Exception:  # any damage (cut short, another Python's pickle) means no model
        return None
    if not isinstance(shape, dict) or shape.get("format") != FORMAT or shape.get("key") != key:
        return None
    return shape


def _new_body(root: Path, rel: str, old: Article, shared: set[str]) -> str | None:
    """The body of content file ``rel`` as it is now, if only its body differs from ``old``'s
    (the story the cache has) and its headline is its own; else None."""
    if old.id in shared:
        return None
    try:
        new = content.read_article(root / rel, root)
    except (content.ContentError, UnicodeDecodeError, OSError):
        return None  # the model is made, and says what is wrong with the file
    if any(getattr(new, name) != getattr(old, name) for name in _OUTLINE_FIELDS):
        return None
    return new.body


def _assembled(settings: Settings, shape: dict, files: dict[str, tuple[tuple[int, int], Article]]
               ) -> Site | None:
    """The model from its kept shape and the stories as the cache (with the new bodies) has
    them; None if they do not fit (a cache of other files)."""
    articles: list[Article] = []
    digests: pagereads.StoryDigests = shape["digests"]
    for at, ((rel, own), stat) in enumerate(zip(shape["stories"], shape["stats"], strict=True)):
        read = files.get(rel)
        if read is None:
            return None
        if own is not None:
            own.body = read[1].body  # a copy (retitled, say) has the text of the story read
        article = own or read[1]
        articles.append(article)
        if read[0] != stat:
            digests.set_unread(at, pagereads.unread_digest(article))
    terms = [Term(kind, name, slug, [articles[p] for p in held], roles)
             for kind, name, slug, held, roles in shape["terms"]]
    by_kind = {kind: {terms[n].slug: terms[n] for n in numbers} for kind, numbers in shape["pages"].items()}
    term_of = {(kind, raw): terms[n] for kind, raw, n in shape["term_of"]}
    months = [Month(year, month, [articles[p] for p in held]) for year, month, held in shape["months"]]
    newer = {a.id: articles[i - 1] for i, a in enumerate(articles) if i > 0}
    older = {a.id: articles[i + 1] for i, a in enumerate(articles[:-1])}
    site = Site(settings, articles, by_kind, term_of, months, newer, older)
    site.digests = digests
    return site
