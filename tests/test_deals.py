"""Deals (issue 11), read like rules cases: given a game, these orders and deal moves, this happens and why.

The stories run on the shipped scenarios' own proposals: Cuba's trade (public
pledge, private Jupiters) and Eastern Flank's drafts and replies.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from game.engine.deal_values import ACCEPT, COUNTER, PROPOSE, REJECT, DealMove
from game.engine.deal_words import event_sentence, visible_events
from game.engine.debrief import markdown
from game.engine.game import Game, IllegalOrder
from game.engine.headline import turn_headlines
from game.engine.simulate import deal_counts, play_one
from game.scenario.loader import check_file, load_scenario
from game.scenario.proposals import composed_proposal
from tests.engine_fixtures import crisis

ROOT = Path(__file__).resolve().parents[1]
CUBA = load_scenario(ROOT / "scenarios" / "cuba_1962.yaml")
FLANK = load_scenario(ROOT / "scenarios" / "eastern_flank_2022.yaml")
# Turns 1-5 of Cuba as they went: the secret week, the quarantine, DEFCON 2, the ships turned back.
CUBA_OPENING = [
    ("usa_deliberate", "ussr_deny"),
    ("usa_deliberate", "ussr_rush_work"),
    ("usa_quarantine", "ussr_deny"),
    ("usa_defcon2", "ussr_run_quarantine"),
    ("usa_un_case", "ussr_turn_back"),
]


def _cuba_at_the_brink(seed: int = 1, opening=CUBA_OPENING) -> Game:
    game = Game.new(CUBA, seed=seed, humans=("usa", "ussr"))
    for usa, ussr in opening:
        game.play_turn({"usa": usa, "ussr": ussr})
    return game


def _number(game: Game, proposal_id: str) -> int:
    return next(d.number for d in game.state.deals if d.proposal_id == proposal_id)


def _events(game: Game, kind: str) -> list:
    return [e for r in game.history for e in r.deal_events if e.kind == kind]


# ------------------------------------------------------------ the historical settlement
def _historical_ending(game: Game) -> Game:
    """Turn 6: Moscow proposes the first letter's terms, Washington pledges and proposes the Jupiters
    in private; turn 7: each accepts the other's, Moscow dismantles, Washington removes the Jupiters."""
    game.deal(DealMove("ussr", PROPOSE, 0, CUBA.proposal("pledge_for_missiles")))
    game.deal(DealMove("usa", PROPOSE, 0, CUBA.proposal("jupiters_back_channel")))
    game.play_turn({"usa": "usa_pledge", "ussr": "ussr_second_letter"})
    game.deal(DealMove("usa", ACCEPT, _number(game, "pledge_for_missiles")))
    game.deal(DealMove("ussr", ACCEPT, _number(game, "jupiters_back_channel")))
    game.play_turn({"usa": "usa_secret_deal", "ussr": "ussr_dismantle"})
    return game


def test_a_search_finds_the_order_sequence_that_reaches_the_historical_settlement():
    """Over openings that bring the crisis to DEFCON 2, the two proposals of 26-27 October, accepted
    the next day, end the game as in 1962: missiles out, a pledge, the Jupiters promised in secret."""
    alternatives = {
        1: [("usa_deliberate", "ussr_deny")],
        2: [("usa_deliberate", "ussr_rush_work"), ("usa_deliberate", "ussr_deny")],
        3: [("usa_quarantine", "ussr_deny"), ("usa_address", "ussr_deny")],
        4: [("usa_defcon2", "ussr_run_quarantine"), ("usa_defcon2", "ussr_alert")],
        5: [("usa_un_case", "ussr_turn_back"), ("usa_un_case", "ussr_standstill")],
    }
    found = []
    for opening in itertools.product(*alternatives.values()):
        try:
            game = _historical_ending(_cuba_at_the_brink(1, list(opening)))
        except IllegalOrder:
            continue
        if game.state.outcome == "negotiated_settlement":
            found.append(opening)
    assert found, "some opening leads through the two proposals to the historical settlement"
    game = _historical_ending(_cuba_at_the_brink(1, list(found[0])))
    kept = {e.deal.proposal_id for e in _events(game, "kept")}
    assert kept == {"pledge_for_missiles", "jupiters_back_channel"}, "both deals kept, none broken"
    assert game.state.issues["jupiters"] == "secret_removal" and game.state.issues["missiles"] == "dismantled"
    # Havana never learns of the back channel; the debrief tells the class.
    last = game.history[-1]
    seen_by_cuba = {e.deal.proposal_id for e in visible_events(CUBA, last, "cuba")}
    assert "jupiters_back_channel" not in seen_by_cuba and "pledge_for_missiles" in seen_by_cuba
    assert "secret until now" in markdown(game)


