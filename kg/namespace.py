"""The vocabularies the graph uses, as closed namespaces, and the one prefix map.

Every term is an attribute, so a misspelt term fails where it is written
(rdflib's ``DefinedNamespace`` with ``_fail = True``) instead of minting a
silently wrong IRI.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/claimgraph/ns"
DATA_BASE = "https://w3id.org/claimgraph/id/"


class CG(DefinedNamespace):
    """The claim-graph ontology (``ontology/claims.ttl``)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    State: URIRef
    Group: URIRef  # unnamed collectives: "experts", "analysts", "sources"
    Claim: URIRef
    ContestedClaim: URIRef
    Statement: URIRef
    Assertion: URIRef
    Denial: URIRef
    Article: URIRef

    # statement
    speaker: URIRef
    claim: URIRef
    hasStatement: URIRef  # inverse of claim
    reportedIn: URIRef
    evidence: URIRef
    cue: URIRef
    hedge: URIRef
    content: URIRef

    # claim structure: who does what to whom
    agent: URIRef
    action: URIRef
    target: URIRef

    # article
    extractor: URIRef
    fingerprint: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary: the selector terms we use for evidence."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    exact: URIRef
    start: URIRef
    end: URIRef


class SDO(DefinedNamespace):
    """schema.org terms we use (https, as rdflib's SDO)."""

    _fail = True
    _NS = Namespace("https://schema.org/")

    NewsArticle: URIRef
    text: URIRef
    url: URIRef
    about: URIRef
    sameAs: URIRef
    jobTitle: URIRef


ID = Namespace(DATA_BASE)
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "cg": str(CG._NS),
    "oa": str(OA._NS),
    "schema": str(SDO._NS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "sh": str(SH),
    "wd": str(WD),
    "id": DATA_BASE,
}


def compact(iri: str) -> str:
    """``iri`` as a prefixed name with the longest matching namespace of ``PREFIXES``, else unchanged.

    >>> compact("https://w3id.org/claimgraph/ns#Claim"), compact("urn:x")
    ('cg:Claim', 'urn:x')
    """
    best = max((p for p, ns in PREFIXES.items() if iri.startswith(ns)), key=lambda p: len(PREFIXES[p]),
               default=None)
    return iri if best is None else f"{best}:{iri[len(PREFIXES[best]):]}"


__all__ = ["CG", "OA", "SDO", "ID", "WD", "PREFIXES", "ONTOLOGY_IRI", "DATA_BASE", "compact"]
