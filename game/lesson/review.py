"""The after-action review: each team's order beside what the real actor did in the same weeks,
and the sources the scenario is built from. The debrief carries both.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.debrief import html_page, markdown, md
from game.engine.game import Game
from game.lesson.pages import esc, table
from game.scenario.model import HistoricalOrder


@dataclass(frozen=True, slots=True)
class ReviewRow:
    turn: int
    date: str
    side: str  # actor id
    team: str  # the side's short name
    ordered: str  # the team's order, as labelled
    did: str  # what the real actor did
    real_option: str  # the label of the scenario's closest option, or ""
    same: bool  # the team chose that very option

    @property
    def verdict(self) -> str:
        if not self.real_option:
            return "no option of the game matches it exactly"
        return (
            "the same choice" if self.same else f"the real choice in the game's terms: “{self.real_option}”"
        )


def review_rows(game: Game) -> list[ReviewRow]:
    """For every turn played and every team, its order and the real actor's, where the scenario has one."""
    sc = game.scenario
    real: dict[tuple[int, str], HistoricalOrder] = {(h.turn, h.actor): h for h in sc.historical_orders}
    rows = []
    for record in game.history:
        for side, option_id in record.orders.items():
            entry = real.get((record.turn, side))
            if entry is None or side not in game.humans:
                continue
            label = sc.option(entry.option).label if entry.option else ""
            rows.append(
                ReviewRow(
                    record.turn,
                    record.date,
                    side,
                    sc.actor(side).short_name,
                    sc.option(option_id).label,
                    entry.did,
                    label,
                    entry.option == option_id,
                )
            )
    return rows


def review_markdown(game: Game) -> str:
    rows = review_rows(game)
    out = ["## After-action review: your orders and what really happened", ""]
    if not rows:
        return "\n".join([*out, "The scenario records no historical orders for the turns played.", ""])
    for row in rows:
        out.append(
            f"- Turn {row.turn} ({md(row.date)}), **{md(row.team)}**: you ordered “{md(row.ordered)}”."
        )
        out.append(f"  Really: {md(row.did)} — {md(row.verdict)}.")
    return "\n".join([*out, ""])


def sources_markdown(game: Game) -> str:
    out = ["## Sources", ""]
    for s in game.scenario.sources:
        made = ", ".join(part for part in (s.publisher, s.date) if part)
        # Scenario text goes through md (entities, no raw HTML); the address is shown as plain text.
        out.append(
            f"- {md(s.title)}" + (f" ({md(made)})" if made else "") + (f" — {md(s.url)}" if s.url else "")
        )
    return "\n".join([*out, ""])


def review_html(game: Game) -> str:
    rows = review_rows(game)
    head = "<h2>After-action review: your orders and what really happened</h2>"
    if not rows:
        return head + "<p>The scenario records no historical orders for the turns played.</p>"
    cells = [[f"{r.turn}", esc(r.team), f"“{esc(r.ordered)}”", esc(r.did), esc(r.verdict)] for r in rows]
    return head + table(["Turn", "Team", "Your order", "What really happened", "Compared"], cells)


def sources_html(game: Game) -> str:
    items = []
    for s in game.scenario.sources:
        made = ", ".join(part for part in (s.publisher, s.date) if part)
        link = f' — <a href="{esc(s.url)}">{esc(s.url)}</a>' if s.url else ""
        items.append(f"<li>{esc(s.title)}" + (f" ({esc(made)})" if made else "") + f"{link}</li>")
    return "<h2>Sources</h2><ul>" + "".join(items) + "</ul>"


def debrief_markdown(game: Game) -> str:
    """The debrief, then the after-action review and the sources."""
    return markdown(game).rstrip("\n") + "\n\n" + review_markdown(game) + "\n" + sources_markdown(game)


def debrief_html(game: Game) -> str:
    """The printable debrief page, with the after-action review and the sources before its end."""
    extra = review_html(game) + sources_html(game)
    page = html_page(game)
    return page.replace("</body>", extra + "</body>", 1) if "</body>" in page else page + extra