# ------------------------------------------------------------ rules
def test_a_broken_public_promise_costs_credibility_and_leads_the_report():
    game = _cuba_at_the_brink(opening=CUBA_OPENING[:4])
    game.deal(DealMove("usa", PROPOSE, 0, CUBA.proposal("kennedy_terms")))
    game.play_turn({"usa": "usa_pledge", "ussr": "ussr_alert"})
    game.deal(DealMove("ussr", ACCEPT, _number(game, "kennedy_terms")))
    game.play_turn({"usa": "usa_shipping_ban", "ussr": "ussr_alert"})
    # The pledge binds: an order that threatens Cuba again goes against Washington's word.
    record = game.play_turn({"usa": "usa_ultimatum", "ussr": "ussr_alert"})
    broken = [e for e in record.deal_events if e.kind == "broken"]
    assert broken and broken[0].actor == "usa" and broken[0].option == "usa_ultimatum"
    sentence = event_sentence(CUBA, broken[0])
    assert "USA broke its public promise under “Kennedy's terms" in sentence
    assert "goes against its word" in sentence
    cost = [c for c in record.changes if c.reason.rule == "deal_broken"]
    assert cost and cost[0].subject == "USA's credibility" and cost[0].after - cost[0].before == -8
    assert turn_headlines(CUBA, record)[0].kind in ("outcome", "rung", "broken_promise", "red_line")
    assert any(h.kind == "broken_promise" for h in turn_headlines(CUBA, record, 5))


def test_a_promised_order_not_given_by_the_deadline_is_a_broken_promise():
    game = _cuba_at_the_brink(opening=CUBA_OPENING[:4])
    game.deal(DealMove("usa", PROPOSE, 0, CUBA.proposal("jupiters_back_channel")))
    game.play_turn({"usa": "usa_shipping_ban", "ussr": "ussr_alert"})
    game.deal(DealMove("ussr", ACCEPT, _number(game, "jupiters_back_channel")))
    game.play_turn({"usa": "usa_shipping_ban", "ussr": "ussr_alert"})  # deadline 2: this turn and the next
    assert not _events(game, "broken")
    record = game.play_turn({"usa": "usa_shipping_ban", "ussr": "ussr_alert"})
    broken = [e for e in record.deal_events if e.kind == "broken"]
    assert broken and broken[0].actor == "usa" and broken[0].option == ""
    assert "did not give the order it promised by turn" in event_sentence(CUBA, broken[0])
    # A back-channel promise broken costs trust, not public credibility, and is no class-wide headline.
    assert not [c for c in record.changes if c.reason.rule == "deal_broken"]
    assert not any(h.kind == "broken_promise" for h in turn_headlines(CUBA, record, 5))
    assert not [
        e for e in visible_events(CUBA, record, "cuba") if e.deal.proposal_id == "jupiters_back_channel"
    ]
    assert [e.kind for e in visible_events(CUBA, record, "ussr") if e.kind == "broken"] == ["broken"]


def test_a_private_deal_leaks_through_the_instructors_news_flash():
    game = _cuba_at_the_brink()
    game.deal(DealMove("usa", PROPOSE, 0, CUBA.proposal("jupiters_back_channel")))
    game.play_turn({"usa": "usa_pledge", "ussr": "ussr_alert"})
    game.deal(DealMove("ussr", ACCEPT, _number(game, "jupiters_back_channel")))
    game.inject("jupiter_deal_leaks")
    record = game.play_turn({"usa": "usa_secret_deal", "ussr": "ussr_alert"})
    leaked = [e for e in record.deal_events if e.kind == "leaked"]
    assert leaked, "the columnist's story reveals the back channel"
    assert any(e.kind == "leaked" for e in visible_events(CUBA, record, "cuba"))
    assert "has leaked" in event_sentence(CUBA, leaked[0])


