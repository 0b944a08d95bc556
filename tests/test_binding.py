"""Parameters for a remote server: bound as one VALUES block of escaped terms, never as pasted text."""

from __future__ import annotations

import doctest

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef

import kg.store.binding
from kg.queries import bind, resolve, saved_queries
from kg.store.binding import (
    BindingError,
    bind_values,
    declared_prefixes,
    query_form,
    values_block,
    where_group,
    with_dataset,
    with_prefixes,
)

PROBE = "SELECT ?x WHERE { }"
INJECTIONS = [
    'China" } ; DROP ALL ; SELECT * WHERE { "',
    "China' } } INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
    'x"^^<urn:t> ) (?x',
    "\\\" } #",
    'a\nb\r\n"""\'\'\' } DELETE WHERE { ?s ?p ?o }',
    "} UNION { ?s ?p ?o",
    "# comment } {",
    "\u0000\u202e\U0001f600",
]
IRI_BREAKOUTS = ["https://example.org/a> } DROP ALL { <x", "https://ex.org/a b", "urn:{"]
TEXT_EXAMPLES = 300
TAGGED_EXAMPLES = 100


def _one_value(block_query: str) -> list[ox.QuerySolution]:
    result = ox.Store().query(block_query)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(kg.store.binding, raise_on_error=True).attempted > 0


@pytest.mark.parametrize("value", INJECTIONS)
def test_an_injection_attempt_is_one_literal(value: str) -> None:
    bound = bind_values(PROBE, {"x": value})
    block = values_block({"x": value})
    # The query text is the original with exactly the block added after the WHERE brace.
    assert bound == PROBE.replace("{", "{ " + block, 1)
    rows = _one_value(bound)
    assert len(rows) == 1 and rows[0]["x"] == ox.Literal(value)


@settings(max_examples=TEXT_EXAMPLES, deadline=None)
@given(st.text())
def test_any_text_binds_to_exactly_that_literal(value: str) -> None:
    rows = _one_value(bind_values(PROBE, {"x": value}))
    assert len(rows) == 1 and rows[0]["x"] == ox.Literal(value)


@settings(max_examples=TAGGED_EXAMPLES, deadline=None)
@given(st.text(), st.sampled_from(["en", "fr-CA"]))
def test_any_tagged_literal_binds_to_itself(value: str, lang: str) -> None:
    rows = _one_value(bind_values(PROBE, {"x": Literal(value, lang=lang)}))
    assert rows[0]["x"] == ox.Literal(value, language=lang)


@pytest.mark.parametrize("bad", IRI_BREAKOUTS)
def test_an_iri_that_would_break_out_is_refused(bad: str) -> None:
    with pytest.raises(BindingError):
        bind_values(PROBE, {"x": URIRef(bad)})


def test_iris_and_typed_literals_bind_as_terms() -> None:
    iri = URIRef("https://w3id.org/claimgraph/id/claim/c-drones")
    rows = _one_value(bind_values("SELECT ?x ?n WHERE { }", {"x": iri, "n": Literal(5)}))
    assert rows[0]["x"] == ox.NamedNode(str(iri))
    assert rows[0]["n"] == ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def test_blank_nodes_and_bad_names_are_refused() -> None:
    with pytest.raises(BindingError):
        bind_values(PROBE, {"x": BNode()})
    with pytest.raises(BindingError):
        bind_values(PROBE, {"x) { (1) } #": "a"})


@pytest.mark.parametrize(("sparql", "before"), [
    ("SELECT ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE "),
    ("select ?x { ?x ?p ?o }", "select ?x "),
    ("PREFIX w: <urn:where/> SELECT ?where # WHERE {\nWHERE { ?s ?p ?where }",
     "PREFIX w: <urn:where/> SELECT ?where # WHERE {\nWHERE "),
    ('SELECT ("{" AS ?b) (EXISTS { ?s ?p ?o } AS ?e) WHERE { }',
     'SELECT ("{" AS ?b) (EXISTS { ?s ?p ?o } AS ?e) WHERE '),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE "),
    ("ASK { ?s ?p ?o }", "ASK "),
    ("DESCRIBE ?s WHERE { ?s ?p ?o }", "DESCRIBE ?s WHERE "),
])
def test_the_where_group_is_found_past_strings_comments_and_iris(sparql: str, before: str) -> None:
    assert where_group(sparql) == len(before)


@pytest.mark.parametrize("sparql", ["DESCRIBE <urn:x>", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "# {"])
def test_no_where_group_no_binding(sparql: str) -> None:
    with pytest.raises(BindingError):
        bind_values(sparql, {"x": "a"})


def test_query_form_ignores_words_in_comments() -> None:
    # SPARQLWrapper takes this for a DROP (its comment pattern skips every other comment line).
    text = "# one\n# SUBSTR drops the separator\n# adds\nSELECT * WHERE { }"
    assert query_form(text) == "SELECT"
    assert query_form("BASE <urn:x> PREFIX : <urn:y> ask {}") == "ASK"
    assert query_form("DROP ALL") is None
    assert {query_form(q.text) for q in saved_queries()} == {"SELECT"}


def test_missing_prefixes_are_declared_and_own_ones_kept() -> None:
    text = "PREFIX cg: <urn:mine#>\nSELECT * WHERE { ?s cg:p ?o ; rdfs:label ?l }"
    assert declared_prefixes(text) == {"cg"}
    out = with_prefixes(text, {"cg": "https://w3id.org/claimgraph/ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
    assert out.endswith(text) and "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>" in out
    assert "claimgraph" not in out


@pytest.mark.parametrize("query", [q for q in saved_queries() if q.params], ids=lambda q: q.name)
def test_every_parameterised_saved_query_binds_and_parses(query: object) -> None:
    from kg.queries import SavedQuery

    assert isinstance(query, SavedQuery)
    values = {p.name: 'China" } #' for p in query.params if p.kind != "iri"}
    values |= {p.name: "id:claim/c-drones" for p in query.params if p.kind == "iri"}
    bound = bind_values(query.text, bind(query, values))
    assert bound.replace(" " + values_block(bind(query, values)), "", 1) == query.text
    ox.Store().query(bound)  # parses and runs


def test_the_dataset_goes_before_where_unless_the_query_has_its_own() -> None:
    assert with_dataset("SELECT ?s { ?s ?p ?o }", ["urn:g"]) == "SELECT ?s FROM <urn:g>\n{ ?s ?p ?o }"
    assert with_dataset("ASK FROM <urn:mine> { ?s ?p ?o }", ["urn:g"]) == "ASK FROM <urn:mine> { ?s ?p ?o }"
    named = with_dataset("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", ["urn:g"])
    assert named == "SELECT * FROM <urn:g> FROM NAMED <urn:g>\nWHERE { GRAPH ?g { ?s ?p ?o } }"
    with pytest.raises(BindingError):
        with_dataset("SELECT * WHERE { }", ["urn:g> } DROP ALL { <urn:x"])
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"), ox.NamedNode("urn:g")))
    query = resolve("statements").text
    assert list(store.query(with_dataset("SELECT ?o WHERE { ?s ?p ?o }", ["urn:g"]))) != []
    ox.Store().query(with_dataset(query, ["urn:g"]))  # a saved query still parses
