"""Fidelity of the seed scenario to its source article, and of both scenarios to the record.

* the article's quotation marks hold its own rewording of a wire report, so its
  "quotes" are evidence of kind `reported`, verbatim from the article (only
  quote marks and whitespace are normalised) and given to a speaker the article
  names close before them;
* the speakers' own words (`quote`, `translation`) come only from primary
  records, and only the few the project has checked (listed below);
* every force whose figure is sourced to the article has a size the article gives;
* the project's prose does not copy the article's sentences;
* the fixes of issue 12 hold (one test each), and no turn shows words said after its date.

The article lives outside the project (../shared/source-article.txt, found in
any folder above the project); when it is absent the article checks are skipped, saying so.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from game.engine.game import Game
from game.engine.readings import read_option
from game.scenario.loader import load_scenario
from game.text_mode import show_briefing
from game.text_views import quotes_lines

PROJECT = Path(__file__).resolve().parents[1]
# In a git worktree the project sits deeper (…/wt/NAME), so look in every folder above it.
ARTICLE_PATH = next(
    (
        d / "shared" / "source-article.txt"
        for d in PROJECT.parents
        if (d / "shared" / "source-article.txt").is_file()
    ),
    PROJECT.parent / "shared" / "source-article.txt",
)
SCENARIO_PATH = PROJECT / "scenarios" / "eastern_flank_2022.yaml"

_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})


# ------------------------------------------------------------------ the checks
def normalise(text: str) -> str:
    """Only quote marks and whitespace are normalised: everything else must match exactly."""
    return re.sub(r"\s+", " ", text.translate(_QUOTE_MARKS)).strip()


def quoted_spans(article: str) -> list[str]:
    """The passages the article itself puts inside double quotation marks."""
    return re.findall(r'"([^"]+)"', normalise(article))


def quote_in_article(quote: str, article: str) -> bool:
    """True when the quote is, verbatim, (part of) something the article prints in quotation marks."""
    wanted = normalise(quote).strip('"')
    return bool(wanted) and any(wanted in span for span in quoted_spans(article))


def fold(text: str) -> str:
    """Lower case without diacritics (Błaszczak ~ Blaszczak), for matching names."""
    text = text.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def speaker_named_before(speaker: str, quote: str, article: str, window: int = 400) -> bool:
    """The speaker's surname appears in the article within `window` characters before the quote."""
    text = normalise(article)
    start = text.find(normalise(quote).strip('"'))
    if start < 0:
        return False
    surname = fold(re.sub(r"\(.*?\)", "", speaker).split()[-1])
    return surname in fold(text[max(0, start - window) : start])


def figure_in_article(size: int, article: str) -> bool:
    """The force's size is printed in the article, with or without thousands separators."""
    return f"{size:,}" in article or re.search(rf"(?<![\d,]){size}(?![\d,])", article) is not None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(normalise(text)))


@functools.lru_cache(maxsize=4)
def _grams(article: str, n: int) -> frozenset[tuple[str, ...]]:
    """Every run of n consecutive words in the article (worked out once, not once per text)."""
    art = _words(article)
    return frozenset(tuple(art[i : i + n]) for i in range(len(art) - n + 1))


def copied_run(text: str, article: str, n: int = 8) -> str:
    """The first run of n consecutive words that `text` shares with the article, or ''."""
    grams = _grams(article, n)
    words = _words(text)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) in grams:
            return " ".join(words[i : i + n])
    return ""


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE_PATH.is_file():
        pytest.skip(
            f"source article not found at {ARTICLE_PATH} (it lives outside the project, in ../shared/)"
        )
    return ARTICLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.load(
        SCENARIO_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )


def _evidence(raw: dict):
    for position in raw["positions"]:
        for ev in position["evidence"]:
            yield position, ev