def test_answers_come_with_the_order_and_only_from_the_side_asked():
    game = _cuba_at_the_brink()
    with pytest.raises(IllegalOrder, match="no proposal"):
        game.deal(DealMove("usa", ACCEPT, 1))
    game.deal(DealMove("usa", PROPOSE, 0, CUBA.proposal("kennedy_terms")))
    with pytest.raises(IllegalOrder, match="cannot be proposed"):
        game.deal(DealMove("ussr", PROPOSE, 0, CUBA.proposal("kennedy_terms")))
    game.play_turn({"usa": "usa_shipping_ban", "ussr": "ussr_alert"})
    number = _number(game, "kennedy_terms")
    with pytest.raises(IllegalOrder, match="no proposal"):
        game.deal(DealMove("usa", ACCEPT, number))  # its own proposal
    game.deal(DealMove("ussr", REJECT, number))
    record = game.play_turn({"usa": "usa_shipping_ban", "ussr": "ussr_alert"})
    assert [e.kind for e in record.deal_events if e.deal.number == number] == ["rejected"]


def test_a_computer_answers_by_its_positions_and_says_why():
    """Russia's draft agreement crosses NATO's vital red line: NATO refuses it, and says so, or
    counters with the reply of 26 January."""
    game = Game.new(FLANK, seed=3, humans=("russia",))
    game.deal(DealMove("russia", PROPOSE, 0, FLANK.proposal("russia_draft_agreement")))
    game.play_turn({"russia": "russia_hold_forces"})
    record = game.play_turn({"russia": "russia_hold_forces"})
    answer = next(e for e in record.deal_events if e.deal.proposal_id == "russia_draft_agreement")
    assert answer.kind in ("rejected", "countered") and answer.actor == "nato"
    assert answer.why().startswith("rejects: the bundle crosses its vital red line on Ukraine's path to NATO")


def test_a_composed_proposal_is_answered_like_a_ready_made_one():
    game = Game.new(FLANK, seed=5, humans=("nato",))
    pairs = (("nato", "eastern_flank", "status_quo"), ("russia", "border_forces", "pulled_back"))
    game.deal(DealMove("nato", PROPOSE, 0, composed_proposal("nato", ("russia",), pairs)))
    game.play_turn({"nato": "nato_defensive_message"})
    record = game.play_turn({"nato": "nato_defensive_message"})
    answer = next(e for e in record.deal_events if e.deal.composed is not None and e.kind != "proposed")
    assert answer.kind in ("accepted", "rejected", "countered", "lapsed")
    if answer.kind != "lapsed":
        assert answer.why().startswith(("accepts:", "rejects:"))
    with pytest.raises(IllegalOrder, match="not open to deals"):
        bad = composed_proposal("nato", ("russia",), (("nato", "no_such_issue", "x"),))
        game.deal(DealMove("nato", PROPOSE, 0, bad))


def test_a_scenario_without_proposals_plays_as_before():
    game = Game.new(crisis(), seed=2, humans=())
    while not game.is_over:
        record = game.play_turn({})
        assert record.deal_events == ()
    assert game.state.deals == () and "deals" not in game.state.to_json()
    assert all("deals" not in turn for turn in game.to_save()["turns"])


def test_saves_with_deals_replay_identically(tmp_path):
    game = _cuba_at_the_brink(seed=4)
    game.deal(DealMove("usa", PROPOSE, 0, CUBA.proposal("kennedy_terms")))
    game.play_turn({"usa": "usa_pledge", "ussr": "ussr_alert"})
    game.deal(
        DealMove("ussr", COUNTER, _number(game, "kennedy_terms"), CUBA.proposal("jupiters_for_missiles"))
    )
    saved = json.loads(json.dumps(game.to_save()))
    again = Game.from_save(CUBA, saved)
    assert again.state == game.state and again.state.to_json() == game.state.to_json()
    assert again.pending_deal_moves == game.pending_deal_moves, "a deal move entered mid-turn is kept"
    assert [r.deal_events for r in again.history] == [r.deal_events for r in game.history]


