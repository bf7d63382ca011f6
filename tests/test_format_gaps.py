"""Format gaps an instructor met writing the Taiwan Strait crisis of 1995–96, each optional: turns of
uneven length (`turn_dates`), injects that come on a date (`date_at_least`), and an actor no team plays
that still gives an order every turn (`acts: true`, Japan in that crisis)."""

from __future__ import annotations

import json

import pytest

from game.engine.game import Game, IllegalOrder
from game.scenario.loader import check_file, load_scenario
from tests.loader_fixtures import mutated, position

DATES = '["2022-02-03", "2022-02-04", "2022-02-10", "2022-03-01", "2022-03-02", "2022-03-20"]'
SPRING = """  - id: spring
    title: Spring
    text: "News flash: the thaw comes."
    when: [{date_at_least: "2022-03-01"}]
    effects: {tension: 1}
"""


def _errors(path) -> list[str]:
    return [p.format() for p in check_file(path)[1] if p.is_error]


def test_turns_take_their_dates_from_the_list_and_an_inject_comes_on_its_date(tmp_path):
    path = mutated(tmp_path, "turn_days: 7\n", f"turn_days: 7\nturn_dates: {DATES}\n")
    path.write_text(path.read_text(encoding="utf-8").replace("injects:\n", "injects:\n" + SPRING, 1), "utf-8")
    scenario = load_scenario(path)
    game = Game.new(scenario, seed=1, humans=("north", "south"))
    dates, fired = [], {}
    while not game.is_over:
        dates.append(game.state.date)
        record = game.play_turn({"north": "talk_north", "south": "sanction"})
        fired[record.date] = record.injects
    assert len(dates) >= 4, "the game must reach the 1 March turn for this test to say anything"
    assert dates == json.loads(DATES)[: len(dates)]
    assert "spring" in fired["2022-03-01"]
    assert all("spring" not in fired[d] for d in dates if d < "2022-03-01")


def test_turn_dates_are_checked(tmp_path):
    wrong_first = mutated(tmp_path, "turn_days: 7\n", 'turn_days: 7\nturn_dates: ["2022-02-04"]\n', "a.yaml")
    assert any("the first turn date must be the start_date '2022-02-03'" in e for e in _errors(wrong_first))
    assert any("'turn_dates' has 1 dates but 'turn_limit' is 6" in e for e in _errors(wrong_first))
    falling = DATES.replace('"2022-02-10"', '"2022-02-01"')
    path = mutated(tmp_path, "turn_days: 7\n", f"turn_days: 7\nturn_dates: {falling}\n", "b.yaml")
    assert any(
        e.startswith(position(path, '"2022-02-01"')) and "must come after '2022-02-04': turn dates rise" in e
        for e in _errors(path)
    )


def test_a_date_condition_is_checked_and_one_after_the_last_turn_never_comes(tmp_path):
    bad = mutated(tmp_path, "when: [{rung_at_least: war}]", 'when: [{date_at_least: "1 March"}]', "c.yaml")
    assert any("'date_at_least' is '1 March', not a date written" in e for e in _errors(bad))
    late = mutated(
        tmp_path, "when: [{rung_at_least: war}]", 'when: [{date_at_least: "2023-01-01"}]', "d.yaml"
    )
    assert any("2023-01-01 never comes (the last turn is on 2022-03-10)" in e for e in _errors(late))


OBSERVER_OPTIONS = """  - id: observe
    actor: observer
    label: Observe the bridge
    category: diplomatic
    stances: {bridge: demilitarised}
    effects: {tension: -1}

injects:"""


def test_an_actor_that_acts_orders_every_turn_but_no_team_can_play_it(tmp_path):
    path = mutated(tmp_path, "    playable: false\n", "    playable: false\n    acts: true\n")
    path.write_text(path.read_text(encoding="utf-8").replace("injects:", OBSERVER_OPTIONS, 1), "utf-8")
    scenario = load_scenario(path)
    game = Game.new(scenario, seed=1, humans=("south",))
    assert "observer" in game.computer_sides
    record = game.play_turn({"south": "talk_south"})
    assert record.orders["observer"] == "observe" and "observer" in record.decisions
    with pytest.raises(IllegalOrder):
        Game.new(scenario, seed=1, humans=("observer",))


