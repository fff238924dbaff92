"""The kit on the oldest Python it names: Debian 12's own 3.11.2, from a fresh copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build

DEBIAN_PYTHON = Path("/usr/bin/python3")


def debian_python_version() -> str | None:
    if not DEBIAN_PYTHON.exists():
        return None
    result = subprocess.run([str(DEBIAN_PYTHON), "-c", "import sys; print(sys.version.split()[0])"],
                            capture_output=True, text=True)
    return result.stdout.strip() or None


def fresh_copy(dest: Path) -> Path:
    """What a clone of this checkout would hold: the tracked and new files, nothing built or installed."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def make(project: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VENV", "VIRTUAL_ENV"))}
    return subprocess.run(["make", f"PYTHON={DEBIAN_PYTHON}", *targets], cwd=project, env=env,
                          capture_output=True, text=True, timeout=1200)


def test_make_site_works_from_a_fresh_copy_on_debians_own_python(tmp_path):
    version = debian_python_version()
    if version is None or not version.startswith("3.11."):
        pytest.skip(f"/usr/bin/python3 is not a Python 3.11 here ({version or 'missing'})")
    project = fresh_copy(tmp_path / "kit")
    result = make(project, "site")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Built site/" in result.stdout
    assert (project / "site" / "index.html").is_file()
    # The environment says what it was made from, so a different Python or lock makes it again.
    made_from = (project / ".venv" / ".kit-made-from").read_text(encoding="utf-8")
    assert f" {version}; lock " in made_from

    # `make clean` keeps the environment; `make distclean` removes it too.
    assert make(project, "clean").returncode == 0
    assert (project / ".venv").is_dir() and not (project / "site").exists()
    assert make(project, "distclean").returncode == 0
    assert not (project / ".venv").exists()


def test_an_environment_made_by_another_python_is_made_again(tmp_path):
    if debian_python_version() is None:
        pytest.skip("no /usr/bin/python3 here")
    project = fresh_copy(tmp_path / "kit")
    venv = project / ".venv"
    subprocess.run([str(DEBIAN_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
    (venv / ".kit-made-from").write_text("python /somewhere/else 3.11.0; lock 0\n", encoding="utf-8")
    result = make(project, "setup")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Making .venv again" in result.stdout
    assert "/somewhere/else" not in (venv / ".kit-made-from").read_text(encoding="utf-8")


def test_too_old_a_python_is_refused_before_anything_is_installed(tmp_path):
    project = fresh_copy(tmp_path / "kit")
    old = tmp_path / "python3"
    old.write_text("#!/bin/sh\ncase \"$*\" in *--version*) echo 'Python 3.11.1';; *) exit 1;; esac\n")
    old.chmod(0o755)
    result = subprocess.run(["make", f"PYTHON={old}", "setup"], cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"The kit needs Python 3.11.2 or newer; '{old}' is Python 3.11.1." in result.stderr
    assert not (project / ".venv").exists()
