"""The reading phase on a Dask cluster (``kg build --dask ADDRESS``; the optional ``dask`` extra).

Each article is one task: ``Extractor.read`` on a worker. Readings come back in input order, so
the sequential claim phase, in the calling process, sees exactly what one process would have
produced. The extractor travels to the workers once, as a worker plugin (its actor tables
included, so a worker needs no gazetteer file, only claim-graph and the model installed); each
worker thread keeps its own loaded copy, shared by later builds with the same signature.

The calling process reads the files: it needs every text anyway (fingerprints, the stored graph,
evidence offsets), and this way the workers need no shared filesystem; a text is a few kilobytes
sent once, against a parse that takes a hundred times longer than sending it.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import logging
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

try:
    from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker
    from distributed.comm import connect as comm_connect
except ImportError as err:  # the optional extra is missing: say how to get it
    raise ImportError(f"install the dask extra: pip install 'claim-graph[dask]' ({err})",
                      name=err.name) from err

from kg.records import Article

if TYPE_CHECKING:
    from distributed import Worker

    from kg.extract import ArticleReading, Extractor

LOCAL = "local"
# Seconds to reach a scheduler: a running one answers in milliseconds, even over a network; a
# mistyped address should fail while the user is still watching.
CONNECT_TIMEOUT = 5.0
# Tasks in flight per worker thread: enough that no thread waits for the next article while the
# oldest result is awaited; bounded so a large corpus does not sit in the cluster's memory at once.
_AHEAD = 4
# The scheduler serves a few HTTP routes even without a dashboard, on 8787 unless told: a free
# loopback port instead, so that a busy 8787 is no warning and nothing listens beyond this machine.
_NO_DASHBOARD = {"dashboard_address": "127.0.0.1:0"}

__all__ = ["read_on_dask", "connect", "ClusterError", "ReadError", "LOCAL", "CONNECT_TIMEOUT"]


class ClusterError(RuntimeError):
    """The Dask scheduler cannot be reached, or a worker cannot run this extractor."""


class ReadError(RuntimeError):
    """An article failed on the cluster; the message names it and the cause."""

    def __init__(self, article_id: str, cause: BaseException) -> None:
        super().__init__(f"article {article_id!r} failed on the Dask cluster: {type(cause).__name__}: "
                         f"{cause}")
        self.article_id = article_id


class _Readers(WorkerPlugin):
    """Lives on each worker: loaded extractors, one per thread reading at a time.

    The extractor is shared state of the worker; spaCy pipelines are not documented as safe for
    concurrent use, so a thread takes an idle copy (or makes one) and puts it back when done."""

    idempotent = True  # registered already (an earlier build): keep the workers' loaded models

    def __init__(self, extractor: Extractor) -> None:
        self._template = extractor  # pickled without its model (Extractor.__getstate__)
        self._signature = extractor.signature
        self._idle: list[Extractor] = []
        self._failure: Exception | None = None

    async def setup(self, worker: Worker) -> None:
        # Load one copy now, off the event loop (a model load blocks for seconds), so a missing
        # model fails the registration, once, before any article is sent.
        try:
            self._idle.append(await asyncio.get_running_loop().run_in_executor(None, self._fresh))
        except Exception as err:
            # A worker that joins after the registration has no client to tell: its articles say it.
            self._failure = err
            raise

    def _fresh(self) -> Extractor:
        extractor = copy.deepcopy(self._template)
        if extractor.signature != self._signature:
            raise ClusterError(
                f"a worker runs extractor {extractor.signature!r}, the build {self._signature!r}: "
                "install the same claim-graph on every worker"
            )
        extractor.nlp  # noqa: B018 -- load the model now, not inside the first article
        return extractor

    def read(self, article: Article) -> ArticleReading:
        if self._failure is not None:
            raise self._failure
        try:
            extractor = self._idle.pop()  # list.pop and append are atomic: no lock needed
        except IndexError:
            extractor = self._fresh()
        try:
            return extractor.read(article)
        finally:
            self._idle.append(extractor)


def _read(plugin: str, article: Article) -> ArticleReading:
    readers = get_worker().plugins.get(plugin)
    if not isinstance(readers, _Readers):
        raise ClusterError(f"this worker has no extractor {plugin!r} (it was unregistered during the build)")
    return readers.read(article)


def _plugin_name(extractor: Extractor) -> str:
    # Named by what decides the readings: a later build with the same extractor reuses the
    # workers' loaded models; a different model or actor table gets its own plugin.
    return "kg-extractor-" + hashlib.sha256(extractor.signature.encode()).hexdigest()[:16]


def read_on_dask(
    extractor: Extractor, articles: Iterable[Article], client: Client
) -> Iterator[ArticleReading]:
    """``extractor.read`` of every article, in input order, computed as tasks on ``client``'s cluster.

    Raises ``ModelError`` (or ``ClusterError``) when a worker cannot load the extractor, and
    ``ReadError`` naming the article when one fails; the tasks still in flight are then cancelled.
    """
    name = _plugin_name(extractor)
    try:
        client.register_plugin(_Readers(extractor), name=name)
    except Exception:
        with suppress(Exception):  # so that a later build tries again, once the cause is fixed
            client.unregister_worker_plugin(name)
        raise
    batch = uuid.uuid4().hex[:12]
    ahead = _AHEAD * max(1, sum(client.nthreads().values()))
    pending: deque[tuple[Article, Future]] = deque()
    try:
        for i, article in enumerate(articles):
            task = client.submit(_read, name, article, key=(f"kg-read-{batch}", i))
            pending.append((article, task))
            if len(pending) >= ahead:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        if pending:  # an article failed, or the caller stopped early: free the workers
            client.cancel([task for _, task in pending])


def _result(article: Article, task: Future) -> ArticleReading:
    try:
        reading: ArticleReading = task.result()
    except Exception as err:
        raise ReadError(article.id, err) from err
    return reading


@contextmanager
def connect(address: str, *, workers: int = 1, timeout: float = CONNECT_TIMEOUT) -> Iterator[Client]:
    """A client of the scheduler at ``address`` (``tcp://host:8786``), or, for ``"local"``, of a
    new cluster of ``workers`` processes on 127.0.0.1 (one thread each), closed at the end.

    Raises ``ClusterError`` when the scheduler does not answer within ``timeout`` seconds."""
    if address == LOCAL:
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address=None, scheduler_kwargs=_NO_DASHBOARD,
                         silence_logs=logging.CRITICAL) as cluster,
            Client(cluster, set_as_default=False) as client,
        ):
            yield client
        return
    try:
        asyncio.run(_reach(address, timeout))
    except (ValueError, TypeError) as err:
        raise ClusterError(f"{address!r} is not a Dask scheduler address ({err}): give tcp://HOST:PORT, "
                           f"or {LOCAL}") from err
    except OSError as err:  # refused or timed out
        raise ClusterError(f"cannot reach the Dask scheduler at {address} within {timeout:g} s: {err}"
                           ) from err
    with Client(address, timeout=timeout, set_as_default=False) as client:
        yield client


async def _reach(address: str, timeout: float) -> None:
    # A bare connection first: a Client that fails to start is left half-made and, when collected,
    # blocks for twice its timeout and prints a traceback.
    comm = await comm_connect(address, timeout=timeout)
    await comm.close()
