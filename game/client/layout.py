"""Rectangle arithmetic for layouts that reflow with the window: no absolute pixel positions.

A size in a split is an int (pixels), a float below 1 (share of the whole) or
None (an equal share of what is left).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pygame import Rect

Size = int | float | None


def _sizes(total: int, sizes: Sequence[Size], gap: int) -> list[int]:
    room = max(0, total - gap * (len(sizes) - 1))
    fixed = [s if isinstance(s, int) else round(room * s) if isinstance(s, float) else None for s in sizes]
    flex = [i for i, s in enumerate(fixed) if s is None]
    left = max(0, room - sum(s for s in fixed if s is not None))
    for n, i in enumerate(flex):
        share = left // len(flex) + (1 if n < left % len(flex) else 0)
        fixed[i] = share
    return [max(0, s or 0) for s in fixed]


def rows(rect: Rect, sizes: Sequence[Size], gap: int = 0) -> list[Rect]:
    """Split top to bottom."""
    out, y = [], rect.top
    for h in _sizes(rect.height, sizes, gap):
        out.append(Rect(rect.left, y, rect.width, h))
        y += h + gap
    return out


def columns(rect: Rect, sizes: Sequence[Size], gap: int = 0) -> list[Rect]:
    """Split left to right."""
    out, x = [], rect.left
    for w in _sizes(rect.width, sizes, gap):
        out.append(Rect(x, rect.top, w, rect.height))
        x += w + gap
    return out


def inset(rect: Rect, dx: int, dy: int | None = None) -> Rect:
    dy = dx if dy is None else dy
    return Rect(rect.left + dx, rect.top + dy, max(0, rect.width - 2 * dx), max(0, rect.height - 2 * dy))


def right_aligned(rect: Rect, widths: Sequence[int], height: int, gap: int) -> list[Rect]:
    """Place boxes of the given widths at the right of rect, in reading order, vertically centred."""
    x = rect.right - sum(widths) - gap * (len(widths) - 1)
    out = []
    for w in widths:
        out.append(Rect(x, rect.centery - height // 2, w, height))
        x += w + gap
    return out


def overlaps(rects: Iterable[Rect]) -> list[tuple[Rect, Rect]]:
    """Every pair of non-empty rects that overlap (for layout tests)."""
    items = [r for r in rects if r.width > 0 and r.height > 0]
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1 :] if a.colliderect(b)]
