"""Make kit folders for tests: the basic fixture, with one file changed."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASIC = FIXTURES / "kit-basic"


def make_kit(dest: Path, changes: dict[str, str | bytes | None] | None = None, base: Path = BASIC) -> Path:
    """Copy a fixture kit to `dest`, then replace (text or bytes) or delete (None) the named files."""
    shutil.copytree(base, dest, dirs_exist_ok=True)
    for name, content in (changes or {}).items():
        path = dest / name
        if content is None:
            path.unlink()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return dest


def replace_in(name: str, old: str, new: str, base: Path = BASIC) -> dict[str, str]:
    """The fixture file `name` with one piece of text replaced; fails loudly if it is not there."""
    text = (base / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    return {name: text.replace(old, new, 1)}


ROOT = Path(__file__).resolve().parent.parent


def icon_dirs() -> tuple[Path, ...]:
    import material

    return (Path(material.__file__).parent / "templates" / ".icons",)


def build_context(kit, options, *, cache_dir: Path, docs_dir: Path | None = None, kit_dir: Path | None = None,
                  hard_words=None, date: str = ""):
    """What the pipeline hands every renderer, made from a loaded kit."""
    from involvement_kit.content.easy_read_rules import HardWords
    from involvement_kit.outputs import BuildContext, Pictures

    docs = docs_dir or ROOT / "docs"
    return BuildContext(kit, options, kit_dir or ROOT / "kit", docs, Path(cache_dir), Pictures(icon_dirs(), docs),
                        hard_words=hard_words or HardWords(), date=date)


def render_paper(make_batch, kit, options, *, cache_dir: Path, **context) -> list[tuple[str, Path]]:
    """One paper renderer's files as (site path, file on disk), through the real Typst path."""
    from involvement_kit.paper.typesetting import typeset

    extra = {key: context.pop(key) for key in ("pages", "when") if key in context}
    ctx = build_context(kit, options, cache_dir=cache_dir, **context)
    made = make_batch(ctx, **extra)
    return typeset([made], Path(cache_dir))[made.name] if made is not None else []


def problems_after_edit(tmp_path: Path, file: str, old: str, new: str, **load) -> list[str]:
    """The problems the loader reports for a copy of the real kit/ with one edit in `file`
    (`old` must be there): what an editor sees after that one mistake."""
    import pytest

    from involvement_kit.content.loader import load_kit
    from involvement_kit.errors import KitError

    kit_dir = tmp_path / "kit"
    shutil.copytree(ROOT / "kit", kit_dir)
    path = kit_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_kit(kit_dir, label="kit", **load)
    return [str(p) for p in caught.value.problems]
