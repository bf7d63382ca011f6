"""Map labels a student can trust: each beside its own marker (or joined to it by a leader line),
none over another label or marker, whole place names, forces beyond the edge named at the edge —
on both shipped scenarios and a crowded strait, at three window sizes and both text sizes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.client.app import App
from game.client.maplabels import NEAR, gap_between
from game.client.session import Session
from game.client.turn import TurnScreen
from game.engine.game import Game
from game.scenario.loader import load_scenario

PROJECT = Path(__file__).resolve().parents[1]
SIZES = [(1024, 600), (1280, 720), (1920, 1080)]

# A crowded strait: eleven places within a few degrees, most of them holding forces of two sides.
STRAIT_PLACES = [
    ("taipei", "Taipei", 25.03, 121.56, "TWN"),
    ("taichung", "Taichung", 24.15, 120.67, "TWN"),
    ("kaohsiung", "Kaohsiung naval base", 22.62, 120.30, "TWN"),
    ("hualien", "Hualien air base", 23.98, 121.60, "TWN"),
    ("penghu", "Penghu islands", 23.57, 119.58, "TWN"),
    ("kinmen", "Kinmen", 24.44, 118.38, "TWN"),
    ("matsu", "Matsu islands", 26.16, 119.95, "TWN"),
    ("xiamen", "Xiamen", 24.48, 118.09, "CHN"),
    ("fuzhou", "Fuzhou", 26.07, 119.30, "CHN"),
    ("pingtan", "Pingtan island", 25.50, 119.79, "CHN"),
    ("shantou", "Shantou", 23.35, 116.68, "CHN"),
]


def strait_scenario() -> str:
    """The tiny scenario moved to the Taiwan Strait: Blue holds Taiwan, Red the mainland coast."""
    import yaml

    from tests.window_fixtures import TINY

    tree = yaml.safe_load(TINY)
    tree.pop("map")
    tree["actors"][0]["countries"] = ["TWN"]
    tree["actors"][1]["countries"] = ["CHN"]
    tree["places"] = [
        {"id": i, "name": n, "lat": lat, "lon": lon, "country": c} for i, n, lat, lon, c in STRAIT_PLACES
    ]
    forces = []
    for n, (place, *_rest) in enumerate(STRAIT_PLACES):
        owner = "red" if place in ("xiamen", "fuzhou", "pingtan", "shantou") or n % 3 == 0 else "blue"
        forces.append(
            {
                "id": f"f{n}",
                "owner": owner,
                "name": f"Unit {n}",
                "type": "naval",
                "size": 1000 * (n + 1),
                "home": place,
            }
        )
    forces += [
        {
            "id": "blue_brigade",
            "owner": "blue",
            "name": "Blue brigade",
            "type": "mechanised",
            "size": 1700,
            "home": "kinmen",
        },
        {
            "id": "red_army",
            "owner": "red",
            "name": "Red army",
            "type": "ground",
            "size": 100000,
            "home": "xiamen",
        },
    ]
    tree["forces"] = forces
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    return text.replace("to: harbour", "to: kinmen").replace("harbour: open", "harbour: open")


def _scenario_files(tmp_path: Path) -> list[Path]:
    strait = tmp_path / "strait.yaml"
    strait.write_text(strait_scenario(), encoding="utf-8")
    return [
        PROJECT / "scenarios" / "eastern_flank_2022.yaml",
        PROJECT / "scenarios" / "cuba_1962.yaml",
        strait,
    ]


def _turn(path: Path, size: tuple[int, int], large: bool) -> tuple[App, TurnScreen]:
    pygame.display.quit()
    pygame.display.init()
    app = App(size, large, path.parent)
    scenario = load_scenario(path)
    humans = tuple(a.id for a in scenario.playable_actors)
    session = Session(Game.new(scenario, seed=7, humans=humans), autosave=False)
    for side in humans:  # one turn played, so last turn's moves are drawn as arrows
        moving = [
            s.option.id for s in session.game.options_for(side) if s.available and s.option.effects.moves
        ]
        session.order(side, moving[0] if moving else session.game.computer_choice(side).option_id)
    session.resolve()
    turn = TurnScreen(app, session, humans[0])
    app.stack = [turn]
    return app, turn


# The fast run draws the most crowded map (the smallest window, large text) and the default window; the
# other four size and text pairs are marked slow.
FAST_LAYOUTS = {((1024, 600), True), ((1280, 720), False)}
LAYOUTS = [
    pytest.param(
        size,
        large,
        id=f"{size[0]}x{size[1]}-{'large-text' if large else 'normal'}",
        marks=() if (size, large) in FAST_LAYOUTS else pytest.mark.slow,
    )
    for size in SIZES
    for large in (False, True)
]


@pytest.mark.parametrize(("size", "large"), LAYOUTS)
def test_map_labels_never_overlap_and_stay_with_their_markers(tmp_path, monkeypatch, size, large):
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    for path in _scenario_files(tmp_path):
        app, turn = _turn(path, size, large)
        app.render()
        labels = turn.map.labels
        map_rect = turn.regions["map"]
        assert labels, path.name
        for i, label in enumerate(labels):
            assert map_rect.contains(label.rect), (path.name, label.lines)
            for other in labels[i + 1 :]:
                assert not label.rect.colliderect(other.rect), (path.name, label.lines, other.lines)
            if label.kind.startswith("country"):
                continue
            assert label.leader or gap_between(label.rect, label.marker) <= NEAR, (path.name, label.lines)
        # Marks are never covered: no label sits on another place's marker.
        markers = [lab.marker for lab in labels if lab.marker.width]
        for label in labels:
            for marker in markers:
                assert marker is label.marker or not label.rect.colliderect(marker), (path.name, label.lines)
    pygame.display.quit()


def test_place_names_are_whole_and_short_names_are_used(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    app, turn = _turn(PROJECT / "scenarios" / "cuba_1962.yaml", (1280, 720), False)
    app.render()
    shown = [line for label in turn.map.labels for line in label.lines]
    # Three places once all read "Missile sites"; now each keeps its own name.
    assert "San Cristóbal sites" in shown and "Sagua la Grande sites" in shown
    assert "Missile sites" not in shown
    pygame.display.quit()


def test_forces_beyond_the_edge_are_named_at_the_edge(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    app, turn = _turn(PROJECT / "scenarios" / "eastern_flank_2022.yaml", (1280, 720), False)
    app.render()
    edge = [label for label in turn.map.labels if label.kind == "edge"]
    assert edge, "the forces still at Fort Bragg are shown at the map's edge"
    lines = edge[0].lines
    assert lines[-1] == "off the map: Fort Bragg"
    assert any(line.startswith("US ") and ":" in line for line in lines[:-1])  # the force itself is named
    map_rect = turn.regions["map"]
    assert edge[0].marker.left - map_rect.left < 40 or map_rect.right - edge[0].marker.right < 40
    pygame.display.quit()


def test_the_map_layer_is_placed_once_until_the_forces_or_the_size_change(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    app, turn = _turn(PROJECT / "scenarios" / "eastern_flank_2022.yaml", (1280, 720), False)
    first = app.render().shown_text()
    app.render()
    second = app.render().shown_text()
    assert turn.map.dynamic_renders == 1
    assert "Russia 100k" in second and first == second  # the cached layer still reports what it shows
    app.resize((1024, 600))
    app.render()
    assert turn.map.dynamic_renders == 2
    # The next turn's screen is a new one: it draws its own forces, on the outlines already drawn.
    following = TurnScreen(app, turn.session, turn.side)
    app.stack = [following]
    assert "Russia 100k" in app.render().shown_text()
    assert following.map.static_renders == 0 and following.map.dynamic_renders == 1
    pygame.display.quit()


def test_a_move_from_beyond_the_edge_is_short_and_says_where_it_came_from(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    pygame.display.quit()
    pygame.display.init()
    app = App((1280, 720), False, PROJECT / "scenarios")
    scenario = load_scenario(PROJECT / "scenarios" / "eastern_flank_2022.yaml")
    session = Session(Game.new(scenario, seed=7, humans=("us",)), autosave=False)
    session.order("us", "us_82nd_to_poland")  # from Fort Bragg, far beyond the map's western edge
    session.resolve()
    turn = TurnScreen(app, session, "us")
    app.stack = [turn]
    app.render()
    came = [label for label in turn.map.labels if label.kind == "from"]
    # The paratroopers to Rzeszów and the corps staff to Wiesbaden: an arrow and a label each.
    assert came and all(label.lines == ["from Fort Bragg"] for label in came)
    map_rect = turn.regions["map"]
    # Each arrow's tail lies inside the map, its label too: no line drawn across the whole map from its edge.
    assert all(map_rect.contains(label.marker) and map_rect.contains(label.rect) for label in came)
    pygame.display.quit()
