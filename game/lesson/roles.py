"""Role sheets: one printable page per playable side, for the team that plays it.

What everyone may know (the situation, every side's stated positions), then
what only this team reads: its objectives and what it knows that the others
do not (the scenario's `private_briefing`), and the orders open to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.debrief import md
from game.lesson.pages import esc, page
from game.scenario.model import Actor, Scenario


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    items: tuple[str, ...]
    numbered: bool = False


def role_sections(scenario: Scenario, actor: Actor) -> list[Section]:
    """The sheet's content, shared by the Markdown and HTML forms."""
    # Summaries only: the speakers' words are on the briefing screen, and the sheet must stay one page.
    own = [f"{scenario.issue(p.issue).name}: {p.summary}" for p in scenario.positions_of(actor.id)]
    # The other teams only: the page must stay one page; the briefing screen has everyone.
    others = [
        f"{scenario.actor(p.actor).short_name} on {scenario.issue(p.issue).name}: {p.summary}"
        for p in scenario.positions
        if p.actor != actor.id and scenario.actor(p.actor).playable
    ]
    private = actor.private_briefing
    sections = [Section("The situation", (scenario.briefing,))]
    if actor.description:
        sections.append(Section("Who you are", (actor.description,)))
    sections += [
        Section(
            "Your objectives (for your team only)",
            private.objectives or ("Your scenario sets none: read your stated positions.",),
        ),
        Section(
            "What you know that the others do not", private.knows or ("Nothing beyond the public briefing.",)
        ),
        Section("Your stated positions (public)", tuple(own) or ("None stated.",)),
        Section("What the other teams have said they want (public)", tuple(others) or ("None stated.",)),
        Section(
            "The orders open to you",
            tuple(f"{o.label} ({o.category})" for o in scenario.options_of(actor.id)),
            True,
        ),
    ]
    return sections


def role_markdown(scenario: Scenario, actor: Actor) -> str:
    # Scenario text goes through md: a role sheet posted to a course page must not carry the file's HTML.
    out = [
        f"# Role sheet: {md(actor.name)}",
        "",
        f"*{md(scenario.title)}* — for Team {md(actor.short_name)} only.",
        "",
    ]
    for section in role_sections(scenario, actor):
        out += [f"## {md(section.heading)}", ""]
        if len(section.items) == 1 and not section.numbered:
            out.append(md(section.items[0]))
        else:
            out += [
                f"{n}. {md(t)}" if section.numbered else f"- {md(t)}" for n, t in enumerate(section.items, 1)
            ]
        out.append("")
    return "\n".join(out)


def role_html(scenario: Scenario, actor: Actor) -> str:
    body = [
        f"<h1>Role sheet: {esc(actor.name)}</h1>",
        f'<p class="muted"><em>{esc(scenario.title)}</em> — for Team {esc(actor.short_name)} only.</p>',
    ]
    for section in role_sections(scenario, actor):
        body.append(f"<h2>{esc(section.heading)}</h2>")
        if len(section.items) == 1 and not section.numbered:
            body.append(f"<p>{esc(section.items[0])}</p>")
        else:
            wide = ' class="two"' if len(section.items) > 6 else ""  # long lists in two columns on paper
            tag = f"<ol{wide}>" if section.numbered else f"<ul{wide}>"
            end = "</ol>" if section.numbered else "</ul>"
            body.append(tag + "".join(f"<li>{esc(t)}</li>" for t in section.items) + end)
    # A role sheet is handed out on paper: smaller print keeps it to one sheet.
    small = (
        "<style>@page{margin:10mm}@media print{body{font-size:8.5pt;line-height:1.25}h1{font-size:1.4em;margin:0 0 .2em}"
        "h2{font-size:1.1em;margin:.6em 0 .2em}ul,ol{margin:.2em 0}p{margin:.2em 0}"
        ".two{columns:2;column-gap:2em}li{break-inside:avoid}}</style>"
    )
    return page(f"Role sheet: {actor.name}", small + "".join(body))


def private_lines(actor: Actor) -> list[tuple[str, tuple[str, ...]]]:
    """What a team reads alone at the keyboard: (heading, items), empty when the scenario has none."""
    private = actor.private_briefing
    return [
        (heading, items)
        for heading, items in (("Your objectives", private.objectives), ("What only you know", private.knows))
        if items
    ]