def test_an_actor_that_acts_needs_an_option_it_can_always_order(tmp_path):
    path = mutated(tmp_path, "    playable: false\n", "    playable: false\n    acts: true\n")
    assert any("actor 'observer' acts each turn but has no options" in e for e in _errors(path))
    quiet = mutated(tmp_path, "injects:", OBSERVER_OPTIONS, "quiet.yaml")
    warnings = [p.format() for p in check_file(quiet)[1] if not p.is_error]
    assert any("give 'observer' 'acts: true' to have the computer order for it" in w for w in warnings)


AREA = """areas:
  - id: closure_zone
    name: "Closure zone"
    points: [[46.0, 18.0], [48.5, 18.5], [48.0, 22.0], [45.5, 21.5]]
    note: "Closed to shipping for the exercise."

forces:
"""


def test_an_area_is_read_and_drawn_on_the_map(tmp_path):
    import pygame

    from game.client import theme as th
    from game.client.mapview import MapView
    from game.client.text import Painter, TextCache
    from game.client.theme import Theme, actor_shapes, side_styles

    plain = load_scenario(mutated(tmp_path, "forces:\n", "forces:\n", "plain.yaml"))
    with_area = load_scenario(mutated(tmp_path, "forces:\n", AREA))
    assert with_area.areas[0].points[0] == (46.0, 18.0) and with_area.areas[0].name == "Closure zone"
    pygame.display.init()
    pygame.font.init()
    try:
        danger = []
        for scenario in (plain, with_area):
            view = MapView(scenario, side_styles(scenario), actor_shapes(scenario))
            painter = Painter(pygame.Surface((640, 480)), TextCache(), Theme(720, False))
            layer = view.static_layer(painter, (640, 480))
            # Pixels of exactly the danger colour, counted with pygame's mask (surfarray would need numpy).
            exact = pygame.mask.from_threshold(layer, (*th.DANGER[:3], 255), (1, 1, 1, 255))
            danger.append(exact.count())
    finally:
        pygame.display.quit()
    assert danger[1] > danger[0] + 200, "the area's outline adds its colour to the map"


def test_an_area_needs_three_corners_written_lat_lon(tmp_path):
    few = mutated(tmp_path, "forces:\n", AREA.replace(", [48.0, 22.0], [45.5, 21.5]]", "]"), "few.yaml")
    assert any("area 'closure_zone' needs at least three corners" in e for e in _errors(few))
    bad = mutated(tmp_path, "forces:\n", AREA.replace("[46.0, 18.0]", "[46.0]"), "bad.yaml")
    assert any(
        e.startswith(position(bad, "[46.0]")) and "a corner of an area is written [lat, lon]" in e
        for e in _errors(bad)
    )


CHANGE = """    red_lines: [seized]
    changes:
      - when: [{date_at_least: "2022-02-10"}]
        summary: "South would now live with a seized bridge."
        acceptable: [seized]
        red_lines: []
"""


def test_a_position_changes_from_its_date_and_orders_read_against_the_new_one(tmp_path):
    path = mutated(tmp_path, "    red_lines: [seized]\n", CHANGE)
    scenario = load_scenario(path)
    game = Game.new(scenario, seed=1, humans=("north", "south"))
    before = {r.actor_id: r.verdict for r in game.readings("seize_bridge")}
    assert before["south"] == "red_line", "on 3 February the seizure crosses South's red line"
    game.play_turn({"north": "talk_north", "south": "sanction"})
    assert game.state.date == "2022-02-10"
    after = {r.actor_id: r.verdict for r in game.readings("seize_bridge")}
    assert after["south"] == "acceptable", "from 10 February South has said it can live with it"
    assert scenario.positions[1].red_lines == ("seized",), "the scenario itself is never changed"


def test_a_change_names_states_of_its_own_issue(tmp_path):
    path = mutated(
        tmp_path, "    red_lines: [seized]\n", CHANGE.replace("acceptable: [seized]", "acceptable: [sized]")
    )
    assert any("issue 'bridge' has no state 'sized' (did you mean 'seized'?)" in e for e in _errors(path))
