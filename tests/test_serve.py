"""The live preview (`make serve PORT=...`): a failed build shows its message in the browser and recovers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, copy_built_project

pytestmark = pytest.mark.build

MISTAKE_TITLE = "The kit has a mistake to fix"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, words: str, server: subprocess.Popen[str], limit: float = 600) -> str:
    """Poll until the page holds `words`; the limit only stops a broken server hanging the run."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert server.poll() is None, "the preview stopped"
        if words in (text := fetch(url)):
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {words!r}")


def test_a_failed_build_shows_its_message_in_the_browser_and_recovers(site_build, tmp_path):
    project = copy_built_project(site_build, tmp_path / "project")
    (project / "Makefile").symlink_to(ROOT / "Makefile")
    (project / "scripts").symlink_to(ROOT / "scripts", target_is_directory=True)
    port = free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, VENV=str(ROOT / ".venv"))
    with open(log, "w") as out:
        server = subprocess.Popen(["make", "-o", "setup", "serve", f"PORT={port}"], cwd=project, env=env,
                                  stdout=out, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}/barriers/glass-ceilings.html"
    try:
        wait_for(url, "Glass ceilings", server)

        records = project / "kit" / "barriers.yml"
        good = records.read_text(encoding="utf-8")
        records.write_text(good.replace("summary:", "sumary:", 1), encoding="utf-8")
        page = wait_for(url, MISTAKE_TITLE, server)
        terminal = log.read_text(encoding="utf-8")
        assert "'sumary': unknown field; did you mean 'summary'?" in terminal
        assert "&#39;sumary&#39;: unknown field; did you mean &#39;summary&#39;?" in page
        assert "kit/barriers.yml, line" in page and "/livereload/" in page
        assert "Traceback" not in terminal

        records.write_text(good, encoding="utf-8")
        page = wait_for(url, "Glass ceilings", server)
        assert MISTAKE_TITLE not in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def test_the_preview_port_is_a_make_variable():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    assert "PORT ?= 8000" in makefile and "--dev-addr 127.0.0.1:$(PORT)" in makefile
