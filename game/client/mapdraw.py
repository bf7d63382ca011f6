"""Drawing the map's marks: hatches, outlined text, force markers, arrows and leader lines.

Every mark is drawn light with a dark edge (or dark with a light edge), so it reads over any
fill, hatch or sea; shapes and words, never colour alone, tell sides and actors apart.
"""

from __future__ import annotations

import math

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.text import Painter
from game.client.theme import RGB

Point = tuple[float, float]


Segment = tuple[tuple[int, int], tuple[int, int]]


def hatch_lines(pattern: str, w: int, h: int, step: int) -> list[Segment]:
    """The straight lines of a hatch pattern over a w × h area ('dots' has none)."""
    lines: list[Segment] = []
    if pattern in ("diagonal", "cross"):
        lines += [((x, h), (x + h, 0)) for x in range(-h, w, step)]
    if pattern in ("backslash", "cross"):
        lines += [((x, 0), (x + h, h)) for x in range(-h, w, step)]
    if pattern == "horizontal":
        lines += [((0, y), (w, y)) for y in range(0, h, step)]
    if pattern == "vertical":
        lines += [((x, 0), (x, h)) for x in range(0, w, step)]
    return lines


def hatch_surface(
    size: tuple[int, int], pattern: str, colour: tuple[int, int, int, int], step: int
) -> pygame.Surface:
    """A transparent surface covered in one hatch pattern."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    for start, end in hatch_lines(pattern, w, h, step):
        pygame.draw.line(surface, colour, start, end, 2)
    if pattern == "dots":
        for y in range(0, h, step):
            for x in range((y // step % 2) * step // 2, w, step):
                pygame.draw.circle(surface, colour, (x, y), 2)
    return surface


_HALOS: dict[tuple, pygame.Surface] = {}


def halo_text(
    p: Painter,
    text: str,
    pos: tuple[int, int],
    role: str = "small",
    colour: RGB = th.TEXT,
    bold: bool = False,
    anchor: str = "center",
) -> Rect:
    """Text with a dark outline, readable over any fill or hatch; the outline is rendered once and kept."""
    key = (text, p.px(role), bold)
    halo = _HALOS.get(key)
    if halo is None:
        dark = p.texts.render(text, p.px(role), bold, (0, 0, 0))
        halo = pygame.Surface((dark.get_width() + 2, dark.get_height() + 2), pygame.SRCALPHA)
        for dx in (0, 1, 2):
            for dy in (0, 1, 2):
                halo.blit(dark, (dx, dy))
        if len(_HALOS) > 400:  # a bounded cache: labels are few, sizes change rarely
            _HALOS.clear()
        _HALOS[key] = halo
    rect = halo.get_rect(**{anchor: pos})
    p.surface.blit(halo, rect)
    return p.text(text, rect.move(1, 1).topleft, role, colour, bold, "topleft")


def draw_marker(p: Painter, centre: tuple[int, int], r: int, colour: RGB, shape: str) -> None:
    """One actor's marker: its side's colour, its own shape, a light edge."""
    x, y = centre
    if shape == "square":
        points = [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    elif shape == "triangle":
        points = [(x, y - r - 2), (x + r + 1, y + r), (x - r - 1, y + r)]
    elif shape == "diamond":
        points = [(x, y - r - 2), (x + r + 2, y), (x, y + r + 2), (x - r - 2, y)]
    else:
        pygame.draw.circle(p.surface, th.TEXT, centre, r + 2)
        pygame.draw.circle(p.surface, colour, centre, r)
        return
    pygame.draw.polygon(p.surface, colour, points)
    pygame.draw.polygon(p.surface, th.TEXT, points, 2)


def draw_arrow(p: Painter, start: Point, end: Point, width: int, stop: int, dashed: bool = False) -> None:
    """A white arrow with a black edge from start to `stop` px short of end (so the marker there
    stays visible); a dashed shaft says the move came from beyond the map's edge."""
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    head = width * 4
    b = (end[0] - math.cos(angle) * stop, end[1] - math.sin(angle) * stop)
    back = (b[0] - math.cos(angle) * head, b[1] - math.sin(angle) * head)
    wings = [
        (back[0] + math.cos(angle + s) * head * 0.6, back[1] + math.sin(angle + s) * head * 0.6)
        for s in (math.pi / 2, -math.pi / 2)
    ]
    for a, z in _segments(start, back, dashed, width * 3):
        pygame.draw.line(p.surface, (0, 0, 0), a, z, width + 4)
    pygame.draw.polygon(p.surface, (0, 0, 0), [b, *wings], 0)
    pygame.draw.polygon(p.surface, (0, 0, 0), [b, *wings], 4)
    for a, z in _segments(start, back, dashed, width * 3):
        pygame.draw.line(p.surface, th.TEXT, a, z, width)
    pygame.draw.polygon(p.surface, th.TEXT, [b, *wings])


def _segments(a: Point, b: Point, dashed: bool, dash: int) -> list[tuple[Point, Point]]:
    if not dashed:
        return [(a, b)]
    length = math.dist(a, b)
    n = max(1, int(length // (2 * dash)))
    ux, uy = (b[0] - a[0]) / max(length, 1), (b[1] - a[1]) / max(length, 1)
    return [
        (
            (a[0] + ux * 2 * dash * i, a[1] + uy * 2 * dash * i),
            (a[0] + ux * (2 * dash * i + dash), a[1] + uy * (2 * dash * i + dash)),
        )
        for i in range(n)
    ]


def draw_leader(p: Painter, marker: Rect, label: Rect) -> None:
    """A thin line from a marker to its label moved away, light on dark so it reads on any fill."""
    start = marker.center
    end = (min(max(start[0], label.left), label.right - 1), min(max(start[1], label.top), label.bottom - 1))
    pygame.draw.line(p.surface, (0, 0, 0), start, end, 4)
    pygame.draw.line(p.surface, th.TEXT, start, end, 2)
    pygame.draw.circle(p.surface, th.TEXT, end, 3)


def edge_point(centre: Point, target: Point, area: Rect, inset: int) -> tuple[int, int]:
    """Where the line from the map's centre toward an off-map point leaves the map, `inset` px inside."""
    cx, cy = centre
    dx, dy = target[0] - cx, target[1] - cy
    half_w, half_h = area.width / 2 - inset, area.height / 2 - inset
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return round(cx + dx * scale), round(cy + dy * scale)


def draw_edge_arrow(p: Painter, at: tuple[int, int], toward: Point, r: int, colour: RGB) -> Rect:
    """A side-coloured arrowhead at the map's edge pointing to where an off-map force is; its rect."""
    angle = math.atan2(toward[1] - at[1], toward[0] - at[0])
    tip = (at[0] + math.cos(angle) * r * 1.6, at[1] + math.sin(angle) * r * 1.6)
    wings = [(at[0] + math.cos(angle + s) * r, at[1] + math.sin(angle + s) * r) for s in (2.2, -2.2)]
    pygame.draw.polygon(p.surface, colour, [tip, *wings])
    pygame.draw.polygon(p.surface, th.TEXT, [tip, *wings], 2)
    return Rect(at[0] - 2 * r, at[1] - 2 * r, 4 * r, 4 * r)
