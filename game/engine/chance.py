"""Risk that leaves something to chance (Schelling): a rung's per-turn chance of an unintended clash.

A rung may carry `chance: {percent, outcome, words}`. Each turn that ends with the
crisis standing on such a rung, one roll from a generator seeded by the game's seed
and the turn decides whether an incident nobody ordered ends the game in that
outcome. The roll is made only on a rung with a chance, so a scenario without one
resolves exactly as before; the same seed and orders always give the same roll.
"""

from __future__ import annotations

import random

from game.scenario.model import Chance, Rung, Scenario


def roll(seed: int, turn: int) -> float:
    """The turn's roll, 0 ≤ roll < 100: the same for the same seed and turn, whoever asks."""
    return random.Random(f"{seed}:chance:{turn}").random() * 100.0


def strikes(rung: Rung, seed: int, turn: int) -> bool:
    """Whether the rung's chance ends the game this turn."""
    chance = rung.chance
    return chance is not None and chance.percent > 0 and roll(seed, turn) < chance.percent


def percent_words(percent: float) -> str:
    """'8 %', '2.5 %': as an author wrote it, without a trailing '.0'."""
    return f"{percent:g} %"


def risk_words(chance: Chance) -> str:
    """'8 % a turn that an incident starts the fighting': the risk as the ladder shows it."""
    what = chance.words or "chance ends the crisis"
    return f"{percent_words(chance.percent)} a turn that {what}"


def ladder_risks(scenario: Scenario) -> list[tuple[Rung, Chance]]:
    """Every rung that carries a chance, lowest first."""
    return [(rung, rung.chance) for rung in scenario.ladder if rung.chance is not None]


def risk_line(rung: Rung) -> str:
    """'Brink of war: 8 % a turn that an incident starts the fighting', or '' for a rung without chance."""
    return f"{rung.name}: {risk_words(rung.chance)}" if rung.chance is not None else ""


def nearest_risk(scenario: Scenario, tension: int) -> Rung | None:
    """The chance the players face first: the rung the crisis stands on, if it carries one, else the
    lowest rung above it that does (None when no rung at or above carries a chance)."""
    current = scenario.rung_for(tension)
    for rung in scenario.ladder:
        if rung.at >= current.at and rung.chance is not None:
            return rung
    return None
