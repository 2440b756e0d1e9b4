"""Headless Chromium for tests: Debian's chromium driven through its chromedriver (selenium).

Only the browser installed by scripts/setup-browser.sh is used (never one downloaded by a
driver manager), and it is kept off the network: every host name but localhost fails to
resolve and its background services are off.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# Set NEWSGRAPH_SCREENSHOTS=docs/images to refresh the README's pictures from the tests.
SCREENSHOTS = os.environ.get("NEWSGRAPH_SCREENSHOTS")
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1",
)


def browser_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def require_browser() -> None:
    if browser_available():
        return
    message = "Debian's chromium and chromium-driver are not installed (scripts/setup-browser.sh installs them)"
    if os.environ.get("CI"):
        pytest.fail(message)  # CI's setup installs them: missing there is a broken setup
    pytest.skip(message)


def make_driver(downloads: Path | None = None):
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium must not look for a browser online
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    if downloads is not None:
        options.add_experimental_option(
            "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
        )
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def screenshot(driver, name: str, tmp: Path) -> Path:
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert driver.save_screenshot(str(path)), f"no screenshot saved to {path}"
    return path


def driver_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    require_browser()
    downloads = tmp_path_factory.mktemp("downloads")
    driver = make_driver(downloads)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()
