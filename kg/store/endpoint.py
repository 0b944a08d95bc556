"""The remote adapter: any SPARQL 1.1 server reached over HTTP.

* Queries: the SPARQL 1.1 Protocol through SPARQLWrapper
  (https://www.w3.org/TR/sparql11-protocol/#query-operation), URL-encoded POST, answers
  parsed by pyoxigraph so they are the same objects the embedded store returns.
* Writes: one named graph per request through the Graph Store HTTP Protocol — ``PUT``
  replaces the graph (https://www.w3.org/TR/sparql11-http-rdf-update/#http-put) — or, for a
  server without it, SPARQL 1.1 Update: ``DROP SILENT GRAPH`` then ``INSERT DATA``. Bodies
  are N-Triples: no prefixed names for a server's Turtle parser to get wrong.
* Dataset: every query names our graphs in ``FROM`` (and ``FROM NAMED``) clauses placed
  before its WHERE group, so it sees the union of the claim graphs and nothing else (not
  Virtuoso's system graphs, not other data on the server) with no server-specific switch.
  A query with a ``FROM`` of its own keeps its dataset.
* Parameters: bound as a ``VALUES`` block of escaped terms (``kg.store.binding``).
* Credentials: ``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``, else the ``~/.netrc``
  entry for the server's host; never from a URL, never printed. They are sent only when
  the server asks (HTTP 401), with the scheme it asks for (Basic or Digest).
"""

from __future__ import annotations

import netrc
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.client import HTTPResponse
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.namespace import CG, DATA_BASE, PREFIXES, SDO
from kg.rdf import ENTITIES_GRAPH, bind_prefixes
from kg.store.binding import BindingError, bind_values, query_form, with_dataset, with_prefixes
from kg.store.protocol import Binding, EndpointError, QueryResult, StoreError

USER_ENV = "KG_ENDPOINT_USER"
PASSWORD_ENV = "KG_ENDPOINT_PASSWORD"
GRAPH_PREFIX = DATA_BASE + "graph/"

# SPARQL Update requests are cut to this many triples: Virtuoso turns INSERT DATA into SQL and
# refuses very long texts, and a smaller request bounds what a failure leaves half-written.
UPDATE_CHUNK = 2_000
_NO_GSP = {404, 405, 415, 501}
_NTRIPLES = "application/n-triples"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"

_OUR_GRAPHS = f"""
SELECT DISTINCT ?g WHERE {{
  GRAPH ?g {{ ?article a <{CG.Article}> }}
  FILTER(STRSTARTS(STR(?g), "{GRAPH_PREFIX}"))
}}
"""
_KNOWN_CLAIMS = f"""
SELECT ?claim ?text WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?claim a <{CG.Claim}> ; <{SDO.text}> ?text }} }}
ORDER BY ?claim
"""
_ARTICLE_IDS = f"""
SELECT DISTINCT ?id WHERE {{ ?article a <{CG.Article}> ; <http://purl.org/dc/terms/identifier> ?id }}
ORDER BY ?id
"""
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_CHALLENGE = re.compile(r'^\s*(?P<scheme>[A-Za-z]+)(?:\s.*?realm="(?P<realm>[^"]*)")?', re.IGNORECASE)


@dataclass(frozen=True)
class Credentials:
    """A user name and password for a server; the password never shows in ``repr``."""

    user: str
    password: str = field(repr=False)


def check_url(url: str, what: str = "endpoint") -> str:
    """``url`` if it is an ``http(s)://`` URL with a host and no credentials in it, else ``StoreError``."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{what} must be an http:// or https:// URL, got {url!r}")
    if parts.username is not None or parts.password is not None:
        # The message must not repeat the URL: it holds a password.
        raise StoreError(f"the {what} URL must not carry credentials: set {USER_ENV} and {PASSWORD_ENV} "
                         "or use ~/.netrc")
    if parts.fragment:
        raise StoreError(f"{what} URL must not have a #fragment, got {url!r}")
    return url


def credentials_for(url: str) -> Credentials | None:
    """Credentials for ``url``: ``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``, else ``~/.netrc``."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user or password:
        if not (user and password):
            raise StoreError(f"set both {USER_ENV} and {PASSWORD_ENV}, or neither")
        return Credentials(user, password)
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        entry = netrc.netrc().authenticators(host)
    except FileNotFoundError:
        return None
    except (OSError, netrc.NetrcParseError) as err:
        raise StoreError(f"cannot read ~/.netrc: {getattr(err, 'msg', None) or err}") from err
    if entry is None or not entry[0] or not entry[2]:
        return None
    return Credentials(entry[0], entry[2])


