"""The embedded store: graph replacement, pruning, persistence, export."""

from __future__ import annotations

import dataclasses
import doctest
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, XSD

import kg.store
from kg.namespace import CG, OA
from kg.rdf import ENTITIES_GRAPH, actor_iri, article_graph_iri, claim_iri, to_dataset
from kg.records import Actor, ActorKind, Article, Claim, Evidence, Extraction, Stance, Statement
from kg.store import OxigraphStore, StoreError, open_store, read_rdf
from tests.sample import ANALYST, CHINA, DRONES, MINISTRY, RUSSIA, SPOKESMAN, TALKS, USA, corpus


def _store(extractions: list[Extraction] | None = None) -> OxigraphStore:
    store = OxigraphStore()
    store.replace(to_dataset(corpus() if extractions is None else extractions))
    return store


def _ask(store: OxigraphStore, sparql: str) -> bool:
    return bool(store.query(sparql))


def _quads(ds: Dataset) -> set[tuple[object, ...]]:
    """The dataset as a set of quads (no blank nodes here, so equal sets are equal graphs)."""
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}


def _without_denial() -> list[Extraction]:
    first, second = corpus()
    return [dataclasses.replace(first, statements=first.statements[:1]), second]


def test_docstring_examples_run() -> None:
    assert doctest.testmod(kg.store, raise_on_error=True).attempted > 0


def test_replace_is_idempotent() -> None:
    store = _store()
    size = len(store)
    assert size == len(to_dataset(corpus()))
    store.replace(to_dataset(corpus()))
    assert len(store) == size
    assert store.article_ids() == ["a-drones", "b-talks"]


def test_replacing_an_article_replaces_its_statements() -> None:
    store = _store()
    store.replace(to_dataset(_without_denial()[:1]))
    assert not _ask(store, f"ASK {{ ?s a <{CG.Denial}> }}")
    assert _ask(store, f"ASK {{ ?s a <{CG.Assertion}> ; <{CG.speaker}> <{actor_iri(SPOKESMAN)}> }}")
    # b-talks was not in the new batch, so it is untouched.
    assert store.article_ids() == ["a-drones", "b-talks"]
    # The ministry spoke only in the removed denial: it is pruned; China is still a claim's agent.
    assert not _ask(store, f"ASK {{ <{actor_iri(MINISTRY)}> ?p ?o }}")
    assert _ask(store, f"ASK {{ <{actor_iri(CHINA)}> <{RDFS.label}> ?o }}")


def test_claims_and_actors_nothing_refers_to_are_pruned() -> None:
    store = _store()
    first = corpus()[0]
    store.replace(to_dataset([dataclasses.replace(first, statements=())]))
    assert store.known_claims() == [(TALKS.key, TALKS.text)]
    assert not _ask(store, f"ASK {{ <{claim_iri(DRONES)}> ?p ?o }}")
    # The spokesman and the United States (only reachable through him) go; the talks' actors stay.
    for gone in (SPOKESMAN, USA, MINISTRY):
        assert not _ask(store, f"ASK {{ <{actor_iri(gone)}> ?p ?o }}"), gone.key
    assert _ask(store, f"ASK {{ <{actor_iri(CHINA)}> ?p ?o }}")


def test_pruning_matches_a_fresh_build() -> None:
    changed = _store()
    changed.replace(to_dataset(_without_denial()))
    fresh = _store(_without_denial())
    assert _quads(changed.dataset()) == _quads(fresh.dataset())
    assert len(changed) == len(fresh)


# Actors reachable only through others (an envoy for a body acting for a state), and claims that
# name actors no statement's speaker is.
_BODY = Actor("the-body", "The Body", ActorKind.ORGANIZATION, speaks_for=RUSSIA)
_ENVOY = Actor("an-envoy", "An Envoy", ActorKind.PERSON, speaks_for=_BODY)
_SPEAKERS = (SPOKESMAN, MINISTRY, ANALYST, _ENVOY, CHINA)
_CLAIMS = (DRONES, TALKS, Claim("c-envoy", "The envoy met the analyst", about=(_ENVOY, ANALYST)),
           Claim("c-usa", "The United States will act", agent=USA))
