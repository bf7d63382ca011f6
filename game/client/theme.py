"""Colours and type sizes of the window: one high-contrast, colour-blind-safe palette.

Colours come from the Okabe–Ito set, which stays distinguishable with the
common colour-vision deficiencies; every colour cue is paired with a word,
shape or hatch elsewhere, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the first frame is drawn before any scenario is read
    from game.scenario.model import Scenario

RGB = tuple[int, int, int]

OKABE_ITO: dict[str, RGB] = {
    "blue": (0, 114, 178),
    "vermillion": (213, 94, 0),
    "orange": (230, 159, 0),
    "bluish_green": (0, 158, 115),
    "sky_blue": (86, 180, 233),
    "reddish_purple": (204, 121, 167),
}
YELLOW: RGB = (240, 228, 66)  # kept out of the data colours: it is the focus ring's alone

# Dark UI: white-on-navy reads from the back of a room and keeps Okabe–Ito fills vivid.
BACKGROUND: RGB = (16, 22, 32)
PANEL: RGB = (28, 36, 50)
PANEL_EDGE: RGB = (84, 98, 120)
TEXT: RGB = (245, 245, 240)
MUTED: RGB = (190, 198, 210)  # 9:1 on BACKGROUND, still readable
DISABLED: RGB = (140, 148, 160)
FOCUS: RGB = YELLOW  # focus ring: the brightest colour, never used for data
SEA: RGB = (22, 44, 66)
LAND: RGB = (64, 70, 78)
BORDER: RGB = (150, 158, 168)
DANGER: RGB = OKABE_ITO["vermillion"]
GOOD: RGB = OKABE_ITO["bluish_green"]
BUTTON: RGB = (44, 62, 88)
BUTTON_PRIMARY: RGB = (0, 90, 140)

MARKER_SHAPES = ("circle", "square", "triangle", "diamond")
HATCHES = ("diagonal", "backslash", "cross", "dots", "horizontal", "vertical")


def lighter(colour: RGB, by: int) -> RGB:
    """The colour with each channel raised by `by` (at most 255): a hovered button or card."""
    r, g, b = (min(255, c + by) for c in colour)
    return r, g, b


def hex_to_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@dataclass(frozen=True)
class SideStyle:
    """How one side (camp or alliance) is drawn: a colour, a hatch and, per actor, a marker shape."""

    side: str
    colour: RGB
    hatch: str


def side_styles(scenario: Scenario) -> dict[str, SideStyle]:
    """Give every side the free Okabe–Ito colour nearest to its first actor's own colour.

    The author's colour choice (Russia red, US blue) is honoured in spirit while
    the drawn colours stay inside the colour-blind-safe set.
    """
    free = dict(OKABE_ITO)
    styles: dict[str, SideStyle] = {}
    for actor in scenario.actors:
        if actor.side in styles:
            continue
        want = hex_to_rgb(actor.colour) if actor.colour.startswith("#") else (128, 128, 128)
        if not free:
            free = dict(OKABE_ITO)
        name = min(free, key=lambda n: sum((a - b) ** 2 for a, b in zip(free[n], want, strict=True)))
        styles[actor.side] = SideStyle(actor.side, free.pop(name), HATCHES[len(styles) % len(HATCHES)])
    return styles


def actor_shapes(scenario: Scenario) -> dict[str, str]:
    """A marker shape per actor, so two actors of one side still look different on the map."""
    return {a.id: MARKER_SHAPES[i % len(MARKER_SHAPES)] for i, a in enumerate(scenario.actors)}


@dataclass(frozen=True)
class Theme:
    """Type sizes for the current window height and text mode."""

    height: int
    large: bool = False

    @property
    def scale(self) -> float:
        return LARGE_SCALE if self.large else 1.0

    def size(self, role: str) -> int:
        return _type_size(self.height, self.large, role)

    def pad(self) -> int:
        return max(6, self.size("body") // 2)


LARGE_SCALE = 1.36  # large text (F2): every size, so the reading text reaches 22 px at 1280×720


@lru_cache(maxsize=256)
def _type_size(height: int, large: bool, role: str) -> int:
    """Asked hundreds of times a frame, so computed once per window height and text mode."""
    # The body size follows the window so a projector at 1080p gets bigger text; at the default
    # 1280×720 even "small" (most of what a student reads) is 16 px, and 22 px in large text.
    body = max(14.0, min(26.0, height / 38.0)) * (LARGE_SCALE if large else 1.0)
    factor = {"small": 0.86, "body": 1.0, "heading": 1.2, "title": 1.6, "huge": 2.4}[role]
    return max(11, round(body * factor))
