"""A SPARQL server that is down, slow, failing, refusing or cut off: bounded retries, clear errors,
whole graphs, and no credentials in anything we print, log or raise.

A fault-injecting proxy on loopback (``FaultyProxy``) stands between the client and a real Oxigraph
server: each request to the victim graph gets the scripted fault (an HTTP status, a wait past the
client's timeout, a connection closed halfway through the body) while every other request is passed
on. It requires Basic authentication, as a real protected endpoint does, and records every request
it gets. After each case every graph on the real server must be its old or its new version (never a
mix, never half), the attempts at the victim must be what the retry policy allows, the error one
clear line, and the user name, the password and every Authorization header the proxy saw must be
absent from stdout, stderr, log records and the exception with its causes.
"""

from __future__ import annotations

import base64
import dataclasses
import http.client
import logging
import socket
import threading
import time
import traceback
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.cli import main
from kg.rdf import to_dataset
from kg.records import Extraction
from kg.serve import OxigraphServer
from kg.store import Credentials, EndpointError, EndpointStore, OxigraphStore
from kg.store.endpoint import GRAPH_PREFIX, PASSWORD_ENV, UPDATE_CHUNK, USER_ENV, Retry
from tests.sample import corpus

pytestmark = pytest.mark.server

USER = "kg-loader-7f3a"
PASSWORD = "pw-Zq81-not-for-logs"
TOKEN = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
TIMEOUT = 0.4
FAST = Retry(attempts=3, backoff=0.05, cap=0.2)
BIG = f"{GRAPH_PREFIX}article/zz-big"  # more triples than one INSERT DATA operation holds
INTEGER = "^^<http://www.w3.org/2001/XMLSchema#integer>"
NON_NEGATIVE = "^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"


@dataclass(frozen=True)
class Fault:
    """What the proxy does to the n-th request (0-based) for the victim graph."""

    kind: str  # "status", "slow", "drop" or "pass"
    status: int = 0
    headers: tuple[tuple[str, str], ...] = ()
    echo: bool = False  # the error page repeats the request's headers, Authorization included


PASS = Fault("pass")


@dataclass(frozen=True)
class Case:
    """A fault: the faults of the victim's successive requests (then ``then`` for the rest); ``kind`` is its
    row in docs/robustness.md."""

    kind: str
    name: str
    faults: tuple[Fault, ...]
    then: Fault
    attempts: int  # requests that reach the victim
    ok: bool
    error: str = ""  # a fragment of the one-line error


def _status(code: int, *headers: tuple[str, str], echo: bool = False) -> Fault:
    return Fault("status", code, headers, echo)


SLOW = Fault("slow")
CHALLENGE = ("WWW-Authenticate", 'Basic realm="kg"')
DROP = Fault("drop")

FAILING = "Remote server: HTTP 500, 502, 503, 429"
SLOWED = "Remote server: slow (past the client timeout)"
DROPPED = "Remote server: connection dropped mid-body"
REFUSING = "Remote server: 401, 403, 400 (no retry)"
DOWN = "Remote server: down (closed port)"
LEAKS = "Remote server: credentials in output, logs, exceptions"

CASES: tuple[Case, ...] = (
    Case(FAILING, "500 once, then success", (_status(500),), PASS, 2, True),
    Case(FAILING, "502 twice, then success", (_status(502), _status(502)), PASS, 3, True),
    Case(FAILING, "503 twice, then success", (_status(503), _status(503)), PASS, 3, True),
    Case(FAILING, "429 with Retry-After, then success", (_status(429, ("Retry-After", "0")),), PASS, 2, True),
    Case(FAILING, "503 always", (), _status(503), 3, False, "HTTP 503 Service Unavailable"),
    Case(FAILING, "500 always, echoing the request headers", (), _status(500, echo=True), 3, False,
         "HTTP 500"),
    Case(SLOWED, "slow once (past the client timeout), then success", (SLOW,), PASS, 2, True),
    Case(SLOWED, "slow always", (), SLOW, 3, False, "timed out"),
    Case(DROPPED, "connection dropped mid-body once, then success", (DROP,), PASS, 2, True),
    Case(DROPPED, "connection dropped mid-body always", (), DROP, 3, False, "cannot reach"),
    Case(REFUSING, "401 always (credentials refused)", (), _status(401, CHALLENGE), 1, False,
         "HTTP 401 Unauthorized"),
    Case(REFUSING, "403 always", (), _status(403), 1, False, "HTTP 403 Forbidden"),
    Case(REFUSING, "400 always", (), _status(400, echo=True), 1, False, "HTTP 400"),
)
"""Faults on the write path; each runs through the Graph Store PUT and through SPARQL Update."""

