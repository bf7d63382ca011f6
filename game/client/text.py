"""Fonts, the rendered-text cache, word wrapping, and the Painter every screen draws through.

Rendering a string is the most expensive thing a redraw does, so surfaces are
kept in an LRU cache keyed by (text, size, bold, colour). The Painter also
records every string it blits in the current frame: tests read that record
to check what a player actually sees.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pygame

from game.client.theme import BACKGROUND, RGB, TEXT, Theme

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


class TextCache:
    """Fonts by size, rendered surfaces and wrapped lines, each bounded so memory stays flat."""

    def __init__(self, max_surfaces: int = 1500, max_wraps: int = 800) -> None:
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._wraps: OrderedDict[tuple, list[str]] = OrderedDict()
        self._widths: dict[tuple[str, int, bool], int] = {}
        self.max_surfaces = max_surfaces
        self.max_wraps = max_wraps
        self.hits = 0
        self.misses = 0

    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        key = (px, bold)
        if key not in self._fonts:
            self._fonts[key] = pygame.font.Font(str(BOLD if bold else REGULAR), px)
        return self._fonts[key]

    def width(self, text: str, px: int, bold: bool = False) -> int:
        """The text's width in pixels; layout asks for the same few thousand strings every frame."""
        key = (text, px, bold)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= 20 * self.max_surfaces:
                self._widths.clear()  # simplest bound: widths are cheap to measure again
            width = self._widths[key] = self.font(px, bold).size(text)[0]
        return width

    def render(self, text: str, px: int, bold: bool, colour: RGB) -> pygame.Surface:
        key = (text, px, bold, colour)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            self.hits += 1
            return surface
        self.misses += 1
        surface = self.font(px, bold).render(text, True, colour)
        self._surfaces[key] = surface
        if len(self._surfaces) > self.max_surfaces:
            self._surfaces.popitem(last=False)
        return surface

    def render_on(
        self, glyphs: pygame.Surface, key: tuple, ground: RGB, like: pygame.Surface
    ) -> pygame.Surface:
        """Rendered text (`glyphs`, cached under `key`) already blended onto a plain `ground`, as an
        opaque surface in `like`'s pixel format.

        The blend is done once, here, by the same blit that would do it on the window, so the
        pixels are the same; blitting an opaque surface costs a fraction of an alpha blit."""
        key = (*key, ground)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        surface = pygame.Surface(glyphs.get_size(), 0, like)
        surface.fill(ground)
        surface.blit(glyphs, (0, 0))
        self._surfaces[key] = surface
        if len(self._surfaces) > self.max_surfaces:
            self._surfaces.popitem(last=False)
        return surface

    def wrap(self, text: str, px: int, bold: bool, width: int) -> list[str]:
        """Split text into lines no wider than width; paragraphs (blank lines) are kept."""
        key = (text, px, bold, width)
        lines = self._wraps.get(key)
        if lines is not None:
            self._wraps.move_to_end(key)
            return lines
        font = self.font(px, bold)
        lines = []
        for paragraph in text.split("\n"):
            lines.extend(_wrap_paragraph(paragraph, font, width))
        self._wraps[key] = lines
        if len(self._wraps) > self.max_wraps:
            self._wraps.popitem(last=False)
        return lines


def _wrap_paragraph(paragraph: str, font: pygame.font.Font, width: int) -> list[str]:
    words = paragraph.split()
    if not words:
        return [""]
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if font.size(candidate)[0] <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        # A single word wider than the line (a long URL) is cut, never overflowing.
        while font.size(word)[0] > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and font.size(word[:cut])[0] > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines


