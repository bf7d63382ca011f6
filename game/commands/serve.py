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
    try:
        app, hub, host_key = run.build(where.shown, extra=scenario if args.scenario else None)
        room = run.game_to_announce(hub, scenario, args.new, args.seed)
    except ScenarioError as error:
        print(error, file=sys.stderr)
        return 1
    print(run.announce(hub, room, host_key), flush=True)
    try:
        run.serve(app, where.bind, args.port)
    except OSError as error:
        print(f"serve: cannot listen on port {args.port}: {error.strerror}", file=sys.stderr)
        return 1
    return 0
