"""Every screen reflows at classroom and desktop sizes, in normal and large text: no two areas
or controls overlap, and nothing is drawn outside the areas (no clipped-off text)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.client.app import App
from game.client.briefing import BriefingScreen
from game.client.dialog import confirm_leave
from game.client.end import EndScreen
from game.client.handoff import HandOffScreen
from game.client.layout import overlaps
from game.client.resolution import ResolutionScreen
from game.client.session import Session
from game.client.title import TitleScreen
from game.client.turn import TurnScreen
from game.engine.game import Game
from tests.window_fixtures import TINY, write_scenarios

pytestmark = pytest.mark.slow  # every screen at three sizes and two text sizes: seconds in all

PROJECT = Path(__file__).resolve().parents[1]
SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


def screens(app: App) -> list:
    """One of each screen, from a classroom game of the first playable scenario."""
    title = TitleScreen(app)
    scenario = title.chosen.scenario
    humans = tuple(a.id for a in scenario.playable_actors)
    session = Session(Game.new(scenario, seed=3, humans=humans), hotseat=True, autosave=False)
    briefing = BriefingScreen(app, session)
    for side in humans:
        session.order(side, session.game.computer_choice(side).option_id)
    record = session.resolve()
    handoff = HandOffScreen(app, session, humans[0])
    turn = TurnScreen(app, session, humans[0])
    turn.selected = next(s.option.id for s in turn.statuses if s.available)
    resolution = ResolutionScreen(app, session, record)
    ended = Session(Game.new(scenario, seed=3, humans=()), autosave=False)
    while not ended.game.is_over:
        ended.resolve()
    return [title, briefing, handoff, turn, resolution, EndScreen(app, ended), confirm_leave(app)]


def crowded_scenario() -> str:
    """The tiny scenario with six more playable sides, each with a long name: the title's side list,
    the meters and the resolution must still fit."""
    import yaml

    tree = yaml.safe_load(TINY)
    for n in range(6):
        ident = f"extra{n}"
        tree["actors"].append(
            {
                "id": ident,
                "name": f"Provisional Coordinating Council of Region Number {n + 1}",
                "short_name": f"Region {n + 1}",
                "colour": "#009e73",
                "playable": True,
                "meters": [
                    {
                        "id": "support",
                        "name": "Public support for the council",
                        "min": 0,
                        "max": 100,
                        "start": 50,
                    }
                ],
                "reactions": {"crossed": {"tension": 1}},
            }
        )
        tree["positions"].append(
            {
                "actor": ident,
                "issue": "harbour",
                "strength": 1,
                "preferred": ["open"],
                "evidence": [
                    {
                        "speaker": f"Council {n + 1}",
                        "source": "article",
                        "paraphrase": "The council wants the harbour open.",
                    }
                ],
            }
        )
        tree["options"].append(
            {
                "id": f"{ident}_wait",
                "actor": ident,
                "category": "diplomatic",
                "label": "Issue a long statement calling on every side to keep the harbour open",
                "effects": {"meters": {f"{ident}.support": 1}},
            }
        )
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


def unbroken_scenario() -> str:
    """The tiny scenario with words too long for any line: a 120-letter team name, a 300-letter option,
    a 900-letter quote. They must be broken, never drawn past their panels."""
    text = TINY
    for old, new in [
        ("label: Send the brigade to the harbour", 'label: "' + "Supercalifragilistic" * 15 + '"'),
        ("name: Blue Republic", 'name: "' + "Ż" * 120 + '"'),
        ('quote: "Our concerns were overlooked."', 'quote: "' + "Q" * 900 + '"'),
        ('summary: "Blue and Red argue over a harbour; Grey watches."', 'summary: "' + "Y" * 600 + '"'),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture(params=["seed", "cuba", "tiny", "crowded", "unbroken"])
def scenario_dir(request, tmp_path, monkeypatch):
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    if request.param == "seed":
        return PROJECT / "scenarios"
    if request.param == "cuba":  # the second shipped crisis, alone so it is the one played
        folder = tmp_path / "scenarios"
        folder.mkdir()
        (folder / "cuba_1962.yaml").write_bytes((PROJECT / "scenarios" / "cuba_1962.yaml").read_bytes())
        return folder
    if request.param in ("crowded", "unbroken"):
        folder = tmp_path / "scenarios"
        folder.mkdir()
        make = crowded_scenario if request.param == "crowded" else unbroken_scenario
        (folder / f"{request.param}.yaml").write_text(make(), encoding="utf-8")
        return folder
    return write_scenarios(tmp_path / "scenarios")


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_reflows_without_overlap_or_overflow(scenario_dir, size, large):
    pygame.display.quit()
    pygame.display.init()
    app = App((800, 500), large, scenario_dir)
    app.resize(size)  # as a window manager would: the layout must follow
    window = pygame.Rect((0, 0), size)
    for screen in screens(app):
        app.stack = [screen]
        painter = app.render()
        name = type(screen).__name__
        regions = list(screen.regions.values())
        assert all(window.contains(r) for r in regions), (name, screen.regions)
        assert not overlaps(regions), (name, overlaps(regions))
        visible = [r for r in map(screen.hit_rect, screen.controls) if r.width and r.height]
        assert all(window.contains(r) for r in visible), name
        assert not overlaps(visible), (name, overlaps(visible))
        areas = [r.inflate(4, 4) for r in regions] or [window]
        stray = [
            (text, rect)
            for text, rect in zip(painter.record, painter.text_rects, strict=True)
            if not any(a.contains(rect) for a in areas)
        ]
        assert not stray, (name, stray[:3])
        # Nothing covers text: a string that touches a control lies wholly inside it (its own caption).
        covered = [
            (text, rect)
            for text, rect in zip(painter.record, painter.text_rects, strict=True)
            if any(rect.colliderect(c) and not c.contains(rect) for c in visible)
        ]
        assert not covered, (name, covered[:3])
    pygame.display.quit()


def test_resizing_the_window_reflows_the_turn_screen(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    pygame.display.quit()
    pygame.display.init()
    app = App((1280, 720), False, write_scenarios(tmp_path / "scenarios"))
    app.stack = [screens(app)[3]]
    app.render()
    before = dict(app.top.regions)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=600, size=(1024, 600)))
    app.pump()
    assert app.window.get_size() == (1024, 600)
    assert app.top.regions["map"] != before["map"]
    assert app.top.regions["footer"].bottom == 600
    pygame.display.quit()


def test_force_size_labels_keep_whole_thousands():
    from game.client.mapview import size_label

    assert [size_label(n) for n in (0, 350, 1000, 1700, 30_000, 100_000, 2_000_000)] == [
        "",
        "350",
        "1k",
        "1.7k",
        "30k",
        "100k",
        "2M",
    ]


def _asian_tiny() -> str:
    """The tiny scenario moved to the South China Sea, with no `map` bounds and both sides at one reef."""
    text = TINY.replace("map: {west: 10, east: 40, south: 40, north: 58}\n", "")
    for old, new in [
        (
            '"Mihail Kogălniceanu, Romania", lat: 44.36, lon: 28.49, country: ROU',
            '"Scarborough Shoal", lat: 15.15, lon: 117.76',
        ),
        ('"Vilseck, Germany", lat: 49.61, lon: 11.80, country: DEU', '"Manila", lat: 14.6, lon: 121.0'),
        ('"Belgorod, Russia", lat: 50.6, lon: 36.6, country: RUS', '"Hainan", lat: 19.2, lon: 109.7'),
        ("home: border, at: border", "home: border, at: harbour"),
        ("home: base, at: base", "home: base, at: harbour"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    return text


def _turn_screen(tmp_path: Path, monkeypatch, text: str, size: tuple[int, int], large: bool):
    """A window on the turn screen of a one-file scenario folder holding `text`."""
    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    pygame.display.quit()
    pygame.display.init()
    app = App(size, large, folder)
    turn = screens(app)[3]
    app.stack = [turn]
    return app, turn


def test_a_scenario_without_map_bounds_is_drawn_around_its_own_places(tmp_path, monkeypatch):
    app, turn = _turn_screen(tmp_path, monkeypatch, _asian_tiny(), (1280, 720), False)
    painter = app.render()
    shown = dict(zip(painter.record, painter.text_rects, strict=True))
    map_rect = turn.regions["map"]
    assert "Off the map:" not in shown  # every force is in view, none listed aside
    for name in ("Manila", "Hainan", "Scarborough Shoal"):
        assert name in shown and map_rect.contains(shown[name]), name
    # Two sides at one reef: one label lists both, so neither covers the other.
    blue = next(t for t in shown if t.startswith("Blue ") and t.endswith("1.7k"))
    red = next(t for t in shown if t.startswith("Red ") and t.endswith("100k"))
    assert not shown[blue].colliderect(shown[red])
    assert shown[red].top >= shown[blue].bottom - 2 or shown[blue].top >= shown[red].bottom - 2
    pygame.display.quit()


def test_every_sides_meters_show_even_when_many_sides_crowd_a_small_window(tmp_path, monkeypatch):
    app, turn = _turn_screen(tmp_path, monkeypatch, crowded_scenario(), (1024, 600), True)
    shown = app.render().shown_text()
    for actor in turn.scenario.actors:
        if actor.meters:  # one line per meter, the side named at its start
            assert f"{actor.short_name} · " in shown, actor.id
    pygame.display.quit()
