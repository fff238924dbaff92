"""The paper workers and a build's files made while its pages render (issue 14, speed).

A build hands every file to worker processes, waits only for the ones that can find a
mistake (the measures and the checks), renders its pages, and waits for the rest at the end.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from involvement_kit.errors import KitError
from involvement_kit.paper import typesetting, workers
from involvement_kit.pipeline.reuse import prepare_reusing
from test_cards import with_long_back
from test_reuse import ICONS, OPTIONS, project_dir  # noqa: F401 - the same project copy as the reuse tests


def build(project_dir):
    """As the MkDocs hooks prepare a build: the files that check nothing may come later."""
    return prepare_reusing(project_dir, OPTIONS, docs_dir=project_dir / "docs", icon_dirs=ICONS,
                           site_name="User involvement kit", behind=True)


def test_a_build_gets_every_file_once_it_has_finished_and_only_then_is_stored(project_dir):
    prepared = build(project_dir)
    assert prepared.later, "the files that check nothing are left to be made while the pages render"
    stored = project_dir / ".cache" / "kit" / "prepared"
    assert not list(stored.glob("*.pickle")), "stored before every file was made"
    prepared.later.finish()
    assert all(Path(path).is_file() for _, path in prepared.downloads)
    assert len(list(stored.glob("*.pickle"))) == 1
    again = build(project_dir)
    assert not again.later and again.downloads == prepared.downloads


def test_a_card_that_does_not_fit_stops_the_build_before_its_pages(project_dir):
    """The fit is measured before the pages (the measure is a check), so `site/` is never touched."""
    with_long_back(project_dir / "kit", "committed-leaders")
    with pytest.raises(KitError) as caught:
        build(project_dir)
    assert any(p.record == "committed-leaders" for p in caught.value.problems)


def test_while_the_pages_render_one_core_stays_the_builds(project_dir):
    prepared = build(project_dir)
    busy = workers.pool()._limit
    prepared.later.finish()
    assert busy == max(1, workers.COUNT - 1)
    assert workers.pool()._limit == workers.COUNT


def tiny_job(tmp_path: Path, name: str) -> dict:
    work = tmp_path / name
    work.mkdir()
    (work / "t.typ").write_text('#set document(title: "t")\n#set text(lang: "en")\nHello\n', encoding="utf-8")
    return {"token": name, "work": str(work), "entry": "t.typ", "inputs": {}, "out": str(work / "t.pdf"),
            "fonts": str(typesetting.font_dir()), "standards": ["ua-1"]}


def test_a_worker_that_dies_fails_its_file_and_is_started_again(tmp_path):
    pool = workers.Workers(1)
    try:
        assert pool.submit("typst", tiny_job(tmp_path, "first")).result() is None
        pool._processes[-1].kill()
        pool._processes[-1].wait()
        # The next file starts a new worker process, and is made.
        assert pool.submit("typst", tiny_job(tmp_path, "second")).result() is None
        assert (tmp_path / "second" / "t.pdf").read_bytes().startswith(b"%PDF")
        # A file the worker cannot make is reported, naming it; the worker goes on.
        bad = dict(tiny_job(tmp_path, "third"), entry="missing.typ")
        assert pool.submit("typst", bad).result(), "Typst's message for a missing file"
        assert pool.submit("typst", tiny_job(tmp_path, "fourth")).result() is None
    finally:
        pool.close()


def test_limited_workers_take_turns(tmp_path, monkeypatch):
    pool = workers.Workers(2)
    most, running, lock = [0], [0], threading.Lock()
    real = pool._ask

    def counted(*args):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            return real(*args)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(pool, "_ask", counted)
    try:
        pool.limit(1)
        futures = [pool.submit("typst", tiny_job(tmp_path, f"job{n}")) for n in range(6)]
        assert [f.result() for f in futures] == [None] * 6
        assert most[0] == 1
    finally:
        pool.close()


def test_closing_with_files_still_waiting_ends_every_worker(tmp_path):
    """A build that stops on a mistake exits with files queued: the workers end, none is started
    again for a file asked for after (one was, and the build then waited for it for ever)."""
    pool = workers.Workers(2)
    futures = [pool.submit("typst", tiny_job(tmp_path, f"queued{n}")) for n in range(20)]
    closing = threading.Thread(target=pool.close)
    closing.start()
    closing.join(timeout=60)
    assert not closing.is_alive(), "close() waited for ever"
    late = pool.submit("typst", tiny_job(tmp_path, "late"))
    assert isinstance(late.exception(timeout=30), RuntimeError)
    assert not (tmp_path / "late" / "t.pdf").exists()
    assert all(process.poll() is not None for process in pool._processes), "a worker was started again"
    assert all(f.done() for f in futures)
