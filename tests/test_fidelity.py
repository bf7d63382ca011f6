"""Fidelity of the seed scenario to its source article.

* every `quote:` is the speaker's own words: it appears verbatim inside a
  quotation in the article (only quote marks and whitespace are normalised);
* each quote is given to a speaker the article names, close before the quote;
* quotes come only from the article (anything else must be a paraphrase);
* every force whose figure is sourced to the article has a size the article gives;
* the project's prose does not copy the article's sentences.

The article lives outside the project (../shared/source-article.txt); when it is
absent these tests are skipped, saying so.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[1]
ARTICLE_PATH = PROJECT.parent / "shared" / "source-article.txt"
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


def copied_run(text: str, article: str, n: int = 8) -> str:
    """The first run of n consecutive words that `text` shares with the article, or ''."""
    art = _words(article)
    grams = {tuple(art[i : i + n]) for i in range(len(art) - n + 1)}
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
    return yaml.safe_load(SCENARIO_PATH.read_text(encoding="utf-8"))


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
def test_every_quote_is_verbatim_from_the_article(raw, article):
    quotes = [(p["actor"], ev) for p, ev in _evidence(raw) if ev.get("quote")]
    assert quotes, "the seed scenario should quote the actors somewhere"
    for actor, ev in quotes:
        assert quote_in_article(ev["quote"], article), (
            f"{actor}: {ev['speaker']}'s quote is not verbatim in the article: {ev['quote']!r}"
        )


def test_quotes_come_only_from_the_article(raw):
    for p, ev in _evidence(raw):
        assert not (ev.get("quote") and ev.get("paraphrase")), (
            f"{p['actor']}/{p['issue']}: quote and paraphrase"
        )
        if ev.get("quote"):
            assert ev["source"] == "article", (
                f"{ev['speaker']}: only the article's text can be checked, so other sources are paraphrased"
            )


def test_every_quote_has_a_speaker_the_article_names(raw, article):
    for _p, ev in _evidence(raw):
        if ev.get("quote"):
            assert speaker_named_before(ev["speaker"], ev["quote"], article), (
                f"{ev['speaker']} is not named in the article just before {ev['quote']!r}"
            )


def test_the_expected_actors_are_quoted(raw):
    speakers = {ev["speaker"] for _, ev in _evidence(raw) if ev.get("quote")}
    assert {"John Kirby", "Vladimir Putin", "Boris Johnson"} <= speakers
    kirby = {ev["quote"] for _, ev in _evidence(raw) if ev.get("speaker") == "John Kirby" and ev.get("quote")}
    assert {"strong signal", "and frankly, to the world"} <= kirby


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
