"""What mattered most in a turn: given a state, these orders, this is what leads the report and why."""

from __future__ import annotations

from game.engine.game import Game
from game.engine.headline import as_last_turn, short_reading, sides_by_weight, turn_headlines
from tests.engine_fixtures import crisis


def _played(orders: list[dict[str, str]], **crisis_args) -> Game:
    game = Game.new(crisis(**crisis_args), seed=1, humans=("blue", "red"))
    for turn in orders:
        game.play_turn(turn)
    return game


def test_an_invasion_leads_the_report_and_its_side_comes_first():
    game = _played(
        [
            {"blue": "reaffirm_open_door", "red": "demand_never"},  # Red's red line crossed: Red mobilises
            {"blue": "reaffirm_open_door", "red": "invade"},
        ]
    )
    record = game.history[-1]
    headlines = turn_headlines(game.scenario, record)
    assert headlines[0].kind == "outcome"
    assert headlines[0].sentence.startswith("The game ends — War:")
    assert "Red's order “Invade”" in headlines[0].sentence  # the why: the order that moved tension most
    assert 1 <= len(headlines) <= 3
    # The side listed first is the one whose order weighed most, not the first in the file.
    assert sides_by_weight(game.scenario, record) == ["red", "blue"]


def test_a_crossed_red_line_says_whose_on_what_and_what_it_cost():
    game = _played([{"blue": "reaffirm_open_door", "red": "talk"}])
    headlines = turn_headlines(game.scenario, game.history[-1])
    crossed = next(h for h in headlines if h.kind == "red_line")
    assert crossed.sentence == (
        "Blue's order “Reaffirm open door” crossed Red's red line on the membership question (vital): "
        "tension +9, Red's resolve +6, “Red mobilised” now holds."
    )


def test_a_quiet_turn_still_has_one_line():
    game = _played([{"blue": "wait", "red": "talk"}], start_tension=20)
    headlines = turn_headlines(game.scenario, game.history[-1])
    assert [h.kind for h in headlines] == ["quiet"]
    assert headlines[0].sentence.startswith("A quiet turn: no red line crossed")


def test_a_repeated_order_that_reads_the_same_is_folded():
    game = _played(
        [{"blue": "reaffirm_open_door", "red": "talk"}, {"blue": "reaffirm_open_door", "red": "demand_never"}]
    )
    first, second = game.history
    assert as_last_turn(first, second, "blue")
    assert not as_last_turn(first, second, "red")  # another order: told in full
    assert not as_last_turn(None, first, "blue")
    assert short_reading(game.scenario, second, "blue").startswith("crosses Red's red line on the membership")
