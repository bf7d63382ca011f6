"""Games side by side: a class's groups on one scenario, or a game and its what-if.

Outcomes next to each other, the orders of every turn, the tension curves on
one chart, and each team's reasons. Pure text building; the commands write it.
"""

from __future__ import annotations

from game.engine.game import Game
from game.lesson.pages import esc, page, table, tension_chart
from game.lesson.whatif import WhatIf
from game.wording import counted


def outcome_text(game: Game) -> str:
    turns = counted(len(game.history), "turn")
    if game.outcome is not None:
        return f"{game.outcome.title} (after {turns})"
    if game.ended_by_instructor:
        return f"Ended by the instructor after {turns}"
    return f"Still open after {turns}"


def _orders_cell(game: Game, k: int, against: Game | None = None) -> str:
    """Turn k+1 of a game: each side's order, and the team's reason under it; an order that differs
    from the same side's in `against` is marked ≠ (a sign, not only a style)."""
    if k >= len(game.history):
        return '<span class="muted">—</span>'
    record, sc = game.history[k], game.scenario
    lines = []
    for side, option_id in record.orders.items():
        who = "" if side in game.humans else ' <span class="muted">(computer)</span>'
        line = f"<b>{esc(sc.actor(side).short_name)}</b>{who}: {esc(sc.option(option_id).label)}"
        if against is not None and _order_in(against, k, side) != option_id:
            line = f"<mark>≠ {line}</mark>"
        why = record.rationales.get(side)
        if why:
            line += f'<br><span class="why">“{esc(why)}”</span>'
        lines.append(line)
    return (
        "<br>".join(lines)
        + f'<br><span class="muted">tension {record.tension_before} → {record.tension_after}</span>'
    )


def _order_in(game: Game, k: int, side: str) -> str:
    return game.history[k].orders.get(side, "") if k < len(game.history) else ""


def _orders_table(named: list[tuple[str, Game]], marked: bool = False) -> str:
    """Orders per turn, a column per game; `marked`: orders differing from the first game's are marked."""
    longest = max(len(g.history) for _, g in named)
    first = named[0][1]
    rows = [
        [f"{k + 1}", *(_orders_cell(g, k, first if marked and i else None) for i, (_, g) in enumerate(named))]
        for k in range(longest)
    ]
    return table(["Turn", *(esc(name) for name, _ in named)], rows)


def _outcomes_table(named: list[tuple[str, Game]], first: str = "Group") -> str:
    rows = [[esc(name), esc(outcome_text(g)), str(g.state.tension), esc(g.rung.name)] for name, g in named]
    return table([first, "Outcome", "Final tension", "Where the crisis stood"], rows)


def _reasons(named: list[tuple[str, Game]]) -> str:
    """Every team's reasons, group by group, for reading one after the other."""
    parts = []
    for name, game in named:
        sc = game.scenario
        rows = [
            [
                str(r.turn),
                esc(sc.actor(side).short_name),
                esc(sc.option(r.orders[side]).label),
                f"“{esc(why)}”",
            ]
            for r in game.history
            for side, why in r.rationales.items()
        ]
        body = (
            table(["Turn", "Team", "Order", "Reason"], rows)
            if rows
            else '<p class="muted">No reasons typed.</p>'
        )
        parts.append(f"<h3>{esc(name)}</h3>{body}")
    return "".join(parts)


def same_scenario(named: list[tuple[str, Game]]) -> None:
    """Refuse games of different scenarios: their turns and orders do not line up."""
    ids = {g.scenario.id for _, g in named}
    if len(ids) > 1:
        raise ValueError(
            f"the games are of different scenarios ({', '.join(sorted(ids))}); compare one at a time"
        )


def compare_page(named: list[tuple[str, Game]]) -> str:
    """One page comparing several groups' games of one scenario."""
    same_scenario(named)
    sc = named[0][1].scenario
    body = (
        f"<h1>Class comparison: {esc(sc.title)}</h1>"
        f'<p class="muted">{counted(len(named), "group")}, same scenario; each group its own game.</p>'
        f"<h2>Outcomes</h2>{_outcomes_table(named)}"
        f"<h2>Tension by turn</h2>{tension_chart([(n, g.tension_history) for n, g in named])}"
        f'<h2 class="page">Orders per turn</h2>{_orders_table(named)}'
        f'<h2 class="page">Each team\'s reasons</h2>{_reasons(named)}'
    )
    return page(f"Class comparison: {sc.title}", body)


def whatif_page(w: WhatIf) -> str:
    """The game and its what-if, side by side."""
    named = [("As played", w.original), ("What if", w.branch)]
    notes = "".join(f"<li>{esc(n)}</li>" for n in w.notes)
    same = {1: "", 2: "Turn 1 is"}.get(w.turn, f"Turns 1–{w.turn - 1} are")
    body = f"<h1>What if? {esc(w.original.scenario.title)}</h1><p><strong>{esc(w.question)}</strong></p>"
    if same:
        body += f'<p class="muted">{same} replayed exactly (same orders, news and seed): identical in both timelines.</p>'
    body += (
        f"<h2>Outcomes</h2>{_outcomes_table(named, 'Timeline')}"
        f"<h2>Tension by turn</h2>{tension_chart([(n, g.tension_history) for n, g in named])}"
        f'<h2>Orders per turn</h2><p class="muted">≠ marks an order that differs from the game as played.</p>'
        f"{_orders_table(named, marked=True)}"
        + (f"<h2>How the what-if was played on</h2><ul>{notes}</ul>" if notes else "")
    )
    return page(f"What if? {w.original.scenario.title}", body)


def whatif_lines(w: WhatIf) -> list[str]:
    """The comparison in plain lines, for the terminal."""
    sc = w.original.scenario
    lines = [w.question, ""]
    lines.append(
        f"As played: {outcome_text(w.original)}; tension {' → '.join(map(str, w.original.tension_history))}"
    )
    lines.append(
        f"What if:   {outcome_text(w.branch)}; tension {' → '.join(map(str, w.branch.tension_history))}"
    )
    lines.append("")
    longest = max(len(w.original.history), len(w.branch.history))
    for k in range(longest):
        for name, game in (("as played", w.original), ("what if  ", w.branch)):
            if k < len(game.history):
                orders = "; ".join(
                    f"{sc.actor(s).short_name}: {sc.option(o).label}"
                    for s, o in game.history[k].orders.items()
                )
                lines.append(f"Turn {k + 1} {name}: {orders}")
    return lines + [""] + list(w.notes)
