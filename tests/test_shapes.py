"""The SHACL shapes, case by case: every constraint of every shape has a Turtle file that breaks it.

A case file (``tests/shapes/*.ttl``) holds a small data graph and, as a ``sh:ValidationReport``,
the results ``kg.validate.validate`` must give for it, and no others. The report is taken out
of the graph before the rest is validated.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.assets import shapes_text
from kg.rdf import to_dataset
from kg.validate import validate
from tests.sample import corpus

CASES = sorted((Path(__file__).parent / "shapes").glob("*.ttl"))

# The constraint component that each constraint parameter in shapes.ttl is reported under.
COMPONENTS: dict[URIRef, URIRef] = {
    SH["class"]: SH.ClassConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent,
    SH.maxLength: SH.MaxLengthConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH.lessThan: SH.LessThanConstraintComponent,
    SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent,
    SH.equals: SH.EqualsConstraintComponent,
    SH.disjoint: SH.DisjointConstraintComponent,
    SH["in"]: SH.InConstraintComponent,
    SH.hasValue: SH.HasValueConstraintComponent,
    SH["or"]: SH.OrConstraintComponent,
    SH["and"]: SH.AndConstraintComponent,
    SH["not"]: SH.NotConstraintComponent,
    SH.xone: SH.XoneConstraintComponent,
    SH.node: SH.NodeConstraintComponent,
    SH.closed: SH.ClosedConstraintComponent,
    SH.sparql: SH.SPARQLConstraintComponent,
}
# Predicates of a shape that are not constraints.
NOT_CONSTRAINTS = {
    RDF.type, RDFS.comment, RDFS.label, SH.path, SH.property, SH.message, SH.severity, SH.name,
    SH.description, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
    SH.flags, SH.ignoredProperties, SH.deactivated,
}

Key = tuple[str, str | None, str, str]  # focus, path, shape, constraint component


def _path(graph: Graph, path: Node | None) -> str | None:
    if path is None:
        return None
    if isinstance(path, BNode):
        return "^" + str(graph.value(path, SH.inversePath))
    return str(path)


def load_case(file: Path) -> tuple[Graph, set[Key]]:
    """The case's data graph, and the results it must give."""
    graph = Graph().parse(file, format="turtle")
    reports = list(graph.subjects(RDF.type, SH.ValidationReport))
    assert len(reports) == 1, f"{file.name}: needs exactly one sh:ValidationReport"
    expected = {
        (
            str(graph.value(r, SH.focusNode)),
            _path(graph, graph.value(r, SH.resultPath)),
            str(graph.value(r, SH.sourceShape)),
            str(graph.value(r, SH.sourceConstraintComponent)),
        )
        for r in graph.objects(reports[0], SH.result)
    }
    graph -= graph.cbd(reports[0])
    return graph, expected


def shape_constraints() -> set[tuple[str, str]]:
    """Every (shape, constraint component) in shapes.ttl."""
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    found = set()
    for kind in (SH.NodeShape, SH.PropertyShape):
        for shape in shapes.subjects(RDF.type, kind):
            for p in set(shapes.predicates(shape)):
                if p in NOT_CONSTRAINTS:
                    continue
                assert p in COMPONENTS, f"{shape}: add {p} to COMPONENTS or NOT_CONSTRAINTS"
                found.add((str(shape), str(COMPONENTS[p])))
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case_gives_exactly_its_results(case: Path) -> None:
    data, expected = load_case(case)
    report = validate(data)
    actual = {(v.focus, v.path, v.shape, v.component) for v in report.violations}
    assert not report.conforms
    assert actual == expected, (
        f"missing: {sorted(expected - actual, key=str)}\nunexpected: {sorted(actual - expected, key=str)}"
    )


def test_every_constraint_has_a_case() -> None:
    covered = {(shape, component) for case in CASES for _, _, shape, component in load_case(case)[1]}
    missing = shape_constraints() - covered
    assert not missing, f"constraints without a case in tests/shapes/: {sorted(missing)}"


def test_every_node_shape_has_a_case() -> None:
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    covered = {shape for case in CASES for _, _, shape, _ in load_case(case)[1]}
    for node_shape in shapes.subjects(RDF.type, SH.NodeShape):
        parts = {str(node_shape)} | {str(p) for p in shapes.objects(node_shape, SH.property)}
        assert parts & covered, f"no case breaks {node_shape} or any of its property shapes"


def test_sample_corpus_conforms() -> None:
    report = validate(to_dataset(corpus()))
    assert report.conforms, report.text()
    assert report.violations == ()


def test_plain_graph_and_dataset_agree() -> None:
    ds = to_dataset(corpus())
    flat = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        flat.add((s, p, o))
    assert validate(flat) == validate(ds)


def test_report_text_names_focus_node_path_and_message() -> None:
    data, expected = load_case(Path(__file__).parent / "shapes" / "statement-speaker.ttl")
    report = validate(data)
    text = report.text()
    for focus, _, _, _ in expected:
        assert f"<{focus}>" in text
    assert "cg:speaker" in text
    assert all(v.message and v.message in text for v in report.violations)
    assert text.splitlines()[-1] == f"Conforms: no ({len(expected)} results)"
