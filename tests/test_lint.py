"""The linter and the type checker pass on hooks/ and scripts/, with the settings in pyproject.toml.

Both run as a maintainer runs them, from the project's own environment, so `make test`
fails on a new lint or type mistake with the tool's own report. The last two tests show
each gate can fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_ruff_passes():
    result = run("ruff", "check", "--no-fix", "hooks", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes():
    # The files, the strict core and the libraries without types are all set in pyproject.toml.
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_reports_a_mistake(tmp_path: Path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n\n\ndef f(items=[]):\n    return items\n", encoding="utf-8")
    result = run("ruff", "check", "--no-fix", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "F401" in result.stdout and "B006" in result.stdout


def test_mypy_reports_a_mistake(tmp_path: Path):
    bad = tmp_path / "bad.py"
    bad.write_text("def half(n: int) -> int:\n    return n / 2\n", encoding="utf-8")
    result = run("mypy", "--config-file", str(ROOT / "pyproject.toml"), "--no-incremental", str(bad))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Incompatible return value type" in result.stdout
