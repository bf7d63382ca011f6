"""No dead content (issue 8, item 7): in 1,000 computer-vs-computer games of each shipped scenario,
every outcome is reached in at least 1 % of games and every option is chosen at least once — unless
the scenario answers it with a `# justified: why` comment next to the id (the mechanism of
`validate --strict`, game/scenario/justify.py): where that is right for history, the file says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.simulate import simulate
from game.scenario.justify import split_justified
from game.scenario.loader import load_scenario
from game.scenario.located import Locator
from game.scenario.problems import Problem
from game.scenario.yamlsafe import read_tree

SHIPPED = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))
GAMES, SEED, MIN_SHARE = 1000, 1, 0.01


def dead_content(path: Path) -> tuple[list[str], list[str]]:
    """(what is dead and not justified, what is dead but justified in a comment), as messages."""
    scenario = load_scenario(path)
    report = simulate(scenario, GAMES, SEED)
    tree = read_tree(path)[0]
    assert tree is not None
    where = Locator(tree)
    found = []
    for outcome in scenario.outcomes:
        share = report.outcomes.get(outcome.id, 0) / GAMES
        if share < MIN_SHARE:
            found.append(
                (where.item("outcomes", outcome.id), f"outcome '{outcome.id}' in {share:.1%} of games")
            )
    acting = {a.id for a in scenario.acting_actors}
    for option in scenario.options:
        if option.actor in acting and not report.options.get(option.id):
            found.append((where.item("options", option.id), f"option '{option.id}' never chosen"))
    problems = [Problem(str(path), node.line, node.column, "warning", message) for node, message in found]
    dead, justified = split_justified(str(path), problems)
    return [p.format() for p in dead], [p.format() for p in justified]


@pytest.mark.slow
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_outcome_and_option_lives_in_computer_games_or_the_file_says_why(path):
    dead, _justified = dead_content(path)
    assert dead == [], "\n".join(dead)
