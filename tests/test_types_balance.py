"""Eastern Flank's deterrence/spiral dilemma (issue 8, Done when), on 1,000 games per policy.

The same US strategy must succeed against one Russian type and fail against the other:

| Russia is…       | US firm: wars | US conciliatory: wars |
|------------------|---------------|-----------------------|
| revisionist      | 23 of 495     | 399 of 495            |
| security-seeking | 38 of 505     | 0 of 505              |

(seed 1, this engine, with the ladder's chance; `python main.py simulate --as us --policy firm
--games 1000 --json`, `by_type`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.simulate import Policy, simulate
from game.scenario.loader import load_scenario

EASTERN_FLANK = Path(__file__).resolve().parents[1] / "scenarios" / "eastern_flank_2022.yaml"


def _wars(policy: str) -> dict[str, int]:
    scenario = load_scenario(EASTERN_FLANK)
    report = simulate(scenario, 1000, 1, Policy("us", policy))
    return {t: counts["war"] for t, counts in report.by_type["russia"].items()}


@pytest.mark.slow
def test_firmness_deters_a_revisionist_russia_and_provokes_a_security_seeking_one():
    firm, conciliatory = _wars("firm"), _wars("conciliatory")
    assert firm["revisionist"] < conciliatory["revisionist"], (firm, conciliatory)
    assert conciliatory["security_seeking"] < firm["security_seeking"], (firm, conciliatory)


@pytest.mark.slow
def test_every_eastern_flank_outcome_and_option_happens_in_computer_games_unless_justified():
    scenario = load_scenario(EASTERN_FLANK)
    report = simulate(scenario, 1000, 1)
    text = EASTERN_FLANK.read_text(encoding="utf-8").splitlines()
    justified = {
        line.split("id:")[1].split("#")[0].strip()
        for line in text
        if "- id:" in line and "# justified:" in line
    }
    rare = [o.id for o in scenario.outcomes if report.outcomes[o.id] < 10 and o.id not in justified]
    unused = [o.id for o in scenario.options if report.options[o.id] == 0 and o.id not in justified]
    assert rare == [] and unused == [], (rare, unused)
