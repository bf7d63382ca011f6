"""Any scenario the validator accepts can be played to its end: numbers changed at random, games played."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.game import Game
from game.scenario.loader import check_file

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "tests" / "data" / "minimal.yaml", ROOT / "scenarios" / "eastern_flank_2022.yaml"]


def _numbers(node, path=()):
    """Every (path, integer) in a YAML tree, so a test can change one of them."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _numbers(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _numbers(value, (*path, i))
    elif isinstance(node, int) and not isinstance(node, bool):
        yield path, node


def _set(tree, path, value):
    for key in path[:-1]:
        tree = tree[key]
    tree[path[-1]] = value


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_valid_scenario_with_other_numbers_plays_to_an_outcome(tmp_path, data):
    source = data.draw(st.sampled_from(SOURCES))
    tree = yaml.safe_load(source.read_text(encoding="utf-8"))
    numbers = list(_numbers(tree))
    for _ in range(data.draw(st.integers(1, 6))):
        path, old = data.draw(st.sampled_from(numbers))
        _set(tree, path, data.draw(st.integers(-150, 150) | st.sampled_from([0, 1, old + 1, old - 1])))
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    scenario, problems = check_file(path)
    if scenario is None or any(p.is_error for p in problems):
        return  # refused with messages: the loader's tests cover those
    for seed in range(3):
        game = Game.new(scenario, seed=seed)
        while not game.is_over:
            game.play_turn({})
        assert len(game.history) <= scenario.turn_limit
        assert 0 <= game.state.tension <= 100
