"""html_fixes.fix_page: each repair, idempotence, and nothing else touched."""

from __future__ import annotations

from involvement_kit.web.html_fixes import fix_page

MATERIAL = """<body>
<label class="md-header__button md-icon" for="__drawer"><svg></svg></label>
<nav class="md-nav md-nav--primary" aria-label="Navigazione" data-md-level="0"></nav>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<div class="md-search" data-md-component="search" role="dialog">
<input type="text" class="md-search__input" name="query" aria-label="Rechercher" autocomplete="off" required>
</div>
<input class="md-nav__toggle md-toggle " type="checkbox" id="__nav_2" >
<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">Enablers</label>
<label class="md-nav__title" for="__toc">Table of contents</label>
<label class="md-nav__title" for="__drawer">Menu</label>
<p>Text about tabindex="" and autocomplete="off" stays as it is.</p>
</body>"""


def test_check_boxes_lose_autocomplete_but_text_inputs_keep_it():
    fixed = fix_page(MATERIAL)
    assert 'type="checkbox" id="__drawer">' in fixed and 'type="checkbox" id="__search">' in fixed
    assert 'aria-label="Rechercher" autocomplete="off" required>' in fixed


def test_empty_tabindex_is_removed():
    fixed = fix_page(MATERIAL)
    assert '<label class="md-nav__link " for="__nav_2" id="__nav_2_label">Enablers' in fixed


def test_a_label_for_a_control_that_is_not_there_loses_its_for():
    fixed = fix_page(MATERIAL)
    assert '<label class="md-nav__title">Table of contents' in fixed
    assert '<label class="md-nav__title" for="__drawer">Menu' in fixed


def test_search_dialog_is_named_after_the_search_box():
    fixed = fix_page(MATERIAL)
    assert 'role="dialog" aria-label="Rechercher">' in fixed
    named = '<div role="dialog" aria-labelledby="x">'
    assert fix_page(named) == named


def test_text_is_untouched_and_fixing_twice_changes_nothing():
    fixed = fix_page(MATERIAL)
    assert '<p>Text about tabindex="" and autocomplete="off" stays as it is.</p>' in fixed
    assert fix_page(fixed) == fixed
    assert fix_page("<p>plain</p>") == "<p>plain</p>"


def test_attribute_values_holding_angle_brackets_do_not_confuse_it():
    tag = '<input type="checkbox" title="a > b" autocomplete="off" id="x">'
    assert fix_page(tag) == '<input type="checkbox" title="a > b" id="x">'


def test_the_drawer_button_joins_the_tab_order_with_the_theme_s_name_for_the_navigation():
    fixed = fix_page(MATERIAL)
    assert ('<label class="md-header__button md-icon" for="__drawer" tabindex="0">'
            '<span class="kit-visually-hidden">Navigazione</span><svg>') in fixed


def test_a_table_of_contents_check_box_that_no_label_toggles_is_dropped():
    # HTML_CodeSniffer: a check box with no name (WCAG 4.1.2), on pages with no headings below
    # the title, where Material writes the __toc box but no label for it.
    page = ('<li><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n<a href="g.html">G</a></li>'
            '<input class="md-nav__toggle md-toggle " type="checkbox" id="__nav_2" >'
            '<label class="md-nav__link" for="__nav_2">Enablers</label>')
    fixed = fix_page(page)
    assert 'id="__toc"' not in fixed and '<li>\n<a href="g.html">G</a></li>' in fixed
    assert 'id="__nav_2"' in fixed
    labelled = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label for="__toc">Contents</label>'
    assert fix_page(labelled) == labelled


def test_the_search_form_gets_a_submit_button_named_like_the_search_box():
    # HTML_CodeSniffer H32.2 (WCAG 3.2.2): a form with no submit button.
    page = ('<form class="md-search__form" name="search">'
            '<input type="text" class="md-search__input" name="query" aria-label="Rechercher" required>'
            '<button type="reset" tabindex="-1">x</button></form><form class="other"></form>')
    fixed = fix_page(page)
    assert fixed.count('type="submit"') == 1
    assert ('<button type="reset" tabindex="-1">x</button><button type="submit" class="kit-search-submit '
            'kit-visually-hidden" tabindex="-1">Rechercher</button></form><form class="other"></form>') in fixed
    assert fix_page(fixed) == fixed
