"""Engine rules, written as cases: given a state, these orders, this is what happens and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.conditions import all_hold, all_of
from game.engine.game import Game, IllegalOrder
from game.engine.resolve import availability, option_available, resolve
from game.engine.state import GameState
from game.scenario import model as m
from game.scenario.loader import load_scenario
from tests.engine_fixtures import crisis, with_strength


def play(scenario, blue: str, red: str, state: GameState | None = None):
    return resolve(scenario, state or GameState.initial(scenario), {"blue": blue, "red": red})


def test_crossing_red_line_escalates_and_quotes_the_position():
    scenario = crisis()
    state, record = play(scenario, "reaffirm_open_door", "demand_never")
    # own effect +1, Red's red line crossed: +3 × strength 3 = +9; Blue's own red line crossed by Red: +2 × 2
    assert state.tension == 40 + 1 + 9 + 4
    crossing = [
        c for c in record.changes if c.reason.rule == "reaction_crossed" and c.reason.position.actor == "red"
    ]
    assert crossing, "crossing Red's red line must produce a recorded reaction"
    sentence = crossing[0].sentence
    assert "red line" in sentence and "Red Leader" in sentence and "Our concerns were overlooked." in sentence
    assert "Reaffirm open door" in sentence


def test_red_line_response_fires_once_and_opens_new_options():
    scenario = crisis()
    state, record = play(scenario, "reaffirm_open_door", "talk")
    assert "red_mobilised" in state.flags
    responses = [c for c in record.changes if c.reason.rule == "red_line_response"]
    assert len(responses) == 1
    game = Game.new(scenario, seed=1, humans=("blue", "red"))
    assert not {s.option.id: s for s in game.options_for("red")}["invade"].available
    game.play_turn({"blue": "reaffirm_open_door", "red": "talk"})
    assert {s.option.id: s for s in game.options_for("red")}["invade"].available


def test_honouring_a_preferred_position_calms_and_is_explained():
    scenario = crisis()
    state, record = play(scenario, "wait", "talk")
    honoured = [c for c in record.changes if c.reason.rule == "reaction_honoured"]
    # Red's "talk" signals a pause: acceptable to Blue (half of strength 2) and preferred by Grey.
    assert any(c.reason.position.actor == "grey" and c.kind == "meter" for c in honoured)
    assert any("acceptable to Blue" in c.sentence for c in honoured)
    assert state.tension < 40


def test_reaction_size_follows_how_strongly_the_position_is_held():
    rises = []
    for strength in (1, 2, 3):
        state, _ = play(with_strength(crisis(), strength), "reaffirm_open_door", "talk")
        rises.append(state.tension)
    assert rises[0] < rises[1] < rises[2]


def test_unknown_and_illegal_orders_are_refused_without_changing_anything():
    scenario = crisis()
    state = GameState.initial(scenario)
    with pytest.raises(IllegalOrder, match="not one of Red Federation's options"):
        resolve(scenario, state, {"blue": "wait", "red": "launch_everything"})
    with pytest.raises(IllegalOrder, match="cannot order .*Invade.*needs"):
        resolve(scenario, state, {"blue": "wait", "red": "invade"})
    with pytest.raises(IllegalOrder, match="has no order"):
        resolve(scenario, state, {"blue": "wait"})
    with pytest.raises(IllegalOrder, match="not a playable side"):
        resolve(scenario, state, {"blue": "wait", "red": "talk", "grey": "wait"})
    assert state == GameState.initial(scenario)


def test_war_outcome_when_the_ladder_reaches_war():
    game = Game.new(crisis(), seed=3, humans=("blue", "red"))
    game.play_turn({"blue": "reaffirm_open_door", "red": "demand_never"})
    record = game.play_turn({"blue": "wait", "red": "invade"})
    assert record.outcome == "war" and game.is_over and game.outcome.title == "War"
    assert any(c.kind == "rung" and c.after == "War" for c in record.changes)
    with pytest.raises(IllegalOrder, match="over"):
        game.play_turn({"blue": "wait", "red": "talk"})


def test_default_outcome_at_the_turn_limit():
    game = Game.new(crisis(turn_limit=2), seed=3, humans=("blue", "red"))
    game.play_turn({"blue": "wait", "red": "demand_never"})
    assert not game.is_over
    game.play_turn({"blue": "wait", "red": "demand_never"})
    assert game.outcome.id == "standoff" and len(game.history) == 2


def test_scripted_inject_fires_once_and_instructor_inject_waits_for_the_instructor():
    game = Game.new(crisis(), seed=3, humans=("blue", "red"))
    first = game.play_turn({"blue": "wait", "red": "demand_never"})
    assert first.injects == ()
    second = game.play_turn({"blue": "wait", "red": "demand_never"})
    assert second.injects == ("summit",)
    game.inject("leak")
    third = game.play_turn({"blue": "wait", "red": "demand_never"})
    assert third.injects == ("leak",)
    assert any("the instructor announced “A leak”" in c.sentence for c in third.changes)
    with pytest.raises(IllegalOrder, match="already happened"):
        game.inject("leak")


def test_undo_takes_back_exactly_one_turn():
    game = Game.new(crisis(), seed=3, humans=("blue", "red"))
    game.play_turn({"blue": "wait", "red": "talk"})
    after_one = game.state.to_json()
    game.play_turn({"blue": "reaffirm_open_door", "red": "demand_never"})
    assert game.undo()
    assert game.state.to_json() == after_one and len(game.history) == 1


def test_date_advances_by_the_turn_length():
    game = Game.new(crisis(), seed=3, humans=("blue", "red"))
    game.play_turn({"blue": "wait", "red": "talk"})
    assert game.state.date == "2022-02-09" and game.state.turn == 2


def test_computer_player_explains_its_choice_from_its_own_positions():
    game = Game.new(crisis(), seed=5, humans=("blue",), temperaments={"red": "hard_line"})
    decision = game.computer_choice("red")
    assert decision.option_id in {o.id for o in game.scenario.options_of("red")}
    assert decision.explanation.startswith("Red Federation orders “"), "its temperament is not told in play"
    assert "because" in decision.explanation
    record = game.play_turn({"blue": "reaffirm_open_door"})
    assert record.decisions["red"].option_id == record.orders["red"]


def test_computer_players_never_read_this_turns_human_order():
    scenario = crisis()
    choices = set()
    for blue_order in ("wait", "reaffirm_open_door", "offer_pause"):
        game = Game.new(scenario, seed=11, humans=("blue",))
        choices.add(game.play_turn({"blue": blue_order}).orders["red"])
    assert len(choices) == 1


def test_a_classroom_game_is_still_a_classroom_game_after_loading():
    scenario = crisis()
    game = Game.new(scenario, seed=2, humans=("blue",), classroom=True)
    game.play_turn({"blue": "wait"})
    again = Game.from_save(scenario, game.to_save())
    assert again.classroom and again.humans == ("blue",)
    assert not Game.from_save(scenario, Game.new(scenario, seed=2, humans=("blue",)).to_save()).classroom


def test_an_unanswered_demand_is_worth_less_each_time_it_is_repeated():
    from game.engine.ai import TEMPERAMENTS, _terms

    scenario = crisis()
    game = Game.new(scenario, seed=1, humans=("blue", "red"))
    demand = scenario.option("demand_never")

    def own_wish(state):
        terms = _terms(scenario, state, "red", demand, TEMPERAMENTS["hard_line"])
        return sum(
            t.value for t in terms if t.stance == ("membership", "never") and "is what it wants" in t.words
        )

    first = own_wish(game.state)
    game.play_turn({"blue": "wait", "red": "demand_never"})
    second = own_wish(game.state)
    assert 0 < second < first


def test_loading_a_save_on_a_changed_scenario_says_so():
    from dataclasses import replace

    scenario = crisis()
    game = Game.new(scenario, seed=2, humans=("blue",))
    game.play_turn({"blue": "reaffirm_open_door"})
    saved = game.to_save()
    assert Game.from_save(scenario, saved).load_warnings == []
    changed = replace(with_strength(scenario, 1), content_hash="edited")
    warnings = Game.from_save(changed, saved).load_warnings
    assert warnings and "changed since this game was saved" in warnings[0]
    assert any("stands differently" in w for w in warnings)


def test_partners_and_rivals_are_read_from_the_stated_positions():
    from dataclasses import replace

    from game.engine.ai import relation
    from game.scenario import model as m

    scenario = crisis()
    green = m.Actor("green", "Green Republic", "Green", "#009e73", False, "green")
    wants_open = m.Position(
        "green",
        "membership",
        3,
        ("open",),
        (),
        ("never",),
        (m.Evidence("Green President", "article", paraphrase="We want in."),),
    )
    scenario = replace(
        scenario, actors=scenario.actors + (green,), positions=scenario.positions + (wants_open,)
    )
    assert relation(scenario, "blue", "grey") == "ally"  # same side
    assert relation(scenario, "blue", "green") == "partner"  # wants what Blue wants
    assert relation(scenario, "red", "green") == ""  # wants what Red will not accept
    game = Game.new(scenario, seed=1, humans=("red",), temperaments={"blue": "cautious"})
    explanation = game.computer_choice("blue").explanation
    assert "Green" not in explanation or "partner Green" in explanation


def test_flags_read_as_words_with_actor_names():
    from game.engine.conditions import flag_words

    scenario = crisis()
    assert flag_words(scenario, "red_mobilised") == "Red mobilised"
    _state, record = play(scenario, "reaffirm_open_door", "talk")
    assert any(c.kind == "flag" and c.subject == "“Red mobilised”" for c in record.changes)
    game = Game.new(scenario, seed=1, humans=("blue", "red"))
    invade = {s.option.id: s for s in game.options_for("red")}["invade"]
    assert invade.reason == "needs “Red mobilised” to have happened"


def test_a_reason_met_on_two_issues_is_given_once_at_its_full_weight():
    from game.engine.ai import TEMPERAMENTS, _Term, explain

    scenario = crisis()
    option = scenario.options_of("red")[0]
    terms = [
        _Term(3.0, "it defies Blue's red line"),
        _Term(3.0, "it defies Blue's red line"),
        _Term(5.0, "it builds resolve"),
        _Term(-1.0, "it raises tension"),
    ]
    text = explain(scenario, "red", option, terms, TEMPERAMENTS["hard_line"])
    # 3 + 3 outweighs 5: the twice-met reason leads, and is said once.
    assert text.endswith(
        "because it defies Blue's red line and it builds resolve, although it raises tension."
    )


def test_the_turn_in_sum_is_where_each_number_ended_against_where_it_began():
    from game.engine.records import net_changes

    scenario = crisis()
    _, record = play(scenario, "reaffirm_open_door", "demand_never")
    net = {n.subject: n for n in net_changes(record)}
    assert net["tension"].before == record.tension_before and net["tension"].after == record.tension_after
    for change in record.changes:
        if change.kind == "meter":
            steps = sum(c.after - c.before for c in record.changes if c.subject == change.subject)
            if steps:
                assert net[change.subject].delta == steps
            else:  # up then back down: nothing to sum up
                assert change.subject not in net
    assert next(iter(net)) == "tension", "tension first, then the meters and issues"
    assert net["Red's resolve"].short == "Red's resolve 50 → 56 (+6)"
    assert "Blue's resolve" not in net, "Blue's resolve rose and fell back within the turn"


def test_a_negated_condition_is_said_the_plain_way_round():
    from game.engine.conditions import describe
    from game.scenario import model as m

    scenario = crisis()
    state = GameState.initial(scenario)
    issue = scenario.issues[0]
    state_name = issue.states[0].name
    said = describe(m.Not(m.IssueIs(issue.id, (issue.states[0].id,))), scenario, state)
    assert said == f"not possible while {issue.name} is “{state_name}”"
    assert (
        describe(m.Not(m.TensionAtLeast(90)), scenario, state)
        == f"needs tension below 90 (now {state.tension})"
    )
    assert describe(m.Not(m.Not(m.TensionBelow(90))), scenario, state).startswith("needs tension below 90")


def test_possessives_read_right_for_plural_names():
    from game.wording import possessive

    assert [possessive(n) for n in ("Russia", "US", "NATO allies", "Belarus", "Stryker squadron")] == [
        "Russia's",
        "US's",
        "NATO allies'",
        "Belarus's",
        "Stryker squadron's",
    ]


def test_the_engine_and_the_text_game_never_import_pygame():
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, pkgutil, importlib, game.engine, game.scenario, game.text_mode, game.cli\n"
        "for mod in pkgutil.walk_packages(game.engine.__path__, 'game.engine.'):\n"
        "    importlib.import_module(mod.name)\n"
        "print('pygame' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "False"


def _every_kind_of_condition(scenario, state) -> list:
    """Conditions of every kind, at and beside this state's own values (so each boundary is asked)."""
    found: list = []
    for value in (state.tension - 1, state.tension, state.tension + 1):
        found += [m.TensionAtLeast(value), m.TensionBelow(value)]
    for value in (state.turn - 1, state.turn, state.turn + 1):
        found.append(m.TurnAtLeast(value))
    found += [m.DateAtLeast(state.date), m.DateAtLeast("1900-01-01"), m.DateAtLeast("2999-01-01")]
    for rung in scenario.ladder:
        found += [m.RungAtLeast(rung.id), m.RungBelow(rung.id)]
    flags = {f for o in scenario.options for f in o.effects.set_flags} | set(state.flags)
    found += [c for f in sorted(flags) for c in (m.FlagSet(f), m.FlagNotSet(f))]
    for issue in scenario.issues:
        found += [m.IssueIs(issue.id, (s.id,)) for s in issue.states]
    for actor_id, meters in state.meters.items():
        for meter, value in meters.items():
            for v in (value - 1, value, value + 1):
                found += [m.MeterAtLeast(actor_id, meter, v), m.MeterBelow(actor_id, meter, v)]
    found += [m.Chosen(o.id) for o in scenario.options]
    found += [m.ForceAt(f.id, p.id) for f in scenario.forces for p in scenario.places]
    found += [m.Not(c) for c in list(found)]
    found += [m.AnyOf(tuple(found[i : i + 3])) for i in range(0, len(found), 3)]
    return found


@pytest.mark.parametrize("name", ["eastern_flank_2022.yaml", "cuba_1962.yaml"])
def test_conditions_bound_once_read_as_the_rules_do(name):
    """Batch games ask an option's requirements, an outcome's and an inject's `when` through
    functions bound once (conditions.all_of, resolve.availability); in every state of a few games,
    each answers as the rules' own reading (all_hold, option_available) does."""
    scenario = load_scenario(Path(__file__).resolve().parents[1] / "scenarios" / name)
    asked = 0
    for seed in range(2):
        game = Game.new(scenario, seed=seed)
        while True:
            state = game.state
            for option in scenario.options:
                check = availability(option)
                bound = check(scenario, state) if check is not None else state.outcome is None
                assert bound == option_available(scenario, state, option), option.id
            whens = [o.when for o in scenario.outcomes] + [i.when for i in scenario.injects]
            kinds = _every_kind_of_condition(scenario, state)
            whens += [(c,) for c in kinds] + [tuple(kinds[i : i + 4]) for i in range(0, len(kinds), 4)]
            for when in whens:
                assert all_of(when)(scenario, state) == all_hold(when, scenario, state), when
                asked += 1
            if game.is_over:
                break
            game.play_turn({})
    assert asked > 0
