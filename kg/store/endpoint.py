"""The remote adapter: any SPARQL 1.1 server reached over HTTP.

* Queries: the SPARQL 1.1 Protocol through SPARQLWrapper
  (https://www.w3.org/TR/sparql11-protocol/#query-operation), URL-encoded POST, answers
  parsed by pyoxigraph so they are the same objects the embedded store returns.
* Writes: one named graph per request through the Graph Store HTTP Protocol — ``PUT``
  replaces the graph (https://www.w3.org/TR/sparql11-http-rdf-update/#http-put) — or, for a
  server without it, SPARQL 1.1 Update: ``DROP SILENT GRAPH`` then ``INSERT DATA``, in one
  request. Either way a graph is replaced by exactly one request, so a failure leaves it old
  or new, never half written. Bodies are N-Triples: no prefixed names for a server's Turtle
  parser to get wrong.
* Failures that pass (connection refused or reset, timeouts, HTTP 5xx and 429) are tried
  again a few times with exponential backoff (``Retry``); every request we send is idempotent
  (a query, a ``PUT``, a DROP + INSERT of one whole graph), so trying again is safe. A refusal
  (401, 403, 400, 404…) fails at once, with a message saying what to fix.
* Dataset: every query names our graphs in ``FROM`` (and ``FROM NAMED``) clauses placed
  before its WHERE group, so it sees the union of the claim graphs and nothing else (not
  Virtuoso's system graphs, not other data on the server) with no server-specific switch.
  A query with a ``FROM`` of its own keeps its dataset.
* Parameters: bound as a ``VALUES`` block of escaped terms (``kg.store.binding``).
* Credentials: ``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``, else the ``~/.netrc``
  entry for the server's host; never from a URL, never printed. They are sent only when
  the server asks (HTTP 401), with the scheme it asks for (Basic or Digest). Text a server
  sends back (error pages) is scrubbed of them before it reaches a message or a log.
"""

from __future__ import annotations

import base64
import http.client
import logging
import netrc
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.client import HTTPResponse
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException, Unauthorized

from kg.namespace import CG, DATA_BASE, PREFIXES
from kg.rdf import ENTITIES_GRAPH, KNOWN_CLAIMS, bind_prefixes
from kg.store.binding import BindingError, bind_values, query_form, with_dataset, with_prefixes
from kg.store.protocol import Binding, EndpointError, QueryResult, StoreError

USER_ENV = "KG_ENDPOINT_USER"
PASSWORD_ENV = "KG_ENDPOINT_PASSWORD"
GRAPH_PREFIX = DATA_BASE + "graph/"

# INSERT DATA operations hold at most this many triples (Virtuoso turns each into SQL and refuses
# very long ones); a graph's operations still go in one request, so it is replaced whole or not at all.
UPDATE_CHUNK = 2_000
_T = TypeVar("_T")
log = logging.getLogger(__name__)
_NO_GSP = {404, 405, 415, 501}
_NTRIPLES = "application/n-triples"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"

_OUR_GRAPHS = f"""
SELECT DISTINCT ?g WHERE {{
  GRAPH ?g {{ ?article a <{CG.Article}> }}
  FILTER(STRSTARTS(STR(?g), "{GRAPH_PREFIX}"))
}}
"""
_ARTICLE_IDS = f"""
SELECT DISTINCT ?id WHERE {{ ?article a <{CG.Article}> ; <http://purl.org/dc/terms/identifier> ?id }}
ORDER BY ?id
"""
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_CHALLENGE = re.compile(r'^\s*(?P<scheme>[A-Za-z]+)(?:\s.*?realm="(?P<realm>[^"]*)")?', re.IGNORECASE)


@dataclass(frozen=True)
class Retry:
    """How a request that failed for a passing reason is tried again: at most ``attempts`` times in
    all, waiting ``backoff`` seconds after the first failure, doubling each time up to ``cap``
    (longer if the server's ``Retry-After`` asks, never beyond ``cap``).

    One operation therefore takes at most ``attempts`` × the timeout plus ``worst_wait()``.

    >>> Retry().worst_wait(), Retry(attempts=5, backoff=1.0, cap=3.0).worst_wait()
    (1.5, 9.0)
    """

    attempts: int = 3
    backoff: float = 0.5
    cap: float = 4.0

    def wait(self, failed: int, retry_after: float | None = None) -> float:
        """Seconds to wait after the ``failed``-th failed attempt (1 for the first)."""
        step = min(self.cap, self.backoff * 2 ** (failed - 1))
        return min(self.cap, max(step, retry_after or 0.0))

    def worst_wait(self) -> float:
        """All the waiting one operation may do, with no ``Retry-After``."""
        return sum(self.wait(n) for n in range(1, self.attempts))


