"""The map for the projector and team pages, as SVG text: country outlines, the sides' countries, forces.

The same asset (`assets/map/countries.json`, Natural Earth) and projection as
the window's map (equirectangular, x shrunk by the cosine of the middle
latitude), written as SVG so a browser draws it and no pygame is needed.
"""

from __future__ import annotations

import html
import json
import math
from functools import lru_cache
from pathlib import Path

from game.engine.state import GameState
from game.scenario.model import MapView, Scenario

MAP_FILE = Path(__file__).resolve().parents[2] / "assets" / "map" / "countries.json"
WIDTH = 800


@lru_cache(maxsize=1)
def _countries() -> tuple:
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    return tuple((c["iso_a3"], tuple(tuple(map(tuple, r)) for r in c["rings"])) for c in data["countries"])


def view_of(scenario: Scenario) -> MapView:
    """The scenario's own bounds, else a box around its places with room for labels."""
    if scenario.map is not None:
        return scenario.map
    lons = [p.lon for p in scenario.places] or [-170.0, 170.0]
    lats = [p.lat for p in scenario.places] or [-50.0, 75.0]
    pad_lon, pad_lat = max(2.0, (max(lons) - min(lons)) * 0.2), max(1.5, (max(lats) - min(lats)) * 0.2)
    return MapView(
        max(-180.0, min(lons) - pad_lon),
        min(180.0, max(lons) + pad_lon),
        max(-85.0, min(lats) - pad_lat),
        min(85.0, max(lats) + pad_lat),
    )


class _Projection:
    def __init__(self, view: MapView):
        self.view = view
        self.k = math.cos(math.radians((view.south + view.north) / 2))
        self.scale = WIDTH / max(0.1, (view.east - view.west) * self.k)
        self.height = round((view.north - view.south) * self.scale)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.view.west) * self.k * self.scale, (self.view.north - lat) * self.scale)

    def sees(self, ring) -> bool:
        v = self.view
        return any(v.west - 5 <= lon <= v.east + 5 and v.south - 5 <= lat <= v.north + 5 for lon, lat in ring)


@lru_cache(maxsize=8)
def _land(scenario: Scenario) -> tuple[str, int]:
    """The static layer (countries, filled by side) and the picture's height; drawn once per scenario."""
    project = _Projection(view_of(scenario))
    owner = {code: actor for actor in scenario.actors for code in actor.countries}
    paths = []
    for code, rings in _countries():
        seen = [r for r in rings if project.sees(r)]
        if not seen:
            continue
        d = " ".join(
            "M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in (project(*p) for p in r)) + "Z" for r in seen
        )
        actor = owner.get(code)
        fill = f'fill="{actor.colour}" fill-opacity="0.45"' if actor else 'fill="#2b3440"'
        paths.append(f'<path d="{d}" {fill} stroke="#9aa5b1" stroke-width="0.6"/>')
    return "".join(paths), project.height


def map_svg(scenario: Scenario, state: GameState) -> str:
    """The whole map with each force where it stands now, labelled with its side and size."""
    land, height = _land(scenario)
    project = _Projection(view_of(scenario))
    at: dict[str, list[str]] = {}
    for force in scenario.forces:
        where = state.forces[force.id].place if force.id in state.forces else force.at
        owner = scenario.actor(force.owner)
        at.setdefault(where, []).append(f"{owner.short_name} {_size(force.size)}".strip())
    marks = []
    for place in scenario.places:
        if place.id not in at:
            continue
        x, y = project(place.lon, place.lat)
        if not (0 <= x <= WIDTH and 0 <= y <= height):
            continue
        label = html.escape(", ".join(at[place.id]))
        marks.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#ffffff" stroke="#000" stroke-width="2"/>'
            f'<text x="{x + 9:.1f}" y="{y + 5:.1f}" font-size="15" fill="#fff" stroke="#000" '
            f'stroke-width="3" paint-order="stroke">{label}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'font-family="DejaVu Sans, Verdana, sans-serif" '
        f'aria-label="Map of {html.escape(scenario.title)} with the forces where they stand">'
        f'<rect width="{WIDTH}" height="{height}" fill="#14202e"/>{land}{"".join(marks)}'
        f"{_legend(scenario, height)}</svg>"
    )


def _legend(scenario: Scenario, height: int) -> str:
    """Whose countries are which colour, in a box at the bottom left (colour is never the only cue)."""
    owners = [a for a in scenario.actors if a.countries]
    if not owners:
        return ""
    top = height - 8 - 22 * len(owners)
    rows = "".join(
        f'<rect x="14" y="{top + 6 + 22 * n}" width="14" height="14" fill="{a.colour}" fill-opacity="0.7" '
        f'stroke="#fff"/><text x="34" y="{top + 18 + 22 * n}" font-size="14" fill="#fff">'
        f"{html.escape(a.short_name)}</text>"
        for n, a in enumerate(owners)
    )
    width = 40 + 9 * max(len(a.short_name) for a in owners)
    return (
        f'<rect x="6" y="{top}" width="{width}" height="{22 * len(owners) + 6}" fill="#0f1620" '
        f'fill-opacity="0.85" stroke="#9aa5b1"/>{rows}'
    )


def _size(people: int) -> str:
    if people >= 1000:
        return f"{people / 1000:.{0 if people >= 10_000 else 1}f}".removesuffix(".0") + "k"
    return str(people) if people > 0 else ""