WRITE_PATHS = ("graph store", "update")
QUERY_CASES = ("503 twice, then success", "500 always, echoing the request headers",
               "connection dropped mid-body once, then success", "slow always",
               "401 always (credentials refused)")
"""Faults also run on the query path (SPARQLWrapper)."""
CLI_CASES = ("503 twice, then success", "401 always (credentials refused)", "400 always")
"""Faults run through ``kg load`` on the command line, with the default retry policy."""
DOWN_OPERATIONS = ("put a graph", "query", "kg load")
"""What the tests try against a closed port."""


def runs(kind: str) -> int:
    """How many runs of the tests below exercise the row ``kind`` of docs/robustness.md."""
    if kind == DOWN:
        return len(DOWN_OPERATIONS)
    if kind == LEAKS:  # every run checks its output, logs and error for the credentials
        return sum(runs(k) for k in (FAILING, SLOWED, DROPPED, REFUSING, DOWN))
    cases = [c for c in CASES if c.kind == kind]
    return (len(cases) * len(WRITE_PATHS) + sum(c.name in QUERY_CASES for c in cases)
            + sum(c.name in CLI_CASES for c in cases) + (kind == REFUSING))  # the scrub test: a 400


def _case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


@dataclass
class Seen:
    method: str
    path: str
    authorization: str | None
    body: bytes
    complete: bool


@dataclass
class FaultyProxy:
    """A loopback HTTP server in front of ``upstream`` that injects ``faults`` into the victim's requests."""

    upstream: tuple[str, int]
    victim: str = ""
    faults: tuple[Fault, ...] = ()
    then: Fault = PASS
    sleep: float = TIMEOUT * 3
    seen: list[Seen] = field(default_factory=list)
    url: str = ""
    _victim_requests: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, victim: str, case: Case) -> None:
        with self._lock:
            self.victim, self.faults, self.then = victim, case.faults, case.then
            self.seen.clear()
            self._victim_requests = 0

    def is_victim(self, path: str, body: bytes) -> bool:
        """A request for the victim graph: named in the URL (a PUT), or in the update or query text."""
        if not self.victim:
            return False
        text = urllib.parse.unquote_plus(path + " " + body.decode("utf-8", "replace"))
        return f"graph={self.victim}" in text or f"<{self.victim}>" in text

    def fault_for(self) -> Fault:
        """The fault for the victim's next request."""
        with self._lock:
            n = self._victim_requests
            self._victim_requests += 1
        return self.faults[n] if n < len(self.faults) else self.then

    def victim_requests(self) -> list[Seen]:
        """The victim's requests that carried the credentials (the bare first try of each is not one)."""
        return [s for s in self.seen if s.authorization and self.is_victim(s.path, s.body)]


@pytest.fixture(scope="module")
def oxigraph() -> Iterator[OxigraphServer]:
    with OxigraphServer() as server:
        yield server


