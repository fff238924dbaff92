"""Browser gates: one walk over every page in Debian Chromium, at two widths.

`walk` loads each page once per width and runs the checks for that width on it, so
the whole site costs two page loads per page. Every request any page makes, at any
width, goes through one recorder (the privacy gate). The walk returns the problems of
each check separately; test_gates_browser.py asserts each list is empty, and
test_gates_canaries.py runs the same walk on small broken sites to prove each can fail.

    width   checks
    1280    axe-core, HTML_CodeSniffer, keyboard focus, WCAG 1.4.12 text spacing
    320     WCAG 1.4.10 reflow (no sideways scrolling), axe-core, HTML_CodeSniffer and keyboard
            focus again (the phone layout: navigation drawer, header buttons, target sizes),
            text spacing

Two accessibility engines, because each finds faults the other misses: HTML_CodeSniffer
found a form with no submit button and an unnamed hidden check box that axe-core passed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from gates_site import AXE_JS, HTMLCS_JS, need

# WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA, as axe-core tags them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
ALLOWED_HOSTS = {"127.0.0.1"}
DEAD_PROXY = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}
CHECKS = ("axe", "htmlcs", "focus", "text_spacing", "reflow", "requests")
# What runs at each width, in order (text spacing changes the page's style, so it comes last).
PLAN = ((DESKTOP, ("axe", "htmlcs", "focus", "text_spacing")),
        (NARROW, ("reflow", "axe", "htmlcs", "focus", "text_spacing")))
# HTML_CodeSniffer's standard for WCAG 2 level AA (it covers A too); only its errors fail,
# its warnings and notices are things for a person to review.
HTMLCS_STANDARD = "WCAG2AA"
# WCAG 1.4.12 text spacing: the override the success criterion names.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

_SETTLE = """() => new Promise(done => document.fonts.ready.then(
    () => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))))"""


def walk(browser, base_url: str, pages: list[str], plan=PLAN) -> dict:
    """Visit every page at every width of `plan`; return {check: [problem, ...]} and 'stats'."""
    results: dict = {name: [] for name in CHECKS}
    stats = {"pages": len(pages), "loads": 0, "requests": 0, "axe_runs": 0, "htmlcs_runs": 0, "tab_stops": 0,
             "focus_swept": 0}
    current = ["(start)"]

    def record(request):
        stats["requests"] += 1
        parts = urlparse(request.url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname in ALLOWED_HOSTS:
            return
        results["requests"].append(f"{current[0]}: request to {request.url}")

    for viewport, checks in plan:
        # Every request is recorded; any to another host also goes to a proxy that does not
        # exist, so it fails at once and the test never sends anything off this machine.
        # (Recording with context.route would switch Chromium's cache off and double the time.)
        context = browser.new_context(viewport=viewport, proxy=DEAD_PROXY)
        context.on("request", record)
        page = context.new_page()
        page.on("websocket", lambda ws: results["requests"].append(f"{current[0]}: web socket to {ws.url}"))
        for index, rel in enumerate(pages):
            current[0] = f"{rel} at {viewport['width']}px"
            page.goto(f"{base_url}/{rel}", wait_until="load")
            page.evaluate(_SETTLE)
            stats["loads"] += 1
            for check in checks:
                found = _CHECKS[check](page, stats)
                results[check].extend(f"{current[0]}: {p}" for p in found)
            # Lazy images load when scrolled to; the first page also uses the search box,
            # so the search worker fetches its index and language files.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            if index == 0 and page.locator("input.md-search__input").count():
                page.locator("input.md-search__input").first.fill("involvement", force=True)
                page.wait_for_load_state("networkidle")
        page.wait_for_load_state("networkidle")
        context.close()
    assert stats["requests"] >= stats["loads"], f"the request recorder missed page loads: {stats}"
    results["stats"] = stats
    return results


def _axe(page, stats) -> list[str]:
    """axe-core with the WCAG A and AA tags; no rule switched off."""
    page.add_script_tag(path=str(need(AXE_JS)))
    violations = page.evaluate(
        """async tags => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                    resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => ({
                target: n.target.join(' '), summary: n.failureSummary}))}));
        }""", AXE_TAGS)
    stats["axe_runs"] += 1
    problems = []
    for v in violations:
        for node in v["nodes"][:5]:
            summary = " ".join(node["summary"].split())[:300]
            problems.append(f"{v['id']} ({v['help']}) on {node['target']}: {summary}")
        if len(v["nodes"]) > 5:
            problems.append(f"{v['id']}: and {len(v['nodes']) - 5} more elements")
    return problems


def _htmlcs(page, stats) -> list[str]:
    """HTML_CodeSniffer with its WCAG2AA standard; every error is a problem, no rule left out."""
    page.add_script_tag(path=str(need(HTMLCS_JS)))
    errors = page.evaluate(
        """standard => new Promise((done, fail) => HTMLCS.process(standard, document, () => done(
            HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => {
                const el = m.element;
                const tag = el && el.outerHTML ? el.outerHTML.replace(/\\s+/g, ' ') : String(el && el.nodeName);
                return {code: m.code, msg: m.msg, tag: tag.slice(0, tag.indexOf('>') + 1 || 120).slice(0, 160)};
            })), error => fail(String(error)), 'en'))""", HTMLCS_STANDARD)
    stats["htmlcs_runs"] += 1
    problems = [f"{e['code'].split('.', 4)[-1]} ({' '.join(e['msg'].split())[:200]}) on {e['tag']}"
                for e in errors[:10]]
    if len(errors) > 10:
        problems.append(f"and {len(errors) - 10} more HTML_CodeSniffer errors")
    return problems


def _reflow(page, stats) -> list[str]:
    """WCAG 1.4.10 reflow: no sideways scrolling at this width."""
    limit = page.viewport_size["width"]
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= limit:
        return []
    wide = page.evaluate("""limit => [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > limit + 0.5 && el.checkVisibility())
        .slice(-3).map(el => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
            + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)')""", limit)
    return [f"scrollWidth is {width}px; widest elements: {', '.join(wide)}"]


