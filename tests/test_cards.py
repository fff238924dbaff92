"""Workshop cards: card data from the model, the fit check, the cache, and the wiring into the build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import material
import pytest
import yaml
from pypdf import PdfReader

from kitfiles import build_context, render_paper
from conftest import ROOT, copy_project
from golden import check_golden
from involvement_kit.paper import cards as printing, typesetting
from involvement_kit.paper.cards import blank_count, build_cards, cards_json
from involvement_kit.errors import KitError
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from involvement_kit.pipeline.prepare import prepare
from involvement_kit.content.schema import KINDS

CARDS_KIT = Path(__file__).resolve().parent / "fixtures" / "cards-kit"
ICON_DIRS = [Path(material.__file__).parent / "templates" / ".icons"]
PUBLIC_URL = "https://kit.example.org"
VERSION = "1.2.3"



def longest(field_name: str, end: str) -> str:
    """Text as long as the schema lets this field be: loader-valid, yet the layout must judge it."""
    spec = KINDS[0].field(field_name)
    words = ("users in every group said that the changes they valued most came from questions "
             "they had raised themselves at open meetings with staff and trustees").split()
    count = spec.max_words
    while len(text := " ".join(words[:count]).capitalize() + end) > spec.max_chars:
        count -= 1
    return text


# Three of each is within the schema, but too much for the back of one card.
LONG_FINDING = longest("findings", ".")
LONG_QUESTION = longest("questions", "?")


def kit_folder(dest: Path, source: Path = CARDS_KIT) -> Path:
    """A copy of a kit folder that the loader accepts whatever kinds the schema gains."""
    shutil.copytree(source, dest, dirs_exist_ok=True)
    return fill_missing_kinds(dest)


def fill_missing_kinds(folder: Path) -> Path:
    """Kinds that cards do not use (and this fixture does not have) get an empty list."""
    for kind in KINDS:
        if not (folder / kind.file).exists():
            (folder / kind.file).write_text("[]\n", encoding="utf-8")
    return folder


def card_records(kit) -> list:
    """The records and activities that each have a card and a page (so a print-this-card PDF)."""
    return [r for r in kit.records if r.kind.name in ("enabler", "barrier", "leader_behaviour", "activity")]


def load(folder: Path):
    return load_kit(folder, version=VERSION, label="kit")


def render(kit, cache: Path, public_url: str = PUBLIC_URL):
    return render_paper(printing.batch, kit, Options(public_url=public_url), cache_dir=cache)


def with_long_back(folder: Path, record_id: str, file: str = "enablers.yml") -> None:
    """Give one record the longest back the schema allows, which no card can hold."""
    path = folder / file
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    [record] = [r for r in records if r["id"] == record_id]
    record["findings"] = [LONG_FINDING] * 3
    record["questions"] = [LONG_QUESTION] * 3
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8")


def count_typst_runs(monkeypatch) -> list:
    """Each time Typst is given any file to make: the files."""
    calls = []

    class Counted(typesetting._Run):
        def __init__(self, now, after, templates, cache_dir):
            if now or after:
                calls.append(now + after)
            super().__init__(now, after, templates, cache_dir)

    monkeypatch.setattr(typesetting, "_Run", Counted)
    return calls


@pytest.fixture
def counted_typeset(monkeypatch):
    return count_typst_runs(monkeypatch)


# --- card data ---------------------------------------------------------------------------

def test_card_data_matches_golden_file(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    check_golden("cards/cards.json", cards_json(build_cards(kit, Options(public_url=PUBLIC_URL))))


def test_every_record_becomes_one_card_in_deck_order(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    cards = build_cards(kit, Options(public_url=PUBLIC_URL))["cards"]
    # The index (two cards), how to use the deck, then the records in the report's order, then activities, then blanks.
    expected = (["index-1", "index-2", "how-to-use"]
                + [r.id for r in kit.enablers + kit.barriers + kit.leader_behaviours]
                + [a.id for a in kit.activities] + [f"blank-{n}" for n in range(1, 5)])
    assert [c["id"] for c in cards] == expected
    # The fixture's own barrier is labelled on its front too, so the fronts-only deck shows it.
    assert {c["kind_label"] for c in cards} == {"Deck index", "How to use the deck", "Enabler", "Barrier",
                                                 "Leader behaviour", "Activity", "Your own card",
                                                 "Barrier · Added by your organisation"}
    first = cards[3]
    assert first["url"] == PUBLIC_URL + "/enablers/listen-first.html"
    assert first["source_label"] == "Research finding"
    assert first["version"] == VERSION
    behaviour = next(c for c in cards if c["kind"] == "leader_behaviour")
    assert behaviour["url"] == PUBLIC_URL + f"/leadership/index.html#{behaviour['id']}"
    activity = next(c for c in cards if c["kind"] == "activity")
    assert activity["url"] == PUBLIC_URL + "/activities/index.html#count-the-seats"
    assert (activity["minutes"], activity["steps"][0]) == (10, "List every committee.")
    assert activity["source_label"] == "The kit's suggestion"
    assert all(c["url"] == "" and c["title"] == "" for c in cards if c["kind"] == "blank")


def test_the_index_card_lists_every_numbered_card_by_kind_with_its_number(tmp_path):
    """Issue 18, item 7: the deck opens with an index card in the card's own frame."""
    kit = load(kit_folder(tmp_path / "kit"))
    cards = build_cards(kit, Options(public_url=PUBLIC_URL))["cards"]
    index = [c for c in cards if c["kind"] == "index"]
    assert cards[:len(index)] == index and index[0]["title"].startswith("Cards in this deck")
    groups = [g for c in index for g in c["groups"]]
    assert [g["heading"] for g in groups] == ["Enablers", "Barriers", "Leader behaviours", "Activities"]
    listed = [f"{e['number']}: {e['title']}" for g in groups for e in g["items"]]
    assert listed == [f"{c['number']}: {c['title']}" for c in cards if c["kind"] in
                      ("enabler", "barrier", "leader_behaviour", "activity")]
    assert listed[0] == "Enabler 1 of 3: Listen before you plan"
    # Its back says how to keep the deck in order: the kit's suggestion, labelled so.
    assert all(c["steps"] and c["source_label"] == "The kit's suggestion" for c in index)


