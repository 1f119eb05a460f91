"""What pages are made from, remembered between builds: their reads of the site model beyond
their context, their contexts' digests, and which stories each context holds whole.

Working out those reads (related stories, "often with", neighbours) for every page is most of an
incremental build's planning (~4 s at 10^4 articles), though they rarely change: they follow
from each article's names, headline, date, slug and summary and from the settings, templates and
code, never from an article's body. So their digests are kept, per output file, under a digest of
all those; while it holds (an edit to a story's text, the usual correction), they are reused.

Under that same digest a page's context digest can only change with the stories it holds whole
(body and all: its own page, its day, the lists and feeds showing it); terms and months count
their stories without bodies, and those parts are the digest itself. So each page's context
digest is kept with the ids of those stories, and a build digests again only the contexts
holding a story whose fields changed: a one-story correction digests ~10 contexts, not 10^4.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import pickle
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article
from .output import dump_atomic
from .site import Site

CACHE_FILE = "page-reads.pickle"
# What the file holds: a Remembered of another shape (an older Dateline's: without models, or
# its dicts not yet packed) is read as nothing remembered, not as one missing a field.
CACHE_FORMAT = 4
# Article fields no template's reads look at; everything else is part of the key.
UNREAD = frozenset({"body", "path"})
_READ_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name not in UNREAD)
_UNREAD_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name in UNREAD)


def links_digest(site: Site, common: bytes) -> bytes:
    """The digest the remembered reads hold under: ``common`` (settings, templates, code) and
    every article's read fields, in the model's order."""
    return hashlib.blake2b(common + story_digests(site).outlines, digest_size=16).digest()


@dataclass
class StoryDigests:
    """What the plan digests of every story in the model, kept with the model (site.digests):
    the model a build takes from the last (snapshot.py) comes with them, and only the stories
    whose body it puts in are digested again."""

    outlines: bytes  # every story's read fields, in the model's order (links_digest)
    ids: list[str]  # the stories' ids, in the model's order
    unread: bytearray  # each story's unread_digest, DIGEST bytes a story in that order

    def set_unread(self, position: int, digest: bytes) -> None:
        self.unread[position * DIGEST: (position + 1) * DIGEST] = digest


def story_digests(site: Site) -> StoryDigests:
    """The model's StoryDigests, taken once per model."""
    if site.digests is None:
        site.digests = StoryDigests(_outlines_digest(site.articles), [a.id for a in site.articles],
                                    bytearray(b"".join(unread_digest(a) for a in site.articles)))
    return site.digests


def _outlines_digest(articles: list[Article]) -> bytes:
    hasher = hashlib.blake2b(digest_size=16)
    # The repr of the list of outlines, one article at a time: whole, the list and its text
    # were ~0.6 KB an article at once in the build's largest process.
    hasher.update(b"[")
    separator = b""
    for article in articles:
        hasher.update(separator + repr(outlines([article])[0]).encode())
        separator = b", "
    hasher.update(b"]")
    return hasher.digest()


def outlines(articles: list[Article]) -> list[list[object]]:
    """The articles' read fields: all but the body (and the content file's name)."""
    return [[getattr(a, name) for name in _READ_FIELDS] for a in articles]


DIGEST = 16  # bytes of each digest kept
# Where a page's template reads the whole model (no reads of its own are remembered).
NO_READS = bytes(DIGEST)


