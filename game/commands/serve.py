"""`python main.py serve`: the classroom network game — teams on their own devices, in a browser."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from game.paths import DEFAULT_SCENARIO
from game.scenario.loader import ScenarioError


def run_serve(args: Namespace) -> int:
    try:
        from game.server import run
    except ImportError as error:  # the web stack is a runtime dependency; say how to get it
        print(
            f"serve: {error.name} is missing; install the game with: python -m pip install -e .",
            file=sys.stderr,
        )
        return 1
    where = run.addresses(args.port, args.lan)
    scenario = Path(args.scenario) if args.scenario else DEFAULT_SCENARIO
    if not scenario.is_file():
        print(f"serve: no scenario file at {scenario}", file=sys.stderr)
        return 2
    problem = run.cannot_listen(where.bind, args.port)
    if problem:
        print(
            f"serve: cannot listen on port {args.port} ({problem}); choose another with --port",
            file=sys.stderr,
        )
        return 1
    try:
        app, hub, host_key = run.build(where.shown, extra=scenario if args.scenario else None)
        room = run.game_to_announce(hub, scenario, args.new, args.seed)
    except ScenarioError as error:
        print(error, file=sys.stderr)
        return 1
    except run.FolderInUse as error:
        print(f"serve: {error}", file=sys.stderr)
        return 1
    print(run.announce(hub, room, host_key), flush=True)
    run.serve(app, where.bind, args.port)
    return 0