_TEXT = "x" * 64


def _article(article_id: str, picks: list[tuple[int, int, bool]]) -> Extraction:
    """An article whose statements are (speaker, claim, deny) picks from the pools above."""
    article = Article(article_id, _TEXT)
    statements = tuple(
        Statement(article_id, _SPEAKERS[who], Stance.DENY if deny else Stance.ASSERT, _CLAIMS[what],
                  _CLAIMS[what].text, Evidence(i, i + 1, _TEXT[i]), "said")
        for i, (who, what, deny) in enumerate(picks)
    )
    return Extraction(article, statements)


_PICK = st.tuples(st.integers(0, len(_SPEAKERS) - 1), st.integers(0, len(_CLAIMS) - 1), st.booleans())
_PICKS = st.lists(_PICK, max_size=3)
_UPDATES = st.lists(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), _PICKS, min_size=1, max_size=3),
                    min_size=1, max_size=5)


@settings(max_examples=150, deadline=None)
@given(_UPDATES)
def test_any_sequence_of_replacements_leaves_what_a_fresh_build_gives(updates: list[dict[str, list]]) -> None:
    # Pruning looks only at what the replaced and new graphs refer to; after any sequence of
    # updates the store must still hold exactly the latest articles, their claims and actors.
    store = OxigraphStore()
    latest: dict[str, Extraction] = {}
    for update in updates:
        batch = [_article(article_id, picks) for article_id, picks in sorted(update.items())]
        store.replace(to_dataset(batch))
        latest.update((ex.article.id, ex) for ex in batch)
        fresh = OxigraphStore()
        fresh.replace(to_dataset(sorted(latest.values(), key=lambda ex: ex.article.id)))
        assert _quads(store.dataset()) == _quads(fresh.dataset())


def test_known_claims_are_keys_and_texts() -> None:
    assert _store().known_claims() == [(DRONES.key, DRONES.text), (TALKS.key, TALKS.text)]


def test_known_claims_give_every_wording_after_the_text() -> None:
    # what a later build must see to match as a batch build does: each statement's own words
    first, second = corpus()
    reworded = dataclasses.replace(first.statements[1], content="Beijing has shipped drones to Moscow")
    store = _store([dataclasses.replace(first, statements=(first.statements[0], reworded)), second])
    assert store.known_claims() == [
        (DRONES.key, DRONES.text),
        (DRONES.key, "Beijing has shipped drones to Moscow"),
        (TALKS.key, TALKS.text),
    ]


def test_dataset_round_trips() -> None:
    original = to_dataset(corpus())
    exported = _store().dataset()
    for graph in original.graphs():
        assert isomorphic(graph, exported.graph(graph.identifier)), graph.identifier
    assert {g.identifier for g in exported.graphs() if len(g)} == {
        article_graph_iri("a-drones"), article_graph_iri("b-talks"), ENTITIES_GRAPH
    }


def test_offsets_keep_their_datatype() -> None:
    # Oxigraph stores xsd:nonNegativeInteger as xsd:integer; the store restores it on export.
    exported = _store().dataset()
    datatypes = {o.datatype for _, _, o, _ in exported.quads((None, OA.start, None, None))}
    assert datatypes == {XSD.nonNegativeInteger}


@pytest.mark.parametrize("ext,fmt", [(".trig", "trig"), (".nq", "nquads"), (".jsonld", "json-ld")])
def test_dump_dataset_formats_parse_back(tmp_path: Path, ext: str, fmt: str) -> None:
    store = _store()
    path = tmp_path / f"graph{ext}"
    store.dump(path)
    back = Dataset().parse(path, format=fmt)
    original = to_dataset(corpus())
    for graph in original.graphs():
        assert isomorphic(graph, back.graph(graph.identifier)), graph.identifier
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("ext,fmt", [(".ttl", "turtle"), (".nt", "nt")])
def test_dump_graph_formats_flatten_the_union(tmp_path: Path, ext: str, fmt: str) -> None:
    path = tmp_path / f"graph{ext}"
    _store().dump(path)
    union = Graph()
    for s, p, o, _ in to_dataset(corpus()).quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(Graph().parse(path, format=fmt), union)


