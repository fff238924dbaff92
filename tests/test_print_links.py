"""Internal links carry their full published address for print."""

from involvement_kit.web.print_links import add_print_addresses

URL = "https://kit.example.org"


def test_relative_links_resolve_against_the_page():
    html = '<p><a href="../barriers/glass-ceilings.html#x">Glass ceilings</a></p>'
    out = add_print_addresses(html, "enablers/resources.html", URL)
    assert 'data-print-href="https://kit.example.org/barriers/glass-ceilings.html#x"' in out


def test_same_page_anchors_and_header_links_are_left_alone():
    html = '<a href="#top">Top</a><a class="headerlink" href="x.html">¶</a>'
    assert add_print_addresses(html, "index.html", URL) == html


def test_external_and_mail_links_print_as_they_are():
    out = add_print_addresses('<a href="mailto:a@b.org">mail</a><a href="https://x.org/">x</a>', "index.html", URL)
    assert 'data-print-href="a@b.org"' in out and 'data-print-href="https://x.org/"' in out


def test_nothing_changes_without_a_public_address():
    html = '<a href="a.html">a</a>'
    assert add_print_addresses(html, "index.html", "") == html
