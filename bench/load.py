"""Load time and triples/second: embedded store vs Oxigraph server vs Virtuoso, seed graph and a larger one.

    .venv/bin/python bench/load.py                    # builds the seeds, then 100 copies of them
    .venv/bin/python bench/load.py --store .kg/store --copies 300 --repeat 3

The larger graph replicates the seed articles: copy k of article ID is the same article
graph with every occurrence of ID (in its graph IRI, article IRI, statement and evidence
IRIs, and dcterms:identifier) replaced by ID-xK, so it is a new article making the same
statements about the same claims and actors; the entities graph is shared, as it would be.

For each graph and each target the table gives the first load into an empty store and a
reload (which replaces every graph, and must leave the triple count unchanged):

* embedded — ``OxigraphStore.replace`` into a new on-disk store (what ``kg build`` does);
* oxigraph — ``kg.load.send`` to ``oxigraph serve`` (on disk): one Graph Store PUT per graph;
* virtuoso — the same to Virtuoso 7 (``/sparql-graph-crud-auth``, digest authentication).

Validation (SHACL and checks), which ``kg load`` runs before sending, is timed on its own
line. Needs the ``oxigraph`` binary (PyPI) and ``virtuoso-t`` (Debian virtuoso-opensource).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Dataset  # noqa: E402

from kg.load import send  # noqa: E402
from kg.queries import checks  # noqa: E402
from kg.rdf import ENTITIES_GRAPH  # noqa: E402
from kg.serve import OxigraphServer  # noqa: E402
from kg.store import OxigraphStore  # noqa: E402
from kg.validate import validate  # noqa: E402
from tests.servers import VirtuosoServer  # noqa: E402

ARTICLE_GRAPH = "https://w3id.org/claimgraph/id/graph/article/"


def seed_store(path: Path) -> OxigraphStore:
    from kg.build import build
    from kg.extract import Extractor

    store = OxigraphStore(path)
    summary = build([ROOT / "seeds"], store, extractor=Extractor())
    if not summary.ok:
        raise SystemExit(f"seed build failed: {summary.text()}")
    return store


def replicated(source: OxigraphStore, copies: int) -> OxigraphStore:
    """The source's articles ``copies`` times over under new ids, with one shared entities graph."""
    ds = Dataset()
    ds.parse(data=replicated_nquads(source, copies).decode("utf-8"), format="nquads")
    return OxigraphStore.of(ds)


def replicated_nquads(source: OxigraphStore, copies: int) -> bytes:
    """N-Quads of ``replicated(source, copies)``."""
    parts = [_quads(source.graph_ntriples(str(ENTITIES_GRAPH)), str(ENTITIES_GRAPH))]
    for name in source.graph_names():
        if not name.startswith(ARTICLE_GRAPH):
            continue
        article = name.removeprefix(ARTICLE_GRAPH)
        text = source.graph_ntriples(name).decode("utf-8")
        for k in range(copies):
            new = f"{article}-x{k}"
            parts.append(_quads(text.replace(article, new).encode("utf-8"), ARTICLE_GRAPH + new))
    return b"".join(parts)


def _quads(ntriples: bytes, graph: str) -> bytes:
    # An N-Triples line ends with " ." : the graph name goes before that final dot.
    suffix = f" <{graph}> .\n".encode()
    return b"".join(line.rstrip()[:-1].rstrip() + suffix for line in ntriples.splitlines() if line.strip())


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


Row = tuple[str, str, int, float, float]  # graph, target, triples, first load s, reload s


def bench(label: str, source: OxigraphStore, repeat: int, scratch: Path) -> list[Row]:
    triples = len(source)
    rows: list[tuple[str, str, int, float, float]] = []
    dataset = source.dataset()

    def validation() -> None:
        report = validate(dataset)
        assert report.conforms and not checks(source)

    rows.append((label, "validation (before any load)", triples, statistics.median(
        timed(validation) for _ in range(repeat)), 0.0))

    firsts, reloads = [], []
    for r in range(repeat):
        with OxigraphStore(scratch / f"embedded-{label}-{r}") as store:
            firsts.append(timed(lambda: store.replace(dataset)))  # noqa: B023 - called at once
            reloads.append(timed(lambda: store.replace(dataset)))  # noqa: B023
            assert len(store) == triples
    rows.append((label, "embedded (pyoxigraph, on disk)", triples, statistics.median(firsts),
                 statistics.median(reloads)))

    firsts, reloads = [], []
    for r in range(repeat):
        with OxigraphServer(scratch / f"oxigraph-{label}-{r}") as server:
            from tests.servers import oxigraph_target

            endpoint = oxigraph_target(server).store()
            firsts.append(send(source, endpoint).seconds)
            reloads.append(send(source, endpoint).seconds)
            assert len(endpoint) == triples
    rows.append((label, "Oxigraph server (GSP PUT per graph)", triples, statistics.median(firsts),
                 statistics.median(reloads)))

    firsts, reloads = [], []
    for r in range(repeat):
        with VirtuosoServer(scratch / f"virtuoso-{label}-{r}") as virtuoso:
            endpoint = virtuoso.target().store()
            firsts.append(send(source, endpoint).seconds)
            reloads.append(send(source, endpoint).seconds)
            assert len(endpoint) == triples
    rows.append((label, "Virtuoso 7.2 (GSP PUT per graph)", triples, statistics.median(firsts),
                 statistics.median(reloads)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="seed store to start from (default: build seeds/)")
    parser.add_argument("--copies", type=int, default=100, help="copies of each article in the larger graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        source = OxigraphStore(args.store, read_only=True) if args.store else seed_store(scratch / "seeds")
        larger = replicated(source, args.copies)
        rows = bench("seeds", source, args.repeat, scratch)
        rows += bench(f"seeds x{args.copies}", larger, args.repeat, scratch)
    print(f"| graph | target | triples | load s | triples/s | reload s | triples/s |\n|{'---|' * 7}")
    for label, target, triples, first, reload in rows:
        if reload == 0.0:
            print(f"| {label} | {target} | {triples:,} | {first:.2f} | {triples / first:,.0f} | | |")
        else:
            print(f"| {label} | {target} | {triples:,} | {first:.2f} | {triples / first:,.0f} | "
                  f"{reload:.2f} | {triples / reload:,.0f} |")


if __name__ == "__main__":
    main()