def test_dump_refuses_unknown_extensions(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="graph.xml"):
        _store().dump(tmp_path / "graph.xml")


def test_read_rdf_reads_what_dump_writes(tmp_path: Path) -> None:
    store = _store()
    for ext in kg.store.DUMP_EXTENSIONS:
        store.dump(tmp_path / f"g{ext}")
        assert len(read_rdf(tmp_path / f"g{ext}")) == len(store), ext


def test_read_rdf_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing.trig"):
        read_rdf(tmp_path / "missing.trig")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> ", encoding="utf-8")
    with pytest.raises(StoreError, match="broken.ttl"):
        read_rdf(broken)


def test_persists_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        store.replace(to_dataset(corpus()))
        size = len(store)
    with OxigraphStore(path) as reopened:
        assert len(reopened) == size
        assert reopened.article_ids() == ["a-drones", "b-talks"]
    with OxigraphStore(path, read_only=True) as read_only:
        assert read_only.known_claims() == [(DRONES.key, DRONES.text), (TALKS.key, TALKS.text)]


def test_a_locked_store_is_a_store_error(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "store"), pytest.raises(StoreError, match="store"):
        OxigraphStore(tmp_path / "store")


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        OxigraphStore(tmp_path / "nothing", read_only=True)


def test_a_bad_dataset_leaves_the_store_unchanged() -> None:
    store = _store()
    before = store.dataset()
    bad = to_dataset(corpus())
    bad.graph(article_graph_iri("a-drones")).add((URIRef("http://bad iri"), RDFS.label, Literal("x")))
    with pytest.raises(StoreError):
        store.replace(bad)
    outside = to_dataset(corpus())
    outside.add((URIRef("http://example.org/a"), RDFS.label, Literal("in the default graph")))
    with pytest.raises(StoreError, match="outside named graphs"):
        store.replace(outside)
    assert _quads(store.dataset()) == _quads(before)


def test_one_update_request_is_all_or_nothing() -> None:
    # replace() relies on this: pyoxigraph applies a whole update request in one transaction.
    store = pyoxigraph.Store()
    with pytest.raises(OSError):
        store.update('INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> '
                     '<http://example.org/p> "1" } } ; LOAD <file:///nonexistent/graph.ttl>')
    assert len(store) == 0


def test_a_graph_name_cannot_smuggle_in_an_update() -> None:
    store = _store()
    before = len(store)
    ds = Dataset()
    ds.graph(URIRef("http://example.org/g> } ; DROP ALL ; INSERT DATA { GRAPH <http://example.org/x")).add(
        (URIRef("http://example.org/a"), RDFS.label, Literal("x")))
    with pytest.raises(StoreError):
        store.replace(ds)
    assert len(store) == before


def test_query_binds_values_and_sees_the_union() -> None:
    store = _store()
    rows = list(store.query("SELECT ?name ?actor WHERE { ?actor <http://www.w3.org/2000/01/rdf-schema#label> "
                            "?name }", {"name": "China"}))
    assert [r["actor"].value for r in rows] == [str(actor_iri(CHINA))]
    rows = list(store.query("SELECT ?actor ?name WHERE { ?actor rdfs:label ?name }",
                            {"actor": actor_iri(USA)}))
    assert [r["name"].value for r in rows] == ["United States"]


def test_open_store_gives_the_embedded_adapter(tmp_path: Path) -> None:
    assert isinstance(open_store(), OxigraphStore)
    store = open_store(tmp_path / "s")
    assert isinstance(store, OxigraphStore) and len(store) == 0
    store.close()
    with pytest.raises(StoreError, match="closed"):
        len(store)
