"""The map: real country outlines in the scenario's view, sides' countries filled and hatched,
force markers with size labels, and arrows for the forces that moved last turn.

Outlines, fills, hatches, country labels and the legend form a static layer,
rendered once per (size, text mode) and reused; only markers and arrows are
drawn each frame.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pygame
from pygame import Rect

from game.client import theme as th
from game.client.geometry import clip_ring
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


def _overlap(a: Rect, b: Rect) -> int:
    clipped = a.clip(b)
    return clipped.width * clipped.height


def _force_label(owner: str, people: int) -> str:
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


class MapView:
    """Draws one scenario's map; keeps its static layer between frames."""

    def __init__(self, scenario: Scenario, styles: dict[str, SideStyle], shapes: dict[str, str]) -> None:
        self.scenario = scenario
        self.styles = styles
        self.shapes = shapes
        self.owner_of = {code: actor for actor in scenario.actors for code in actor.countries}
        self.view = fitted_view(scenario)
        self._static: pygame.Surface | None = None
        self._static_key: tuple = ()
        self._country_labels: list[tuple[str, tuple[int, int], float, bool]] = []
        self.static_renders = 0
        self.legend_rect = Rect(0, 0, 0, 0)

    def side_colour(self, actor_id: str) -> RGB:
        return self.styles[self.scenario.actor(actor_id).side].colour

    # -------------------------------------------------------------- static
    def _static_layer(self, p: Painter, size: tuple[int, int]) -> pygame.Surface:
        key = (size, p.theme)
        if self._static is not None and self._static_key == key:
            return self._static
        self.static_renders += 1
        rect = Rect((0, 0), size)
        surface = pygame.Surface(size)
        surface.fill(th.SEA)
        project = Projection(self.view, rect)
        masks: dict[str, pygame.Surface] = {}
        labels: list[tuple[str, tuple[int, int], float, bool]] = []
        grow = rect.inflate(rect.width, rect.height)
        for code, name, rings in load_countries():
            actor = self.owner_of.get(code)
            style = self.styles[actor.side] if actor else None
            best: tuple[float, float, float] = (0.0, 0.0, 0.0)
            for ring in rings:
                points = [project(lon, lat) for lon, lat in ring]
                xs, ys = [q[0] for q in points], [q[1] for q in points]
                if not grow.colliderect(Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)):
                    continue
                pygame.draw.polygon(surface, style.colour if style else th.LAND, points)
                pygame.draw.polygon(surface, th.BORDER, points, 1)
                if style:
                    mask = masks.setdefault(style.side, pygame.Surface(size, pygame.SRCALPHA))
                    pygame.draw.polygon(mask, (255, 255, 255, 255), points)
                visible = clip_ring(points, (rect.left, rect.right, rect.top, rect.bottom))
                if len(visible) >= 3:
                    best = max(best, _area_centroid(visible))
            if best[0] > (p.px("small") * 2.5) ** 2:
                labels.append((name, (round(best[1]), round(best[2])), best[0], actor is not None))
        step = max(8, p.px("body") // 2)
        for side, mask in masks.items():
            pattern = hatch_surface(size, self.styles[side].hatch, (0, 0, 0, 150), step)
            mask.blit(pattern, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
            surface.blit(mask, (0, 0))
        # Country names are placed each frame, after the force labels, so they never cover them.
        self._country_labels = sorted(labels, key=lambda item: (not item[3], -item[2]))
        self._legend(Painter(surface, p.texts, p.theme), rect)
        self._static, self._static_key = surface, key
        return surface

    def _legend(self, p: Painter, rect: Rect) -> None:
        pad = p.theme.pad() // 2
        lh = p.line_height("small")
        rows = []
        for side, style in self.styles.items():
            actors = [a.short_name for a in self.scenario.actors if a.side == side and a.countries]
            if actors:
                rows.append((style, ", ".join(actors)))
        self.legend_rect = Rect(0, 0, 0, 0)
        if not rows:
            return
        swatch = lh - 4
        width = min(rect.width - 2 * pad, max(p.text_width(t, "small") for _, t in rows) + swatch + 4 * pad)
        box = Rect(rect.left + pad, rect.bottom - pad - len(rows) * lh - pad, width, len(rows) * lh + pad)
        self.legend_rect = box
        pygame.draw.rect(p.surface, th.BACKGROUND, box, border_radius=4)
        pygame.draw.rect(p.surface, th.PANEL_EDGE, box, 1, border_radius=4)
        for i, (style, text) in enumerate(rows):
            y = box.top + pad // 2 + i * lh
            sw = Rect(box.left + pad, y + 2, swatch, swatch)
            pygame.draw.rect(p.surface, style.colour, sw)
            p.surface.blit(hatch_surface(sw.size, style.hatch, (0, 0, 0, 200), max(4, swatch // 3)), sw)
            pygame.draw.rect(p.surface, th.TEXT, sw, 1)
            p.text(text, (sw.right + pad, y), "small", th.TEXT, max_width=box.right - sw.right - 2 * pad)

    # ------------------------------------------------------------- dynamic
    def draw(self, p: Painter, rect: Rect, forces: dict, moved: list[tuple[str, str, str]]) -> None:
        """forces: force id → object with .place; moved: (force, from place, to place) of last turn."""
        p.surface.blit(self._static_layer(p, rect.size), rect)
        old_clip = p.surface.get_clip()
        p.surface.set_clip(rect.clip(old_clip))
        project = Projection(self.view, rect)
        for force_id, origin, target in moved:
            self._arrow(p, project, force_id, origin, target)
        groups, off_map = self._group(project, forces, rect)
        taken = [self.legend_rect.move(rect.topleft)]
        if off_map:
            taken.append(self._off_map(p, rect, off_map))
        # What is placed first keeps its spot: markers and cities, the forces' labels, the sides'
        # own countries, other countries, then city names where room is left.
        unnamed = self._place_dots(p, project, {place for place, _owner in groups}, rect, taken)
        self._markers(p, project, groups, rect, taken)
        self._marker_labels(p, project, groups, rect, taken)
        self._country_names(p, rect, taken, owned=True)
        self._country_names(p, rect, taken, owned=False)
        self._place_names(p, unnamed, rect, taken)
        p.surface.set_clip(old_clip)
        pygame.draw.rect(p.surface, th.PANEL_EDGE, rect, 1)

    def _country_names(self, p: Painter, rect: Rect, taken: list[Rect], owned: bool) -> None:
        """Country names at their centres, nudged a little when something already sits there."""
        for name, (x, y), area, is_owned in self._country_labels:
            if is_owned != owned:
                continue
            w, h = p.text_width(name, "small") + 4, p.line_height("small")
            centred = Rect(rect.left + x - w // 2, rect.top + y - h // 2, w, h)
            r = int(math.sqrt(area) / 4)  # a big country's name may move further and stay inside
            nudges = ((0, 0), (0, -h), (0, h), (-r, 0), (r, 0), (-r, -h), (r, h), (-r, h), (r, -h))
            for where in (centred.move(dx, dy) for dx, dy in nudges):
                if rect.contains(where) and where.collidelist(taken) < 0:
                    taken.append(where)
                    halo_text(p, name, where.center, "small", th.TEXT if owned else th.MUTED)
                    break

    def _place_dots(
        self, p: Painter, project: Projection, occupied: set[str], rect: Rect, taken: list[Rect]
    ) -> list[tuple[str, int, int]]:
        """Places with no force (capitals, empty bases) as small dots, so a player can find Kyiv or
        Warsaw; returns (name, x, y) for naming once the country names have their places."""
        unnamed = []
        for place in self.scenario.places:
            x, y = project(place.lon, place.lat)
            if place.id in occupied or not rect.collidepoint(x, y):
                continue
            pygame.draw.circle(p.surface, (0, 0, 0), (x, y), 4)
            pygame.draw.circle(p.surface, th.TEXT, (x, y), 3)
            taken.append(Rect(x - 4, y - 4, 8, 8))  # country names keep off the dot
            unnamed.append((place.name.split(",")[0].split(" (")[0], x, y))
        return unnamed

    @staticmethod
    def _place_names(p: Painter, unnamed: list[tuple[str, int, int]], rect: Rect, taken: list[Rect]) -> None:
        """Each dot's name beside it where there is room; quieter than forces and countries."""
        lh = p.line_height("small")
        for name, x, y in unnamed:
            w = p.text_width(name, "small") + 4
            for where in (
                Rect(x + 6, y - lh // 2, w, lh),
                Rect(x - 6 - w, y - lh // 2, w, lh),
                Rect(x - w // 2, y + 4, w, lh),
                Rect(x - w // 2, y - 4 - lh, w, lh),
            ):
                if rect.contains(where) and where.collidelist(taken) < 0:
                    taken.append(where)
                    halo_text(p, name, where.topleft, "small", th.MUTED, anchor="topleft")
                    break

    def _arrow(self, p: Painter, project: Projection, force_id: str, origin: str, target: str) -> None:
        """A white arrow with a black edge: it stands out on every fill; the marker at its head says whose."""
        a = project(self.scenario.place(origin).lon, self.scenario.place(origin).lat)
        end = project(self.scenario.place(target).lon, self.scenario.place(target).lat)
        width = max(4, p.px("body") // 4)
        head = width * 4
        angle = math.atan2(end[1] - a[1], end[0] - a[0])
        stop = p.px("small") + 4  # the head stops short of the marker so both stay visible
        b = (end[0] - math.cos(angle) * stop, end[1] - math.sin(angle) * stop)
        back = (b[0] - math.cos(angle) * head, b[1] - math.sin(angle) * head)
        wings = [
            (back[0] + math.cos(angle + s) * head * 0.6, back[1] + math.sin(angle + s) * head * 0.6)
            for s in (math.pi / 2, -math.pi / 2)
        ]
        pygame.draw.line(p.surface, (0, 0, 0), a, back, width + 4)
        pygame.draw.polygon(p.surface, (0, 0, 0), [b, *wings], 0)
        pygame.draw.polygon(p.surface, (0, 0, 0), [b, *wings], 4)
        pygame.draw.line(p.surface, th.TEXT, a, back, width)
        pygame.draw.polygon(p.surface, th.TEXT, [b, *wings])

    def _group(
        self, project: Projection, forces: dict, rect: Rect
    ) -> tuple[dict[tuple[str, str], int], list[str]]:
        """People per (place, owner) in view, and labels for the forces outside the view."""
        groups: dict[tuple[str, str], int] = {}
        outside: dict[tuple[str, str], int] = {}
        for force_id, fs in forces.items():
            force = self.scenario.force(force_id)
            place = self.scenario.place(fs.place)
            into = groups if rect.collidepoint(project(place.lon, place.lat)) else outside
            into[(fs.place, force.owner)] = into.get((fs.place, force.owner), 0) + force.size
        off_map = [
            _force_label(self.scenario.actor(owner).short_name, people)
            + f" ({self.scenario.place(place_id).name.split(',')[0]})"
            for (place_id, owner), people in sorted(outside.items())
        ]
        return groups, off_map

    @staticmethod
    def _by_place(groups: dict[tuple[str, str], int]) -> dict[str, list[tuple[str, int]]]:
        """(owner, people) at each place, owners in a fixed order so markers never swap between frames."""
        places: dict[str, list[tuple[str, int]]] = {}
        for (place_id, owner), people in sorted(groups.items()):
            places.setdefault(place_id, []).append((owner, people))
        return places

    def _markers(
        self,
        p: Painter,
        project: Projection,
        groups: dict[tuple[str, str], int],
        rect: Rect,
        taken: list[Rect],
    ) -> None:
        radius = max(6, p.px("small") // 2 + 1)
        for place_id, owners in self._by_place(groups).items():
            place = self.scenario.place(place_id)
            x, y = project(place.lon, place.lat)
            # Several sides at one place sit side by side, the row centred on the place.
            first = x - (len(owners) - 1) * (radius + 1)
            for i, (owner, _) in enumerate(owners):
                centre = (first + i * (radius * 2 + 2), y)
                self._marker(p, centre, radius, owner)
                taken.append(Rect(centre[0] - radius, centre[1] - radius, 2 * radius, 2 * radius))

    def _marker_labels(
        self,
        p: Painter,
        project: Projection,
        groups: dict[tuple[str, str], int],
        rect: Rect,
        taken: list[Rect],
    ) -> None:
        """One label per place: a line per side there, then the place's name, so labels never pile up."""
        radius = max(6, p.px("small") // 2 + 1)
        for place_id, owners in self._by_place(groups).items():
            place = self.scenario.place(place_id)
            x, y = project(place.lon, place.lat)
            lines = [_force_label(self.scenario.actor(owner).short_name, people) for owner, people in owners]
            half_row = radius + (len(owners) - 1) * (radius + 1)
            self._label(p, (x, y), radius, half_row, [*lines, place.name.split(",")[0]], taken, rect)

    def _off_map(self, p: Painter, rect: Rect, items: list[str]) -> Rect:
        """A box naming forces whose base lies outside the view (e.g. still in the United States)."""
        pad = p.theme.pad() // 2
        lh = p.line_height("small")
        lines = ["Off the map:", *items]
        width = min(rect.width - 2 * pad, max(p.text_width(t, "small") for t in lines) + 2 * pad)
        box = Rect(rect.left + pad, rect.top + pad, width, lh * len(lines) + pad)
        pygame.draw.rect(p.surface, th.BACKGROUND, box, border_radius=4)
        pygame.draw.rect(p.surface, th.PANEL_EDGE, box, 1, border_radius=4)
        for i, line in enumerate(lines):
            p.text(
                line,
                (box.left + pad, box.top + pad // 2 + i * lh),
                "small",
                th.MUTED if i == 0 else th.TEXT,
                bold=i == 0,
                max_width=box.width - 2 * pad,
            )
        return box

    def _marker(self, p: Painter, centre: tuple[int, int], r: int, owner: str) -> None:
        colour = self.side_colour(owner)
        shape = self.shapes.get(owner, "circle")
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

    def _label(
        self,
        p: Painter,
        at: tuple[int, int],
        r: int,
        half_row: int,
        lines: list[str],
        taken: list[Rect],
        rect: Rect,
    ) -> None:
        """Force lines in bold and the place's name below, beside the markers where that covers least."""
        lh = p.line_height("small")
        w = (
            max(
                max(p.text_width(t, "small", bold=True) for t in lines[:-1]), p.text_width(lines[-1], "small")
            )
            + 4
        )
        h = lh * len(lines)
        x, y = at
        gap = r * 3 + 4
        side = half_row + r * 2 + 4  # clear of the whole row of markers
        candidates = [
            Rect(x + side, y - h // 2, w, h),
            Rect(x - side - w, y - h // 2, w, h),
            Rect(x - w // 2, y + gap, w, h),
            Rect(x - w // 2, y - gap - h, w, h),
            Rect(x + side, y + gap // 2, w, h),
            Rect(x - side - w, y - gap // 2 - h, w, h),
        ]
        fits = [c for c in candidates if rect.contains(c)] or [c.clamp(rect) for c in candidates]
        # Where every place is taken, the one that covers least of what is already there.
        box = min(fits, key=lambda c: sum(_overlap(c, t) for t in taken))
        taken.append(box)
        for i, line in enumerate(lines):
            last = i == len(lines) - 1
            halo_text(
                p,
                line,
                (box.left, box.top + i * lh),
                "small",
                th.MUTED if last else th.TEXT,
                bold=not last,
                anchor="topleft",
            )
