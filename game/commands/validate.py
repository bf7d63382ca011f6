"""`python main.py validate PATH...`: check scenario files and print every problem, grouped by file.

Exit status: 0 when every file is playable (warnings allowed), 1 when any file
has an error or cannot be read. Output goes to standard output so it can be
piped into an editor's quick-fix list.
"""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Iterable
from pathlib import Path

from game.scenario.finder import scenario_paths
from game.scenario.loader import check_file
from game.wording import counted


def scenario_files(paths: Iterable[str]) -> list[str]:
    """The paths as given, a folder standing for the .yaml and .yml files in it (`validate scenarios`)."""
    files: list[str] = []
    for path in paths:
        folder = Path(path)
        found = [f for f in scenario_paths(folder) if not f.is_dir()] if folder.is_dir() else []
        if found:
            files.extend(str(f) for f in found)
        else:
            files.append(path)  # a file, or an empty folder, which is then reported as such
    return files


def run_validate(args: Namespace) -> int:
    """Check each file, print its problems then a one-line verdict; return the exit status."""
    status = 0
    for path in scenario_files(args.paths):
        if Path(path).is_dir():
            print(f"{path}: error: this folder holds no scenario files (.yaml or .yml)")
            status = 1
            continue
        scenario, problems = check_file(path)
        for problem in problems:
            print(problem.format())
        errors = sum(p.is_error for p in problems)
        warnings = len(problems) - errors
        if errors or scenario is None:
            status = 1
            print(f"{path}: {counted(errors, 'error')}, {counted(warnings, 'warning')}")
        elif warnings:
            print(f"{path}: ok, {counted(warnings, 'warning')}")
        else:
            print(f"{path}: ok")
    return status
