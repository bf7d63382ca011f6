"""Read-only pictures of the game state: the escalation ladder, meters as bars, the tension chart.

Each is a function of (painter, rect, values): no state of its own and no
rules; numbers are always printed beside bars so colour and length are never
the only cue.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.text import Painter
from game.client.theme import RGB
from game.engine.chance import ladder_risks, nearest_risk, percent_words, risk_line
from game.scenario.model import Meter, Rung, Scenario


def draw_ladder(p: Painter, rect: Rect, scenario: Scenario, tension: int) -> None:
    """Rungs from war (top) down to the lowest; the current one boxed and marked 'now'."""
    current = scenario.rung_for(tension)
    pad = p.theme.pad() // 2
    bar = Rect(rect.left, rect.top, max(10, p.px("body") // 2 + 4), rect.height)
    pygame.draw.rect(p.surface, th.BACKGROUND, bar)
    fill = bar.height * max(0, min(100, tension)) // 100
    pygame.draw.rect(p.surface, th.OKABE_ITO["orange"], Rect(bar.left, bar.bottom - fill, bar.width, fill))
    pygame.draw.rect(p.surface, th.TEXT, bar, 1)
    rungs = list(reversed(scenario.ladder))
    row_h = max(
        p.line_height("small"), min(p.line_height("body") + pad * 2, rect.height // max(1, len(rungs)))
    )
    x = bar.right + pad
    for i, rung in enumerate(rungs):
        row = Rect(x, rect.top + i * row_h, rect.right - x, row_h - 2)
        if row.bottom > rect.bottom:
            break
        # The tick on the bar shows where this rung starts on the 0–100 scale.
        tick_y = bar.bottom - bar.height * rung.at // 100
        pygame.draw.line(p.surface, th.TEXT, (bar.left - 3, tick_y), (bar.right + 2, tick_y), 1)
        now = rung.id == current.id
        if now:
            pygame.draw.rect(p.surface, th.BUTTON_PRIMARY, row, border_radius=4)
            pygame.draw.rect(p.surface, th.TEXT, row, 2, border_radius=4)
        reached = tension >= rung.at
        label = f"▶ {rung.name}" if now else rung.name
        colour = th.TEXT if reached else th.MUTED
        right = f"{percent_words(rung.chance.percent)} · {rung.at}" if rung.chance else f"{rung.at}"
        p.text(
            label,
            (row.left + pad, row.centery),
            "small",
            colour,
            bold=now,
            anchor="midleft",
            max_width=row.width - p.text_width(" " + right, "small") - 2 * pad,
        )
        p.text(
            right,
            (row.right - pad, row.centery),
            "small",
            th.TEXT if rung.chance else th.MUTED,
            anchor="midright",
        )
    _draw_risk(
        p, Rect(x, rect.top + len(rungs) * row_h + pad, rect.right - x, 0), rect.bottom, scenario, tension
    )


def _draw_risk(p: Painter, at: Rect, bottom: int, scenario: Scenario, tension: int) -> None:
    """Under the rungs, the chance the players face first, in words."""
    risk = nearest_risk(scenario, tension)
    if risk is not None:
        sentence = _risk_sentence(risk, scenario.rung_for(tension))
        p.paragraph_above(sentence, at.left, at.top, at.width, bottom, "small", th.TEXT)


def _risk_sentence(rung: Rung, current: Rung) -> str:
    """'Risk now — Brink of war: 8 % a turn that …' or 'Next risk — …': the chance the players face first."""
    return f"{'Risk now' if rung.id == current.id else 'Next risk'} — {risk_line(rung)}"


def ladder_risk_height(p: Painter, scenario: Scenario, width: int) -> int:
    """Room the ladder needs under its rungs for the longest sentence of its chances (0 without any)."""
    heights = [p.paragraph_height(_risk_sentence(r, r), width, "small") for r, _c in ladder_risks(scenario)]
    return max(heights) + p.theme.pad() if heights else 0


def meter_rows(scenario: Scenario) -> list[tuple[str, list]]:
    return [(a.id, list(a.meters)) for a in scenario.actors if a.meters]


def draw_meters(
    p: Painter,
    rect: Rect,
    scenario: Scenario,
    meters: Mapping[str, Mapping[str, int]],
    colours: dict[str, RGB],
) -> None:
    """Per actor, its meters as labelled bars with their value; blocks flow into columns to fit."""
    lh = p.line_height("small")
    blocks = meter_rows(scenario)
    bar_h = max(6, lh // 3)
    heights = [lh + len(ms) * (lh + bar_h + 2) + 4 for _, ms in blocks]
    total = sum(heights)
    n_cols = 1
    while n_cols < len(blocks) and total / n_cols > rect.height and rect.width / (n_cols + 1) > 180:
        n_cols += 1
    if total / n_cols > rect.height:
        # Many sides (or a small window): one line per meter instead of a block per actor.
        _draw_meters_compact(p, rect, scenario, meters, colours)
        return
    cols = [
        Rect(rect.left + i * rect.width // n_cols, rect.top, rect.width // n_cols - 8, rect.height)
        for i in range(n_cols)
    ]
    col, y = 0, rect.top
    for (actor_id, ms), h in zip(blocks, heights, strict=True):
        if y + h > rect.bottom and y > rect.top and col + 1 < n_cols:
            col, y = col + 1, rect.top
        c = cols[col]
        actor = scenario.actor(actor_id)
        swatch = Rect(c.left, y + 3, lh - 6, lh - 6)
        pygame.draw.rect(p.surface, colours[actor_id], swatch)
        pygame.draw.rect(p.surface, th.TEXT, swatch, 1)
        p.text(
            actor.short_name,
            (swatch.right + 6, y),
            "small",
            th.TEXT,
            bold=True,
            max_width=c.right - swatch.right - 6,
        )
        y += lh
        for m in ms:
            value = meters.get(actor_id, {}).get(m.id, m.start)
            _draw_meter(p, Rect(c.left, y, c.width, lh + bar_h), m, value, colours[actor_id])
            y += lh + bar_h + 2
        y += 4


def _draw_meter(p: Painter, row: Rect, meter: Meter, value: int, colour: RGB) -> None:
    """Name and number on one line, the bar under them: long meter names never get cut."""
    lh = p.line_height("small")
    num_w = p.text_width("100", "small") + 6
    p.text(meter.name, (row.left + 4, row.top), "small", th.MUTED, max_width=row.width - num_w - 4)
    track = Rect(row.left + 4, row.top + lh, row.width - 4, row.height - lh)
    share = (value - meter.min) / max(1, meter.max - meter.min)
    pygame.draw.rect(p.surface, th.BACKGROUND, track)
    pygame.draw.rect(p.surface, colour, Rect(track.left, track.top, round(track.width * share), track.height))
    pygame.draw.rect(p.surface, th.TEXT, track, 1)
    p.text(str(value), (row.right, row.top), "small", th.TEXT, bold=True, anchor="topright")


def _draw_meters_compact(
    p: Painter,
    rect: Rect,
    scenario: Scenario,
    meters: Mapping[str, Mapping[str, int]],
    colours: dict[str, RGB],
) -> None:
    """'Region 1 · Public support 51' with a thin bar under it; what still does not fit is counted, not hidden."""
    lh = p.line_height("small")
    row_h = lh + 4
    rows = [(actor_id, m) for actor_id, ms in meter_rows(scenario) for m in ms]
    fits = max(0, rect.height // row_h)
    shown = rows if len(rows) <= fits else rows[: max(0, fits - 1)]
    num_w = p.text_width("100", "small") + 6
    y = rect.top
    for actor_id, m in shown:
        value = meters.get(actor_id, {}).get(m.id, m.start)
        swatch = Rect(rect.left, y + 4, lh - 8, lh - 8)
        pygame.draw.rect(p.surface, colours[actor_id], swatch)
        pygame.draw.rect(p.surface, th.TEXT, swatch, 1)
        label = f"{scenario.actor(actor_id).short_name} · {m.name}"
        p.text(
            label, (swatch.right + 4, y), "small", th.TEXT, max_width=rect.width - swatch.width - num_w - 4
        )
        p.text(str(value), (rect.right, y), "small", th.TEXT, bold=True, anchor="topright")
        share = (value - m.min) / max(1, m.max - m.min)
        track = Rect(swatch.right + 4, y + lh, rect.right - swatch.right - 4, 3)
        pygame.draw.rect(p.surface, th.BACKGROUND, track)
        pygame.draw.rect(
            p.surface, colours[actor_id], Rect(track.left, track.top, round(track.width * share), 3)
        )
        y += row_h
    if len(shown) < len(rows):
        p.text(
            f"… and {len(rows) - len(shown)} more (the resolution lists every change)",
            (rect.left, y),
            "small",
            th.MUTED,
            max_width=rect.width,
        )


def draw_chart(p: Painter, rect: Rect, scenario: Scenario, values: list[int]) -> None:
    """Tension (0–100) after each turn, with the ladder's thresholds as labelled lines."""
    lh = p.line_height("small")
    left = rect.left + p.text_width("100", "small") + 8
    right_margin = p.text_width("T00", "small") // 2 + 4
    plot = Rect(left, rect.top + lh + 4, rect.right - left - right_margin, rect.height - lh * 2 - 8)
    pygame.draw.rect(p.surface, th.BACKGROUND, plot)
    n = max(1, len(values) - 1)
    points = [
        (plot.left + plot.width * i // n, plot.bottom - plot.height * max(0, min(100, v)) // 100)
        for i, v in enumerate(values)
    ]
    for rung in scenario.ladder[1:]:
        y = plot.bottom - plot.height * rung.at // 100
        for x in range(plot.left, plot.right, 12):  # dashed: a threshold, not data
            pygame.draw.line(p.surface, th.PANEL_EDGE, (x, y), (min(x + 6, plot.right), y), 1)
        width = min(p.text_width(rung.name, "small"), plot.width // 2)
        # The name sits along its line where the curve and its value labels stay farthest away.
        slots = [
            Rect(x, top, width, lh)
            for top in (y - 1 - lh, y + 2)  # above the line, then below
            for x in range(plot.right - 4 - width, plot.left + 5, -max(8, width // 4))
        ]
        box = max(slots, key=lambda b: _clearance(points, b, lh), default=Rect(plot.left, y - lh, width, lh))
        p.text(rung.name, box.topleft, "small", th.MUTED, max_width=plot.width // 2)
    draw_tension_scale(p, plot, gap=6)
    pygame.draw.rect(p.surface, th.TEXT, plot, 1)
    if len(points) > 1:
        pygame.draw.lines(p.surface, th.OKABE_ITO["orange"], False, points, 3)
    step = max(1, len(values) // 12)
    for i, (pt, v) in enumerate(zip(points, values, strict=True)):
        pygame.draw.circle(p.surface, th.TEXT, pt, 5)
        pygame.draw.circle(p.surface, th.OKABE_ITO["orange"], pt, 3)
        if i % step == 0 or i == len(values) - 1:
            # The end labels lean inwards so they never sit on the axis numbers or past the plot.
            anchor = "bottomleft" if i == 0 else "bottomright" if i == len(values) - 1 else "midbottom"
            p.text(
                str(v), (pt[0] + (4 if i == 0 else 0), pt[1] - 6), "small", th.TEXT, bold=True, anchor=anchor
            )
            p.text(
                "start" if i == 0 else f"T{i}", (pt[0], plot.bottom + 2), "small", th.MUTED, anchor="midtop"
            )


def _clearance(points: list[tuple[int, int]], box: Rect, label_h: int) -> float:
    """How far the tension curve, and the value printed above each point, stay from a label box."""
    ys: list[float] = [py for px, py in points if box.left <= px <= box.right]
    for (ax, ay), (bx, by) in pairwise(points):  # where the curve crosses the box's edges
        for x in (box.left, box.right):
            if ax <= x <= bx and bx != ax:
                ys.append(ay + (by - ay) * (x - ax) / (bx - ax))
    curve = min((max(box.top - py, py - box.bottom, 0) for py in ys), default=float("inf"))
    values = [Rect(px - 12, py - 6 - label_h, 24, label_h) for px, py in points]
    hits = sum(box.colliderect(v) for v in values)
    return curve - 1000 * hits


def draw_tension_scale(p: Painter, plot: Rect, gap: int) -> None:
    """0, 50 and 100 to the left of a tension plot, `gap` pixels from its edge."""
    for v in (0, 50, 100):
        p.text(
            str(v),
            (plot.left - gap, plot.bottom - plot.height * v // 100),
            "small",
            th.MUTED,
            anchor="midright",
        )
