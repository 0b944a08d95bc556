"""The SHACL shapes compiled into SPARQL queries that screen a store for nodes that may violate them.

pySHACL needs the data in an in-memory rdflib graph and checks each focus node in Python: at a
million triples that is minutes and gigabytes. The screen asks Oxigraph instead, one query per
(shape, constraint), for the focus nodes that *may* break the constraint. It errs only one way:
a node it does not flag has no result in pySHACL's report; a node it flags may have none.
``kg.validate.validate_store`` then hands pySHACL each flagged node with the triples its
results depend on (``neighbourhood``), so the report is pySHACL's own.

The compiler covers what ``ontology/shapes.ttl`` uses and refuses anything else with a
``ScreenError`` (a new kind of constraint needs a query here first):

* targets: ``sh:targetClass`` (through ``rdfs:subClassOf*``), ``sh:targetSubjectsOf``,
  ``sh:targetObjectsOf``; property shapes reached through ``sh:property``;
* paths: an IRI, or ``[ sh:inversePath IRI ]``;
* constraints (https://www.w3.org/TR/shacl/#core-components): ``sh:class``, ``sh:datatype``,
  ``sh:nodeKind``, ``sh:minCount``, ``sh:maxCount``, ``sh:minLength``, ``sh:pattern`` (matched in
  Python, with ``re`` as pySHACL does), ``sh:lessThan``, and ``sh:xone`` of shapes that have only
  ``sh:class``.

Where the two engines could disagree on a value, the screen flags it: a datatype is accepted
only in a plain canonical form (so any literal rdflib could find ill-typed is flagged), and a
comparison that fails in SPARQL is a flag.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.namespace import OA

# A focus node is a literal only as the object of a sh:targetObjectsOf predicate.
Focus = ox.NamedNode | ox.BlankNode | ox.Literal


class Source(Protocol):
    """What the screen reads (``kg.store.OxigraphStore`` has it): queries over the union of the graphs,
    and quads by pattern."""

    def query(self, sparql: str, bindings: Mapping[str, str] | None = None) -> object: ...

    def quads_for_pattern(self, subject: ox.NamedNode | ox.BlankNode | None = None,
                          predicate: ox.NamedNode | None = None,
                          obj: Focus | None = None) -> Iterator[ox.Quad]: ...


class ScreenError(Exception):
    """The shapes use something the compiler does not translate (the message names the shape and term)."""


# Shape predicates that are not constraints (or are targets and paths, compiled on their own).
_NOT_CONSTRAINTS = {
    RDF.type, RDFS.comment, RDFS.label, RDFS.seeAlso, SH.path, SH.property, SH.message, SH.name,
    SH.description, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.flags,
}
_TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)

# A value is accepted as of its datatype only in these lexical forms (every one is well-typed for
# rdflib too); other forms are flagged and left to pySHACL.
_LEXICAL = {
    XSD.string: None,  # any lexical form is a valid xsd:string
    XSD.anyURI: None,  # rdflib does not check xsd:anyURI lexical forms
    XSD.date: r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    XSD.nonNegativeInteger: "^(0|[1-9][0-9]*)$",
    XSD.integer: "^(0|-?[1-9][0-9]*)$",
}
# Oxigraph keeps every integer as xsd:integer; the store gives those on oa:start and oa:end back
# as xsd:nonNegativeInteger (kg.store.oxigraph), which is what pySHACL then sees.
_RESTORED = {(OA.start, XSD.nonNegativeInteger), (OA.end, XSD.nonNegativeInteger)}
_CASTS = {XSD.date: XSD.date, XSD.nonNegativeInteger: XSD.integer, XSD.integer: XSD.integer}

_NODE_KINDS = {
    SH.IRI: "isIRI(?value)",
    SH.BlankNode: "isBlank(?value)",
    SH.Literal: "isLiteral(?value)",
    SH.BlankNodeOrIRI: "(isBlank(?value) || isIRI(?value))",
    SH.BlankNodeOrLiteral: "(isBlank(?value) || isLiteral(?value))",
    SH.IRIOrLiteral: "(isIRI(?value) || isLiteral(?value))",
}


@dataclass(frozen=True)
class Check:
    """One compiled (shape, constraint): a query whose ``?focus`` rows are the nodes to flag.

    ``pattern`` is set for ``sh:pattern``: the query then also returns each ``?value`` and the
    regular expression is applied in Python.
    """

    shape: str
    component: str
    sparql: str
    pattern: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Screen:
    """The compiled shapes, and the predicates whose incoming triples a focus node's results read."""

    checks: tuple[Check, ...]
    incoming: frozenset[str]

    def flagged(self, store: Source, *, threads: int | None = None) -> set[Focus]:
        """Every focus node that may violate a shape (over the union of the store's graphs).

        The queries run on ``threads`` threads (default: one per core, at most 4): pyoxigraph
        releases the GIL while it evaluates a query."""
        workers = threads or min(4, os.cpu_count() or 1)
        with ThreadPoolExecutor(workers) as pool:
            found: set[Focus] = set()
            for nodes in pool.map(lambda check: set(_run(store, check)), self.checks):
                found |= nodes
        return found

    def neighbourhood(self, store: Source, nodes: Iterable[Focus]) -> Iterator[ox.Triple]:
        """The triples the results for ``nodes`` depend on: the nodes' own triples, incoming ones on
        ``incoming`` predicates, the types of every node they link to, and the store's rdfs:subClassOf
        triples. Duplicates may occur."""
        subclass = ox.NamedNode(str(RDFS.subClassOf))
        rdf_type = ox.NamedNode(str(RDF.type))
        incoming = [ox.NamedNode(p) for p in sorted(self.incoming)]
        for q in store.quads_for_pattern(None, subclass, None):
            yield q.triple
        for node in nodes:
            linked: set[ox.NamedNode | ox.BlankNode] = set()
            if not isinstance(node, ox.Literal):
                for q in store.quads_for_pattern(node, None, None):
                    yield q.triple
                    if isinstance(q.object, ox.NamedNode | ox.BlankNode):
                        linked.add(q.object)
            for predicate in incoming:
                for q in store.quads_for_pattern(None, predicate, node):
                    yield q.triple
                    if isinstance(q.subject, ox.NamedNode | ox.BlankNode):
                        linked.add(q.subject)
            for other in linked:
                for q in store.quads_for_pattern(other, rdf_type, None):
                    yield q.triple


