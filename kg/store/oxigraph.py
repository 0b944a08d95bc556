"""The embedded adapter: the store on pyoxigraph, in memory or on disk.

Each article's named graph is replaced whole; the shared entities graph (actors and
claims) is merged, then pruned of claims and actors nothing refers to any more. Queries
see the union of all named graphs, and parameters are bound, never pasted into the text.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, XSD

from kg.namespace import CG, ID, OA, PREFIXES
from kg.rdf import ENTITIES_GRAPH, KNOWN_CLAIMS, bind_prefixes
from kg.store.lock import WriterLock
from kg.store.protocol import Binding, QueryResult, StoreBusy, StoreError, Term, to_oxigraph
from kg.store.prune import orphans

_CLAIM_PREFIX = str(ID["claim/"])

# Run after the new graphs are in, in the same update: the claims and actors nothing refers to any
# more (kg.store.prune finds them) leave the entities graph.
_PRUNE = f"""
DELETE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?entity ?p ?o }} }}
WHERE {{ VALUES ?entity {{ %s }} GRAPH <{ENTITIES_GRAPH}> {{ ?entity ?p ?o }} }}
"""


_ARTICLE_IDS = f"""
SELECT DISTINCT ?id WHERE {{ GRAPH ?g {{ ?article a <{CG.Article}> ; <{DCTERMS.identifier}> ?id }} }}
ORDER BY ?id
"""

_UNION_TRIPLES = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"
_READ_ONLY_ATTEMPTS = 6

# Oxigraph stores derived integer types as xsd:integer (as it does xsd:int, xsd:dateTimeStamp…),
# so the datatypes kg.rdf writes for these predicates are restored on the way out.
_XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_RESTORE = {ox.NamedNode(str(p)): ox.NamedNode(str(XSD.nonNegativeInteger)) for p in (OA.start, OA.end)}

_DATASET_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}
_GRAPH_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
DUMP_EXTENSIONS = tuple(sorted({*_DATASET_FORMATS, *_GRAPH_FORMATS}))
_RDFLIB_FORMATS = {".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".ttl": "turtle", ".nt": "nt"}


class OxigraphStore:
    """The embedded adapter: ``OxigraphStore()`` is in memory, ``OxigraphStore(path)`` is on disk.

    >>> store = OxigraphStore()
    >>> len(store), store.article_ids(), store.known_claims()
    (0, [], [])
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self._lock: WriterLock | None = None
        try:
            if self.path is None:
                self._store: ox.Store | None = ox.Store()
            elif read_only:
                if not self.path.is_dir():
                    raise StoreError(f"no store at {self.path}")
                self._store = _open_read_only(self.path)
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                # One writer at a time, refused before anything is read or written (kg.store.lock).
                self._lock = WriterLock.acquire(self.path)
                self._store = ox.Store(str(self.path))
        except OSError as err:
            self._release()
            if "lock file" in str(err).lower():
                # RocksDB's own lock: a process that is not kg (an Oxigraph server) holds the directory.
                raise StoreBusy(f"store {self.path} is held by another program (an Oxigraph server?); "
                                "stop it or open the store read-only") from err
            raise StoreError(f"cannot open store {self.path}: {err}") from err
        except StoreError:
            self._release()
            raise

    @classmethod
    def of(cls, data: Graph | Dataset) -> OxigraphStore:
        """A fresh in-memory store holding exactly ``data`` (a Graph's triples go to the default graph).

        Nothing is pruned or merged: this is for running checks on a graph as it is.
        """
        store = cls()
        if isinstance(data, Dataset):
            store._ox.load(data.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
        else:
            store._ox.load(data.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
        return store

    @property
    def _ox(self) -> ox.Store:
        if self._store is None:
            raise StoreError("store is closed")
        return self._store

    def replace(self, dataset: Dataset) -> None:
        """Replace each named graph of ``dataset`` in the store, merge its entities graph, then prune.

        All of it is one SPARQL update request, which pyoxigraph applies in one transaction, so a
        failure leaves the store as it was. Only the claims and actors the replaced graphs referred
        to, and those the new entities graph describes, are candidates for pruning; they are read
        just before the update, which no other writer can come between (``kg.store.lock``).
        """
        drops: list[str] = []
        inserts: list[str] = []
        replaced: set[ox.NamedNode] = set()
        for graph in dataset.graphs():
            name = graph.identifier
            try:
                # pyoxigraph terms print as N-Triples, checked and escaped, so the update text holds
                # exactly these terms.
                triples = [f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} ." for s, p, o in graph]
                iri = to_oxigraph(name) if isinstance(name, URIRef) else None
            except (TypeError, ValueError) as err:
                raise StoreError(f"cannot store graph <{name}>: {err}") from err
            if iri is None or name == DATASET_DEFAULT_GRAPH_ID:
                if triples:
                    raise StoreError("the dataset has triples outside named graphs")
                continue
            if name != ENTITIES_GRAPH:
                drops.append(f"DROP SILENT GRAPH {iri}")
                replaced.add(ox.NamedNode(str(name)))
            if triples:
                inserts.append(f"GRAPH {iri} {{\n" + "\n".join(triples) + "\n}")
        gone = orphans(self._ox, replaced, dataset)
        operations = [*drops]
        if inserts:
            operations.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        if gone:
            operations.append(_PRUNE % " ".join(sorted(str(entity) for entity in gone)))
        try:
            self._ox.update(" ;\n".join(operations), prefixes=PREFIXES)
            if self.path is not None:
                # RocksDB keeps what it writes in memory and in its write-ahead log until a flush;
                # unflushed, a 10,000-article build left 870 MB of log that the next open replayed
                # first (33 s for a writer; read-only opens replay it too). Flushed per update,
                # opening takes milliseconds and the writer holds less memory.
                self._ox.flush()
        except (OSError, SyntaxError, ValueError) as err:
            raise StoreError(f"cannot update store: {err}") from err

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of the named graphs, with ``bindings`` substituted.

        A bound variable must appear in the SELECT projection (pyoxigraph's substitution rule).
        """
        substitutions = {ox.Variable(name): to_oxigraph(value) for name, value in (bindings or {}).items()}
        return self._ox.query(
            sparql, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions or None
        )

    def known_claims(self) -> list[tuple[str, str]]:
        """``(claim key, wording)`` for every claim, its text first, so re-extraction keeps claim identity."""
        pairs = []
        for row in self._solutions(KNOWN_CLAIMS):
            iri = row["claim"].value
            key = iri.removeprefix(_CLAIM_PREFIX) if iri.startswith(_CLAIM_PREFIX) else iri.rsplit("/", 1)[-1]
            pairs.append((key, row["text"].value))
        return pairs

    def article_ids(self) -> list[str]:
        return [row["id"].value for row in self._solutions(_ARTICLE_IDS)]

    def dataset(self) -> Dataset:
        """Every quad as an rdflib ``Dataset`` (for validation and export)."""
        ds = Dataset()
        bind_prefixes(ds)
        ds.parse(data=ox.serialize(self._quads(), format=ox.RdfFormat.N_QUADS), format="nquads")
        return ds

    def dump(self, path: str | Path) -> None:
        """Write the store to ``path``, the format chosen by extension (see ``DUMP_EXTENSIONS``).

        Graph formats (``.ttl``, ``.nt``) get the union of the named graphs. The file is written
        to a temporary name first, so a failed dump leaves no half-written file.
        """
        target = Path(path)
        ext = target.suffix.lower()
        if ext not in _DATASET_FORMATS and ext not in _GRAPH_FORMATS:
            raise StoreError(f"cannot write {target}: use one of {', '.join(DUMP_EXTENSIONS)}")
        partial = target.with_name(target.name + ".partial")
        try:
            if ext in _DATASET_FORMATS:
                ox.serialize(self._quads(), str(partial), _DATASET_FORMATS[ext], prefixes=PREFIXES)
            else:
                solutions = self._solutions(_UNION_TRIPLES)
                triples = (ox.Triple(r["s"], r["p"], _restored(r["p"], r["o"])) for r in solutions)
                ox.serialize(triples, str(partial), _GRAPH_FORMATS[ext], prefixes=PREFIXES)
            os.replace(partial, target)
        except OSError as err:
            partial.unlink(missing_ok=True)
            raise StoreError(f"cannot write {target}: {err}") from err

    def graph_names(self) -> list[str]:
        """The IRIs of the store's named graphs, sorted."""
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_ntriples(self, name: str) -> bytes:
        """The triples of the named graph ``name`` as N-Triples (the body of a Graph Store ``PUT``)."""
        graph = ox.NamedNode(name)
        triples = (ox.Triple(q.subject, q.predicate, _restored(q.predicate, q.object))
                   for q in self._ox.quads_for_pattern(None, None, None, graph))
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        assert data is not None  # no output file given: pyoxigraph returns the bytes
        return data

    def quads_for_pattern(self, subject: Term | None = None, predicate: ox.NamedNode | None = None,
                          obj: Term | None = None) -> Iterator[ox.Quad]:
        """The quads in any graph matching the pattern (``None`` matches anything), with the datatypes
        restored as ``dataset`` and ``dump`` give them."""
        for q in self._ox.quads_for_pattern(subject, predicate, obj, None):  # type: ignore[arg-type]
            yield ox.Quad(q.subject, q.predicate, _restored(q.predicate, q.object), q.graph_name)

    def close(self) -> None:
        """Release the store (and its directory lock); the object is unusable afterwards."""
        self._store = None
        self._release()

    def _release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._ox)

    def _quads(self) -> Iterator[ox.Quad]:
        for q in self._ox.quads_for_pattern(None, None, None, None):
            yield ox.Quad(q.subject, q.predicate, _restored(q.predicate, q.object), q.graph_name)

    def _solutions(self, sparql: str) -> ox.QuerySolutions:
        result = self._ox.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        return result


def _open_read_only(path: Path) -> ox.Store:
    """``Store.read_only(path)``, tried again when a writer removed a file while it was being opened.

    A read-only open reads RocksDB's file list, then the files; a writer opening or compacting
    the store meanwhile may delete one of them (its WAL is folded into new tables when it opens).
    The next attempt reads the new list. RocksDB reports the vanished file as an ``OSError`` when
    it lists the files and as a ``RuntimeError`` ("Corruption: ... No such file") when the
    manifest it just read names a table that is gone; both are the same race.
    """
    if not (path / "CURRENT").is_file():  # RocksDB's pointer to its file list: a first build is under way
        raise StoreError(f"no store at {path} yet (a first `kg build` may still be creating it)")
    for attempt in range(_READ_ONLY_ATTEMPTS):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as err:
            if "No such file" not in str(err) or attempt == _READ_ONLY_ATTEMPTS - 1:
                raise
            time.sleep(0.02 * 2**attempt)
    raise AssertionError("unreachable")


def _restored(predicate: ox.NamedNode, obj: Term) -> Term:
    datatype = _RESTORE.get(predicate)
    if datatype is not None and isinstance(obj, ox.Literal) and obj.datatype == _XSD_INTEGER:
        return ox.Literal(obj.value, datatype=datatype)
    return obj


def read_rdf(path: str | Path) -> Graph | Dataset:
    """Parse an RDF file by extension: a Dataset from ``.trig``, ``.nq``, ``.jsonld``; else a Graph."""
    target = Path(path)
    ext = target.suffix.lower()
    rdflib_format = _RDFLIB_FORMATS.get(ext)
    if rdflib_format is None:
        raise StoreError(f"cannot read {target}: use one of {', '.join(DUMP_EXTENSIONS)}")
    data: Graph | Dataset = Dataset() if ext in _DATASET_FORMATS else Graph()
    try:
        data.parse(str(target), format=rdflib_format)
    except FileNotFoundError as err:
        raise StoreError(f"no such file: {target}") from err
    except OSError as err:
        raise StoreError(f"cannot read {target}: {err.strerror or err}") from err
    except Exception as err:  # rdflib's parsers raise many unrelated types for bad syntax
        raise StoreError(f"cannot parse {target}: {' '.join(str(err).split())[:200]}") from err
    return data


__all__ = ["OxigraphStore", "read_rdf", "DUMP_EXTENSIONS"]