class Painter:
    """Draws on one surface with the theme's sizes; records each string actually shown."""

    def __init__(self, surface: pygame.Surface, texts: TextCache, theme: Theme) -> None:
        self.surface = surface
        self.texts = texts
        self.theme = theme
        self.record: list[str] = []
        self.text_rects: list[pygame.Rect] = []
        self.ground: tuple[RGB, pygame.Rect] | None = None  # a plain colour filling a rect, under the text

    @contextmanager
    def on(self, colour: RGB, rect: pygame.Rect) -> Iterator[None]:
        """In this block, nothing but the plain `colour` lies under `rect` (a panel's inside, a card's
        fill within its border and corners): a text whose box falls wholly within it is blitted
        pre-blended onto that colour, the same pixels for a fraction of the cost."""
        before, self.ground = self.ground, (colour, rect)
        try:
            yield
        finally:
            self.ground = before

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def px(self, role: str) -> int:
        return self.theme.size(role)

    def line_height(self, role: str = "body") -> int:
        return self.texts.font(self.px(role)).get_linesize()

    def text_width(self, text: str, role: str = "body", bold: bool = False) -> int:
        return self.texts.width(text, self.px(role), bold)

    def text(
        self,
        text: str,
        pos: tuple[int, int],
        role: str = "body",
        colour: RGB = TEXT,
        bold: bool = False,
        anchor: str = "topleft",
        max_width: int | None = None,
    ) -> pygame.Rect:
        """Blit one line; anchor is a pygame.Rect attribute name such as "center" or "midright"."""
        if max_width is not None and self.text_width(text, role, bold) > max_width:
            text = self.elide(text, max_width, role, bold)
        px = self.px(role)
        surface = self.texts.render(text, px, bold, colour)
        rect = surface.get_rect(**{anchor: pos})
        # A line a scroll pane would cut in half is left out: the scroll bar says there is more,
        # and a reader never sees the top half of a sentence.
        if text and self.surface.get_clip().contains(rect):
            if self.ground is not None and self.ground[1].contains(rect):
                surface = self.texts.render_on(
                    surface, (text, px, bold, colour), self.ground[0], self.surface
                )
            self.surface.blit(surface, rect)
            self.record.append(text)
            self.text_rects.append(rect)
        return rect

    def fit_keeping(self, text: str, tail: str, width: int, role: str = "body", bold: bool = False) -> str:
        """text + tail, the text shortened with '…' when too wide, so that the tail (a key hint, a
        'people'/'computer') always shows."""
        if self.text_width(text + tail, role, bold) <= width:
            return text + tail
        return self.elide(text, width, role, bold, tail)

    def elide(self, text: str, width: int, role: str = "body", bold: bool = False, tail: str = "") -> str:
        """text cut to end in '…' (then the tail) within width."""
        font = self.texts.font(self.px(role), bold)
        while text and font.size(text + "…" + tail)[0] > width:
            text = text[:-1]
        return text.rstrip(" ,:") + "…" + tail

    def wrap(self, text: str, width: int, role: str = "body", bold: bool = False) -> list[str]:
        return self.texts.wrap(text, self.px(role), bold, max(20, width))

    def paragraph_height(self, text: str, width: int, role: str = "body", bold: bool = False) -> int:
        return len(self.wrap(text, width, role, bold)) * self.line_height(role)

    def paragraph(
        self,
        text: str,
        x: int,
        y: int,
        width: int,
        role: str = "body",
        colour: RGB = TEXT,
        bold: bool = False,
        max_lines: int | None = None,
    ) -> int:
        """Draw wrapped text from (x, y); return the height used. Lines past max_lines end in '…'."""
        lines = self.wrap(text, width, role, bold)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self.elide(lines[-1].rstrip(" .,;:…"), width, role, bold)  # one '…', never two
        step = self.line_height(role)
        clip = self.surface.get_clip()
        for i, line in enumerate(lines):
            top = y + i * step
            if clip.top - step <= top <= clip.bottom:
                self.text(line, (x, top), role, colour, bold)
        return len(lines) * step

    def paragraph_above(
        self,
        text: str,
        x: int,
        y: int,
        width: int,
        bottom: int,
        role: str = "body",
        colour: RGB = TEXT,
        bold: bool = False,
    ) -> int:
        """A paragraph cut (with '…') to the lines that fit above `bottom`; the height used (0 if none fit)."""
        room = (bottom - y) // self.line_height(role)
        return self.paragraph(text, x, y, width, role, colour, bold, max_lines=room) if room >= 1 else 0

    def shown_text(self) -> str:
        return " ".join(self.record)


class Backdrop:
    """A screen's still parts (header, panels and their headings, the map) drawn once onto a
    window-sized surface and blitted whole, until the window, the text size or the screen's own
    key (the game state, the wordings) changes. What they show is replayed into each frame's record.

    One blit of the whole window costs less than clearing it and drawing the panels again. With an
    `area` (a pane), only that part is kept and blitted, painted over what the surface `under` (the
    screen's backdrop) shows there, so its key must also name that (the backdrop's own key). Parts
    of the window that panes cover whole (`covered`) are left out of the backdrop's blit: at
    1920×1080 a frame is mostly the copying of pixels, and those would be copied twice."""

    def __init__(self) -> None:
        self.surface: pygame.Surface | None = None
        self.key: Hashable = None
        self.record: list[str] = []
        self.text_rects: list[pygame.Rect] = []
        self.renders = 0

    def draw(
        self,
        p: Painter,
        key: Hashable,
        paint: Callable[[Painter], None],
        area: pygame.Rect | None = None,
        under: pygame.Surface | None = None,
        covered: tuple[pygame.Rect, ...] = (),
    ) -> None:
        """Blit the backdrop for `key` onto p's surface (all of it but `covered`, or `area`), painting
        it first if it is stale."""
        key = (p.size, p.theme, None if area is None else tuple(area), key)
        if self.surface is None or self.key != key:
            self.renders += 1
            surface = pygame.Surface(p.size, 0, p.surface)
            if area is None or under is None:
                surface.fill(BACKGROUND)
            else:
                surface.blit(under, area, area)
            layer = Painter(surface, p.texts, p.theme)
            paint(layer)
            self.surface, self.key = surface, key
            self.record, self.text_rects = layer.record, layer.text_rects
        for part in [area] if area is not None else uncovered(p.surface.get_rect(), covered):
            p.surface.blit(self.surface, part, part)
        p.record.extend(self.record)
        p.text_rects.extend(self.text_rects)


def uncovered(whole: pygame.Rect, covered: tuple[pygame.Rect, ...]) -> list[pygame.Rect]:
    """`whole` less the `covered` rects, as rects that do not overlap: one band per stretch of rows
    between the covered rects' top and bottom edges, cut around them."""
    if not covered:
        return [whole]
    cuts = sorted({whole.top, whole.bottom, *(y for r in covered for y in (r.top, r.bottom))})
    parts = []
    for top, bottom in itertools.pairwise(cuts):
        if not whole.top <= top < bottom <= whole.bottom:
            continue
        x = whole.left
        for r in sorted((r for r in covered if r.top <= top and r.bottom >= bottom), key=lambda r: r.left):
            if r.left > x:
                parts.append(pygame.Rect(x, top, r.left - x, bottom - top))
            x = max(x, r.right)
        if x < whole.right:
            parts.append(pygame.Rect(x, top, whole.right - x, bottom - top))
    return parts