def _run(store: Source, check: Check) -> Iterator[Focus]:
    result = store.query(check.sparql)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        focus = row["focus"]
        assert isinstance(focus, ox.NamedNode | ox.BlankNode | ox.Literal)
        if check.pattern is None:
            yield focus
            continue
        value = row["value"]
        if isinstance(value, ox.BlankNode) or not check.pattern.search(value.value):  # type: ignore[union-attr]
            yield focus


def compile_shapes(shapes: Graph, hierarchy: Iterable[tuple[Node, Node, Node]]) -> Screen:
    """Compile ``shapes`` into a ``Screen``; ``hierarchy`` is the ``rdfs:subClassOf`` triples that
    pySHACL will see in the data graph (the ontology's, plus any in the data)."""
    supers: dict[Node, set[Node]] = {}
    for s, _, o in hierarchy:
        supers.setdefault(s, set()).add(o)
    compiler = _Compiler(shapes, supers)
    return compiler.compile()


class _Compiler:
    def __init__(self, shapes: Graph, supers: dict[Node, set[Node]]) -> None:
        self.shapes = shapes
        self.supers = supers
        self.incoming: set[str] = set()

    def compile(self) -> Screen:
        checks: list[Check] = []
        for shape in sorted(self.shapes.subjects(RDF.type, SH.PropertyShape), key=str):
            if any((shape, t, None) in self.shapes for t in _TARGETS):
                raise ScreenError(f"shape {shape}: targets on a property shape are not compiled")
        for shape in sorted(self.shapes.subjects(RDF.type, SH.NodeShape), key=str):
            if (shape, RDF.type, RDFS.Class) in self.shapes or (shape, RDF.type, OWL.Class) in self.shapes:
                raise ScreenError(f"shape {shape}: implicit class targets are not compiled")
            targets = self._targets(shape)
            if targets is None:
                continue  # not a target of anything: only used inside another shape
            checks += self._constraints(shape, targets, None)
            for prop in sorted(self.shapes.objects(shape, SH.property), key=str):
                checks += self._constraints(prop, targets, self._path(prop))
        return Screen(tuple(checks), frozenset(self.incoming))

    def _targets(self, shape: Node) -> str | None:
        parts = []
        for cls in self.shapes.objects(shape, SH.targetClass):
            parts.append(f"?focus a ?type . VALUES ?type {{ {self._subclasses(cls)} }}")
        for p in self.shapes.objects(shape, SH.targetSubjectsOf):
            parts.append(f"?focus {_iri(p)} [] .")
        for p in self.shapes.objects(shape, SH.targetObjectsOf):
            parts.append(f"[] {_iri(p)} ?focus .")
            self.incoming.add(str(p))
        if not parts:
            return None
        return " UNION ".join(f"{{ {p} }}" for p in parts)

    def _subclasses(self, cls: Node) -> str:
        """``cls`` and every class under it, as a VALUES list."""
        found = {cls}
        changed = True
        while changed:
            changed = False
            for sub, supers in self.supers.items():
                if sub not in found and supers & found:
                    found.add(sub)
                    changed = True
        return " ".join(_iri(c) for c in sorted(found, key=str))

    def _path(self, shape: Node) -> str:
        path = self.shapes.value(shape, SH.path)
        if isinstance(path, URIRef):
            return f"?focus {_iri(path)} ?value ."
        inverse = self.shapes.value(path, SH.inversePath) if isinstance(path, BNode) else None
        if isinstance(inverse, URIRef) and len(set(self.shapes.predicate_objects(path))) == 1:
            self.incoming.add(str(inverse))
            return f"?value {_iri(inverse)} ?focus ."
        raise ScreenError(f"shape {shape}: sh:path {path!r} is not an IRI or an inverse IRI path")

    def _constraints(self, shape: Node, targets: str, path: str | None) -> list[Check]:
        checks = []
        for p, o in sorted(self.shapes.predicate_objects(shape)):
            if p in _NOT_CONSTRAINTS:
                continue
            sparql, component, pattern = self._constraint(shape, p, o, targets, path)
            checks.append(Check(str(shape), str(component), sparql, pattern))
        return checks

    def _constraint(self, shape: Node, p: Node, o: Node, targets: str, path: str | None
                    ) -> tuple[str, URIRef, re.Pattern[str] | None]:
        """The query for one constraint. Most scan the path's triples without joining the targets
        (a join looks each node up, ten times slower): a node that is no target may be flagged,
        and pySHACL then finds nothing to report for it."""
        values = path or f"{{ {targets} }} BIND(?focus AS ?value)"
        if p == SH.minCount:
            n = _integer(shape, p, o)
            if path is None:
                raise ScreenError(f"shape {shape}: sh:minCount needs sh:path")
            if n == 1:  # the common case, as a hash anti-join
                return (f"SELECT DISTINCT ?focus WHERE {{ {{ {targets} }} MINUS {{ {path} }} }}",
                        SH.MinCountConstraintComponent, None)
            return (f"SELECT ?focus WHERE {{ {{ {targets} }} OPTIONAL {{ {path} }} }} "
                    f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) < {n})",
                    SH.MinCountConstraintComponent, None)
        if p == SH.maxCount:
            n = _integer(shape, p, o)
            return (f"SELECT ?focus WHERE {{ {values} }} "
                    f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) > {n})",
                    SH.MaxCountConstraintComponent, None)
        if p == SH.pattern:
            flags = self.shapes.value(shape, SH.flags)
            return (f"SELECT DISTINCT ?focus ?value WHERE {{ {values} }}", SH.PatternConstraintComponent,
                    _regex(str(o), str(flags) if flags else ""))
        if p == SH["class"]:
            where = f"{values} MINUS {{ ?value a ?class . VALUES ?class {{ {self._subclasses(o)} }} }}"
            component = SH.ClassConstraintComponent
        elif p == SH.datatype:
            test = _datatype_test(shape, o, self.shapes.value(shape, SH.path))
            where = f"{values} FILTER (!COALESCE({test}, false))"
            component = SH.DatatypeConstraintComponent
        elif p == SH.nodeKind:
            if not isinstance(o, URIRef) or o not in _NODE_KINDS:
                raise ScreenError(f"shape {shape}: unknown sh:nodeKind {o}")
            where, component = f"{values} FILTER (!{_NODE_KINDS[o]})", SH.NodeKindConstraintComponent
        elif p == SH.minLength:
            n = _integer(shape, p, o)
            where = f"{values} FILTER (isBlank(?value) || STRLEN(STR(?value)) < {n})"
            component = SH.MinLengthConstraintComponent
        elif p == SH.lessThan:
            # The other values in a subquery: Oxigraph then joins by hash instead of a lookup per value.
            where = (f"{values} {{ SELECT ?focus ?other WHERE {{ ?focus {_iri(o)} ?other }} }} "
                     "FILTER (!COALESCE(?value < ?other, false))")
            component = SH.LessThanConstraintComponent
        elif p == SH.xone:
            return self._xone(shape, o, targets), SH.XoneConstraintComponent, None
        else:
            raise ScreenError(f"shape {shape}: {p} is not compiled to SPARQL (kg.screen lists what is)")
        return f"SELECT DISTINCT ?focus WHERE {{ {where} }}", component, None

    def _xone(self, shape: Node, members: Node, targets: str) -> str:
        """Targets that conform to a number of members other than one: each member is counted once per
        node (a subquery over the type index), and a node of no member is counted 0."""
        if self.shapes.value(shape, SH.path) is not None:
            raise ScreenError(f"shape {shape}: sh:xone is compiled on node shapes only")
        branches = " UNION ".join(
            f"{{ {self._conforms_class_only(member)} BIND({i} AS ?member) }}"
            for i, member in enumerate(Collection(self.shapes, members)))
        return (f"SELECT DISTINCT ?focus WHERE {{ {{ {targets} }} OPTIONAL {{ SELECT ?focus "
                f"(COUNT(DISTINCT ?member) AS ?members) WHERE {{ {branches} }} GROUP BY ?focus }} "
                "FILTER (COALESCE(?members, 0) != 1) }")

    def _conforms_class_only(self, member: Node) -> str:
        """A pattern binding ?focus to the nodes that conform to ``member``, a shape of sh:class alone."""
        classes = list(self.shapes.objects(member, SH["class"]))
        others = {p for p in self.shapes.predicates(member) if p not in (SH["class"], RDF.type)}
        if not classes or others:
            raise ScreenError(f"sh:xone member {member!r}: only shapes with sh:class alone are compiled")
        return " ".join(f"?focus a ?c{i} . VALUES ?c{i} {{ {self._subclasses(c)} }}"
                        for i, c in enumerate(classes))


