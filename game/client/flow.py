"""Which screen comes next in a game: hand-off, turn, resolution or end.

Kept in one place so each screen only says "my part is done".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.client.screen import Screen

if TYPE_CHECKING:
    from game.client.app import App
    from game.client.session import Session


def next_screen(app: App, session: Session) -> Screen:
    """The screen for whoever must act now; resolves the turn once every human side has ordered."""
    from game.client.end import EndScreen
    from game.client.handoff import HandOffScreen
    from game.client.resolution import ResolutionScreen
    from game.client.turn import TurnScreen

    if session.game.is_over:
        return EndScreen(app, session)
    side = session.waiting_for()
    if side is None:
        return ResolutionScreen(app, session, session.resolve())
    if session.hotseat:
        return HandOffScreen(app, session, side)
    return TurnScreen(app, session, side)
