"""A lesson in the window, through the real screens: lesson settings, the clock, reasons typed, the
instructor console (news flash, undo, end now), help, pause, and secrecy between teams."""

from __future__ import annotations

import shutil

import pygame
import pytest

from game.client.console import ConsoleSheet, PauseSheet
from game.client.end import EndScreen
from game.client.handoff import HandOffScreen
from game.client.overlay import Sheet
from game.client.resolution import ResolutionScreen
from game.client.timer import TurnTimer
from game.client.turn import TurnScreen
from game.lesson.grading import csv_text, grade_rows
from game.lesson.report import report_page
from game.lesson.review import debrief_html
from tests.lesson_fixtures import SEED_SCENARIO
from tests.window_fixtures import button, make_app, press, tab_to


@pytest.fixture
def lesson(tmp_path, home):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(SEED_SCENARIO, folder)
    app = make_app(folder)
    yield app
    pygame.display.quit()


def type_text(app, text: str) -> None:
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    app.pump()


def start_lesson(app) -> None:
    """Classroom mode, a one-minute clock from the lesson settings, then Start and the briefing."""
    tab_to(app, lambda c: getattr(c, "label", "") == "Classroom")
    press(app, pygame.K_RETURN)
    press(app, pygame.K_l)
    assert isinstance(app.top, Sheet) and "Turn timer: off" in app.shown_text()
    press(app, pygame.K_RETURN)  # off → 1 min
    assert "Turn timer: 1 min per team" in app.shown_text()
    press(app, pygame.K_ESCAPE)
    tab_to(app, button("Start"))
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the briefing's Begin
    assert isinstance(app.top, HandOffScreen)


def step(app, key: int, seen: list[str]) -> None:
    """Press a key and keep the frame's text."""
    press(app, key)
    seen.append(app.shown_text())


def give_order(app, why: str, seen: list[str]) -> str:
    """From a team's hand-off to its order sent with a reason; every frame's text goes to `seen`."""
    step(app, pygame.K_RETURN, seen)
    if isinstance(app.top, Sheet):  # the team's private briefing, first turn only
        assert "only" in app.shown_text()
        step(app, pygame.K_RETURN, seen)
    turn = app.top
    assert isinstance(turn, TurnScreen)
    number = next(i for i, s in enumerate(turn.statuses, 1) if s.available)
    step(app, getattr(pygame, f"K_{number}"), seen)
    step(app, pygame.K_w, seen)
    type_text(app, why)
    assert why in app.shown_text()
    step(app, pygame.K_RETURN, seen)
    return turn.statuses[number - 1].option.label


def play_turn(app, turn: int, news: bool = False) -> None:
    """Every team orders with a reason; no frame after a team's order, before the resolution, shows it."""
    sent, seen = [], []
    while not isinstance(app.top, ResolutionScreen):
        assert isinstance(app.top, HandOffScreen)
        side = app.top.side
        if news and not sent:
            step(app, pygame.K_F9, seen)
            assert isinstance(app.top, ConsoleSheet)
            tab_to(app, lambda c: getattr(c, "label", "").startswith("Instructor-only news flash"))
            step(app, pygame.K_RETURN, seen)
            assert app.top.title.startswith("News flash:")
            step(app, pygame.K_RETURN, seen)
        why = f"zebra {side} {turn}"
        label = give_order(app, why, seen)
        sent.append((label, why, len(seen)))
    for label, why, after in sent:
        later = " ".join(seen[after:-1])  # up to, not including, the resolution
        assert label not in later and why not in later


def test_a_three_team_lesson_with_clock_reasons_news_undo_and_early_end(lesson):
    app = lesson
    start_lesson(app)
    session = app.top.session
    assert session.timer.limit == 60 and session.game.settings["timer_minutes"] == 1
    play_turn(app, 1, news=True)
    shown = app.shown_text()
    assert "News flash" in shown and "zebra us 1" in shown, "the resolution reveals every reason"
    press(app, pygame.K_RETURN)
    # The instructor takes the turn back: every team orders again.
    press(app, pygame.K_RETURN)  # US's hand-off → its turn, where the clock runs
    assert isinstance(app.top, TurnScreen) and session.timer.started is not None
    assert "0:" in app.shown_text() or "1:00" in app.shown_text()
    press(app, pygame.K_F9)
    tab_to(app, button("Undo turn 1"))
    press(app, pygame.K_RETURN)
    assert session.game.history == [] and isinstance(app.top, HandOffScreen)
    play_turn(app, 1)
    press(app, pygame.K_RETURN)
    play_turn(app, 2)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_F9)
    tab_to(app, button("End the game now"))
    press(app, pygame.K_RETURN)
    press(app, pygame.K_y)
    assert isinstance(app.top, EndScreen) and session.game.is_over and len(session.game.history) == 2
    every = [f"zebra {s} {t}" for s in ("us", "nato", "russia") for t in (1, 2)]
    game = session.game
    for text in (csv_text(grade_rows(game)), report_page([("class", game)]), debrief_html(game)):
        assert all(why in text for why in every)