# Elements whose vertical overflow is hidden or clipped and whose content is taller than
# their box, among elements that hold text and are on screen. checkVisibility with opacity
# and visibility leaves out Material's closed search panel on phones, the one element found
# this way on the stock site: 0 px tall and fully transparent until the search opens.
# Text meant only for screen readers (a 1 x 1 px box, like the menu button's name) is
# not shown at all, so it cannot be cut off either.
_CLIPPED = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const s = getComputedStyle(el);
    if (!['hidden', 'clip'].includes(s.overflowY)) continue;
    if (el.scrollHeight <= el.clientHeight + 1) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;  // screen-reader-only text, 1 x 1 px by design
    const text = (el.innerText || '').trim();
    if (!text) continue;
    const name = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    out.push(`${name} shows ${el.clientHeight}px of ${el.scrollHeight}px: "${text.slice(0, 50)}"`);
  }
  return out;
}"""


def _text_spacing(page, stats) -> list[str]:
    """WCAG 1.4.12 text spacing: with the override applied, no text is cut off."""
    page.add_style_tag(content=TEXT_SPACING_CSS)
    page.evaluate(_SETTLE)
    assert page.evaluate("getComputedStyle(document.body).wordSpacing") != "0px", "text-spacing override not applied"
    return [f"text spacing: {clipped}" for clipped in page.evaluate(_CLIPPED)]


# Where focus ends up: the theme scrolls smoothly, so a link below the fold is measured once
# the page has stopped moving (scrollY the same over two frames), not halfway there.
_FOCUS_STYLE = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (let last = NaN, i = 0; i < 60 && scrollY !== last; i++) { last = scrollY; await frame(); }
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: (el.innerText || '').trim().slice(0, 40),
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, boxShadow: s.boxShadow,
          onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                    && r.left < innerWidth && r.top < innerHeight
                    && el.checkVisibility({visibilityProperty: true}),
          where: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`};
}"""
# Tab stops checked from the top (past the skip link, search box and search panel into the
# navigation) and from the main heading.
FOCUS_STOPS = {"top": 5, "content": 3}
FOCUS_SWEEP_JS = (Path(__file__).parent / "focus_sweep.js").read_text(encoding="utf-8")


def focus_sweep(page) -> tuple[int, list[str]]:
    """Every element the Tab key can reach on the page as it is now: each must show a focus
    indicator at least 3:1 against its background (focus_sweep.js). Returns (elements
    measured, problems). Usable on any state a test has reached (results shown, files loaded).
    """
    # The Tab key first: Chromium then shows :focus-visible on focus moved by script too.
    page.keyboard.press("Tab")
    found = page.evaluate(FOCUS_SWEEP_JS)
    problems = [f"{p['el']} ({p['text']!r}) {p['problem']}" for p in found["problems"]]
    if found["notVisible"]:
        problems.append(f"{found['notVisible']} element(s) did not match :focus-visible when focused after the "
                        "Tab key, so their focus style could not be measured")
    # The same fault on many elements (every navigation link, say) is one line per kind.
    unique = list(dict.fromkeys(problems))
    return found["checked"], unique


def _focus(page, stats) -> list[str]:
    """WCAG 2.4.7, 2.4.11 and 1.4.11: keyboard focus is on screen and clearly shown.

    Two parts. The Tab key from the top of the page (skip link, header, navigation) and from
    the main heading: whatever takes focus (link, button, input, summary) must be on screen
    and not inside something hidden, such as a closed drawer. Then the sweep: every element
    the Tab key can reach is focused in turn and must show an indicator at least 3:1 against
    its background (focus_sweep). Opacity is not looked at in the first part: Material fades
    the skip link and the heading anchors in on focus, so right after the Tab key they are
    still transparent; the sweep measures with transitions off.
    """
    problems, stops = [], 0
    for start in ("top", "content"):
        if start == "content":
            # Tabbing from the top may have reached the search box, which opens the search
            # panel; Escape closes it. Then the keyboard starts again from the main heading:
            # focus it (it takes no part in Tab order otherwise), and Tab on from there.
            page.keyboard.press("Escape")
            if not page.evaluate("""() => {
                const h = document.querySelector('article h1, .md-content h1, main h1');
                if (!h) return false;
                h.setAttribute('tabindex', '-1');
                h.focus();
                h.addEventListener('blur', () => h.removeAttribute('tabindex'), {once: true});
                return true;
            }"""):
                continue
        for _ in range(FOCUS_STOPS[start]):
            page.keyboard.press("Tab")
            style = page.evaluate(_FOCUS_STYLE)
            if not style:
                continue
            stops += 1
            name = f"{style['tag']} {style['href']!r} ({style['text']!r})" if style["href"] else \
                f"{style['tag']} ({style['text']!r})"
            if not style["onScreen"]:
                problems.append(f"{name} takes focus off the screen or hidden (at {style['where']})")
    page.keyboard.press("Escape")
    stats["tab_stops"] += stops
    swept, found = focus_sweep(page)
    stats["focus_swept"] += swept
    page.keyboard.press("Escape")
    return problems + found


_CHECKS = {"axe": _axe, "htmlcs": _htmlcs, "focus": _focus, "text_spacing": _text_spacing, "reflow": _reflow}


def describe(problems: list[str], limit: int = 60) -> str:
    shown = problems[:limit]
    more = f"\n  ... and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(shown) + more
