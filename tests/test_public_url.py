"""No placeholder addresses: with `public_url` empty (the default) nothing printed or published
carries a web address or a QR code, and the build says how to set it; with it set, every QR
code decodes, matches the address printed beside it and leads to a page (and anchor) that exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from involvement_kit.pipeline import NO_PUBLIC_URL
from test_print_standards import render_every_pdf

pytestmark = pytest.mark.needs("poppler", "zbar")

PUBLISHED = "https://kit.riverside.org.uk"
TEXT_SUFFIXES = {".html", ".js", ".css", ".json", ".xml", ".txt", ".svg", ".webmanifest"}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def qr_codes(pdf: Path, dest: Path, pages: list[int] | None = None) -> list[str]:
    """Every QR code on the given pages (all when None), decoded by zbarimg from a 200 dpi image."""
    dest.mkdir(parents=True, exist_ok=True)
    args = ["pdftoppm", "-r", "200", "-gray", "-png"]
    found: list[str] = []
    for page in pages or [0]:
        prefix = dest / f"{pdf.stem}-{page}"
        subprocess.run(args + ([] if page == 0 else ["-f", str(page), "-l", str(page)]) + [str(pdf), str(prefix)],
                       check=True, capture_output=True)
    for image in sorted(dest.glob(f"{pdf.stem}-*.png")):
        result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                                capture_output=True, text=True)
        assert result.returncode in (0, 4), result.stderr  # 4: no code on this page
        found += [line for line in result.stdout.splitlines() if line]
    return found


def test_default_build_prints_no_address_and_says_how_to_set_it(site_build, tmp_path):
    assert site_build.returncode == 0, site_build.stderr
    log = site_build.stdout + site_build.stderr
    assert log.count(NO_PUBLIC_URL) == 1, log[-2000:]
    assert "public_url" in NO_PUBLIC_URL and "mkdocs.yml" in NO_PUBLIC_URL
    site = site_build.site
    for path in site.rglob("*"):
        if path.suffix in TEXT_SUFFIXES:
            assert "example.org" not in path.read_text(encoding="utf-8", errors="replace"), path
    pdfs = sorted(site.rglob("*.pdf"))
    assert len(pdfs) > 40
    for pdf in pdfs:
        text = pdf_text(pdf)
        assert "example.org" not in text and "On screen:" not in text, pdf
        assert not re.search(r"https?://\S*(kit|user-involvement)", text), pdf
    # No QR code on any card back: the deck, a single card, a pack.
    for pdf in [site / "downloads" / "cards-a4.pdf", next((site / "downloads" / "cards").glob("*.pdf")),
                next((site / "downloads" / "packs").glob("*.pdf"))]:
        assert qr_codes(pdf, tmp_path / pdf.stem) == [], pdf


def test_with_public_url_every_qr_code_leads_to_a_page_that_exists(built_site, tmp_path):
    made = render_every_pdf(tmp_path / "made", public_url=PUBLISHED)
    checked = 0
    singles = sorted(s for s in made if s.startswith("downloads/cards/"))
    assert len(singles) > 20
    # The whole deck, every pack and a few single cards: zbarimg takes a while a page.
    for site_path in ["downloads/cards-a4.pdf", *singles[:3], *sorted(s for s in made if "/packs/" in s)]:
        pdf = made[site_path]
        # Only the pages that print the address: a code is always printed beside it (checked below), and
        # rendering every page of every pack at 200 dpi took most of this test's time.
        pages = [n for n, page in enumerate(pdf_text(pdf).split("\f"), 1)
                 if PUBLISHED.removeprefix("https://") in " ".join(page.split()).replace("- ", "-")]
        codes = qr_codes(pdf, tmp_path / "png" / Path(site_path).stem, pages)
        assert codes, site_path
        text = " ".join(pdf_text(pdf).split()).replace("- ", "-")
        for url in codes:
            assert url.startswith(PUBLISHED + "/"), url
            parts = urlsplit(url)
            page = built_site / parts.path.lstrip("/")
            assert page.is_file(), url
            if parts.fragment:
                assert f'id="{parts.fragment}"' in page.read_text(encoding="utf-8"), url
            checked += 1
        # Printed beside the code, so a person without a phone can type it.
        assert PUBLISHED.removeprefix("https://") in text, site_path
    assert checked > 40
