"""OWL reasoning over the claim graph: which claims HermiT classifies as ``cg:ContestedClaim``.

The OWL class differs from the saved SPARQL query ``contested-claims`` on one point: OWL
cannot require the denial to come from a *different* actor than the assertion (see
``ontology/claims.ttl``).
"""

from __future__ import annotations

import io

import owlready2
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from kg.assets import ontology_text
from kg.namespace import CG, ONTOLOGY_IRI

# The classification needs only what cg:ContestedClaim's definition mentions: the stance
# classes of statements, the cg:claim links (hasStatement is their inverse) and the claim
# types. Actors, articles, evidence selectors and the article texts are most of the graph and
# cannot change the answer, so they stay out: HermiT's time grows with what it is given, and
# the SHACL shapes, not the reasoner, are what checks the rest.
_TYPES = frozenset({CG.Claim, CG.ContestedClaim, CG.Statement, CG.Assertion, CG.Denial})
_LINKS = frozenset({CG.claim, CG.hasStatement})


def _reasoning_graph(data: Graph | Dataset) -> Graph:
    g = Graph()
    g.parse(data=ontology_text(), format="turtle")
    triples = data.quads((None, None, None, None)) if isinstance(data, Dataset) else data
    for s, p, o, *_ in triples:
        if p in _LINKS or (p == RDF.type and o in _TYPES):
            g.add((s, p, o))
    return g


def contested_claims(data: Graph | Dataset) -> set[str]:
    """The IRIs of the claims that HermiT infers to be ``cg:ContestedClaim`` in ``data``.

    Runs HermiT (Java) through owlready2 in a fresh, in-memory World; raises
    ``owlready2.OwlReadyInconsistentOntologyError`` if the statements are inconsistent with
    the ontology (a statement typed both cg:Assertion and cg:Denial).
    """
    nt = _reasoning_graph(data).serialize(format="nt", encoding="utf-8")
    world = owlready2.World()
    # owlready2 reads N-Triples and RDF/XML, not Turtle.
    world.get_ontology(ONTOLOGY_IRI).load(fileobj=io.BytesIO(nt), format="ntriples")
    # HermiT stops at literals outside the OWL 2 datatype map (xsd:date): none is selected
    # above, and should the selection grow, HermiT is told to skip them rather than fail.
    owlready2.sync_reasoner_hermit(
        world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
    )
    contested = world[str(CG.ContestedClaim)]
    if contested is None:
        return set()
    # World.individuals() misses individuals not typed owl:NamedIndividual; instances() does not.
    return {ind.iri for ind in contested.instances(world=world)}
