"""A finished (or paused) game told in one page, then in full: what the window's end screen, the
text mode's end and the Markdown and HTML debriefs all say, in the same order.

The page: the outcome and why, the three turning points (the heaviest headlines of the game,
by the measure in `headline.py`), the orders turn by turn, what really happened, questions for
discussion, notes for the instructor. The appendix: every change of every turn under its cause.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.deal_words import debrief_lines
from game.engine.game import Game
from game.engine.headline import Headline, turn_headlines
from game.engine.reads import revealed_lines
from game.engine.records import Change, TurnRecord, by_order

TURNING_POINTS = 3


@dataclass(frozen=True, slots=True)
class TurningPoint:
    turn: int
    date: str
    headline: Headline


@dataclass(frozen=True, slots=True)
class Summary:
    title: str  # the scenario's
    outcome: str  # the outcome's title, or "" while the game is open
    outcome_text: str  # its debrief paragraph
    why: str  # the last turn's headline: why it ended so
    turns: int
    tension: tuple[int, ...]
    turning_points: tuple[TurningPoint, ...]
    timeline: tuple[tuple[int, str, tuple[tuple[str, str], ...]], ...]  # (turn, date, ((side, order), …))
    history: tuple[str, ...]  # what really happened
    questions: tuple[str, ...]
    notes: tuple[str, ...]  # for the instructor, discrepancies in the source marked as such
    revealed: tuple[str, ...] = ()  # each actor's true type and what the others believed of it (reads.py)
    deals: tuple[str, ...] = ()  # every deal made, back-channel ones revealed (deal_words.debrief_lines)


def summarise(game: Game) -> Summary:
    """The one-page debrief of a game."""
    sc = game.scenario
    outcome = game.outcome
    last = game.history[-1] if game.history else None
    why = turn_headlines(sc, last, 1)[0].sentence if (last and outcome) else ""
    historical = [o.historical_note or o.title for o in sc.outcomes if o.historical]
    return Summary(
        title=sc.title,
        outcome=outcome.title if outcome else "",
        outcome_text=outcome.debrief if outcome else "",
        why=why,
        turns=len(game.history),
        tension=tuple(game.tension_history),
        turning_points=turning_points(game),
        timeline=tuple(
            (
                r.turn,
                r.date,
                tuple((sc.actor(a).short_name, sc.option(o).label) for a, o in r.orders.items()),
            )
            for r in game.history
        ),
        history=tuple(historical),
        questions=tuple(sc.questions),
        notes=tuple(
            ("Discrepancy in the source: " if n.kind == "discrepancy" else "") + n.text
            for n in sc.instructor_notes
        ),
        revealed=_revealed(game),
        deals=tuple(debrief_lines(sc, game.state.deals)),
    )


def _revealed(game: Game) -> tuple[str, ...]:
    fixed = game.settings.get("fixed_hidden_types", [])
    return tuple(
        revealed_lines(
            game.scenario, game.states, game.history, frozenset(fixed if isinstance(fixed, list) else [])
        )
    )


def turning_points(game: Game, count: int = TURNING_POINTS) -> tuple[TurningPoint, ...]:
    """The heaviest headline of each turn; of those, the `count` heaviest, in the order they happened.
    The ending itself is left out: the summary already leads with it."""
    best = []
    for record in game.history:
        headlines = [h for h in turn_headlines(game.scenario, record) if h.kind != "outcome"]
        if headlines and headlines[0].kind != "quiet":
            best.append(TurningPoint(record.turn, record.date, headlines[0]))
    chosen = sorted(best, key=lambda t: -t.headline.weight)[:count]
    return tuple(sorted(chosen, key=lambda t: t.turn))


def chains(game: Game, record: TurnRecord) -> list[tuple[int, str]]:
    """One turn's every change under its cause, as (depth, text): the order (0), what it did itself
    and how each actor it touched read it (1), what that reaction changed (2); then news and the ladder."""
    sc = game.scenario
    reports, rest = by_order(record)
    items: list[tuple[int, str]] = []
    for report in reports:
        if not report.own and not report.reactions:
            continue
        items.append((0, f"{sc.actor(report.actor_id).name}: “{sc.option(report.option_id).label}”"))
        if report.own:
            items.append((1, _steps(report.own) + "."))
        for how, changes in report.reactions:
            items.append((1, how))
            items.append((2, f"→ {_steps(changes)}."))
    for cause, changes in rest:
        items.append((0, f"{_steps(changes)}: {cause}"))
    if not record.changes:
        items.append((0, "Nothing changed."))
    return items


def _steps(changes: list[Change]) -> str:
    # Grouped by order, the changes are no longer in time order: steps (+2) read right, "45 → 47" would not.
    text = "; ".join(c.step for c in changes)
    return text[:1].upper() + text[1:]
