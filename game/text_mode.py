"""`python main.py play --text`: the whole game in a terminal.

For screen-reader users, scripts and tests as much as for people at a prompt:
plain lines, numbered choices, no cursor tricks. When input ends the game is
saved and the save's path printed, so nothing is lost.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path

from game.engine.game import Game, IllegalOrder
from game.engine.readings import cite
from game.engine.records import Change, TurnRecord, by_order, net_changes
from game.savefiles import write_save
from game.scenario.model import Scenario

WIDTH = 78


class InputEnded(Exception):
    """Standard input ended (a pipe ran dry, Ctrl-D): the game is saved, never lost."""


def _say(text: str = "", indent: str = "", hang: str | None = None) -> None:
    if not text:
        print()
        return
    for paragraph in text.splitlines() or [""]:
        print(
            textwrap.fill(
                paragraph,
                WIDTH,
                initial_indent=indent,
                subsequent_indent=indent if hang is None else hang,
                break_long_words=False,
                break_on_hyphens=False,
            )
            if paragraph
            else ""
        )


def _ask(prompt: str) -> str:
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        print()
        raise InputEnded
    return line.strip()


def show_briefing(scenario: Scenario) -> None:
    _say(f"=== {scenario.title} ===")
    _say(scenario.summary)
    _say()
    _say(scenario.briefing)
    _say()
    _say("Stated positions:")
    for actor in scenario.actors:
        positions = scenario.positions_of(actor.id)
        if not positions:
            continue
        _say(f"{actor.name}:", "  ")
        for position in positions:
            issue = scenario.issue(position.issue)
            _say(f"- {issue.name}: {position.summary}", "    ")
            quote = cite(position)
            if quote:
                _say(quote, "      ")
    _say()


def show_situation(game: Game, side: str) -> None:
    st, sc = game.state, game.scenario
    _say(f"--- Turn {st.turn} of {sc.turn_limit}, {st.date} — tension {st.tension}/100: {game.rung.name} ---")
    for actor in sc.playable_actors:
        meters = ", ".join(f"{m.name} {st.meters[actor.id][m.id]}" for m in actor.meters)
        _say(f"{actor.short_name}: {meters}", "  ")
    for issue in sc.issues:
        _say(f"{issue.name}: {issue.state(st.issues[issue.id]).name}", "  ")
    _say()
    _say(f"Your options as {sc.actor(side).name}:")
    for n, status in enumerate(game.options_for(side), 1):
        option = status.option
        mark = "" if status.available else f"  [not available: {status.reason}]"
        _say(f"{n}. {option.label} ({option.category}){mark}", "  ", hang="     ")
    _say(
        "Type a number to order it, 'i N' to see how option N reads to the others, 'q' to save and stop.",
        "  ",
    )


def show_readings(game: Game, option_id: str) -> None:
    option = game.scenario.option(option_id)
    _say(option.description, "    ")
    readings = game.readings(option_id)
    if not readings:
        _say("No other actor has a stated position this order touches.", "    ")
    for reading in readings:
        _say(f"- {reading.sentence}", "    ", hang="      ")


def show_record(game: Game, record: TurnRecord) -> None:
    sc = game.scenario
    _say()
    _say(f"=== Resolution of turn {record.turn} ({record.date}) ===")
    for actor_id, option_id in record.orders.items():
        _say(f"{sc.actor(actor_id).name}: {sc.option(option_id).label}", "  ")
        if actor_id in record.decisions:
            _say(record.decisions[actor_id].explanation, "      ")
    for inject_id in record.injects:
        inject = next(i for i in sc.injects if i.id == inject_id)
        _say(f"News flash — {inject.title}: {inject.text}", "  ")
    _say("What followed, and why:")
    show_causes(game, record)
    if not record.changes:
        _say("- Nothing changed.", "  ")
    _say()


def show_causes(game: Game, record: TurnRecord) -> None:
    """Each order with what it did itself, then how every actor it touched reacted, and why."""
    reports, rest = by_order(record)
    for report in reports:
        if not report.own and not report.reactions:
            continue
        _say(
            f"{game.scenario.actor(report.actor_id).name}: “{game.scenario.option(report.option_id).label}”",
            "  ",
        )
        if report.own:
            _say(_shorts(report.own) + ".", "      ")
        for how, changes in report.reactions:
            _say(f"- {how}", "    ", hang="      ")
            _say(f"→ {_shorts(changes)}.", "        ")
    for cause, changes in rest:
        _say(f"- {_shorts(changes)}: {cause}", "  ", hang="    ")
    _say(
        f"Tension {record.tension_before} → {record.tension_after}; "
        f"the crisis stands at “{game.scenario.rung_for(record.tension_after).name}”.",
        "  ",
    )
    moved = [n.short for n in net_changes(record) if n.kind != "tension"]
    if moved:
        _say("In sum: " + "; ".join(moved) + ".", "  ", hang="    ")


def _shorts(changes: Iterable[Change]) -> str:
    # Grouped by order, the changes are no longer in time order: steps (+2) read right, "45 → 47" would not.
    text = "; ".join(c.step for c in changes)
    return text[:1].upper() + text[1:]


def show_end(game: Game) -> None:
    outcome = game.outcome
    if outcome is None:  # the game is still open: there is no end to show
        return
    _say(f"Outcome: {outcome.title}")
    _say(outcome.debrief)
    if outcome.historical_note:
        _say()
        _say(f"What really happened: {outcome.historical_note}")
    history = [o for o in game.scenario.outcomes if o.historical]
    if history and not outcome.historical:
        _say()
        _say(f"What really happened: {history[0].historical_note or history[0].title}")
    _say()
    _say("Tension by turn: " + " → ".join(str(t) for t in game.tension_history))
    if game.scenario.questions:
        _say()
        _say("For discussion:")
        for n, question in enumerate(game.scenario.questions, 1):
            _say(f"{n}. {question}", "  ")


def choose_side(scenario: Scenario, wanted: str | None) -> str:
    playable = [a.id for a in scenario.playable_actors]
    if wanted is not None:
        if wanted in playable:
            return wanted
        raise IllegalOrder(f"'{wanted}' is not a playable side; choose one of: {', '.join(playable)}")
    while True:
        listing = ", ".join(f"{n}. {scenario.actor(a).name}" for n, a in enumerate(playable, 1))
        answer = _ask(f"Which side do you play? {listing}: ").lower()
        if answer.isdigit() and 1 <= int(answer) <= len(playable):
            return playable[int(answer) - 1]
        if answer in playable:
            return answer
        _say(f"Please answer with a number from 1 to {len(playable)}.")


def introduce(game: Game, side: str) -> None:
    """Who plays what in a new game, and its seed, so the same game can be played again."""
    scenario = game.scenario
    others = ", ".join(
        f"{scenario.actor(a).short_name} ({t.replace('_', '-')})" for a, t in game.temperaments.items()
    )
    _say(f"You play {scenario.actor(side).name}. Seed {game.seed}; the computer plays the others: {others}.")


def _read_order(game: Game, side: str) -> str | None:
    statuses = game.options_for(side)
    while True:
        answer = _ask("Your order: ").lower()
        if answer in ("q", "quit"):
            return None
        parts = answer.split()
        if len(parts) == 2 and parts[0] == "i" and parts[1].isdigit() and 1 <= int(parts[1]) <= len(statuses):
            show_readings(game, statuses[int(parts[1]) - 1].option.id)
            continue
        if answer.isdigit() and 1 <= int(answer) <= len(statuses):
            status = statuses[int(answer) - 1]
            if status.available:
                return status.option.id
            _say(f"“{status.option.label}” is not available: {status.reason}.")
            continue
        _say(f"Please type a number from 1 to {len(statuses)}, 'i N', or 'q'.")


def play(game: Game, side: str, save_path: Path) -> int:
    """Play on to the end in this terminal, saving after every turn; 'q' or the end of input saves and stops.

    A classroom save has several human sides: the terminal then asks each of them in turn.
    """
    sides = tuple(game.humans) if game.humans else (side,)
    try:
        while not game.is_over:
            orders = _collect_orders(game, sides)
            if orders is None:
                write_save(game, save_path)
                print(
                    f"Game saved to {save_path}.\nResume with: python main.py play --text --load {save_path}"
                )
                return 0
            show_record(game, game.play_turn(orders))
            write_save(game, save_path)
    except IllegalOrder as error:  # a save whose sides no longer fit: say so, never a traceback
        print(f"play: {error}", file=sys.stderr)
        return 2
    except InputEnded:
        write_save(game, save_path)
        # Paths are printed unwrapped so they can be copied whole.
        print(
            f"Input ended: game saved to {save_path}.\n"
            f"Resume with: python main.py play --text --load {save_path}"
        )
        return 0
    show_end(game)
    print(f"The finished game is saved in {save_path}.")
    return 0


def _collect_orders(game: Game, sides: tuple[str, ...]) -> dict[str, str] | None:
    """Each human side's order for this turn, or None when a player asked to stop."""
    orders: dict[str, str] = {}
    for team in sides:
        if len(sides) > 1:
            _say()
            _say(f"{game.scenario.actor(team).name}, your order; other teams, look away.")
        show_situation(game, team)
        option_id = _read_order(game, team)
        if option_id is None:
            return None
        orders[team] = option_id
    return orders
