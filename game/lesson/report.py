"""The instructor's report: for each group, the outcome, tension, every team's order with its
reason and whose positions it honoured or crossed, the after-action review and the computer
sides revealed. One printable page per group."""

from __future__ import annotations

from game.engine.game import Game
from game.lesson.compare import outcome_text, same_scenario
from game.lesson.grading import grade_rows
from game.lesson.pages import esc, page, table, tension_chart
from game.lesson.reveal import reveal_lines
from game.lesson.review import review_html
from game.wording import counted


def _group_section(name: str, game: Game, first: bool) -> str:
    rows = [
        [
            str(r.turn),
            esc(game.scenario.actor(r.side).short_name),
            esc(r.order),
            f'<span class="why">“{esc(r.rationale)}”</span>'
            if r.rationale
            else '<span class="muted">—</span>',
            "<br>".join(esc(t) for t in r.honoured) or "—",
            "<br>".join(esc(t) for t in r.crossed) or "—",
            f"{r.tension_before} → {r.tension_after}",
        ]
        for r in grade_rows(game, name)
    ]
    grades = (
        table(["Turn", "Team", "Order", "Reason", "Honoured", "Crossed", "Tension"], rows)
        if rows
        else '<p class="muted">No team order was resolved.</p>'
    )
    revealed = "".join(f"<li>{esc(line)}</li>" for line in reveal_lines(game))
    return (
        f'<section class="{"" if first else "page"}"><h2>{esc(name)}: {esc(outcome_text(game))}</h2>'
        f"<p>Seed {game.seed}; teams: {esc(', '.join(game.scenario.actor(s).short_name for s in game.humans))}."
        f"</p>{tension_chart([(name, game.tension_history)], 560, 200)}"
        f"<h3>Orders, reasons and positions</h3>{grades}"
        f"{review_html(game).replace('<h2>', '<h3>').replace('</h2>', '</h3>')}"
        f"<h3>Revealed: hidden aims and the computer sides</h3><ul>{revealed}</ul></section>"
    )


def report_page(named: list[tuple[str, Game]]) -> str:
    """One report for a class: a section (a printed page) per group."""
    same_scenario(named)
    sc = named[0][1].scenario
    body = (
        f"<h1>Instructor report: {esc(sc.title)}</h1>"
        f'<p class="muted">{counted(len(named), "group")}. Reasons are the teams\' own words, as typed.</p>'
        + "".join(_group_section(name, game, i == 0) for i, (name, game) in enumerate(named))
    )
    if sc.questions:
        body += (
            '<h2 class="page">Questions for discussion</h2><ol>'
            + "".join(f"<li>{esc(q)}</li>" for q in sc.questions)
            + "</ol>"
        )
    return page(f"Instructor report: {sc.title}", body)
