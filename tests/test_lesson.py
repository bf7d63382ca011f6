"""The lesson's rules, as a teacher meets them: reasons kept with orders, what-if replays, the grading
rows, class comparison, role sheets, the after-action review and the computer sides revealed."""

from __future__ import annotations

import csv
import html
import io

import pytest

from game.engine.game import Game, IllegalOrder
from game.engine.resolve import option_status
from game.lesson.compare import compare_page, whatif_page
from game.lesson.grading import COLUMNS, csv_text, grade_rows
from game.lesson.report import report_page
from game.lesson.reveal import reveal_lines, with_fixed_types
from game.lesson.review import debrief_html, debrief_markdown, review_rows
from game.lesson.roles import role_html, role_markdown
from game.lesson.whatif import what_if
from game.scenario.loader import load_scenario
from tests.lesson_fixtures import SEED_SCENARIO, class_game, reason


def test_a_reason_travels_with_its_order_through_save_and_undo():
    game = class_game(turns=2)
    assert game.history[0].rationales["russia"] == reason("russia", 1)
    again = Game.from_save(game.scenario, game.to_save())
    assert [r.rationales for r in again.history] == [r.rationales for r in game.history]
    again.undo()
    assert len(again.rationales) == 1 and "rationales" in again.to_save()["turns"][0]


def test_a_save_from_before_lessons_still_loads():
    game = class_game(turns=2)
    old = game.to_save()
    for key in ("pending_orders", "pending_rationales", "ended_by_instructor", "settings"):
        del old[key]
    for turn in old["turns"]:
        del turn["rationales"]
    loaded = Game.from_save(game.scenario, old)
    assert loaded.state.to_json() == game.state.to_json() and loaded.history[0].rationales == {}


def test_orders_entered_mid_turn_are_kept_in_the_save_and_replay_the_same():
    game = class_game(turns=1)
    game.pending_orders["us"], game.pending_rationales["us"] = "us_offer_talks", "talk first"
    loaded = Game.from_save(game.scenario, game.to_save())
    assert loaded.pending_orders == {"us": "us_offer_talks"} and loaded.pending_rationales == {
        "us": "talk first"
    }


def test_ending_the_game_early_is_kept_and_undone_by_undo():
    game = class_game(turns=2)
    game.end_now()
    loaded = Game.from_save(game.scenario, game.to_save())
    assert loaded.is_over and loaded.outcome is None and len(loaded.history) == 2
    assert "The instructor ended the game after 2 turns" in debrief_markdown(loaded)
    loaded.undo()
    assert not loaded.is_over


def another_open_order(game: Game, turn: int, side: str) -> str:
    """An order the side could have given in that turn instead of the one it gave."""
    state = game.states[turn - 1]
    return next(
        o.id
        for o in game.scenario.options_of(side)
        if o.id != game.orders[turn - 1][side] and option_status(game.scenario, state, o)[0]
    )


def test_what_if_replays_every_earlier_turn_identically():
    game = class_game(seed=2, turns=4)
    instead = another_open_order(game, 3, "russia")
    result = what_if(game, 3, "russia", instead)
    branch = result.branch
    assert [s.to_json() for s in branch.states[:3]] == [s.to_json() for s in game.states[:3]]
    assert branch.orders[:2] == game.orders[:2] and branch.rationales[:2] == game.rationales[:2]
    assert branch.orders[2]["russia"] == instead
    assert {k: v for k, v in branch.orders[2].items() if k != "russia"} == {
        k: v for k, v in game.orders[2].items() if k != "russia"
    }


def test_what_if_refuses_an_order_the_side_could_not_give():
    game = class_game(turns=2)
    with pytest.raises(IllegalOrder, match="not an option"):
        what_if(game, 1, "russia", "us_offer_talks")
    with pytest.raises(IllegalOrder, match="was not played"):
        what_if(game, 5, "russia", "russia_hold_forces")


