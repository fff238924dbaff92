// The focus gate's sweep (gates_browser.focus_sweep): every element the Tab key can reach is
// focused in turn, and what changes on screen is measured. It passes when the element (or,
// for a radio or check box hidden by the page's style, its label) shows a ring, shadow,
// background or border that stands at least 3:1 against what is behind it (WCAG 2.4.7,
// 2.4.11, and the 3:1 of 1.4.11 and 2.4.13), and its text still reads against its background
// (1.4.3: 4.5:1, or 3:1 for large text). Computed colours, not pixels: one call a page.
// Any colour format is read back through a 1 x 1 canvas, so oklch() and color() work too.
async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = colour => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]);
  };
  const luminance = c => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // The colour painted behind `el` (itself included when `self`): background colours composited up to the first opaque one.
  const backdrop = (el, self) => {
    const layers = [];
    for (let node = self ? el : el.parentElement; node; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  // What is painted just outside `el` on each side (`gap` px out), as colours; off-screen sides are left out.
  const around = (el, gap) => {
    const r = el.getBoundingClientRect();
    const points = [[r.left - gap, r.top + r.height / 2], [r.right + gap, r.top + r.height / 2],
                    [r.left + r.width / 2, r.top - gap], [r.left + r.width / 2, r.bottom + gap]];
    const found = [];
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const under = document.elementsFromPoint(x, y).find(node => node !== el && !el.contains(node));
      if (under) found.push(backdrop(under, true));
    }
    return found.length ? found : [backdrop(el, false)];
  };
  const shadows = value => value === 'none' ? [] : (value.match(/(rgba?|oklch|oklab|lab|lch|hsla?|color)\([^)]*\)/g) || []).map(rgba);
  const look = el => {
    const s = getComputedStyle(el);
    return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, outlineColor: rgba(s.outlineColor),
            outlineOffset: parseFloat(s.outlineOffset) || 0, boxShadow: s.boxShadow, inset: /inset/.test(s.boxShadow),
            background: backdrop(el, true), border: rgba(s.borderTopColor), borderWidth: parseFloat(s.borderTopWidth) || 0};
  };
  // How well `after` (focused) shows against `before` (not focused) and what is behind the element.
  const indicator = (el, before, after) => {
    let best = 0, how = 'nothing changes';
    // Three sides of four must show (an edge of the ring may fall on the rim of a header, say).
    const against = (colour, behinds) => behinds.map(b => contrast(over(colour, b), b))
      .sort((p, q) => q - p)[Math.min(2, behinds.length - 1)];
    const ring = after.outlineOffset + after.outlineWidth / 2;
    const outside = around(el, Math.max(1, ring));
    if (after.outlineStyle === 'auto') return {ratio: 21, how: "the browser's own focus ring"};
    if (!['none', 'hidden'].includes(after.outlineStyle) && after.outlineWidth >= 2) {
      const behinds = after.outlineOffset + after.outlineWidth <= 0 ? [after.background] : outside;
      const ratio = against(after.outlineColor, behinds);
      if (ratio > best) [best, how] = [ratio, `a ${after.outlineWidth}px outline`];
    }
    if (after.boxShadow !== before.boxShadow) {
      for (const c of shadows(after.boxShadow)) {
        const ratio = against(c, after.inset ? [after.background] : around(el, 1));
        if (ratio > best) [best, how] = [ratio, 'a shadow'];
      }
    }
    const bg = contrast(after.background, before.background);
    if (bg > Math.max(best, 1.05)) [best, how] = [bg, 'a change of background'];
    if (after.borderWidth >= 2) {
      const border = contrast(after.border, before.border);
      if (border > Math.max(best, 1.05)) [best, how] = [border, 'a change of border colour'];
    }
    return {ratio: best, how};
  };
  const textContrast = el => {
    const s = getComputedStyle(el);
    const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const back = backdrop(el, true);
    return {ratio: contrast(over(rgba(s.color), back), back), needs: large ? 3 : 4.5};
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '')
    + (el.type && el.tagName === 'INPUT' ? `[type=${el.type}]` : '');
  const label = el => ((el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].innerText)
                        || el.innerText || el.value || '')
    .trim().replace(/\s+/g, ' ').slice(0, 40));
  const candidates = [...document.querySelectorAll(
      'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && !(el.type === 'hidden')
                  && el.checkVisibility({visibilityProperty: true}));
  const out = [];
  const start = document.activeElement;
  let checked = 0, notVisible = 0;
  // Transitions off while measuring, so styles are read as they end up, not halfway.
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.append(still);
  const opacity = el => { let o = 1; for (let n = el; n; n = n.parentElement) o *= parseFloat(getComputedStyle(n).opacity); return o; };
  const scroller = document.scrollingElement;
  const [x0, y0] = [scroller.scrollLeft, scroller.scrollTop];
  for (const el of candidates) {
    el.scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});
    const labelled = el.labels && el.labels.length ? el.labels[0] : null;
    const drawnBy = node => { const r = node.getBoundingClientRect(); return r.width > 2 && r.height > 2 && opacity(node) > 0.1; };
    // A control hidden by the page's style (a radio or check box drawn by its label) shows focus on that label.
    const shown = !drawnBy(el) && labelled ? labelled : el;
    const before = look(shown);
    el.focus({preventScroll: true});
    if (document.activeElement !== el) continue;  // takes no focus after all (for example inside a closed dialog)
    checked++;
    if (!el.matches(':focus-visible')) notVisible++;
    // The theme may show a control only once it has focus (the search box on a phone opens
    // a few frames later): give it up to 30 frames before calling it hidden.
    for (let i = 0; i < 15 && !drawnBy(shown); i++) await frame();
    if (!drawnBy(shown)) {
      out.push({el: name(el), text: label(el), problem: 'takes focus but is not drawn (under 2 px or transparent)'});
      el.blur();
      continue;
    }
    const after = look(shown);
    // 1.4.3 holds in the focused state too: the theme fills a focused button with its accent,
    // and the text must still read against that fill.
    const text = (el.innerText || '').trim() ? textContrast(el) : null;
    el.blur();
    if (text && text.ratio < text.needs) {
      out.push({el: name(el), text: label(el),
                problem: `its text is only ${text.ratio.toFixed(2)}:1 against its background when focused (needs ${text.needs}:1)`});
    }
    const found = indicator(shown, before, after);
    if (found.ratio < 3) {
      out.push({el: name(el) + (shown !== el ? ` (its label ${name(shown)})` : ''), text: label(el),
                problem: found.how === 'nothing changes' ? 'shows no focus indicator'
                         : `shows focus by ${found.how} of only ${found.ratio.toFixed(2)}:1 against its background`});
    }
  }
  still.remove();
  scroller.scrollTo({left: x0, top: y0, behavior: 'instant'});
  if (start && start.focus) start.focus({preventScroll: true});
  return {checked, notVisible, problems: out};
}
