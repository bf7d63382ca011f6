"""The debrief of a game as Markdown or printable HTML: what each side did, why, and what really happened.

Pure text building from a `Game`: `python main.py debrief SAVE` (`game.commands.debrief`)
and the end screen's *Save the debrief* (`game.savefiles.write_debriefs`) are its shells.
"""

from __future__ import annotations

import html

from game.engine.game import Game
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


def markdown(game: Game) -> str:
    sc = game.scenario
    out = [f"# Debrief: {sc.title}", ""]
    if game.outcome:
        out += [
            f"**Outcome: {game.outcome.title}** after {counted(len(game.history), 'turn')}.",
            "",
            game.outcome.debrief,
            "",
        ]
    else:
        out += [f"The game is still open after {counted(len(game.history), 'turn')}.", ""]
    out += ["## Tension by turn", "", " → ".join(str(t) for t in game.tension_history), ""]
    out += ["## What each side did, and why it mattered", ""]
    for record in game.history:
        out.append(f"### Turn {record.turn} ({record.date})")
        out.append("")
        for actor_id, option_id in record.orders.items():
            who = "computer" if actor_id in record.decisions else "team"
            out.append(f"- **{sc.actor(actor_id).name}** ({who}): {sc.option(option_id).label}")
            if actor_id in record.decisions:
                out.append(f"  - {record.decisions[actor_id].explanation}")
        out.append("")
        for change in record.changes:
            out.append(f"- {change.sentence}")
        out.append("")
    historical = [o for o in sc.outcomes if o.historical]
    if historical:
        out += ["## What really happened", ""]
        out += [o.historical_note or o.title for o in historical]
        out.append("")
    if sc.questions:
        out += ["## Questions for discussion", ""]
        out += [f"{n}. {q}" for n, q in enumerate(sc.questions, 1)]
        out.append("")
    return "\n".join(out)


def html_page(game: Game) -> str:
    sc = game.scenario
    esc = html.escape
    body = [f"<h1>Debrief: {esc(sc.title)}</h1>"]
    if game.outcome:
        body.append(
            f"<p><strong>Outcome: {esc(game.outcome.title)}</strong> after {counted(len(game.history), 'turn')}.</p>"
        )
        body.append(f"<p>{esc(game.outcome.debrief)}</p>")
    body.append("<h2>Tension by turn</h2>" + tension_svg(game.tension_history))
    body.append("<h2>What each side did, and why it mattered</h2>")
    for record in game.history:
        body.append(f"<h3>Turn {record.turn} ({esc(record.date)})</h3><ul>")
        for actor_id, option_id in record.orders.items():
            line = f"<li><strong>{esc(sc.actor(actor_id).name)}</strong>: {esc(sc.option(option_id).label)}"
            if actor_id in record.decisions:
                line += f"<br><em>{esc(record.decisions[actor_id].explanation)}</em>"
            body.append(line + "</li>")
        body.append("</ul><ul>" + "".join(f"<li>{esc(c.sentence)}</li>" for c in record.changes) + "</ul>")
    for outcome in (o for o in sc.outcomes if o.historical):
        body.append(f"<h2>What really happened</h2><p>{esc(outcome.historical_note or outcome.title)}</p>")
    if sc.questions:
        body.append(
            "<h2>Questions for discussion</h2><ol>"
            + "".join(f"<li>{esc(q)}</li>" for q in sc.questions)
            + "</ol>"
        )
    style = (
        "body{font-family:DejaVu Sans,Arial,sans-serif;max-width:48em;margin:2em auto;line-height:1.45;"
        "color:#111}h3{margin-bottom:.2em}@media print{h2,h3{break-after:avoid}li{break-inside:avoid}}"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Debrief: {esc(sc.title)}</title>'
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n"
    )
