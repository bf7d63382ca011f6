"""The second scenario (scenarios/cuba_1962.yaml): another era, region and set of actor ids.

It proves the format is general: it loads cleanly, each playable side has a real
choice, and every statement is a paraphrase (the project has no verbatim source
text to check quotes against). That every outcome is reachable and computer
games do not all end alike is checked for every shipped scenario in
test_scenario_balance.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario

CUBA = Path(__file__).resolve().parents[1] / "scenarios" / "cuba_1962.yaml"
PLAYABLE = ("usa", "ussr", "cuba")


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(CUBA)


def test_first_line_points_editors_at_the_schema():
    first = CUBA.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=scenario.schema.json"


def test_loads_without_problems(scenario):
    assert scenario.id == "cuba_1962"
    assert scenario.start_date == "1962-10-16" and scenario.turn_days == 2
    assert (scenario.map.west, scenario.map.east, scenario.map.south, scenario.map.north) == (
        -100,
        -60,
        10,
        35,
    )


def test_validator_reports_nothing_unanswered(capsys):
    """Two warnings (Castro's words dated after the last turn) are answered by '# justified:' comments."""
    from game.cli import main

    assert main(["validate", str(CUBA)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == f"{CUBA}: ok (2 warnings justified in comments)", out


def test_three_playable_sides_each_with_a_real_choice(scenario):
    assert tuple(a.id for a in scenario.playable_actors) == PLAYABLE
    for side in PLAYABLE:
        options = scenario.options_of(side)
        assert len(options) >= 6, side
        assert len({o.category for o in options}) >= 3, side


def test_outcomes_include_war_settlement_invasion_and_a_default(scenario):
    ids = {o.id for o in scenario.outcomes}
    assert {"nuclear_war", "negotiated_settlement", "invasion_of_cuba"} <= ids
    assert sum(1 for o in scenario.outcomes if o.default) == 1
    settlement = scenario.outcome("negotiated_settlement")
    assert settlement.historical and "Turkey" in settlement.historical_note


def test_every_evidence_item_is_a_paraphrase_with_a_known_source(scenario):
    sources = {s.id for s in scenario.sources}
    for position in scenario.positions:
        assert position.evidence, (position.actor, position.issue)
        for evidence in position.evidence:
            assert not evidence.is_quote, (position.actor, position.issue, evidence.speaker)
            assert evidence.paraphrase and evidence.speaker, (position.actor, position.issue)
            assert evidence.source in sources
