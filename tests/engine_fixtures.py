"""A tiny two-sided crisis built directly from the model, for engine tests that read like rules cases."""

from __future__ import annotations

from dataclasses import replace

from game.scenario import model as m

ARTICLE = m.Source("article", "A test article", "test", "2022-02-03", "everything")


def effects(
    tension: int = 0,
    meters: dict[str, int] | None = None,
    issues: dict[str, str] | None = None,
    flags: tuple[str, ...] = (),
    moves: tuple[m.ForceMove, ...] = (),
) -> m.Effects:
    changes = tuple(m.MeterChange(*key.split("."), delta) for key, delta in (meters or {}).items())
    return m.Effects(
        tension=tension, meters=changes, issues=tuple((issues or {}).items()), set_flags=flags, moves=moves
    )


def option(
    option_id: str,
    actor: str,
    stances: dict[str, str] | None = None,
    category: str = "diplomatic",
    requires: tuple = (),
    once: bool = False,
    **effect_args,
) -> m.Option:
    return m.Option(
        option_id,
        actor,
        option_id.replace("_", " ").capitalize(),
        f"Test option {option_id}.",
        category,
        tuple((stances or {}).items()),
        requires,
        effects(**effect_args),
        once,
    )


def crisis(
    *,
    red_strength: int = 3,
    turn_limit: int = 4,
    extra_options: tuple[m.Option, ...] = (),
    start_tension: int = 40,
) -> m.Scenario:
    """Blue and Red dispute one issue, 'membership'; Grey (not playable) watches."""
    meter = m.Meter("resolve", "Resolve", 0, 100, 50)
    blue = m.Actor(
        "blue",
        "Blue Republic",
        "Blue",
        "#0072b2",
        True,
        "west",
        (meter,),
        ("POL",),
        m.Reactions(honoured=effects(tension=-1), crossed=effects(tension=2)),
    )
    red = m.Actor(
        "red",
        "Red Federation",
        "Red",
        "#d55e00",
        True,
        "east",
        (meter,),
        ("RUS",),
        m.Reactions(
            honoured=effects(tension=-2, meters={"red.resolve": -1}),
            crossed=effects(tension=3, meters={"red.resolve": 2}),
        ),
    )
    grey = m.Actor(
        "grey",
        "Grey Kingdom",
        "Grey",
        "#999999",
        False,
        "west",
        (),
        ("DEU",),
        m.Reactions(
            honoured=effects(meters={"blue.resolve": 1}), crossed=effects(meters={"blue.resolve": -1})
        ),
    )
    membership = m.Issue(
        "membership",
        "the membership question",
        "Whether Green may join.",
        (m.IssueState("open", "Door open"), m.IssueState("pause", "Pause"), m.IssueState("never", "Never")),
        "open",
    )
    red_position = m.Position(
        "red",
        "membership",
        red_strength,
        ("never",),
        ("pause",),
        ("open",),
        (m.Evidence("Red Leader", "article", quote="Our concerns were overlooked."),),
        "Red wants a promise that Green never joins.",
        if_crossed=effects(flags=("red_mobilised",)),
    )
    blue_position = m.Position(
        "blue",
        "membership",
        2,
        ("open",),
        ("pause",),
        ("never",),
        (m.Evidence("Blue Spokesman", "article", paraphrase="The door stays open."),),
        "Blue will not close the door.",
    )
    grey_position = m.Position(
        "grey",
        "membership",
        1,
        ("pause",),
        ("open",),
        ("never",),
        (m.Evidence("Grey Minister", "article", paraphrase="Calm first."),),
        "",
    )
    options = (
        option("reaffirm_open_door", "blue", {"membership": "open"}, "signalling", tension=1),
        option("offer_pause", "blue", {"membership": "pause"}, issues={"membership": "pause"}),
        option("wait", "blue"),
        option("demand_never", "red", {"membership": "never"}, "signalling"),
        option("talk", "red", {"membership": "pause"}, tension=-1),
        option("invade", "red", {}, "military", requires=(m.FlagSet("red_mobilised"),), tension=60),
    ) + extra_options
    ladder = (m.Rung("calm", "Calm", 0), m.Rung("crisis", "Crisis", 50), m.Rung("war", "War", 90))
    outcomes = (
        m.Outcome(
            "war",
            "War",
            (m.RungAtLeast("war"),),
            "It came to war.",
            historical=True,
            historical_note="In the real crisis it came to war.",
        ),
        m.Outcome(
            "deal", "A deal", (m.IssueIs("membership", ("pause",)), m.TensionBelow(30)), "They settled."
        ),
        m.Outcome("standoff", "Standoff", (), "Nobody moved.", default=True),
    )
    injects = (
        m.Inject("summit", "A summit", "Leaders meet.", False, (m.TurnAtLeast(2),), effects(tension=-1)),
        m.Inject("leak", "A leak", "Plans leak.", True, (), effects(tension=5)),
    )
    return m.Scenario(
        id="test_crisis",
        title="Test crisis",
        summary="A small crisis for tests.",
        briefing="Two sides argue.",
        start_date="2022-02-02",
        turn_days=7,
        turn_limit=turn_limit,
        start_tension=start_tension,
        sources=(ARTICLE,),
        actors=(blue, red, grey),
        issues=(membership,),
        positions=(red_position, blue_position, grey_position),
        places=(),
        forces=(),
        options=options,
        ladder=ladder,
        injects=injects,
        outcomes=outcomes,
        questions=("Why?",),
        content_hash="abc",
    )


def with_strength(scenario: m.Scenario, strength: int) -> m.Scenario:
    positions = tuple(replace(p, strength=strength) if p.actor == "red" else p for p in scenario.positions)
    return replace(scenario, positions=positions)
