"""What every store adapter offers (the ``Store`` protocol), its errors, and the term types it binds."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol, TypeAlias

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Binding: TypeAlias = str | Node | Term
QueryResult: TypeAlias = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


class StoreError(Exception):
    """The store cannot be opened, read or written (locked, missing, bad input)."""


class StoreBusy(StoreError):
    """Another process is writing the store directory: try again when it finishes."""


class EndpointError(StoreError):
    """A remote SPARQL server failed or refused a request (down, timed out, unauthorised, 5xx)."""


class Store(Protocol):
    """What the pipeline and the CLI need from a graph store, embedded or remote."""

    def replace(self, dataset: Dataset) -> None: ...

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult: ...

    def known_claims(self) -> list[tuple[str, str]]: ...

    def article_ids(self) -> list[str]: ...

    def dataset(self) -> Dataset: ...

    def dump(self, path: str | Path) -> None: ...

    def close(self) -> None: ...

    def __len__(self) -> int: ...


def to_oxigraph(value: Binding) -> Term:
    """A pyoxigraph term for an rdflib term or a plain string (which becomes a plain literal).

    >>> str(to_oxigraph('say "no"')), str(to_oxigraph(URIRef("https://example.org/a")))
    ('"say \\\\"no\\\\""', '<https://example.org/a>')
    """
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, BNode):
        return ox.BlankNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, str):
        return ox.Literal(value)
    raise TypeError(f"cannot bind {value!r}: expected a string or an RDF term")


__all__ = ["Term", "Binding", "QueryResult", "StoreError", "StoreBusy", "EndpointError", "Store",
           "to_oxigraph"]
