"""A whole networked lesson in real browsers: the real server (`python main.py serve`) on 127.0.0.1,
three teams each in its own headless Chromium, the projector in a fourth page.

Mid-game one team reloads its page (it keeps its seat and its order), and the
server is stopped and started again (every page reconnects by itself and the
turn goes on). Skipped only where Chromium and its driver are not installed;
`.ci/run` installs them.
"""

from __future__ import annotations

import pytest

from tests.browser_fixtures import CHROMEDRIVER, CHROMIUM, ServerProcess, browser

pytestmark = [
    pytest.mark.skipif(
        not (CHROMIUM and CHROMEDRIVER),
        reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
    ),
    pytest.mark.slow,  # real browsers and a real server: tens of seconds
]

SIDES = ("us", "nato", "russia")
WAIT = 20  # seconds; generous, for a machine shared with other work


def wait_for(driver, condition, message: str):
    """The condition's value once true; on a timeout, a failure that says what the page showed."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(lambda d: condition(d))
    except TimeoutException:
        shown = text_of(driver, "body")[:600]
        raise AssertionError(
            f"waited in vain for {message}; the page at {driver.current_url} showed:\n{shown}"
        ) from None


def text_of(driver, selector: str) -> str:
    from selenium.common.exceptions import NoSuchElementException
    from selenium.webdriver.common.by import By

    try:
        return driver.find_element(By.CSS_SELECTOR, selector).text
    except NoSuchElementException:
        return ""


def join(driver, base: str, code: str, side: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/join/{code}")
    button = wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, f"button[data-side={side}]"), "sides")
    button.click()
    wait_for(driver, lambda d: "/team/" in d.current_url and text_of(d, "#turn"), f"{side}'s team page")


def order(driver, turn: int, reason: str) -> str:
    """Choose the first available option of this turn, give the reason, send; the option's label."""
    from selenium.webdriver.common.by import By

    wait_for(driver, lambda d: text_of(d, "#turn").startswith(f"Turn {turn} "), f"turn {turn}")
    radio = driver.find_element(By.CSS_SELECTOR, "input[name=option]:not([disabled])")
    radio.click()
    label = radio.find_element(By.XPATH, "..").find_element(By.TAG_NAME, "strong").text
    field = driver.find_element(By.ID, "rationale")
    field.clear()
    field.send_keys(reason)
    driver.find_element(By.ID, "send").click()
    # Acknowledged: the page shows the order given, or (the last team's) the next turn or the outcome.
    wait_for(
        driver,
        lambda d: (
            "Your order is in" in text_of(d, "#banner")
            or not text_of(d, "#turn").startswith(f"Turn {turn} ")
            or text_of(d, "#outcome")
        ),
        "the order's acknowledgement",
    )
    return label


def test_three_teams_play_a_whole_game_in_browsers_through_a_reload_and_a_server_restart(tmp_path):
    server = ServerProcess(tmp_path / "home").start()
    teams = {side: browser(tmp_path) for side in SIDES}
    wall = teams["us"]  # the projector in a second tab of one browser: it needs no seat
    try:
        for side, driver in teams.items():
            join(driver, server.base, server.code, side)
        driver = teams["us"]
        driver.switch_to.new_window("tab")
        wall.get(f"{server.base}/projector/{server.code}")
        projector = wall.current_window_handle
        us_tab = wall.window_handles[0]
        assert server.code in text_of(wall, "#join-code")
        turn = 1
        while not text_of(wall, "#outcome") and turn <= 8:
            play_turn(server, teams, wall, us_tab, projector, turn)
            turn += 1
        assert "Outcome:" in text_of(wall, "#outcome")
        wall.switch_to.window(us_tab)
        wait_for(wall, lambda d: "Outcome:" in text_of(d, "#outcome"), "the outcome on a team page")
        wall.get(f"{server.base}/api/debrief/{wall.current_url.rsplit('/', 1)[-1]}.html")
        assert "Debrief" in wall.title and "because us 1" in wall.page_source
    finally:
        for driver in teams.values():
            driver.quit()
        server.stop()


def play_turn(server, teams, wall, us_tab, projector, turn: int) -> None:
    for n, side in enumerate(SIDES):
        reason = f"because {side} {turn}"
        if side == "us":
            wall.switch_to.window(us_tab)
        order(teams[side], turn, reason)
        if turn == 2 and side == "us":  # a reload mid-turn: the same seat, its order still given
            wall.refresh()
            wait_for(wall, lambda d: "Your order is in" in text_of(d, "#banner"), "the seat after a reload")
            assert text_of(wall, "#side-name") == "United States of America"
        if turn == 3 and side == "nato":  # the server restarts mid-turn: pages reconnect, orders kept
            server.stop()
            server.start()
            for driver in teams.values():
                wait_for(driver, lambda d: text_of(d, "#connection") == "Connected", "the page to reconnect")
            kept = text_of(teams["nato"], "#banner")
            assert "Your order is in" in kept and "Waiting for 1 more team" in kept
        if n < 2:
            secret_kept(teams, side, reason)
    wall.switch_to.window(projector)
    wait_for(wall, lambda d: text_of(d, "#headline").startswith(f"Turn {turn}:"), f"turn {turn}'s resolution")
    assert f"because russia {turn}" in text_of(wall, "#result")


def secret_kept(teams, side: str, reason: str) -> None:
    """No other team's page holds the order's reason before the turn is resolved."""
    for other, driver in teams.items():
        if other != side and other != "us":  # the US browser may be showing the projector tab
            assert reason not in driver.page_source


def test_a_team_orders_with_the_keyboard_alone_on_a_phone_sized_page(tmp_path):
    from selenium.webdriver.common.keys import Keys

    server = ServerProcess(tmp_path / "home").start()
    driver = browser(tmp_path, 360, 740, phone=True)
    try:
        join(driver, server.base, server.code, "nato")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360, (
            "no sideways scroll"
        )
        body = driver.switch_to.active_element
        for _ in range(80):  # Tab into the options, as a keyboard user does
            body.send_keys(Keys.TAB)
            body = driver.switch_to.active_element
            if body.get_attribute("name") == "option":
                break
        body.send_keys(Keys.ARROW_DOWN)  # arrow keys choose among the options
        chosen = driver.switch_to.active_element.get_attribute("value")
        for _ in range(80):
            body = driver.switch_to.active_element
            if body.get_attribute("id") == "rationale":
                break
            body.send_keys(Keys.TAB)
        body.send_keys("Typed without a mouse", Keys.ENTER)
        wait_for(driver, lambda d: "Your order is in" in text_of(d, "#banner"), "the keyboard's order")
        checked = driver.execute_script("return document.querySelector('input[name=option]:checked').value")
        assert checked == chosen
    finally:
        driver.quit()
        server.stop()
