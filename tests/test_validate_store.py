"""``validate_store`` (the shapes compiled to SPARQL screen the store, pySHACL reports) against plain pySHACL.

The reference is always ``validate(store.dataset())``: pySHACL over every triple the store
holds, which is what ``kg validate --store`` ran before. The two must give the same report,
message for message, on every shape case and on seed graphs with violations injected.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.cli import main
from kg.namespace import CG, ID, OA, SDO
from kg.queries import checks
from kg.rdf import ENTITIES_GRAPH, to_dataset
from kg.screen import ScreenError, compile_shapes
from kg.store import OxigraphStore
from kg.validate import _screen, _shapes, validate, validate_store
from tests.sample import corpus
from tests.test_shapes import CASES, load_case, shape_constraints

ROOT = Path(__file__).resolve().parent.parent


def _agree(store: OxigraphStore) -> tuple[str, ...]:
    """Assert both engines give the same report; the focus nodes it names."""
    fast = validate_store(store)
    reference = validate(store.dataset())
    assert fast == reference, f"only fast: {set(fast.violations) - set(reference.violations)}\n" \
                              f"only pySHACL: {set(reference.violations) - set(fast.violations)}"
    return tuple(v.focus for v in fast.violations)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_shape_case_gives_pyshacls_report(case: Path) -> None:
    data, _ = load_case(case)
    store = OxigraphStore.of(data)
    assert _agree(store), "the case breaks its shape, so the report cannot be empty"


def test_every_case_gives_pyshacls_report_in_small_batches() -> None:
    # All cases in one store, two flagged nodes per pySHACL run: batches must not change the report.
    merged = Graph()
    for case in CASES:
        merged += load_case(case)[0]
    store = OxigraphStore.of(merged)
    assert validate_store(store, batch=2) == validate(store.dataset())


def _statements(ds: Dataset) -> list[Node]:
    return sorted({s for s, _, _, _ in ds.quads((None, CG.claim, None, None))}, key=str)


def _graph_of(ds: Dataset, node: Node) -> Graph:
    return next(ds.graph(g) for _, _, _, g in ds.quads((node, None, None, None)))


def _object(ds: Dataset, subject: Node, predicate: URIRef) -> Node:
    return next(o for _, _, o, _ in ds.quads((subject, predicate, None, None)))


def _actors(ds: Dataset) -> list[Node]:
    entities = ds.graph(ENTITIES_GRAPH)
    return sorted({s for s in entities.subjects(RDFS.label, None)}, key=str)


def _inject(ds: Dataset) -> set[str]:
    """Break the dataset in every way the shapes catch, one node per way; the nodes broken."""
    st = _statements(ds)
    actors = _actors(ds)
    entities = ds.graph(ENTITIES_GRAPH)
    broken: set[Node] = set()

    def on(node: Node, change: Callable[[Graph], None]) -> None:
        change(_graph_of(ds, node))
        broken.add(node)

    # Statements and their evidence are distinct focus nodes: three statements carry five breaks.
    on(st[0], lambda g: g.remove((st[0], CG.cue, None)))                                 # required property
    on(st[0], lambda g: g.set((st[0], DCTERMS.date, Literal("2024-05-01"))))             # wrong datatype
    on(st[1], lambda g: g.set((st[1], CG.speaker, ID["actor/nobody"])))                  # dangling actor
    on(st[1], lambda g: g.add((st[1], RDF.type, CG.Denial if (st[1], RDF.type, CG.Assertion) in g
                                else CG.Assertion)))                                     # both stances
    on(st[2], lambda g: g.set((st[2], CG.content, Literal(""))))                         # empty string
    quote = Literal("a sentence where a selector should be")
    on(st[2], lambda g: g.add((st[2], CG.evidence, quote)))                              # literal evidence
    broken.add(quote)
    evidence = _object(ds, st[0], CG.evidence)
    on(evidence, lambda g: g.set((evidence, OA.start, Literal(10_000, datatype=XSD.nonNegativeInteger))))
    evidence = _object(ds, st[1], CG.evidence)
    on(evidence, lambda g: g.set((evidence, OA.end, Literal("-1", datatype=XSD.nonNegativeInteger))))
    on(actors[0], lambda g: g.add((actors[0], RDFS.label, Literal("Another name"))))     # two labels
    on(actors[1], lambda g: g.set((actors[1], RDFS.label, Literal(str(g.value(actors[1], RDFS.label)),
                                                                   lang="en"))))         # language tag
    on(actors[2], lambda g: g.set((actors[2], SDO.sameAs, URIRef("https://example.org/q1"))))  # pattern
    on(actors[3], lambda g: g.set((actors[3], PROV.actedOnBehalfOf, Literal("the ministry"))))  # class
    orphan = ID["claim/nobody-says-this"]
    entities.add((orphan, RDF.type, CG.Claim))
    entities.add((orphan, SDO.text, Literal("nobody says this")))                        # inverse minCount
    broken.add(orphan)
    article = _object(ds, st[2], CG.reportedIn)
    on(article, lambda g: g.set((article, DCTERMS.issued, Literal("2024-02-30", datatype=XSD.date))))
    return {str(n) for n in broken}


def test_injected_violations_give_pyshacls_report() -> None:
    ds = to_dataset(corpus())
    broken = _inject(ds)
    found = _agree(OxigraphStore.of(ds))
    assert broken <= set(found), f"not reported: {broken - set(found)}"


def test_a_conforming_store_flags_nothing() -> None:
    # pySHACL never runs on good data: that is what makes a large store fast.
    store = OxigraphStore.of(to_dataset(corpus()))
    assert _screen(store).flagged(store) == set()
    assert validate_store(store).conforms


@pytest.mark.model
def test_seed_store_with_injected_violations(tmp_path: Path) -> None:
    from kg.build import build
    from kg.extract import Extractor

    with OxigraphStore(tmp_path / "seeds") as seeds:
        assert build([ROOT / "seeds"], seeds, extractor=Extractor()).ok
        assert _screen(seeds).flagged(seeds) == set()
        ds = seeds.dataset()
    broken = _inject(ds)
    found = _agree(OxigraphStore.of(ds))
    assert broken <= set(found), f"not reported: {broken - set(found)}"


def test_kg_validate_store_prints_pyshacls_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ds = to_dataset(corpus())
    st = _statements(ds)
    _graph_of(ds, st[0]).remove((st[0], CG.cue, None))
    _graph_of(ds, st[1]).set((st[1], DCTERMS.date, Literal("yesterday")))
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        store.replace(ds)
        expected = validate(store.dataset()).text()
    assert main(["validate", "--store", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"SHACL ({path}):\n{expected}\n" in out
    assert "Conforms: no (2 results)" in out


@pytest.mark.parametrize("constraint", [
    "sh:closed true", "sh:node cgsh:Other", "sh:sparql [ sh:select \"SELECT $this WHERE {}\" ]",
    "sh:property [ sh:path ( cg:a cg:b ) ; sh:minCount 1 ]", "sh:property [ sh:path cg:a ; sh:hasValue 1 ]",
    "sh:property [ sh:path cg:a ; sh:datatype xsd:decimal ]", "a rdfs:Class", "sh:severity sh:Warning",
])
def test_the_compiler_refuses_what_it_does_not_translate(constraint: str) -> None:
    shapes = Graph().parse(data=f"""
        @prefix sh: <{SH}> . @prefix cg: <{CG._NS}> . @prefix cgsh: <https://w3id.org/claimgraph/shapes#> .
        @prefix xsd: <{XSD}> . @prefix rdfs: <{RDFS}> .
        cgsh:Shape a sh:NodeShape ; sh:targetClass cg:Claim ; {constraint} .
        """, format="turtle")
    with pytest.raises(ScreenError):
        compile_shapes(shapes, [])


def test_every_constraint_of_the_shipped_shapes_is_compiled() -> None:
    screen = compile_shapes(_shapes(), [])
    assert {(c.shape, c.component) for c in screen.checks} == shape_constraints()


def test_each_article_alone_carries_the_nodes_it_links_to() -> None:
    # kg build validates a chunk of articles without the rest of the store: each article's graph, with
    # the entities graph to_dataset gives it, must conform on its own (no dangling actor or claim).
    for extraction in corpus():
        store = OxigraphStore.of(to_dataset([extraction]))
        assert validate_store(store).conforms, extraction.article.id
        assert checks(store) == [], extraction.article.id
