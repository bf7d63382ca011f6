"""Areas on the map: a closure zone or an exclusion zone, drawn as a hatched outline with its name.

Drawn into the map's static layer, after the countries and before the forces,
so markers and their labels stay on top. The outline is paired with a hatch
and the area's name, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.client import theme as th
from game.client.mapdraw import halo_text, hatch_surface
from game.client.text import Painter
from game.scenario.model import Area

Project = Callable[[float, float], tuple[int, int]]  # (lon, lat) -> pixel


def draw_areas(p: Painter, areas: tuple[Area, ...], project: Project, step: int) -> None:
    """Each area's outline, a light hatch inside it, and its name at its middle."""
    size = p.surface.get_size()
    for area in areas:
        points = [project(lon, lat) for lat, lon in area.points]
        if len(points) < 3:
            continue
        mask = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.polygon(mask, (255, 255, 255, 255), points)
        pattern = hatch_surface(size, "cross", (*th.DANGER, 120), step)
        mask.blit(pattern, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        p.surface.blit(mask, (0, 0))
        pygame.draw.polygon(p.surface, th.DANGER, points, 3)
        middle = (sum(x for x, _ in points) // len(points), sum(y for _, y in points) // len(points))
        halo_text(p, area.name, middle, "small", th.TEXT, bold=True, anchor="center")
