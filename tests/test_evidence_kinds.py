"""Evidence of four kinds, each shown for what it is, and never blank.

A teacher must be able to tell, on every screen, the speaker's own words from
a news report's wording of them, from a translation, from our paraphrase.
Files written before kinds existed keep loading: the field decides the kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.debrief import markdown
from game.engine.game import Game
from game.scenario import model as m
from game.scenario.evidence import cite, cite_evidence, words_first
from game.scenario.loader import check_file, load_scenario
from tests.loader_fixtures import MINIMAL, mutated, position

QUOTE_LINES = '        quote: "The bridge is ours."\n        source: article\n'
SEED = Path(__file__).resolve().parents[1] / "scenarios" / "eastern_flank_2022.yaml"


def _errors(path: Path) -> list[str]:
    return [p.format() for p in check_file(path)[1] if p.is_error]


def test_evidence_without_a_kind_is_read_as_before():
    scenario = load_scenario(MINIMAL)
    quote, paraphrase = (p.evidence[0] for p in scenario.positions[:2])
    assert quote.form == m.QUOTE and quote.is_verbatim and not quote.date
    assert paraphrase.form == m.PARAPHRASE and not paraphrase.is_quote


@pytest.mark.parametrize("blank", ['""', "'   '", ""])
def test_a_blank_quote_is_an_error_not_an_empty_line_on_screen(tmp_path, blank):
    path = mutated(tmp_path, 'quote: "The bridge is ours."', f"quote: {blank}")
    errors = _errors(path)
    assert any("'quote' of evidence has no value" in e for e in errors), errors
    assert errors[0].startswith(position(path, "quote:").rsplit(":", 1)[0])


def test_a_blank_paraphrase_is_an_error(tmp_path):
    path = mutated(tmp_path, 'paraphrase: "South will not accept a seized bridge."', 'paraphrase: " "')
    assert any("'paraphrase' of evidence has no value" in e for e in _errors(path))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("        kind: translation\n", "a translation names its original language"),
        ("        kind: paraphrase\n", "holds our words in 'paraphrase:', not 'quote:'"),
        ("        language: Russian\n", "'language' is only for evidence of 'kind: translation'"),
        ("        kind: verbatim\n", "'kind' of evidence is 'verbatim'; it must be one of quote, reported"),
        (
            '        date: "3 February"\n',
            "the date of evidence '3 February' is not a date written YYYY-MM-DD",
        ),
    ],
    ids=["translation without language", "kind against field", "language alone", "unknown kind", "bad date"],
)
def test_kind_language_and_date_are_checked(tmp_path, extra, message):
    path = mutated(tmp_path, QUOTE_LINES, QUOTE_LINES + extra)
    errors = _errors(path)
    assert any(message in e for e in errors), errors


def test_a_dated_translation_loads(tmp_path):
    extra = '        kind: translation\n        language: Russian\n        date: "2022-02-01"\n'
    scenario = load_scenario(mutated(tmp_path, QUOTE_LINES, QUOTE_LINES + extra))
    evidence = scenario.positions[0].evidence[0]
    assert (evidence.form, evidence.language, evidence.date) == (m.TRANSLATION, "Russian", "2022-02-01")


def test_each_kind_is_worded_differently():
    said = {"speaker": "Vladimir Putin", "source": "s"}
    shown = {
        cite_evidence(m.Evidence(**said, quote="Words.")),
        cite_evidence(m.Evidence(**said, quote="Words.", kind=m.REPORTED)),
        cite_evidence(m.Evidence(**said, quote="Words.", kind=m.TRANSLATION, language="Russian")),
        cite_evidence(m.Evidence(**said, paraphrase="Words.")),
    }
    assert shown == {
        "Vladimir Putin: “Words.”",
        "Vladimir Putin (as reported (the source's wording, not verbatim)): “Words.”",
        "Vladimir Putin (translated from Russian): “Words.”",
        "Vladimir Putin (paraphrased): Words.",
    }
    lead = words_first(m.Evidence(**said, quote="Words.", kind=m.REPORTED))
    assert lead.startswith("Reported speech (the source's wording, not verbatim): “Words.”")


def test_before_its_date_a_position_is_cited_as_stated_later():
    later = m.Evidence("Olaf Scholz", "s", paraphrase="Not on the agenda.", date="2022-02-15")
    earlier = m.Evidence("Germany", "s", paraphrase="Leads the battlegroup.", date="2016-07-09")
    alone = m.Position("germany", "i", 1, ("a",), (), (), (later,))
    both = m.Position("germany", "i", 1, ("a",), (), (), (later, earlier))
    assert cite(alone, "2022-02-02") == "Olaf Scholz: stated later (on record from 15 February 2022)"
    assert cite(both, "2022-02-02") == "Germany (paraphrased): Leads the battlegroup."
    assert cite(both, "2022-02-16") == "Olaf Scholz (paraphrased): Not on the agenda."


def test_the_debrief_shows_the_kind_of_each_citation():
    """A translation, a primary record's words and a paraphrase are each labelled in the exported debrief."""
    scenario = load_scenario(SEED)
    game = Game.new(scenario, seed=1, humans=("us", "nato", "russia"))
    game.play_turn(
        {"us": "us_offer_talks", "nato": "nato_back_leader_diplomacy", "russia": "russia_hold_forces"}
    )
    text = markdown(game)
    assert "Vladimir Putin (translated from Russian): “It’s already clear now" in text
    assert (
        "10 Downing Street (readout of Johnson's call with Putin): “They agreed to apply this spirit" in text
    )
    assert "(paraphrased):" in text


def test_the_window_briefing_labels_each_kind_and_hides_what_was_said_later(tmp_path, monkeypatch):
    import pygame

    from tests.window_fixtures import TINY, button, make_app, press, tab_to

    monkeypatch.setenv("BRINKMANSHIP_HOME", str(tmp_path / "home"))
    text = TINY.replace(
        '{speaker: Blue Spokesman, source: article, paraphrase: "The harbour stays open."}',
        '{speaker: Blue Spokesman, source: article, kind: reported, quote: "The harbour stays open."}',
    ).replace(
        '{speaker: Red Leader, source: article, quote: "Our concerns were overlooked."}',
        '{speaker: Red Leader, source: article, quote: "Our concerns were overlooked.", date: "2022-02-20"}',
    )
    assert text.count("kind: reported") == 1 and text.count('date: "2022-02-20"') == 1
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(text, encoding="utf-8")
    app = make_app(folder)
    try:
        tab_to(app, button("Start"))
        press(app, pygame.K_RETURN)
        press(app, pygame.K_q)  # the speakers' own words
        shown = app.shown_text()
    finally:
        pygame.display.quit()
    assert (
        "Reported speech (the source's wording, not verbatim): “The harbour stays open.” — Blue Spokesman"
        in shown
    )
    assert "Red Leader: stated later (on record from 20 February 2022)" in shown
    assert "Our concerns were overlooked." not in shown and "Red wants the harbour closed." not in shown
