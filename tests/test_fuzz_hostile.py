"""Fuzzers, time-bounded for every test run: hostile saves and scenario files through the real commands.

The full runs (thousands of inputs) are `bench/fuzz_saves.py` and `bench/fuzz_scenarios.py`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.hostile import check_save, check_scenario, hostile_saves, hostile_scenarios

_FOLDER = Path(tempfile.mkdtemp(prefix="brinkmanship-fuzz-"))
_QUICK = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@pytest.mark.slow
@_QUICK
@given(hostile_saves())
def test_a_hostile_save_is_refused_in_one_line_or_loads_and_saves_again(data):
    check_save(data, _FOLDER)


@pytest.mark.slow
@_QUICK
@given(hostile_scenarios())
def test_a_hostile_scenario_file_is_refused_or_plays_with_nothing_unsafe_shown(data):
    check_scenario(data, _FOLDER)
