"""The debrief of a game as Markdown or printable HTML: a one-page summary (`summary.summarise`)
then every change of every turn as an appendix.

Pure text building from a `Game`: `python main.py debrief SAVE` (`game.commands.debrief`)
and the end screen's *Save the debrief* (`game.savefiles.write_debriefs`) are its shells.
"""

from __future__ import annotations

import html

from game.engine.game import Game
from game.engine.records import TurnRecord
from game.engine.summary import Summary, chains, summarise
from game.textsafe import printable
from game.wording import counted


def tension_svg(values: list[int], width: int = 640, height: int = 220) -> str:
    """A line chart of tension by turn, as inline SVG (prints well, needs no script)."""
    pad = 36
    n = max(1, len(values) - 1)
    points = [
        (pad + (width - 2 * pad) * i / n, height - pad - (height - 2 * pad) * v / 100)
        for i, v in enumerate(values)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    grid = "".join(
        f'<line x1="{pad}" x2="{width - pad}" y1="{height - pad - (height - 2 * pad) * g / 100:.1f}" '
        f'y2="{height - pad - (height - 2 * pad) * g / 100:.1f}" stroke="#ccc"/>'
        f'<text x="4" y="{height - pad - (height - 2 * pad) * g / 100 + 4:.1f}" font-size="11">{g}</text>'
        for g in (0, 25, 50, 75, 100)
    )
    labels = "".join(
        f'<text x="{x - 4:.1f}" y="{height - 12}" font-size="11">{i}</text>'
        for i, (x, _) in enumerate(points)
    )
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#0072b2"/>' for x, y in points)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="Tension by turn: {", ".join(map(str, values))}">{grid}'
        f'<polyline points="{path}" fill="none" stroke="#0072b2" stroke-width="2.5"/>{dots}{labels}</svg>'
    )


def md(text: object) -> str:
    """Scenario text made inert in Markdown: no HTML tag of it is passed through, no control code kept.

    Markdown renderers pass raw HTML on, so a `<script>` in an option label
    would run on the course page the debrief is posted to. Entities (`&lt;`)
    are plain text in every Markdown dialect; backslash escapes are not
    (the original Markdown.pl does not know `\\<`).
    """
    return printable(html.escape(str(text), quote=False))


def markdown(game: Game) -> str:
    """The debrief as Markdown: the one-page summary, then every change of every turn as an appendix.

    Every text from the scenario or the game goes through `md`: none of it is Markdown's HTML.
    """
    page = summarise(game)
    out = [f"# Debrief: {md(page.title)}", ""]
    if page.outcome:
        out += [
            f"**Outcome: {md(page.outcome)}** after {counted(page.turns, 'turn')}.",
            "",
            md(page.outcome_text),
            "",
        ]
        out += [f"Why: {md(page.why)}", ""]
    elif game.ended_by_instructor:
        out += [f"The instructor ended the game after {counted(page.turns, 'turn')}.", ""]
    else:
        out += [f"The game is still open after {counted(page.turns, 'turn')}.", ""]
    out += ["## Tension by turn", "", " → ".join(str(t) for t in page.tension), ""]
    if page.turning_points:
        out += ["## The turning points", ""]
        out += [f"- **Turn {t.turn}** ({md(t.date)}): {md(t.headline.sentence)}" for t in page.turning_points]
        out.append("")
    out += ["## The orders, turn by turn", ""]
    for turn, date, orders in page.timeline:
        out.append(
            f"- **Turn {turn}** ({md(date)}): "
            + "; ".join(f"{md(side)}: {md(label)}" for side, label in orders)
        )
    out.append("")
    for heading, items, numbered in _closing_sections(page):
        out += [f"## {heading}", ""]
        out += [f"{n}. {md(item)}" if numbered else f"- {md(item)}" for n, item in enumerate(items, 1)]
        out.append("")
    out += ["## Appendix: every change and why", ""]
    for record in game.history:
        out += [f"### Turn {record.turn} ({md(record.date)})", ""]
        for actor_id, decision in record.decisions.items():
            out.append(
                f"- *{md(game.scenario.actor(actor_id).short_name)}, computer:* {md(decision.explanation)}"
            )
        for actor_id, why in record.rationales.items():
            out.append(f"- *{md(game.scenario.actor(actor_id).short_name)}, team's reason:* “{md(why)}”")
        out += ["  " * depth + f"- {md(text)}" for depth, text in chains(game, record)]
        out.append("")
    return "\n".join(out)


