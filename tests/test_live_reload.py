"""F5 in the window: the author edits the scenario file and sees the change without restarting.

Invalid: the located errors show over the current screen, and the game that
was running goes on unchanged. Valid: the orders given so far are replayed on
the new version, and the window shows it.
"""

from __future__ import annotations

import pygame

from game.client.reload import ReloadProblems
from game.client.turn import TurnScreen
from tests.window_fixtures import make_app, press, start_game, write_scenarios


def _game_after_one_turn(tmp_path):
    folder = write_scenarios(tmp_path / "scenarios")
    app = make_app(folder)
    start_game(app)
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)  # the turn is resolved
    press(app, pygame.K_RETURN)  # on to turn 2
    assert isinstance(app.top, TurnScreen)
    return app, folder / "tiny.yaml"


def test_f5_on_a_broken_file_shows_its_errors_and_the_old_game_goes_on(tmp_path, home):
    app, path = _game_after_one_turn(tmp_path)
    try:
        session = app.top.session
        before = session.game
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("category: signalling", "category: shouting", 1), encoding="utf-8")
        press(app, pygame.K_F5)
        assert isinstance(app.top, ReloadProblems)
        shown = app.shown_text()
        line = text[: text.index("category: signalling")].count("\n") + 1
        assert f"tiny.yaml:{line}:15: error: 'category' of option 'demand' is 'shouting'" in shown
        assert "The game goes on with the version loaded before" in shown
        assert session.game is before and len(before.history) == 1
        press(app, pygame.K_ESCAPE)
        assert isinstance(app.top, TurnScreen) and app.top.game is before
    finally:
        pygame.display.quit()


def test_f5_on_a_valid_change_replays_the_orders_on_the_new_version(tmp_path, home):
    app, path = _game_after_one_turn(tmp_path)
    try:
        session = app.top.session
        before = session.game
        text = path.read_text(encoding="utf-8")
        assert "label: Wait and see" in text
        path.write_text(text.replace("label: Wait and see", "label: Watch the harbour", 1), encoding="utf-8")
        press(app, pygame.K_F5)
        assert isinstance(app.top, TurnScreen)
        after = session.game
        assert after is not before and after.orders == before.orders and len(after.history) == 1
        assert after.scenario.option("wait").label == "Watch the harbour"
        shown = app.shown_text()
        assert "Watch the harbour" in shown and "Wait and see" not in shown
        assert "1 turn replayed on the new version" in shown
    finally:
        pygame.display.quit()
