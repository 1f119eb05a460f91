"""The site model as the last build made it, taken again by a build whose content changed only
in stories' text (a correction: the usual edit).

Making the model (every content file's entry read from the articles cache, headlines told
apart, names unified, the taxonomies, and the digests the plan takes of every story) costs
~0.5 CPU-s at 12.8k articles, yet none of it follows from a story's body: the stories, their
order, names, terms and months follow from every other field (site.py, pagereads.py). So after
a build makes the model it is kept whole, with the size and mtime and the fields of each
content file it was read from; a build whose content files differ from those only in their
bodies takes it and puts the new bodies into its stories (the model's objects themselves, so
every term, month and neighbour holding the story sees the new text).

It is taken only where that gives what building it gives:
- under the same key: settings, Dateline's code, the libraries and Python (``unchanged.Inputs``);
- the same content files, each whose size or mtime moved read again and equal to the one kept
  in every field but its body, and none sharing its headline with another story (whether an
  editor wrote a shared headline is read from the file: a body edit can change which story
  keeps it, site._with_unique_titles);
- the build that kept it said nothing while making the model (no warning, skip or notice),
  as a build that takes it says nothing either.
Anything else makes the model from the content, as before, and keeps it for the next build.

The kept model is ~21 MB pickled (~0.2 CPU-s to write): a build that takes it does not write it
again but adds the new bodies to a small file beside it (as the articles cache does), until
they are many.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from dataclasses import fields
from pathlib import Path
from typing import BinaryIO

from . import content, pagereads
from .article import Article
from .config import Settings
from .listing import Listing
from .output import dump_atomic
from .site import Site, sharing_a_title

MODEL_FILE = "model.pickle"
# The bodies put in since MODEL_FILE was written, beside it, under its token.
CHANGES_FILE = "model-changed.pickle"
FORMAT = 1  # what the files hold; another shape (an older Dateline's) is no model
CHANGES_MAX = 0.05  # the model is written whole again once this share of its stories...
CHANGES_MIN = 100  # ...or this many, if more, have a new body since it was
# Every field of a story but its body: where two versions of a content file differ in any of
# these, the model is made again.
_OUTLINE_FIELDS = tuple(f.name for f in fields(Article) if f.name != "body")


def recalled(settings: Settings, key: bytes, listing: Listing | None) -> Site | None:
    """The model the last build kept, with the bodies of the stories whose text changed since
    put in; None where it cannot be taken (see the module's docstring), the model is then made."""
    rels = listing.files(".md") if listing is not None else None
    if rels is None or listing is None:
        return None
    cache = settings.path("cache")
    head = _read_head(cache / MODEL_FILE, key)
    if head is None:
        return None
    changes = _read_changes(cache, head["token"])
    stats: dict[str, tuple[int, int]] = head["stats"]
    stats.update({rel: stat for rel, (stat, _) in changes.items()})
    if len(rels) != len(stats):
        return None  # a content file added or removed
    moved = [rel for rel in rels if stats.get(rel) != listing.stats[rel]]
    if any(rel not in stats for rel in moved):
        return None
    body = _read_body(cache, head)
    if body is None:
        return None
    root = settings.path("content")
    for rel in moved:
        text = _new_body(root, rel, body["files"][rel], head["shared"])
        if text is None:
            return None
        changes[rel] = (listing.stats[rel], text)
        stats[rel] = listing.stats[rel]  # as the model is written whole again (_save_changes)
    site = _patched(settings, body, {rel: text for rel, (_, text) in changes.items()})
    if moved:
        _save_changes(cache, head, body, changes)
    return site


def keep(site: Site, files: dict[str, tuple[tuple[int, int], Article]], key: bytes) -> None:
    """Keep the model just made from ``files`` (content file -> ((mtime_ns, size), its story as
    read), load_articles' entries) for the next build; a cache that cannot be written: made
    again next time."""
    cache = site.settings.path("cache")
    head = {"format": FORMAT, "key": key, "token": os.urandom(8).hex(),
            "stats": {rel: stat for rel, (stat, _) in files.items()},
            "shared": {a.id for a in sharing_a_title([a for _, a in files.values()])}}
    digests = pagereads.story_digests(site)  # taken now, the plan needs them: kept with it
    body = {"format": FORMAT, "token": head["token"], "articles": site.articles,
            "terms": site.terms, "term_of": site.term_of, "months": site.months,
            "newer": site.newer, "older": site.older, "digests": digests,
            "files": {rel: article for rel, (_, article) in files.items()}}
    try:
        _write(cache, head, body)
    except OSError:
        forget(site.settings)


def forget(settings: Settings) -> None:
    """No model kept: the last build's made it from content it could not vouch for."""
    for name in (MODEL_FILE, CHANGES_FILE):
        with contextlib.suppress(OSError):
            (settings.path("cache") / name).unlink(missing_ok=True)


def _write(cache: Path, head: dict, body: dict) -> None:
    def fill(handle: BinaryIO) -> None:
        pickle.dump(head, handle, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(body, handle, protocol=pickle.HIGHEST_PROTOCOL)

    dump_atomic(cache / MODEL_FILE, fill)
    (cache / CHANGES_FILE).unlink(missing_ok=True)  # its base is gone: stale


def _read_head(path: Path, key: bytes) -> dict | None:
    """The kept model's first part (its key and the content it was made from), if it is this
    build's key's: read without the model, which is ~20x its size."""
    try:
        with open(path, "rb") as handle:
            head = pickle.load(handle)
            if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("key") != key:
                return None
            head["offset"] = handle.tell()
    except Exception:  # any damage (cut short, another Python's pickle) means no model
        return None
    return head


def _read_body(cache: Path, head: dict) -> dict | None:
    """The kept model itself, after its head."""
    try:
        with open(cache / MODEL_FILE, "rb") as handle:
            handle.seek(head["offset"])
            body = pickle.load(handle)
    except Exception:
        return None
    return body if isinstance(body, dict) and body.get("token") == head["token"] else None


def _read_changes(cache: Path, token: str) -> dict[str, tuple[tuple[int, int], str]]:
    """Content file -> (its stat, its story's body) put in since the model under ``token`` was
    written; none if the file is missing, damaged or another model's (the files it would name
    are then read again and compared)."""
    try:
        with open(cache / CHANGES_FILE, "rb") as handle:
            saved = pickle.load(handle)
    except Exception:
        return {}
    if isinstance(saved, dict) and saved.get("format") == FORMAT and saved.get("token") == token \
            and isinstance(saved.get("files"), dict):
        return saved["files"]
    return {}


def _new_body(root: Path, rel: str, old: Article, shared: set[str]) -> str | None:
    """The body of content file ``rel`` as it is now, if only its body differs from ``old``'s
    (the story it held when the model was made) and its headline is its own; else None."""
    if old.id in shared:
        return None
    try:
        new = content.read_article(root / rel, root)
    except (content.ContentError, UnicodeDecodeError, OSError):
        return None  # the model is made, and says what is wrong with the file
    if any(getattr(new, name) != getattr(old, name) for name in _OUTLINE_FIELDS):
        return None
    return new.body


def _patched(settings: Settings, body: dict, bodies: dict[str, str]) -> Site:
    """The kept model with these content files' stories given these bodies."""
    site = Site(settings, body["articles"], body["terms"], body["term_of"], body["months"],
                body["newer"], body["older"])
    digests: pagereads.StoryDigests = body["digests"]
    if bodies:
        files: dict[str, Article] = body["files"]
        wanted = {files[rel].id: text for rel, text in bodies.items()}
        for position, article in enumerate(site.articles):
            text = wanted.get(article.id)
            if text is not None:
                # The model's story may be a copy of the one read (retitled, say): both get it.
                article.body = text
                digests.set_unread(position, pagereads.unread_digest(article))
        for rel, text in bodies.items():
            files[rel].body = text
    site.digests = digests
    return site


def _save_changes(cache: Path, head: dict, body: dict,
                  changes: dict[str, tuple[tuple[int, int], str]]) -> None:
    """The bodies put in since the model was written, beside it; the model whole again (with
    them) once they are many."""
    try:
        if len(changes) > max(CHANGES_MIN, CHANGES_MAX * len(body["files"])):
            token = os.urandom(8).hex()
            fresh = {k: v for k, v in head.items() if k != "offset"}
            _write(cache, {**fresh, "token": token}, {**body, "token": token})
            return
        dump_atomic(cache / CHANGES_FILE, lambda handle: pickle.dump(
            {"format": FORMAT, "token": head["token"], "files": changes}, handle,
            protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # the next build reads those files again and compares them
