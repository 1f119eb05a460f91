"""Properties over arbitrary text (hypothesis): the seed parser refuses or returns a clean seed,
slugs are always usable URLs, seed text survives Markdown as exactly the visible text, and
every content file Dateline writes reads back as the same article."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dateline.article import Article
from dateline.content import article_text, is_hand_edited, parse_article
from dateline.markup import markdown_to_html, text_to_markdown
from dateline.seeds import CREDIT_RE, MIN_YEAR, SeedError, clean_space, read_seed
from dateline.slugs import MAX_SLUG, slugify

LIMITS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Printable text of any script, with the odd space, tab and Unicode line separator; no C0 controls.
LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t"), max_size=80)
# Mostly Markdown, HTML, Jinja and YAML punctuation, where escaping mistakes would show.
MARKUP = st.text(st.sampled_from(list("*_[]()<>#&;!`\\-+=|~:/. 1aé{}%'\"\t")), max_size=60)
SNIPPETS = ["_a_", "*b*", "**c**", "`d`", "[e](f)", "[g]: h", "![i](j)", "<b>", "</p>", "&amp;",
            "&#60;", "# ", "1. ", "- ", "> ", "---", "{{ k }}", "{% l %}", "<http://m>", "\\", " ", "n"]
TOKENS = st.lists(st.sampled_from(SNIPPETS) | MARKUP, max_size=12).map("".join)
TEXT = LINE | MARKUP | TOKENS
TODAY = dt.date(2026, 1, 1)


class Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_text(html: str) -> str:
    parser = Visible()
    parser.feed(html)
    parser.close()
    return "".join(parser.text).strip()


@LIMITS
@given(st.binary(max_size=400) | TEXT.map(lambda t: f" date 2016-12-09 {t}".encode()))
def test_any_bytes_give_a_clean_seed_or_a_named_refusal(raw):
    try:
        seed = read_seed("x.txt", raw=raw, today=TODAY)
    except SeedError as err:
        assert str(err) and err.kind
        return
    assert seed.paragraphs and all(p == clean_space(p) and p for p in seed.paragraphs)
    assert seed.date.year >= MIN_YEAR and seed.date <= TODAY + dt.timedelta(days=1)
    assert "\n" not in seed.dateline and re.fullmatch(r"[0-9a-f]{16}", seed.id)


@LIMITS
@given(st.lists(TEXT, min_size=2, max_size=6))
def test_paragraphs_come_back_as_written(paragraphs):
    expected = [clean_space(p) for p in paragraphs if clean_space(p)]
    assume(len(expected) >= 2 and not CREDIT_RE.match(expected[-1]))
    raw = (" date 2016-12-09 BEIRUT -- " + "\n\n".join(paragraphs) + "\n").encode("utf-8")
    seed = read_seed("x.txt", raw=raw, today=TODAY)
    assert seed.dateline == "BEIRUT" and list(seed.paragraphs) == expected


@LIMITS
@given(st.text(max_size=200))
def test_slugs_are_short_lowercase_ascii_and_stable(text):
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert len(slug) <= MAX_SLUG and slugify(text) == slug
    if not re.fullmatch(r"x[0-9a-f]{8}", slug):
        assert slugify(slug) == slug


@LIMITS
@given(TEXT)
def test_seed_text_is_shown_as_exactly_that_text(text):
    paragraph = clean_space(text)
    assume(paragraph)
    html = markdown_to_html(text_to_markdown(paragraph))
    assert visible_text(html) == paragraph
    assert not re.search(r"<(?!/?p>)", html)  # one paragraph, no other element


NAMES = st.lists(TEXT.map(clean_space).filter(bool), max_size=4)


@LIMITS
@given(title=TEXT.map(clean_space).filter(bool), dateline=TEXT.map(clean_space), people=NAMES,
       places=NAMES, body=st.lists(TEXT.map(clean_space).filter(bool), min_size=1, max_size=4))
def test_every_content_file_reads_back_as_the_same_article(title, dateline, people, places, body):
    article = Article(id="0123456789abcdef", slug=slugify(title), title=title, date=dt.date(2016, 12, 9),
                      dateline=dateline, summary=title, body="\n\n".join(map(text_to_markdown, body)) + "\n",
                      people=people, places=places, roles={n: "Minister" for n in people[:1]},
                      path="2016/12/x.md")
    text = article_text(article)
    assert not is_hand_edited(text)
    assert parse_article(text, article.path) == article
