"""The ``kg`` command: a thin wrapper over ``kg.build``, ``kg.queries`` and ``kg.validate``.

Exit codes: 0 done, 1 something failed (bad input skipped, violations, failed checks),
2 bad usage or unreadable input. Errors are one line on stderr, never a traceback
(set ``KG_DEBUG=1`` to get one).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from kg import queries
from kg.articles import MAX_BYTES, PAGE_FACTOR
from kg.progress import Progress
from kg.queries import FORMATS, QueryError
from kg.store import (
    DUMP_EXTENSIONS,
    EndpointError,
    EndpointStore,
    OxigraphStore,
    Store,
    StoreBusy,
    StoreError,
    read_rdf,
)

if TYPE_CHECKING:
    from kg.validate import ValidationReport  # imported late at run time: pySHACL is slow to load

DEFAULT_STORE = Path(".kg") / "store"
PROG = "kg"


class UsageError(Exception):
    """Bad arguments or input: exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the whole usage first; one line is the contract.
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Turn news articles into a validated RDF knowledge graph of "
                     "who asserts or denies what, and query it.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)
    store_help = f"store directory (default: {DEFAULT_STORE} in the current directory)"

    b = commands.add_parser(
        "build", help="extract statements from articles into the store",
        description="Read .txt articles and saved .html/.htm pages (files or folders; the article text of "
        "a page is extracted from it, its metadata read from its tags; NAME.meta.json sidecars give or "
        "override title, publisher, published, url), extract who asserts or denies what, validate the "
        "graph, and store it: each article's named graph is replaced. One line is printed per bad input, "
        "and the rest are built. Articles are validated and stored 250 at a time; a chunk with violations "
        "is not stored. An article stored before from the same text, metadata and extractor is not read "
        "again (--force reads it).",
        epilog="Exit codes: 0 every input built or unchanged; 1 an input was skipped (bad or unreadable), "
        "a chunk had violations (its articles not stored), or --strict stopped at a bad input (nothing "
        "stored); 2 bad usage. "
        "What bad input was tried, and what happens to it: docs/robustness.md.")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt or .html file, or folder of them")
    b.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=store_help)
    b.add_argument("--out", type=Path, metavar="FILE",
                   help=f"also write the whole store to FILE ({', '.join(DUMP_EXTENSIONS)})")
    b.add_argument("--model", metavar="NAME", help="spaCy model name (default: the extractor's)")
    b.add_argument("--gazetteer", type=Path, metavar="FILE", help="extra actor gazetteer (TSV)")
    b.add_argument("--strict", action="store_true",
                   help="stop at the first bad input: store nothing and exit 1")
    b.add_argument("--workers", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="processes reading articles (default: the cores, %(default)s), also with --dask "
                   "local; the statements are the same for any N, only faster")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="read the articles on a Dask cluster: its scheduler (tcp://HOST:8786), or local to "
                   "start one of --workers processes on this machine; needs the dask extra (docs/scale.md)")
    b.add_argument("--force", action="store_true",
                   help="read every article again, even those stored unchanged (same text, metadata and "
                   "extractor); by default they are skipped")
    b.add_argument("--max-size", type=float, default=MAX_BYTES / 1e6, metavar="MB",
                   help=f"largest article text in megabytes; larger files are skipped (default: "
                   f"{MAX_BYTES / 1e6:g}, some 45 s of parsing; a saved page may be {PAGE_FACTOR} "
                   "times that)")
    b.add_argument("--quiet", action="store_true",
                   help="print only problems: no progress bar (drawn only on a terminal), no summary")
    b.set_defaults(run=_build)

    q = commands.add_parser(
        "query", help="run a saved query (or a .rq file) on the store",
        description="Run a saved query by NAME (see `kg queries`) or a SPARQL file FILE.rq over the union of "
        "the store's graphs. Parameters are bound as values, never pasted into the query.")
    q.add_argument("query", metavar="NAME|FILE.rq", help="saved query name or path to a .rq file")
    q.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=store_help)
    q.add_argument("--endpoint", metavar="URL",
                   help="run it on this SPARQL 1.1 query endpoint instead (see docs/endpoints.md)")
    q.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a query parameter (repeatable)")
    q.add_argument("--format", "-f", choices=FORMATS, default="table",
                   help="table for people; csv, tsv, json in the W3C SPARQL 1.1 result formats "
                   "(default: table)")
    q.set_defaults(run=_query)

    ls = commands.add_parser(
        "queries", help="list the saved queries and their parameters",
        description="List each saved query, the question it answers and its parameters. Queries named "
        "*-violation are checks that must return no rows.")
    ls.set_defaults(run=_queries)

    v = commands.add_parser(
        "validate", help="check the store or RDF files against the shapes and checks",
        description="Validate the store (or each FILE: .trig, .nq, .ttl, .nt, .jsonld) against the SHACL "
        "shapes and run every *-violation check. Exit 0 if all conform, 1 on violations, 2 on bad usage "
        "or input. --format github prints GitHub Actions annotations (see docs/ci.md).")
    where = v.add_mutually_exclusive_group()
    where.add_argument("--store", type=Path, metavar="DIR", help=store_help)
    where.add_argument("files", nargs="*", default=[], type=Path, metavar="FILE",
                       help="RDF file(s) to validate instead")
    v.add_argument("--check", action="append", default=[], type=Path, metavar="FILE.rq",
                   help="also run this check query: each row it returns is a finding (repeatable)")
    v.add_argument("--format", "-f", choices=("text", "github"), default="text",
                   help="text for people; github for workflow-command annotations (default: text)")
    v.add_argument("--quiet", action="store_true",
                   help="print only what does not conform: no progress bar, nothing for good input")
    v.set_defaults(run=_validate)

    d = commands.add_parser(
        "docs", help="generate the reference pages (ontology, saved queries) from the code",
        description="Write DIR/ontology.md from ontology/claims.ttl and DIR/queries/NAME.md for each saved "
        "query: its question, parameters and text, and its answer on the seed articles, which are built "
        "into a temporary store. The pages are generated, so edit the sources and run this again.")
    d.add_argument("--out", type=Path, default=Path("docs"), metavar="DIR",
                   help="where to write the pages (default: docs)")
    d.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                   help="the seed articles for the example answers (default: seeds)")
    d.add_argument("--model", metavar="NAME", help="spaCy model name (default: the extractor's)")
    d.add_argument("--quiet", action="store_true", help="no progress bar and no closing line")
    d.set_defaults(run=_docs)

    r = commands.add_parser(
        "report", help="write an HTML report of the contested claims, stances and accusations",
        description="Write one self-contained HTML page (no network needed): the contested claims with who "
        "asserts and who denies them, each statement with its evidence sentence and article; an actors × "
        "claims stance matrix; a picture of who makes claims about whom; every statement; filters by actor "
        "and date. Drawn from the saved queries contested-claims, statements and accusations-network.")
    r.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=store_help)
    r.add_argument("--out", type=Path, required=True, metavar="FILE.html",
                   help="where to write the page (replaced whole, never left half-written)")
    r.set_defaults(run=_report)
    _server_commands(commands, store_help)
    return parser


