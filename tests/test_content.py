"""Content files: the round trip through Markdown, and the checksum that protects hand edits."""

import datetime as dt
import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.article import Article
from dateline.content import article_text, is_hand_edited, parse_article
from dateline.markup import markdown_to_html, text_to_markdown

TRICKY = [
    "<Bank of Nova Scotia> said", "*bold* and _it_", "# not a heading", "[x](javascript:alert(1))",
    "1987. A year", "- not a list", "> not a quote", "---", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "{{ jinja }} {% tag %}", "AT&T &amp; &copy;", "<http://x.com>",
    "a \\ b `code`",
]


def visible_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def test_seed_text_renders_as_the_same_visible_characters_never_markup():
    for text in TRICKY:
        rendered = markdown_to_html(text_to_markdown(text))
        assert visible_text(rendered) == text
        assert "<script" not in rendered and "<img" not in rendered and "href" not in rendered


def test_editor_markdown_links_cannot_carry_javascript():
    rendered = markdown_to_html("[click](javascript:alert(1)) and [ok](https://example.org/)")
    assert "javascript:" not in rendered
    assert 'href="https://example.org/"' in rendered


def sample_article() -> Article:
    return Article(id="abc", slug="a-title", title="A title: with 'quotes' and --- dashes",
                   date=dt.date(2016, 12, 9), dateline="BEIRUT", summary="Sum.", body="Body.\n",
                   people=["Bashar Assad"], roles={"Bashar Assad": "President"},
                   places=["Aleppo"], tags=["Syrian civil war"], path="2016/12/a-title.md")


def test_a_content_file_round_trips():
    article = sample_article()
    back = parse_article(article_text(article), article.path)
    assert back == article


def test_a_generated_file_is_not_hand_edited_until_someone_edits_it():
    text = article_text(sample_article())
    assert not is_hand_edited(text)
    assert is_hand_edited(text.replace("dateline: BEIRUT", "dateline: DAMASCUS"))
    assert is_hand_edited(text.replace("- Bashar Assad", "").replace("[Bashar Assad]", "[]"))
    assert is_hand_edited(text + "An added paragraph.\n")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
                min_size=1, max_size=4))
def test_the_plain_paragraph_fast_path_gives_the_parsers_bytes(paragraphs):
    from dateline.markup import _MD, paragraphs_to_markdown

    body = paragraphs_to_markdown([" ".join(p.split()) or "x" for p in paragraphs])
    assert markdown_to_html(body) == _MD.reset().convert(body)


def test_editor_markdown_still_goes_through_the_parser():
    assert markdown_to_html("Some *emphasis* here.\n") == "<p>Some <em>emphasis</em> here.</p>"


def _pyyaml_text(article: Article) -> str:
    """The content file as PyYAML alone writes it: what article_text must match byte for byte
    (files written before its own writer must not all look changed)."""
    import hashlib

    import yaml

    from dateline.content import FIELDS, Dumper
    data = {name: getattr(article, name) for name in FIELDS if name != "updated" or article.updated}
    front = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=10_000,
                      default_flow_style=None)
    unsigned = f"---\n{front}---\n\n{article.body}"
    checksum = hashlib.sha256(unsigned.encode("utf-8")).hexdigest()[:16]
    return unsigned.replace("\n---\n", f"\nchecksum: {checksum}\n---\n", 1)


# Words YAML reads as something else, indicators, quotes, spaces and characters libyaml escapes.
YAML_PIECES = ["Aleppo", "Bank of Nova Scotia", "1987", "yes", "null", "1:20", "0x1F", "1e3", ".5",
               "~", "---", "...", "<<", "on", "NO", " ", ":", ": ", " #", "#", ",", "[", "]", "{",
               "}", "?", "-", "'", '"', "!", "&", "*", "|", ">", "%", "@", "`", "\t", "\n", "é",
               "\u0085", "\ufeff", "\u2028", "\\"]
yaml_text = st.lists(st.sampled_from(YAML_PIECES), max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(title=yaml_text, dateline=yaml_text, summary=yaml_text,
       names=st.lists(yaml_text, max_size=4), roles=st.dictionaries(yaml_text, yaml_text, max_size=2),
       updated=st.none() | st.just(dt.date(2017, 1, 2)))
def test_front_matter_is_written_as_pyyaml_writes_it(title, dateline, summary, names, roles, updated):
    article = Article(id="abc", slug="a-title", title=title, date=dt.date(2016, 12, 9),
                      dateline=dateline, summary=summary, body="Body.\n", people=names,
                      roles=roles, places=names[:1], tags=names[::-1], updated=updated,
                      path="2016/12/a-title.md")
    assert article_text(article) == _pyyaml_text(article)
