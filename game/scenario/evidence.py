"""How a piece of evidence is worded wherever it is shown: window, terminal, reports.

Four kinds, four presentations, so a reader can always tell the speaker's own
words from a source's rewording of them, from a translation, from our
paraphrase. And a game set on 2 February never shows words said on the 15th:
`known_by` picks what had been said by a date, and `cite` says "stated later"
when nothing had.
"""

from __future__ import annotations

from game.scenario.model import PARAPHRASE, QUOTE, REPORTED, TRANSLATION, Evidence, Position
from game.wording import nice_date

QUOTE_MARKS = '“”" '

# How each kind is labelled: the words after the speaker's name.
KIND_LABELS = {
    QUOTE: "",
    REPORTED: "as reported (the source's wording, not verbatim)",
    TRANSLATION: "translated from {language}",
    PARAPHRASE: "paraphrased",
}


def known_by(position: Position, on: str = "") -> tuple[Evidence, ...]:
    """The position's evidence said by the date `on` (ISO), in the author's order; all of it when `on` is ''."""
    return tuple(e for e in position.evidence if e.known_on(on))


def kind_label(evidence: Evidence) -> str:
    """'', 'as reported (…)', 'translated from Russian' or 'paraphrased'."""
    label = KIND_LABELS.get(evidence.form, "")
    return label.format(language=evidence.language or "another language")


def words(evidence: Evidence) -> str:
    """The words as shown: in quotation marks unless they are our paraphrase."""
    if evidence.form == PARAPHRASE:
        return evidence.paraphrase
    return f"“{evidence.quote.strip(QUOTE_MARKS)}”"


# The same kinds as a lead-in, for lists where the words come first and the speaker after them.
LEAD_INS = {
    QUOTE: "",
    REPORTED: "Reported speech (the source's wording, not verbatim): ",
    TRANSLATION: "Translated from {language}: ",
    PARAPHRASE: "Paraphrase (our words, not a quotation): ",
}


def words_first(evidence: Evidence) -> str:
    """'Translated from Russian: “…” — Vladimir Putin': the kind said first, the speaker last."""
    lead = LEAD_INS.get(evidence.form, "").format(language=evidence.language or "another language")
    return f"{lead}{words(evidence)} — {evidence.speaker}"


def cite_evidence(evidence: Evidence) -> str:
    """'Vladimir Putin (translated from Russian): “…”', 'Kremlin (paraphrased): …'."""
    label = kind_label(evidence)
    return f"{evidence.speaker}{f' ({label})' if label else ''}: {words(evidence)}"


def stated_later(position: Position) -> str:
    """What a turn before any of the evidence says instead of it: who, and from when."""
    first = min((e for e in position.evidence if e.date), key=lambda e: e.date, default=None)
    if first is None:
        return ""
    return f"{first.speaker}: stated later (on record from {nice_date(first.date)})"


def cite(position: Position, on: str = "") -> str:
    """The evidence the game quotes for a position on the date `on`: the first said by then.

    The author's first evidence is the one that best grounds the position;
    before it was said, the next one said by then stands in, and before any
    of them, 'stated later'.
    """
    known = known_by(position, on)
    if known:
        return cite_evidence(known[0])
    return stated_later(position) if position.evidence else ""


def cites_words(position: Position, on: str = "") -> bool:
    """Whether `cite` shows words in quotation marks (not a paraphrase, not 'stated later')."""
    known = known_by(position, on)
    return bool(known) and known[0].is_quote
