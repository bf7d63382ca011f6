"""Words for signals and facts apart (issue 8, item 6): what an order signals is reported as a
signal ("signals “Pulled back” on … — Ukraine welcomes the words"), and only a change the order
really made is reported as a fact ("Russian forces at Ukraine's borders: “Massed …” → “Pulled back”")."""

from __future__ import annotations

from game.engine.game import Game
from game.text_views import chain_lines, record_lines
from tests.cli_fixtures import run_here
from tests.engine_fixtures import crisis


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_natos_defensive_message_is_reported_as_words_while_the_forces_stay_massed(tmp_path):
    result = run_here(["play", "--text", "--as", "nato", "--seed", "1"], stdin="7\nwhy\nq\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = _flat(result.stdout)
    assert "“Stress that every step is defensive and proportionate”" in out
    assert "Signals “Pulled back” on Russian forces at Ukraine's borders — Ukraine welcomes the words" in out
    assert "Honours Ukraine's wish" not in out and "honours" not in out.lower()
    assert "Russian forces at Ukraine's borders: “Massed at the border” →" not in out, "the forces stayed"
    assert "signals 5 wishes in words" in out, "the list of orders says the wishes were met in words only"


def test_an_order_that_really_moves_an_issue_is_reported_as_a_fact():
    game = Game.new(crisis(), seed=2, humans=("blue", "red"))
    record = game.play_turn({"blue": "offer_pause", "red": "talk"})
    chains = _flat("\n".join(chain_lines(game, record)))
    summary = _flat("\n".join(record_lines(game, record)))
    assert "Moves the membership question to “Pause”, as Grey wishes (mild to Grey)" in chains
    assert (
        "The membership question: “Door open” → “Pause”" in summary
        or "the membership question: “Door open” → “Pause”" in summary
    )
    # Red's talk signals the same state, but Blue's order already made it so: Red's reading is a signal
    assert "Signals “Pause” on the membership question — Grey welcomes the words" in chains


def test_a_signal_of_what_someone_wishes_is_never_reported_as_done():
    game = Game.new(crisis(), seed=2, humans=("blue", "red"))
    record = game.play_turn({"blue": "wait", "red": "talk"})  # Red signals "Pause": Grey wishes it
    chains = _flat("\n".join(chain_lines(game, record)))
    assert (
        "Signals “Pause” on the membership question — Grey welcomes the words (its wish; mild to Grey)"
        in chains
    )
    assert "“Pause”" not in _flat("\n".join(record_lines(game, record))).split("In sum")[-1], "nothing moved"


def test_before_ordering_the_terminal_says_what_an_order_changes_apart_from_what_it_signals(tmp_path):
    result = run_here(["play", "--text", "--as", "us", "--seed", "1"], stdin="i 1\ni 5\nq\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = _flat(result.stdout)
    # the Stryker move really reinforces the flank: a fact, and the readings say "moves"
    assert "It changes: Allied forces on NATO's eastern flank → “Reinforced”." in out
    assert (
        "Moves Allied forces on NATO's eastern flank to “Reinforced”, across Russia's red line (firm to Russia)"
        in out
    )
    # refusing a veto keeps the door where it already is: the readings say "signals", never "moves"
    assert "Signals “Door open in principle” on Ukraine's path to NATO, across Russia's red line" in out
    assert "Moves Ukraine's path to NATO" not in out and "It changes: Ukraine's path to NATO" not in out