@pytest.fixture
def proxy(oxigraph: OxigraphServer) -> Iterator[FaultyProxy]:
    state = FaultyProxy(("127.0.0.1", oxigraph.port))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            auth = self.headers.get("Authorization")
            if auth != f"Basic {TOKEN}":
                # A protected endpoint: the client learns the scheme, then sends the credentials.
                self._drain(length)
                state.seen.append(Seen(self.command, self.path, auth, b"", True))
                self._answer(401, b"who are you?", [("WWW-Authenticate", 'Basic realm="kg"')])
                return
            body = self.rfile.read(length // 2)
            victim = state.is_victim(self.path, body)
            fault = state.fault_for() if victim else PASS
            if fault.kind == "drop":
                # Half the body has arrived: the connection is cut, nothing answered or passed on.
                state.seen.append(Seen(self.command, self.path, auth, body, False))
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            body += self.rfile.read(length - len(body))
            if not victim and state.is_victim(self.path, body):  # named in the second half only
                fault = state.fault_for()
            state.seen.append(Seen(self.command, self.path, auth, body, True))
            if fault.kind == "status":
                text = f"fault {fault.status}".encode()
                if fault.echo:
                    text += b"\n" + str(self.headers).encode()
                self._answer(fault.status, text, list(fault.headers))
                return
            if fault.kind == "slow":
                time.sleep(state.sleep)  # past the client's timeout; the request still goes through
            self._forward(body)

        def _drain(self, length: int) -> None:
            if length:
                self.rfile.read(length)

        def _forward(self, body: bytes) -> None:
            upstream = http.client.HTTPConnection(*state.upstream, timeout=30)
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() in ("content-type", "accept")}
            try:
                upstream.request(self.command, self.path, body=body or None, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                kept = [(k, v) for k, v in answer.getheaders() if k.lower() == "content-type"]
                self._answer(answer.status, data, kept)
            finally:
                upstream.close()

        def _answer(self, status: int, body: bytes, headers: list[tuple[str, str]]) -> None:
            try:
                self.send_response(status)
                for key, value in headers:
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (timed out) first

        do_GET = do_POST = do_PUT = _serve

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = False  # server_close waits for slow handlers, so none writes into the next test
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(USER_ENV, USER)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.netrc of the machine's


def _renamed(extractions: list[Extraction], title: str) -> list[Extraction]:
    return [dataclasses.replace(ex, article=dataclasses.replace(ex.article, title=title))
            for ex in extractions]


def _big(tag: str) -> bytes:
    return b"".join(b'<urn:s%d> <urn:p> "%s" .\n' % (i, tag.encode()) for i in range(2 * UPDATE_CHUNK + 1))


def _graphs(dataset: Dataset, big: bytes) -> dict[str, bytes]:
    """Every named graph of ``dataset`` as the N-Triples a load sends, and the big graph."""
    source = OxigraphStore.of(dataset)
    return {**{name: source.graph_ntriples(name) for name in source.graph_names()}, BIG: big}


OLD = _graphs(to_dataset(_renamed(corpus(), "Old title")), _big("old"))
NEW = _graphs(to_dataset(_renamed(corpus(), "New title")), _big("new"))
VICTIM = sorted(OLD)[1]  # the second graph sent: the first is replaced before the fault


def _normal(ntriples: bytes) -> frozenset[str]:
    # Oxigraph keeps xsd:nonNegativeInteger as xsd:integer; compare the values, not that choice.
    lines = ntriples.decode("utf-8").replace(NON_NEGATIVE, INTEGER).splitlines()
    return frozenset(line.strip() for line in lines if line.strip())


def _reset(server: OxigraphServer) -> EndpointStore:
    """The real server holding exactly the old graphs; a direct client (no proxy, no faults)."""
    direct = EndpointStore(server.query_url, update_url=server.update_url,
                           graph_store_url=server.graph_store_url, credentials=None)
    direct.update("CLEAR ALL")
    for name, data in OLD.items():
        direct.put_graph(name, data)
    return direct


def _server_graphs(server: OxigraphServer) -> dict[str, frozenset[str]]:
    found = {}
    for name in OLD:
        url = f"{server.graph_store_url}?{urllib.parse.urlencode({'graph': name})}"
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        connection.request("GET", url, headers={"Accept": "application/n-triples"})
        answer = connection.getresponse()
        body = answer.read()
        connection.close()
        found[name] = _normal(body) if answer.status == 200 else frozenset()
    return found


def _assert_whole(server: OxigraphServer) -> dict[str, str]:
    """Every graph on the server is its old or its new version: "old", "new" ("same" if they are equal)."""
    states = {}
    for name, triples in _server_graphs(server).items():
        old, new = triples == _normal(OLD[name]), triples == _normal(NEW[name])
        if not (old or new):
            pytest.fail(f"graph {name} on the server is neither old nor new: {len(triples)} triples")
        states[name] = "same" if old and new else "old" if old else "new"
    return states


def _secrets(proxy: FaultyProxy) -> set[str]:
    sent = {s.authorization for s in proxy.seen if s.authorization}
    assert sent, "the proxy saw no credentials: the leak check would prove nothing"
    return {USER, PASSWORD, TOKEN, *sent}


def _assert_no_secret(proxy: FaultyProxy, *texts: str) -> None:
    for secret in _secrets(proxy):
        for text in texts:
            assert secret not in text, f"a credential leaked: {text[:300]!r}"


def _error_text(err: BaseException) -> str:
    return "".join(traceback.format_exception(err)) + repr(err) + str(err)


def _endpoint(proxy: FaultyProxy, path: str) -> EndpointStore:
    graph_store = f"{proxy.url}/store" if path == "graph store" else None
    return EndpointStore(f"{proxy.url}/query", update_url=f"{proxy.url}/update", graph_store_url=graph_store,
                         timeout=TIMEOUT, retry=FAST)


@pytest.mark.parametrize("path", WRITE_PATHS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_write_fault_leaves_whole_graphs(case: Case, path: str, proxy: FaultyProxy,
                                           oxigraph: OxigraphServer, caplog: pytest.LogCaptureFixture,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.DEBUG)
    _reset(oxigraph)
    proxy.script(VICTIM, case)
    endpoint = _endpoint(proxy, path)
    error: EndpointError | None = None
    started = time.monotonic()
    try:
        for name in sorted(NEW):  # as kg load sends them: one request per graph, in order
            endpoint.put_graph(name, NEW[name])
    except EndpointError as err:
        error = err
    took = time.monotonic() - started
    states = _assert_whole(oxigraph)

    victim = proxy.victim_requests()
    assert len(victim) == case.attempts, [(s.method, s.path) for s in victim]
    assert {s.method for s in victim} == {"PUT" if path == "graph store" else "POST"}
    # One request per graph, whatever its size: the big graph too went in one request.
    assert all(s.body.count(b"DROP SILENT GRAPH") <= 1 for s in proxy.seen)
    if case.ok:
        assert error is None, error
        assert set(states.values()) <= {"new", "same"} and "new" in states.values()
    else:
        assert error is not None, "the fault was not reported"
        message = str(error)
        assert case.error in message and "\n" not in message, message
        if case.attempts > 1:
            assert f"({case.attempts} attempts)" in message
        assert states[sorted(NEW)[0]] == "new" and states[VICTIM] in ("old", "new")
        assert all(states[name] in ("old", "same") for name in sorted(NEW)[2:]), "sent after the failure"
    # Bounded by the policy: the attempts' timeouts and the backoff (and the other graphs' requests).
    assert took < case.attempts * TIMEOUT + FAST.worst_wait() + 2
    out, err = capsys.readouterr()
    logged = "\n".join(f"{r.getMessage()} {r.args}" for r in caplog.records)
    _assert_no_secret(proxy, out, err, logged, _error_text(error) if error else "")
    retries = [r for r in caplog.records if "trying again" in r.getMessage()]
    assert len(retries) == case.attempts - 1


@pytest.mark.parametrize("name", QUERY_CASES)
def test_a_query_fault_is_retried_or_reported(name: str, proxy: FaultyProxy, oxigraph: OxigraphServer,
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    case = _case(name)
    _reset(oxigraph)
    # Queries name our graphs in FROM clauses: the first article graph's IRI is in every query's body.
    proxy.script(sorted(OLD)[0], case)
    endpoint = _endpoint(proxy, "graph store")
    try:
        ids = endpoint.article_ids()
    except EndpointError as err:
        assert not case.ok
        assert case.error in str(err) and "\n" not in str(err), str(err)
        _assert_no_secret(proxy, _error_text(err), "\n".join(r.getMessage() for r in caplog.records))
    else:
        assert case.ok and ids == sorted(ex.article.id for ex in corpus())
        _assert_no_secret(proxy, "\n".join(r.getMessage() for r in caplog.records))
    assert len(proxy.victim_requests()) == case.attempts


def _closed_port() -> str:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{unused.getsockname()[1]}"


@pytest.mark.parametrize("operation", DOWN_OPERATIONS)
def test_a_server_that_is_down_is_tried_three_times_then_named(operation: str, tmp_path: Path,
                                                               caplog: pytest.LogCaptureFixture,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.DEBUG)
    url = _closed_port()
    endpoint = EndpointStore(f"{url}/query", graph_store_url=f"{url}/store", timeout=TIMEOUT, retry=FAST)
    started = time.monotonic()
    if operation == "kg load":  # the default policy: waits 0.5 s, then 1 s
        trig = tmp_path / "new.trig"
        to_dataset(_renamed(corpus(), "New title")).serialize(str(trig), format="trig")
        assert main(["load", str(trig), "--endpoint", f"{url}/query", "--graph-store", f"{url}/store"]) == 1
        message = capsys.readouterr().err
        assert message.startswith("kg load: error: cannot reach") and message.count("\n") == 1, message
        text = message
    else:
        with pytest.raises(EndpointError) as refused:
            if operation == "put a graph":
                endpoint.put_graph(VICTIM, NEW[VICTIM])
            else:
                endpoint.article_ids()
        message = str(refused.value)
        assert message.startswith(f"cannot reach {url}/"), message
        text = _error_text(refused.value)
    took = time.monotonic() - started
    policy = Retry() if operation == "kg load" else FAST
    assert "refused" in message.lower() and "(3 attempts)" in message, message
    assert len([r for r in caplog.records if "trying again" in r.getMessage()]) == 2
    assert policy.worst_wait() <= took < 3 * TIMEOUT + policy.worst_wait() + 5
    for secret in (USER, PASSWORD, TOKEN):
        assert secret not in text


@pytest.mark.parametrize("name", CLI_CASES)
def test_kg_load_on_the_command_line(name: str, proxy: FaultyProxy, oxigraph: OxigraphServer, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str],
                                     caplog: pytest.LogCaptureFixture) -> None:
    """``kg load`` with the default policy: a passing fault is waited out (0.5 s, then 1 s), a refusal is
    one line at once."""
    caplog.set_level(logging.DEBUG)
    case = _case(name)
    trig = tmp_path / "new.trig"
    to_dataset(_renamed(corpus(), "New title")).serialize(str(trig), format="trig")
    _reset(oxigraph)
    proxy.script(VICTIM, case)
    started = time.monotonic()
    code = main(["load", str(trig), "--endpoint", f"{proxy.url}/query",
                 "--graph-store", f"{proxy.url}/store"])
    took = time.monotonic() - started
    out, err = capsys.readouterr()
    assert len(proxy.victim_requests()) == case.attempts
    if case.ok:
        assert code == 0 and out.startswith("loaded ") and err == "", err
        assert took >= Retry().worst_wait()
    else:
        assert code == 1 and err.count("\n") == 1 and case.error in err, err
        assert err.startswith("kg load: error: ")
        if "401" in case.name:
            assert USER_ENV in err
    states = _assert_whole(oxigraph)
    assert states[VICTIM] == ("new" if case.ok else "old")
    _assert_no_secret(proxy, out, err, "\n".join(r.getMessage() for r in caplog.records))


def test_credentials_given_in_code_are_scrubbed_too(proxy: FaultyProxy, oxigraph: OxigraphServer,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(USER_ENV)
    monkeypatch.delenv(PASSWORD_ENV)
    _reset(oxigraph)
    proxy.script(VICTIM, _case("400 always"))
    endpoint = EndpointStore(f"{proxy.url}/query", graph_store_url=f"{proxy.url}/store", timeout=TIMEOUT,
                             retry=FAST, credentials=Credentials(USER, PASSWORD))
    with pytest.raises(EndpointError) as refused:
        endpoint.put_graph(VICTIM, NEW[VICTIM])
    assert "HTTP 400" in str(refused.value) and "***" in str(refused.value)  # the echoed header, scrubbed
    _assert_no_secret(proxy, _error_text(refused.value))

