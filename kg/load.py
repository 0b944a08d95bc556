"""Load a validated graph into a SPARQL 1.1 server, one named graph per request.

The source is a store directory or an RDF dataset file. It is validated first (the SHACL
shapes and every ``*-violation`` check, as ``kg build`` does); if anything fails, nothing
is sent — not one request. Then each named graph is replaced on the server
(``EndpointStore.put_graph``: Graph Store ``PUT``, else SPARQL Update), so loading again
replaces, never duplicates.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.queries import Finding, checks
from kg.store import EndpointStore, OxigraphStore, StoreError, read_rdf
from kg.validate import ValidationReport, validate_store


@dataclass(frozen=True)
class LoadSummary:
    """What a load did: graphs and triples sent (0 when refused), how, and how long it took."""

    endpoint: str
    graphs: int
    triples: int
    method: str
    seconds: float
    validation_seconds: float
    report: ValidationReport
    findings: tuple[Finding, ...]

    @property
    def violations(self) -> int:
        shacl = [v for v in self.report.violations if v.severity == "Violation"]
        return len(shacl) + len(self.findings)

    @property
    def ok(self) -> bool:
        return self.violations == 0

    @property
    def triples_per_second(self) -> float:
        return self.triples / self.seconds if self.seconds > 0 else 0.0

    def text(self) -> str:
        if not self.ok:
            return f"nothing loaded into {self.endpoint}: the data has {self.violations} violation(s)"
        return (f"loaded {self.graphs} graph(s), {self.triples:,} triples into {self.endpoint} "
                f"by {self.method} in {self.seconds:.2f} s ({self.triples_per_second:,.0f} triples/s); "
                f"validated in {self.validation_seconds:.2f} s")


def open_source(path: str | Path, *, is_store: bool) -> OxigraphStore:
    """The data to load: the store directory ``path`` (read-only), or the dataset file ``path`` in memory."""
    source = Path(path)
    if is_store:
        return OxigraphStore(source, read_only=True)
    data = read_rdf(source)
    if not isinstance(data, Dataset):
        raise StoreError(f"{source} has no named graphs: load a store or a .trig, .nq or .jsonld file")
    for *_, graph in data.quads((None, None, None, None)):
        if getattr(graph, "identifier", graph) in (None, DATASET_DEFAULT_GRAPH_ID):
            raise StoreError(f"{source} has triples outside named graphs: each article is one named graph")
    store = OxigraphStore.of(data)
    if not store.graph_names():
        raise StoreError(f"{source} has no named graphs: load a store or a .trig, .nq or .jsonld file")
    return store


@dataclass(frozen=True)
class Sent:
    """What ``send`` sent: graphs, triples, how ("graph store" or "update"), and the seconds it took."""

    graphs: int
    triples: int
    method: str
    seconds: float


def send(source: OxigraphStore, endpoint: EndpointStore) -> Sent:
    """Replace each named graph of ``source`` on ``endpoint``, unvalidated (``load`` validates first)."""
    started = time.perf_counter()
    graphs = triples = 0
    method = ""
    for name in source.graph_names():
        data = source.graph_ntriples(name)
        method = endpoint.put_graph(name, data)
        graphs += 1
        triples += data.count(b"\n")
    return Sent(graphs, triples, method, time.perf_counter() - started)


def load(source: OxigraphStore, endpoint: EndpointStore) -> LoadSummary:
    """Validate ``source``; if it conforms, replace each of its named graphs on ``endpoint``."""
    started = time.perf_counter()
    report = validate_store(source)
    findings = tuple(checks(source))
    validated = time.perf_counter() - started
    summary = LoadSummary(endpoint.query_url, 0, 0, "", 0.0, validated, report, findings)
    if not summary.ok:
        return summary
    sent = send(source, endpoint)
    how = {"graph store": "Graph Store PUT", "update": "SPARQL Update"}.get(sent.method, "nothing to send")
    return LoadSummary(endpoint.query_url, sent.graphs, sent.triples, how, sent.seconds, validated, report,
                       findings)


__all__ = ["LoadSummary", "Sent", "load", "send", "open_source"]
