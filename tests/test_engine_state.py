"""The game state is a value: resolution never changes one, and explanations are written only when read."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from game.engine import explain
from game.engine import resolve as resolution
from game.engine.game import Game
from game.engine.simulate import simulate
from game.engine.state import GameState
from tests.engine_fixtures import crisis

RULES = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_a_state_cannot_be_changed_once_made():
    state = GameState.initial(crisis())
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.tension = 99  # type: ignore[misc]
    with pytest.raises(TypeError):
        state.meters["red"]["resolve"] = 0  # type: ignore[index]
    with pytest.raises(TypeError):
        state.issues["membership"] = "never"  # type: ignore[index]
    with pytest.raises(AttributeError):
        state.flags.add("red_mobilised")  # type: ignore[attr-defined]


def test_resolving_a_turn_leaves_every_earlier_state_as_it_was():
    game = Game.new(crisis(), seed=4, humans=("blue", "red"))
    before = [game.state.to_json()]
    for blue, red in [("reaffirm_open_door", "demand_never"), ("wait", "talk")]:
        game.play_turn({"blue": blue, "red": red})
        before.append(game.state.to_json())
    assert [s.to_json() for s in game.states] == before


def test_a_sides_history_answers_questions_about_its_own_orders():
    game = Game.new(crisis(), seed=4, humans=("blue", "red"))
    game.play_turn({"blue": "reaffirm_open_door", "red": "demand_never"})
    game.play_turn({"blue": "wait", "red": "talk"})
    state = game.state
    assert state.last_choice("blue") == "wait" and state.last_choice("red") == "talk"
    assert state.was_chosen("demand_never") and state.was_chosen("demand_never", "red")
    assert not state.was_chosen("demand_never", "blue")


def test_batch_games_never_put_a_change_into_words(monkeypatch):
    def refuse(*args: object) -> object:
        raise AssertionError("a batch game asked for the changes in words")

    monkeypatch.setattr(explain, "explain_facts", refuse)
    report = simulate(crisis(), 20, seed=5)
    assert report.games == 20


def test_the_words_of_a_turn_are_the_same_whenever_they_are_read():
    game = Game.new(crisis(), seed=6, humans=("blue",))
    record = game.play_turn({"blue": "reaffirm_open_door"})
    first = [c.sentence for c in record.changes]
    game.play_turn({"blue": "wait"})
    assert first and [c.sentence for c in record.changes] == first
    assert "red" in record.decisions and record.decisions["red"].explanation.startswith("Red")


def test_each_resolution_step_is_named_in_the_rules():
    named = re.findall(r"\(`(\w+)`\)", RULES.read_text(encoding="utf-8"))
    assert [step.__name__ for step in resolution.STEPS] == named[: len(resolution.STEPS)]