class _Transient(EndpointError):
    """A failure worth trying again (the server is down, slow, overloaded or failing for now)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


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
        retry: Retry | None = None,
    ) -> None:
        self.query_url = check_url(query_url)
        self.update_url = check_url(update_url, "update endpoint") if update_url else self.query_url
        self.graph_store_url = check_url(graph_store_url, "graph store") if graph_store_url else None
        self.timeout = timeout
        self.retry = retry or Retry()
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
                for row in self._solutions(KNOWN_CLAIMS)]

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
        """DROP and every INSERT DATA of the graph in one request: the server gets all of it or none."""
        lines = [line for line in ntriples.decode("utf-8").splitlines() if line.strip()]
        operations = [f"DROP SILENT GRAPH <{name}>"]
        for start in range(0, len(lines), UPDATE_CHUNK):
            body = "\n".join(lines[start:start + UPDATE_CHUNK])
            operations.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")
        self.update(" ;\n".join(operations))

    def _solutions(self, sparql: str) -> list[ox.QuerySolution]:
        result = self._query(sparql, self.graphs())
        assert isinstance(result, ox.QuerySolutions)
        return list(result)

    def _query(self, sparql: str, graphs: list[str] | None) -> QueryResult:
        wrapper = SPARQLWrapper(self.query_url)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)  # standard parameters only: no format=json for servers to trip on
        # Not setTimeout: it truncates to whole seconds, and a timeout under one second became none at all.
        wrapper.timeout = self.timeout  # type: ignore[assignment]
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

        def attempt() -> tuple[bytes, str]:
            try:
                response: HTTPResponse = wrapper.query().response
                body = response.read()
            # SPARQLWrapper's errors carry the server's answer, which may echo our request headers
            # (credentials): only the scrubbed text goes on, not the original exception.
            except Unauthorized:
                raise self._refused("POST", self.query_url, 401) from None
            except EndPointInternalError as err:
                detail = self._short(_answer_of(err))
                raise _Transient(f"POST {self.query_url} failed: HTTP 500: {detail}") from None
            except SPARQLWrapperException as err:
                detail = self._short(_answer_of(err))
                raise EndpointError(f"{self.query_url} refused the query: {detail}") from None
            except urllib.error.HTTPError as err:
                raise self._http_error("POST", self.query_url, err) from err
            except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
                raise _Transient(f"cannot reach {self.query_url}: {_reason(err)}") from err
            return body, (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()

        body, media = self._retrying(f"query to {self.query_url}", attempt)
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

            def attempt() -> tuple[str, str] | None:
                try:
                    opener = urllib.request.build_opener()
                    opener.open(urllib.request.Request(url), timeout=self.timeout).close()
                except urllib.error.HTTPError as err:
                    # Only the scheme of a 401 matters here; any other answer means "asks nothing".
                    header = (err.headers.get("WWW-Authenticate") or "") if err.code == 401 else ""
                    match = _CHALLENGE.match(header)
                    return (match["scheme"].lower(), match["realm"] or "") if match else None
                except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
                    raise _Transient(f"cannot reach {url}: {_reason(err)}") from err
                return None

            self._challenges[url] = self._retrying(f"GET {url}", attempt)
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
        opener = urllib.request.build_opener(*handlers)

        def attempt() -> None:
            request = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with opener.open(request, timeout=self.timeout) as response:
                    response.read()
            except urllib.error.HTTPError as err:
                if method == "PUT" and err.code in _NO_GSP:
                    raise _Unsupported(err.code) from err
                raise self._http_error(method, url, err) from err
            except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
                raise _Transient(f"cannot reach {url}: {_reason(err)}") from err

        self._retrying(f"{method} {url.split('?')[0]}", attempt)

    def _retrying(self, what: str, attempt: Callable[[], _T]) -> _T:
        """``attempt()``, tried again on passing failures as ``self.retry`` says, else ``EndpointError``."""
        attempts = max(1, self.retry.attempts)
        for failed in range(1, attempts + 1):
            try:
                return attempt()
            except _Transient as err:
                if failed == attempts:
                    tries = f" ({attempts} attempts)" if attempts > 1 else ""
                    raise EndpointError(f"{err}{tries}") from err
                wait = self.retry.wait(failed, err.retry_after)
                log.info("%s: %s; trying again in %.1f s (attempt %d of %d)", what, err, wait, failed + 1,
                         attempts)
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _http_error(self, method: str, url: str, err: urllib.error.HTTPError) -> EndpointError:
        """The error for an HTTP error answer: ``_Transient`` for 5xx and 429, else a refusal."""
        where = url.split("?")[0]
        if err.code in (401, 403):
            return self._refused(method, where, err.code)
        try:
            detail = self._short(err.read())
        except (OSError, http.client.HTTPException):
            detail = ""
        suffix = f": {detail}" if detail else ""
        message = f"{method} {where} failed: HTTP {err.code} {err.reason}{suffix}"
        if err.code >= 500 or err.code == 429:
            return _Transient(message, _retry_after(err.headers.get("Retry-After")))
        return EndpointError(message)

    def _refused(self, method: str, where: str, code: int) -> EndpointError:
        reason = "Unauthorized" if code == 401 else "Forbidden"
        sent = "the credentials were refused" if self._creds(where) is not None else "no credentials set"
        return EndpointError(f"{where} answered HTTP {code} {reason} to {method} ({sent}): check that "
                             f"{USER_ENV} and {PASSWORD_ENV} (or ~/.netrc) name an account that may do this")

    def _short(self, detail: object) -> str:
        """A server's answer cut to one short line, with our credentials scrubbed out of it."""
        text = _short(detail)
        creds = self._creds(self.query_url)
        if creds is not None:
            pair = f"{creds.user}:{creds.password}".encode()
            for secret in (creds.password, base64.b64encode(pair).decode(), creds.user):
                if secret:
                    text = text.replace(secret, "***")
        return text


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


def _answer_of(err: SPARQLWrapperException) -> object:
    """The server's answer inside a SPARQLWrapper error (its message ends with "Response:" and the body)."""
    text = str(err.args[0] if err.args else err)
    return text.split("Response:", 1)[-1].strip().removeprefix("b'").removesuffix("'").replace("\\n", " ")


def _retry_after(value: str | None) -> float | None:
    """The seconds of a ``Retry-After: N`` header (an HTTP date is ignored: the backoff applies)."""
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


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
    if isinstance(err, http.client.HTTPException):
        return f"the connection broke ({type(err).__name__})"
    return str(getattr(err, "strerror", None) or err)


__all__ = ["EndpointStore", "Credentials", "Retry", "credentials_for", "check_url", "USER_ENV",
           "PASSWORD_ENV", "GRAPH_PREFIX", "UPDATE_CHUNK"]
