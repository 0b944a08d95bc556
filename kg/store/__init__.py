"""Where the graph lives: a small ``Store`` protocol, two adapters and one factory.

* ``OxigraphStore`` (``kg.store.oxigraph``) — the embedded store on pyoxigraph, in memory
  or in a directory.
* ``EndpointStore`` (``kg.store.endpoint``) — any SPARQL 1.1 server: queries through the
  SPARQL 1.1 Protocol, graphs written through the Graph Store Protocol or SPARQL Update.

``open_store`` picks one from the location: a directory (or nothing, for memory) or an
``http(s)://`` query URL.
"""

from __future__ import annotations

from pathlib import Path

from kg.store.endpoint import Credentials, EndpointStore, credentials_for
from kg.store.oxigraph import DUMP_EXTENSIONS, OxigraphStore, read_rdf
from kg.store.protocol import (
    Binding,
    EndpointError,
    QueryResult,
    Store,
    StoreBusy,
    StoreError,
    Term,
    to_oxigraph,
)


def open_store(location: str | Path | None = None, *, read_only: bool = False) -> Store:
    """The store at ``location``: a directory, an ``http(s)://`` SPARQL query URL, or ``None`` for memory.

    >>> type(open_store()).__name__, type(open_store("http://127.0.0.1:7878/query")).__name__
    ('OxigraphStore', 'EndpointStore')
    """
    if isinstance(location, str) and location.startswith(("http://", "https://")):
        return EndpointStore(location)
    return OxigraphStore(location, read_only=read_only)


__all__ = [
    "Store", "OxigraphStore", "EndpointStore", "Credentials", "StoreError", "StoreBusy", "EndpointError",
    "open_store", "read_rdf", "to_oxigraph", "credentials_for", "DUMP_EXTENSIONS", "QueryResult", "Binding",
    "Term",
]
