"""Easy-read PDFs (booklet, cards, scoring sheet) with Typst. Not written yet: no downloads."""

from __future__ import annotations


def render_easy_read_print(kit, options, hard, *, cache_dir, icon_dirs, docs_dir):
    return []
