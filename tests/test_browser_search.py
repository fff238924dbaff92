"""A person searches the site in a real browser and finds a generated page."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import ROOT
from involvement_kit.content.loader import load_kit

TARGET = load_kit(ROOT / "kit").barriers[2]  # any generated page will do; this one is stable

pytestmark = pytest.mark.browser


def test_search_finds_a_generated_page_and_nothing_leaves_the_machine(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "/index.html")
    page.get_by_label("Search", exact=False).first.click()
    page.keyboard.type(TARGET.title)
    result = page.locator(".md-search-result__item").filter(has_text=TARGET.title).first
    result.wait_for(state="visible", timeout=10_000)
    result.locator("a").first.click()
    page.wait_for_url(f"**/{TARGET.page.replace('.md', '.html')}*")
    assert page.locator("h1").inner_text().removesuffix("¶").strip() == TARGET.title

    hosts = {urlparse(url).hostname for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, f"requests left the machine: {hosts}"
