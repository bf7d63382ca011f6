"""Issue 8, phase 2: computer players act on beliefs (never on the truth), intelligence sharpens a
belief, claims can be false and get exposed, a grave step needs a reason of the side's own, and
`simulate --as SIDE --policy` with `by_type`."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.ai import grave, meant
from game.engine.beliefs import belief
from game.engine.changing import in_force
from game.engine.dispositions import typed_one
from game.engine.game import Game
from game.scenario import model as m
from game.scenario.loader import check_file, load_scenario
from tests.engine_fixtures import crisis, option
from tests.hostile import command as run_cli

ROOT = Path(__file__).resolve().parents[1]
EASTERN_FLANK = ROOT / "scenarios" / "eastern_flank_2022.yaml"
CUBA = ROOT / "scenarios" / "cuba_1962.yaml"
SIDES = ("us", "nato", "russia")


@pytest.fixture(scope="module")
def ef():
    return load_scenario(EASTERN_FLANK)


def _believing(game: Game, observer: str, revisionist: float) -> None:
    """Set the observer's belief about Russia (a test reaching into the state, as a save would)."""
    state = game.state
    beliefs = {o: dict(a) for o, a in state.beliefs.items()}
    beliefs[observer]["russia"] = MappingProxyType(
        {"security_seeking": 1.0 - revisionist, "revisionist": revisionist}
    )
    game.states[-1] = replace(state, beliefs=MappingProxyType(beliefs))


# ------------------------------------------------------------------ acting on beliefs
def test_a_computer_side_chooses_by_its_belief_never_by_the_true_type(ef):
    changed = 0
    for seed in range(12):
        chosen = {}
        for truth in ("security_seeking", "revisionist"):
            for read in (0.05, 0.95):
                game = Game.new(ef, seed=seed, humans=("russia",), types={"russia": truth})
                _believing(game, "us", read)
                chosen[truth, read] = game.computer_choice("us")
        # The same belief gives the same order whatever Russia truly is ...
        for read in (0.05, 0.95):
            a, b = chosen["security_seeking", read], chosen["revisionist", read]
            assert a.option_id == b.option_id and a.explanation == b.explanation
        # ... and a different belief, often a different order.
        changed += chosen["revisionist", 0.05].option_id != chosen["revisionist", 0.95].option_id
    assert changed >= 3


def test_the_explanation_names_the_belief_behind_an_order(ef):
    reasons = set()
    for seed in range(30):
        for side in ("us", "nato"):
            game = Game.new(ef, seed=seed, humans=("russia",))
            _believing(game, side, 0.1)
            reasons.add(game.computer_choice(side).explanation)
    text = " ".join(reasons)
    assert "reads Russia as security-seeking, about 90 %, and firmness against it feeds a spiral" in text


def test_a_typed_sides_explanation_does_not_give_its_type_away(ef):
    for seed in range(10):
        game = Game.new(ef, seed=seed, humans=("us", "nato"))
        text = game.computer_choice("russia").explanation
        assert text.startswith("Russian Federation orders"), text
        assert "cautious" not in text and "hard-line" not in text


# ------------------------------------------------------------------ intelligence and claims
def _play(game: Game, russia: str, us: str = "us_sanctions_package", nato: str = "nato_energy_security"):
    return game.play_turn({"us": us, "nato": nato, "russia": russia})


@pytest.mark.parametrize("truth", ["security_seeking", "revisionist"])
def test_public_intelligence_moves_the_allies_belief_toward_the_truth(ef, truth):
    game = Game.new(ef, seed=3, humans=SIDES, types={"russia": truth})
    before = {side: belief(game.state, side, "russia")[truth] for side in ("us", "nato")}
    _play(game, "russia_demand_guarantees", us="us_declassify_intel")
    for side in ("us", "nato"):
        after = belief(game.state, side, "russia")[truth]
        assert after > before[side] + 0.2, (side, before[side], after)


def test_a_false_claim_leaves_the_troops_where_they_were_and_a_true_one_moves_them(ef):
    places = {}
    for truth in ("security_seeking", "revisionist"):
        game = Game.new(ef, seed=3, humans=SIDES, types={"russia": truth})
        _play(game, "russia_partial_pullback")
        places[truth] = (game.state.issues["border_forces"], game.state.forces["border_group"].place)
    assert places["security_seeking"] == ("pulled_back", "voronezh")
    assert places["revisionist"] == ("massed", "belgorod")


