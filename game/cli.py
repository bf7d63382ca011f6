"""The one command-line entry point: `python main.py [COMMAND]` (also `python -m game`, `brinkmanship`).

This module only builds the parser and hands the arguments to one module of
`game.commands`. With no command the Pygame window opens. Each command module
is imported only when chosen, so `validate` and `play --text` start fast and
never touch pygame.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable

from game.paths import DEFAULT_SCENARIO

# Each sub-command: the module in game.commands and its function. No command at all opens the window.
COMMANDS: dict[str | None, tuple[str, str]] = {
    "validate": ("validate", "run_validate"),
    "schema": ("schema", "run_schema"),
    "new": ("new", "run_new"),
    "play": ("play", "run_play"),
    "simulate": ("simulate", "run_simulate"),
    "debrief": ("debrief", "run_debrief"),
    "serve": ("serve", "run_serve"),
    "roles": ("lesson", "run_roles"),
    "whatif": ("lesson", "run_whatif"),
    "compare": ("lesson", "run_compare"),
    "grade": ("lesson", "run_grade"),
    None: ("play", "run_window"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brinkmanship" if os.path.basename(sys.argv[0]) == "brinkmanship" else "python main.py",
        description="Brinkmanship — a crisis-simulation teaching game. With no command, opens the game window.",
    )
    parser.add_argument(
        "--screenshot",
        metavar="DIR",
        help="render every screen of a short scripted game to PNG files in DIR, then exit",
    )
    parser.add_argument("--large-text", action="store_true", help="start in large-text (projector) mode")
    parser.add_argument(
        "--scenario",
        metavar="FILE",
        default=None,
        help="with --screenshot (or the window): use this scenario file instead of Eastern Flank",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    _authoring_commands(sub)

    _add_play(sub)

    p = sub.add_parser("simulate", help="play many computer-vs-computer games and report the outcomes")
    p.add_argument("--scenario", default=str(DEFAULT_SCENARIO), metavar="PATH")
    p.add_argument("--games", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--as", dest="as_side", metavar="SIDE", help="play this side with a fixed --policy")
    p.add_argument("--policy", choices=["firm", "conciliatory"], help="firm or conciliatory (needs --as)")

    p = sub.add_parser("debrief", help="export the debrief of a saved game as Markdown or HTML")
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--format", choices=["markdown", "html"], default="markdown")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")

    _add_serve(sub)
    _add_lesson(sub)
    return parser


def _add_lesson(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("roles", help="write a printable role sheet (HTML and Markdown) per playable side")
    p.add_argument("--scenario", default=str(DEFAULT_SCENARIO), metavar="FILE")
    p.add_argument("--out", required=True, metavar="DIR")

    p = sub.add_parser("whatif", help="replay a saved game from a turn with another order for one side")
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--turn", type=int, required=True, metavar="N")
    p.add_argument("--side", metavar="SIDE", help="the side whose order changes (without it: the choices)")
    p.add_argument("--order", metavar="OPTION", help="the option it orders instead")
    p.add_argument("--html", metavar="FILE", help="also write both timelines side by side as a page")

    p = sub.add_parser("compare", help="one HTML page comparing several groups' games of one scenario")
    p.add_argument("saves", nargs="+", metavar="SAVE")
    p.add_argument("--output", "-o", default="comparison.html", metavar="FILE")

    p = sub.add_parser("grade", help="grades.csv (a row per team per turn) and a printable instructor report")
    p.add_argument("saves", nargs="+", metavar="SAVE")
    p.add_argument("--out", required=True, metavar="DIR")


def _add_play(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play a game (in the window, or in this terminal with --text)")
    p.add_argument(
        "--text", action="store_true", help="play in the terminal (also for screen readers and scripts)"
    )
    p.add_argument(
        "--scenario",
        default=None,
        metavar="PATH",
        help="the scenario file (default: Eastern Flank 2022; with --load, the save's own scenario)",
    )
    p.add_argument("--as", dest="side", metavar="SIDE", help="the side you play (e.g. us, nato, russia)")
    p.add_argument("--seed", type=int, default=None, help="seed for the computer players (default: random)")
    p.add_argument("--load", metavar="SAVE", help="resume a saved game")
    p.add_argument("--save", metavar="FILE", help="where to write the save (default: the saves folder)")
    p.add_argument(
        "--classroom",
        action="store_true",
        help="with --text: every playable side is a team, asked in turn, each order with a one-line reason",
    )
    p.add_argument(
        "--computer",
        action="append",
        default=[],
        metavar="SIDE=TYPE",
        help="with --text: fix a computer side's type (cautious or hard_line) instead of leaving it to chance "
        "(in the window: L on the title screen)",
    )
    p.add_argument(
        "--hidden",
        action="append",
        default=[],
        metavar="ACTOR=TYPE",
        help="with --text: fix an actor's hidden type (e.g. russia=revisionist) instead of the seed's draw; "
        "shown to no one before the debrief (in the window: L on the title screen)",
    )


def _add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="the classroom network game: each team on its own device, in a browser")
    p.add_argument(
        "--scenario", default=None, metavar="PATH", help="the scenario (default: Eastern Flank 2022)"
    )
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--lan", action="store_true", help="open to the classroom network (default: this machine only)"
    )
    p.add_argument("--new", action="store_true", help="start a new game even if one of this scenario is open")
    p.add_argument("--seed", type=int, default=None, help="seed of a new game (default: random)")


def _authoring_commands(sub: argparse._SubParsersAction) -> None:
    """The instructor's commands: validate, schema, new."""
    p = sub.add_parser("validate", help="check scenario files; report every problem as file:line:column")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--strict",
        action="store_true",
        help="add stricter warnings (a batch of computer games included); any warning not justified "
        "by a '# justified:' comment makes the exit status 1",
    )

    sub.add_parser("schema", help="print the JSON Schema of the scenario format")

    p = sub.add_parser("new", help="write a commented starter scenario (never overwrites a file)")
    p.add_argument("id", metavar="ID", help="the new scenario's id, e.g. taiwan_strait_1996")
    p.add_argument("--output", "-o", metavar="FILE", help="where to write it (default: scenarios/ID.yaml)")


def main(argv: list[str] | None = None) -> int:
    from game.paths import UserFolderError
    from game.textsafe import printable, tolerate_bad_encoding

    tolerate_bad_encoding()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 on --help
        return int(exit_.code or 0)
    try:
        return _dispatch(args)
    except UserFolderError as error:
        print(f"brinkmanship: {printable(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # A reader such as `head` closed the pipe: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    module, name = COMMANDS[args.command]
    run: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"game.commands.{module}"), name
    )
    return run(args)