def test_the_validator_reports_a_broken_proposal(tmp_path):
    text = (ROOT / "scenarios" / "cuba_1962.yaml").read_text(encoding="utf-8")
    broken = text.replace("        orders: [usa_secret_deal]", "        orders: [ussr_dismantle]", 1)
    broken = broken.replace("    to: [usa]\n    deadline: 3\n", "    to: [usa, oas]\n    deadline: 3\n", 1)
    path = tmp_path / "cuba.yaml"
    path.write_text(broken, encoding="utf-8")
    _, problems = check_file(path)
    messages = [p.message for p in problems if p.is_error]
    assert any("belongs to 'ussr', so 'usa' cannot promise it" in m for m in messages), messages
    assert any("'oas' gives no orders" in m for m in messages), messages


# ------------------------------------------------------------ many games
@pytest.mark.slow
@pytest.mark.parametrize("scenario", [CUBA, FLANK], ids=lambda s: s.id)
def test_in_a_thousand_computer_games_some_proposals_are_accepted_and_some_rejected(scenario):
    counts = deal_counts([play_one(scenario, seed) for seed in range(1000)])["ready_made"]
    assert counts["proposed"] > 0 and counts["accepted"] > 0 and counts["rejected"] > 0, counts


# ------------------------------------------------------------ the real interfaces
def _flank_seed(answer: str) -> int:
    """A seed in which Russia's computer gives this answer to the US offer of arms-control talks
    made on turn 1, and the game goes on to turn 3."""
    for seed in range(200):
        game = Game.new(FLANK, seed=seed, humans=("us",))
        game.deal(DealMove("us", PROPOSE, 0, FLANK.proposal("arms_control_talks")))
        game.play_turn({"us": "us_sanctions_package"})
        record = game.play_turn({"us": "us_sanctions_package"})
        kinds = {e.kind for e in record.deal_events if e.deal.proposal_id == "arms_control_talks"}
        if answer in kinds and not game.is_over:
            return seed
    raise AssertionError(f"no seed in 200 where Russia's answer is {answer}")


def _us_number(option_id: str) -> int:
    return [o.id for o in FLANK.options_of("us")].index(option_id) + 1


def _play_flank_as_us(seed: int, typed: list[str], home: Path):
    """`play --text` on Eastern Flank as the US with these lines typed; the result and its output on
    one line (wrapping never splits what the tests look for)."""
    from tests.cli_fixtures import run_here

    path = ROOT / "scenarios" / "eastern_flank_2022.yaml"
    result = run_here(
        ["play", "--text", "--scenario", str(path), "--as", "us", "--seed", str(seed)],
        stdin="\n".join(typed) + "\n",
        home=home,
    )
    return result, " ".join(result.stdout.split())


