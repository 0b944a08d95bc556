"""The reading phase in worker processes (``kg build --workers N``).

Each worker builds its own ``Extractor`` (model and gazetteer) once, then reads articles as
they come; readings return in input order, so the sequential claim phase sees exactly what
one process would have produced. Workers are spawned, not forked: the parent may hold an
open store (RocksDB threads) and a loaded model, neither of which survives a fork safely.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from kg.records import Article

if TYPE_CHECKING:
    from kg.extract import ArticleReading, Extractor

_worker: Extractor | None = None
_failure: Exception | None = None

# Articles handed to a worker at a time: large enough to keep the pipe cheap, small enough
# that both workers stay busy to the end of a small batch.
_CHUNK = 4


def _exit_with_parent() -> None:
    """End this worker as soon as the process that started it ends, however it ends.

    A worker waits for work on a pipe whose writing end it holds too, so a parent killed with
    SIGKILL never closes it: without this the workers, a loaded model each, would wait forever.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns when the parent's sentinel pipe closes: the parent is gone
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start(model: str, gazetteer: Path | None) -> None:
    # An initializer that raises breaks the whole pool with a message that names no cause; the
    # error is kept and raised by the first article instead, so the caller sees ModelError & co.
    global _worker, _failure
    from kg.extract import Extractor

    _exit_with_parent()

    try:
        _worker = Extractor(model, gazetteer)
        _worker.nlp  # noqa: B018 -- load the model now, not inside the first article
    except Exception as err:  # noqa: BLE001 -- re-raised in the parent by _read
        _failure = err


def _read(article: Article) -> ArticleReading:
    if _failure is not None:
        raise _failure
    assert _worker is not None, "worker not started"
    return _worker.read(article)


def read_in_pool(extractor: Extractor, articles: Iterable[Article], workers: int) -> Iterator[ArticleReading]:
    """``extractor.read`` of every article, in input order, computed by ``workers`` processes."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, _start, (extractor.model, extractor.gazetteer_path)) as pool:
        yield from pool.map(_read, articles, chunksize=_CHUNK)


__all__ = ["read_in_pool"]
