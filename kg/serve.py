"""Serve a store directory over SPARQL 1.1 with the Oxigraph server, and link its browser UI.

The server is the ``oxigraph`` binary of the PyPI package ``oxigraph`` (a dependency; it
installs next to the Python interpreter). It listens on loopback only and answers:

* ``/query`` — SPARQL 1.1 Protocol queries, over the union of the named graphs
  (``--union-default-graph``), so saved queries run there unchanged;
* ``/store`` — the Graph Store Protocol; ``/update`` — SPARQL Update (not when read-only);
* ``/`` — the YASGUI query page, its script and style served by the binary itself (no
  network needed). ``ui_link`` opens it on a query, which runs when the page loads.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import TracebackType

from kg.store import StoreError

HOST = "127.0.0.1"
_READY_QUERY = urllib.parse.urlencode({"query": "ASK {}"})


def oxigraph_binary() -> str:
    """The path of the ``oxigraph`` server binary: beside this Python first, then on ``PATH``."""
    here = str(Path(sys.executable).parent)
    found = shutil.which("oxigraph", path=os.pathsep.join([here, os.environ.get("PATH", "")]))
    if found is None:
        raise StoreError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def free_port(host: str = HOST) -> int:
    """A TCP port nothing listens on now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def ui_link(base_url: str, sparql: str) -> str:
    """A link that opens the server's YASGUI page on ``sparql`` and runs it, answers shown as a table.

    YASGUI reads its tab from the link's fragment (its share-link format).

    >>> ui_link("http://127.0.0.1:7878", "ASK {}")
    'http://127.0.0.1:7878/#query=ASK+%7B%7D&endpoint=http%3A%2F%2F127.0.0.1%3A7878%2Fquery&requestMethod=POST&outputFormat=table'
    """
    base = base_url.rstrip("/")
    fragment = urllib.parse.urlencode(
        {"query": sparql, "endpoint": f"{base}/query", "requestMethod": "POST", "outputFormat": "table"})
    return f"{base}/#{fragment}"


class OxigraphServer:
    """An ``oxigraph serve`` process on loopback for the store at ``location`` (``None``: in memory).

    Use it as a context manager; ``start`` returns once the server answers a query. A store
    directory is locked while a read-write server holds it; ``read_only`` leaves it usable.
    """

    def __init__(self, location: str | Path | None = None, *, port: int | None = None,
                 read_only: bool = False, startup_timeout: float = 30.0) -> None:
        self.location = Path(location) if location is not None else None
        self.port = port or free_port()
        self.read_only = read_only
        self.startup_timeout = startup_timeout
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def graph_store_url(self) -> str:
        return f"{self.url}/store"

    def command(self) -> list[str]:
        mode = "serve-read-only" if self.read_only else "serve"
        command = [oxigraph_binary(), mode, "--bind", f"{HOST}:{self.port}", "--union-default-graph"]
        if self.location is not None:
            command[2:2] = ["--location", str(self.location)]
        elif self.read_only:
            raise StoreError("a read-only server needs a store directory")
        return command

    def start(self) -> OxigraphServer:
        if self.location is not None and self.read_only and not self.location.is_dir():
            raise StoreError(f"no store at {self.location}")
        self._process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                err = self._process.stderr.read().decode("utf-8", "replace") if self._process.stderr else ""
                self._process = None
                raise StoreError(f"the Oxigraph server stopped at start: {' '.join(err.split())[-300:]}")
            try:
                with urllib.request.urlopen(f"{self.query_url}?{_READY_QUERY}", timeout=2) as answer:
                    answer.read()
                return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise StoreError(f"the Oxigraph server did not answer on {self.url} in {self.startup_timeout:.0f} s")

    def wait(self) -> int:
        """Block until the server exits; its exit code."""
        if self._process is None:
            return 0
        return self._process.wait()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()


__all__ = ["OxigraphServer", "oxigraph_binary", "free_port", "ui_link", "HOST"]
