"""The progress bar: drawn in place on a terminal, silent anywhere else or when turned off."""

from __future__ import annotations

import doctest
import io

import pytest

import kg.progress
from kg.progress import Progress


class Terminal(io.StringIO):
    """A stream that says it is a terminal, and keeps what was written to it."""

    def isatty(self) -> bool:
        return True


def test_the_docstring_examples() -> None:
    assert doctest.testmod(kg.progress, raise_on_error=True).attempted > 0


def test_draws_each_item_then_the_phases_and_clears_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    screen = Terminal()
    with Progress("kg build", stream=screen) as bar:
        bar.start(2)
        assert list(bar.track(["a-drones", "b-talks"], str)) == ["a-drones", "b-talks"]
        bar.phase("validating")
    frames = screen.getvalue().split("\r")
    assert frames[1:4] == [
        "kg build [--------------------] 0/2 a-drones",
        "kg build [##########----------] 1/2 b-talks ",  # padded over the longer line before it
        "kg build [####################] 2/2 validating",
    ]
    # Closing blanks the line and returns to its start, so the next output begins on a clean line.
    assert frames[4:] == [" " * len(frames[3]), ""]


def test_a_line_never_wraps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    screen = Terminal()
    with Progress("kg build", stream=screen) as bar:
        bar.start(1)
        bar.step("an-article-id-much-longer-than-the-terminal")
    assert max(len(frame) for frame in screen.getvalue().split("\r")) == 29


@pytest.mark.parametrize("stream,enabled", [(io.StringIO(), True), (Terminal(), False)],
                         ids=["not-a-terminal", "turned-off"])
def test_silent_off_a_terminal_or_when_turned_off(stream: io.StringIO, enabled: bool) -> None:
    with Progress("kg build", stream=stream, enabled=enabled) as bar:
        bar.start(3)
        for _ in bar.track("abc", str):
            pass
        bar.phase("storing")
    assert not bar.shown and stream.getvalue() == ""


def test_a_closed_stream_is_not_a_terminal() -> None:
    stream = io.StringIO()
    stream.close()
    assert not Progress("kg", stream=stream).shown
