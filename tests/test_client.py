"""The Pygame client driven as a player would: keys and clicks posted as events, screens read back
from the text each frame actually drew.

Runs headless (dummy video driver). A tiny scenario written here keeps these
tests independent of the seed scenario's content.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pygame
import pytest

from game.client import theme as th
from game.client.app import App
from game.client.briefing import BriefingScreen
from game.client.dialog import ConfirmDialog
from game.client.end import EndScreen
from game.client.handoff import HandOffScreen
from game.client.launch import NO_DISPLAY, display_problem
from game.client.resolution import ResolutionScreen
from game.client.text import Backdrop, Painter
from game.client.title import TitleScreen
from game.client.turn import TurnScreen
from game.client.widgets import Button
from tests.window_fixtures import TINY, button, make_app, press, start_game, tab_to, write_scenarios

PROJECT = Path(__file__).resolve().parents[1]


# -------------------------------------------------------------------- stories
def test_a_solo_game_from_title_to_end_through_the_real_screens(app, home):
    assert "Tiny Crisis" in app.shown_text()
    start_game(app)
    turn = app.top
    assert isinstance(turn, TurnScreen) and turn.side == "blue"
    assert "Send the brigade to the harbour" in app.shown_text()
    assert (home / "saves" / "autosave.json").exists(), "a new game is saved before its first turn"

    press(app, pygame.K_1)  # pick the first option...
    press(app, pygame.K_RETURN)  # ...Enter again sends it
    resolution = app.top
    assert isinstance(resolution, ResolutionScreen)
    shown = app.shown_text()
    crossed = [c for c in resolution.record.changes if c.reason.verdict == "red_line"]
    assert crossed, "the harbour order crosses Red's stated red line"
    # What mattered most comes first, in one sentence with its why; each side's order beside it.
    assert "Blue's order “Send the brigade to the harbour” crossed Red's red line" in shown
    assert "“Send the brigade to the harbour”" in shown and "Blue Republic (your team)" in shown
    assert "The turn in sum" in shown and f"Tension {resolution.record.tension_before} → " in shown
    press(app, pygame.K_w)  # the full causal chains, one key away
    shown = app.shown_text()
    assert "Blue Republic: “Send the brigade to the harbour”" in shown
    # under the order, how it reads to Red: a signal (the order moves no issue), not a fact
    assert "Signals “" in shown and ", across Red's red line (" in shown, (
        "under the order, how it reads to Red"
    )
    assert "Our concerns were overlooked." in shown, "the reaction quotes the position it crossed"

    turns = 1
    while not isinstance(app.top, EndScreen):
        press(app, pygame.K_RETURN)  # resolution → next turn (or the end)
        if isinstance(app.top, TurnScreen):
            press(app, pygame.K_2)
            press(app, pygame.K_s)
            turns += 1
        assert turns < 10
    shown = app.shown_text()
    assert "Outcome:" in shown and "Tension over time" in shown
    assert "What really happened" in shown and "In the real crisis it came to war." in shown
    assert "Turn 1" in shown, "the timeline lists the orders"

    outcome = app.top.game.outcome.title
    press(app, pygame.K_RETURN)  # the end screen's Enter: back to the title
    assert isinstance(app.top, TitleScreen)
    assert f"Review the last game: Tiny Crisis, {outcome}" in app.shown_text(), (
        "not 'Continue' a finished game"
    )
    press(app, pygame.K_c)
    assert isinstance(app.top, EndScreen), "a finished game reopens on its debrief"


def test_enter_on_the_title_starts_the_chosen_scenario_as_the_start_button_says(app):
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, BriefingScreen)


def test_briefing_shows_quotes_as_quotes_and_paraphrases_as_paraphrases(app):
    tab_to(app, button("Start"))
    press(app, pygame.K_RETURN)
    shown = app.shown_text()
    # First the positions as one table, with marks and words; the speakers' own words one key away.
    assert "✔ wants · ≈ accepts · ✖ red line" in shown
    assert "Open to all: ✔ wants: Blue · ✖ red line: Red" in shown
    press(app, pygame.K_q)
    shown = app.shown_text()
    assert "“Our concerns were overlooked.” — Red Leader" in shown
    assert "Paraphrase (our words, not a quotation): The harbour stays open. — Blue Spokesman" in shown
    assert "Kogălniceanu" in shown and "Błaszczak" in shown


def test_hot_seat_hides_each_teams_order_from_the_next_team(app):
    start_game(app, classroom=True)
    assert isinstance(app.top, HandOffScreen) and app.top.side == "blue"
    assert "Pass the keyboard to Team Blue Republic" in app.shown_text()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_1)
    press(app, pygame.K_s)
    assert isinstance(app.top, HandOffScreen) and app.top.side == "red"
    assert "Send the brigade" not in app.shown_text()
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, TurnScreen) and app.top.side == "red"
    assert "Send the brigade" not in app.shown_text()
    press(app, pygame.K_2)
    press(app, pygame.K_s)
    assert isinstance(app.top, ResolutionScreen)
    assert "Send the brigade to the harbour" in app.shown_text() and "Talk" in app.shown_text()


def test_focusing_or_hovering_a_card_shows_how_others_read_it(app):
    start_game(app)
    turn = app.top
    sentence = turn.game.readings("reinforce")[0].sentence
    press(app, pygame.K_DOWN)  # focus moves to "Wait and see": no stance, no readings
    assert sentence not in app.shown_text()
    card = turn.cards[0]
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=card.rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    app.pump()
    assert sentence in app.shown_text()


def test_an_unavailable_option_is_greyed_with_its_reason_and_cannot_be_sent(app):
    start_game(app)
    press(app, pygame.K_1)
    press(app, pygame.K_s)
    press(app, pygame.K_RETURN)  # next turn: "reinforce" was once-only
    turn = app.top
    assert isinstance(turn, TurnScreen)
    assert not turn.cards[0].status.available
    press(app, pygame.K_1)
    assert turn.selected is None
    assert f"Not available: {turn.cards[0].status.reason}" in app.shown_text()


def test_escape_asks_before_leaving_and_the_game_can_be_continued(app):
    start_game(app)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, ConfirmDialog) and app.running
    assert "Leave this game?" in app.shown_text()
    press(app, pygame.K_ESCAPE)  # Esc in the question means "stay"
    assert isinstance(app.top, TurnScreen)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_y)
    assert isinstance(app.top, TitleScreen) and app.running
    assert "Continue: Tiny Crisis" in app.shown_text()
    press(app, pygame.K_c)
    assert isinstance(app.top, TurnScreen) and app.top.game.state.turn == 1


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        "[1, 2, 3]",
        '{"turns": 5}',
        (
            '{"format": "brinkmanship-save", '
            '"version": 1, "scenario_id": "tiny_crisis", "seed": "x", "turns": []}'
        ),
    ],
)
def test_a_damaged_autosave_is_reported_on_the_title_and_never_crashes(tmp_path, home, damage):
    (home / "saves").mkdir(parents=True)
    (home / "saves" / "autosave.json").write_text(damage, encoding="utf-8")
    window = make_app(write_scenarios(tmp_path / "scenarios"))
    try:
        press(window, pygame.K_c)
        assert isinstance(window.top, TitleScreen)
        press(window, pygame.K_RETURN)
        assert isinstance(window.top, BriefingScreen), "a new game can still be started"
    finally:
        pygame.display.quit()


def test_escape_on_the_title_and_closing_the_window_ask_first(app):
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, ConfirmDialog) and app.running
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.pump()
    assert isinstance(app.top, ConfirmDialog) and app.running
    press(app, pygame.K_y)
    assert not app.running


def test_an_invalid_scenario_file_is_listed_with_its_first_error(tmp_path, home):
    folder = write_scenarios(
        tmp_path / "scenarios",
        {
            "broken.yaml": "format: 1\nid: Broken Id\ntitle: [\n",
            "zz_other.yml": TINY.replace("Tiny Crisis", "Other Crisis"),
        },
    )
    app = make_app(folder)
    shown = app.shown_text()
    names = [e.path.name for e in app.top.entries]
    assert names == ["zz_other.yml", "tiny.yaml", "broken.yaml"], "playable first, by title; .yml counts too"
    assert "broken.yaml cannot be played" in shown
    assert "broken.yaml:" in shown and "error" in shown
    assert "Tiny Crisis" in shown, "the good file is still listed"
    broken = next(e for e in app.top.entries if e.path.name == "broken.yaml")
    chosen = app.top.chosen
    tab_to(app, lambda c: c is broken)
    press(app, pygame.K_RETURN)
    assert app.top.chosen is chosen and chosen.scenario is not None, "a broken file cannot be chosen"
    pygame.display.quit()


def test_large_text_and_fullscreen_keys(app):
    body = app.theme.size("body")
    press(app, pygame.K_F2)
    assert app.large_text and app.theme.size("body") > body
    press(app, pygame.K_F11)  # on the dummy driver this may be refused, never a crash
    press(app, pygame.K_F11)
    assert app.running


def test_redraws_reuse_cached_text_and_the_static_map_layer(app):
    start_game(app)
    turn = app.top
    app.render()
    misses = app.texts.misses
    app.render()
    assert app.texts.misses == misses
    assert turn.map.static_renders == 1


def _pixels_cached_and_afresh(app: App) -> tuple[bytes, bytes]:
    """The frame as drawn (cached backdrop, text pre-blended on plain grounds), then drawn again
    with every such cache bypassed: each part painted straight onto the window, text alpha-blended."""
    cached = pygame.image.tobytes(app.render().surface, "RGB")

    @contextmanager
    def no_ground(self: Painter, colour: object, rect: object) -> Iterator[None]:
        yield

    def afresh(
        self: Backdrop,
        p: Painter,
        key: object,
        paint: Callable[[Painter], None],
        area: object = None,
        *_: object,
        **__: object,
    ) -> None:
        if area is None:  # a pane (with an area) is painted straight over what the backdrop drew
            p.surface.fill(th.BACKGROUND)
        paint(p)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Painter, "on", no_ground)
        patch.setattr(Backdrop, "draw", afresh)
        return cached, pygame.image.tobytes(app.render().surface, "RGB")


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 600)])
def test_the_turn_screens_caches_never_change_a_pixel(app, size):
    """Focused, chosen, hovered, scrolled, with an error: the cached frame is the frame drawn afresh."""
    app.resize(size)
    start_game(app)
    turn = app.top
    assert len(set(_pixels_cached_and_afresh(app))) == 1
    press(app, pygame.K_1)  # chosen: a thicker border around the card
    turn.hover = turn.cards[-1]
    assert len(set(_pixels_cached_and_afresh(app))) == 1
    turn.card_pane.scroll(25)
    turn.detail_pane.scroll(40)
    turn.error = "Not available: a reason"
    assert len(set(_pixels_cached_and_afresh(app))) == 1
    assert turn.backdrop.renders == 1  # none of that repainted the panels, the header or the map
    panes = turn.cards_layer.renders, turn.details_layer.renders
    app.render()
    assert (turn.cards_layer.renders, turn.details_layer.renders) == panes  # nothing changed: kept
    turn.hover = turn.cards[0]
    assert len(set(_pixels_cached_and_afresh(app))) == 1  # the hover moved: both panes drawn anew


def test_idle_loop_does_not_redraw(app):
    frames = app.frames
    for _ in range(5):
        app.pump()
    assert app.frames == frames


# ---------------------------------------------------------------- start-up
def test_no_display_is_one_clear_line_and_no_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env["BRINKMANSHIP_HOME"] = str(tmp_path)
    run = subprocess.run(
        [sys.executable, "main.py"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 1
    assert run.stdout == "" and run.stderr.strip() == NO_DISPLAY
    assert "Traceback" not in run.stderr


def test_x11_is_preferred_when_a_display_exists():
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert display_problem(env, "linux") is None and env["SDL_VIDEODRIVER"] == "x11"
    assert display_problem({"SDL_VIDEODRIVER": "dummy"}, "linux") is None
    assert "Wayland" in display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert display_problem({}, "win32") is None


def test_screenshot_mode_writes_every_screen(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "SDL_VIDEODRIVER")}
    env["BRINKMANSHIP_HOME"] = str(tmp_path / "home")
    run = subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(tmp_path / "shots")],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    assert names == [
        "1-title.png",
        "10-whatif.png",
        "11-reads.png",
        "2-briefing.png",
        "3-handoff.png",
        "4-turn.png",
        "5-resolution.png",
        "6-end.png",
        "7-console.png",
        "8-help.png",
        "9-lesson-settings.png",
    ]
    assert not (tmp_path / "home" / "saves" / "autosave.json").exists(), "screenshots never touch saves"


def test_the_window_shows_before_the_scenario_files_are_read(tmp_path, home):
    pygame.display.quit()
    pygame.display.init()
    app = App((1280, 720), False, write_scenarios(tmp_path / "scenarios"))
    app.stack = [TitleScreen(app, lazy=True)]
    app.render()
    assert "Reading the scenario files…" in app.shown_text()
    app.pump()  # the loop reads them right after the first frame
    app.pump()
    assert "Tiny Crisis" in app.shown_text()
    pygame.display.quit()


def test_play_as_a_side_and_play_load_open_the_game_directly(tmp_path, home):
    from argparse import Namespace

    from game.client.launch import first_screen

    folder = write_scenarios(tmp_path / "scenarios")
    app = make_app(folder)
    args = Namespace(command="play", side="red", seed=5, load=None, scenario=str(folder / "tiny.yaml"))
    briefing = first_screen(app, args)
    assert isinstance(briefing, BriefingScreen) and briefing.game.humans == ("red",)
    saved = home / "saves" / "autosave.json"
    resumed = first_screen(
        app,
        Namespace(command="play", side=None, seed=None, load=str(saved), scenario=str(folder / "tiny.yaml")),
    )
    assert isinstance(resumed, TurnScreen) and resumed.side == "red"
    wrong = first_screen(
        app, Namespace(command="play", side="purple", seed=1, load=None, scenario=str(folder / "tiny.yaml"))
    )
    assert isinstance(wrong, str) and "purple" in wrong
    pygame.display.quit()


def test_play_with_a_scenario_file_from_elsewhere_lists_it_first_and_chosen(tmp_path, home):
    from argparse import Namespace

    from game.client.launch import first_screen

    elsewhere = tmp_path / "my-own" / "harbour.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(TINY.replace("Tiny Crisis", "My Own Crisis"), encoding="utf-8")
    app = make_app(write_scenarios(tmp_path / "scenarios"))
    title = first_screen(
        app, Namespace(command="play", side=None, seed=None, load=None, scenario=str(elsewhere))
    )
    app.stack, app.dirty = [title], True
    app.pump()  # the first frame, then the files are read
    app.pump()
    assert title.entries[0].path == elsewhere and title.chosen is title.entries[0]
    assert "My Own Crisis" in app.shown_text() and "Tiny Crisis" in app.shown_text()
    pygame.display.quit()


def test_a_button_too_narrow_for_its_label_keeps_its_key_hint(app):
    button = Button("Continue: A Scenario With A Rather Long Title Indeed, after turn 12", lambda: None, "C")
    painter = app.render()
    width = painter.text_width("Continue: A Scenario  [C]", "body", bold=True)
    caption = button.fitted_caption(painter, width)
    assert caption.startswith("Continue: A") and caption.endswith("…  [C]")
    assert painter.text_width(caption, "body", bold=True) <= width
    assert button.fitted_caption(painter, 10_000) == button.caption()


def test_the_title_says_what_the_chosen_scenario_holds_before_it_starts(app):
    scenario = app.top.chosen.scenario
    shown = app.shown_text()
    assert f"About “{scenario.title}”" in shown
    assert "Sides to play: " + ", ".join(a.short_name for a in scenario.playable_actors) + "." in shown
    assert f"at most {scenario.turn_limit} turns of {scenario.turn_days} days." in shown


def test_a_new_game_in_the_window_keeps_the_game_it_replaces(app, home):
    start_game(app)
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)  # one turn played: the autosave now holds a real game
    earlier = (home / "saves" / "autosave.json").read_text(encoding="utf-8")
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_y)  # back to the title
    tab_to(app, button("Start"))
    press(app, pygame.K_RETURN)  # a new game takes the autosave's place...
    kept = [p for p in (home / "saves").iterdir() if p.name.startswith("autosave-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == earlier, "...and the old one is kept"
    assert f"Your earlier game is kept as {kept[0]}" in app.shown_text()
    press(app, pygame.K_RETURN)  # the notice lasts one more screen, then goes
    press(app, pygame.K_RETURN)
    assert "Your earlier game is kept" not in app.shown_text()


def test_the_end_screen_saves_the_debrief_as_html_and_markdown(app, home):
    from game.client.session import Session
    from game.engine.game import Game

    scenario = app.top.chosen.scenario
    session = Session(Game.new(scenario, seed=2, humans=()), autosave=False)
    while not session.game.is_over:
        session.resolve()
    app.stack = [EndScreen(app, session)]
    app.pump()
    press(app, pygame.K_d)
    pages = sorted((home / "saves").glob("debrief-*.html"))
    notes = sorted((home / "saves").glob("debrief-*.md"))
    assert len(pages) == 1 and len(notes) == 1
    assert f"Debrief saved: {pages[0]}" in app.shown_text()
    page = pages[0].read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and session.game.outcome.title in page and "<svg" in page
    assert "Why did Red react?" in notes[0].read_text(encoding="utf-8"), "the questions travel with it"


def test_the_turn_is_played_when_the_last_team_sends_not_when_the_next_screen_is_worked_out(app):
    from game.client.flow import next_screen
    from game.client.session import Session
    from game.engine.game import Game

    session = Session(Game.new(app.top.chosen.scenario, seed=1, humans=("red",)), autosave=False)
    session.order("red", "talk")
    next_screen(app, session)
    assert session.game.history == [] and session.pending == {"red": "talk"}, "navigation changed the game"
    turn = TurnScreen(app, session, "red")
    session.pending.clear()
    turn.selected = "talk"
    shown = turn.cmd_send()
    assert isinstance(shown.screen, ResolutionScreen) and len(session.game.history) == 1
    assert session.pending == {}


def test_continue_says_why_when_the_saved_games_scenario_is_gone(app, tmp_path):
    start_game(app)  # the game is autosaved from its first screen
    (tmp_path / "scenarios" / "tiny.yaml").unlink()
    elsewhere = tmp_path / "other-scenarios"
    elsewhere.mkdir()
    title = make_app(elsewhere)
    press(title, pygame.K_c)
    assert isinstance(title.top, TitleScreen), "no game can be resumed without its scenario"
    shown = title.shown_text()
    assert "The saved game cannot be resumed" in shown and "tiny_crisis" in shown
