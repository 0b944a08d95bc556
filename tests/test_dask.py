"""The reading phase on a real Dask cluster (two worker processes on 127.0.0.1) builds the graph one
process builds; ``kg build --dask`` starts or reaches a cluster, and says in one line when it cannot.

The cluster needs the ``dask`` extra (in the ``test`` extra, so CI has it); without it these tests
skip, except the one that checks what a user without the extra is told.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.articles import read_articles
from kg.build import build
from kg.cli import main
from kg.extract import Extractor, ModelError
from kg.records import Article
from kg.store import OxigraphStore

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NO_EXTRA = "the dask extra is not installed (pip install -e '.[dask]')"


@pytest.fixture(scope="module")
def on_dask() -> ModuleType:
    pytest.importorskip("distributed", reason=NO_EXTRA)
    from kg.extract import distributed

    return distributed


@pytest.fixture(scope="module")
def client(on_dask: ModuleType) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                     dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}
                     ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def plain(extractor: Extractor) -> list[Any]:
    """The sorted quads of the seeds built in this process: what every cluster build must give."""
    store = OxigraphStore()
    assert build([SEEDS], store, extractor=extractor).ok
    return sorted(store.dataset().quads())


def test_the_seeds_built_on_the_cluster_give_the_quads_of_one_process(
    client: Any, extractor: Extractor, plain: list[Any]
) -> None:
    from distributed import get_task_stream

    store = OxigraphStore()
    with get_task_stream(client=client) as stream:
        summary = build([SEEDS], store, extractor=extractor, client=client)
    assert summary.ok and len(summary.built) == len(list(SEEDS.glob("*.txt")))
    assert sorted(store.dataset().quads()) == plain
    # The articles were read by the workers, one task each (not in this process).
    reads = [task for task in stream.data if "kg-read" in str(task["key"])]
    assert len(reads) == len(summary.built)
    assert {task["worker"] for task in reads} <= set(client.nthreads())


def test_readings_come_back_in_input_order(client: Any, extractor: Extractor, on_dask: ModuleType) -> None:
    # Whatever order the workers finish in: the claim phase must see the articles as given.
    articles = list(reversed(read_articles([SEEDS]).articles))
    readings = on_dask.read_on_dask(extractor, articles, client)
    assert [r.article for r in readings] == articles


def test_an_article_that_fails_is_named(client: Any, extractor: Extractor, on_dask: ModuleType) -> None:
    good = read_articles([SEEDS]).articles[0]
    broken = Article("broken-article", None)  # type: ignore[arg-type] -- a text the reader cannot take
    failed = "article 'broken-article' failed on the Dask cluster: TypeError"
    with pytest.raises(on_dask.ReadError, match=failed):
        list(on_dask.read_on_dask(extractor, [good, broken, good], client))
    # The cluster is still usable: the failure cancelled the rest, nothing was left stuck.
    assert [r.article.id for r in on_dask.read_on_dask(extractor, [good], client)] == [good.id]


def test_workers_without_the_model_say_so(client: Any, on_dask: ModuleType) -> None:
    articles = read_articles([SEEDS]).articles
    with pytest.raises(ModelError, match="no-such-model"):
        list(on_dask.read_on_dask(Extractor(model="no-such-model"), articles, client))


def _stored(path: Path) -> list[Any]:
    with OxigraphStore(path, read_only=True) as store:
        return sorted(store.dataset().quads())


def test_kg_build_on_a_scheduler_address(
    client: Any, plain: list[Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    assert main(["build", str(SEEDS), "--store", str(store), "--dask", client.scheduler.address]) == 0
    assert "5 article(s) built, 0 skipped, 0 failed" in capsys.readouterr().out
    assert _stored(store) == plain


def test_kg_build_dask_local_starts_a_cluster(
    on_dask: ModuleType, plain: list[Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    assert main(["build", str(SEEDS), "--store", str(store), "--dask", "local", "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    assert "5 article(s) built, 0 skipped, 0 failed" in out and err == ""
    assert _stored(store) == plain


def test_an_unreachable_scheduler_is_one_line_and_exit_1(
    on_dask: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as free:  # a port nothing listens on once closed
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    store = tmp_path / "store"
    address = f"tcp://127.0.0.1:{port}"
    assert main(["build", str(SEEDS), "--store", str(store), "--dask", address]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"kg build: error: cannot reach the Dask scheduler at {address} within 5 s")
    assert len(err.splitlines()) == 1
    assert not store.exists()  # the store this build would have made is not left behind, empty


def test_an_unreachable_scheduler_leaves_an_existing_store_as_it_was(
    on_dask: ModuleType, plain: list[Any], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    assert main(["build", str(SEEDS), "--store", str(store)]) == 0
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    assert main(["build", str(SEEDS), "--store", str(store), "--dask", f"tcp://127.0.0.1:{port}"]) == 1
    assert _stored(store) == plain


def test_without_the_extra_the_error_says_how_to_install_it(tmp_path: Path) -> None:
    # A real interpreter in which `import distributed` fails, as where the extra is not installed.
    code = "import sys; sys.modules['distributed'] = None; from kg.cli import main; sys.exit(main())"
    store = tmp_path / "store"
    done = subprocess.run([sys.executable, "-c", code, "build", str(SEEDS), "--store", str(store),
                           "--dask", "local"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("kg build: error: install the dask extra: pip install 'claim-graph[dask]'")
    assert len(done.stderr.splitlines()) == 1
    assert not store.exists()  # refused before the store was opened
