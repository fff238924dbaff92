#!/usr/bin/env python3
"""Easy-read report: for every easy-read page, how long its sentences are and how many
points have a picture. Runs the same checks as the build, and exits 1 if any fail.

    .venv/bin/python scripts/easy_read_report.py [--config mkdocs.yml] [--markdown]

The figures count the words a reader reads: page text, points and the Words to know box.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from involvement_kit.content import easy_read_rules as rules  # noqa: E402
from involvement_kit.content.loader import load_kit  # noqa: E402
from involvement_kit.content.options import read_options  # noqa: E402
from involvement_kit.errors import KitError  # noqa: E402
from involvement_kit.web.easy_read import _handwritten, render_easy_read_pages  # noqa: E402


class _Loader(yaml.SafeLoader):
    """mkdocs.yml names Python objects (!!python/name:...); the report needs none of them."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def page_figures(markdown: str) -> dict:
    body = rules._FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    body = rules._SKIP_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    lengths: list[int] = []
    points = pictures = 0
    for block in rules._blocks(body):
        for sentence in rules.sentences(rules.markdown_to_text(block.text)):
            lengths.append(len(rules.words(sentence)))
        if block.kind == "point":
            points += 1
            pictures += rules._has_picture(block.text)[0]
    return {
        "sentences": len(lengths),
        "mean": sum(lengths) / len(lengths) if lengths else 0.0,
        "longest": max(lengths, default=0),
        "points": points,
        "pictures": pictures,
    }


def collect(config_path: Path) -> tuple[list[tuple[str, dict]], list[str]]:
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    project = config_path.parent
    docs_dir = project / config.get("docs_dir", "docs")
    options = read_options((config.get("extra") or {}).get("kit"), project_dir=project, docs_dir=docs_dir)
    kit_dir = project / options.kit_dir
    # The loader checks the records' own easy-read points and kit/easy-read-pages.yml, naming the line of each mistake.
    try:
        kit = load_kit(kit_dir, label=options.kit_dir)
    except KitError as exc:
        return [], [str(p) for p in exc.problems]
    hard = rules.load_hard_words(kit_dir, options.kit_dir)
    problems: list[str] = []
    handwritten = _handwritten(docs_dir)
    # The pages link to the PDFs as the site does (the options say whether they are made; none is made here).
    pages = [(page.path, file, record, page.markdown) for page, file, record in
             render_easy_read_pages(kit, options, hard, existing=tuple((t, p) for p, t, _ in handwritten))]
    pages += [(path, f"{docs_dir.name}/{path}", None, text) for path, _, text in handwritten]
    figures = []
    for path, file, record, markdown in sorted(pages):
        problems += [str(p) for p in rules.check_page(markdown, hard, file=file, record=record)]
        figures.append((path, page_figures(markdown)))
    return figures, problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="the site's mkdocs.yml")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    try:
        figures, problems = collect(Path(args.config).resolve())
    except KitError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1
    if args.markdown:
        print("| page | sentences | mean words | longest | points | with a picture |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for path, f in figures:
            print(f"| {path} | {f['sentences']} | {f['mean']:.1f} | {f['longest']} | {f['points']} | "
                  f"{f['pictures']}/{f['points']} |")
    else:
        width = max(len(p) for p, _ in figures)
        print(f"{'page':<{width}}  sentences  mean  longest  pictures/points")
        for path, f in figures:
            print(f"{path:<{width}}  {f['sentences']:>9}  {f['mean']:>4.1f}  {f['longest']:>7}  "
                  f"{f['pictures']:>8}/{f['points']}")
    total = [f for _, f in figures]
    words = sum(f["mean"] * f["sentences"] for f in total)
    count = sum(f["sentences"] for f in total)
    print(f"\n{len(figures)} pages, {count} sentences, mean {words / count if count else 0:.1f} words, "
          f"longest {max((f['longest'] for f in total), default=0)}; "
          f"{sum(f['pictures'] for f in total)} of {sum(f['points'] for f in total)} points have a picture.")
    if problems:
        print("\nProblems:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
