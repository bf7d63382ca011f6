"""The classroom network game: teams on their own devices, the projector and the instructor in browsers.

A thin shell over the same engine, saves and rules as the window: Starlette
(`app.py`, `live.py`) under Uvicorn (`run.py`), one `Room` per game
(`room.py`), what each audience may see (`views.py`), seats, codes and
tokens (`seats.py`), and every database access in `store.py` (SQLite).
"""