def test_a_pack_index_groups_its_cards_by_kind_whatever_order_the_plan_uses_them(tmp_path):
    """A pack's cards come in plan order (kinds mixed): its index still lists them by kind, then number."""
    kit = load(kit_folder(tmp_path / "kit"))
    numbered = [c for c in build_cards(kit, Options())["cards"] if c["number"]]
    mixed = numbered[::-1]
    index = printing.index_cards(mixed, kit, Options(), "pack")
    assert index[0]["title"].startswith("Cards in this pack")
    groups = [g for c in index for g in c["groups"]]
    # A kind split over two index cards is headed on both; no kind comes back after another.
    headings = [g["heading"] for g in groups]
    assert list(dict.fromkeys(headings)) == ["Enablers", "Barriers", "Leader behaviours", "Activities"]
    assert len(headings) <= 4 + len(index) - 1
    assert [e["number"] for g in groups for e in g["items"]] == [c["number"] for c in numbered]


def long_titled(kit):
    """The kit with every record's title as long as the schema allows."""
    titles = [longest("title", "") + f" {n}" for n in range(len(kit.records))]
    titles = [t if len(t) <= 70 else t[-70:].strip() for t in titles]
    return replace(kit, records=tuple(replace(r, title=titles[n]) for n, r in enumerate(kit.records)))


def typeset_index_cards(kit, index: list, tmp_path: Path) -> list:
    """The deck's first file, with the fit check every deck has, holding only these index cards (a
    record front with the longest title may not fit, so only the index cards and their own files go
    to Typst)."""
    from involvement_kit.paper.typesetting import Batch, typeset
    data = {**build_cards(kit, Options()), "cards": index}
    job = printing.planned_jobs(data, Options())[0]
    files = printing.card_files(build_context(kit, Options(), cache_dir=tmp_path), index)
    files["cards.json"] = printing.cards_json(data)
    return typeset([Batch("cards", files, [job], {job.output: job.output},
                          printing.overflow_problem({c["id"]: c for c in index}),
                          measure=printing.measure_job("cards.json", check=True))], tmp_path / "cache")["cards"]