class EndpointStore:
    """A SPARQL 1.1 server as a ``Store``: ``EndpointStore(query_url, update_url=…, graph_store_url=…)``.

    ``update_url`` defaults to ``query_url`` (the protocol lets one URL take both). Unlike the
    embedded store, ``replace`` replaces every graph it is given, the entities graph too: load
    a whole store, so that graph describes every article on the server.

    >>> store = EndpointStore("http://127.0.0.1:7878/query", graph_store_url="http://127.0.0.1:7878/store")
    >>> store.update_url, store.graph_store_url
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/store')
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        credentials: Credentials | None = None,
        timeout: float = 300.0,
    ) -> None:
        self.query_url = check_url(query_url)
        self.update_url = check_url(update_url, "update endpoint") if update_url else self.query_url
        self.graph_store_url = check_url(graph_store_url, "graph store") if graph_store_url else None
        self.timeout = timeout
        self._credentials = credentials
        self._graphs: list[str] | None = None
        self._challenges: dict[str, tuple[str, str] | None] = {}
        self.last_method = ""

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
        """Run a query over the union of the claim graphs on the server, with ``bindings`` bound."""
        try:
            text = bind_values(sparql, bindings or {})
        except BindingError as err:
            raise StoreError(str(err)) from err
        return self._query(with_prefixes(text, PREFIXES), self.graphs())

    def graphs(self) -> list[str]:
        """The claim graphs on the server: the article graphs and the entities graph."""
        if self._graphs is None:
            found = self._query(_OUR_GRAPHS, None)
            assert isinstance(found, ox.QuerySolutions)
            names = {row["g"].value for row in found if isinstance(row["g"], ox.NamedNode)}
            self._graphs = sorted(names | {str(ENTITIES_GRAPH)})
        return self._graphs

    def known_claims(self) -> list[tuple[str, str]]:
        prefix = DATA_BASE + "claim/"
        return [(row["claim"].value.removeprefix(prefix), row["text"].value)
                for row in self._solutions(_KNOWN_CLAIMS)]

    def article_ids(self) -> list[str]:
        return [row["id"].value for row in self._solutions(_ARTICLE_IDS)]

    def dataset(self) -> Dataset:
        """Every claim graph on the server, fetched one graph at a time (``CONSTRUCT``)."""
        ds = Dataset()
        bind_prefixes(ds)
        for name in self.graphs():
            sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
            triples = self._query(sparql, [name])
            assert isinstance(triples, ox.QueryTriples)
            graph = ds.graph(URIRef(name))
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            if data:
                graph.parse(data=data.decode("utf-8"), format="nt")
        return ds

    def dump(self, path: str | Path) -> None:
        """Write the claim graphs on the server to ``path`` (the formats of ``OxigraphStore.dump``)."""
        from kg.store.oxigraph import OxigraphStore

        OxigraphStore.of(self.dataset()).dump(path)

    def __len__(self) -> int:
        """The number of triples in the claim graphs on the server (their quads)."""
        rows = self._solutions(_COUNT)
        return int(rows[0]["n"].value) if rows else 0

    def close(self) -> None:
        self._graphs = None

    def replace(self, dataset: Dataset) -> None:
        """Replace each named graph of ``dataset`` on the server (see the class doc)."""
        for graph in dataset.graphs():
            name = graph.identifier
            if name == DATASET_DEFAULT_GRAPH_ID or not isinstance(name, URIRef):
                if len(graph):
                    raise StoreError("the dataset has triples outside named graphs")
                continue
            self.put_graph(str(name), graph.serialize(format="nt", encoding="utf-8"))

    def put_graph(self, name: str, ntriples: bytes) -> str:
        """Replace the graph ``name`` on the server by ``ntriples``; returns how ("graph store" or "update").

        With a graph store URL, a ``PUT``; if the server answers that it has no such service
        (404, 405, 415, 501), this and every later graph go through SPARQL Update instead.
        """
        ox.NamedNode(name)  # an IRI, or ValueError before anything is sent
        if self.graph_store_url is not None and self.last_method != "update":
            try:
                self._http("PUT", _graph_url(self.graph_store_url, name), ntriples, _NTRIPLES)
                self.last_method = "graph store"
                return self.last_method
            except _Unsupported:
                if self.last_method == "graph store":
                    raise
        self._update_graph(name, ntriples)
        self.last_method = "update"
        self._graphs = None
        return self.last_method

    def update(self, sparql: str) -> None:
        """Send one SPARQL 1.1 Update request (``application/sparql-update``) to the update URL."""
        self._http("POST", self.update_url, sparql.encode("utf-8"), "application/sparql-update")
        self._graphs = None

    def _update_graph(self, name: str, ntriples: bytes) -> None:
        lines = [line for line in ntriples.decode("utf-8").splitlines() if line.strip()]
        first = f"DROP SILENT GRAPH <{name}>"
        if not lines:
            self.update(first)
        for start in range(0, len(lines), UPDATE_CHUNK):
            body = "\n".join(lines[start:start + UPDATE_CHUNK])
            insert = f"INSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}"
            self.update(f"{first} ;\n{insert}" if start == 0 else insert)

    def _solutions(self, sparql: str) -> list[ox.QuerySolution]:
        result = self._query(sparql, self.graphs())
        assert isinstance(result, ox.QuerySolutions)
        return list(result)

    def _query(self, sparql: str, graphs: list[str] | None) -> QueryResult:
        wrapper = SPARQLWrapper(self.query_url)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)  # standard parameters only: no format=json for servers to trip on
        wrapper.setTimeout(int(self.timeout))
        form = query_form(sparql)
        if form is None:
            raise StoreError("not a SPARQL query (SELECT, CONSTRUCT, DESCRIBE or ASK)")
        if graphs:
            # FROM clauses rather than the protocol's default-graph-uri: Virtuoso echoes each of
            # those as a response header (Python's http.client refuses more than 100) and is
            # ten times slower with them.
            try:
                sparql = with_dataset(sparql, graphs)
            except BindingError as err:
                raise StoreError(str(err)) from err
        wrapper.setQuery(sparql)
        wrapper.queryType = form
        graph_answer = form in ("CONSTRUCT", "DESCRIBE")
        if graph_answer:
            wrapper.addCustomHttpHeader("Accept", _ACCEPT_GRAPH)
        else:
            wrapper.setReturnFormat(JSON)
        self._authenticate(wrapper)
        try:
            response: HTTPResponse = wrapper.query().response
            body = response.read()
            media = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        except SPARQLWrapperException as err:
            detail = _short(err.args[0] if err.args else err)
            raise EndpointError(f"{self.query_url} refused the query: {detail}") from err
        except urllib.error.HTTPError as err:
            raise _http_error("POST", self.query_url, err) from err
        except (urllib.error.URLError, OSError) as err:
            raise EndpointError(f"cannot reach {self.query_url}: {_reason(err)}") from err
        try:
            if graph_answer:
                return _triples(body, ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES)
            fmt = ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON
            return ox.parse_query_results(body, fmt)
        except (SyntaxError, ValueError) as err:
            raise EndpointError(f"{self.query_url} sent an answer that does not parse ({media}): {err}")\
                from err

    def _authenticate(self, wrapper: SPARQLWrapper) -> None:
        """Give SPARQLWrapper the credentials if the query URL asks for them, in its scheme and realm."""
        creds = self._creds(self.query_url)
        if creds is None:
            return
        challenge = self._challenge(self.query_url)
        if challenge is None:
            return
        scheme, realm = challenge
        wrapper.setHTTPAuth(DIGEST if scheme == "digest" else BASIC)
        wrapper.setCredentials(creds.user, creds.password, realm=realm or "SPARQL")

    def _challenge(self, url: str) -> tuple[str, str] | None:
        """``(scheme, realm)`` of the 401 answer to a bare GET of ``url``, or None if it asks for nothing."""
        if url not in self._challenges:
            found = None
            try:
                urllib.request.build_opener().open(urllib.request.Request(url), timeout=self.timeout).close()
            except urllib.error.HTTPError as err:
                header = (err.headers.get("WWW-Authenticate") or "") if err.code == 401 else ""
                match = _CHALLENGE.match(header)
                if match:
                    found = (match["scheme"].lower(), match["realm"] or "")
            except (urllib.error.URLError, OSError) as err:
                raise EndpointError(f"cannot reach {url}: {_reason(err)}") from err
            self._challenges[url] = found
        return self._challenges[url]

    def _creds(self, url: str) -> Credentials | None:
        return self._credentials if self._credentials is not None else credentials_for(url)

    def _http(self, method: str, url: str, data: bytes, content_type: str) -> None:
        handlers: list[urllib.request.BaseHandler] = []
        creds = self._creds(url)
        if creds is not None:
            # Answer a 401 in the scheme the server asks for; nothing is sent before it asks.
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, creds.user, creds.password)
            handlers += [urllib.request.HTTPDigestAuthHandler(passwords),
                         urllib.request.HTTPBasicAuthHandler(passwords)]
        headers = {"Content-Type": content_type}
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.build_opener(*handlers).open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as err:
            if method == "PUT" and err.code in _NO_GSP:
                raise _Unsupported(err.code) from err
            raise _http_error(method, url, err) from err
        except (urllib.error.URLError, OSError) as err:
            raise EndpointError(f"cannot reach {url}: {_reason(err)}") from err


class _Unsupported(EndpointError):
    """The graph store URL answered that it does not take this request (no Graph Store Protocol)."""

    def __init__(self, code: int) -> None:
        super().__init__(f"the graph store answered HTTP {code}")


def _graph_url(service: str, graph: str) -> str:
    """The Graph Store Protocol's indirect identification: ``SERVICE?graph=IRI``."""
    joiner = "&" if urllib.parse.urlsplit(service).query else "?"
    return f"{service}{joiner}{urllib.parse.urlencode({'graph': graph})}"


