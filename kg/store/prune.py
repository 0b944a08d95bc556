"""Which claims and actors a store update leaves with nothing referring to them.

Replacing article graphs can leave a claim no statement cites, or an actor no statement or
claim reaches any more (directly, or through people and bodies acting on its behalf). Only
what the replaced graphs referred to, and what the new entities graph describes, can be in
that state, so only those are looked at, each by a few index lookups that stop at the first
referrer found: the cost follows the update, not the size of the store. The answer is the
store as it will be once the update is applied: the replaced graphs' triples no longer count,
the new graphs' triples do, and so do the orphaned claims' links to actors, not at all.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.namespace import PROV, RDF

from kg.namespace import CG, SDO
from kg.rdf import ENTITIES_GRAPH
from kg.records import ActorKind

ACTOR_KINDS = (CG.Actor, *(CG[kind.value] for kind in ActorKind))
# What makes an actor referred to: being a statement's speaker, or an act's agent, target or subject.
_REFERS = (CG.speaker, CG.agent, CG.target, SDO.about)
_ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
_CLAIM = ox.NamedNode(str(CG.claim))
_ON_BEHALF_OF = ox.NamedNode(str(PROV.actedOnBehalfOf))
_OX_REFERS = tuple(ox.NamedNode(str(p)) for p in _REFERS)


def orphans(store: ox.Store, replaced: set[ox.NamedNode], incoming: Dataset) -> set[ox.NamedNode]:
    """The claims and actors of the entities graph that nothing will refer to once the graphs named
    ``replaced`` are dropped and ``incoming`` (article graphs and entities graph) is added."""
    new = _Incoming(incoming)
    claims = new.claims | _cited_in(store, replaced)
    gone_claims = {c for c in claims if c not in new.cited and not _cited_elsewhere(store, c, replaced)}

    def referred(root: ox.NamedNode) -> bool:
        if any(s not in gone_claims for s in new.referrers.get(root, ())):
            return True
        for predicate in _OX_REFERS:
            for quad in store.quads_for_pattern(None, predicate, root, None):
                if quad.graph_name not in replaced and not (
                    quad.graph_name == _ENTITIES and quad.subject in gone_claims
                ):
                    return True
        return False

    def reached(actor: ox.NamedNode) -> bool:
        seen, todo = {actor}, [actor]
        while todo:  # the actor, and whoever acts on its behalf, however indirectly
            root = todo.pop()
            if referred(root):
                return True
            for agent in _agents_for(store, root, new):
                if agent not in seen:
                    seen.add(agent)
                    todo.append(agent)
        return False

    actors = new.actors | _actors_of(store, replaced, claims)
    return gone_claims | {a for a in actors if not reached(a)}


class _Incoming:
    """What the new graphs say that pruning depends on, as pyoxigraph terms."""

    def __init__(self, dataset: Dataset) -> None:
        self.claims: set[ox.NamedNode] = set()
        self.actors: set[ox.NamedNode] = set()
        self.cited: set[ox.NamedNode] = set()
        self.referrers: dict[ox.NamedNode, set[ox.NamedNode]] = {}
        self.agents_for: dict[ox.NamedNode, set[ox.NamedNode]] = {}
        kinds = set(ACTOR_KINDS)
        for graph in dataset.graphs():
            entities = graph.identifier == ENTITIES_GRAPH
            for subject, predicate, obj in graph:  # one pass: rdflib's pattern lookups cost more here
                if not isinstance(subject, URIRef) or not isinstance(obj, URIRef):
                    continue
                if predicate in _REFERS:
                    self.referrers.setdefault(_term(obj), set()).add(_term(subject))
                elif predicate == CG.claim and not entities:
                    self.cited.add(_term(obj))
                elif entities and predicate == PROV.actedOnBehalfOf:
                    self.agents_for.setdefault(_term(obj), set()).add(_term(subject))
                elif entities and predicate == RDF.type:
                    if obj == CG.Claim:
                        self.claims.add(_term(subject))
                    elif obj in kinds:
                        self.actors.add(_term(subject))


def _cited_in(store: ox.Store, graphs: set[ox.NamedNode]) -> set[ox.NamedNode]:
    return {q.object for g in graphs for q in store.quads_for_pattern(None, _CLAIM, None, g)
            if isinstance(q.object, ox.NamedNode)}


def _cited_elsewhere(store: ox.Store, claim: ox.NamedNode, replaced: set[ox.NamedNode]) -> bool:
    return any(q.graph_name not in replaced for q in store.quads_for_pattern(None, _CLAIM, claim, None))


def _actors_of(store: ox.Store, graphs: set[ox.NamedNode], claims: set[ox.NamedNode]) -> set[ox.NamedNode]:
    """The actors the graphs' statements and the claims name, and all those they act on behalf of."""
    found: set[ox.NamedNode] = set()
    for predicate in _OX_REFERS:
        for g in graphs:
            found |= {q.object for q in store.quads_for_pattern(None, predicate, None, g)
                      if isinstance(q.object, ox.NamedNode)}
        for claim in claims:
            found |= {q.object for q in store.quads_for_pattern(claim, predicate, None, _ENTITIES)
                      if isinstance(q.object, ox.NamedNode)}
    todo = list(found)
    while todo:
        for q in store.quads_for_pattern(todo.pop(), _ON_BEHALF_OF, None, _ENTITIES):
            if isinstance(q.object, ox.NamedNode) and q.object not in found:
                found.add(q.object)
                todo.append(q.object)
    return found


def _agents_for(store: ox.Store, principal: ox.NamedNode, new: _Incoming) -> Iterator[ox.NamedNode]:
    yield from new.agents_for.get(principal, ())
    for q in store.quads_for_pattern(None, _ON_BEHALF_OF, principal, _ENTITIES):
        if isinstance(q.subject, ox.NamedNode):
            yield q.subject


def _term(term: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(term))


__all__ = ["orphans", "ACTOR_KINDS"]
