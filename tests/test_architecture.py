"""The shape of the code, read from its source: which layer imports which, and how long functions are.

docs/architecture.md draws the layers; these tests keep the drawing true.
Run this file as a script to list every function over the length limit,
engine included: `python tests/test_architecture.py`.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"
LONGEST_FUNCTION = 50  # lines, from `def` to the last line of its body

# What each part of `game` may import from `game` (itself included): lower layers only.
MAY_IMPORT = {
    "game.wording": (),
    "game.paths": (),
    "game.seeds": (),
    "game.scenario": ("game.wording",),
    "game.engine": ("game.scenario", "game.wording"),
    "game.savefiles": ("game.engine", "game.scenario", "game.paths", "game.wording"),
    "game.text_views": ("game.engine", "game.scenario", "game.wording"),
    "game.text_mode": (
        "game.text_views",
        "game.engine",
        "game.scenario",
        "game.savefiles",
        "game.paths",
        "game.seeds",
        "game.wording",
    ),
    "game.client": (
        "game.engine",
        "game.scenario",
        "game.savefiles",
        "game.paths",
        "game.seeds",
        "game.wording",
    ),
    "game.commands": (
        "game.client",
        "game.text_mode",
        "game.engine",
        "game.scenario",
        "game.savefiles",
        "game.paths",
        "game.seeds",
        "game.wording",
    ),
    "game.cli": ("game.commands", "game.paths"),
    "game.__main__": ("game.cli",),
}
PURE = ("game.engine", "game.scenario")  # never pygame: the rules run in any shell, and in tests
# The command line is started from these files alone; tests drive it too.
MAY_IMPORT_CLI = {ROOT / "main.py", GAME / "__main__.py"}


def python_files() -> list[Path]:
    skip = {".git", ".venv", "venv", "build", "__pycache__"}
    return sorted(p for p in ROOT.rglob("*.py") if not skip & set(p.relative_to(ROOT).parts))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, module: str = "") -> Iterator[tuple[int, str]]:
    """Every module the file imports, wherever the import stands (inside functions too), with its line.

    `module` is the file's own dotted name (by default, from where it lies), to resolve relative imports.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    module = module or module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # a relative import: resolve it against the file's package
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            yield node.lineno, base
            for alias in node.names:  # `from game import cli` imports game.cli
                yield node.lineno, f"{base}.{alias.name}"


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def layer_of(module: str) -> str | None:
    return next((layer for layer in MAY_IMPORT if within(module, layer)), None)


def test_each_part_of_the_game_imports_only_the_layers_below_it():
    """So the engine and the scenario model never import a front end, a command, the command line or pygame."""
    found = []
    for path in python_files():
        layer = layer_of(module_name(path))
        if layer is None:
            continue
        for line, name in imported(path):
            upward = within(name, "game") and name != "game" and not within(name, layer)
            if upward and not any(within(name, allowed) for allowed in MAY_IMPORT[layer]):
                found.append(f"{path.relative_to(ROOT)}:{line}: {layer} imports {name}")
            if layer in PURE and within(name, "pygame"):
                found.append(f"{path.relative_to(ROOT)}:{line}: {layer} imports {name}")
    assert found == []


def test_every_module_of_the_game_has_a_place_in_the_layers():
    homeless = [
        str(p.relative_to(ROOT))
        for p in GAME.rglob("*.py")
        if module_name(p) != "game" and layer_of(module_name(p)) is None
    ]
    assert homeless == [], "add it to MAY_IMPORT here and to docs/architecture.md"


def test_only_the_entry_points_import_the_command_line():
    found = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in python_files()
        if path not in MAY_IMPORT_CLI and not within(module_name(path), "tests")
        for line, name in imported(path)
        if within(name, "game.cli")
    ]
    assert found == []


def test_no_test_module_imports_another():
    """Shared helpers live in tests/conftest.py and the *_fixtures modules, never in a test module."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in (ROOT / "tests").glob("*.py")
        for line, name in imported(path)
        if within(name, "tests") and name.rsplit(".", 1)[-1].startswith("test_")
    ]
    assert found == []


def test_the_layer_check_sees_every_kind_of_import(tmp_path):
    """The checks above would pass on code they cannot read; this one shows they read it."""
    sample = tmp_path / "sample.py"
    source = "import pygame\ndef f():\n    from game.client import app\nfrom game import cli\nfrom .. import commands\n"
    sample.write_text(source, encoding="utf-8")
    names = [name for _, name in imported(sample, "game.engine.sample")]
    assert {"pygame", "game.client", "game.cli", "game.commands"} <= set(names)


def long_functions(folder: Path, limit: int = LONGEST_FUNCTION) -> list[str]:
    """`file:line: name is N lines` for every function or method in `folder` longer than `limit`."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > limit:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name} is {length} lines")
    return found


def test_no_function_outside_the_engine_is_over_fifty_lines():
    # game/engine is being split into named resolution steps (issue 14); it joins this check when that lands.
    too_long = [f for f in long_functions(GAME) if not f.startswith("game/engine/")]
    assert too_long == []


if __name__ == "__main__":
    over = long_functions(GAME)
    print("\n".join(over) or f"no function in game/ is over {LONGEST_FUNCTION} lines")
    sys.exit(1 if over else 0)