def _server_commands(commands: argparse._SubParsersAction[_Parser], store_help: str) -> None:
    lo = commands.add_parser(
        "load", help="load the store (or a dataset file) into a SPARQL 1.1 server",
        description="Validate the store (or FILE: .trig, .nq, .jsonld) against the shapes and checks, then "
        "replace each of its named graphs on the server: a Graph Store Protocol PUT per graph, or SPARQL "
        "Update (DROP + INSERT DATA) if there is no graph store or it does not answer PUT. Loading again "
        "replaces, never duplicates. Nothing is sent if the data has violations (exit 1). Credentials come "
        "from KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD or ~/.netrc, never from the command line. "
        "Endpoint URLs for Oxigraph, Virtuoso, Fuseki, GraphDB: docs/endpoints.md.")
    source = lo.add_mutually_exclusive_group()
    source.add_argument("--store", type=Path, metavar="DIR", help=store_help)
    source.add_argument("file", nargs="?", type=Path, metavar="FILE", help="RDF dataset file to load instead")
    lo.add_argument("--endpoint", required=True, metavar="URL", help="the server's SPARQL query endpoint")
    lo.add_argument("--graph-store", metavar="URL",
                    help="its Graph Store Protocol service (PUT URL?graph=IRI); without it, SPARQL Update")
    lo.add_argument("--update", metavar="URL", help="its SPARQL Update endpoint (default: --endpoint)")
    lo.set_defaults(run=_load)

    se = commands.add_parser(
        "serve", help="serve the store over SPARQL 1.1 with a browser query page",
        description="Run the Oxigraph server (PyPI package oxigraph) on the store, read-only, on 127.0.0.1: "
        "SPARQL queries at /query over the union of the graphs, a YASGUI query page at / (works offline). "
        "Ctrl-C stops it. It answers from the store as it was when it started: restart it after `kg build`.")
    se.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=store_help)
    se.add_argument("--port", type=int, default=7878, metavar="N", help="port on 127.0.0.1 (default: 7878; "
                    "0 picks a free one)")
    se.add_argument("--query", metavar="NAME", help="also print a link opening the page on this saved query")
    se.set_defaults(run=_serve)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (the console script exits with it)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # --help, or a usage error already printed
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        code: int = args.run(args)
        return code
    except (EndpointError, StoreBusy) as err:  # the server failed, or another writer: not a usage error
        return _fail(args.command, str(err), 1)
    except (UsageError, StoreError, QueryError) as err:
        return _fail(args.command, str(err), 2)
    except BrokenPipeError:
        # `kg query … | head`: the reader left; not an error worth a message.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        if os.environ.get("KG_DEBUG"):
            raise
        return _fail(args.command, f"{type(err).__name__}: {err} (KG_DEBUG=1 shows a traceback)", 1)


