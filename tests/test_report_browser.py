"""The seed report as a person sees it: ``kg build seeds``, ``kg report``, then headless Chromium.

Chromium loads the page from a ``file://`` URL with networking features off, runs its script, and
dumps the DOM; the test finds the contested claims in it (China denying what the United States
asserts) and checks that the actor filter, preset from the URL, hides the other statements.

``make test`` installs Debian's ``chromium`` when it is missing and it runs as root, as CI does; so
in CI (``CI=true``) a missing browser fails this test, and elsewhere it skips, saying why.
Set ``KG_REPORT_PNG=docs/report.png`` to keep the screenshot the test takes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser")
TIMEOUT = 120


@pytest.fixture(scope="module")
def chromium() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        reason = "chromium is not installed (Debian: apt-get install chromium; `make test` does it as root)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must render the report")
        pytest.skip(reason)
    return found


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    kg = Path(sys.executable).with_name("kg")
    command = [str(kg)] if kg.exists() else [sys.executable, "-m", "kg.cli"]
    store, out = folder / "store", folder / "report.html"
    for args in (["build", str(ROOT / "seeds"), "--store", str(store), "--quiet"],
                 ["report", "--store", str(store), "--out", str(out)]):
        done = subprocess.run([*command, *args], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    return out


def _run(chromium: str, profile: Path, *args: str) -> str:
    done = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _dom(chromium: str, url: str, profile: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(_run(chromium, profile, "--dump-dom", url))


def test_the_rendered_report_shows_china_denying_what_the_united_states_asserts(
        chromium: str, report: Path, tmp_path: Path) -> None:
    page = _dom(chromium, report.as_uri(), tmp_path / "profile")
    # The script ran: it fills in the count of statements shown.
    shown = page.xpath("string(//output[@id='f-shown'])")
    assert shown.startswith("Showing ") and shown.split()[1] == shown.split()[3], shown
    cards = page.xpath("//section[@id='contested']//article[@class='claim']")
    assert cards
    contested = [card for card in cards
                 if "United States" in json.loads(card.get("data-asserted-by"))
                 and "China" in json.loads(card.get("data-denied-by"))]
    assert contested, [card.findtext("h3") for card in cards]
    for card in contested:
        stances = {li.xpath("string(.//span[contains(@class, 'badge')])")
                   for li in card.xpath(".//li[contains(@class, 'stmt')]")}
        assert stances == {"asserts", "denies"}
        assert all(q.text_content().strip() for q in card.xpath(".//blockquote"))
        assert card.xpath(".//cite")
    assert page.xpath("//section[@id='network']//*[local-name()='svg']//*[@data-from='United States']")


def test_the_actor_filter_hides_the_other_statements(chromium: str, report: Path, tmp_path: Path) -> None:
    page = _dom(chromium, report.as_uri() + "#actor=China", tmp_path / "profile")
    rows = page.xpath("//section[@id='statements']//tr[contains(@class, 'stmt')]")
    visible = [tr for tr in rows if tr.get("hidden") is None]
    assert visible and len(visible) < len(rows)
    assert all(json.loads(tr.get("data-actors")) == ["China"] for tr in visible)
    cards = page.xpath("//section[@id='contested']//article[@class='claim']")
    assert all("China" in json.loads(c.get("data-actors")) for c in cards if c.get("hidden") is None)
    dimmed = page.xpath("//*[local-name()='g'][contains(@class, 'edge') and contains(@class, 'dim')]")
    assert dimmed and all("China" not in (g.get("data-from"), g.get("data-to")) for g in dimmed)


def test_the_date_filter_keeps_the_statements_in_range(chromium: str, report: Path, tmp_path: Path) -> None:
    written = lxml.html.parse(str(report))
    dates = sorted(set(written.xpath("//tr[contains(@class, 'stmt')]/@data-date")) - {""})
    assert dates, "no seed statement has a date"
    day = dates[0]
    page = _dom(chromium, f"{report.as_uri()}#from={day}&to={day}&undated=no", tmp_path / "profile")
    rows = page.xpath("//section[@id='statements']//tr[contains(@class, 'stmt')]")
    visible = [tr for tr in rows if tr.get("hidden") is None]
    assert visible and len(visible) < len(rows)
    assert {tr.get("data-date") for tr in visible} == {day}


def test_a_screenshot_of_the_report(chromium: str, report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    _run(chromium, tmp_path / "profile", "--window-size=1280,3000", f"--screenshot={shot}", report.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    keep = os.environ.get("KG_REPORT_PNG")
    if keep:
        shutil.copyfile(shot, keep)