def test_a_false_claim_is_exposed_a_week_later_and_costs_the_kremlin_its_credit(ef):
    game = Game.new(ef, seed=3, humans=SIDES, types={"russia": "revisionist"})
    _play(game, "russia_partial_pullback")
    trusted = belief(game.state, "us", "russia")["security_seeking"]
    cohesion = game.state.meters["nato"]["cohesion"]
    record = _play(game, "russia_demand_guarantees")
    assert belief(game.state, "us", "russia")["security_seeking"] < trusted - 0.2
    sentences = " ".join(c.sentence for c in record.changes)
    assert "claim “Send some units back to their bases” was exposed as false" in sentences
    assert game.state.meters["nato"]["cohesion"] >= cohesion + 2 - 1  # the allies rally (+2, less any snub)
    assert any(c.exposed for c in game.state.claims)


def test_a_true_claim_is_never_exposed(ef):
    game = Game.new(ef, seed=3, humans=SIDES, types={"russia": "security_seeking"})
    _play(game, "russia_partial_pullback")
    while not game.is_over:  # the de-escalation may end the game early
        record = _play(game, "russia_demand_guarantees")
        assert "exposed as false" not in " ".join(c.sentence for c in record.changes)
    assert not any(c.exposed for c in game.state.claims)


@pytest.mark.parametrize("how", ["intelligence", "news"])
def test_intelligence_or_news_exposes_a_false_claim_at_once(ef, how):
    game = Game.new(ef, seed=3, humans=SIDES, types={"russia": "revisionist"})
    if how == "news":
        game.inject("kremlin_pullback_claim")
    us = "us_declassify_intel" if how == "intelligence" else "us_sanctions_package"
    record = _play(game, "russia_partial_pullback", us=us)
    assert "exposed as false" in " ".join(c.sentence for c in record.changes)


def test_a_claim_naming_a_type_its_giver_lacks_is_refused_with_its_place(tmp_path):
    text = EASTERN_FLANK.read_text(encoding="utf-8").replace(
        "true_for: [security_seeking]", "true_for: [dove]"
    )
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = check_file(path)
    found = [p.format() for p in problems if p.is_error]
    assert any("type 'dove'" in f and "bad.yaml:" in f for f in found), found


def test_an_old_save_with_a_temperament_for_a_typed_side_still_loads(ef):
    game = Game.new(ef, seed=5, humans=("us",))
    game.play_turn({"us": "us_offer_talks"})
    data = game.to_save()
    data["temperaments"]["russia"] = "cautious" if game.temperaments["russia"] == "hard_line" else "hard_line"
    again = Game.from_save(ef, json.loads(json.dumps(data)))
    assert again.state.to_json() == game.state.to_json()
    again.play_turn({"us": "us_sanctions_package"})


# ------------------------------------------------------------------ grave steps need a reason
REASON_WORDS = (
    "is what it wants",
    "is something it can accept",
    "across its red line",
    "suits its aims",
    "against its aims",
    " reads ",
)


def _check_decisions(scenario: m.Scenario, game: Game) -> None:
    """Play the game out; every grave computer order must be explained by a reason of its own."""
    while not game.is_over:
        state = game.state
        decisions = {side: game.computer_choice(side) for side in game.computer_sides}
        for side, decision in decisions.items():
            own = in_force(scenario, state)
            if side in state.types:
                own = typed_one(own, side, state.types[side])
            meant_option = meant(
                own.option(decision.option_id), state.types.get(side)
            )  # a false claim does nothing
            if grave(own, state, side, meant_option):
                because = decision.explanation.partition(" because ")[2].partition(", although")[0]
                assert any(w in because for w in REASON_WORDS), decision.explanation
                assert "raises tension" not in because
        game.play_turn({})


