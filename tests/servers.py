"""Real SPARQL servers and a second RDF parser for the tests (and bench/load.py), on loopback only.

* Oxigraph: ``kg.serve.OxigraphServer`` (the ``oxigraph`` binary from PyPI).
* Virtuoso 7 (Debian ``virtuoso-opensource``): ``VirtuosoServer`` runs ``virtuoso-t`` in a
  temporary directory with a ``virtuoso.ini`` written here (free loopback ports for SQL and
  HTTP, ``ResultSetMaxRows`` raised from its silent 10,000-row cut), sets the ``dba``
  password through ``isql``, and stops it at the end.
* Jena's ``riot`` (Debian ``libapache-jena-java``): ``riot_command``.

``make test`` installs the Debian packages when they are missing. Under CI (``CI`` set)
a missing program fails the test that needs it; elsewhere that test is skipped, saying why.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import pytest

from kg.serve import OxigraphServer, free_port
from kg.store import Credentials, EndpointStore

IN_CI = bool(os.environ.get("CI"))
HOST = "127.0.0.1"
JAVA_DIR = Path("/usr/share/java")
_VERSIONED = re.compile(r"-\d[\d.]*$")  # jena-core-4.5.0.jar: the same jar as jena-core.jar


def require(program: str, package: str) -> str:
    """The path of ``program``; skip the test without it (fail under CI, where it must be there)."""
    found = shutil.which(program)
    if found is None:
        reason = f"{program} not found: install the Debian package {package} (`make test` does, as root)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@dataclass(frozen=True)
class Target:
    """A running server as the tests see it: its name and its three URLs, with the account that writes."""

    name: str
    query_url: str
    update_url: str
    graph_store_url: str
    credentials: Credentials | None = None

    def store(self, *, graph_store: bool = True) -> EndpointStore:
        return EndpointStore(self.query_url, update_url=self.update_url, credentials=self.credentials,
                             graph_store_url=self.graph_store_url if graph_store else None)

    def load_args(self, *, graph_store: bool = True) -> list[str]:
        args = ["--endpoint", self.query_url, "--update", self.update_url]
        return [*args, "--graph-store", self.graph_store_url] if graph_store else args


def oxigraph_target(server: OxigraphServer) -> Target:
    return Target("oxigraph", server.query_url, server.update_url, server.graph_store_url)


class VirtuosoServer:
    """``virtuoso-t`` on a fresh database in ``directory``; a context manager."""

    def __init__(self, directory: Path, *, startup_timeout: float = 120.0) -> None:
        self.directory = directory
        self.sql_port = free_port()
        self.http_port = free_port()
        self.password = secrets.token_hex(12)
        self.startup_timeout = startup_timeout
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.http_port}"

    def target(self) -> Target:
        # Queries are anonymous at /sparql; writes need the digest-authenticated services.
        return Target("virtuoso", f"{self.url}/sparql", f"{self.url}/sparql-auth",
                      f"{self.url}/sparql-graph-crud-auth", Credentials("dba", self.password))

    def ini(self) -> str:
        d = self.directory
        return f"""\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {HOST}:{self.sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 85000
MaxDirtyBuffers = 65000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = {HOST}:{self.http_port}
ServerRoot = {d}
MaxClientConnections = 10
ServerThreads = 10
EnabledDavVSP = 0
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 600
"""

    def start(self) -> VirtuosoServer:
        program = require("virtuoso-t", "virtuoso-opensource")
        isql = shutil.which("isql-vt") or require("isql", "virtuoso-opensource")
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / "virtuoso.ini").write_text(self.ini(), encoding="utf-8")
        log = open(self.directory / "stdout.log", "wb")  # noqa: SIM115 - closed with the process
        self._process = subprocess.Popen([program, "+configfile", "virtuoso.ini", "+foreground"],
                                         cwd=self.directory, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT)
        log.close()
        self._wait_for_http()
        # A new database's dba password is "dba": replace it before anything else can use it.
        subprocess.run([isql, f"{HOST}:{self.sql_port}", "dba", "dba",
                        f"exec=USER_SET_PASSWORD('dba', '{self.password}');"],
                       check=True, capture_output=True, timeout=60)
        return self

    def _wait_for_http(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        probe = f"{self.url}/sparql?{urllib.parse.urlencode({'query': 'ASK {}'})}"
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                tail = (self.directory / "stdout.log").read_text(errors="replace")[-500:]
                self._process = None
                pytest.fail(f"Virtuoso stopped at start: {tail}")
            try:
                with urllib.request.urlopen(probe, timeout=5) as answer:
                    answer.read()
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.25)
        self.stop()
        pytest.fail(f"Virtuoso did not answer on {self.url} in {self.startup_timeout:.0f} s")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()  # Virtuoso checkpoints and exits on SIGTERM
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()


def riot_command(scratch: Path) -> list[str]:
    """``java -cp … riotcmd.riot``: Jena's parser from the Debian jars, with the fix it needs.

    Debian's jena-core moves Xerces' classes to ``xerces.*`` but leaves their message
    bundles under ``org/apache/jena/ext/xerces/``, so Jena's start-up fails ("internal
    error" in ``XSSimpleTypeDecl``); a copy of the bundles at the new place mends it.
    """
    java = require("java", "default-jre-headless")
    core = JAVA_DIR / "jena-core.jar"
    if not core.is_file():
        reason = "Jena not found: install the Debian package libapache-jena-java (`make test` does, as root)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    bundles = scratch / "jena-bundles"
    with zipfile.ZipFile(core) as jar:
        for name in jar.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = bundles / name.removeprefix("org/apache/jena/ext/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    jars = [bundles, *_jena_jars()]
    return [java, "-cp", os.pathsep.join(map(str, jars)), "riotcmd.riot"]


def _jena_jars() -> list[Path]:
    """The unversioned jars of libapache-jena-java and the packages it depends on (one slf4j binding)."""
    packages = ["libapache-jena-java"]
    depends = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", "libapache-jena-java"],
                             capture_output=True, text=True, check=True).stdout
    packages += [part.split()[0] for part in depends.replace("|", ",").split(",") if part.strip()]
    jars: set[Path] = set()
    for package in packages:
        listing = subprocess.run(["dpkg-query", "-L", package], capture_output=True, text=True).stdout
        for line in listing.splitlines():
            path = Path(line)
            if path.parent == JAVA_DIR and path.suffix == ".jar" and not _VERSIONED.search(path.stem):
                jars.add(path)
    bindings = {"slf4j-log4j12", "slf4j-jdk14", "slf4j-jcl", "slf4j-nop", "log4j-over-slf4j",
                "jcl-over-slf4j"}
    return sorted(j for j in jars if j.stem not in bindings)
