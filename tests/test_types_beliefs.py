"""Hidden types and beliefs (issue 8): the format, the seeded draw, reactions by the true type,
beliefs moved more by costly acts than by words, and older files and saves playing as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine.beliefs import belief, nudge, read, read_words, true_positions
from game.engine.draft import Draft
from game.engine.game import Game
from game.engine.resolve import IllegalOrder
from game.engine.saves import SaveError
from game.engine.state import state_from_json
from game.scenario.loader import check_file, load_scenario
from tests.loader_fixtures import minimal_text, position

ROOT = Path(__file__).resolve().parents[1]
EASTERN_FLANK = ROOT / "scenarios" / "eastern_flank_2022.yaml"
CUBA = ROOT / "scenarios" / "cuba_1962.yaml"

# North has two types: a dove (who truly prefers a demilitarised bridge and will not have it
# seized) and a hawk (who holds what North states). South's talks signal a demilitarised bridge.
TYPES = """      crossed: {tension: 3, meters: {north.resolve: 4}}
    types:
      - id: dove
        name: dovish
        prior: 1
        accommodating: true
        description: "Wants the bridge quiet."
        positions:
          - issue: bridge
            preferred: [demilitarised]
            acceptable: [contested]
            red_lines: [seized]
      - id: hawk
        name: hawkish
        prior: 3
