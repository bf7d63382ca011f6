"""The grading export: one row per team per turn, for a spreadsheet.

Each row holds the turn, its date, the team, its order, the team's one-line
reason, whose stated positions the order honoured or crossed, and tension
before and after. Computer sides are not graded, so they have no rows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from game.engine.game import Game
from game.engine.readings import read_option
from game.engine.records import Reading

COLUMNS = (
    "group",
    "turn",
    "date",
    "team",
    "order",
    "rationale",
    "positions_honoured",
    "positions_crossed",
    "tension_before",
    "tension_after",
)


@dataclass(frozen=True, slots=True)
class GradeRow:
    group: str
    turn: int
    date: str
    team: str
    side: str  # the actor id, for a short name in tight tables
    order: str
    rationale: str
    honoured: tuple[str, ...]  # "Diplomacy: US, France (preferred)"
    crossed: tuple[str, ...]
    tension_before: int
    tension_after: int

    def cells(self) -> list[str]:
        return [
            self.group,
            str(self.turn),
            self.date,
            self.team,
            self.order,
            self.rationale,
            "; ".join(self.honoured),
            "; ".join(self.crossed),
            str(self.tension_before),
            str(self.tension_after),
        ]


def grade_rows(game: Game, group: str = "") -> list[GradeRow]:
    """Every team's every order, in turn order then the scenario's order of sides."""
    sc = game.scenario
    rows = []
    for record in game.history:
        for side, option_id in record.orders.items():
            if side not in game.humans:
                continue
            readings = read_option(sc, sc.option(option_id))
            rows.append(
                GradeRow(
                    group,
                    record.turn,
                    record.date,
                    sc.actor(side).name,
                    side,
                    sc.option(option_id).label,
                    record.rationales.get(side, ""),
                    _grouped(game, [r for r in readings if r.honours]),
                    _grouped(game, [r for r in readings if not r.honours]),
                    record.tension_before,
                    record.tension_after,
                )
            )
    return rows


def _grouped(game: Game, readings: list[Reading]) -> tuple[str, ...]:
    """'Diplomacy: US, France (preferred)': one entry per issue and verdict, so a row stays readable."""
    sc = game.scenario
    groups: dict[tuple[str, str], list[str]] = {}
    for r in readings:
        groups.setdefault((r.issue_id, r.verdict), []).append(sc.actor(r.actor_id).short_name)
    return tuple(
        f"{sc.issue(issue).name}: {', '.join(who)} ({verdict.replace('_', ' ')})"
        for (issue, verdict), who in groups.items()
    )


def csv_text(rows: list[GradeRow]) -> str:
    """The rows as CSV with a header line (UTF-8 text; spreadsheets open it as it is)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_inert(cell) for cell in row.cells()])
    return out.getvalue()


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows and never runs: a student's '=HYPERLINK(…)' stays text."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
