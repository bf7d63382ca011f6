"""`python main.py simulate`: many computer-vs-computer games, reported as a table or as JSON."""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from game.engine.simulate import Policy, report_json, report_text, simulate
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario
from game.textsafe import json_printable, printable


def run_simulate(args: Namespace) -> int:
    if args.games < 1:
        print("simulate: --games must be at least 1", file=sys.stderr)
        return 2
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as error:
        print(printable(error), file=sys.stderr)
        return 1
    policy = _policy(scenario, args)
    if isinstance(policy, str):
        print(f"simulate: {policy}", file=sys.stderr)
        return 2
    report = simulate(scenario, args.games, args.seed, policy)
    if args.json:
        print(json_printable(json.dumps(report_json(scenario, report), ensure_ascii=False)))
    else:
        print(printable(report_text(scenario, report)))
    return 0


def _policy(scenario: Scenario, args: Namespace) -> Policy | str | None:
    """`--as SIDE --policy firm|conciliatory`: the side played with a fixed policy; a str says what is wrong."""
    side, policy = getattr(args, "as_side", None), getattr(args, "policy", None)
    if side is None and policy is None:
        return None
    if side is None or policy is None:
        return "--as and --policy go together (e.g. --as us --policy firm)"
    playable = [a.id for a in scenario.playable_actors]
    if side not in playable:
        return f"'{side}' is not a playable side (choose from {', '.join(playable)})"
    return Policy(side, policy)