def _strings(node, path=""):
    """Every text in the file with where it sits, e.g. ('options[3].description', '...')."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


# ------------------------------------------------------------------ the check functions themselves
def test_normalise_touches_only_quote_marks_and_whitespace():
    assert normalise("It’s  “clear”\n„x”") == 'It\'s "clear" "x"'
    assert normalise("obviously clear…") == "obviously clear…"  # the ellipsis is not a quote mark


def test_quote_check_rejects_a_tampered_quote(article):
    real = "We’ve made it clear that if the need arises, we’ll be ready to defend our NATO partners."
    assert quote_in_article(real, article)
    assert quote_in_article(real.replace("’", "'"), article)  # straight apostrophes are fine
    tampered = real.replace("ready to defend", "ready to protect")
    assert not quote_in_article(tampered, article)
    assert not quote_in_article("tragic mistake", article)  # what Johnson did not say here
    assert not quote_in_article("", article)


def test_quote_check_rejects_the_articles_own_narration(article):
    # In the article, but as its report of Blaszczak's words, not inside quotation marks.
    assert "powerful statement of unity" in article
    assert not quote_in_article("powerful statement of unity", article)
    assert not quote_in_article("defensive and appropriate", article)


def test_speaker_check_needs_the_name_near_the_quote(article):
    assert speaker_named_before("Vladimir Putin", "basic Russian concerns were overlooked", article)
    assert speaker_named_before("Boris Johnson", "tragic error", article)
    assert not speaker_named_before("John Kirby", "tragic error", article)
    assert not speaker_named_before("Jens Stoltenberg", "basic Russian concerns were overlooked", article)
    assert fold("Mariusz Błaszczak") == "mariusz blaszczak"


def test_figure_check(article):
    assert figure_in_article(1000, article) and figure_in_article(1700, article)
    assert figure_in_article(100000, article) and figure_in_article(3000, article)
    assert not figure_in_article(1800, article)
    assert not figure_in_article(10000, article)  # not a prefix of 100,000


def test_copied_run_finds_a_copied_sentence(article):
    assert copied_run(
        "Efforts by NATO, Russia, and Ukraine to establish a diplomatic solution have failed.", article
    )
    assert not copied_run("Talks between NATO, Russia and Ukraine have produced nothing so far.", article)


# ------------------------------------------------------------------ the scenario
# The speakers' own words the project has checked against a primary record, and
# nothing else: (speaker's surname, words, source id). Adding one means reading the record.
PRIMARY_WORDS = {
    ("Street", "tragic miscalculation", "downing_street_2022_02_02"),
    ("Street", "They agreed to apply this spirit of dialogue", "downing_street_2022_02_02"),
    (
        "Putin",
        "It’s already clear now … that fundamental Russian concerns were ignored.",
        "kremlin_2022_02_01",
    ),
}


def _kind(ev: dict) -> str:
    return ev.get("kind") or ("quote" if "quote" in ev else "paraphrase")


def _surname(speaker: str) -> str:
    return re.sub(r"\(.*?\)", "", speaker).split()[-1]


def test_the_articles_quotes_are_reported_speech_verbatim_from_it(raw, article):
    reported = [
        (p["actor"], ev) for p, ev in _evidence(raw) if ev.get("source") == "article" and "quote" in ev
    ]
    assert reported, "the seed scenario should give the article's wording somewhere"
    for actor, ev in reported:
        assert _kind(ev) == "reported", (
            f"{actor}: the article's words are its rewording, not {ev['speaker']}'s"
        )
        assert quote_in_article(ev["quote"], article), (
            f"{actor}: {ev['speaker']}'s words are not verbatim in the article: {ev['quote']!r}"
        )


def test_every_article_quote_has_a_speaker_the_article_names(raw, article):
    for _p, ev in _evidence(raw):
        if ev.get("source") == "article" and ev.get("quote"):
            assert speaker_named_before(ev["speaker"], ev["quote"], article), (
                f"{ev['speaker']} is not named in the article just before {ev['quote']!r}"
            )


def test_the_speakers_own_words_come_only_from_checked_primary_records(raw):
    own = {
        (_surname(ev["speaker"]), ev["quote"], ev["source"])
        for _, ev in _evidence(raw)
        if _kind(ev) in ("quote", "translation")
    }
    assert own == PRIMARY_WORDS


def test_a_translation_names_its_language(raw):
    for _, ev in _evidence(raw):
        if _kind(ev) == "translation":
            assert ev.get("language") == "Russian" and ev["source"].startswith("kremlin"), ev


def test_both_versions_of_johnson_and_putin_are_shown_side_by_side(raw):
    """Issue 12, item 1: the article's wording, and beside it the speaker's own words with their source."""
    by_position = {
        (p["actor"], p["issue"]): [(_kind(ev), ev.get("quote", "")) for ev in p["evidence"]]
        for p in raw["positions"]
    }
    assert ("quote", "tragic miscalculation") in by_position["uk", "border_forces"]
    assert ("reported", "tragic error") in by_position["uk", "border_forces"]
    assert ("reported", "dialogue spirit") in by_position["uk", "dialogue"]
    assert ("quote", "They agreed to apply this spirit of dialogue") in by_position["uk", "dialogue"]
    kinds = [k for k, _ in by_position["russia", "dialogue"]]
    assert kinds[:2] == ["translation", "reported"]


def test_the_central_teacher_note_is_the_articles_wording(raw):
    first = raw["instructor_notes"][0]
    assert first["kind"] == "discrepancy"
    for words in (
        "tragic miscalculation",
        "tragic error",
        "fundamental Russian concerns were ignored",
        "overlooked",
    ):
        assert words in normalise(first["text"]), words


def test_reported_speech_is_paraphrased_not_quoted(raw):
    """Blaszczak, Stoltenberg and Macron are only reported in the article: never quoted."""
    for _, ev in _evidence(raw):
        if fold(ev["speaker"]).split()[-1] in {"blaszczak", "stoltenberg", "macron"}:
            assert not ev.get("quote") and ev.get("paraphrase"), ev


def test_article_sourced_force_sizes_appear_in_the_article(raw, article):
    sourced = [f for f in raw["forces"] if f.get("source") == "article"]
    assert {f["id"] for f in sourced} >= {"stryker_squadron", "airborne_82nd", "border_group"}
    for force in sourced:
        assert figure_in_article(force["size"], article), (
            f"{force['id']}: size {force['size']} is not a figure the article gives"
        )


def test_article_source_is_the_headline(raw, article):
    headline = article.strip().splitlines()[0].strip()
    source = next(s for s in raw["sources"] if s["id"] == "article")
    assert normalise(source["title"]) == normalise(headline)
    assert "unnamed" in source["publisher"].lower()
    assert source["date"].startswith("2022-02")


def test_prose_is_in_the_projects_own_words(raw, article):
    """No text except quotes (and the article's own title) shares 8 running words with the article."""
    skip = re.compile(r"(\.quote|^sources\[\d+\]\.title)$")
    for path, text in _strings(raw):
        if skip.search(path):
            continue
        run = copied_run(text, article)
        assert not run, f"{path} copies the article: “…{run}…”"


# ------------------------------------------------------------------ issue 12: the fidelity fixes
CUBA_PATH = PROJECT / "scenarios" / "cuba_1962.yaml"


@pytest.fixture(scope="module")
def seed():
    return load_scenario(SCENARIO_PATH)


@pytest.fixture(scope="module")
def cuba():
    return load_scenario(CUBA_PATH)


def _position(sc, actor: str, issue: str):
    return next(p for p in sc.positions if (p.actor, p.issue) == (actor, issue))


def test_a_pause_on_membership_does_not_satisfy_russia(seed):
    """Item 2: Scholz's 'not on the agenda' did not satisfy Moscow, so the pause options honour nothing of Russia's."""
    russia = _position(seed, "russia", "ukraine_nato")
    assert "moratorium" not in russia.preferred + russia.acceptable
    for option_id in ("us_quiet_moratorium", "nato_membership_pause"):
        readings = read_option(seed, seed.option(option_id))
        assert not [r for r in readings if r.actor_id == "russia"], option_id


def test_who_blocked_the_2008_action_plan_is_cited_to_a_history_not_the_declaration(raw):
    """Item 3: the Bucharest Declaration does not say who opposed a Membership Action Plan."""
    for p, ev in _evidence(raw):
        text = ev.get("paraphrase", "") + ev.get("quote", "")
        if "Membership Action Plan" in text:
            assert ev["source"] == "asmus_2010", (p["actor"], ev["source"])
    bucharest = next(s for s in raw["sources"] if s["id"] == "nato_bucharest_2008")
    assert "insistence" not in bucharest["covers"]


def test_the_briefing_says_where_each_unit_goes(seed):
    """Item 4: about 1,700 to Poland, about 300 to Wiesbaden, the Stryker squadron of about 1,000 to Romania."""
    text = normalise(seed.briefing)
    assert re.search(r"1,700 .{0,120}to Poland", text)
    assert re.search(r"300 .{0,60}Wiesbaden", text)
    assert re.search(r"Stryker squadron of about 1,000.{0,60}to Romania", text)
    assert "to the region" not in text


def test_every_position_is_cited_by_words_that_ground_it(seed):
    """Item 5: no two-word fragment is the evidence a position is cited by, and the known misuses are gone."""
    for position in seed.positions:
        shown = position.evidence[0]
        assert len(shown.text.split()) >= 3, (position.actor, position.issue, shown.text)
    assert _position(seed, "russia", "ukraine_nato").evidence[0].source == "russia_drafts_2021"
    ukraine = _position(seed, "ukraine", "border_forces")
    assert all("diplomatic way out" not in e.text for e in ukraine.evidence)
    assert {e.source for e in ukraine.evidence} >= {"ukraine_constitution_1996"}
    france = _position(seed, "france", "ukraine_nato")
    # France's wish for the open door rests on what France agreed to, not on its blocking of a fast track.
    assert "open_door" in france.preferred and france.evidence[0].source == "nato_reply_2022"


def test_ukraine_asks_for_sanctions_and_the_history_has_the_wests_moves(seed):
    """Item 6: Zelensky in Munich asked for sanctions now; the West's February moves are in 'what really happened'."""
    sanctions = _position(seed, "ukraine", "economic_pressure")
    assert set(sanctions.preferred) >= {"targeted", "severe"}
    assert [(e.source, e.date) for e in sanctions.evidence] == [("zelensky_munich_2022", "2022-02-19")]
    note = normalise(seed.outcome("war").historical_note)
    for fact in (
        "11 February",
        "82nd Airborne to Poland",
        "sanctions on 22 February",
        "25 February",
        "Response Force",
    ):
        assert fact in note, fact


def test_cuba_secret_deal_became_public_in_1982_and_the_cable_in_1995(cuba):
    """Item 7: the ExComm veterans' Time article of 27 September 1982; Dobrynin's cable published in 1995."""
    note = next(n for n in cuba.instructor_notes if n.id == "secret_deal").text
    assert "1982" in note and "Time" in note and "1995" in note and "late 1980s" not in note
    assert "1995" in cuba.source("dobrynin_cable_1962_10_27").publisher
    doc = (PROJECT / "docs" / "cuba-1962-sources.md").read_text(encoding="utf-8")
    assert "late 1980s" not in doc and "1982" in doc


# ------------------------------------------------------------------ anachronism
@pytest.mark.parametrize("path", [SCENARIO_PATH, CUBA_PATH], ids=["eastern_flank", "cuba"])
def test_every_piece_of_evidence_in_the_shipped_scenarios_has_a_date(path):
    text = path.read_text(encoding="utf-8")
    sc = load_scenario(path)
    undated = [e for p in sc.positions for e in p.evidence if not e.date]
    # An undated piece must say why, in a comment beside it.
    assert len(undated) == text.count("# undated:"), [e.speaker for e in undated]


def test_turn_one_cites_only_what_had_been_said_by_its_date(seed):
    """Germany's 7 February troops for Lithuania are not quoted on 2 February, and are on 9 February."""
    game = Game.new(seed, seed=3, humans=("us", "nato", "russia"))
    orders = {"us": "us_sanctions_package", "nato": "nato_new_battlegroups", "russia": "russia_hold_forces"}
    first = game.play_turn(orders)
    germany = [
        c.reason.citation for c in first.changes if c.reason.position and c.reason.position.actor == "germany"
    ]
    assert germany and all("announced more troops" not in c for c in germany)
    assert any("2016" in c for c in germany)
    orders["nato"] = "nato_defensive_message"
    orders["us"] = "us_stryker_to_romania"
    second = game.play_turn(orders)
    germany = [
        c.reason.citation
        for c in second.changes
        if c.reason.position and c.reason.position.actor == "germany"
    ]
    assert any("announced more troops" in c for c in germany), germany


def test_the_cuba_briefing_does_not_give_the_ending_away(cuba, capsys):
    """Dated 16 October, neither the briefing nor its 'quotes' show the 27 October Turkey offer or the settlement."""
    show_briefing(cuba)
    quotes = " ".join(" ".join(quotes_lines(cuba, "", cuba.start_date)).split())
    shown = " ".join((capsys.readouterr().out + quotes).split())
    assert "stated later (on record from 27 October 1962)" in quotes
    for later in (
        "missiles from Turkey",
        "Jupiters would go",
        "Moscow asks for the American missiles in Turkey",
    ):
        assert later not in shown, later
    later_quotes = " ".join(" ".join(quotes_lines(cuba, "usa", "1962-10-28")).split())
    assert "Jupiters would go" in later_quotes, "and from its date on it does"