@pytest.mark.parametrize("path", [EASTERN_FLANK, CUBA], ids=["eastern_flank", "cuba"])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 100_000))
def test_no_shipped_computer_side_takes_a_grave_step_without_a_reason(path, seed):
    scenario = load_scenario(path)
    _check_decisions(scenario, Game.new(scenario, seed=seed))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    stance=st.sampled_from(["open", "pause", "never", None]),
    tension=st.integers(1, 60),
    strength=st.integers(1, 3),
    seed=st.integers(0, 10_000),
)
def test_a_computer_side_declares_independence_only_with_a_reason(stance, tension, strength, seed):
    """A generated crisis: Red may end the game by a declaration that raises tension; its own
    positions (drawn) may or may not want what the declaration says."""
    declare = option(
        "declare",
        "red",
        {"membership": stance} if stance else {},
        "signalling",
        tension=tension,
        flags=("declared",),
    )
    base = crisis(red_strength=strength, extra_options=(declare,))
    ending = m.Outcome("independence", "Independence", (m.FlagSet("declared"),), "Red declared.")
    scenario = replace(base, outcomes=(ending, *base.outcomes))
    game = Game.new(scenario, seed=seed)
    wants = stance in ("never", "pause")  # Red prefers never, accepts pause
    while not game.is_over:
        decision = game.computer_choice("red")
        if decision.option_id == "declare":
            ends = grave(scenario, game.state, "red", scenario.option("declare"))
            assert wants or not ends, decision.explanation
            assert "because it raises tension" not in decision.explanation
        game.play_turn({})


# ------------------------------------------------------------------ simulate
def test_simulate_plays_a_side_with_a_fixed_policy_and_counts_outcomes_by_type(tmp_path):
    status, out, err = run_cli(
        [
            "simulate",
            "--scenario",
            str(EASTERN_FLANK),
            "--games",
            "12",
            "--as",
            "us",
            "--policy",
            "firm",
            "--json",
        ],
        tmp_path,
    )
    assert status == 0, err
    report = json.loads(out)
    by_type = report["by_type"]["russia"]
    assert (
        set(by_type) <= {"security_seeking", "revisionist"}
        and sum(sum(v.values()) for v in by_type.values()) == 12
    )
    assert report["options"]["us_offer_talks"] == 0  # a firm US never offers talks


def test_simulate_refuses_a_policy_without_a_side(tmp_path):
    status, _, err = run_cli(["simulate", "--scenario", str(EASTERN_FLANK), "--policy", "firm"], tmp_path)
    assert status == 2 and "--as and --policy go together" in err


def test_a_scenario_without_types_reports_no_by_type(tmp_path):
    minimal = ROOT / "tests" / "data" / "minimal.yaml"
    status, out, _ = run_cli(["simulate", "--scenario", str(minimal), "--games", "3", "--json"], tmp_path)
    assert status == 0 and "by_type" not in json.loads(out)


def test_the_simulate_table_splits_the_outcomes_by_russias_hidden_type(tmp_path):
    args = [
        "simulate",
        "--scenario",
        str(EASTERN_FLANK),
        "--games",
        "6",
        "--as",
        "us",
        "--policy",
        "conciliatory",
    ]
    status, out, _ = run_cli(args, tmp_path)
    assert status == 0 and "Outcomes by Russia's hidden type:" in out
    assert "security-seeking" in out or "revisionist" in out


def test_an_exposed_claim_leads_the_turns_report(ef):
    from game.engine.headline import turn_headlines

    game = Game.new(ef, seed=3, humans=SIDES, types={"russia": "revisionist"})
    _play(game, "russia_partial_pullback")
    record = _play(game, "russia_demand_guarantees")
    lines = [h.sentence for h in turn_headlines(ef, record)]
    assert any(
        "claim “Send some units back to their bases” was exposed as false" in line for line in lines
    ), lines


def test_a_fixed_policy_answers_the_proposals_made_to_it():
    from game.engine.deal_values import ACCEPT, REJECT
    from game.engine.simulate import Policy, play_one

    scenario = load_scenario(Path(__file__).resolve().parents[1] / "scenarios" / "eastern_flank_2022.yaml")
    answers: dict[str, set[str]] = {}
    for policy in ("firm", "conciliatory"):
        seen = answers.setdefault(policy, set())
        for seed in range(12):
            game = play_one(scenario, seed, Policy("us", policy))
            seen |= {m.kind for turn in game.deal_moves for m in turn if m.actor == "us"}
    # Russia's drafts reach the US: a conciliatory US takes them up, a firm one turns them down.
    assert answers["conciliatory"] == {ACCEPT} and answers["firm"] == {REJECT}