def _closing_sections(page: Summary) -> list[tuple[str, tuple[str, ...], bool]]:
    """What really happened, questions and notes for the instructor: (heading, items, numbered)."""
    sections = [
        ("Hidden aims, revealed", page.revealed, False),
        ("The deals", page.deals, False),
        ("What really happened", page.history, False),
        ("Questions for discussion", page.questions, True),
        ("Notes for the instructor", page.notes, False),
    ]
    return [section for section in sections if section[1]]


def html_page(game: Game) -> str:
    """The same debrief as a printable page: the summary on top, the appendix after a page break."""
    page = summarise(game)
    esc = html.escape
    body = [f"<h1>Debrief: {esc(page.title)}</h1>"]
    if page.outcome:
        body.append(
            f"<p><strong>Outcome: {esc(page.outcome)}</strong> after {counted(page.turns, 'turn')}.</p>"
        )
        body.append(f"<p>{esc(page.outcome_text)}</p><p>Why: {esc(page.why)}</p>")
    elif game.ended_by_instructor:
        body.append(
            f"<p><strong>The instructor ended the game after {counted(page.turns, 'turn')}.</strong></p>"
        )
    body.append("<h2>Tension by turn</h2>" + tension_svg(list(page.tension)))
    if page.turning_points:
        points = "".join(
            f"<li><strong>Turn {t.turn}</strong> ({esc(t.date)}): {esc(t.headline.sentence)}</li>"
            for t in page.turning_points
        )
        body.append(f"<h2>The turning points</h2><ul>{points}</ul>")
    rows = "".join(
        f"<li><strong>Turn {turn}</strong> ({esc(date)}): "
        + esc("; ".join(f"{side}: {label}" for side, label in orders))
        + "</li>"
        for turn, date, orders in page.timeline
    )
    body.append(f"<h2>The orders, turn by turn</h2><ul>{rows}</ul>")
    for heading, items, numbered in _closing_sections(page):
        tag = "ol" if numbered else "ul"
        body.append(
            f"<h2>{esc(heading)}</h2><{tag}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + f"</{tag}>"
        )
    body.append('<h2 class="appendix">Appendix: every change and why</h2>')
    for record in game.history:
        body.append(f"<h3>Turn {record.turn} ({esc(record.date)})</h3>")
        body.append(_html_chains(game, record))
    style = (
        "body{font-family:DejaVu Sans,Arial,sans-serif;max-width:48em;margin:2em auto;line-height:1.45;"
        "color:#111}h3{margin-bottom:.2em}.d1{margin-left:1.5em}.d2{margin-left:3em;color:#333}"
        "@media print{h2,h3{break-after:avoid}li,p{break-inside:avoid}.appendix{break-before:page}}"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Debrief: {esc(page.title)}</title>'
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n"
    )


def _html_chains(game: Game, record: TurnRecord) -> str:
    esc = html.escape
    lines = [
        f'<p class="d0"><em>{esc(game.scenario.actor(a).short_name)}, computer:</em> {esc(d.explanation)}</p>'
        for a, d in record.decisions.items()
    ]
    lines += [
        f'<p class="d0"><em>{esc(game.scenario.actor(a).short_name)}, team\'s reason:</em> “{esc(why)}”</p>'
        for a, why in record.rationales.items()
    ]
    lines += [f'<p class="d{depth}">{esc(text)}</p>' for depth, text in chains(game, record)]
    return "".join(lines)
