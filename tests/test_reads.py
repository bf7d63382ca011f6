"""What players see of hidden types (issue 8): each side sees only its own read, in words and as a
share; reactions never give the true type away before the debrief; the debrief reveals the types
and what every side believed; an instructor may fix a type."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.client.app import App
from game.client.overlay import Sheet
from game.client.session import Session
from game.client.turn import TurnScreen
from game.engine.game import Game
from game.engine.readings import STRENGTH_WORDS
from game.engine.records import RED_LINE
from game.lesson.reveal import reveal_lines
from game.scenario.loader import load_scenario
from game.text_views import chain_lines, end_lines, record_lines
from tests.cli_fixtures import run_here

ROOT = Path(__file__).resolve().parents[1]
EASTERN_FLANK = ROOT / "scenarios" / "eastern_flank_2022.yaml"
REACTIONS = ("reaction_crossed", "reaction_honoured", "red_line_response", "demand_met")


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(EASTERN_FLANK)


def _play(scenario, kind: str, turns: int = 8, seed: int = 5) -> Game:
    game = Game.new(scenario, seed=seed, humans=("us",), types={"russia": kind})
    for _ in range(turns):
        if game.is_over:
            break
        game.play_turn({"us": game.computer_choice("us").option_id})
    return game


# ------------------------------------------------------------------ the terminal
@pytest.mark.parametrize(
    "kind, name", [("revisionist", "revisionist"), ("security_seeking", "security-seeking")]
)
def test_the_terminal_shows_the_own_read_and_keeps_the_type_hidden_until_the_debrief(tmp_path, kind, name):
    # Intelligence first (10: make it public), so the read moves whatever Russia does next.
    orders = "reads\n" + "10\n" + "reads\n" + "7\n" * 12
    result = run_here(
        ["play", "--text", "--as", "us", "--seed", "4", "--hidden", f"russia={kind}"],
        stdin=orders,
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    during, _, after = out.partition("Hidden aims, revealed:")
    assert after, "the debrief reveals the hidden aims"
    assert "Russia's aims are hidden: security-seeking or revisionist?" in during
    assert "Your read of Russia:" in during and " %" in during
    assert "Russia: security-seeking " in during or "Russia: revisionist " in during, (
        "'reads' gives each share"
    )
    assert "by turn:" in during
    # Nothing before the end says what Russia truly is, nor how the computer is tempered.
    assert "Russia was" not in during and "set by the instructor" not in during
    assert "(cautious)" not in during and "(hard-line)" not in during
    assert f"Russia was {name} (set by the instructor)" in after
    assert "US and NATO believed it" in after and "at the start" in after and "at the end" in after


def test_a_hidden_type_that_does_not_exist_is_refused_with_the_known_ones(tmp_path):
    result = run_here(["play", "--text", "--as", "us", "--hidden", "russia=hawk"], stdin="q\n", home=tmp_path)
    assert result.returncode != 0
    assert "unknown type 'hawk' for russia (known: security_seeking, revisionist)" in result.stderr


# ------------------------------------------------------------------ reactions
@pytest.mark.parametrize("kind", ["revisionist", "security_seeking"])
def test_reactions_during_play_are_worded_against_the_stated_positions(scenario, kind):
    """Every reason a player reads for a Russian reaction names at most what Russia stated: its stated
    verdict and strength, or no verdict at all."""
    game = _play(scenario, kind)
    for record in game.history:
        stated = record.scenario
        for change in record.changes:
            reason = change.reason
            if reason.rule not in REACTIONS or not reason.text or "Russia" not in reason.text:
                continue
            if reason.position is None:  # the true verdict differs: none is told
                assert "red line" not in reason.text and "wish" not in reason.text, reason.text
                assert not any(f"{w} to Russia" in reason.text for w in STRENGTH_WORDS.values())
                assert not reason.citation
                continue
            if reason.position.actor != "russia":
                continue
            position = next(p for p in stated.positions_on(reason.position.issue) if p.actor == "russia")
            assert reason.position == position, "the stated position, not the true one"


def test_a_red_line_only_the_true_type_holds_is_reported_as_a_sharp_reaction_and_revealed_later(scenario):
    """Russia states no red line on its forces being pulled back; a revisionist Russia truly holds one
    (vital). NATO's "defensive" order signals "Pulled back"."""
    game = Game.new(scenario, seed=1, humans=("us", "nato"), types={"russia": "revisionist"})
    nato = next(o.id for o in scenario.options_of("nato") if ("border_forces", "pulled_back") in o.stances)
    us = next(s.option.id for s in game.options_for("us") if s.available)
    record = game.play_turn({"us": us, "nato": nato})
    told = " ".join(" ".join(record_lines(game, record) + chain_lines(game, record)).split())
    assert "Russia reacts sharply to “Pulled back” on Russian forces at Ukraine's borders" in told
    assert "crossed Russia's red line on Russian forces" not in told
    assert "vital to Russia" not in told
    end = " ".join(reveal_lines(game))
    assert "Russia was revisionist" in end
    assert "crossed its true red line on Russian forces at Ukraine's borders (“Pulled back”; vital)" in end


def test_an_actor_without_types_reacts_in_the_usual_words(scenario):
    game = _play(scenario, "revisionist", turns=3)
    reasons = [c.reason for r in game.history for c in r.changes if c.reason.rule in REACTIONS]
    untyped = [r for r in reasons if r.position is not None and r.position.actor != "russia"]
    assert untyped and all(r.verdict for r in untyped), "each keeps its verdict"
    assert any(r.verdict == RED_LINE and "red line" in r.text and r.citation for r in untyped)


