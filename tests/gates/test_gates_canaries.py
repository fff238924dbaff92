"""Every gate can fail: each one, run on a site broken on purpose, reports the break.

Two kinds of broken site: small hand-written pages, one mistake each, and a copy of the
real built site with a page added afterwards (which also proves that a page added later
is found and checked without touching the gates).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gates_browser import DESKTOP, walk
from gates_site import serve, site_pages
from gates_static import link_problems, vnu_problems

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body {{ font: 16px/1.3 sans-serif; margin: 8px; }} a:focus-visible {{ outline: 3px solid; }} {style}</style>
</head>
<body><main><h1>{title}</h1>
<p><a href="index.html">Home</a> and <a href="index.html#top-link">the top</a>.</p>
{body}
</main></body></html>
"""
BROKEN_PAGES = {
    "index.html": ("Home", "", '<p id="top-link">Nothing wrong here.</p>'),
    "no-alt.html": ("An image without alt text", "", '<p><img src="pixel.png" width="10" height="10"></p>'),
    "wide.html": ("A page wider than a phone", "", '<div style="width: 600px">A fixed 600 px box.</div>'),
    "clipped.html": ("Text in a tight box", ".tight { width: 220px; height: 21px; overflow: hidden; }",
                     '<div class="tight">Short words fit in here today</div>'),
    "no-focus.html": ("Links with no focus ring", "a:focus, a:focus-visible { outline: none; }",
                      '<p><a href="index.html">Back home</a></p>'),
    "off-screen-focus.html": ("A link that takes focus off the screen", ".drawer { position: fixed; left: -300px; }",
                              '<nav class="drawer"><a href="index.html">A closed drawer</a></nav>'),
    "no-submit.html": ("A form with no submit button", "",
                       '<form><label for="q">Word</label> <input id="q" name="q"></form>'),
    # The fault found in the kit's own style: a white ring round a white-on-colour button,
    # drawn on the white page; and radios hidden by the style whose labels show no focus.
    "white-ring.html": ("A ring nobody can see", "button { background: #3f51b5; color: #fff; border: 0; }"
                        " button:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }",
                        '<p><button type="button">Go</button></p>'),
    "hidden-radio.html": ("Radios drawn by their labels", ".r { position: absolute; opacity: 0; }"
                          " .r:focus-visible { outline: none; }",
                          '<p><input class="r" type="radio" name="a" id="a1"><label for="a1">Yes</label>'
                          '<input class="r" type="radio" name="a" id="a2"><label for="a2">No</label></p>'),
    "tracker.html": ("A page that calls another host", "",
                     '<p><img src="http://tracker.example.invalid/pixel.png" alt="" width="1" height="1"></p>'),
}
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")


def make_site(folder: Path, pages: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, style, body) in pages.items():
        (folder / name).write_text(PAGE.format(title=title, style=style, body=body), encoding="utf-8")
    (folder / "pixel.png").write_bytes(PIXEL)
    return folder


def pages_with(problems: list[str]) -> set[str]:
    return {p.split(" ", 1)[0] for p in problems}


