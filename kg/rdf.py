"""Records to RDF: one named graph per article, one shared graph for actors and claims.

IRIs are derived from content (article id, offsets, speaker, stance, claim key),
so building the same input twice gives the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.namespace import CG, ID, OA, PREFIXES, SDO, WD
from kg.records import Actor, Article, Claim, Extraction, Stance, Statement

ENTITIES_GRAPH = ID["graph/entities"]
# Every wording of every claim, for claim identity in a later build: its text first (rank 0), then
# what each statement of it said, so a build that reads the store sees what one batch build saw.
KNOWN_CLAIMS = f"""
SELECT ?claim ?text (MIN(?rank) AS ?first) WHERE {{
  {{ GRAPH <{ENTITIES_GRAPH}> {{ ?claim a <{CG.Claim}> ; <{SDO.text}> ?text }} BIND(0 AS ?rank) }}
  UNION
  {{ GRAPH ?g {{ ?statement <{CG.claim}> ?claim ; <{CG.content}> ?text }} BIND(1 AS ?rank) }}
}}
GROUP BY ?claim ?text
ORDER BY ?claim ?first ?text
"""

_KIND_CLASS = {"Person": CG.Person, "Organization": CG.Organization, "State": CG.State, "Group": CG.Group}
_STANCE_CLASS = {Stance.ASSERT: CG.Assertion, Stance.DENY: CG.Denial}


def digest(*parts: object, size: int = 12) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:size]


def article_iri(article_id: str) -> URIRef:
    return ID["article/" + quote(article_id, safe="")]


def article_graph_iri(article_id: str) -> URIRef:
    return ID["graph/article/" + quote(article_id, safe="")]


def actor_iri(actor: Actor) -> URIRef:
    return ID["actor/" + actor.key]


def claim_iri(claim: Claim) -> URIRef:
    return ID["claim/" + claim.key]


def statement_iri(st: Statement) -> URIRef:
    key = digest(
        st.evidence.start, st.evidence.end, st.speaker.key, st.stance.value, st.claim.key, st.content
    )
    return ID[f"statement/{quote(st.article_id, safe='')}/{key}"]


def bind_prefixes(graph: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)


def add_actor(g: Graph, actor: Actor) -> URIRef:
    node = actor_iri(actor)
    g.add((node, RDF.type, _KIND_CLASS[actor.kind.value]))
    g.add((node, RDFS.label, Literal(actor.label)))
    for alias in actor.aliases:
        if alias != actor.label:
            g.add((node, SKOS.altLabel, Literal(alias)))
    if actor.role:
        g.add((node, SDO.jobTitle, Literal(actor.role)))
    if actor.wikidata:
        g.add((node, SDO.sameAs, WD[actor.wikidata]))
    if actor.speaks_for is not None and actor.speaks_for.key != actor.key:
        g.add((node, PROV.actedOnBehalfOf, add_actor(g, actor.speaks_for)))
    return node


def add_claim(g: Graph, claim: Claim) -> URIRef:
    node = claim_iri(claim)
    g.add((node, RDF.type, CG.Claim))
    g.add((node, SDO.text, Literal(claim.text)))
    if claim.agent is not None:
        g.add((node, CG.agent, add_actor(g, claim.agent)))
    if claim.action:
        g.add((node, CG.action, Literal(claim.action)))
    if claim.target is not None:
        g.add((node, CG.target, add_actor(g, claim.target)))
    for actor in claim.about:
        g.add((node, SDO.about, add_actor(g, actor)))
    return node


def add_article(
    g: Graph, article: Article, extractor: str | None = None, fingerprint: str | None = None
) -> URIRef:
    node = article_iri(article.id)
    g.add((node, RDF.type, CG.Article))
    g.add((node, DCTERMS.identifier, Literal(article.id)))
    g.add((node, SDO.text, Literal(article.text)))
    if article.title:
        g.add((node, DCTERMS.title, Literal(article.title)))
    if article.publisher:
        g.add((node, DCTERMS.publisher, Literal(article.publisher)))
    if article.published:
        g.add((node, DCTERMS.issued, Literal(article.published, datatype=XSD.date)))
    if article.url:
        g.add((node, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
    if extractor:
        g.add((node, CG.extractor, Literal(extractor)))
    if fingerprint:
        g.add((node, CG.fingerprint, Literal(fingerprint)))
    return node


def add_statement(g: Graph, entities: Graph, st: Statement) -> URIRef:
    node = statement_iri(st)
    g.add((node, RDF.type, _STANCE_CLASS[st.stance]))
    g.add((node, CG.speaker, add_actor(entities, st.speaker)))
    g.add((node, CG.claim, add_claim(entities, st.claim)))
    g.add((node, CG.reportedIn, article_iri(st.article_id)))
    g.add((node, CG.content, Literal(st.content)))
    g.add((node, CG.cue, Literal(st.cue)))
    if st.hedge:
        g.add((node, CG.hedge, Literal(st.hedge)))
    if st.date:
        g.add((node, DCTERMS.date, Literal(st.date, datatype=XSD.date)))
    ev = URIRef(str(node) + "/evidence")
    g.add((node, CG.evidence, ev))
    g.add((ev, RDF.type, OA.TextQuoteSelector))
    g.add((ev, RDF.type, OA.TextPositionSelector))
    g.add((ev, OA.exact, Literal(st.evidence.text)))
    g.add((ev, OA.start, Literal(st.evidence.start, datatype=XSD.nonNegativeInteger)))
    g.add((ev, OA.end, Literal(st.evidence.end, datatype=XSD.nonNegativeInteger)))
    return node


def to_dataset(
    extractions: list[Extraction], extractor: str | None = None, fingerprints: Mapping[str, str] | None = None
) -> Dataset:
    """The named graphs for these extractions: one per article, plus ``ENTITIES_GRAPH``; each article
    records its fingerprint from ``fingerprints`` (by article id) when given."""
    ds = Dataset()
    bind_prefixes(ds)
    entities = ds.graph(ENTITIES_GRAPH)
    for ex in extractions:
        g = ds.graph(article_graph_iri(ex.article.id))
        add_article(g, ex.article, extractor, (fingerprints or {}).get(ex.article.id))
        for st in ex.statements:
            add_statement(g, entities, st)
    return ds
