"""`python main.py new ID`: a commented starter scenario, ready to edit, that never overwrites a file.

The starter is the template of docs/scenario-template.yaml (complete, valid,
commented line by line) with the new id and a title to replace, so an
instructor starts from something that validates and plays, and changes one
part at a time as docs/authoring.md walks through.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
from pathlib import Path

from game.paths import PROJECT_ROOT, SCENARIO_DIR
from game.scenario.fields import ID_PATTERN

TEMPLATE = PROJECT_ROOT / "docs" / "scenario-template.yaml"
SCHEMA = SCENARIO_DIR / "scenario.schema.json"


def starter_text(scenario_id: str, destination: Path) -> str:
    """The template with the new id, a title to replace and the schema line pointing from `destination`."""
    text = TEMPLATE.read_text(encoding="utf-8")
    # The template's own opening comment is about copying it; the starter says what to do next instead.
    body = text[text.index("# The crisis below") :]
    line = f"id: {scenario_id}".ljust(len("id: river_dam"))  # keeps the template's comments aligned
    body = re.sub(r"^id: river_dam\b", line, body, count=1, flags=re.MULTILINE)
    title = scenario_id.replace("_", " ").capitalize()
    body = re.sub(
        r'^title: ".*"$', f'title: "{title} (replace this title)"', body, count=1, flags=re.MULTILINE
    )
    where = destination.resolve().parent
    schema = (
        Path(os.path.relpath(SCHEMA, where)).as_posix()
        if where.is_relative_to(PROJECT_ROOT)
        else SCHEMA.as_uri()
    )
    return (
        f"# yaml-language-server: $schema={schema}\n#\n"
        f"# {destination.name}: written by `python main.py new {scenario_id}` from the template\n"
        f"# (docs/scenario-template.yaml). It is complete and valid as it stands. Next: follow\n"
        f"# docs/authoring.md, change one part at a time, and after each change run\n"
        f"#   python main.py validate {destination.as_posix()}\n"
        f"# `python main.py play --text --scenario {destination.as_posix()}` plays it.\n#\n{body}"
    )


def run_new(args) -> int:
    """Write the starter; refuse a bad id or an existing file. Exit 0 on success, 1 otherwise."""
    scenario_id = args.id
    if not ID_PATTERN.fullmatch(scenario_id):
        print(
            f"new: '{scenario_id}' is not a valid id: use lower-case letters, digits and '_', "
            f"starting with a letter (e.g. taiwan_strait_1996)",
            file=sys.stderr,
        )
        return 1
    destination = Path(args.output) if args.output else SCENARIO_DIR / f"{scenario_id}.yaml"
    if destination.exists():
        print(
            f"new: {destination} already exists; nothing was written (choose another id or -o FILE)",
            file=sys.stderr,
        )
        return 1
    try:
        written = _write_whole_or_nothing(destination, starter_text(scenario_id, destination))
    except OSError as error:
        blocker = next((p for p in destination.parents if p.exists()), None)
        why = f"{blocker} is a file, not a folder" if blocker and not blocker.is_dir() else error.strerror
        print(f"new: cannot write {destination} ({why or error}); nothing was written", file=sys.stderr)
        return 1
    if not written:
        print(f"new: {destination} appeared meanwhile; it was left as it is", file=sys.stderr)
        return 1
    print(f"Wrote {destination}: a complete starter scenario. Next: docs/authoring.md, then")
    print(f"  python main.py validate {destination}")
    return 0


def _write_whole_or_nothing(destination: Path, text: str) -> bool:
    """Write `text` to a new file at `destination`: never half a file, never over another file.

    The text goes to a temporary file beside it first; a hard link then gives it its name only if
    that name is still free (False otherwise), so an interrupted `new` leaves no broken starter.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.parent / f".{destination.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    # os.open with 0o666 less the user's umask, as any new file gets; O_EXCL: the file is ours alone.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temporary, destination)
        except FileExistsError:
            return False
        return True
    finally:
        os.unlink(temporary)