def test_pause_covers_the_turn_and_stops_the_clock(lesson):
    app = lesson
    start_lesson(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # private briefing
    turn = app.top
    now = [100.0]
    turn.session.timer = TurnTimer(limit=60, clock=lambda: now[0])
    turn.session.timer.restart()
    now[0] = 110.0
    press(app, pygame.K_F6)
    assert isinstance(app.top, PauseSheet) and "Paused" in app.shown_text()
    assert turn.statuses[0].option.label not in app.shown_text(), "the pause covers the team's options"
    now[0] = 500.0
    assert turn.session.timer.remaining() == 50
    press(app, pygame.K_F6)
    assert app.top is turn and turn.session.timer.remaining() == 50
    now[0] = 560.0
    assert turn.session.timer.label().startswith("Time is up"), "it warns, and the turn stays the team's"
    assert app.top is turn


def test_help_opens_on_f1_and_on_question_mark_but_not_while_typing_a_reason(lesson):
    app = lesson
    press(app, pygame.K_F1)
    assert "F9: the instructor console" in app.shown_text()
    press(app, pygame.K_ESCAPE)
    start_lesson(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_w)
    press(app, pygame.K_SLASH, mod=pygame.KMOD_SHIFT)
    assert isinstance(app.top, TurnScreen), "a '?' typed in the reason is a character"
    type_text(app, "why not?")
    assert app.top.why.text == "why not?"
    press(app, pygame.K_TAB)
    press(app, pygame.K_SLASH, mod=pygame.KMOD_SHIFT)
    assert isinstance(app.top, Sheet) and app.top.title == "Keys and commands"


@pytest.mark.parametrize("scenario_file", ["eastern_flank_2022.yaml", "cuba_1962.yaml"])
def test_the_console_fits_a_small_window_in_large_text(tmp_path, home, scenario_file):
    """Every news flash of the scenario has its button, inside the window, none over another."""
    from game.client.session import Session
    from game.engine.game import Game
    from game.scenario.loader import load_scenario

    scenario = load_scenario(SEED_SCENARIO.parent / scenario_file)
    app = make_app(SEED_SCENARIO.parent, size=(1024, 600), large=True)
    humans = tuple(a.id for a in scenario.playable_actors)
    session = Session(Game.new(scenario, seed=1, humans=humans, classroom=True), hotseat=True, autosave=False)
    app.stack = [TurnScreen(app, session, humans[0])]
    press(app, pygame.K_F9)
    sheet = app.top
    assert isinstance(sheet, ConsoleSheet)
    window = app.window.get_rect()
    rects = [b.rect for b in sheet.buttons]
    assert len(rects) == len(scenario.injects) + 4
    assert all(window.contains(r) for r in rects)
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    pygame.display.quit()


def test_an_order_entered_mid_turn_is_saved_and_stays_unseen_when_the_game_is_continued(lesson, tmp_path):
    from game.client.title import TitleScreen
    from game.paths import autosave_path
    from game.savefiles import read_save

    app = lesson
    start_lesson(app)
    label = give_order(app, "zebra us secret", [])
    saved = read_save(autosave_path())
    assert set(saved["pending_orders"]) == {"us"} and saved["pending_rationales"] == {"us": "zebra us secret"}
    # The window closes; a new one continues the autosave.
    again = make_app(tmp_path / "scenarios")
    assert isinstance(again.top, TitleScreen)
    press(again, pygame.K_c)
    assert isinstance(again.top, HandOffScreen) and again.top.side == "nato"
    shown = again.shown_text()
    assert "US" in shown and label not in shown and "zebra us secret" not in shown
    pygame.display.quit()


def test_what_if_from_the_end_screen_shows_both_timelines(lesson):
    from game.client.session import Session
    from game.client.whatif import WhatIfScreen
    from tests.lesson_fixtures import class_game

    app = lesson
    game = class_game(seed=1, turns=20)
    assert game.is_over
    app.stack = [EndScreen(app, Session(game, hotseat=True, autosave=False))]
    press(app, pygame.K_r)
    press(app, pygame.K_RETURN)  # "Replay and compare" has the focus
    assert isinstance(app.top, WhatIfScreen)
    shown = app.shown_text()
    assert "≠" in shown and "As played" in shown and "What if" in shown
    branch = app.top.result.branch
    last = len(game.history)
    assert [s.to_json() for s in branch.states[:last]] == [s.to_json() for s in game.states[:last]]
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, EndScreen)
