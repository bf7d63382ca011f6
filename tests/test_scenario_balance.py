"""Every shipped scenario as a game: every outcome can happen, and computer games do not all end alike."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.engine.game import Game
from game.engine.simulate import simulate
from game.scenario.loader import load_scenario

SHIPPED = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module", params=SHIPPED, ids=lambda path: path.stem)
def scenario(request):
    return load_scenario(request.param)


def find_orders_reaching(scenario, outcome_id: str, tries: int = 4000):
    """Random search over legal orders of every side; returns the first sequence that ends in the outcome."""
    sides = tuple(a.id for a in scenario.playable_actors)
    for attempt in range(tries):
        rng = random.Random(attempt)
        game = Game.new(scenario, seed=attempt, humans=sides)
        while not game.is_over:
            game.play_turn(
                {
                    side: rng.choice([s.option.id for s in game.options_for(side) if s.available])
                    for side in sides
                }
            )
        if game.state.outcome == outcome_id:
            return game.orders
    return None


@pytest.mark.slow
def test_every_outcome_is_reachable_by_some_orders(scenario):
    for outcome in scenario.outcomes:
        orders = find_orders_reaching(scenario, outcome.id)
        assert orders is not None, f"no order sequence found that ends in “{outcome.title}”"


@pytest.mark.slow
def test_computer_games_end_in_several_outcomes_none_dominant(scenario):
    report = simulate(scenario, games=1000, seed=1)
    shares = {o: n / report.games for o, n in report.outcomes.items()}
    assert len(shares) >= 3, shares
    assert max(shares.values()) <= 0.80, shares


def test_the_starter_template_is_valid_playable_and_not_one_sided():
    """docs/scenario-template.yaml is what instructors copy: it must stay valid, clean and worth playing."""
    from game.scenario.loader import check_file

    template = Path(__file__).resolve().parents[1] / "docs" / "scenario-template.yaml"
    scenario, problems = check_file(template)
    assert scenario is not None and problems == [], [p.format() for p in problems]
    report = simulate(scenario, games=200, seed=1)
    happened = {title: n for title, n in report.outcomes.items() if n}
    assert len(happened) >= 3 and max(happened.values()) <= 0.8 * 200, report.outcomes
