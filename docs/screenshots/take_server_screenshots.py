"""The README's pictures of the network game, taken in headless Chromium from the real server.

    python docs/screenshots/take_server_screenshots.py [FOLDER]

Starts `python main.py serve` (seed 4) in a folder of its own, joins the three
teams, plays one turn with a reason from each, lets the US order the second
turn, then photographs the NATO team's page on a 360-px phone and at laptop
width, the projector at 1600×900 and the instructor's console.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser_fixtures import ServerProcess, browser

REASONS = {
    "us": "Reassure Romania without crossing Moscow's red lines",
    "nato": "Show the alliance stands together",
    "russia": "Keep the pressure on until the West talks",
}


def play(server: ServerProcess, folder: Path) -> dict:
    """Three teams joined, one turn played, the US's second order in; the teams' browsers."""
    from selenium.webdriver.common.by import By

    teams = {}
    for side in REASONS:
        driver = browser(folder, 1280, 900)
        driver.get(f"{server.base}/join/{server.code}")
        time.sleep(0.5)
        driver.find_element(By.CSS_SELECTOR, f"button[data-side={side}]").click()
        time.sleep(0.8)
        teams[side] = driver
    for turn in (1, 2):
        for side, driver in teams.items():
            if turn == 2 and side != "us":
                break
            driver.find_elements(By.CSS_SELECTOR, "input[name=option]:not([disabled])")[turn].click()
            driver.find_element(By.ID, "rationale").send_keys(REASONS[side])
            driver.find_element(By.ID, "send").click()
            time.sleep(0.6)
    return teams


def shoot(folder: Path) -> None:
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory() as home:
        server = ServerProcess(Path(home)).start()
        drivers = []
        try:
            teams = play(server, Path(home))
            drivers += teams.values()
            game_url = teams["nato"].current_url
            phone = browser(Path(home), 360, 740, phone=True)
            drivers.append(phone)
            phone.get(f"{server.base}/")  # the seat token goes into this browser's storage, as on a phone
            token = teams["nato"].execute_script("return JSON.stringify(localStorage)")
            phone.execute_script(f"for (const [k, v] of Object.entries({token})) localStorage.setItem(k, v);")
            phone.get(game_url)
            time.sleep(1.5)
            phone.save_screenshot(str(folder / "server-team-phone.png"))
            phone.execute_script("document.querySelector('#last').scrollIntoView()")
            phone.find_element(By.CSS_SELECTOR, "#result details summary").click()
            time.sleep(0.3)
            phone.save_screenshot(str(folder / "server-team-phone-result.png"))
            teams["nato"].refresh()
            time.sleep(1.5)
            teams["nato"].save_screenshot(str(folder / "server-team-laptop.png"))
            wall = browser(Path(home), 1600, 900)
            drivers.append(wall)
            wall.get(server.lines["Projector"])
            time.sleep(2)
            wall.save_screenshot(str(folder / "server-projector.png"))
            wall.get(server.lines["Instructor"])
            time.sleep(1.5)
            wall.save_screenshot(str(folder / "server-instructor.png"))
        finally:
            for driver in drivers:
                driver.quit()
            server.stop()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    shoot(target)
    print(f"screenshots written to {target}")
