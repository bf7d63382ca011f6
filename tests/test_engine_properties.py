"""Invariants over any sequence of legal orders, on every shipped scenario and the test crisis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.game import Game, IllegalOrder
from game.engine.saves import SaveError
from game.engine.state import state_from_json
from game.savefiles import write_save
from tests.engine_fixtures import crisis
from tests.property_fixtures import examples

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))


def _scenarios():
    loaded = [crisis()]
    try:
        from game.scenario.loader import load_scenario
    except ImportError:
        return loaded
    return loaded + [load_scenario(path) for path in SCENARIOS]


ALL = _scenarios()


def _play_random(scenario, data, humans):
    game = Game.new(scenario, seed=data.draw(st.integers(0, 10_000)), humans=humans)
    while not game.is_over:
        orders = {}
        for side in humans:
            legal = [s.option.id for s in game.options_for(side) if s.available]
            orders[side] = data.draw(st.sampled_from(legal))
        if scenario.injects and data.draw(st.booleans()):
            unfired = [
                i.id
                for i in scenario.injects
                if i.instructor_only
                and i.id not in game.state.fired_injects
                and i.id not in game.pending_injects
            ]
            if unfired:
                game.inject(data.draw(st.sampled_from(unfired)))
        game.play_turn(orders)
        assert len(game.history) <= scenario.turn_limit
    return game


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_legal_game_ends_in_time_with_meters_in_range(scenario, data):
    humans = tuple(a.id for a in scenario.playable_actors if data.draw(st.booleans()))
    game = _play_random(scenario, data, humans)
    assert game.outcome is not None
    for state in game.states:
        assert 0 <= state.tension <= 100
        for actor in scenario.actors:
            for meter in actor.meters:
                assert meter.min <= state.meters[actor.id][meter.id] <= meter.max


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
@settings(max_examples=examples(25), deadline=None)
@given(data=st.data())
def test_save_replays_to_the_identical_state(scenario, data):
    humans = (scenario.playable_actors[0].id,)
    game = _play_random(scenario, data, humans)
    saved = json.loads(json.dumps(game.to_save()))
    again = Game.from_save(scenario, saved)
    assert again.state.to_json() == game.state.to_json()
    assert state_from_json(json.loads(json.dumps(game.state.to_json()))) == game.state
    assert [r.changes for r in again.history] == [r.changes for r in game.history]
    assert [r.decisions for r in again.history] == [r.decisions for r in game.history]


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_same_seed_same_game(scenario):
    def run(seed):
        game = Game.new(scenario, seed=seed)
        while not game.is_over:
            game.play_turn({})
        return game.orders, game.state.to_json()

    assert run(42) == run(42)


@pytest.mark.slow
@settings(max_examples=examples(60), deadline=None)
@given(order=st.text(max_size=30))
def test_unknown_orders_are_rejected_with_a_message(order):
    scenario = crisis()
    game = Game.new(scenario, seed=1, humans=("blue",))
    legal = {o.id for o in scenario.options_of("blue")}
    if order in legal:
        return
    with pytest.raises(IllegalOrder) as error:
        game.play_turn({"blue": order})
    assert str(error.value) and not game.history


@settings(max_examples=examples(60), deadline=None)
@given(
    garbage=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    )
)
def test_damaged_saves_are_refused_with_a_message(garbage):
    scenario = crisis()
    base = Game.new(scenario, seed=1, humans=("blue",)).to_save()
    for key in ("turns", "seed", "humans", "temperaments"):
        damaged = dict(base, **{key: garbage})
        try:
            Game.from_save(scenario, damaged)
        except SaveError as error:
            assert str(error)


@settings(max_examples=examples(80), deadline=None)
@given(content=st.binary(max_size=300))
def test_any_file_given_as_a_save_is_read_or_refused_with_a_message(tmp_path_factory, content):
    from game.savefiles import read_save

    path = tmp_path_factory.mktemp("saves") / "save.json"
    path.write_bytes(content)
    scenario = crisis()
    try:
        Game.from_save(scenario, read_save(path))
    except SaveError as error:
        assert str(error)


def test_a_new_game_moves_a_played_one_aside_and_replaces_only_an_empty_one(tmp_path):
    from game.savefiles import keep_earlier_game

    path = tmp_path / "autosave.json"
    assert keep_earlier_game(path) is None  # nothing there yet
    game = Game.new(crisis(), seed=1)
    write_save(game, path)
    assert keep_earlier_game(path) is None and path.exists()  # no turn played: nothing a player made
    game.play_turn({})
    write_save(game, path)
    kept = keep_earlier_game(path)
    assert kept is not None and not path.exists() and json.loads(kept.read_text())["turns"]
    path.write_text("{ damaged", encoding="utf-8")
    second = keep_earlier_game(path)  # unreadable, yet perhaps rescuable by hand
    assert second is not None and second != kept and second.read_text() == "{ damaged"


def _deal_move(game, side, data):
    """A random legal deal move for a human side, or None: answer a proposal, propose one, or compose."""
    from game.engine.deal_values import ACCEPT, PROPOSE, REJECT, DealMove
    from game.engine.deals import open_proposals, pending_for
    from game.scenario.proposals import composed_proposal

    sc, state = game.scenario, game.state
    moves = [DealMove(side, k, d.number) for d in pending_for(state, side, sc) for k in (ACCEPT, REJECT)]
    moves += [DealMove(side, PROPOSE, 0, p) for p in open_proposals(sc, state, side)]
    if sc.deal_issues:
        other = data.draw(st.sampled_from([a.id for a in sc.acting_actors if a.id != side]))
        issue = sc.issue(data.draw(st.sampled_from(sc.deal_issues)))
        state_id = data.draw(st.sampled_from([s.id for s in issue.states]))
        moves.append(
            DealMove(side, PROPOSE, 0, composed_proposal(side, (other,), ((other, issue.id, state_id),)))
        )
    return data.draw(st.sampled_from([None, *moves])) if moves else None


DEAL_SCENARIOS = [s for s in ALL if s.proposals or s.deal_issues]


@pytest.mark.parametrize("scenario", DEAL_SCENARIOS, ids=lambda s: s.id)
@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_accepted_deal_is_honoured_or_reported_broken_and_saves_replay(scenario, data):
    humans = tuple(a.id for a in scenario.playable_actors[: data.draw(st.integers(1, 2))])
    game = Game.new(scenario, seed=data.draw(st.integers(0, 10_000)), humans=humans)
    while not game.is_over:
        orders = {}
        for side in humans:
            legal = [s.option.id for s in game.options_for(side) if s.available]
            orders[side] = data.draw(st.sampled_from(legal))
            move = _deal_move(game, side, data)
            if move is not None:
                game.deal(move)
        game.play_turn(orders)
    reported = {(e.kind, e.deal.number) for r in game.history for e in r.deal_events}
    for deal in game.state.deals:
        proposal = deal.bundle(scenario)
        if deal.status == "kept":
            assert ("kept", deal.number) in reported
            for party in proposal.parties:  # every promised order was given
                promised = proposal.term(party).orders
                assert not promised or any(
                    c.actor == party and c.option in promised and c.turn >= deal.proposed
                    for c in game.state.chosen
                )
        elif deal.status == "broken":
            assert ("broken", deal.number) in reported and deal.broken_by
        elif deal.status == "accepted":  # promises still owed: only when the game ended before the deadline
            assert game.state.turn - 1 < deal.due(proposal)
    saved = json.loads(json.dumps(game.to_save()))
    again = Game.from_save(scenario, saved)
    assert again.state == game.state
    assert [r.deal_events for r in again.history] == [r.deal_events for r in game.history]