def test_a_long_list_takes_as_many_index_cards_as_it_needs_and_each_fits(tmp_path):
    """Titles as long as the schema allows: the list runs onto more index cards, never off one."""
    kit = long_titled(load(kit_folder(tmp_path / "kit")))
    cards = build_cards(kit, Options())["cards"]
    index = [c for c in cards if c["kind"] == "index"]
    assert len(index) > 1 and [c["id"] for c in cards[:len(index)]] == [f"index-{n + 1}" for n in range(len(index))]
    assert [c["title"] for c in index] == [f"Cards in this deck ({n + 1} of {len(index)})" for n in range(len(index))]
    assert sum(len(g["items"]) for c in index for g in c["groups"]) == len(card_records(kit))
    assert typeset_index_cards(kit, index, tmp_path)


def test_an_index_list_that_would_run_over_stops_the_build_saying_so(tmp_path, monkeypatch):
    """The split is an estimate; the fit check still measures each index card, and says what to do."""
    kit = long_titled(load(kit_folder(tmp_path / "kit")))
    monkeypatch.setattr(printing, "INDEX_LINES", 80)
    index = [c for c in build_cards(kit, Options())["cards"] if c["kind"] == "index"]
    assert len(index) == 1
    with pytest.raises(KitError) as caught:
        typeset_index_cards(kit, index, tmp_path)
    [problem] = caught.value.problems
    assert "does not fit on index card 'index'" in str(problem) and "INDEX_LINES" in str(problem)


@pytest.mark.parametrize("cards, blanks", [(10, 2), (9, 3), (11, 5), (12, 4), (13, 3)])
def test_blank_cards_fill_the_last_sheet_and_are_never_fewer_than_two(cards, blanks):
    assert blank_count(cards) == blanks
    assert (cards + blanks) % 4 == 0