def _fail(command: str, message: str, code: int) -> int:
    print(f"{PROG} {command}: error: {' '.join(message.split())}", file=sys.stderr)
    return code


def _open(path: Path, *, read_only: bool) -> OxigraphStore:
    if read_only and not path.is_dir():
        raise UsageError(f"no store at {path} (run `kg build` first, or pass --store DIR)")
    return OxigraphStore(path, read_only=read_only)


def _build(args: argparse.Namespace) -> int:
    if args.out is not None and args.out.suffix.lower() not in DUMP_EXTENSIONS:
        raise UsageError(f"--out {args.out}: use one of {', '.join(DUMP_EXTENSIONS)}")
    if args.gazetteer is not None and not args.gazetteer.is_file():
        raise UsageError(f"--gazetteer {args.gazetteer}: no such file")
    if args.workers < 1:
        raise UsageError(f"--workers {args.workers}: give 1 or more processes")
    if not 0 < args.max_size < float("inf"):
        raise UsageError(f"--max-size {args.max_size:g}: give a size in megabytes above 0")
    max_bytes = int(args.max_size * 1e6)
    cluster: Any = contextlib.nullcontext()  # its client: None, read here
    cluster_failures: tuple[type[Exception], ...] = ()
    if args.dask is not None:
        try:  # the optional extra: a missing one is said before anything is opened
            from kg.extract import distributed
        except ImportError as err:
            return _fail(args.command, str(err), 1)
        cluster = distributed.connect(args.dask, workers=args.workers)
        cluster_failures = (distributed.ClusterError, distributed.ReadError)
    created = not args.store.exists()  # removed again if the cluster fails before an article is stored
    try:
        # The store (and its writer lock) first: a second build is refused before the slow imports.
        with _open(args.store, read_only=False) as store, cluster as client:
            from kg.build import build
            from kg.extract import Extractor  # imported late: loading the extractor is slow

            extractor = Extractor(model=args.model, gazetteer=str(args.gazetteer) if args.gazetteer else None)
            with Progress(f"{PROG} build", enabled=not args.quiet) as bar:
                summary = build(args.inputs, store, extractor=extractor, out=args.out, strict=args.strict,
                                progress=bar, max_bytes=max_bytes, workers=args.workers, client=client,
                                force=args.force)
    except cluster_failures as err:  # unreachable scheduler, an article that failed: nothing stored
        if created:  # a mistyped address leaves no empty store behind
            _remove_if_empty(args.store)
        return _fail(args.command, str(err), 1)
    for problem in summary.skipped:
        _warn(f"{'stopped at' if args.strict else 'skipped'} {problem}")
    if summary.violations:
        if summary.report is not None and not summary.report.conforms:
            print(summary.report.text(), file=sys.stderr)
        for finding in summary.findings:
            print(f"Check {finding}", file=sys.stderr)
        stored = f"the other {len(summary.built)} stored" if summary.built else "nothing stored"
        failed = len(summary.failed)
        _warn(f"{failed} article(s) not stored ({summary.violations} violation(s) in their chunk); {stored}")
    elif args.strict and summary.skipped:
        _warn("nothing stored (--strict stops at the first bad input)")
    if not args.quiet:
        print(summary.text())
    return 0 if summary.ok else 1


def _remove_if_empty(path: Path) -> None:
    with OxigraphStore(path, read_only=True) as store:
        empty = not store.graph_names()
    if empty:
        shutil.rmtree(path, ignore_errors=True)


def _warn(message: str) -> None:
    print(f"{PROG} build: {message}", file=sys.stderr)


def _query(args: argparse.Namespace) -> int:
    query = queries.resolve(args.query)
    values = queries.parse_assignments(args.param)
    store: Store = EndpointStore(args.endpoint) if args.endpoint else _open(args.store, read_only=True)
    try:
        text = queries.format_results(queries.run(store, query, values), args.format)
    finally:
        store.close()
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0


