"""Build assets/map/countries.json from Natural Earth 1:110m country outlines.

Run once by a developer (not at game time):

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    python assets/map/make_map.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

The geopandas wheel is only a convenient, pinned carrier of the public-domain
`naturalearth_lowres` shapefile; we read the zip directly with `pyshp`
(`pip install pyshp`). Neither package is needed to play the game.

Output: every country of the world, rings simplified with
Douglas–Peucker and rounded to 0.01°, so the asset is small and fast to draw.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from game.client.geometry import Point, clip_ring

# The whole world: a scenario may be set anywhere (the Caribbean in 1962, the
# Taiwan Strait, ...), and at 1:110m the whole world is still a small file.
CLIP = (-180.0, 180.0, -90.0, 90.0)  # west, east, south, north
TOLERANCE = 0.04  # degrees; 1:110m data is already coarse
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres."
OUT = Path(__file__).resolve().parent / "countries.json"
# Natural Earth leaves some codes unset (-99); give them their usual user-assigned codes.
CODE_FIXES = {"Kosovo": "XKX", "N. Cyprus": "CYN", "France": "FRA", "Norway": "NOR"}


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative so long rings cannot hit the recursion limit."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / math.hypot(dx, dy)


def build(wheel: Path) -> dict:
    import shapefile  # pyshp: build-time only

    with zipfile.ZipFile(wheel) as zf:
        parts = {ext: io.BytesIO(zf.read(MEMBER + ext)) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(**parts, encoding="latin-1")
    countries = []
    for item in reader.iterShapeRecords():
        record, shape = item.record.as_dict(), item.shape
        west, south, east, north = shape.bbox
        if east < CLIP[0] or west > CLIP[1] or north < CLIP[2] or south > CLIP[3]:
            continue
        starts = list(shape.parts) + [len(shape.points)]
        rings = []
        for a, b in itertools.pairwise(starts):
            ring = clip_ring([tuple(p) for p in shape.points[a:b]], CLIP)
            ring = simplify(ring, TOLERANCE)
            ring = _dedupe([(round(x, 2), round(y, 2)) for x, y in ring])
            if len(ring) >= 4:
                rings.append([list(p) for p in ring])
        if rings:
            code = record["iso_a3"]
            if code == "-99":
                code = CODE_FIXES.get(record["name"], code)
            countries.append({"iso_a3": code, "name": record["name"], "rings": rings})
    countries.sort(key=lambda c: c["iso_a3"])
    return {
        "source": "Natural Earth 1:110m Admin 0 countries (naturalearth_lowres, via geopandas 0.14.4)",
        "licence": "public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
        "clip": {"west": CLIP[0], "east": CLIP[1], "south": CLIP[2], "north": CLIP[3]},
        "countries": countries,
    }


def _dedupe(ring: list[Point]) -> list[Point]:
    out: list[Point] = []
    for p in ring:
        if not out or out[-1] != p:
            out.append(p)
    return out


def main(argv: list[str]) -> int:
    wheel = Path(argv[1] if len(argv) > 1 else "/tmp/ne/geopandas-0.14.4-py3-none-any.whl")
    data = build(wheel)
    OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    points = sum(len(r) for c in data["countries"] for r in c["rings"])
    print(
        f"wrote {OUT.name}: {len(data['countries'])} countries, {points} points, {OUT.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