def test_what_if_of_a_game_still_open_is_compared_over_the_same_turns():
    game = class_game(turns=2)
    assert not game.is_over
    result = what_if(game, 2, "us", another_open_order(game, 2, "us"))
    assert len(result.branch.history) == 2
    page = whatif_page(result)
    assert html.escape(result.question) in page
    assert "≠" in page and "<svg" in page


def test_the_grading_rows_hold_one_row_per_team_per_turn_with_its_reason():
    game = class_game(turns=3)
    rows = list(csv.reader(io.StringIO(csv_text(grade_rows(game, "class A")))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == 3 * len(game.history)
    reasons = {r[COLUMNS.index("rationale")] for r in rows[1:]}
    assert reasons == {reason(s, t) for s in game.humans for t in range(1, len(game.history) + 1)}
    assert all(r[COLUMNS.index("tension_before")].isdigit() for r in rows[1:])


def test_a_reason_that_looks_like_a_formula_stays_text_in_the_spreadsheet():
    game = class_game(turns=1)
    game.history[0].rationales["us"] = '=HYPERLINK("http://x")'
    cells = list(csv.reader(io.StringIO(csv_text(grade_rows(game)))))[1:]
    assert cells[0][COLUMNS.index("rationale")].startswith("'=")


def test_the_comparison_page_names_every_group_and_holds_every_reason():
    games = [(f"group {n}", class_game(seed=n, turns=3)) for n in (1, 2)]
    page = compare_page(games)
    assert "group 1" in page and "group 2" in page and page.count("<polyline") == 2
    for _, game in games:
        for record in game.history:
            for why in record.rationales.values():
                assert why in page
    assert "<script" not in page and 'src="http' not in page


def test_games_of_different_scenarios_are_not_compared():
    cuba = load_scenario(SEED_SCENARIO.parent / "cuba_1962.yaml")
    with pytest.raises(ValueError, match="different scenarios"):
        compare_page([("a", class_game(turns=1)), ("b", Game.new(cuba, seed=1))])


def test_the_instructor_report_and_the_debrief_hold_every_reason():
    game = class_game(turns=3)
    every = [why for r in game.history for why in r.rationales.values()]
    for text in (report_page([("group 1", game)]), debrief_html(game), debrief_markdown(game)):
        assert all(why in text for why in every)


def test_a_role_sheet_tells_each_team_only_its_own_secrets():
    scenario = load_scenario(SEED_SCENARIO)
    us, russia = scenario.actor("us"), scenario.actor("russia")
    sheet = role_markdown(scenario, us)
    assert us.private_briefing.knows[0] in sheet
    assert russia.private_briefing.knows[0] not in sheet
    assert russia.private_briefing.knows[0] in role_html(scenario, russia).replace("&#x27;", "'")


def test_the_after_action_review_sets_each_order_beside_the_real_one():
    game = class_game(turns=2)
    rows = review_rows(game)
    real = {(h.turn, h.actor): h for h in game.scenario.historical_orders}
    assert rows and all(r.did == real[(r.turn, r.side)].did for r in rows)
    assert "After-action review" in debrief_markdown(game) and "## Sources" in debrief_markdown(game)


def test_an_instructor_fixes_one_computer_side_and_chance_draws_the_rest():
    scenario = load_scenario(SEED_SCENARIO)
    chosen = with_fixed_types(scenario, 5, ("us",), {"russia": "hard_line"})
    assert chosen["russia"] == "hard_line" and set(chosen) == {"nato", "russia"}
    game = Game.new(scenario, seed=5, humans=("us",), temperaments=chosen)
    game.settings = {"fixed_types": ["russia"]}
    lines = reveal_lines(game)
    assert any(
        "Russian Federation" in line and "hard-line" in line and "instructor" in line for line in lines
    )
    assert any("chance" in line for line in lines)


def test_a_reason_is_kept_as_one_line_of_bounded_length():
    game = class_game(turns=0)
    orders = {side: game.computer_choice(side).option_id for side in game.humans}
    game.play_turn(orders, {"us": "first line\nsecond   line", "nato": "x" * 5000, "russia": "   "})
    assert game.history[0].rationales == {"us": "first line second line", "nato": "x" * 200}
