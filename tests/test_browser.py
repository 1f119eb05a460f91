"""A reader's path through the archive in real headless Chromium, served under a subpath."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import script_errors

pytestmark = pytest.mark.browser


def test_home_article_person_and_back(served, page):
    page.goto(served)
    assert page.title()
    page.get_by_role("link", name=re.compile("Assad")).first.click()
    page.wait_for_url(re.compile(r"/repo/2016/12/"))
    assert "Assad" in page.locator("h1").inner_text()
    article_url = page.url
    page.locator(".entities").get_by_role("link", name="Bashar Assad").click()
    page.wait_for_url(re.compile(r"/repo/people/bashar-assad/"))
    assert page.locator("h1").inner_text() == "Bashar Assad"
    page.locator(".article-list a", has_text="Assad").first.click()
    page.wait_for_url(article_url)
    assert script_errors(page) == []


def test_search_finds_aleppo_and_opens_the_article(served, page):
    page.goto(served + "search/")
    box = page.locator(".search-input")
    box.wait_for()
    box.type("Aleppo", delay=20)
    result = page.locator(".search-result-link[href^='/repo/2016/12/']")
    expect(result).to_have_count(1)  # retried: the results of "Al" may show before those of "Aleppo"
    result.click()
    page.wait_for_url(re.compile(r"/repo/2016/12/"))
    assert "Aleppo" in page.locator("article").inner_text()
    assert script_errors(page) == []


def test_a_missing_page_at_any_depth_shows_the_404_page_with_its_styles(served, page):
    response = page.goto(served + "no/such/deep/page/")
    assert response.status == 404
    assert "Page not found" in page.locator("h1").inner_text()
    color = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "")  # the stylesheet loaded
