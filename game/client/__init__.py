"""The Pygame client: draws engine state, turns clicks and keys into engine commands."""
