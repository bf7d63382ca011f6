"""Batch computer-vs-computer games: how often each outcome happens, which options are taken.

Game i uses seed `S * 1_000_003 + i`, so the same --seed always gives the same report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.engine.ai import choose_temperaments
from game.engine.game import Game
from game.engine.policy import policy_choice, policy_deal_move
from game.scenario.model import Scenario
from game.wording import counted, possessive


@dataclass
class BalanceReport:
    games: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # outcome id -> count
    options: Counter[str] = field(default_factory=Counter)  # option id -> count
    turns: int = 0
    chance_endings: int = 0  # games a rung's chance ended (an incident nobody ordered)
    by_type: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)  # actor -> type -> outcomes
    deals: dict[str, dict[str, int]] = field(default_factory=lambda: empty_deal_counts())  # count_deals()

    @property
    def mean_length(self) -> float:
        return self.turns / self.games if self.games else 0.0


@dataclass(frozen=True)
class Policy:
    """One side played with a fixed policy (`simulate --as SIDE --policy firm|conciliatory`)."""

    side: str
    policy: str  # "firm" | "conciliatory" (game/engine/policy.py)


def play_one(scenario: Scenario, seed: int, policy: Policy | None = None) -> Game:
    if policy is None:
        game = Game.new(scenario, seed=seed, humans=())
        while not game.is_over:
            game.play_turn({})
        return game
    game = Game.new(scenario, seed=seed, humans=(policy.side,))
    temperament = choose_temperaments(scenario, seed, (policy.side,), game.types)[policy.side]
    while not game.is_over:
        decision = policy_choice(scenario, game.state, policy.side, policy.policy, temperament, seed)
        move = policy_deal_move(scenario, game.state, policy.side, policy.policy)
        if move is not None:
            game.deal(move)
        game.play_turn({policy.side: decision.option_id})
    return game


def simulate(scenario: Scenario, games: int, seed: int, policy: Policy | None = None) -> BalanceReport:
    report = BalanceReport()
    for option in scenario.options:
        report.options[option.id] += 0  # so options never taken appear with 0
    for i in range(games):
        game = play_one(scenario, seed * 1_000_003 + i, policy)
        report.games += 1
        report.turns += len(game.history)
        assert game.state.outcome is not None, "play_one plays until the game is over"
        report.outcomes[game.state.outcome] += 1
        for orders in game.orders:
            report.options.update(orders.values())
        _count_chance(report, game)
        _count_by_type(report, game)
        count_deals(report.deals, game)
    return report


def _count_chance(report: BalanceReport, game: Game) -> None:
    """A game chance ended counts once."""
    if game.history and game.history[-1].chance is not None:
        report.chance_endings += 1


def _count_by_type(report: BalanceReport, game: Game) -> None:
    """Outcome counts per drawn type, for each actor with types."""
    for actor_id, type_id in game.types.items():
        counts = report.by_type.setdefault(actor_id, {}).setdefault(type_id, Counter())
        counts[str(game.state.outcome)] += 1


def report_json(scenario: Scenario, report: BalanceReport) -> dict[str, Any]:
    return {
        "scenario": scenario.id,
        "games": report.games,
        "outcomes": {scenario.outcome(o).title: n for o, n in report.outcomes.most_common()},
        "options": dict(sorted(report.options.items())),
        "mean_turns": round(report.mean_length, 2),
        "never_chosen": sorted(o for o, n in report.options.items() if n == 0),
        **by_type_json(scenario, report),
        **_deals_json(scenario, report),
        **_chance_json(report),
    }


def by_type_json(scenario: Scenario, report: BalanceReport) -> dict[str, Any]:
    """`by_type`: for each actor with types, outcome counts per drawn type (absent without types)."""
    if not report.by_type:
        return {}
    return {
        "by_type": {
            actor: {
                type_id: {scenario.outcome(o).title: n for o, n in counts.most_common()}
                for type_id, counts in sorted(by_type.items())
            }
            for actor, by_type in report.by_type.items()
        }
    }


def _deals_json(scenario: Scenario, report: BalanceReport) -> dict[str, Any]:
    """`deals`: only for a scenario with proposals or issues open to deals (others report as before)."""
    return {"deals": report.deals} if scenario.proposals or scenario.deal_issues else {}


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
    return "\n".join(lines + _by_type_text(scenario, report))


def _by_type_text(scenario: Scenario, report: BalanceReport) -> list[str]:
    """Outcomes per drawn hidden type, for each actor with types."""
    lines = []
    for actor_id, by_type in report.by_type.items():
        actor = scenario.actor(actor_id)
        lines += ["", f"Outcomes by {possessive(actor.short_name)} hidden type:"]
        for actor_type in actor.types:
            counts = by_type.get(actor_type.id)
            if counts:
                told = ", ".join(f"{scenario.outcome(o).title} {n}" for o, n in counts.most_common())
                lines.append(f"  {actor_type.name:<24} {told}")
    return lines
    return "\n".join(lines)


DEAL_COUNTS = ("proposed", "accepted", "rejected", "broken", "kept", "countered", "lapsed")


def empty_deal_counts() -> dict[str, dict[str, int]]:
    return {kind: dict.fromkeys(DEAL_COUNTS, 0) for kind in ("ready_made", "composed")}


def count_deals(counts: dict[str, dict[str, int]], game: Game) -> None:
    """`simulate --json`'s `deals`: how many proposals were made, accepted, rejected (countered and
    lapsed ones included), broken and kept, split by ready-made (the scenario's) and composed."""
    for record in game.history:
        for event in record.deal_events:
            kind = counts["composed" if event.deal.composed is not None else "ready_made"]
            if event.kind in kind:
                kind[event.kind] += 1
            if event.kind in ("countered", "lapsed"):
                kind["rejected"] += 1


def deal_counts(games: list[Game]) -> dict[str, dict[str, int]]:
    counts = empty_deal_counts()
    for game in games:
        count_deals(counts, game)
    return counts
