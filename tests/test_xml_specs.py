"""Every Atom feed and sitemap a build writes meets what RFC 4287 and the sitemaps.org protocol
require (tests/xml_specs.py), on the hand-made archive, the Reuters sample (when the corpus is
there: else the example seed alone); tests/test_publish.py checks a sitemap split into an
index the same way. And the checks do find what those specs forbid."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema

from tests.conftest import REPO, SUBPATH
from tests.xml_specs import atom_problems, sitemap_problems

BASE = f"https://example.org{SUBPATH}"


def xml_files(site: Path, name: str) -> list[Path]:
    return sorted(p for p in site.rglob(name) if not p.relative_to(site).as_posix().startswith("pagefind"))


@pytest.mark.parametrize("archive", ["entity_site", "sample_site"])
def test_every_feed_and_sitemap_meets_its_spec(request, archive):
    site = request.getfixturevalue(archive) / "_site"
    feeds = xml_files(site, "feed.xml")
    assert len(feeds) > 5  # the site's and one per hub
    for feed in feeds:
        assert atom_problems(feed) == [], feed
    sitemaps = xml_files(site, "sitemap*.xml")
    assert sitemaps
    for sitemap in sitemaps:
        assert sitemap_problems(sitemap, BASE) == [], sitemap


GOOD_ENTRY = ("<entry><id>https://example.org/repo/a/</id><title>A</title>"
              "<updated>2016-12-09T00:00:00+00:00</updated>"
              "<link rel='alternate' href='https://example.org/repo/a/'/></entry>")


@pytest.mark.parametrize(("body", "problem"), [
    (f"<title>T</title><updated>2016-12-09T00:00:00Z</updated><author><name>D</name></author>{GOOD_ENTRY}",
     "feed: 0 atom:id, exactly one required"),
    (f"<id>https://x/</id><title>T</title><updated>2016-12-09</updated><author><name>D</name></author>{GOOD_ENTRY}",
     "feed: atom:updated '2016-12-09' is not an RFC 3339 date-time"),
    (f"<id>https://x/</id><title>T</title><updated>2016-12-09T00:00:00Z</updated>{GOOD_ENTRY}",
     "entry 1: no atom:author, and the feed has none"),
    ("<id>https://x/</id><title>T</title><updated>2016-12-09T00:00:00Z</updated><author><name>D</name></author>"
     "<entry><id>a</id><title>A</title><updated>2016-12-09T00:00:00Z</updated></entry>",
     "entry 1: atom:id 'a' is not an absolute IRI"),
    ("<id>https://x/</id><title>T</title><updated>2016-12-09T00:00:00Z</updated><author><name>D</name></author>"
     "<entry><id>https://x/a</id><title>A</title><updated>2016-12-09T00:00:00Z</updated></entry>",
     "entry 1: neither atom:content nor a link rel=alternate"),
    (f"<id>https://x/</id><title>T</title><title>U</title><updated>2016-12-09T00:00:00Z</updated>"
     f"<author><name>D</name></author>{GOOD_ENTRY}{GOOD_ENTRY}",
     "feed: 2 atom:title, exactly one required"),
])
def test_the_atom_check_finds_what_rfc_4287_forbids(tmp_path, body, problem):
    path = tmp_path / "feed.xml"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>')
    found = atom_problems(path)
    assert any(p.startswith(problem) for p in found), found
    if "<title>U</title>" in body:
        assert "entry id https://example.org/repo/a/ appears 2 times" in found


@pytest.mark.parametrize(("body", "problem"), [
    ("<url><loc>https://elsewhere.org/a/</loc></url>",
     "<url> 1: <loc> https://elsewhere.org/a/ is not an address under"),
    ("<url><loc>https://example.org/a/</loc></url>",  # above the folder the sitemap is in
     "<url> 1: <loc> https://example.org/a/ is not an address under"),
    (f"<url><loc>{BASE}a/</loc><lastmod>9 Dec 2016</lastmod></url>", "<url> 1: <lastmod> '9 Dec 2016'"),
    (f"<url><loc>{BASE}a/</loc><title>A</title></url>", "<url> 1: {http://www.sitemaps.org/schemas/sitemap/0.9}title"),
    ("<url><lastmod>2016-12-09</lastmod></url>", "<url> 1: no <loc>"),
    (f"<url><loc>{BASE}a/</loc></url><url><loc>{BASE}a/</loc></url>", f"{BASE}a/ listed 2 times"),
    (f"<url><loc>{BASE}{'a' * 2100}/</loc></url>", "<url> 1: <loc> of 2"),
])
def test_the_sitemap_check_finds_what_the_protocol_forbids(tmp_path, body, problem):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>'
                    f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>')
    found = sitemap_problems(path, BASE)
    assert any(p.startswith(problem) for p in found), found


SITEMAP_XSD = REPO / "node_modules" / "sitemap" / "schema" / "sitemap.xsd"  # npm's sitemap 9.0.1


@pytest.mark.parametrize("archive", ["entity_site", "sample_site"])
def test_every_sitemap_is_valid_against_the_sitemaps_org_schema(request, archive):
    """The protocol's own XSD, beside the checks above (the package ships no sitemap-index schema)."""
    schema = xmlschema.XMLSchema(SITEMAP_XSD)
    site = request.getfixturevalue(archive) / "_site"
    sitemaps = [p for p in xml_files(site, "sitemap*.xml") if "<urlset" in p.read_text(encoding="utf-8")]
    assert sitemaps
    for sitemap in sitemaps:
        assert [str(e.reason) for e in schema.iter_errors(sitemap)] == [], sitemap


def test_the_schema_finds_a_broken_sitemap(tmp_path):
    broken = tmp_path / "sitemap.xml"
    broken.write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
                      "<lastmod>yesterday</lastmod></url></urlset>")
    assert not xmlschema.XMLSchema(SITEMAP_XSD).is_valid(broken)