def _triples(body: bytes, fmt: ox.RdfFormat) -> ox.QueryTriples:
    """A CONSTRUCT answer as the ``QueryTriples`` the embedded store gives."""
    scratch = ox.Store()
    scratch.load(body, fmt, to_graph=ox.DefaultGraph())
    result = scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(result, ox.QueryTriples)
    return result


def _http_error(method: str, url: str, err: urllib.error.HTTPError) -> EndpointError:
    where = url.split("?")[0]
    if err.code in (401, 403):
        return EndpointError(f"{where} refused {method} (HTTP {err.code}): set {USER_ENV} and {PASSWORD_ENV} "
                             "(or ~/.netrc) to an account that may write")
    try:
        detail = _short(err.read())
    except OSError:
        detail = ""
    suffix = f": {detail}" if detail else ""
    return EndpointError(f"{method} {where} failed: HTTP {err.code} {err.reason}{suffix}")


def _short(detail: object) -> str:
    text = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)
    text = re.sub(r"<[^>]*>", " ", text)  # servers answer errors in HTML
    return " ".join(text.split())[:300]


def _reason(err: BaseException) -> str:
    if isinstance(err, urllib.error.URLError) and not isinstance(err, urllib.error.HTTPError):
        reason = err.reason
        return str(getattr(reason, "strerror", None) or reason)
    if isinstance(err, socket.timeout | TimeoutError):
        return "timed out"
    return str(getattr(err, "strerror", None) or err)


__all__ = ["EndpointStore", "Credentials", "credentials_for", "check_url", "USER_ENV", "PASSWORD_ENV",
           "GRAPH_PREFIX", "UPDATE_CHUNK"]
