"""The core's layers, read from its imports (function-level imports included).

    errors, vocabulary      import nothing of the kit
    templating              the vocabulary
    content/                itself, errors, vocabulary
    outputs                 content, errors, vocabulary (what renderers are given and give back)
    web/, paper/, scoring/  themselves, content, outputs, templating, errors, vocabulary: never each other
    pipeline/               everything: the only layer that knows all the others
    hooks/kit_hooks.py      the pipeline only

No module imports itself back through any chain.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

CORE = ROOT / "hooks" / "involvement_kit"
PACKAGE = "involvement_kit"
BASE = {"errors", "vocabulary"}
ALLOWED = {
    "errors": set(),
    "vocabulary": set(),
    "__init__": set(),
    "templating": {"vocabulary"},
    "content": {"content", "errors", "vocabulary"},
    "outputs": {"content", "errors", "vocabulary"},
    "web": {"web", "content", "outputs", "templating", "errors", "vocabulary"},
    "paper": {"paper", "content", "outputs", "templating", "errors", "vocabulary"},
    "scoring": {"scoring", "content", "outputs", "templating", "errors", "vocabulary"},
    "pipeline": {"pipeline", "web", "paper", "scoring", "content", "outputs", "templating", "errors", "vocabulary",
                 "__init__"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(CORE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every kit module `path` imports, as a dotted name, wherever in the file the import is."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == PACKAGE}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != PACKAGE:
                continue
            # `from . import x` names a module; `from .m import f` names a function in m.
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _exists(candidate) else target)
    return {m for m in found if m != name}


def _exists(dotted: str) -> bool:
    rel = Path(*dotted.split(".")[1:])
    return (CORE / rel).with_suffix(".py").is_file() or (CORE / rel / "__init__.py").is_file()


def layer(dotted: str) -> str:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(CORE.rglob("*.py"))}


def test_every_import_respects_the_layers():
    wrong = [f"{module} imports {target}" for module, targets in graph().items() for target in sorted(targets)
             if layer(target) not in ALLOWED[layer(module)]]
    assert wrong == []


def test_the_subpackages_are_there():
    for folder in ("content", "web", "paper", "scoring", "pipeline"):
        assert (CORE / folder / "__init__.py").is_file(), folder
    assert not [p.name for p in CORE.glob("*.py")
                if p.stem not in BASE | {"__init__", "templating", "outputs"}], "modules outside the layers"


def test_no_import_cycle():
    edges = graph()
    # A module's package __init__ runs before it; that is not a cycle of the code's own.
    state: dict[str, int] = {}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if target in module.split(".") or module.startswith(target + "."):
                continue
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_mkdocs_hooks_only_talk_to_the_pipeline():
    tree = ast.parse((ROOT / "hooks" / "kit_hooks.py").read_text(encoding="utf-8"))
    kit_imports = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                   and (node.module or "").startswith(PACKAGE)}
    assert kit_imports == {"involvement_kit.pipeline"}


def test_the_core_knows_nothing_of_mkdocs():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not [n for n in names if n.split(".")[0] in ("mkdocs", "material")], path


def test_the_layer_check_can_fail(tmp_path, monkeypatch):
    # A renderer that borrows from another renderer is caught.
    fake = CORE / "web" / "_layer_canary.py"
    fake.write_text("from ..paper.cards import build_cards\n", encoding="utf-8")
    try:
        wrong = [t for t in imports_of(fake) if layer(t) not in ALLOWED["web"]]
    finally:
        fake.unlink()
    assert wrong == ["involvement_kit.paper.cards"]


# The import names of the project's own dependencies (pyproject.toml [project] dependencies, and
# what they bring): all a built site's environment has. Test tools (pypdf, playwright ...) are not there.
RUNTIME = {"mkdocs", "material", "pymdownx", "yaml", "jinja2", "markupsafe", "typst", "segno",
           "fontpkg_atkinson_hyperlegible", "docx"}


def third_party_imports(path: Path) -> set[str]:
    import sys

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
        found |= {n.split(".")[0] for n in names}
    return {n for n in found if n not in sys.stdlib_module_names and n not in (PACKAGE, "__future__")}


def test_the_core_imports_only_what_make_site_installs():
    """`make site` installs the kit's dependencies, not the test tools: a build step that read its PDF
    back with pypdf worked in the suite's environment and failed on a stock machine."""
    strays = {f"{path.relative_to(ROOT)}: {sorted(third_party_imports(path) - RUNTIME)}"
              for path in [*CORE.rglob("*.py"), ROOT / "hooks" / "kit_hooks.py"] if third_party_imports(path) - RUNTIME}
    assert strays == set()
