"""What every lesson page shares: a self-contained HTML shell that prints on A4 and Letter, and an
overlaid line chart of tension as inline SVG (no script, no network, no font to fetch)."""

from __future__ import annotations

import html

# Okabe–Ito, so overlaid curves stay apart for colour-blind readers; each also has its own dash.
SERIES_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
SERIES_DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4", "1 2", "12 2")

STYLE = (
    "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;"
    "line-height:1.4;color:#111}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.4em}"
    "table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #999;padding:.3em .45em;"
    "text-align:left;vertical-align:top;font-size:.92em}th{background:#eee}.why{font-style:italic}"
    ".muted{color:#555}.legend span{display:inline-block;margin-right:1.2em}"
    "@page{size:auto;margin:14mm}"
    "@media print{body{max-width:none;margin:0;font-size:10.5pt}h2,h3{break-after:avoid}"
    "tr,li{break-inside:avoid}.page{break-before:page}svg{max-width:100%;height:auto}}"
)


def esc(text: object) -> str:
    return html.escape(str(text))


def page(title: str, body: str) -> str:
    """A whole HTML document around `body`."""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f'<meta name="viewport" content="width=device-width"><style>{STYLE}</style></head>'
        f"<body>{body}</body></html>\n"
    )


def table(head: list[str], rows: list[list[str]]) -> str:
    """A table; cells are HTML already (escape text before)."""
    top = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{top}</tr></thead><tbody>{body}</tbody></table>"


def tension_chart(series: list[tuple[str, list[int]]], width: int = 680, height: int = 260) -> str:
    """Tension by turn for several games on one chart, each its own colour and dash, with a legend."""
    pad, longest = 38, max((len(v) for _, v in series), default=1)
    n = max(1, longest - 1)

    def x(i: int) -> float:
        return pad + (width - 2 * pad) * i / n

    def y(v: int) -> float:
        return height - pad - (height - 2 * pad) * v / 100

    grid = "".join(
        f'<line x1="{pad}" x2="{width - pad}" y1="{y(g):.1f}" y2="{y(g):.1f}" stroke="#ccc"/>'
        f'<text x="4" y="{y(g) + 4:.1f}" font-size="11">{g}</text>'
        for g in (0, 25, 50, 75, 100)
    )
    ticks = "".join(
        f'<text x="{x(i) - 4:.1f}" y="{height - 14}" font-size="11">{i}</text>' for i in range(longest)
    )
    lines, legend = [], []
    for k, (name, values) in enumerate(series):
        colour, dash = SERIES_COLOURS[k % len(SERIES_COLOURS)], SERIES_DASHES[k % len(SERIES_DASHES)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        lines.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dashes}/>'
        )
        swatch = (
            f'<svg width="34" height="10" aria-hidden="true"><line x1="0" x2="34" y1="5" y2="5" '
            f'stroke="{colour}" stroke-width="3"{dashes}/></svg>'
        )
        legend.append(f"<span>{swatch} {esc(name)}: {' → '.join(map(str, values))}</span>")
    label = "; ".join(f"{name}: {', '.join(map(str, v))}" for name, v in series)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="Tension by turn. {esc(label)}">{grid}{"".join(lines)}{ticks}'
        f'<text x="{width - pad}" y="{height - 2}" font-size="11" text-anchor="end">turn</text></svg>'
        f'<p class="legend">{"".join(legend)}</p>'
    )
