"""Who the computer sides really were: their temperament, who chose it, and their reasons turn by turn.

Hidden during play (it is what players must read from behaviour); the
instructor reveals it after the game.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.ai import TEMPERAMENTS, choose_temperaments
from game.engine.dispositions import draw_types
from game.engine.game import Game
from game.engine.summary import summarise
from game.scenario.model import Scenario


@dataclass(frozen=True, slots=True)
class Revealed:
    actor_id: str
    name: str
    temperament: str  # readable, e.g. "hard-line"
    fixed: bool  # the instructor chose it before the game; otherwise chance did
    reasons: tuple[tuple[int, str, str], ...]  # (turn, order label, the side's own explanation)

    @property
    def headline(self) -> str:
        how = "set by the instructor" if self.fixed else "drawn by chance"
        return f"{self.name} was played by the computer as {self.temperament} ({how})."


def with_fixed_types(
    scenario: Scenario, seed: int, humans: tuple[str, ...], fixed: dict[str, str]
) -> dict[str, str]:
    """The computer sides' temperaments: those the instructor fixed, chance (by the seed) for the rest."""
    computer = tuple(a.id for a in scenario.playable_actors if a.id not in humans)
    chosen = choose_temperaments(scenario, seed, computer)
    chosen.update({side: kind for side, kind in fixed.items() if side in chosen and kind in TEMPERAMENTS})
    return chosen


def with_fixed_hidden_types(scenario: Scenario, seed: int, fixed: dict[str, str]) -> dict[str, str]:
    """Every hidden type for a new game: those the instructor fixed (actor -> type id), the seed's draw for the rest."""
    drawn = draw_types(scenario, seed)
    # Types fixed for another scenario's actors (the settings outlive the chosen scenario) are passed over.
    actors = scenario.index.actors
    drawn.update({a: t for a, t in fixed.items() if a in actors and t in {k.id for k in actors[a].types}})
    return drawn


def reveal(game: Game) -> list[Revealed]:
    """Every computer side of the game, with what it was and what it said it was thinking."""
    fixed = game.settings.get("fixed_types", [])
    out = []
    for side in game.computer_sides:
        kind = game.temperaments.get(side, "cautious")
        reasons = tuple(
            (record.turn, game.scenario.option(record.orders[side]).label, record.decisions[side].explanation)
            for record in game.history
            if side in record.decisions
        )
        out.append(
            Revealed(
                side,
                game.scenario.actor(side).name,
                TEMPERAMENTS[kind].name if kind in TEMPERAMENTS else kind,
                isinstance(fixed, list) and side in fixed,
                reasons,
            )
        )
    return out


def reveal_lines(game: Game) -> list[str]:
    """The reveal as plain lines (terminal, Markdown and the window share them): first each hidden
    type and what every side believed of it, then the computer sides' temperaments and reasons."""
    found = reveal(game)
    lines = list(summarise(game).revealed)
    if not found:
        return lines or ["Every side was played by a team: there is no computer side to reveal."]
    for side in found:
        lines.append(side.headline)
        lines += [f"Turn {turn}, “{label}”: {why}" for turn, label, why in side.reasons]
    return lines
