"""Compare how people in different roles scored their organisation, from files.

For facilitators who collect answers as files: the scorer's JSON or CSV exports, a CSV
grid of paper sheets typed in (first column `role`, then one column per statement id;
cells 0, 1, 2, ? for don't know, or blank), or a .txt file of answer codes, one a line
(the code under each scorer's results). Writes a Markdown or HTML report.

    python scripts/compare_scores.py answers/ --format html --output report.html
    python scripts/compare_scores.py answers-2027/ --baseline answers-2026/
    python scripts/compare_scores.py answers/ --codes codes-typed-in.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from involvement_kit import __version__
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import read_options
from involvement_kit.errors import KitError, Problem
from involvement_kit.scoring.answer_code import Catalogue, read_code_file
from involvement_kit.scoring.compare import compare, progress
from involvement_kit.scoring.history import load_history
from involvement_kit.scoring.report import render_report
from involvement_kit.scoring.responses import read_answers
from involvement_kit.vocabulary import THRESHOLD_RANGE

ROOT = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml names Python objects for MkDocs; only the kit's options matter here."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of .json and .csv answer files, and .txt files of codes")
    parser.add_argument("--codes", type=Path, action="append", default=[],
                        help="a text file of answer codes, one a line (may be given more than once)")
    parser.add_argument("--baseline", type=Path, help="folder of an earlier round, to show what moved")
    parser.add_argument("--format", choices=("md", "html"), default="md")
    parser.add_argument("--output", "-o", type=Path, help="file to write (default: print)")
    parser.add_argument("--threshold", type=int,
                        help="smallest group shown on its own (default: extra.kit.threshold, else 3)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the kit's mkdocs.yml")
    args = parser.parse_args(argv)
    low, high = THRESHOLD_RANGE
    if args.threshold is not None and not low <= args.threshold <= high:
        parser.error(f"--threshold must be a whole number from {low} to {high}, as on the website")

    try:
        config = yaml.load(args.config.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        project = args.config.resolve().parent
        options = read_options((config.get("extra") or {}).get("kit"), file=args.config.name, project_dir=project,
                               docs_dir=project / config.get("docs_dir", "docs"))
        kit = load_kit(project / options.kit_dir, version=__version__, label=options.kit_dir,
                       own_dir=(project / options.own_records) if options.own_records else None,
                       own_label=options.own_records, switched_off=options.switched_off)
        history = load_history(project / options.kit_dir, kit, label=options.kit_dir)
        statements = {s.id: s.area for s in kit.statements}
        threshold = args.threshold if args.threshold is not None else options.threshold

        catalogue: Catalogue = {"version": kit.version, "roles": list(options.roles),
                                "statements": [{"id": s.id, "quick": s.quick} for s in kit.statements]}

        def read(folder: Path, code_files: list[Path]):
            if not folder.is_dir():
                raise SystemExit(f"error: {folder} is not a folder")
            found = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".json", ".csv", ".txt"))
            if not found and not code_files:
                raise SystemExit(f"error: {folder} has no .json, .csv or .txt files")
            files = [p for p in found if p.suffix.lower() != ".txt"]
            codes = [p for p in found if p.suffix.lower() == ".txt"] + code_files
            problems: list[Problem] = []
            coded = []
            for path in codes:
                try:
                    text = path.read_bytes().decode("utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    problems.append(Problem(path.name, "is not a UTF-8 text file of answer codes"))
                    continue
                coded += read_code_file(text, path.name, catalogue, problems)
            try:
                people = read_answers(files, statements, list(options.roles), kit.version, history,
                                      quick={s.id for s in kit.quick_check}, also=coded)
            except KitError as exc:
                problems = list(exc.problems) + problems
            if problems:
                raise KitError(problems)
            return coded + people

        responses = read(args.folder, args.codes)
        moves = (progress(read(args.baseline, []), responses, statements, threshold=threshold, roles=options.roles)
                 if args.baseline else ())
    except KitError as exc:
        print(exc.describe().replace("The kit content has", "The answer files have", 1), file=sys.stderr)
        return 1
    comparison = compare(responses, statements, roles=options.roles, threshold=threshold)
    text = render_report(comparison, kit, fmt=args.format, moves=moves)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"Wrote {args.output} ({len(responses)} people).")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
