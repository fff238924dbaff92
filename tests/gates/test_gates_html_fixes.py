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
