"""Validate a claim graph against the SHACL shapes (``ontology/shapes.ttl``) with pySHACL.

The shapes use ``sh:class cg:Actor`` and ``sh:targetClass cg:Statement`` while the data types
nodes only with subclasses (``cg:Person``, ``cg:Assertion``), so the ontology's class hierarchy
is added to the data before validating; SHACL follows ``rdfs:subClassOf`` in the data graph
(https://www.w3.org/TR/shacl/#dfn-shacl-instance). No RDFS/OWL inference is run.

``validate`` runs pySHACL over an rdflib graph. ``validate_store`` gives the same report for a
store of any size: the shapes, compiled to SPARQL (``kg.screen``), find on Oxigraph the few nodes
that may violate them, and pySHACL validates only those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.assets import ontology_text, shapes_text
from kg.namespace import PREFIXES
from kg.screen import Focus, Screen, compile_shapes

if TYPE_CHECKING:
    from kg.store import OxigraphStore

# Flagged nodes handed to pySHACL at a time, with their neighbourhoods: bounds its memory when a
# store has many violations.
STORE_BATCH = 2000


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result (https://www.w3.org/TR/shacl/#results-validation-result).

    IRIs are given in full; ``severity`` is ``"Violation"``, ``"Warning"`` or ``"Info"``;
    ``path`` is ``None`` for a node-level constraint and ``value`` when the result has none;
    ``component`` is the constraint component's IRI (``sh:MinCountConstraintComponent``...).
    """

    focus: str
    path: str | None
    shape: str
    severity: str
    message: str
    value: str | None
    component: str = ""


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms to the shapes, and every result, sorted by focus node."""

    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """One line per result (severity, focus node, path, message), then a summary line."""
        lines = [
            f"{v.severity}: <{v.focus}> {_short(v.path) if v.path else '-'}: {v.message}"
            + (f" [value: {v.value}]" if v.value is not None and v.value != v.focus else "")
            for v in self.violations
        ]
        lines.append(f"Conforms: {'yes' if self.conforms else 'no'} ({len(self.violations)} results)")
        return "\n".join(lines)


def validate(data: Graph | Dataset) -> ValidationReport:
    """Validate ``data`` (a Dataset's named graphs taken together) against the shapes."""
    graph = Graph()
    if isinstance(data, Dataset):
        graph.addN((s, p, o, graph) for s, p, o, _ in data.quads((None, None, None, None)))
    else:
        graph.addN((s, p, o, graph) for s, p, o in data)
    graph.addN((s, p, o, graph) for s, p, o in _class_hierarchy())
    # inplace: the graph is our own copy, so pySHACL need not clone it again.
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=_shapes(), inference="none", inplace=True)
    if not isinstance(results, Graph):  # pySHACL returns a Graph unless asked to serialize
        raise TypeError(f"unexpected pySHACL results: {type(results).__name__}")
    violations = sorted(
        (_violation(results, r) for r in results.subjects(RDF.type, SH.ValidationResult)),
        key=lambda v: (v.focus, v.path or "", v.shape, v.component, v.value or ""),
    )
    return ValidationReport(bool(conforms), tuple(violations))


def validate_store(store: OxigraphStore, *, batch: int = STORE_BATCH) -> ValidationReport:
    """Validate the store: the same report as ``validate(store.dataset())``, without copying the store.

    The shapes, compiled to SPARQL (``kg.screen``), flag on Oxigraph the focus nodes that may
    violate them; pySHACL then validates each flagged node with the triples its results depend
    on, ``batch`` nodes at a time, and only their results are kept. A conforming store of a
    million triples is validated in seconds, and pySHACL never runs on it.
    """
    screen = _screen(store)
    flagged = sorted(screen.flagged(store), key=lambda n: (isinstance(n, ox.BlankNode), n.value))
    violations: list[Violation] = []
    for start in range(0, len(flagged), batch):
        nodes = flagged[start:start + batch]
        report = validate(_graph(screen.neighbourhood(store, nodes)))
        # Other nodes in the neighbourhood lack their own context: their results are not theirs.
        keep = {n.value for n in nodes}
        violations += [v for v in report.violations if v.focus in keep]
    violations.sort(key=lambda v: (v.focus, v.path or "", v.shape, v.component, v.value or ""))
    return ValidationReport(not violations, tuple(violations))


def _screen(store: OxigraphStore) -> Screen:
    """The shapes compiled with the class hierarchy pySHACL would see: the ontology's and the store's."""
    stored = (
        (_term(q.subject), RDFS.subClassOf, _term(q.object))
        for q in store.quads_for_pattern(None, ox.NamedNode(str(RDFS.subClassOf)), None)
    )
    return compile_shapes(_shapes(), [*_class_hierarchy(), *stored])


def _graph(triples: Iterable[ox.Triple]) -> Graph:
    graph = Graph()
    graph.addN((_term(t.subject), _term(t.predicate), _term(t.object), graph) for t in triples)
    return graph


def _term(term: Focus | ox.Triple) -> Node:
    """The rdflib term an N-Quads parse of ``term`` gives (a plain literal has no datatype)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
    raise TypeError(f"RDF-star triple terms are not validated: {term}")


@cache
def _shapes() -> Graph:
    return Graph().parse(data=shapes_text(), format="turtle")


@cache
def _class_hierarchy() -> tuple[tuple[URIRef, URIRef, URIRef], ...]:
    """The ontology's ``rdfs:subClassOf`` triples between named classes."""
    ontology = Graph().parse(data=ontology_text(), format="turtle")
    return tuple(
        (s, RDFS.subClassOf, o)
        for s, o in ontology.subject_objects(RDFS.subClassOf)
        if isinstance(s, URIRef) and isinstance(o, URIRef)
    )


def _violation(results: Graph, result: Node) -> Violation:
    def one(p: URIRef) -> Node | None:
        return results.value(result, p)

    severity = one(SH.resultSeverity)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    value = one(SH.value)
    return Violation(
        focus=str(one(SH.focusNode)),
        path=_path(results, one(SH.resultPath)),
        shape=str(one(SH.sourceShape)),
        severity=str(severity).removeprefix(str(SH)) if severity is not None else "Violation",
        message="; ".join(messages),
        value=None if value is None else str(value),
        component=str(one(SH.sourceConstraintComponent)),
    )


def _path(results: Graph, path: Node | None) -> str | None:
    """An IRI path as the IRI; an inverse path as ``^IRI``; other paths in Turtle-like form."""
    if path is None:
        return None
    if isinstance(path, BNode):
        inverse = results.value(path, SH.inversePath)
        if isinstance(inverse, URIRef):
            return "^" + str(inverse)
        return path.n3()
    return str(path)


def _short(iri: str) -> str:
    """``https://w3id.org/claimgraph/ns#speaker`` -> ``cg:speaker``, with the project's prefixes."""
    inverse = iri.startswith("^")
    bare = iri.removeprefix("^")
    for prefix, ns in PREFIXES.items():
        if bare.startswith(ns) and prefix != "id":
            bare = f"{prefix}:{bare[len(ns):]}"
            break
    return ("^" if inverse else "") + bare


__all__ = ["Violation", "ValidationReport", "validate", "validate_store"]
