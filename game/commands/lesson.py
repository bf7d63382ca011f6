"""The lesson's commands: `roles`, `whatif`, `compare` and `grade`.

Each reads saves or a scenario, asks `game.lesson` for the text, and writes
files; a problem is one line naming the file, never a traceback.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path

from game.engine.game import Game, IllegalOrder
from game.lesson.compare import compare_page, whatif_lines, whatif_page
from game.lesson.grading import csv_text, grade_rows
from game.lesson.report import report_page
from game.lesson.roles import role_html, role_markdown
from game.lesson.whatif import what_if
from game.savefiles import SaveError, open_saved, write_text_atomically
from game.scenario.loader import ScenarioError, load_scenario


def _fail(command: str, error: object) -> int:
    print(f"{command}: {error}", file=sys.stderr)
    return 1


def _open_all(paths: list[str]) -> list[tuple[str, Game]]:
    """Each save as (group name, game); the name is the file's, so groups are told apart by their files."""
    return [(Path(p).stem, open_saved(p)) for p in paths]


def run_roles(args: Namespace) -> int:
    """`roles --scenario FILE --out DIR`: a role sheet per playable side, as HTML and Markdown."""
    try:
        scenario = load_scenario(args.scenario)
        out = Path(args.out)
        for actor in scenario.playable_actors:
            for suffix, text in (
                (".html", role_html(scenario, actor)),
                (".md", role_markdown(scenario, actor)),
            ):
                write_text_atomically(out / f"role-{scenario.id}-{actor.id}{suffix}", text)
    except ScenarioError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        return _fail("roles", f"cannot write into {args.out} ({error.strerror or error})")
    print(f"Role sheets for {', '.join(a.short_name for a in scenario.playable_actors)} written to {out}")
    return 0


def run_whatif(args: Namespace) -> int:
    """`whatif SAVE --turn N --side SIDE --order OPTION [--html FILE]`; without --side/--order, the choices."""
    try:
        game = open_saved(args.save)
        if not args.side or not args.order:
            return _list_choices(game, args.turn)
        result = what_if(game, args.turn, args.side, args.order)
        print("\n".join(whatif_lines(result)))
        if args.html:
            write_text_atomically(args.html, whatif_page(result))
            print(f"Side-by-side page written to {args.html}")
    except (SaveError, ScenarioError, IllegalOrder) as error:
        return _fail("whatif", error)
    except OSError as error:
        return _fail("whatif", f"cannot write {args.html} ({error.strerror or error})")
    return 0


def _list_choices(game: Game, turn: int) -> int:
    if not 1 <= turn <= len(game.history):
        return _fail("whatif", f"turn {turn} was not played (the game has {len(game.history)})")
    sc = game.scenario
    print(f"Turn {turn} as played:")
    for side, option_id in game.orders[turn - 1].items():
        others = ", ".join(o.id for o in sc.options_of(side) if o.id != option_id)
        print(f"  {side}: {option_id} — “{sc.option(option_id).label}”; instead: {others}")
    print("Choose with --side SIDE --order OPTION.")
    return 0


def _write_for_class(
    command: str, saves: list[str], where: str, files: Callable[[list[tuple[str, Game]]], dict[Path, str]]
) -> list[tuple[str, Game]] | None:
    """Open every save, write the files made from them; None (the error said) when that cannot be."""
    try:
        named = _open_all(saves)
        for path, text in files(named).items():
            write_text_atomically(path, text)
    except (SaveError, ScenarioError, ValueError) as error:
        _fail(command, error)
        return None
    except OSError as error:
        _fail(command, f"cannot write {where} ({error.strerror or error})")
        return None
    return named


def run_compare(args: Namespace) -> int:
    """`compare SAVE... [-o FILE]`: one page comparing the groups' games."""
    named = _write_for_class(
        "compare", args.saves, args.output, lambda n: {Path(args.output): compare_page(n)}
    )
    if named is None:
        return 1
    print(f"Comparison of {len(named)} games written to {args.output}")
    return 0


def run_grade(args: Namespace) -> int:
    """`grade SAVE... --out DIR`: grades.csv (a row per team per turn) and report.html."""
    out = Path(args.out)

    def files(named: list[tuple[str, Game]]) -> dict[Path, str]:
        rows = [row for name, game in named for row in grade_rows(game, name)]
        return {out / "grades.csv": csv_text(rows), out / "report.html": report_page(named)}

    named = _write_for_class("grade", args.saves, f"into {args.out}", files)
    if named is None:
        return 1
    count = sum(len(grade_rows(game)) for _, game in named)
    print(f"{count} rows in {out / 'grades.csv'}; the printable report is {out / 'report.html'}")
    return 0