def test_site_pages_reads_the_sitemap_and_every_html_file(tmp_path):
    site = make_site(tmp_path / "site", {"index.html": BROKEN_PAGES["index.html"]})
    (site / "deep" / "er").mkdir(parents=True)
    (site / "deep" / "er" / "page.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (site / "listed").mkdir()
    (site / "listed" / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               "<url><loc>https://example.org/kit/listed/</loc></url>"
               "<url><loc>https://example.org/kit/index.html</loc></url></urlset>")
    (site / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    assert site_pages(site) == ["deep/er/page.html", "index.html", "listed/index.html"]

    (site / "sitemap.xml").write_text(sitemap.replace("listed/", "gone.html"), encoding="utf-8")
    with pytest.raises(AssertionError, match="gone.html"):
        site_pages(site)


@pytest.mark.browser
@pytest.mark.needs("axe-core", "html_codesniffer")
def test_each_browser_gate_fails_on_a_page_broken_for_it(browser, tmp_path):
    site = make_site(tmp_path / "site", BROKEN_PAGES)
    with serve(site) as url:
        results = walk(browser, url, site_pages(site))
    assert pages_with(results["axe"]) == {"no-alt.html"}, results["axe"]
    assert any("image-alt" in p for p in results["axe"])
    # The second engine: the missing alt text too, and a form axe-core lets through.
    assert pages_with(results["htmlcs"]) == {"no-alt.html", "no-submit.html"}, results["htmlcs"]
    assert any("H37" in p for p in results["htmlcs"]) and any("H32.2" in p for p in results["htmlcs"])
    assert pages_with(results["reflow"]) == {"wide.html"}, results["reflow"]
    assert pages_with(results["text_spacing"]) == {"clipped.html"}, results["text_spacing"]
    assert pages_with(results["focus"]) == {"no-focus.html", "off-screen-focus.html", "white-ring.html",
                                            "hidden-radio.html"}, results["focus"]
    assert any("off the screen" in p for p in results["focus"])
    assert any(p.startswith("no-focus.html") and "shows no focus indicator" in p for p in results["focus"])
    assert any(p.startswith("white-ring.html") and "only 1.00:1" in p for p in results["focus"])
    assert any(p.startswith("hidden-radio.html") and "its label" in p for p in results["focus"])
    assert pages_with(results["requests"]) == {"tracker.html"}, results["requests"]
    assert "tracker.example.invalid" in results["requests"][0]


@pytest.mark.needs("java", "vnu-jar")
def test_vnu_gate_fails_on_invalid_html(tmp_path):
    site = make_site(tmp_path / "site", {
        "index.html": BROKEN_PAGES["index.html"],
        "bad.html": ("Invalid", "", '<p id="twice">One</p><p id="twice">Two</p><p><img src="pixel.png"></p>'),
    })
    problems = vnu_problems(site)
    assert all(p.startswith("bad.html") for p in problems) and len(problems) >= 2, problems
    assert any("Duplicate ID" in p for p in problems) and any("alt" in p for p in problems)


def test_link_gate_fails_on_every_kind_of_broken_link(tmp_path):
    site = make_site(tmp_path / "site", {
        "index.html": BROKEN_PAGES["index.html"],
        "links.html": ("Broken links", "", "\n".join([
            '<p><a href="missing.html">a missing page</a></p>',
            '<p><a href="index.html#nowhere">a missing anchor</a></p>',
            '<p><a href="#not-here">a missing anchor on this page</a></p>',
            '<p><a href="downloads/cards.pdf">a missing download</a></p>',
            '<p><a href="empty.pdf">an empty download</a></p>',
            '<p><a href="../../outside.html">above the root</a></p>',
            '<p><a href="javascript:alert(1)">script</a></p>',
            '<p><img src="gone.png" alt="gone"></p>',
            '<p><a href="https://example.org/">another site: not checked here</a></p>',
        ])),
    })
    (site / "empty.pdf").write_bytes(b"")
    problems = link_problems(site)
    assert all(p.startswith("links.html") for p in problems), problems
    for part in ("missing.html", "#nowhere", "#not-here", "downloads/cards.pdf", "empty file", "above the site's root",
                 "javascript:", "gone.png"):
        assert any(part in p for p in problems), f"{part!r} not reported in {problems}"
    assert len(problems) == 8


@pytest.fixture
def late_page_site(built_site, tmp_path):
    """A copy of the real built site with a page added after the build: a copy of the home
    page with an image that has no alt text and a link to a page that does not exist."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<article" in home
    late = re.sub(r"(<article[^>]*>)", r'\1<p><img src="assets/images/favicon.png" width="24" height="24">'
                  r'<a href="nowhere.html">Nowhere</a></p>', home, count=1)
    (site / "added-later.html").write_text(late, encoding="utf-8")
    return site


@pytest.mark.browser
@pytest.mark.needs("axe-core", "java", "vnu-jar")
def test_a_page_added_to_the_real_site_later_is_found_and_checked(late_page_site, browser):
    site = late_page_site
    assert "added-later.html" in site_pages(site)
    with serve(site) as url:
        results = walk(browser, url, ["added-later.html"], plan=((DESKTOP, ("axe",)),))
    assert any("image-alt" in p for p in results["axe"]), results["axe"]
    links = [p for p in link_problems(site) if p.startswith("added-later.html")]
    assert len(links) == 1 and "nowhere.html" in links[0], links
    html = [p for p in vnu_problems(site) if p.startswith("added-later.html")]
    assert any("alt" in p for p in html), html
