"""`python main.py play --text`: the whole game in a terminal.

For screen-reader users, scripts and tests as much as for people at a prompt:
plain lines, numbered choices, no cursor tricks. When input ends the game is
saved and the save's path printed, so nothing is lost.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game import text_console, text_deals
from game.engine.game import Game, IllegalOrder
from game.engine.records import TurnRecord
from game.lesson.reveal import reveal
from game.lesson.roles import private_lines
from game.savefiles import write_save
from game.scenario.model import Scenario
from game.text_views import (
    briefing_lines,
    chain_lines,
    end_lines,
    ladder_lines,
    quotes_lines,
    readings_lines,
    reads_lines,
    record_lines,
    revealed_block,
    situation_lines,
    wrap,
)
from game.textsafe import printable
from game.wording import counted


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
    _print([*situation_lines(game, side, show_issues), *text_deals.summary_lines(game, side)])


def show_private(game: Game, side: str) -> None:
    """A team's private briefing, once, when only it is at the keyboard (first turn)."""
    for heading, items in private_lines(game.scenario.actor(side)):
        _say(f"{heading} (for your team only):")
        for item in items:
            _say(f"- {item}", "  ", hang="    ")


def show_readings(game: Game, option_id: str, closed_because: str = "") -> None:
    _print(readings_lines(game, option_id, closed_because))


def show_record(game: Game, record: TurnRecord) -> None:
    _print(record_lines(game, record))


def show_end(game: Game) -> None:
    if game.outcome is None:
        if game.ended_by_instructor:
            _say(
                f"The instructor ended the game after {counted(len(game.history), 'turn')}; no outcome was reached."
            )
            _print(["", "Tension by turn: " + " → ".join(str(t) for t in game.tension_history)])
            _print(revealed_block(game))
            _show_reveal(game)
        return  # otherwise the game is still open: there is no end to show
    _print(["", *end_lines(game)])
    _show_reveal(game)


def _show_reveal(game: Game) -> None:
    """After the game, who the computer sides were, in one sentence (their reasons turn by turn are
    in the window's console and the instructor's report)."""
    sides = [
        f"{s.name}, {s.temperament} ({'set by the instructor' if s.fixed else 'drawn by chance'})"
        for s in reveal(game)
    ]
    if sides:
        _print(wrap("The computer played " + "; ".join(sides) + "."))


def _reading_command(game: Game, answer: str, side: str) -> bool:
    """'why' / 'why N' (a turn in full), 'quotes' / 'quotes SIDE', 'reads' (this side's own reads of the
    others, in full) and 'ladder' (the rungs and their chances): True when the answer was one."""
    word, _, rest = answer.partition(" ")
    if word == "reads":
        _print(reads_lines(game, side))
        return True
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
    if word == "ladder":
        _print(ladder_lines(game))
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
    """Who plays what in a new game, and its seed, so the same game can be played again. The computer
    sides' temperaments are not announced: what drives them is for the players to read (the debrief says)."""
    scenario = game.scenario
    names = [scenario.actor(a).short_name for a in game.temperaments]
    others = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    if len(game.humans) > 1:
        teams = ", ".join(scenario.actor(a).short_name for a in game.humans)
        computer = f"; the computer plays {others}" if others else ""
        _say(f"Teams: {teams}, in turn at this keyboard (seed {game.seed}){computer}.")
        return
    _say(f"You play {scenario.actor(side).short_name} (seed {game.seed}); the computer plays {others}.")


def _read_order(game: Game, side: str, ask_why: bool) -> tuple[str, str] | None:
    """The side's order and its reason (asked for in a lesson; may be empty), or None to stop."""
    statuses = game.options_for(side)
    while True:
        line = _ask("Your order: ")
        answer = line.lower()
        if answer in ("q", "quit"):
            return None
        if _reading_command(game, answer, side) or text_console.command(game, answer, _say, _ask):
            continue
        if text_deals.command(game, side, answer, _say, _ask):
            continue
        first, _, reason = line.partition(" ")
        number = _number(first)
        if number is not None and 1 <= number <= len(statuses) and statuses[number - 1].available:
            if not reason.strip() and ask_why:
                reason = _ask("Why? One line for your team's record (Enter to skip): ")
            return statuses[number - 1].option.id, reason.strip()
        parts = answer.split()
        asked = _number(parts[1]) if len(parts) == 2 and parts[0] == "i" else None
        if asked is not None and 1 <= asked <= len(statuses):
            status = statuses[asked - 1]
            show_readings(game, status.option.id, status.reason)
            continue
        if number is not None and 1 <= number <= len(statuses):
            status = statuses[number - 1]
            _say(f"“{status.option.label}” is not available: {status.reason}.")
            continue
        _say(f"Please type a number from 1 to {len(statuses)}, 'i N', 'why', 'quotes', 'help', or 'q'.")


def play(game: Game, side: str, save_path: Path) -> int:
    """Play on to the end in this terminal, saving after every turn; 'q' or the end of input saves and stops.

    A classroom save has several human sides: the terminal then asks each of them in turn.
    """
    sides = tuple(game.humans) if game.humans else (side,)
    resumed = bool(game.history)  # a resumed game had no briefing: its first turn says where the issues stand
    try:
        while not game.is_over:
            try:
                orders = _collect_orders(game, sides, resumed)
            except text_console.TurnRestarted:
                write_save(game, save_path)
                continue
            except text_console.GameEnded:
                write_save(game, save_path)
                break
            resumed = False
            if orders is None:
                write_save(game, save_path)
                print(
                    printable(
                        f"Game saved to {save_path}.\nResume with: python main.py play --text --load {save_path}"
                    )
                )
                return 0
            show_record(game, game.play_turn(orders, dict(game.pending_rationales)))
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
    print(printable(f"Every change of every turn, and the notes in full: python main.py debrief {save_path}"))
    return 0


def _collect_orders(game: Game, sides: tuple[str, ...], show_issues: bool = False) -> dict[str, str] | None:
    """Each human side's order for this turn, or None when a player asked to stop.

    Orders are kept in the game as they come (never shown again before the resolution), so a save
    mid-turn holds them and a resumed game asks only the teams still to order.
    """
    lesson = len(sides) > 1 or game.classroom
    for team in sides:
        if team in game.pending_orders:
            continue
        if len(sides) > 1:
            _say()
            _say(f"{game.scenario.actor(team).name}, your order; other teams, look away.")
            if not game.history:
                show_private(game, team)
        show_situation(game, team, show_issues)
        chosen = _read_order(game, team, lesson)
        if chosen is None:
            return None
        game.pending_orders[team], game.pending_rationales[team] = chosen
    return dict(game.pending_orders)
