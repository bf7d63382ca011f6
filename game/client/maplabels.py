"""Where map labels go: beside their marker when there is room, further out with a leader line
when there is not, never over another label or marker, and kept off the wrong country.

Placement is greedy in priority order (forces, then off-map forces, then place names, then
country names): what is placed first keeps its spot. Each label tries spots next to its
marker first (within `NEAR` px), then rings further out; a spot is refused if it leaves the
map or touches anything already placed, and among the rest the one that covers least of
other countries, then the nearest, wins. A label with no free spot is left out rather than
drawn over another (the marker still shows, and the legend or hover names it).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from pygame import Rect

NEAR = 12  # px: a label this close to its marker needs no leader line
GAP = 4  # px between a marker and a label beside it
RINGS = (28, 48, 72, 100, 135, 175)  # px from the marker for labels moved away
DIRECTIONS = 16


@dataclass(slots=True)
class MapLabel:
    """One placed label: its lines, where it sits, and what it names."""

    lines: list[str]
    rect: Rect
    marker: Rect  # the marker (or marker row, or edge arrow) it belongs to; empty for country names
    kind: str  # force | edge | place | country | from
    leader: bool = False  # joined to its marker by a line, because it sits further than NEAR px

    @property
    def anchor(self) -> tuple[int, int]:
        return self.marker.center


def gap_between(a: Rect, b: Rect) -> int:
    """The distance in px between two rects (0 when they touch or overlap)."""
    dx = max(b.left - a.right, a.left - b.right, 0)
    dy = max(b.top - a.bottom, a.top - b.bottom, 0)
    return math.ceil(math.hypot(dx, dy))


class Placer:
    """Finds free spots for labels inside `area`; `country_at(x, y)` says which country a pixel
    shows ('' for sea), so a label can keep to its own place's country."""

    def __init__(self, area: Rect, country_at: Callable[[int, int], str], taken: list[Rect]) -> None:
        self.area = area
        self.country_at = country_at
        self.taken = list(taken)
        self.labels: list[MapLabel] = []

    def block(self, rect: Rect) -> None:
        """Reserve a rect (a marker, a box) so no label is put over it."""
        self.taken.append(rect)

    def place(
        self,
        lines: list[str],
        size: tuple[int, int],
        marker: Rect,
        kind: str,
        country: str = "",
        foreign_cost: int = 60,
        rings: int = len(RINGS),
    ) -> MapLabel | None:
        """The best free spot for a label of `size` beside `marker`, reserved; None when there is none.

        `foreign_cost` is what lying wholly over another country costs, in px of distance: a
        force label pays a lot (it would be read as that country's), a town's name little."""
        w, h = size
        best: tuple[float, Rect, bool] | None = None
        for rect, far in self._candidates(marker, w, h, RINGS[:rings]):
            if not self.area.contains(rect) or rect.collidelist(self.taken) >= 0:
                continue
            far = far or gap_between(rect, marker) > NEAR  # whatever the spot, a leader when it is not close
            cost = (
                foreign_cost * self._foreign(rect, country) + gap_between(rect, marker) + (25 if far else 0)
            )
            if best is None or cost < best[0]:
                best = (cost, rect, far)
            if cost == 0:
                break  # beside its marker, on its own ground: nothing is better
        if best is None:
            return None
        label = MapLabel(lines, best[1], marker, kind, best[2])
        self.taken.append(best[1])
        self.labels.append(label)
        return label

    def place_free(self, lines: list[str], rect_options: list[Rect], kind: str) -> MapLabel | None:
        """The first of the given rects that is free (country names, which have no marker)."""
        for rect in rect_options:
            if self.area.contains(rect) and rect.collidelist(self.taken) < 0:
                label = MapLabel(lines, rect, Rect(0, 0, 0, 0), kind)
                self.taken.append(rect)
                self.labels.append(label)
                return label
        return None

    def _candidates(self, marker: Rect, w: int, h: int, rings: tuple[int, ...]):
        """Spots touching the marker's side (right, left, below, above, slid along each side so the
        label still faces the marker), then rings further out, which need a leader line."""
        x, y = marker.center
        slide_v = (0, -h // 2, h // 2, -h + 4, h - 4)
        slide_h = (0, -w // 2 + 4, w // 2 - 4)
        for dy in slide_v:
            yield Rect(marker.right + GAP, y - h // 2 + dy, w, h), False
            yield Rect(marker.left - GAP - w, y - h // 2 + dy, w, h), False
        for dx in slide_h:
            yield Rect(x - w // 2 + dx, marker.bottom + GAP, w, h), False
            yield Rect(x - w // 2 + dx, marker.top - GAP - h, w, h), False
        for radius in rings:
            for step in range(DIRECTIONS):
                angle = 2 * math.pi * step / DIRECTIONS
                cx = x + math.cos(angle) * (radius + w / 2)
                cy = y + math.sin(angle) * (radius + h / 2)
                yield Rect(round(cx - w / 2), round(cy - h / 2), w, h), True

    def _foreign(self, rect: Rect, country: str) -> float:
        """Share of the label lying over a country that is not its own (sea counts as neutral ground)."""
        points = [
            (rect.left + rect.width * i // 4, rect.top + rect.height * j // 2)
            for i in (0, 2, 4)
            for j in (0, 1, 2)
        ]
        inside = [(px, py) for px, py in points if self.area.collidepoint(px, py)]
        if not inside:
            return 0.0
        foreign = 0.0
        for px, py in inside:
            here = self.country_at(px, py)
            if here and here != country:
                foreign += 1.0 if country else 0.5
        return foreign / len(inside)
