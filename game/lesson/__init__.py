"""A lesson built on the engine: what a teacher needs around a game, as pure functions.

Role sheets, the reveal of the computer sides, what-if replays, the comparison
of several groups' games, the grading rows and the after-action review are all
read from games (scenario + seed + orders + instructor actions) and return
plain values or text. No pygame, no files, no clock: `game.commands` and the
window are their shells.
"""