@dataclass
class Remembered:
    """What the last build found under one ``links`` digest, per output file, packed: the files
    in the plan's order, their digests 16 bytes each side by side, the ids of the stories each
    holds whole in one list cut at ``ends``. Four dicts keyed by file and story were ~1 KB an
    article at once in the plan, the build's largest moment before the render fork."""

    files: list[str] = field(default_factory=list)
    reads: bytearray = field(default_factory=bytearray)  # digest of each page's reads, or NO_READS
    contexts: bytearray = field(default_factory=bytearray)  # digest of each page's context
    held: list[str] = field(default_factory=list)  # ids of the stories held whole, page by page
    ends: array[int] = field(default_factory=lambda: array("I"))  # where each page's ids end in held
    story_ids: list[str] = field(default_factory=list)  # in the model's order
    story_digests: bytearray = field(default_factory=bytearray)  # each story's unread_digest
    # Digests of the model's objects as contexts hold them (render._Digest): ("article", id),
    # ("term", kind, slug, count), ("month", year, month, count). Under one links digest a term's
    # or month's is fixed (they count their stories without bodies), and a story's holds while
    # its unread_digest does: a big term's first page is not digested story by story again.
    models: dict[tuple, bytes] = field(default_factory=dict)
    # Each page's fingerprint (render.fingerprints), 16 bytes a page in the files' order: under
    # one links digest a page holding no changed story has the one it had (render._quick_plan).
    prints: bytearray = field(default_factory=bytearray)
    # file -> position, made on the first look-up (a build looks up the last build's only).
    _index: dict[str, int] | None = field(default=None, compare=False, repr=False)

    def add_story(self, story: str, digest: bytes) -> None:
        self.story_ids.append(story)
        self.story_digests += digest

    def add(self, rel: str, reads: bytes | None, context: bytes, held: Sequence[str]) -> None:
        """The next page's: its file, reads' digest (None: its template reads the whole
        model), context's digest and the ids of the stories it holds whole."""
        self.files.append(rel)
        self.reads += NO_READS if reads is None else reads
        self.contexts += context
        self.held.extend(held)
        self.ends.append(len(self.held))

    def printed(self, fingerprint: bytes) -> None:
        """The fingerprint of the page added last."""
        self.prints += fingerprint

    def print_of(self, at: int) -> bytes:
        return bytes(self.prints[at * DIGEST: (at + 1) * DIGEST])

    def whole(self) -> bool:
        """Whether every page has its fingerprint (an older build's file: not all)."""
        return len(self.prints) == DIGEST * len(self.files) == len(self.contexts) \
            and len(self.reads) == len(self.contexts) and len(self.ends) == len(self.files)

    def position(self, rel: str) -> int | None:
        if self._index is None:
            self._index = {f: i for i, f in enumerate(self.files)}
        return self._index.get(rel)

    def reads_of(self, at: int) -> bytes | None:
        found = bytes(self.reads[at * DIGEST: (at + 1) * DIGEST])
        return None if found == NO_READS else found

    def context_of(self, at: int) -> bytes:
        return bytes(self.contexts[at * DIGEST: (at + 1) * DIGEST])

    def held_by(self, at: int) -> list[str]:
        return self.held[self.ends[at - 1] if at else 0: self.ends[at]]

    def stories(self) -> dict[str, bytes]:
        """Article id -> its unread_digest."""
        digests = self.story_digests
        return {story: bytes(digests[i * DIGEST: (i + 1) * DIGEST]) for i, story in enumerate(self.story_ids)}

    def changed(self, found: Remembered) -> set[str]:
        """Ids of the stories in ``found`` whose unread_digest is not the one remembered, or
        gone since."""
        if self.story_ids == found.story_ids:  # the usual: the same stories, in the same order
            if self.story_digests == found.story_digests:
                return set()
            mine, theirs = self.story_digests, found.story_digests
            return {story for i, story in enumerate(self.story_ids)
                    if mine[i * DIGEST: (i + 1) * DIGEST] != theirs[i * DIGEST: (i + 1) * DIGEST]}
        known, now = self.stories(), found.stories()
        out = {story for story, digest in now.items() if known.get(story) != digest}
        out.update(known.keys() - now.keys())  # gone since (links tell it too)
        return out

    def still_held(self, changed: set[str]) -> dict[tuple, bytes]:
        """The remembered model digests that hold beside these changed stories."""
        return {key: digest for key, digest in self.models.items()
                if key[0] != "article" or key[1] not in changed}

    def stale(self, changed: set[str]) -> set[str]:
        """Output files whose remembered context digest may no longer hold: those holding a
        changed story (a story new since is on no remembered page; a page that is new has no
        remembered digest)."""
        if not changed:
            return set()
        # One walk over every page's held ids, each page found from where its ids end.
        return {self.files[bisect.bisect_right(self.ends, i)]
                for i, story in enumerate(self.held) if story in changed}


def unread_digest(article: Article) -> bytes:
    """A digest of the fields ``outlines`` leaves out. With the outlines in ``links_digest``,
    it is all of a story that can change a context holding it whole: digesting the bodies
    alone costs a fraction of digesting every story's fields. Their UTF-8 bytes, not their
    repr, each with its length: a third of the time over 10 MB of bodies."""
    hasher = hashlib.blake2b(digest_size=16)
    for name in _UNREAD_FIELDS:
        data = getattr(article, name).encode("utf-8", "surrogatepass")
        hasher.update(b"%d:" % len(data))
        hasher.update(data)
    return hasher.digest()


def load(path: Path | None, links: bytes) -> Remembered:
    """What the last build remembered, if it built under ``links``; else nothing."""
    if path is None:
        return Remembered()
    try:
        with open(path, "rb") as handle:
            saved = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return Remembered()
    if not isinstance(saved, dict) or saved.get("format") != CACHE_FORMAT \
            or saved.get("links") != links or not isinstance(saved.get("remembered"), Remembered):
        return Remembered()
    return saved["remembered"]


def save(path: Path | None, links: bytes, remembered: Remembered) -> None:
    if path is None:
        return
    # Pickled straight into the file: its bytes whole (~0.3 KB an article) were part of the
    # plan's transient peak, which the render workers inherit as holes in the heap.
    saved = {"format": CACHE_FORMAT, "links": links, "remembered": remembered}
    dump_atomic(path, lambda handle: pickle.dump(saved, handle, protocol=pickle.HIGHEST_PROTOCOL))
