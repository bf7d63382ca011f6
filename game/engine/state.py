"""The game state: everything that changes during a game, as plain JSON-able values.

A state is never changed in place once a turn is resolved: resolution works on
a copy (`GameState.copy`) so earlier states stay valid for undo and "what if".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from game.scenario.model import Scenario


@dataclass(slots=True)
class ForceState:
    place: str
    posture: str


@dataclass(slots=True)
class GameState:
    turn: int  # the turn about to be played, from 1
    date: str  # ISO date of that turn
    tension: int  # 0–100
    meters: dict[str, dict[str, int]]  # actor -> meter -> value
    issues: dict[str, str]  # issue -> state id
    forces: dict[str, ForceState]
    flags: set[str] = field(default_factory=set)
    chosen: list[tuple[int, str, str]] = field(default_factory=list)  # (turn, actor, option)
    fired_injects: set[str] = field(default_factory=set)
    moved_last_turn: list[tuple[str, str, str]] = field(default_factory=list)  # (force, from, to)
    outcome: str | None = None

    @classmethod
    def initial(cls, scenario: Scenario) -> GameState:
        return cls(
            turn=1,
            date=scenario.start_date,
            tension=scenario.start_tension,
            meters={a.id: {m.id: m.start for m in a.meters} for a in scenario.actors},
            issues={i.id: i.start for i in scenario.issues},
            forces={f.id: ForceState(f.at, f.posture) for f in scenario.forces},
        )

    def copy(self) -> GameState:
        return GameState(
            turn=self.turn,
            date=self.date,
            tension=self.tension,
            meters={a: dict(m) for a, m in self.meters.items()},
            issues=dict(self.issues),
            forces={k: ForceState(v.place, v.posture) for k, v in self.forces.items()},
            flags=set(self.flags),
            chosen=list(self.chosen),
            fired_injects=set(self.fired_injects),
            moved_last_turn=list(self.moved_last_turn),
            outcome=self.outcome,
        )

    def was_chosen(self, option_id: str, actor_id: str | None = None) -> bool:
        return any(o == option_id and (actor_id is None or a == actor_id) for _, a, o in self.chosen)

    def last_choice(self, actor_id: str) -> str | None:
        for _, actor, option in reversed(self.chosen):
            if actor == actor_id:
                return option
        return None

    def to_json(self) -> dict:
        return {
            "version": STATE_VERSION,
            "turn": self.turn,
            "date": self.date,
            "tension": self.tension,
            "meters": self.meters,
            "issues": self.issues,
            "forces": {k: {"place": v.place, "posture": v.posture} for k, v in sorted(self.forces.items())},
            "flags": sorted(self.flags),
            "chosen": [list(c) for c in self.chosen],
            "fired_injects": sorted(self.fired_injects),
            "moved_last_turn": [list(m) for m in self.moved_last_turn],
            "outcome": self.outcome,
        }


STATE_VERSION = 1


def state_from_json(data: dict) -> GameState:
    """The inverse of `GameState.to_json`; raises KeyError/TypeError/ValueError on a damaged record."""
    return GameState(
        turn=int(data["turn"]),
        date=str(data["date"]),
        tension=int(data["tension"]),
        meters={
            str(a): {str(m): int(v) for m, v in dict(ms).items()} for a, ms in dict(data["meters"]).items()
        },
        issues={str(k): str(v) for k, v in dict(data["issues"]).items()},
        forces={
            str(k): ForceState(str(v["place"]), str(v["posture"])) for k, v in dict(data["forces"]).items()
        },
        flags={str(f) for f in data["flags"]},
        chosen=[(int(t), str(a), str(o)) for t, a, o in data["chosen"]],
        fired_injects={str(i) for i in data["fired_injects"]},
        moved_last_turn=[(str(f), str(a), str(b)) for f, a, b in data["moved_last_turn"]],
        outcome=None if data["outcome"] is None else str(data["outcome"]),
    )


def advance_date(iso_date: str, days: int) -> str:
    try:
        return (date.fromisoformat(iso_date) + timedelta(days=days)).isoformat()
    except ValueError:  # a scenario date the loader let through as text: keep it readable
        return iso_date
