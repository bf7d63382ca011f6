"""The map: real country outlines in the scenario's view, sides' countries filled and hatched,
force markers with size labels, and arrows for the forces that moved last turn.

Two cached layers: the static one (outlines, fills, hatches, legend) is rendered once per
(size, text mode); the dynamic one (markers, arrows, every label, placed by
`maplabels.Placer`) once per (size, text mode, where the forces are). A frame only blits.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.areas import draw_areas
from game.client.geometry import clip_ring
from game.client.mapdraw import hatch_surface
from game.client.text import Painter
from game.client.theme import RGB, SideStyle
from game.scenario.model import MapView as View
from game.scenario.model import Scenario

MAP_FILE = Path(__file__).resolve().parents[2] / "assets" / "map" / "countries.json"
Point = tuple[float, float]


@lru_cache(maxsize=1)
def load_countries(path: Path = MAP_FILE) -> tuple[tuple[str, str, tuple[tuple[Point, ...], ...]], ...]:
    """(iso_a3, name, rings) for every country in the asset; read once per process."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        (c["iso_a3"], c["name"], tuple(tuple((p[0], p[1]) for p in r) for r in c["rings"]))
        for c in data["countries"]
    )


def size_label(people: int) -> str:
    """1700 → '1.7k', 100000 → '100k', 350 → '350', 0 (size not known) → ''."""
    if people <= 0:
        return ""
    if people >= 1_000_000:
        return f"{people / 1_000_000:.1f}".removesuffix(".0") + "M"
    if people >= 1000:
        return f"{people / 1000:.{0 if people >= 10_000 else 1}f}".removesuffix(".0") + "k"
    return str(people)


def force_label(owner: str, people: int) -> str:
    """'US 1.7k', or just 'US' when the scenario gives no figure."""
    return f"{owner} {size_label(people)}".rstrip()


def fitted_view(scenario: Scenario) -> View:
    """The scenario's own `map` bounds, or a view fitted around its places, or else its sides' countries.

    A scenario set in Asia or the Caribbean must not open on Europe just
    because its author left `map` out.
    """
    if scenario.map is not None:
        return scenario.map
    points = [(place.lon, place.lat) for place in scenario.places]
    points += [(lon, lat) for area in scenario.areas for lat, lon in area.points]
    if not points:
        wanted = {code for actor in scenario.actors for code in actor.countries}
        points = [
            point for code, _, rings in load_countries() if code in wanted for ring in rings for point in ring
        ]
    if not points:
        return View(-180.0, 180.0, -60.0, 80.0)
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    # Room around the outermost places for their labels, and never closer in than a small region.
    pad_lon = max((east - west) * 0.2, (12.0 - (east - west)) / 2, 2.0)
    pad_lat = max((north - south) * 0.2, (8.0 - (north - south)) / 2, 1.5)
    return View(
        max(-180.0, west - pad_lon),
        min(180.0, east + pad_lon),
        max(-85.0, south - pad_lat),
        min(85.0, north + pad_lat),
    )


class Projection:
    """Equirectangular, x shrunk by cos(mid-latitude); the view fills the rect, centred on the bounds."""

    def __init__(self, view: View, rect: Rect) -> None:
        self.rect = rect
        self.k = math.cos(math.radians((view.south + view.north) / 2))
        width = max(0.1, (view.east - view.west) * self.k)
        height = max(0.1, view.north - view.south)
        self.scale = min(rect.width / width, rect.height / height)
        self.cx = (view.west + view.east) / 2 * self.k
        self.cy = (view.south + view.north) / 2

    def __call__(self, lon: float, lat: float) -> tuple[int, int]:
        return (
            round(self.rect.centerx + (lon * self.k - self.cx) * self.scale),
            round(self.rect.centery - (lat - self.cy) * self.scale),
        )


def _area_centroid(points: list) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return 0.0, 0.0, 0.0
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


# The static layers last drawn (any view), by scenario, view, side styles, size and text size; each
# entry holds its scenario, so an id is never mistaken for another scenario's. Never drawn on after.
_STATIC_LAYERS: OrderedDict[tuple, tuple] = OrderedDict()


