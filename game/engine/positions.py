"""The stated positions as one compact table: for each issue, each state someone has a view on,
and who wants it (✔), can accept it (≈) or has made it a red line (✖).

Read this way a class sees at a glance where the sides collide and where a deal could lie (a
state nobody refuses). The window's briefing and the text mode print the same table.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.model import Position, Scenario

MARKS = {"wants": "✔", "accepts": "≈", "refuses": "✖"}
WORDS = {"wants": "wants", "accepts": "accepts", "refuses": "red line"}
LEGEND = "✔ wants · ≈ accepts · ✖ red line"


@dataclass(frozen=True, slots=True)
class StateRow:
    """One state of an issue and who stands where on it (actors' short names, scenario order)."""

    state_id: str
    name: str
    wants: tuple[str, ...]
    accepts: tuple[str, ...]
    refuses: tuple[str, ...]

    def cells(self, worded: bool = False) -> list[str]:
        """'✔ US, NATO', '≈ Germany', '✖ Russia' (worded: '✔ wants: US, NATO', …): the non-empty groups."""
        groups = (("wants", self.wants), ("accepts", self.accepts), ("refuses", self.refuses))
        return [
            f"{MARKS[kind]} {WORDS[kind] + ': ' if worded else ''}{', '.join(names)}"
            for kind, names in groups
            if names
        ]


@dataclass(frozen=True, slots=True)
class IssueTable:
    issue_id: str
    name: str
    now: str  # the state's name at the start (or in the state given)
    rows: tuple[StateRow, ...]


def positions_table(scenario: Scenario, issues_now: dict[str, str] | None = None) -> list[IssueTable]:
    """Every issue someone has a position on, its states in the scenario's order (only those
    someone wants, accepts or refuses)."""
    tables = []
    for issue in scenario.issues:
        positions = scenario.positions_on(issue.id)
        if not positions:
            continue
        rows = []
        for state in issue.states:
            row = StateRow(
                state.id,
                state.name,
                _who(scenario, positions, "preferred", state.id),
                _who(scenario, positions, "acceptable", state.id),
                _who(scenario, positions, "red_lines", state.id),
            )
            if row.wants or row.accepts or row.refuses:
                rows.append(row)
        now = (issues_now or {}).get(issue.id, issue.start)
        tables.append(IssueTable(issue.id, issue.name, issue.state(now).name, tuple(rows)))
    return tables


def _who(scenario: Scenario, positions: tuple[Position, ...], field: str, state_id: str) -> tuple[str, ...]:
    """Short names of the actors whose `field` (preferred, acceptable, red_lines) holds the state."""
    return tuple(scenario.actor(p.actor).short_name for p in positions if state_id in getattr(p, field))