def test_in_text_mode_a_human_proposes_the_computer_answers_with_its_reason_and_a_broken_promise_costs(
    tmp_path,
):
    seed = _flank_seed("accepted")
    typed = ["deal", "propose 1", str(_us_number("us_sanctions_package"))]
    typed += [
        str(_us_number("us_sanctions_package")),
        "deal",
        str(_us_number("us_preemptive_sanctions")),
        "q",
    ]
    result, out = _play_flank_as_us(seed, typed, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "You may propose: 1. “Talks on missile deployments, exercises and transparency" in out
    assert "Your deal move this turn: propose “Talks on missile deployments" in out
    assert (
        "Deal: Russia answers “Talks on missile deployments, exercises and transparency, and no attack" in out
    )
    assert "— accepts: " in out, "the computer says why it accepts"
    assert "Your word, deal" in out or "[1] US → Russia, in public" in out, "the deal that binds is shown"
    assert "US broke its public promise under “Talks on missile deployments" in out
    assert "US's credibility" in out and "broke its public promise" in out


def test_in_text_mode_a_computer_rejects_with_its_reason(tmp_path):
    seed = _flank_seed("rejected")
    typed = [
        "propose 1",
        str(_us_number("us_sanctions_package")),
        str(_us_number("us_sanctions_package")),
        "q",
    ]
    _, out = _play_flank_as_us(seed, typed, tmp_path)
    assert "Deal: Russia answers “Talks on missile deployments" in out and "— rejects: " in out


def test_in_the_window_a_human_proposes_the_computer_answers_and_a_broken_promise_costs(tmp_path, home):
    from argparse import Namespace

    import pygame

    from game.client.launch import first_screen
    from game.client.overlay import Sheet
    from game.client.resolution import ResolutionScreen
    from game.client.turn import TurnScreen
    from tests.window_fixtures import make_app, press, write_scenarios

    seed = _flank_seed("accepted")
    app = make_app(write_scenarios(tmp_path / "scenarios"))
    path = ROOT / "scenarios" / "eastern_flank_2022.yaml"
    app.stack = [
        first_screen(app, Namespace(command="play", side="us", seed=seed, load=None, scenario=str(path)))
    ]
    app.dirty = True
    app.pump()
    press(app, pygame.K_RETURN)  # the briefing read: to the orders
    assert isinstance(app.top, TurnScreen) and "Deals: propose or compose one" in app.shown_text()
    press(app, pygame.K_d)
    assert (
        isinstance(app.top, Sheet)
        and "You may propose to Russia: “Talks on missile deployments" in app.shown_text()
    )
    press(app, pygame.K_1)  # the sheet's first button: propose it
    assert isinstance(app.top, TurnScreen)
    assert "Your deal move: propose “Talks" in app.shown_text(), app.shown_text()

    def order(option_id: str) -> None:
        press(app, getattr(pygame, f"K_{_us_number(option_id)}"))
        press(app, pygame.K_s)
        assert isinstance(app.top, ResolutionScreen)

    order("us_sanctions_package")
    press(app, pygame.K_RETURN)
    order("us_sanctions_package")
    shown = " ".join(app.shown_text().split())
    assert "Deal: Russia answers “Talks on missile deployments" in shown and "— accepts: " in shown
    press(app, pygame.K_RETURN)
    assert "Your word:" in app.shown_text() or "binds you" in app.shown_text()
    before = app.top.game.state.meters["us"]["credibility"]
    order("us_preemptive_sanctions")
    shown = " ".join(app.shown_text().split())
    assert "US broke its public promise under “Talks on missile deployments" in shown
    cost = [c for c in app.top.record.changes if c.reason.rule == "deal_broken"]
    assert cost and cost[0].after - cost[0].before == -8 and cost[0].before >= before - 20
    pygame.display.quit()


def test_a_kept_deal_raises_trust_and_a_broken_one_lowers_it():
    """Russia's hidden type: a kept deal moves the US's read toward security-seeking, a broken one away,
    beyond what the orders themselves say (the same game without the deal is the yardstick)."""
    from game.engine.beliefs import belief
    from game.engine.trust import trust

    def play(with_deal: bool) -> list[float]:
        game = Game.new(FLANK, seed=11, humans=("us", "nato", "russia"))
        reads = []
        if with_deal:
            game.deal(DealMove("us", PROPOSE, 0, FLANK.proposal("arms_control_talks")))
        game.play_turn(
            {"us": "us_sanctions_package", "nato": "nato_defensive_message", "russia": "russia_hold_forces"}
        )
        if with_deal:
            game.deal(DealMove("russia", ACCEPT, _number(game, "arms_control_talks")))
        game.play_turn(
            {"us": "us_sanctions_package", "nato": "nato_defensive_message", "russia": "russia_hold_forces"}
        )
        reads.append(trust(FLANK, game.state, "us", "russia"))
        game.play_turn(
            {"us": "us_sanctions_package", "nato": "nato_defensive_message", "russia": "russia_break_off"}
        )
        reads.append(trust(FLANK, game.state, "us", "russia"))
        assert belief(game.state, "us", "russia"), "the US holds a belief about Russia's type"
        return reads

    kept, broken = play(True)
    plain_kept, plain_broken = play(False)
    assert kept > plain_kept, "the kept deal raised the US's trust in Russia"
    assert broken - kept < plain_broken - plain_kept, (
        "walking out of the talks, against its word, cost Russia more trust"
    )


def test_what_if_replays_the_deals_of_the_turns_it_keeps():
    from game.lesson.whatif import what_if

    game = _historical_ending(_cuba_at_the_brink())
    same = what_if(game, 7, "ussr", "ussr_dismantle")  # the same order: the same game
    assert same.branch.state == game.state and same.branch.state.outcome == "negotiated_settlement"
    other = what_if(game, 7, "ussr", "ussr_alert")  # Moscow accepts the Jupiters but does not dismantle
    assert other.branch.state.outcome != "negotiated_settlement"
    assert [d.status for d in other.branch.state.deals if d.proposal_id == "pledge_for_missiles"] == [
        "accepted"
    ]


def test_simulate_json_counts_the_deals(tmp_path):
    from tests.cli_fixtures import run_here

    result = run_here(
        ["simulate", "--scenario", str(ROOT / "scenarios" / "cuba_1962.yaml"), "--games", "30", "--json"]
    )
    deals = json.loads(result.stdout)["deals"]
    assert set(deals) == {"ready_made", "composed"}
    assert {"proposed", "accepted", "rejected", "broken"} <= set(deals["ready_made"])
    assert deals["ready_made"]["proposed"] > 0 and deals["composed"]["proposed"] == 0
    plain = run_here(
        ["simulate", "--scenario", str(ROOT / "tests" / "data" / "minimal.yaml"), "--games", "3", "--json"]
    )
    assert "deals" not in json.loads(plain.stdout), "a scenario without deals reports as before"


def test_in_the_window_a_back_channel_deal_is_shown_only_to_its_parties(tmp_path, home):
    import pygame

    from game.client.resolution import ResolutionScreen
    from game.client.session import Session
    from game.client.turn import TurnScreen
    from tests.window_fixtures import make_app, press, write_scenarios

    app = make_app(write_scenarios(tmp_path / "scenarios"))
    game = Game.new(CUBA, seed=1, humans=("usa", "ussr", "cuba"), classroom=True)
    session = Session(game, hotseat=True, autosave=False)
    for usa, ussr in CUBA_OPENING[:4]:
        game.play_turn({"usa": usa, "ussr": ussr, "cuba": "cuba_ration"})
    game.deal(DealMove("usa", PROPOSE, 0, CUBA.proposal("jupiters_back_channel")))
    record = game.play_turn({"usa": "usa_shipping_ban", "ussr": "ussr_alert", "cuba": "cuba_ration"})
    secret = "Through Robert Kennedy"

    def sheet_text(side: str) -> str:
        app.stack = [TurnScreen(app, session, side)]
        app.dirty = True
        app.pump()
        press(app, pygame.K_d)
        return app.shown_text()

    app.stack = [ResolutionScreen(app, session, record)]
    app.dirty = True
    app.pump()
    assert secret not in app.shown_text(), "the class's resolution screen keeps the back channel out"
    assert secret in sheet_text("ussr") and "Accept" in app.shown_text(), "Moscow is asked"
    assert secret not in sheet_text("cuba"), "Havana is not told"
    pygame.display.quit()


def test_in_the_window_a_player_composes_a_proposal_step_by_step(tmp_path, home):
    from argparse import Namespace

    import pygame

    from game.client.launch import first_screen
    from game.client.overlay import Sheet
    from game.client.turn import TurnScreen
    from tests.window_fixtures import make_app, press, write_scenarios

    app = make_app(write_scenarios(tmp_path / "scenarios"))
    path = ROOT / "scenarios" / "eastern_flank_2022.yaml"
    app.stack = [
        first_screen(app, Namespace(command="play", side="us", seed=1, load=None, scenario=str(path)))
    ]
    app.dirty = True
    app.pump()
    press(app, pygame.K_RETURN)  # the briefing read: to the orders
    press(app, pygame.K_d)

    def choose(label: str) -> None:  # as a click on the sheet's button of that label does
        assert isinstance(app.top, Sheet), app.shown_text()
        button = next(b for b in app.top.buttons if b.label.startswith(label))
        app.apply(button.activate())
        app.pump()

    choose("Compose a proposal")
    assert "Compose a proposal: to whom?" in app.shown_text()
    choose("Russia")
    assert "what would you accept?" in app.shown_text()
    choose("Diplomacy: Structured negotiations")
    assert "what would Russia accept?" in app.shown_text()
    choose("Russian forces at Ukraine's borders: Pulled back")
    assert "in public or through a back channel?" in app.shown_text()
    choose("Through a back channel")
    assert isinstance(app.top, TurnScreen)
    move = app.top.game.pending_deal_moves["us"]
    assert move.kind == "propose" and move.proposal is not None and not move.proposal.public
    assert move.proposal.to == ("russia",) and move.proposal.composed