class MapView:
    """Draws one scenario's map; keeps its static and dynamic layers between frames."""

    def __init__(self, scenario: Scenario, styles: dict[str, SideStyle], shapes: dict[str, str]) -> None:
        self.scenario = scenario
        self.styles = styles
        self.shapes = shapes
        self.owner_of = {code: actor for actor in scenario.actors for code in actor.countries}
        self.view = fitted_view(scenario)
        self._static: pygame.Surface | None = None
        self._static_key: tuple = ()
        self._codes: list[str] = [""]  # index → country code in the index surface ('' is sea)
        self._index: pygame.Surface | None = None
        self.country_labels: list[tuple[str, tuple[int, int], float, bool]] = []
        self.static_renders = 0
        self.dynamic_renders = 0
        self.legend_rect = Rect(0, 0, 0, 0)
        self._dynamic: pygame.Surface | None = None
        self._dynamic_key: tuple = ()
        self._shown: list[tuple[str, Rect]] = []  # strings of the dynamic layer, for the Painter's record
        self.labels: list = []  # MapLabel, in window coordinates, of the last layer drawn

    def side_colour(self, actor_id: str) -> RGB:
        return self.styles[self.scenario.actor(actor_id).side].colour

    def country_at(self, x: int, y: int) -> str:
        """The country drawn at a pixel of the map ('' for sea or outside)."""
        index = self._index
        if index is None or not index.get_rect().collidepoint(x, y):
            return ""
        r, g, _b, _a = index.get_at((x, y))
        return self._codes[r * 256 + g] if r * 256 + g < len(self._codes) else ""

    # -------------------------------------------------------------- static
    def static_layer(self, p: Painter, size: tuple[int, int]) -> pygame.Surface:
        key = (size, p.theme)
        if self._static is not None and self._static_key == key:
            return self._static
        # Every turn opens a new turn screen, and with it a new MapView: the last ones drawn are kept.
        shared = (id(self.scenario), self.view, tuple(sorted(self.styles.items())), size, p.theme)
        kept = _STATIC_LAYERS.get(shared)
        if kept is not None and kept[0] is self.scenario:  # the very scenario (ids are reused after one dies)
            _STATIC_LAYERS.move_to_end(shared)
            surface, self._index, self._codes, self.country_labels, self.legend_rect = kept[1:]
            self._static, self._static_key = surface, key
            return surface
        surface = self._draw_static(p, size)
        _STATIC_LAYERS[shared] = (
            self.scenario,
            surface,
            self._index,
            self._codes,
            self.country_labels,
            self.legend_rect,
        )
        if len(_STATIC_LAYERS) > 2:
            _STATIC_LAYERS.popitem(last=False)
        self._static_key = key
        return surface

    def _draw_static(self, p: Painter, size: tuple[int, int]) -> pygame.Surface:
        self.static_renders += 1
        rect = Rect((0, 0), size)
        surface = pygame.Surface(size)
        surface.fill(th.SEA)
        index = pygame.Surface(size)
        index.fill((0, 0, 0))
        self._codes = [""]
        project = Projection(self.view, rect)
        masks: dict[str, pygame.Surface] = {}
        labels: list[tuple[str, tuple[int, int], float, bool]] = []
        grow = rect.inflate(rect.width, rect.height)
        for code, name, rings in load_countries():
            actor = self.owner_of.get(code)
            style = self.styles[actor.side] if actor else None
            best: tuple[float, float, float] = (0.0, 0.0, 0.0)
            n = len(self._codes)
            for ring in rings:
                points = [project(lon, lat) for lon, lat in ring]
                xs, ys = [q[0] for q in points], [q[1] for q in points]
                if not grow.colliderect(Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)):
                    continue
                pygame.draw.polygon(surface, style.colour if style else th.LAND, points)
                pygame.draw.polygon(surface, th.BORDER, points, 1)
                pygame.draw.polygon(index, (n // 256, n % 256, 0), points)
                if style:
                    mask = masks.setdefault(style.side, pygame.Surface(size, pygame.SRCALPHA))
                    pygame.draw.polygon(mask, (255, 255, 255, 255), points)
                visible = clip_ring(points, (rect.left, rect.right, rect.top, rect.bottom))
                if len(visible) >= 3:
                    best = max(best, _area_centroid(visible))
            self._codes.append(code)
            if best[0] > (p.px("small") * 2.5) ** 2:
                labels.append((name, (round(best[1]), round(best[2])), best[0], actor is not None))
        step = max(8, p.px("body") // 2)
        for side, mask in masks.items():
            pattern = hatch_surface(size, self.styles[side].hatch, (0, 0, 0, 150), step)
            mask.blit(pattern, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
            surface.blit(mask, (0, 0))
        draw_areas(Painter(surface, p.texts, p.theme), self.scenario.areas, project, step)
        # Country names go on the dynamic layer, after the forces' labels, so they never cover them.
        self.country_labels = sorted(labels, key=lambda item: (not item[3], -item[2]))
        self._legend(Painter(surface, p.texts, p.theme), rect)
        self._static, self._index = surface, index
        return surface

    def _legend(self, p: Painter, rect: Rect) -> None:
        """Each side's swatch and its actors, wrapped (never cut) when the names are many."""
        pad = p.theme.pad() // 2
        lh = p.line_height("small")
        swatch = lh - 4
        room = rect.width * 2 // 3 - swatch - 3 * pad
        rows = []
        for side, style in self.styles.items():
            actors = [a.short_name for a in self.scenario.actors if a.side == side and a.countries]
            if actors:
                rows.append((style, p.wrap(", ".join(actors), room, "small")))
        self.legend_rect = Rect(0, 0, 0, 0)
        if not rows:
            return
        lines = sum(len(wrapped) for _, wrapped in rows)
        width = max(p.text_width(t, "small") for _, wrapped in rows for t in wrapped) + swatch + 3 * pad
        box = Rect(rect.left + pad, rect.bottom - pad - lines * lh - pad, width, lines * lh + pad)
        self.legend_rect = box
        pygame.draw.rect(p.surface, th.BACKGROUND, box, border_radius=4)
        pygame.draw.rect(p.surface, th.PANEL_EDGE, box, 1, border_radius=4)
        y = box.top + pad // 2
        for style, wrapped in rows:
            sw = Rect(box.left + pad, y + 2, swatch, swatch)
            pygame.draw.rect(p.surface, style.colour, sw)
            p.surface.blit(hatch_surface(sw.size, style.hatch, (0, 0, 0, 200), max(4, swatch // 3)), sw)
            pygame.draw.rect(p.surface, th.TEXT, sw, 1)
            for line in wrapped:
                p.text(line, (sw.right + pad, y), "small", th.TEXT)
                y += lh

    # ------------------------------------------------------------- dynamic
    def draw(
        self, p: Painter, rect: Rect, forces: Mapping[str, Any], moved: list[tuple[str, str, str]]
    ) -> None:
        """forces: force id → object with .place; moved: (force, from place, to place) of last turn.

        Both layers are cached: a frame with nothing changed is two blits and no placement."""
        from game.client.maplayer import draw_dynamic

        static = self.static_layer(p, rect.size)
        key = (rect.size, p.theme, tuple(sorted((f, s.place) for f, s in forces.items())), tuple(moved))
        if self._dynamic is None or self._dynamic_key != key:
            self.dynamic_renders += 1
            surface = static.copy()
            layer = Painter(surface, p.texts, p.theme)
            self.labels = draw_dynamic(self, layer, forces, moved)
            self._shown = list(zip(layer.record, layer.text_rects, strict=True))
            self._dynamic, self._dynamic_key = surface, key
            self._origin = (0, 0)
        shift = (rect.left - self._origin[0], rect.top - self._origin[1])
        if shift != (0, 0):  # labels are reported in window coordinates
            for label in self.labels:
                label.rect.move_ip(shift)
                label.marker.move_ip(shift)
            self._origin = rect.topleft
        p.surface.blit(self._dynamic, rect)
        clip = p.surface.get_clip()
        for text, where in self._shown:
            shown = where.move(rect.topleft).clip(clip)
            if shown.width and shown.height:
                p.record.append(text)
                p.text_rects.append(shown)
        pygame.draw.rect(p.surface, th.PANEL_EDGE, rect, 1)
