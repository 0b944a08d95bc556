"""The ontology (``ontology/claims.ttl``): it matches ``kg.namespace.CG``, it describes what
``kg.rdf`` writes, and HermiT classifies the sample corpus's contested claim."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Graph, Literal, URIRef, namespace
from rdflib.namespace import OWL, RDF, RDFS

from kg.assets import ontology_text
from kg.namespace import CG, ID, ONTOLOGY_IRI
from kg.rdf import to_dataset
from kg.reason import contested_claims
from tests.sample import corpus

PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
# Datatypes of the OWL 2 datatype map that the ontology may use as ranges (xsd:date is not one).
# XSD is not a global here: pytest probes module globals, and XSD warns about unknown attributes.
OWL2_DATATYPES = {RDFS.Literal} | {
    namespace.XSD[name] for name in ("string", "nonNegativeInteger", "integer", "anyURI", "dateTime")
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data=ontology_text(), format="turtle")


@pytest.fixture(scope="module")
def sample() -> Graph:
    flat = Graph()
    for s, p, o, _ in to_dataset(corpus()).quads((None, None, None, None)):
        flat.add((s, p, o))
    return flat


def test_ontology_header(ontology: Graph) -> None:
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in ontology


def test_cg_terms_and_ontology_terms_are_the_same(ontology: Graph) -> None:
    in_code = {URIRef(t) for t in dir(CG)}
    in_ontology = {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(CG))}
    assert in_code - in_ontology == set(), "in kg/namespace.py but not in claims.ttl"
    assert in_ontology - in_code == set(), "in claims.ttl but not in kg/namespace.py"


def test_every_cg_term_is_declared_labelled_and_commented(ontology: Graph) -> None:
    for term in dir(CG):
        kinds = set(ontology.objects(URIRef(term), RDF.type)) & {OWL.Class, *PROPERTY_KINDS}
        assert len(kinds) == 1, f"{term} is declared as {kinds}"
        assert ontology.value(URIRef(term), RDFS.label), f"{term} has no rdfs:label"
        assert ontology.value(URIRef(term), RDFS.comment), f"{term} has no rdfs:comment"


def test_assertion_and_denial_are_disjoint(ontology: Graph) -> None:
    assert (CG.Assertion, OWL.disjointWith, CG.Denial) in ontology
    assert (CG.Assertion, RDFS.subClassOf, CG.Statement) in ontology
    assert (CG.Denial, RDFS.subClassOf, CG.Statement) in ontology


def test_claim_is_functional_and_has_statement_its_inverse(ontology: Graph) -> None:
    assert (CG.claim, RDF.type, OWL.FunctionalProperty) in ontology
    assert (CG.hasStatement, OWL.inverseOf, CG.claim) in ontology


def test_no_property_is_declared_twice_over(ontology: Graph) -> None:
    # OWL 2 DL keeps object, datatype and annotation properties apart.
    declared = [s for kind in PROPERTY_KINDS for s in ontology.subjects(RDF.type, kind)]
    assert len(declared) == len(set(declared))
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        for rng in ontology.objects(prop, RDFS.range):
            assert rng in OWL2_DATATYPES, f"{prop}: {rng} is not in the OWL 2 datatype map"


def test_the_ontology_declares_what_kg_rdf_writes(ontology: Graph, sample: Graph) -> None:
    builtin = {RDF.type, RDFS.label}
    for p in set(sample.predicates()) - builtin:
        kinds = set(ontology.objects(p, RDF.type)) & set(PROPERTY_KINDS)
        assert kinds, f"{p} is used by kg.rdf but not declared in claims.ttl"
        objects = set(sample.objects(None, p))
        if OWL.ObjectProperty in kinds:
            assert all(isinstance(o, URIRef) for o in objects), f"{p} is an object property"
        if OWL.DatatypeProperty in kinds:
            assert all(isinstance(o, Literal) for o in objects), f"{p} is a datatype property"
    for cls in set(sample.objects(None, RDF.type)):
        assert (cls, RDF.type, OWL.Class) in ontology, f"{cls} is used by kg.rdf but not declared"


def test_contested_claim_is_defined_by_assertion_and_denial(ontology: Graph) -> None:
    definition = ontology.value(CG.ContestedClaim, OWL.equivalentClass)
    members = list(ontology.items(ontology.value(definition, OWL.intersectionOf)))
    assert CG.Claim in members
    fillers = {ontology.value(m, OWL.someValuesFrom) for m in members if m != CG.Claim}
    assert fillers == {CG.Assertion, CG.Denial}
    assert all(ontology.value(m, OWL.onProperty) == CG.hasStatement for m in members if m != CG.Claim)


# HermiT runs in Java: about 1.5 s a call, as kg.reason gives it only the stance types, the
# cg:claim links and the claim types, not the whole graph.
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


@needs_java
def test_hermit_finds_the_contested_claim_of_the_sample() -> None:
    assert contested_claims(to_dataset(corpus())) == {str(ID["claim/c-drones"])}


@needs_java
def test_owl_counts_one_actor_asserting_and_denying_as_contested() -> None:
    # The known difference from the SPARQL query contested-claims, which needs two speakers.
    g = Graph()
    claim, said, unsaid, actor = ID["claim/c"], ID["statement/x/1"], ID["statement/x/2"], ID["actor/a"]
    g.add((claim, RDF.type, CG.Claim))
    g.add((said, RDF.type, CG.Assertion))
    g.add((unsaid, RDF.type, CG.Denial))
    for statement in (said, unsaid):
        g.add((statement, CG.claim, claim))
        g.add((statement, CG.speaker, actor))
    assert contested_claims(g) == {str(claim)}
