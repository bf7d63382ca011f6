"""The published JSON Schema: in step with `python main.py schema`, with the loader's keys, and with real files."""

from __future__ import annotations

import functools
import json

import pytest
import yaml

from game.cli import main
from game.scenario.keys import KEYS
from game.scenario.schema import scenario_schema
from tests.loader_fixtures import MINIMAL, PROJECT

SCHEMA_FILE = PROJECT / "scenarios" / "scenario.schema.json"


def test_schema_file_equals_the_schema_command(capsys):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == printed, (
        "scenarios/scenario.schema.json is stale: run `python main.py schema > scenarios/scenario.schema.json`"
    )


def test_schema_knows_exactly_the_keys_the_loader_knows():
    schema = scenario_schema()
    for kind, (required, optional) in KEYS.items():
        node = schema if kind == "scenario" else schema["$defs"][kind]
        assert set(node["properties"]) == set(required) | set(optional), kind
        assert node.get("required", []) == list(required), kind
        assert node["additionalProperties"] is False
        assert all("description" in p or "$ref" in p for p in node["properties"].values()), kind


@functools.cache
def _validator():
    import jsonschema  # in the test extra: the published schema must really validate files

    jsonschema.Draft202012Validator.check_schema(scenario_schema())
    return jsonschema.Draft202012Validator(scenario_schema())


VALID = [
    MINIMAL,
    *sorted((PROJECT / "scenarios").glob("*.yaml")),
    PROJECT / "docs" / "scenario-template.yaml",
]


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_scenarios_satisfy_the_schema(path):
    validator = _validator()
    data = yaml.load(
        path.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )  # libyaml if there
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_schema_flags_a_misspelt_key_while_typing():
    validator = _validator()
    data = yaml.safe_load(MINIMAL.read_text())
    data["actors"][0]["colur"] = data["actors"][0].pop("colour")
    messages = [e.message for e in validator.iter_errors(data)]
    assert any("'colur' was unexpected" in msg for msg in messages)
    assert any("'colour' is a required property" in msg for msg in messages)
