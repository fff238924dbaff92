"""Print packs: for each session plan, one PDF with exactly what the session needs on paper.

A pack holds the plan (with its timetable and facilitator notes), the cards its steps use in
the deck's two-sided layout, and the scoring sheets the plan lists. Typst makes each pack as
one document from the same templates as the deck (card.typ, layouts.typ) and the sheets
(sheet.typ), so a pack never differs from the files printed on their own.

Packs are dated with the build date (or SOURCE_DATE_EPOCH, for reproducible builds) and
numbered "Page N of M". Like the decks, they are cached under a hash of every input.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from importlib.metadata import version as package_version
from pathlib import Path

from .cards import CARD_ICONS, CARD_KINDS, activity_card, card
from .filecache import Fingerprint, cached_files
from .model import Activity, Kit, SessionPlan
from .options import Options
from .pages import SOURCE_LABELS
from .printing import TEMPLATES, _overflow_problems, _write_inputs, compile_in_parallel, font_dir, icon_file
from .session_pages import clock, pack_papers, pack_pdf, plan_cards, schedule
from .sheets import SETS, build_sheet, sheets_json
from .errors import KitError

PACK = "pack.typ"
SHEET = "sheet.typ"
# sheet.typ takes its data file from sys.inputs; a pack may hold two sheets, so each gets a copy
# of the template that names its own data file.
_SHEET_DATA = re.compile(r'sys\.inputs\.at\("data", default: "[^"]*"\)')


def build_date(today: dt.date | None = None) -> str:
    """'26 November 2026': SOURCE_DATE_EPOCH when set, so a reproducible build prints the same date."""
    if today is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        today = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch and epoch.isdigit()
                 else dt.date.today())
    return f"{today.day} {today:%B %Y}"


def _card_data(item, kit: Kit, options: Options) -> dict:
    return activity_card(item, kit, options) if isinstance(item, Activity) else card(item, kit, options)


def build_pack(kit: Kit, plan: SessionPlan, options: Options, date: str) -> dict:
    cards = [_card_data(item, kit, options) for item in plan_cards(kit, plan)]
    sheets = [name for name in plan.sheets if name in SETS] if kit.statements else []
    steps = []
    for row in schedule(plan, kit):
        step = row["step"]
        steps.append({"number": row["number"], "title": step.title, "minutes": step.minutes,
                      "start_clock": clock(row["start"]), "end_clock": clock(row["end"]),
                      "cards": [c.title for c in row["cards"]], "materials": list(step.materials),
                      "notes": step.notes})
    contents = ["This plan, with its timetable and notes for the facilitator."]
    if cards:
        contents.append(f"{len(cards)} cards, two-sided: print on both sides, flip on long edge, at 100%.")
    for name in sheets:
        contents.append(f"The {SETS[name].lower()} scoring sheet.")
    return {
        "version": kit.version,
        "date": date,
        "organisation": options.organisation,
        "url": options.page_url(plan.page),
        "contents": contents,
        "plan": {
            "id": plan.id, "title": plan.title, "summary": plan.summary, "purpose": plan.purpose,
            "outcomes": list(plan.outcomes), "invite": list(plan.invite), "pre_work": list(plan.pre_work),
            "room": list(plan.room), "minutes": plan.minutes, "total_clock": clock(plan.minutes),
            "source_label": SOURCE_LABELS[plan.source], "steps": steps,
        },
        "cards": cards,
        "sheets": sheets,
        # The deck's build checks that every face fits; a pack checks its own only when there is no deck.
        "check": "cards" not in options.outputs,
    }


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_packs(kit: Kit, options: Options, *, cache_dir: Path, icon_dirs: list[Path],
                 date: str | None = None) -> list[tuple[str, Path]]:
    """One pack per session plan and paper, the organisation's paper first; none when packs are off."""
    if "packs" not in options.outputs or not kit.sessions:
        return []
    date = date or build_date()
    packs = {plan.id: _json(build_pack(kit, plan, options, date)) for plan in kit.sessions}
    sheets = {name: sheets_json(build_sheet(kit, options, name)) for name in SETS} if kit.statements else {}
    icons = {kind: icon_file(icon_dirs, CARD_ICONS[kind]) for kind in CARD_KINDS}
    fonts = sorted(font_dir().glob("*.[ot]tf"))
    names = {(plan_id, paper): Path(pack_pdf(plan_id, paper)).name
             for plan_id in packs for paper in pack_papers(options)}

    def make(work: Path) -> None:
        every_card = {c["id"]: c for text in packs.values() for c in json.loads(text)["cards"]}
        all_cards = {"cards": list(every_card.values())}
        _write_inputs(work, all_cards, _json(all_cards), icons)
        template = (TEMPLATES / SHEET).read_text(encoding="utf-8")
        for name, text in sheets.items():
            (work / f"sheet-{name}.json").write_text(text, encoding="utf-8")
            own, count = _SHEET_DATA.subn(f'"sheet-{name}.json"', template)
            if count != 1:
                raise RuntimeError(f"{SHEET} no longer reads its data file from sys.inputs.data; update packs.py")
            (work / f"sheet-{name}.typ").write_text(own, encoding="utf-8")
        for plan_id, text in packs.items():
            (work / f"pack-{plan_id}.json").write_text(text, encoding="utf-8")
        _typeset(work, names, every_card)

    files = cached_files(Path(cache_dir) / "packs", _cache_key(packs, sheets, options, icons, fonts),
                         list(names.values()), make)
    return [(pack_pdf(plan_id, paper), files[name]) for (plan_id, paper), name in names.items()]


def _typeset(work: Path, names: dict[tuple[str, str], str], cards: dict[str, dict]) -> None:
    """Every pack from the same templates, on two cores (see printing.compile_in_parallel)."""
    import typst

    def make_compiler():
        return typst.Compiler(input=str(work / PACK), root=str(work), font_paths=[str(font_dir())],
                              ignore_system_fonts=True)

    def run(compiler, job) -> None:
        (plan_id, paper), name = job
        try:
            compiler.compile(output=str(work / name), sys_inputs={"data": f"pack-{plan_id}.json", "paper": paper})
        except typst.TypstError as exc:
            problems = _overflow_problems(str(exc.message), cards)
            if problems:
                raise KitError(problems) from None
            raise RuntimeError(f"Typst could not lay out the print pack {name}: {exc}") from exc

    compile_in_parallel(make_compiler, list(names.items()), run)


def _cache_key(packs: dict[str, str], sheets: dict[str, str], options: Options, icons, fonts) -> str:
    key = Fingerprint()
    for name, text in sorted(packs.items()):
        key.add(f"pack:{name}", text)
    for name, text in sorted(sheets.items()):
        key.add(f"sheet:{name}", text)
    key.add("options", repr(options))
    for name in ("typst", "segno"):
        key.add(name, package_version(name))
    key.add("packs.py", Path(__file__).read_bytes())
    key.add("printing.py", (Path(__file__).parent / "printing.py").read_bytes())
    key.add_files("template", sorted(TEMPLATES.glob("*.typ")))
    for kind, path in sorted(icons.items()):
        key.add(f"icon:{kind}", path.read_bytes())
    return key.add_files("font", fonts).hexdigest()
