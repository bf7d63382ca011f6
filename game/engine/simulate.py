"""Batch computer-vs-computer games: how often each outcome happens, which options are taken.

Game i uses seed `S * 1_000_003 + i`, so the same --seed always gives the same report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.engine.game import Game
from game.scenario.model import Scenario
from game.wording import counted


@dataclass
class BalanceReport:
    games: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # outcome id -> count
    options: Counter[str] = field(default_factory=Counter)  # option id -> count
    turns: int = 0
    chance_endings: int = 0  # games a rung's chance ended (an incident nobody ordered)

    @property
    def mean_length(self) -> float:
        return self.turns / self.games if self.games else 0.0


def play_one(scenario: Scenario, seed: int) -> Game:
    game = Game.new(scenario, seed=seed, humans=())
    while not game.is_over:
        game.play_turn({})
    return game


def simulate(scenario: Scenario, games: int, seed: int) -> BalanceReport:
    report = BalanceReport()
    for option in scenario.options:
        report.options[option.id] += 0  # so options never taken appear with 0
    for i in range(games):
        game = play_one(scenario, seed * 1_000_003 + i)
        report.games += 1
        report.turns += len(game.history)
        assert game.state.outcome is not None, "play_one plays until the game is over"
        report.outcomes[game.state.outcome] += 1
        for orders in game.orders:
            report.options.update(orders.values())
        _count_chance(report, game)
    return report


def _count_chance(report: BalanceReport, game: Game) -> None:
    """A game chance ended counts once."""
    if game.history and game.history[-1].chance is not None:
        report.chance_endings += 1


def report_json(scenario: Scenario, report: BalanceReport) -> dict[str, Any]:
    return {
        "scenario": scenario.id,
        "games": report.games,
        "outcomes": {scenario.outcome(o).title: n for o, n in report.outcomes.most_common()},
        "options": dict(sorted(report.options.items())),
        "mean_turns": round(report.mean_length, 2),
        "never_chosen": sorted(o for o, n in report.options.items() if n == 0),
        **_chance_json(report),
    }


def _chance_json(report: BalanceReport) -> dict[str, Any]:
    return {"chance_endings": report.chance_endings}


def _chance_text(scenario: Scenario, report: BalanceReport) -> list[str]:
    """'Ended by chance (a rung's risk): 12 games': only for a scenario whose ladder carries a chance."""
    if not any(rung.chance for rung in scenario.ladder):
        return []
    return [f"  {'(of these, ended by chance)':<40} {report.chance_endings:>6}"]


def report_text(scenario: Scenario, report: BalanceReport) -> str:
    lines = [
        (
            f"{scenario.title}: {counted(report.games, 'computer-vs-computer game')}, "
            f"mean length {report.mean_length:.1f} turns"
        ),
        "",
        "Outcomes:",
    ]
    for outcome in scenario.outcomes:
        n = report.outcomes.get(outcome.id, 0)
        share = 100.0 * n / report.games if report.games else 0.0
        lines.append(f"  {outcome.title:<40} {n:>6}  {share:5.1f} %")
    lines += _chance_text(scenario, report)
    lines += ["", "Options chosen:"]
    for actor in scenario.acting_actors:
        lines.append(f"  {actor.name}")
        for option in scenario.options_of(actor.id):
            n = report.options.get(option.id, 0)
            flag = "   <- never chosen" if n == 0 else ""
            lines.append(f"    {option.label[:60]:<60} {n:>6}{flag}")
    return "\n".join(lines)
