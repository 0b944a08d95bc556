"""A one-line progress bar on stderr for the commands that take more than a second.

    kg build [########------------] 2/5 001_85a9fd531b4ec4cf

It is drawn only on a terminal: when stderr is a file, a pipe or a CI log, or the command
was given ``--quiet``, every method does nothing, so logs never fill with carriage returns.
The bar is redrawn in place with a carriage return and cleared when it closes, so the
command's own output starts on a clean line. It is written here rather than taken from a
package (tqdm, rich) because it needs a few dozen lines, and a dependency for it would be
one more pin to keep for the users who install the tool.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TextIO, TypeVar

T = TypeVar("T")

_WIDTH = 20  # cells in the bar itself


class Progress:
    """A bar labelled ``label`` that counts items out of a total, then shows later phases.

    ``enabled=False`` (``--quiet``) or a ``stream`` that is not a terminal makes it silent.
    Use it as a context manager, so that the line is cleared even when the command fails.

    >>> import io
    >>> with Progress("kg build", stream=io.StringIO()) as bar:  # not a terminal: silent
    ...     bar.start(2)
    ...     [a for a in bar.track(["a", "b"], str)]
    ['a', 'b']
    >>> bar.shown
    False
    """

    def __init__(self, label: str, *, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.shown = enabled and _is_terminal(self.stream)
        self.total = 0
        self.done = 0
        self._drawn = 0  # length of the line on screen, to blank it out

    def start(self, total: int) -> None:
        """Count ``total`` items from zero."""
        self.total, self.done = total, 0

    def step(self, item: str) -> None:
        """Show ``item`` as the one being worked on; the ones before it are done."""
        self._draw(item)
        self.done = min(self.done + 1, self.total)

    def track(self, items: Iterable[T], name: Callable[[T], str]) -> Iterator[T]:
        """Yield ``items``, showing each one's ``name`` while the consumer works on it."""
        for item in items:
            self.step(name(item))
            yield item

    def phase(self, text: str) -> None:
        """Show what happens after the counted items (``validating``, ``storing``)."""
        self._draw(text)

    def close(self) -> None:
        """Clear the line (a no-op when nothing was drawn); a later step or phase draws it again,
        so this also makes room for a line of output in the middle of the work."""
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _draw(self, text: str) -> None:
        if not self.shown:
            return
        filled = _WIDTH * self.done // self.total if self.total else 0
        count = f" {self.done}/{self.total}" if self.total else ""
        line = f"{self.label} [{'#' * filled}{'-' * (_WIDTH - filled)}]{count} {text}"
        # A line longer than the terminal wraps, and "\r" then returns to the wrapped part only.
        line = line[: max(shutil.get_terminal_size().columns - 1, 10)]
        self.stream.write("\r" + line.ljust(self._drawn))
        self.stream.flush()
        self._drawn = len(line)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


__all__ = ["Progress"]