def test_the_debrief_reveals_the_type_and_what_each_side_believed(scenario):
    # Without the scenario's deals: a deal kept or broken moves only its parties' beliefs (deals.py).
    game = _play(replace(scenario, proposals=(), deal_issues=()), "security_seeking")
    text = " ".join(" ".join(end_lines(game)).split())
    assert "Hidden aims, revealed:" in text
    assert "Russia was security-seeking (drawn by chance)" in text
    # US and NATO saw the same orders from the same priors: they believed alike, and are told so once.
    assert "US and NATO believed it security-seeking: 50 % at the start" in text


# ------------------------------------------------------------------ the window
def _window(game: Game, side: str) -> App:
    pygame.display.quit()
    pygame.display.init()
    app = App((1280, 720), False, None)
    session = Session(game, hotseat=game.classroom, autosave=False)
    app.stack = [TurnScreen(app, session, side)]
    app.render()
    return app


def test_in_a_classroom_the_turn_screen_shows_only_the_ordering_teams_read(scenario):
    game = Game.new(scenario, seed=2, humans=("us", "nato", "russia"), classroom=True)
    orders = {s: game.computer_choice(s).option_id for s in ("us", "nato", "russia")}
    game.play_turn(orders)
    us = _window(game, "us")
    shown = us.shown_text()
    assert "Your read of Russia:" in shown and " %" in shown
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=0, unicode="r"))
    us.pump()
    assert isinstance(us.top, Sheet)
    us.render()
    full = us.shown_text()
    assert "Team US: your read of the others" in full and "US now reads Russia as" in full
    assert "NATO now reads" not in full, "never another team's read"
    russia = _window(game, "russia")
    shown = russia.shown_text()
    assert "Your read of" not in shown and "US now reads" not in shown
    own = game.scenario.actor("russia").actor_type(game.types["russia"]).name
    assert f"Your own aims: {own}" in shown or f"known only to your side: {own}" in shown


def test_a_scenario_without_hidden_types_shows_no_read_line():
    from tests.cli_fixtures import MINIMAL

    plain = load_scenario(MINIMAL)
    assert not any(a.types for a in plain.actors), "a scenario written before hidden types"
    side = plain.playable_actors[0].id
    game = Game.new(plain, seed=1, humans=(side,))
    app = _window(game, side)
    assert "Your read of" not in app.shown_text()
    assert "aims are hidden" not in app.shown_text()


# ------------------------------------------------------------------ the server
def test_a_teams_page_carries_its_own_read_and_no_page_another_teams(tmp_path):
    from contextlib import ExitStack

    from tests.server_fixtures import Server, first_available, projector_page, team_page

    server = Server(tmp_path / "data")
    try:
        tokens = {side: server.join(side) for side in ("us", "nato", "russia")}
        with ExitStack() as stack:
            teams = {side: team_page(stack, server, side, tokens[side]) for side in tokens}
            wall = projector_page(stack, server)
            assert teams["us"].view["reads"] == ["Russia's aims are hidden: security-seeking or revisionist?"]
            for page in teams.values():
                page.send({"type": "order", "option": first_available(page.view), "rationale": ""})
                for other in [*teams.values(), wall]:
                    other.next_view()
            assert teams["us"].view["reads"][0].startswith("US now reads Russia as")
            assert teams["nato"].view["reads"][0].startswith("NATO now reads Russia as")
            assert teams["russia"].view["reads"][0].startswith("Your own aims, known only to your side:")
            for name, page in [*teams.items(), ("projector", wall)]:
                others = [s for s in ("US", "NATO") if s != name.upper()]
                seen = " ".join(page.messages)
                assert not any(f"{s} now reads" in seen for s in others), name
                assert name == "russia" or "Your own aims" not in seen, name
    finally:
        server.close()


# ------------------------------------------------------------------ the instructor fixes a type
def test_the_instructor_fixes_russias_hidden_aims_in_the_lesson_settings(tmp_path, home):
    import shutil

    from game.client.handoff import HandOffScreen
    from tests.window_fixtures import button, make_app, press, tab_to

    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(EASTERN_FLANK, folder)
    app = make_app(folder)
    try:
        tab_to(app, lambda c: getattr(c, "label", "") == "Classroom")
        press(app, pygame.K_RETURN)
        press(app, pygame.K_l)
        assert "Russia's hidden aims: left to chance" in app.shown_text()
        tab_to(app, button("Russia's hidden aims"))
        press(app, pygame.K_RETURN, times=2)  # chance → security-seeking → revisionist
        assert "Russia's hidden aims: revisionist" in app.shown_text()
        press(app, pygame.K_ESCAPE)
        tab_to(app, button("Start"))
        press(app, pygame.K_RETURN)
        press(app, pygame.K_RETURN)  # the briefing's Begin
        assert isinstance(app.top, HandOffScreen)
        game = app.top.session.game
        assert game.types == {"russia": "revisionist"}
        assert game.settings["fixed_hidden_types"] == ["russia"]
        press(app, pygame.K_RETURN)  # Team US at the keyboard
        if isinstance(app.top, Sheet):
            press(app, pygame.K_RETURN)  # its private briefing
        assert isinstance(app.top, TurnScreen) and app.top.side == "us"
        shown = app.shown_text()
        assert "Russia's aims are hidden: security-seeking or revisionist?" in shown
        assert "known only to your side" not in shown
    finally:
        pygame.display.quit()
