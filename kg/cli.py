"""The ``kg`` command: a thin wrapper over ``kg.build``, ``kg.queries`` and ``kg.validate``.

Exit codes: 0 done, 1 something failed (bad input skipped, violations, failed checks),
2 bad usage or unreadable input. Errors are one line on stderr, never a traceback
(set ``KG_DEBUG=1`` to get one).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from kg import queries
from kg.queries import FORMATS, QueryError
from kg.store import DUMP_EXTENSIONS, OxigraphStore, StoreError, read_rdf

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
        description="Read .txt articles (files or folders; NAME.meta.json sidecars give title, publisher, "
        "published, url), extract who asserts or denies what, validate the graph, and store it: each "
        "article's named graph is replaced. One line is printed per bad input, and the rest are built. "
        "Nothing is stored if the batch has violations.")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt file or folder of .txt files")
    b.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=store_help)
    b.add_argument("--out", type=Path, metavar="FILE",
                   help=f"also write the whole store to FILE ({', '.join(DUMP_EXTENSIONS)})")
    b.add_argument("--model", metavar="NAME", help="spaCy model name (default: the extractor's)")
    b.add_argument("--gazetteer", type=Path, metavar="FILE", help="extra actor gazetteer (TSV)")
    b.add_argument("--strict", action="store_true", help="build nothing if any input is bad")
    b.add_argument("--quiet", action="store_true", help="print only problems, not the summary")
    b.set_defaults(run=_build)

    q = commands.add_parser(
        "query", help="run a saved query (or a .rq file) on the store",
        description="Run a saved query by NAME (see `kg queries`) or a SPARQL file FILE.rq over the union of "
        "the store's graphs. Parameters are bound as values, never pasted into the query.")
    q.add_argument("query", metavar="NAME|FILE.rq", help="saved query name or path to a .rq file")
    q.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR", help=store_help)
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
        "validate", help="check the store or an RDF file against the shapes and checks",
        description="Validate the store (or FILE: .trig, .nq, .ttl, .nt, .jsonld) against the SHACL shapes "
        "and run every *-violation check. Exit 0 if it conforms, 1 on violations, 2 on bad usage or input.")
    where = v.add_mutually_exclusive_group()
    where.add_argument("--store", type=Path, metavar="DIR", help=store_help)
    where.add_argument("file", nargs="?", type=Path, metavar="FILE", help="RDF file to validate instead")
    v.set_defaults(run=_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (the console script exits with it)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # --help, or a usage error already printed
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        code: int = args.run(args)
        return code
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
    from kg.build import build
    from kg.extract import Extractor  # imported late: loading the extractor is slow

    if args.out is not None and args.out.suffix.lower() not in DUMP_EXTENSIONS:
        raise UsageError(f"--out {args.out}: use one of {', '.join(DUMP_EXTENSIONS)}")
    if args.gazetteer is not None and not args.gazetteer.is_file():
        raise UsageError(f"--gazetteer {args.gazetteer}: no such file")
    extractor = Extractor(model=args.model, gazetteer=str(args.gazetteer) if args.gazetteer else None)
    with _open(args.store, read_only=False) as store:
        summary = build(args.inputs, store, extractor=extractor, out=args.out, strict=args.strict)
    for problem in summary.skipped:
        _warn(f"skipped {problem}")
    if summary.violations:
        if summary.report is not None and not summary.report.conforms:
            print(summary.report.text(), file=sys.stderr)
        for finding in summary.findings:
            print(f"Check {finding}", file=sys.stderr)
        _warn(f"nothing stored: the batch has {summary.violations} violation(s)")
    elif args.strict and summary.skipped:
        _warn(f"nothing stored (--strict and {len(summary.skipped)} bad input(s))")
    if not args.quiet:
        print(summary.text())
    return 0 if summary.ok else 1


def _warn(message: str) -> None:
    print(f"{PROG} build: {message}", file=sys.stderr)


def _query(args: argparse.Namespace) -> int:
    query = queries.resolve(args.query)
    values = queries.parse_assignments(args.param)
    with _open(args.store, read_only=True) as store:
        text = queries.format_results(queries.run(store, query, values), args.format)
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
    from kg.validate import validate

    if args.file is not None:
        data = read_rdf(args.file)
        report, findings = validate(data), queries.checks(OxigraphStore.of(data))
        what = str(args.file)
    else:
        path = args.store or DEFAULT_STORE
        with _open(path, read_only=True) as store:
            report, findings = validate(store.dataset()), queries.checks(store)
        what = str(path)
    print(f"SHACL ({what}):")
    print(report.text())
    print(f"Checks: {len(findings)} finding(s)")
    for finding in findings:
        print(f"  {finding}")
    ok = report.conforms and not findings
    print(f"{what}: {'conforms' if ok else 'does not conform'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
