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
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from kg.records import Article

if TYPE_CHECKING:
    from kg.extract import ArticleReading, Extractor

_worker: Extractor | None = None
_failure: Exception | None = None

# Articles handed to a worker at a time: large enough to keep the pipe cheap and give spaCy
# a batch worth parsing in one call, small enough that both workers stay busy to the end of a
# small batch.
_CHUNK = 8
# Batches in flight per worker. ``Executor.map`` would submit every article at once, and readings
# done ahead of a calling process that is still storing would pile up in memory: a few suffice
# to keep the workers busy.
_AHEAD = 4


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


def _read(articles: list[Article]) -> list[ArticleReading]:
    if _failure is not None:
        raise _failure
    assert _worker is not None, "worker not started"
    return list(_worker.read_all(articles))


def read_in_pool(extractor: Extractor, articles: Iterable[Article], workers: int) -> Iterator[ArticleReading]:
    """``extractor.read`` of every article, in input order, computed by ``workers`` processes.

    At most ``_AHEAD`` batches per worker are submitted ahead of what the caller has taken; when a
    batch fails, or the caller stops early, the batches not started are cancelled.
    """
    context = multiprocessing.get_context("spawn")
    remaining = iter(articles)
    batches = iter(lambda: list(islice(remaining, _CHUNK)), [])
    with ProcessPoolExecutor(workers, context, _start, (extractor.model, extractor.gazetteer_path)) as pool:
        pending: deque[Future[list[ArticleReading]]] = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(_read, batch))
                if len(pending) >= _AHEAD * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for task in pending:
                task.cancel()


__all__ = ["read_in_pool"]
