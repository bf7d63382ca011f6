"""What a student reads in the window: text big enough for a classroom, headers that keep the date,
every option reachable from the keyboard, and a debrief that leads with its summary."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.client.app import App
from game.client.end import EndScreen
from game.client.session import Session
from game.client.theme import Theme
from game.client.turn import TurnScreen
from game.engine.game import Game
from game.scenario.loader import load_scenario

PROJECT = Path(__file__).resolve().parents[1]
SEED_SCENARIO = PROJECT / "scenarios" / "eastern_flank_2022.yaml"


def _window(size: tuple[int, int], large: bool = False) -> App:
    pygame.display.quit()
    pygame.display.init()
    return App(size, large, PROJECT / "scenarios")


def _key(app: App, key: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=""))
    app.pump()


def test_reading_text_is_big_enough_for_the_back_of_a_classroom():
    # "small" is what most reports are set in: it too must reach the sizes, not just "body".
    assert Theme(720).size("small") >= 16 and Theme(720).size("body") >= 16
    assert Theme(720, large=True).size("small") >= 22


def test_two_digits_typed_quickly_reach_option_ten_and_above(home):
    scenario = load_scenario(SEED_SCENARIO)
    app = _window((1280, 720))
    session = Session(Game.new(scenario, seed=1, humans=("russia",)), autosave=False)
    turn = TurnScreen(app, session, "russia")
    app.stack = [turn]
    app.render()
    assert len(turn.cards) >= 11, "Russia has eleven options"
    _key(app, pygame.K_1)
    _key(app, pygame.K_1)
    assert turn.focus == 10, "'1' then '1' is option 11, not option 1 twice"
    assert "1–11 (two digits quickly)" in app.render().shown_text()
    pygame.display.quit()


def test_a_narrow_header_drops_the_title_before_the_dates_year(home):
    scenario = load_scenario(SEED_SCENARIO)
    app = _window((1024, 600), large=True)
    session = Session(Game.new(scenario, seed=1, humans=("us",)), autosave=False)
    app.stack = [TurnScreen(app, session, "us")]
    painter = app.render()
    header = next(text for text in painter.record if text.startswith(("Eastern Flank", "Turn 1")))
    assert "2022" in header and "…" not in header
    pygame.display.quit()


def test_the_end_screen_leads_with_the_summary_and_keeps_every_change_one_key_away(home):
    scenario = load_scenario(SEED_SCENARIO)
    app = _window((1280, 720))
    session = Session(Game.new(scenario, seed=4, humans=()), autosave=False)
    while not session.game.is_over:
        session.resolve()
    end = EndScreen(app, session)
    app.stack = [end]
    shown = app.render().shown_text()
    assert "Why: The game ends" in shown and "The turning points" in shown
    seen = shown
    while end.debrief_pane.scroll(end.debrief_pane.rect.height // 2):  # read on, as a teacher scrolls
        seen += app.render().shown_text()
    assert (
        "Notes for the instructor" in seen and "Vice President" in seen
    )  # the article's error, for question 4
    _key(app, pygame.K_w)
    shown = app.render().shown_text()
    assert "Every change, and why" in shown and "Turn 1 · 2 February 2022" in shown
    pygame.display.quit()
