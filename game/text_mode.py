"""`python main.py play --text`: the whole game in a terminal.

For screen-reader users, scripts and tests as much as for people at a prompt:
plain lines, numbered choices, no cursor tricks. When input ends the game is
saved and the save's path printed, so nothing is lost.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.engine.game import Game, IllegalOrder
from game.engine.records import TurnRecord
from game.savefiles import write_save
from game.scenario.model import Scenario
from game.text_views import (
    briefing_lines,
    chain_lines,
    end_lines,
    quotes_lines,
    readings_lines,
    record_lines,
    situation_lines,
    wrap,
)
from game.textsafe import printable


class InputEnded(Exception):
    """Standard input ended (a pipe ran dry, Ctrl-D): the game is saved, never lost."""


# Scenario and save texts may hold terminal control codes: both printers show them, never obey them.
def _say(text: str = "", indent: str = "", hang: str | None = None) -> None:
    print("\n".join(wrap(printable(text), indent, hang)) if text else "")


def _ask(prompt: str) -> str:
    print(printable(prompt), end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        print()
        raise InputEnded
    return line.strip()


def _print(lines: list[str]) -> None:
    print(printable("\n".join(lines)))


def show_briefing(scenario: Scenario) -> None:
    _print(briefing_lines(scenario))


def show_situation(game: Game, side: str, show_issues: bool = False) -> None:
    _print(situation_lines(game, side, show_issues))


def show_readings(game: Game, option_id: str, closed_because: str = "") -> None:
    _print(readings_lines(game, option_id, closed_because))


def show_record(game: Game, record: TurnRecord) -> None:
    _print(record_lines(game, record))


def show_end(game: Game) -> None:
    if game.outcome is None:  # the game is still open: there is no end to show
        return
    _print(["", *end_lines(game)])


def _reading_command(game: Game, answer: str) -> bool:
    """'why' / 'why N' (a turn in full) and 'quotes' / 'quotes SIDE': True when the answer was one."""
    word, _, rest = answer.partition(" ")
    if word == "why":
        turns = {r.turn: r for r in game.history}
        asked = _number(rest.strip())
        wanted = asked if asked is not None else (max(turns) if turns else 0)
        if wanted in turns:
            _print(chain_lines(game, turns[wanted]))
        else:
            _say(
                "No turn to explain yet."
                if not turns
                else f"Type 'why' or 'why N' with N from 1 to {max(turns)}."
            )
        return True
    if word == "quotes":
        _print(quotes_lines(game.scenario, rest, game.state.date))
        return True
    return False


def _number(answer: str) -> int | None:
    """A typed number, or None for anything else.

    `str.isdigit` accepts '²' and '①', which `int` refuses; `isdecimal` is
    exactly what `int` reads (full-width '１' too). The length bound keeps a
    pasted 5,000-digit number from `int`'s digit limit: no menu is that long.
    """
    return int(answer) if answer.isdecimal() and len(answer) <= 6 else None


def choose_side(scenario: Scenario, wanted: str | None) -> str:
    playable = [a.id for a in scenario.playable_actors]
    if wanted is not None:
        if wanted in playable:
            return wanted
        raise IllegalOrder(f"'{wanted}' is not a playable side; choose one of: {', '.join(playable)}")
    while True:
        listing = ", ".join(f"{n}. {scenario.actor(a).name}" for n, a in enumerate(playable, 1))
        answer = _ask(f"Which side do you play? {listing}: ").lower()
        number = _number(answer)
        if number is not None and 1 <= number <= len(playable):
            return playable[number - 1]
        if answer in playable:
            return answer
        _say(f"Please answer with a number from 1 to {len(playable)}.")


def introduce(game: Game, side: str) -> None:
    """Who plays what in a new game, and its seed, so the same game can be played again."""
    scenario = game.scenario
    others = ", ".join(
        f"{scenario.actor(a).short_name} ({t.replace('_', '-')})" for a, t in game.temperaments.items()
    )
    _say(f"You play {scenario.actor(side).short_name} (seed {game.seed}); the computer plays {others}.")


def _read_order(game: Game, side: str) -> str | None:
    statuses = game.options_for(side)
    while True:
        answer = _ask("Your order: ").lower()
        if answer in ("q", "quit"):
            return None
        if _reading_command(game, answer):
            continue
        parts = answer.split()
        asked = _number(parts[1]) if len(parts) == 2 and parts[0] == "i" else None
        if asked is not None and 1 <= asked <= len(statuses):
            status = statuses[asked - 1]
            show_readings(game, status.option.id, status.reason)
            continue
        number = _number(answer)
        if number is not None and 1 <= number <= len(statuses):
            status = statuses[number - 1]
            if status.available:
                return status.option.id
            _say(f"“{status.option.label}” is not available: {status.reason}.")
            continue
        _say(f"Please type a number from 1 to {len(statuses)}, 'i N', 'why', 'quotes', or 'q'.")


def play(game: Game, side: str, save_path: Path) -> int:
    """Play on to the end in this terminal, saving after every turn; 'q' or the end of input saves and stops.

    A classroom save has several human sides: the terminal then asks each of them in turn.
    """
    sides = tuple(game.humans) if game.humans else (side,)
    resumed = bool(game.history)  # a resumed game had no briefing: its first turn says where the issues stand
    try:
        while not game.is_over:
            orders = _collect_orders(game, sides, resumed)
            resumed = False
            if orders is None:
                write_save(game, save_path)
                print(
                    printable(
                        f"Game saved to {save_path}.\nResume with: python main.py play --text --load {save_path}"
                    )
                )
                return 0
            show_record(game, game.play_turn(orders))
            write_save(game, save_path)
    except IllegalOrder as error:  # a save whose sides no longer fit: say so, never a traceback
        print(printable(f"play: {error}"), file=sys.stderr)
        return 2
    except InputEnded:
        write_save(game, save_path)
        # Paths are printed unwrapped so they can be copied whole.
        print(
            printable(
                f"Input ended: game saved to {save_path}.\n"
                f"Resume with: python main.py play --text --load {save_path}"
            )
        )
        return 0
    show_end(game)
    print(printable(f"The finished game is saved in {save_path}."))
    print(printable(f"Every change of every turn, and why: python main.py debrief {save_path}"))
    return 0


def _collect_orders(game: Game, sides: tuple[str, ...], show_issues: bool = False) -> dict[str, str] | None:
    """Each human side's order for this turn, or None when a player asked to stop."""
    orders: dict[str, str] = {}
    for team in sides:
        if len(sides) > 1:
            _say()
            _say(f"{game.scenario.actor(team).name}, your order; other teams, look away.")
        show_situation(game, team, show_issues)
        option_id = _read_order(game, team)
        if option_id is None:
            return None
        orders[team] = option_id
    return orders
