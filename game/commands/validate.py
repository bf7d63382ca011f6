"""`python main.py validate [--strict] PATH...`: check scenario files and print every problem, grouped by file.

Exit status: 0 when every file is playable (warnings allowed), 1 when any file
has an error or cannot be read. With --strict, the stricter warnings of
`game.scenario.strict` are added (a batch of computer games included) and any
warning not answered by a `# justified:` comment also makes the exit status 1,
for CI. Output goes to standard output so it can be piped into an editor's
quick-fix list.
"""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Iterable
from pathlib import Path

from game.engine.simulate import simulate
from game.scenario.finder import scenario_paths
from game.scenario.justify import split_justified
from game.scenario.loader import check_file
from game.scenario.model import Scenario
from game.scenario.problems import Problem, sort_problems
from game.scenario.strict import Batch, strict_findings
from game.scenario.yamlsafe import read_tree
from game.textsafe import printable
from game.wording import counted

STRICT_GAMES = 200  # enough for every option the computers ever want to show up; about 2 s a scenario
STRICT_SEED = 1


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


def strict_problems(path: str, scenario: Scenario) -> list[Problem]:
    """The strict warnings of a playable file, located."""
    tree = read_tree(path)[0]
    if tree is None:
        return []
    report = simulate(scenario, STRICT_GAMES, STRICT_SEED)
    batch = Batch(report.games, STRICT_SEED, report.outcomes, report.options)
    return [
        Problem(path, node.line, node.column, "warning", message)
        for node, message in strict_findings(scenario, tree, batch)
    ]


def check_one(path: str, strict: bool) -> int:
    """Print one file's problems and verdict; its exit status."""
    scenario, problems = check_file(path)
    if strict and scenario is not None:
        problems = sort_problems(problems + strict_problems(path, scenario))
    problems, justified = split_justified(path, problems)
    for problem in problems:
        print(printable(problem.format()))  # messages quote the file's own text
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    answered = f" ({counted(len(justified), 'warning')} justified in comments)" if justified else ""
    if errors or scenario is None:
        print(printable(f"{path}: {counted(errors, 'error')}, {counted(warnings, 'warning')}{answered}"))
        return 1
    if warnings:
        print(printable(f"{path}: ok, {counted(warnings, 'warning')}{answered}"))
        return 1 if strict else 0
    print(printable(f"{path}: ok{answered}"))
    return 0


def run_validate(args: Namespace) -> int:
    """Check each file, print its problems then a one-line verdict; return the exit status."""
    status = 0
    for path in scenario_files(args.paths):
        if Path(path).is_dir():
            print(printable(f"{path}: error: this folder holds no scenario files (.yaml or .yml)"))
            status = 1
            continue
        status = max(status, check_one(path, getattr(args, "strict", False)))
    return status