def _datatype_test(shape: Node, datatype: Node, predicate: Node | None) -> str:
    """True for a value of ``predicate`` that pySHACL surely accepts as ``datatype`` (see ``_LEXICAL``)."""
    if not isinstance(datatype, URIRef) or datatype not in _LEXICAL:
        raise ScreenError(f"shape {shape}: sh:datatype {datatype} is not compiled to SPARQL")
    stored = (XSD.integer,) if (predicate, datatype) in _RESTORED else ()
    accepted = " || ".join(f"DATATYPE(?value) = {_iri(d)}" for d in (datatype, *stored))
    test = f"isLiteral(?value) && ({accepted})"
    lexical = _LEXICAL[datatype]
    if lexical is not None:
        # A form can match and still not be a value (2024-02-30): the cast fails, so it is flagged.
        cast = _iri(_CASTS[datatype])
        test += f' && REGEX(STR(?value), "{lexical}") && STR({cast}(STR(?value))) = STR(?value)'
    return test


def _regex(pattern: str, flags: str) -> re.Pattern[str]:
    # pySHACL's translation of the SPARQL flags that Python's re knows.
    known = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}
    value = 0
    for flag in flags:
        if flag not in known:
            raise ScreenError(f"sh:flags {flags!r}: flag {flag!r} is not supported")
        value |= known[flag]
    return re.compile(pattern, value)


def _integer(shape: Node, p: Node, o: Node) -> int:
    try:
        return int(str(o))
    except ValueError:
        raise ScreenError(f"shape {shape}: {p} {o!r} is not an integer") from None


def _iri(node: Node) -> str:
    if not isinstance(node, URIRef):
        raise ScreenError(f"expected an IRI in the shapes, got {node!r}")
    return str(ox.NamedNode(str(node)))


__all__ = ["Check", "Screen", "ScreenError", "compile_shapes"]