def test_organisation_is_on_every_card(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    cards = build_cards(kit, Options(organisation="Riverside Advice"))["cards"]
    assert {c["organisation"] for c in cards} == {"Riverside Advice"}


def test_cards_without_public_url_have_no_address(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    cards = build_cards(kit, Options())["cards"]
    assert all(c["url"] == "" for c in cards)


def test_qr_codes_are_made_only_when_there_is_an_address(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    # Every card with a page (records, activities), and the index and instructions cards, which point to the
    # print page.
    for url, expected in ((PUBLIC_URL, len(card_records(kit)) + 3), ("", 0)):
        data = build_cards(kit, Options(public_url=url))
        files = printing.card_files(build_context(kit, Options(public_url=url), cache_dir=tmp_path), data["cards"])
        qr = [files[name] for name in sorted(files) if name.startswith("qr/")]
        assert len(qr) == expected
        if qr:
            assert qr[0].decode("utf-8").startswith("<svg")


# --- the fit check -----------------------------------------------------------------------

def test_cards_with_empty_optional_fields_render(tmp_path):
    # 'time-to-talk' and 'shares-power' have no findings, questions or opening question.
    kit = load(kit_folder(tmp_path / "kit"))
    downloads = render(kit, tmp_path / "cache")
    assert all(path.is_file() and path.stat().st_size > 1000 for _, path in downloads)


def test_overflowing_back_stops_with_card_field_and_face(tmp_path):
    with_long_back(kit_folder(tmp_path / "kit"), "share-the-budget")
    kit = load(tmp_path / "kit")
    with pytest.raises(KitError) as caught:
        render(kit, tmp_path / "cache")
    problems = caught.value.problems
    assert len(problems) == 1
    problem = problems[0]
    assert problem.record == "share-the-budget"
    assert problem.field in ("findings", "questions")
    assert problem.file == "kit/enablers.yml"
    assert "back of card 'share-the-budget'" in problem.message
    message = caught.value.describe()
    assert "share-the-budget" in message and "back" in message and problem.field in message
    # Nothing half-made is left in the cache.
    assert not list((tmp_path / "cache" / "cards").glob("*/cards-a4.pdf"))


def test_overflowing_front_names_the_field_that_runs_over(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    long_summary = " ".join(["Users shaped the plans, the budget and the meetings."] * 12)
    records = tuple(replace(r, summary=long_summary) if r.id == "closed-meetings" else r for r in kit.records)
    with pytest.raises(KitError) as caught:
        render(replace(kit, records=records), tmp_path / "cache")
    [problem] = caught.value.problems
    assert (problem.record, problem.field) == ("closed-meetings", "summary")
    assert "front of card 'closed-meetings'" in problem.message
    assert problem.file == "kit/barriers.yml"


def test_every_overflowing_card_is_reported_at_once(tmp_path):
    with_long_back(kit_folder(tmp_path / "kit"), "share-the-budget")
    kit = load(tmp_path / "kit")
    long_title = "Users " * 90
    records = tuple(replace(r, title=long_title.strip()) if r.id == "asks-questions" else r for r in kit.records)
    with pytest.raises(KitError) as caught:
        render(replace(kit, records=records), tmp_path / "cache")
    found = {(p.record, p.message.split(" of card")[0].split()[-1]) for p in caught.value.problems}
    assert ("share-the-budget", "back") in found
    assert ("asks-questions", "front") in found
    assert ("asks-questions", "back") in found


# --- the cache ---------------------------------------------------------------------------

def test_same_inputs_do_not_run_typst_again(tmp_path, counted_typeset):
    kit = load(kit_folder(tmp_path / "kit"))
    first = render(kit, tmp_path / "cache")
    before = [path.stat().st_mtime_ns for _, path in first]
    second = render(load(kit_folder(tmp_path / "kit")), tmp_path / "cache")
    assert len(counted_typeset) == 1
    assert first == second
    assert [path.stat().st_mtime_ns for _, path in second] == before


def test_same_inputs_give_the_same_bytes(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    first, second = render(kit, tmp_path / "one"), render(kit, tmp_path / "two")
    for (_, a), (_, b) in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_changed_record_renders_again_and_replaces_the_old_decks(tmp_path, counted_typeset):
    folder = kit_folder(tmp_path / "kit")
    first = render(load(folder), tmp_path / "cache")
    text = (folder / "barriers.yml").read_text(encoding="utf-8")
    (folder / "barriers.yml").write_text(text.replace("title: Closed meetings", "title: Meetings behind closed doors"),
                                         encoding="utf-8")
    second = render(load(folder), tmp_path / "cache")
    assert len(counted_typeset) == 2
    assert first[0][1] != second[0][1]
    assert not first[0][1].exists(), "the decks of old inputs are removed"
    assert all(path.is_file() for _, path in second)


def test_public_url_and_version_are_inputs(tmp_path, counted_typeset):
    kit = load(kit_folder(tmp_path / "kit"))
    render(kit, tmp_path / "cache")
    render(kit, tmp_path / "cache", public_url="https://other.example.org")
    render(replace(kit, version="2.0.0"), tmp_path / "cache", public_url="https://other.example.org")
    assert len(counted_typeset) == 3


def test_template_change_renders_again(tmp_path, counted_typeset, monkeypatch):
    kit = load(kit_folder(tmp_path / "kit"))
    render(kit, tmp_path / "cache")
    templates = tmp_path / "templates"
    shutil.copytree(typesetting.TEMPLATES, templates)
    with open(templates / "card.typ", "a", encoding="utf-8") as f:
        f.write("\n// changed\n")
    monkeypatch.setattr(typesetting, "TEMPLATES", templates)
    render(kit, tmp_path / "cache")
    assert len(counted_typeset) == 2


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build` without --strict: other pages' warnings are not this feature's; ours are checked."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


# --- wiring into the build ---------------------------------------------------------------

def test_prepare_returns_the_decks_a4_first(tmp_path):
    project = tmp_path / "project"
    kit_folder(project / "kit")
    (project / "docs").mkdir()
    prepared = prepare(project, {"public_url": PUBLIC_URL, "outputs": ["cards"]}, docs_dir=project / "docs",
                       icon_dirs=ICON_DIRS)
    sites = [site for site, _ in prepared.downloads]
    assert sites[:5] == [f"downloads/{name}-a4.pdf" for name in
                         ("cards", "cards-fronts", "cards-fold", "cards-large", "cards-test")]
    assert sites[5] == "downloads/cards-letter.pdf"
    kit = prepared.kit
    for record in card_records(kit):
        assert f"downloads/cards/{record.id}.pdf" in sites
    assert {f"downloads/previews/{name}.png" for name in ("cards", "cards-fronts", "cards-fold", "cards-large",
                                                         "cards-test")} <= set(sites)
    assert not [s for s in sites if s.startswith("downloads/packs/")], "packs are off"
    for _, path in prepared.downloads:
        assert path.is_file()
        assert (project / ".cache" / "kit") in path.parents


def test_letter_first_when_the_organisation_prints_on_letter(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    downloads = render_paper(printing.batch, kit, Options(paper="letter"), cache_dir=tmp_path / "cache")
    assert downloads[0][0] == "downloads/cards-letter.pdf"
    one = dict(downloads)["downloads/cards/listen-first.pdf"]
    assert float(PdfReader(one).pages[0].mediabox.height) == pytest.approx(792, abs=0.1)


def test_cards_off_means_no_card_files(tmp_path):
    project = tmp_path / "project"
    kit_folder(project / "kit")
    (project / "docs").mkdir()
    # The easy read's symbols ship in docs/, as in every copy of the kit.
    shutil.copytree(ROOT / "docs" / "images" / "symbols", project / "docs" / "images" / "symbols")
    prepared = prepare(project, {"outputs": ["sheets"]}, docs_dir=project / "docs", icon_dirs=ICON_DIRS)
    assert not [s for s, _ in prepared.downloads if "cards" in s or "packs" in s]
    page = next(p for p in prepared.pages if p.path == "enablers/listen-first.md")
    assert "downloads/cards/" not in page.markdown
    activities = next(p for p in prepared.pages if p.path == "activities/index.md")
    assert "Print this card" not in activities.markdown
    # The hand-written print page links every deck: a short page takes its place.
    [print_page] = [p for p in prepared.pages if p.path == "print-cards.md"]
    assert "downloads/" not in print_page.markdown and "chosen not to offer" in print_page.markdown
    on = prepare(project, {}, docs_dir=project / "docs", icon_dirs=ICON_DIRS)
    assert not [p for p in on.pages if p.path == "print-cards.md"]


@pytest.mark.build
def test_mkdocs_build_publishes_the_decks_and_the_print_page(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    fill_missing_kinds(project / "kit")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    ours = [line for line in result.stderr.splitlines()
            if "WARNING" in line and ("downloads/" in line or "print-cards" in line)]
    assert not ours, ours
    site = project / "site"
    for name in ("cards-a4.pdf", "cards-letter.pdf"):
        assert (site / "downloads" / name).read_bytes()[:5] == b"%PDF-"
    page = (site / "print-cards.html").read_text(encoding="utf-8")
    assert page.index('href="downloads/cards-a4.pdf"') < page.index('href="downloads/cards-letter.pdf"')
    assert (project / ".cache" / "kit" / "cards").is_dir()


@pytest.mark.build
def test_mkdocs_build_stops_on_a_card_that_does_not_fit(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    fill_missing_kinds(project / "kit")
    record_id = "users-priorities"
    with_long_back(project / "kit", record_id)
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"record '{record_id}'" in output
    assert "back of card" in output
    assert "Traceback" not in output
    assert not (project / "site").exists()


def test_real_kit_cards_fit(tmp_path):
    kit = load(kit_folder(tmp_path / "kit", source=ROOT / "kit"))
    downloads = render(kit, tmp_path / "cache")
    # 5 layouts on 2 papers, one PDF per card with a page, 5 previews.
    assert len(downloads) == 10 + len(card_records(kit)) + 5


def test_overflowing_activity_back_names_the_steps(tmp_path):
    kit = load(kit_folder(tmp_path / "kit"))
    long_step = " ".join(["Each person writes down what they would change first and why."] * 3)
    records = tuple(replace(r, steps=(long_step,) * 6) if r.id == "count-the-seats" else r for r in kit.records)
    with pytest.raises(KitError) as caught:
        render(replace(kit, records=records), tmp_path / "cache")
    [problem] = caught.value.problems
    assert (problem.record, problem.field) == ("count-the-seats", "steps")
    assert "back of card 'count-the-seats'" in problem.message
