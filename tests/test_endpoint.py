"""The remote adapter without a real server: URLs, credentials, refusals, the update fallback.

A small recording HTTP server on loopback plays the SPARQL server; it answers what each
test tells it to and keeps every request it gets (method, path, headers, body).
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF

from kg.cli import main
from kg.namespace import CG
from kg.rdf import to_dataset
from kg.store import Credentials, EndpointError, EndpointStore, StoreError, credentials_for, open_store
from kg.store.endpoint import PASSWORD_ENV, UPDATE_CHUNK, USER_ENV
from tests.sample import corpus

SECRET = "s3cr3t-Pa55"
EMPTY_SELECT = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": []}}).encode()


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeServer:
    """What the fake answers: ``answer(seen) -> (status, headers, body)``; what it saw."""

    answer: Callable[[Seen], tuple[int, dict[str, str], bytes]]
    seen: list[Seen] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    state = FakeServer(lambda seen: (200, {"Content-Type": "application/sparql-results+json"}, EMPTY_SELECT))

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
            state.seen.append(seen)
            status, headers, body = state.answer(seen)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _serve

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_ambient_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(USER_ENV, raising=False)
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/.netrc unless a test writes one
    (tmp_path / "home").mkdir()


def _trig(tmp_path: Path, dataset: Dataset, name: str = "data.trig") -> Path:
    path = tmp_path / name
    dataset.serialize(str(path), format="trig")
    return path


def _invalid_dataset() -> Dataset:
    ds = to_dataset(corpus())
    for graph in ds.graphs():
        for statement in list(graph.subjects(RDF.type, CG.Assertion)):
            graph.remove((statement, CG.speaker, None))  # every statement needs exactly one speaker
    return ds


def test_urls_must_be_http_without_credentials() -> None:
    for bad in ("ftp://example.org/sparql", "/sparql", "http:///sparql"):
        with pytest.raises(StoreError, match="http"):
            EndpointStore(bad)
    with pytest.raises(StoreError) as refused:
        EndpointStore(f"http://dba:{SECRET}@127.0.0.1:8890/sparql")
    assert SECRET not in str(refused.value) and USER_ENV in str(refused.value)


def test_credentials_come_from_the_environment_then_netrc(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    assert credentials_for("http://127.0.0.1:8890/sparql") is None
    netrc = tmp_path / "home" / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login dba password {SECRET}\n")
    netrc.chmod(0o600)
    assert credentials_for("http://127.0.0.1:8890/sparql") == Credentials("dba", SECRET)
    assert credentials_for("http://localhost:8890/sparql") is None
    monkeypatch.setenv(USER_ENV, "writer")
    with pytest.raises(StoreError, match="both"):
        credentials_for("http://127.0.0.1:8890/sparql")
    monkeypatch.setenv(PASSWORD_ENV, "other")
    assert credentials_for("http://127.0.0.1:8890/sparql") == Credentials("writer", "other")
    assert SECRET not in repr(Credentials("dba", SECRET))


def test_open_store_picks_the_adapter_from_the_location(tmp_path: Path) -> None:
    assert isinstance(open_store("https://example.org/sparql"), EndpointStore)
    assert not isinstance(open_store(tmp_path / "store"), EndpointStore)


def test_an_invalid_load_is_refused_before_any_byte_reaches_the_server(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A bare listening socket: any connection at all would be accepted and recorded.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        code = main(["load", str(_trig(tmp_path, _invalid_dataset())), "--endpoint", f"{url}/query",
                     "--graph-store", f"{url}/store", "--update", f"{url}/update"])
        with pytest.raises(TimeoutError):
            listener.accept()
    err = capsys.readouterr().err
    assert code == 1
    assert "nothing loaded" in err and "violation" in err and "cg:speaker" in err


def test_a_valid_load_puts_each_graph_as_ntriples(fake: FakeServer, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    fake.answer = lambda seen: (201, {}, b"")
    dataset = to_dataset(corpus())
    code = main(["load", str(_trig(tmp_path, dataset)), "--endpoint", f"{fake.url}/query",
                 "--graph-store", f"{fake.url}/store"])
    assert code == 0, capsys.readouterr().err
    puts = [s for s in fake.seen if s.method == "PUT"]
    names = {urllib.parse.parse_qs(urllib.parse.urlsplit(s.path).query)["graph"][0] for s in puts}
    assert names == {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert {s.headers["Content-Type"] for s in puts} == {"application/n-triples"}
    assert sum(s.body.count(b"\n") for s in puts) == len(dataset)
    assert "by Graph Store PUT" in capsys.readouterr().out


def test_without_a_graph_store_it_falls_back_to_sparql_update(fake: FakeServer, tmp_path: Path) -> None:
    def answer(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        return (405, {}, b"no graph store here") if seen.method == "PUT" else (204, {}, b"")

    fake.answer = answer
    store = EndpointStore(f"{fake.url}/query", update_url=f"{fake.url}/update",
                          graph_store_url=f"{fake.url}/store")
    lines = b"".join(b"<urn:s%d> <urn:p> \"o\" .\n" % i for i in range(UPDATE_CHUNK + 1))
    assert store.put_graph("urn:g1", lines) == "update"
    assert store.put_graph("urn:g2", b"<urn:s> <urn:p> <urn:o> .\n") == "update"
    assert [s.method for s in fake.seen] == ["PUT", "POST", "POST"]  # no second PUT once refused
    first, second = (s.body.decode() for s in fake.seen[1:])
    # A graph is one request however large: DROP, then its INSERT DATA operations, all or nothing.
    assert first.startswith("DROP SILENT GRAPH <urn:g1> ;\nINSERT DATA { GRAPH <urn:g1> {")
    assert first.count("INSERT DATA { GRAPH <urn:g1> {") == 2 and first.count("<urn:p>") == UPDATE_CHUNK + 1
    assert second.startswith("DROP SILENT GRAPH <urn:g2>")
    assert {s.headers["Content-Type"] for s in fake.seen[1:]} == {"application/sparql-update"}


def test_credentials_are_sent_only_when_asked_in_the_scheme_asked(
        fake: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = "Basic " + base64.b64encode(f"dba:{SECRET}".encode()).decode()

    def answer(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.headers.get("Authorization") == expected:
            return 201, {}, b""
        return 401, {"WWW-Authenticate": 'Basic realm="writers"'}, b"who are you?"

    fake.answer = answer
    monkeypatch.setenv(USER_ENV, "dba")
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    store = EndpointStore(f"{fake.url}/query", graph_store_url=f"{fake.url}/store")
    store.put_graph("urn:g", b"<urn:s> <urn:p> <urn:o> .\n")
    assert [s.headers.get("Authorization") for s in fake.seen] == [None, expected]


def test_refused_credentials_fail_in_one_line_without_the_password(
        fake: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    fake.answer = lambda seen: (401, {"WWW-Authenticate": 'Basic realm="x"'}, b"no")
    monkeypatch.setenv(USER_ENV, "dba")
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    code = main(["load", str(_trig(tmp_path, to_dataset(corpus()))), "--endpoint", f"{fake.url}/query",
                 "--graph-store", f"{fake.url}/store"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and "HTTP 401" in err and USER_ENV in err
    assert SECRET not in out + err


def test_a_server_that_is_down_is_a_failure_not_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    code = main(["query", "statements", "--endpoint", f"http://127.0.0.1:{port}/query"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("kg query: error: cannot reach") and err.count("\n") == 1


def test_queries_name_our_graphs_and_bind_parameters(fake: FakeServer) -> None:
    graphs = ["https://w3id.org/claimgraph/id/graph/article/a"]

    def answer(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        form = urllib.parse.parse_qs(seen.body.decode())
        if "GRAPH ?g" in form["query"][0]:
            bindings = [{"g": {"type": "uri", "value": g}} for g in graphs]
            body = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": bindings}}).encode()
            return 200, {"Content-Type": "application/sparql-results+json"}, body
        return 200, {"Content-Type": "application/sparql-results+json"}, EMPTY_SELECT

    fake.answer = answer
    code = main(["query", "denials-by", "--endpoint", f"{fake.url}/query", "-p", 'actor=China" } #'])
    assert code == 0
    sent = urllib.parse.parse_qs(fake.seen[-1].body.decode())
    assert set(sent) == {"query"}  # standard parameters only; the dataset is in the text
    text = sent["query"][0]
    dataset = f"FROM <{graphs[0]}> FROM <https://w3id.org/claimgraph/id/graph/entities>\nWHERE {{ VALUES"
    assert dataset in text and "FROM NAMED" not in text
    assert 'VALUES (?actor) { ("China\\" } #") }' in text


def test_a_file_without_named_graphs_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl = tmp_path / "data.ttl"
    ttl.write_text("<urn:a> <urn:b> <urn:c> .\n")
    assert main(["load", str(ttl), "--endpoint", "http://127.0.0.1:9/query"]) == 2
    assert "no named graphs" in capsys.readouterr().err


def test_endpoint_errors_are_endpoint_errors() -> None:
    assert issubclass(EndpointError, StoreError)
