"""The map's dynamic layer: force markers grouped by place, arrows for last turn's moves, forces
beyond the map's edge, and every label, placed so none covers another.

Drawn once per (size, text mode, where the forces are) onto a copy of the static layer; see
`MapView.draw`. Marks are drawn first and reserved, then labels are placed by priority
(forces, the largest first; forces off the map; where moves came from; empty places;
country names) and drawn last, leader lines under the words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.mapdraw import draw_arrow, draw_edge_arrow, draw_leader, draw_marker, edge_point, halo_text
from game.client.maplabels import MapLabel, Placer
from game.client.text import Painter

if TYPE_CHECKING:
    from game.client.mapview import MapView, Projection


def draw_dynamic(
    view: MapView, p: Painter, forces: Mapping[str, Any], moved: list[tuple[str, str, str]]
) -> list[MapLabel]:
    """Markers, arrows and labels onto p.surface (the map's own size); the labels placed."""
    from game.client.mapview import Projection

    area = Rect((0, 0), p.size)
    project = Projection(view.view, area)
    inside, outside = _group(view, project, forces, area)
    placer = Placer(area.inflate(-4, -4), view.country_at, [view.legend_rect])
    radius = max(6, p.px("small") // 2 + 1)
    _moves(view, p, project, area, moved, placer)
    rows = _markers(view, p, project, inside, radius, placer)
    edges = _edge_arrows(view, p, project, area, outside, radius, placer)
    dots = _dots(view, p, project, area, set(inside), placer)
    for place_id, marker in sorted(rows.items(), key=lambda kv: -sum(n for _, n in inside[kv[0]])):
        lines = [_force_line(view, owner, people) for owner, people in inside[place_id]]
        name = view.scenario.place(place_id).map_name
        # Where the whole label finds no room, the forces alone: who and how many matter most.
        _place(view, p, placer, [("force", [*lines, name]), ("forces", lines)], marker, place_id)
    for (place_id, owner), marker in edges.items():
        where = view.scenario.place(place_id).map_name
        people = _force_line(view, owner, outside[(place_id, owner)])
        wordings = [
            ("edge", _edge_lines(view, p, place_id, owner, forces, area)),
            ("edge", [people, f"off the map: {where}"]),
            ("forces", [f"{people} off the map: {where}"]),
            ("forces", [f"{people}: {where}"]),  # at the edge arrow, still read as beyond the edge
        ]
        _place(view, p, placer, wordings, marker, "")
    for place_id, marker in dots:
        _place(view, p, placer, [("place", [view.scenario.place(place_id).map_name])], marker, place_id)
    _country_names(view, p, placer)
    for label in placer.labels:
        if label.leader:
            draw_leader(p, label.marker, label.rect)
    for label in placer.labels:
        _draw_label(p, label)
    return placer.labels


def _force_line(view: MapView, owner: str, people: int) -> str:
    from game.client.mapview import force_label

    return force_label(view.scenario.actor(owner).short_name, people)


def _group(
    view: MapView, project: Projection, forces: Mapping[str, Any], area: Rect
) -> tuple[dict[str, list[tuple[str, int]]], dict[tuple[str, str], int]]:
    """In view: place → [(owner, people)], owners in a fixed order so markers never swap;
    outside: (place, owner) → people."""
    counted: dict[tuple[str, str], int] = {}
    outside: dict[tuple[str, str], int] = {}
    for force_id, fs in forces.items():
        force = view.scenario.force(force_id)
        place = view.scenario.place(fs.place)
        into = counted if area.collidepoint(project(place.lon, place.lat)) else outside
        into[(fs.place, force.owner)] = into.get((fs.place, force.owner), 0) + force.size
    inside: dict[str, list[tuple[str, int]]] = {}
    for (place_id, owner), people in sorted(counted.items()):
        inside.setdefault(place_id, []).append((owner, people))
    return inside, dict(sorted(outside.items()))


def _markers(
    view: MapView, p: Painter, project: Projection, inside: dict, radius: int, placer: Placer
) -> dict[str, Rect]:
    """Each place's markers side by side, centred on the place; the row's rect per place."""
    rows: dict[str, Rect] = {}
    for place_id, owners in inside.items():
        place = view.scenario.place(place_id)
        x, y = project(place.lon, place.lat)
        first = x - (len(owners) - 1) * (radius + 1)
        for i, (owner, _) in enumerate(owners):
            centre = (first + i * (radius * 2 + 2), y)
            draw_marker(p, centre, radius, view.side_colour(owner), view.shapes.get(owner, "circle"))
        row = Rect(
            first - radius - 2,
            y - radius - 2,
            (len(owners) - 1) * (2 * radius + 2) + 2 * radius + 5,
            2 * radius + 5,
        )
        placer.block(row)
        rows[place_id] = row
    return rows


def _dots(
    view: MapView, p: Painter, project: Projection, area: Rect, occupied: set[str], placer: Placer
) -> list[tuple[str, Rect]]:
    """Places with no force (capitals, empty bases) as small dots, so a player can find Kyiv."""
    dots = []
    for place in view.scenario.places:
        x, y = project(place.lon, place.lat)
        if place.id in occupied or not area.collidepoint(x, y):
            continue
        pygame.draw.circle(p.surface, (0, 0, 0), (x, y), 4)
        pygame.draw.circle(p.surface, th.TEXT, (x, y), 3)
        rect = Rect(x - 4, y - 4, 9, 9)
        placer.block(rect)
        dots.append((place.id, rect))
    return dots


def _edge_arrows(
    view: MapView, p: Painter, project: Projection, area: Rect, outside: dict, radius: int, placer: Placer
) -> dict[tuple[str, str], Rect]:
    """An arrowhead at the map's edge toward each group of forces beyond it."""
    marks: dict[tuple[str, str], Rect] = {}
    for place_id, owner in outside:
        place = view.scenario.place(place_id)
        far = project(place.lon, place.lat)
        at = edge_point(area.center, far, area, radius * 2 + 2)
        rect = draw_edge_arrow(p, at, far, radius, view.side_colour(owner))
        placer.block(rect)
        marks[(place_id, owner)] = rect
    return marks


def _edge_lines(
    view: MapView, p: Painter, place_id: str, owner: str, forces: Mapping[str, Any], area: Rect
) -> list[str]:
    """'US 1.7k: Paratroopers of the 82nd…' per force there, then 'off the map: Fort Bragg'."""
    sc = view.scenario
    room = area.width * 7 // 10
    lines = []
    for force_id, fs in sorted(forces.items()):
        force = sc.force(force_id)
        if fs.place == place_id and force.owner == owner:
            line = f"{_force_line(view, owner, force.size)}: {force.name}"
            lines.append(
                p.elide(line, room, "small", bold=True) if p.text_width(line, "small", True) > room else line
            )
    return [*lines, f"off the map: {sc.place(place_id).map_name}"]


def _moves(view: MapView, p: Painter, project: Projection, area: Rect, moved: list, placer: Placer) -> None:
    """Last turn's moves as arrows. A move from beyond the edge is a short dashed arrow, not a line
    across the whole map, and says where it came from."""
    width = max(4, p.px("body") // 4)
    stop = p.px("small") + 4  # the head stops short of the marker so both stay visible
    for _force, origin_id, target_id in moved:
        origin, target = view.scenario.place(origin_id), view.scenario.place(target_id)
        start, end = project(origin.lon, origin.lat), project(target.lon, target.lat)
        if not area.collidepoint(end):
            continue
        if area.collidepoint(start):
            draw_arrow(p, start, end, width, stop)
            continue
        angle = math.atan2(start[1] - end[1], start[0] - end[0])
        length = min(math.dist(start, end), min(area.size) * 0.3, _room(end, angle, area.inflate(-16, -16)))
        tail = (round(end[0] + math.cos(angle) * length), round(end[1] + math.sin(angle) * length))
        draw_arrow(p, tail, end, width, stop, dashed=True)
        mark = Rect(tail[0] - 3, tail[1] - 3, 7, 7)
        _place(view, p, placer, [("from", [f"from {origin.map_name}"])], mark, origin_id)


def _room(point: tuple[int, int], angle: float, area: Rect) -> float:
    """How far one can go from `point` in direction `angle` and stay inside `area`."""
    dx, dy = math.cos(angle), math.sin(angle)
    limits = []
    if dx > 1e-9:
        limits.append((area.right - point[0]) / dx)
    elif dx < -1e-9:
        limits.append((area.left - point[0]) / dx)
    if dy > 1e-9:
        limits.append((area.bottom - point[1]) / dy)
    elif dy < -1e-9:
        limits.append((area.top - point[1]) / dy)
    return max(0.0, min(limits, default=0.0))


def _place(
    view: MapView,
    p: Painter,
    placer: Placer,
    wordings: list[tuple[str, list[str]]],
    marker: Rect,
    place_id: str,
) -> None:
    """The first (kind, lines) of the wordings, longest first, that finds a free spot near its marker.

    Kinds: force (forces in bold, then the place's name), forces (bold lines only), edge (forces
    beyond the map, then where they are), place and from (a quiet name)."""
    lh = p.line_height("small")
    country = view.scenario.place(place_id).country if place_id else ""
    for kind, lines in wordings:
        width = (
            max(p.text_width(t, "small", bold=_bold(kind, i, len(lines))) for i, t in enumerate(lines)) + 4
        )
        strong = kind in ("force", "forces", "edge")
        # A town's name is not worth a long leader line across the map; a force's label is.
        rings = 2 if kind == "place" else 6
        if placer.place(lines, (width, lh * len(lines)), marker, kind, country, 60 if strong else 30, rings):
            return


def _bold(kind: str, i: int, count: int) -> bool:
    """Force lines are bold; the closing place name of a force or edge label is not."""
    if kind == "forces":
        return True
    return kind in ("force", "edge") and i < count - 1


def _country_names(view: MapView, p: Painter, placer: Placer) -> None:
    """Country names at their centres, nudged a little when something already sits there; the
    sides' own countries first."""
    h = p.line_height("small")
    for name, (x, y), area, owned in view.country_labels:
        w = p.text_width(name, "small") + 4
        centred = Rect(x - w // 2, y - h // 2, w, h)
        r = int(math.sqrt(area) / 4)  # a big country's name may move further and stay inside
        nudges = ((0, 0), (0, -h), (0, h), (-r, 0), (r, 0), (-r, -h), (r, h), (-r, h), (r, -h))
        label = placer.place_free([name], [centred.move(dx, dy) for dx, dy in nudges], "country")
        if label is not None and not owned:
            label.kind = "country-other"


def _draw_label(p: Painter, label: MapLabel) -> None:
    lh = p.line_height("small")
    for i, line in enumerate(label.lines):
        bold = _bold(label.kind, i, len(label.lines))
        colour = th.TEXT if bold or label.kind == "country" else th.MUTED
        halo_text(
            p, line, (label.rect.left, label.rect.top + i * lh), "small", colour, bold, anchor="topleft"
        )
