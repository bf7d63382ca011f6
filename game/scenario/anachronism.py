"""Texts that tell the future: dates a text mentions that come after the date it is shown on.

The game already hides evidence until its date (game/scenario/evidence.py); what it
cannot hide is free text. So the validator warns where the briefing (shown on
the start date), a position's summary (shown in the briefing), an option
(offered from its earliest turn) or a piece of evidence (said on its own date)
names a later date, and where evidence dates from after the last turn and so
is never shown at all. Dates are read as an author writes them:
"15 February", "10-20 February 2022", "October 27, 1962".
"""

from __future__ import annotations

import re
from datetime import date

from game.scenario import model as m
from game.scenario.fields import Reader
from game.scenario.located import Locator, at
from game.scenario.yamlsafe import YMap, YNode
from game.wording import nice_date

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "|".join(MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+({_MONTH})(?:,?\s+(\d{{4}}))?\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")


def dates_in(text: str, year: int) -> list[date]:
    """Every calendar date the text names; a date without a year is taken to be in `year`."""
    found = []
    for match in _DAY_MONTH.finditer(text):
        found.append((match.group(1), match.group(2), match.group(3)))
    for match in _MONTH_DAY.finditer(text):
        found.append((match.group(2), match.group(1), match.group(3)))
    dates = []
    for day, month, written_year in found:
        try:
            dates.append(date(int(written_year or year), MONTHS.index(month) + 1, int(day)))
        except ValueError:
            continue  # "31 February": not a date, not our business here
    return dates


def later_date(text: str, shown_on: date) -> date | None:
    """The first date the text names that comes after the day it is shown, or None."""
    return next((d for d in dates_in(text, shown_on.year) if d > shown_on), None)


def turn_date(scenario: m.Scenario, turn: int) -> date:
    return date.fromisoformat(scenario.date_of_turn(turn))


def earliest_turn(option: m.Option) -> int:
    """The first turn the option can be ordered, as far as its own `turn_at_least` says."""
    return max((c.value for c in option.requires if isinstance(c, m.TurnAtLeast)), default=1)


def check_anachronism(r: Reader, scenario: m.Scenario, tree: YMap) -> None:
    """Warn about every text that names a date later than the date on which it is shown."""
    try:
        start = date.fromisoformat(scenario.start_date)
    except ValueError:
        return  # already reported as an error
    where = Locator(tree)
    _check_text(r, where.top("briefing") or tree, scenario.briefing, start, "the briefing")
    for option in scenario.options:
        node = where.item("options", option.id)
        shown = turn_date(scenario, earliest_turn(option))
        _check_text(r, at(node, "label", node), option.label, shown, f"option '{option.id}'")
        _check_text(r, at(node, "description", node), option.description, shown, f"option '{option.id}'")
    last_turn = turn_date(scenario, scenario.turn_limit)
    for position in scenario.positions:
        _check_position(r, where, position, start, last_turn)


def _check_position(r: Reader, where: Locator, position: m.Position, start: date, last_turn: date) -> None:
    node = where.position(position.actor, position.issue)
    known_at_start = [e for e in position.evidence if e.known_on(start.isoformat())]
    if known_at_start:  # otherwise the briefing shows "stated later" instead of the summary
        what = f"the summary of the position of '{position.actor}' on '{position.issue}'"
        _check_text(r, at(node, "summary", node), position.summary, start, what)
    for index, evidence in enumerate(position.evidence):
        if not evidence.date:
            continue
        said = date.fromisoformat(evidence.date)
        item = where.evidence(position.actor, position.issue, index)
        _check_text(
            r,
            at(item, evidence.form if evidence.form == m.PARAPHRASE else "quote", item),
            evidence.text,
            said,
            f"evidence of {evidence.speaker} dated {nice_date(evidence.date)}",
        )
        if said > last_turn:
            r.warning(
                at(item, "date", item),
                f"evidence of {evidence.speaker} is dated {nice_date(evidence.date)}, after the last turn "
                f"({nice_date(last_turn.isoformat())}): the game never shows it, and says 'stated later' instead",
            )


def _check_text(r: Reader, node: YNode, text: str, shown_on: date, what: str) -> None:
    later = later_date(text, shown_on)
    if later is not None:
        r.warning(
            node,
            f"{what} is shown on {nice_date(shown_on.isoformat())} but names {nice_date(later.isoformat())}: "
            f"it tells players what has not happened yet (move it to an inject or to later evidence)",
        )