"""
NORTH_REACTIONS = "      crossed: {tension: 3, meters: {north.resolve: 4}}\n"
SOUTH_TALKS = "    label: Offer talks\n    category: diplomatic\n    effects: {tension: -3}"


def typed_minimal(tmp_path: Path, *changes: tuple[str, str], name: str = "typed.yaml") -> Path:
    """The minimal scenario with North's types, South's talks reading as a demilitarised bridge,
    and any further (old, new) replacements."""
    text = minimal_text().replace(NORTH_REACTIONS, TYPES, 1)
    text = text.replace(
        SOUTH_TALKS, SOUTH_TALKS.replace("effects:", "stances: {bridge: demilitarised}\n    effects:")
    )
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors(path: Path) -> list[str]:
    _, problems = check_file(path)
    return [p.format() for p in problems if p.is_error]


# ------------------------------------------------------------------ the format
def test_a_scenario_with_types_loads_and_one_without_has_none(tmp_path):
    scenario = load_scenario(typed_minimal(tmp_path))
    north = scenario.actor("north")
    assert [t.id for t in north.types] == ["dove", "hawk"]
    assert north.types[0].accommodating and not north.types[1].accommodating
    assert north.types[0].positions[0].preferred == ("demilitarised",)
    assert north.types[1].positions == ()
    assert load_scenario(ROOT / "tests" / "data" / "minimal.yaml").actor("north").types == ()


@pytest.mark.parametrize(
    ("old", "new", "needle", "nth", "words"),
    [
        (
            "preferred: [demilitarised]\n            acceptable: [contested]",
            "preferred: [demilitarisd]\n            acceptable: [contested]",
            "demilitarisd",
            1,
            "issue 'bridge' has no state 'demilitarisd'",
        ),
        ("prior: 1\n", "prior: 0.0\n", "0.0\n", 1, "must be above 0"),
        ("prior: 3\n", "prior: many\n", "many", 1, "must be a number"),
        ("- id: hawk", "- id: dove", "dove", 2, "duplicate type id 'dove'"),
        (
            "          - issue: bridge\n            preferred",
            "          - issue: bridg\n            preferred",
            "bridg\n",
            1,
            "unknown issue 'bridg'",
        ),
        ("        name: hawkish\n", "        nam: hawkish\n", "nam:", 1, "unknown key 'nam'"),
    ],
)
def test_a_broken_type_is_reported_at_its_file_line_and_column(tmp_path, old, new, needle, nth, words):
    path = typed_minimal(tmp_path, (old, new))
    found = errors(path)
    where = position(path, needle, nth)
    assert any(e.startswith(where + ":") and words in e for e in found), (where, found)


def test_a_type_may_only_override_a_position_its_actor_states(tmp_path):
    types = TYPES.replace("    types:", "    types:", 1)
    path = typed_minimal(
        tmp_path,
        (
            '    colour: "#7f8c8d"\n    playable: false\n',
            '    colour: "#7f8c8d"\n    playable: false\n' + types.split("\n", 1)[1],
        ),
    )
    found = errors(path)
    assert any("overrides its position on 'bridge', but 'observer' states none there" in e for e in found), (
        found
    )
    assert any(e.startswith(f"{path}:") for e in found)


def test_cost_and_beliefs_are_checked(tmp_path):
    path = typed_minimal(
        tmp_path,
        (
            "    category: diplomatic\n    stances: {bridge: demilitarised}\n    effects: {tension: -5",
            "    category: diplomatic\n    cost: wrods\n    stances: {bridge: demilitarised}\n    effects: {tension: -5",
        ),
        ("questions:\n", "beliefs: {words: 0.1, acts: 20}\n\nquestions:\n"),
    )
    found = errors(path)
    assert any(
        e.startswith(position(path, "wrods")) and "'cost' of option 'talk_north' is 'wrods'" in e
        for e in found
    )
    assert any(e.startswith(position(path, "20}", 2)) and "'acts' of 'beliefs' is 20" in e for e in found), (
        found
    )


def test_the_shipped_scenarios_validate_and_eastern_flank_russia_has_two_types():
    russia = load_scenario(EASTERN_FLANK).actor("russia")
    assert {t.id for t in russia.types} >= {"security_seeking", "revisionist"}
    assert all(t.positions for t in russia.types)
    cuba = load_scenario(CUBA)
    assert [t.id for t in cuba.actor("ussr").types] == ["protector", "gambler"]
    assert [t.id for t in cuba.actor("usa").types] == ["bargainer", "hawk"]
    assert cuba.actor("cuba").types == ()


# ------------------------------------------------------------------ the draw
def test_the_type_is_drawn_from_the_seed_by_the_priors(tmp_path):
    scenario = load_scenario(typed_minimal(tmp_path))
    draws = [Game.new(scenario, seed=seed).types["north"] for seed in range(400)]
    assert draws == [Game.new(scenario, seed=seed).types["north"] for seed in range(400)]
    assert 0.15 < draws.count("dove") / len(draws) < 0.35  # prior 1 against 3
    assert Game.new(scenario, seed=1).types.keys() == {"north"}


def test_the_drawn_type_is_saved_and_a_save_without_it_draws_from_the_seed(tmp_path):
    scenario = load_scenario(typed_minimal(tmp_path))
    game = Game.new(scenario, seed=5, humans=("south",), types={"north": "dove"})
    game.play_turn({"south": "talk_south"})
    saved = json.loads(json.dumps(game.to_save()))
    assert saved["types"] == {"north": "dove"}
    again = Game.from_save(scenario, saved)
    assert again.types == {"north": "dove"} and again.state == game.state
    del saved["types"]
    drawn = Game.from_save(scenario, saved)
    assert drawn.types == Game.new(scenario, seed=5).types


def test_an_unknown_fixed_type_is_refused(tmp_path):
    scenario = load_scenario(typed_minimal(tmp_path))
    with pytest.raises(IllegalOrder, match="unknown type 'owl' for north"):
        Game.new(scenario, seed=1, types={"north": "owl"})
    saved = Game.new(scenario, seed=1).to_save() | {"types": {"north": "owl"}}
    with pytest.raises(SaveError):
        Game.from_save(scenario, saved)


# ------------------------------------------------------- the true type in play
def _after_talks(scenario, north_type):
    game = Game.new(scenario, seed=3, humans=("north", "south"), types={"north": north_type})
    record = game.play_turn({"north": "talk_north", "south": "talk_south"})
    return game, record


def test_an_actor_reacts_by_its_true_type_while_players_see_the_stated_position(tmp_path):
    scenario = load_scenario(typed_minimal(tmp_path))
    dove, _ = _after_talks(scenario, "dove")
    hawk, _ = _after_talks(scenario, "hawk")
    # Stated: a demilitarised bridge is acceptable to North (×½); truly, the dove prefers it (×1).
    assert [r.verdict for r in hawk.readings("talk_south")] == ["acceptable"]
    assert [r.verdict for r in dove.readings("talk_south")] == ["acceptable"]
    assert dove.state.tension < hawk.state.tension
    assert dove.state.meters["north"]["resolve"] < hawk.state.meters["north"]["resolve"]
    assert [p.preferred for p in true_positions(scenario, dove, "north")] == [("demilitarised",)]
    assert [p.preferred for p in true_positions(scenario, hawk.state, "north")] == [("seized",)]


def test_eastern_flank_reactions_and_russian_choices_follow_the_drawn_type():
    scenario = load_scenario(EASTERN_FLANK)
    pullbacks, pulled_back = {}, {}
    for russia in ("security_seeking", "revisionist"):
        games = [Game.new(scenario, seed=s, types={"russia": russia}) for s in range(60)]
        for game in games:
            while not game.is_over:
                game.play_turn({})
        pullbacks[russia] = sum(o["russia"] == "russia_partial_pullback" for g in games for o in g.orders)
        pulled_back[russia] = sum(
            any(s.issues["border_forces"] == "pulled_back" for s in g.states) for g in games
        )
    # Both announce a pull-back; only the security-seeker's units go home. The revisionist's is a
    # claim it does not mean (pulling back is its own vital red line): its troops never leave.
    assert pullbacks["security_seeking"] and pullbacks["revisionist"], pullbacks
    assert pulled_back["revisionist"] == 0 < pulled_back["security_seeking"], pulled_back


# ------------------------------------------------------------------ beliefs
def test_beliefs_start_at_the_priors_and_sum_to_one(tmp_path):
    scenario = load_scenario(typed_minimal(tmp_path))
    game = Game.new(scenario, seed=1)
    assert dict(belief(game.state, "south", "north")) == {"dove": 0.25, "hawk": 0.75}
    assert belief(game.state, "north", "north") == {}  # nobody holds a belief about itself
    game.play_turn({})
    assert sum(belief(game.state, "south", "north").values()) == pytest.approx(1.0)


def _dove_share_after(tmp_path, north_order, *changes):
    scenario = load_scenario(typed_minimal(tmp_path, *changes, name=f"{north_order}{len(changes)}.yaml"))
    game = Game.new(scenario, seed=1, humans=("north", "south"), types={"north": "hawk"})
    game.play_turn({"north": north_order, "south": "sanction"})
    return belief(game.state, "south", "north")["dove"]


def test_a_costly_act_moves_a_belief_more_than_words(tmp_path):
    words = _dove_share_after(tmp_path, "talk_north")  # diplomatic: words by default
    act = _dove_share_after(
        tmp_path,
        "talk_north",
        (
            "    category: diplomatic\n    stances: {bridge: demilitarised}",
            "    category: diplomatic\n    cost: act\n    stances: {bridge: demilitarised}",
        ),
    )
    assert 0.25 < words < act  # talks fit the dove better; bought with an act, they say more
    rule = _dove_share_after(tmp_path, "talk_north", ("questions:\n", "beliefs: {words: 0}\n\nquestions:\n"))
    assert rule == pytest.approx(0.25)  # words weighted 0 move nothing


def test_eastern_flank_a_pullback_moves_nato_more_than_accepting_talks():
    scenario = load_scenario(EASTERN_FLANK)
    shares = {}
    for order in ("russia_partial_pullback", "russia_accept_talks"):
        game = Game.new(scenario, seed=1, humans=("russia",), types={"russia": "revisionist"})
        game.play_turn({"russia": order})
        shares[order] = belief(game.state, "nato", "russia")["security_seeking"]
    assert 0.5 < shares["russia_accept_talks"] < shares["russia_partial_pullback"]
    words = read_words(scenario, read(scenario, game.state, "nato", "russia"))
    assert words.startswith("NATO now reads Russia as security-seeking, about ")
    assert words.endswith(": it ordered “Accept structured talks on European security”")


def test_nudge_moves_a_belief_toward_the_accommodating_types(tmp_path):
    scenario = load_scenario(typed_minimal(tmp_path))
    game = Game.new(scenario, seed=1)
    draft = Draft(game.state)
    draft.accommodating = {"north": frozenset({"dove"})}
    nudge(draft, "south", "north", True, 2.0, "it kept the deal")
    nudge(draft, "north", "south", True, 1.0, "no belief: nothing happens")
    state = draft.freeze()
    assert belief(state, "south", "north")["dove"] == pytest.approx(0.71, abs=0.01)  # 1/4 · e² against 3/4
    reading = read(scenario, state, "south", "north")
    assert reading is not None
    assert (
        read_words(scenario, reading) == "Southland now reads North as dovish, about 70 %: it kept the deal"
    )


def test_beliefs_are_saved_in_the_state_and_reproduced_by_replay():
    scenario = load_scenario(EASTERN_FLANK)
    game = Game.new(scenario, seed=7, humans=("us",))
    for _ in range(3):
        if not game.is_over:
            game.play_turn({"us": game.computer_choice("us").option_id})
    data = game.state.to_json()
    assert data["types"] == {"russia": game.types["russia"]}
    assert set(data["beliefs"]) == {"us", "nato"} and set(data["beliefs"]["us"]) == {"russia"}
    assert state_from_json(json.loads(json.dumps(data))) == game.state
    replayed = Game.from_save(scenario, json.loads(json.dumps(game.to_save())))
    assert replayed.state.to_json() == data and not replayed.load_warnings


def test_a_scenario_without_types_keeps_its_state_and_saves_as_before():
    scenario = load_scenario(ROOT / "tests" / "data" / "minimal.yaml")
    game = Game.new(scenario, seed=2)
    game.play_turn({})
    assert game.types == {}
    assert "types" not in game.state.to_json() and "beliefs" not in game.state.to_json()
    assert "types" not in game.to_save()
    old = state_from_json({k: v for k, v in game.state.to_json().items()})
    assert old == game.state


def test_a_type_override_holds_at_every_date_and_dated_changes_move_what_it_leaves_out(tmp_path):
    path = typed_minimal(
        tmp_path,
        (
            "      - id: hawk\n        name: hawkish\n        prior: 3\n",
            "      - id: hawk\n        name: hawkish\n        prior: 3\n        positions:\n"
            + "          - {issue: bridge, strength: 1}\n",
        ),
        (
            "    if_crossed: {tension: 5}\n",
            "    if_crossed: {tension: 5}\n    changes:\n      - when: [{turn_at_least: 2}]\n        acceptable: []\n",
        ),
    )
    scenario = load_scenario(path)
    game = Game.new(scenario, seed=1, types={"north": "hawk"})
    (before,) = true_positions(scenario, game, "north")
    game.play_turn({})
    (after,) = true_positions(scenario, game, "north")
    assert (before.strength, before.acceptable) == (1, ("demilitarised",))
    assert (after.strength, after.acceptable) == (1, ())  # the type's strength; the dated list
    assert scenario.positions_of("north")[0].strength == 3  # what the players are shown