def _queries(args: argparse.Namespace) -> int:
    for query in queries.saved_queries():
        kind = "  [check: must return no rows]" if query.is_check else ""
        print(f"{query.name}{kind}\n    {query.summary}")
        for param in query.params:
            print(f"    --param {param.usage()}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from kg.annotations import annotate, command

    extra = [queries.resolve(path) for path in args.check]
    targets: list[Path | None] = list(args.files) or [None]  # None: the store
    github = args.format == "github"
    code = 0
    with Progress(f"{PROG} validate", enabled=not args.quiet) as bar:
        bar.start(len(targets))
        for target in bar.track(targets, lambda t: str(t or args.store or DEFAULT_STORE)):
            try:
                what, report, findings = _validate_one(target, args.store, extra)
            except (UsageError, StoreError, QueryError) as err:
                bar.close()  # cleared before printing; the next step draws it again
                if github:
                    where = str(target) if target else None
                    print(command("error", str(err), file=where, title=f"{PROG} validate"))
                code = _fail(args.command, str(err), 2)
                continue
            ok = report.conforms and not findings
            code = max(code, 0 if ok else 1)
            bar.close()
            if ok and args.quiet:
                continue
            if github:
                text = target.read_text(encoding="utf-8", errors="replace") if target else None
                for line in annotate(report, findings, file=what if target else None, text=text):
                    print(line)
            else:
                print(f"SHACL ({what}):")
                print(report.text())
                print(f"Checks: {len(findings)} finding(s)")
                for finding in findings:
                    print(f"  {finding}")
            print(f"{what}: {'conforms' if ok else 'does not conform'}")
    return code


def _validate_one(target: Path | None, store_path: Path | None, extra: list[queries.SavedQuery]
                  ) -> tuple[str, ValidationReport, list[queries.Finding]]:
    """Validate the file ``target``, or the store when it is ``None``: (what, report, findings)."""
    from kg.validate import validate

    if target is not None:
        data = read_rdf(target)
        return str(target), validate(data), queries.checks(OxigraphStore.of(data), extra)
    from concurrent.futures import ThreadPoolExecutor

    from kg.validate import validate_store

    path = store_path or DEFAULT_STORE
    with _open(path, read_only=True) as store, ThreadPoolExecutor(1) as pool:
        # The checks run beside the shapes: pyoxigraph releases the GIL while a query runs.
        findings = pool.submit(queries.checks, store, extra)
        return str(path), validate_store(store), findings.result()


def _docs(args: argparse.Namespace) -> int:
    from kg import docs
    from kg.extract import Extractor  # imported late: loading the extractor is slow

    if not args.seeds.is_dir():
        raise UsageError(f"--seeds {args.seeds}: no such folder (run in the repository or pass --seeds DIR)")
    with Progress(f"{PROG} docs", enabled=not args.quiet) as bar:
        written = docs.write(args.out, docs.generate(args.seeds, extractor=Extractor(model=args.model),
                                                     progress=bar))
    if not args.quiet:
        print(f"{len(written)} page(s) written to {args.out}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from kg.report import ReportError, write_report

    if args.out.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"--out {args.out}: the report is an .html file")
    if not args.out.parent.is_dir():
        raise UsageError(f"--out {args.out}: no such folder {args.out.parent}")
    with _open(args.store, read_only=True) as store:
        try:
            summary = write_report(store, args.out)
        except ReportError as err:
            return _fail(args.command, str(err), 1)
    print(summary.text())
    return 0


def _load(args: argparse.Namespace) -> int:
    from kg.load import load, open_source

    endpoint = EndpointStore(args.endpoint, update_url=args.update, graph_store_url=args.graph_store)
    if args.file is not None:
        source = open_source(args.file, is_store=False)
    else:
        source = _open(args.store or DEFAULT_STORE, read_only=True)
    with source:
        summary = load(source, endpoint)
    if not summary.ok:
        if not summary.report.conforms:
            print(summary.report.text(), file=sys.stderr)
        for finding in summary.findings:
            print(f"Check {finding}", file=sys.stderr)
        print(f"{PROG} load: {summary.text()}", file=sys.stderr)
        return 1
    print(summary.text())
    return 0


def _serve(args: argparse.Namespace) -> int:
    import signal

    from kg.serve import OxigraphServer, ui_link

    if not args.store.is_dir():
        raise UsageError(f"no store at {args.store} (run `kg build` first, or pass --store DIR)")
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: not a TCP port")
    linked = queries.resolve(args.query) if args.query else None
    if linked is not None and any(p.required for p in linked.params):
        raise UsageError(f"--query {linked.name}: it needs parameters, which the query page cannot bind")

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    with OxigraphServer(args.store, port=args.port or None, read_only=True) as server:
        print(f"Serving {args.store} read-only at {server.url}/ (SPARQL endpoint {server.query_url}); "
              "Ctrl-C stops it.", flush=True)
        if linked is not None:
            print(f"{linked.name}: {ui_link(server.url, linked.text)}", flush=True)
        try:
            code = server.wait()
        except KeyboardInterrupt:
            return 0
    print(f"{PROG} serve: the server stopped (exit {code})", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
