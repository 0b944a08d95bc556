"""Saved SPARQL queries: find them, read their headers, bind their parameters, format their answers.

A saved query is a ``.rq`` file in ``queries/`` (reached through ``kg.assets``); its file
name is its name. Its first lines are a header in the style of grlc:

    #+ summary: Which claims are asserted by one side and denied by another?
    #+ param: actor (string) — an actor's label or alias, matched case-insensitively
    #+ param: claim (iri-or-string, optional) — a claim IRI or a fragment of its text

The header is the run of lines at the top of the file that start with ``#+``. Exactly
these keys are allowed: ``summary:`` (at most one line; saved queries must have one) and
``param:`` (one line per parameter, ``NAME (KIND[, optional]) — DESCRIPTION``; the dash
is an em dash ``—`` or ``--``). Parameters are required unless marked ``optional``.

Parameters are SPARQL variables (``?actor``) bound at run time through pyoxigraph's
``substitutions=`` (SEP-0007), never pasted into the text; a bound variable must appear
in the SELECT clause. The binding rule, by KIND:

* ``string`` — the value is always a plain literal, whatever it looks like.
* ``iri`` — the value must be an IRI: ``<…>``, an absolute ``http:``/``https:``/``urn:``
  IRI, or a prefixed name with a prefix of ``kg.namespace.PREFIXES`` (``id:claim/c-drones``).
* ``iri-or-string`` — an IRI when it is written as one of those forms, else a plain literal.

Queries named ``*-violation`` are checks (as in the Ontology Development Kit): they
return one row per problem, with columns ``?focus`` and ``?message``, and none on good data.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.assets import queries_dir
from kg.namespace import PREFIXES
from kg.store import Binding, QueryResult, Store

KINDS = ("string", "iri", "iri-or-string")
FORMATS = ("table", "csv", "tsv", "json")
VIOLATION_SUFFIX = "-violation"

_HEADER_LINE = re.compile(r"#\+\s*(?P<key>[A-Za-z_-]+)\s*:\s*(?P<value>.*?)\s*$")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(?P<kind>[a-z-]+)\s*(?P<optional>,\s*optional\s*)?\)"
    r"\s*(?:—|--)\s*(?P<description>\S.*)"
)
_ABSOLUTE_IRI = re.compile(r"(?:https?://|urn:)\S+")
_PREFIXED = re.compile(r"(?P<prefix>[A-Za-z][A-Za-z0-9_-]*):(?P<local>\S*)")
_CELL_WIDTH = 60


class QueryError(Exception):
    """A saved query cannot be found, read or run as asked (the message says why, in one line)."""


class ParamError(QueryError):
    """A parameter is unknown, missing, or not a value of its kind."""


@dataclass(frozen=True)
class Param:
    name: str
    kind: str = "string"
    required: bool = True
    description: str = ""

    def usage(self) -> str:
        flag = "" if self.required else ", optional"
        return f"{self.name} ({self.kind}{flag}) — {self.description}"


@dataclass(frozen=True)
class SavedQuery:
    name: str
    summary: str
    params: tuple[Param, ...]
    text: str

    @property
    def is_check(self) -> bool:
        return self.name.endswith(VIOLATION_SUFFIX)


@dataclass(frozen=True)
class Finding:
    """One row of a ``*-violation`` check."""

    check: str
    focus: str
    message: str

    def __str__(self) -> str:
        return f"{self.check}: {self.focus}: {self.message}"


def parse(text: str, name: str) -> SavedQuery:
    """Read the ``#+`` header of a query's text (see the module docstring for the format)."""
    summary = ""
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#+"):
            break
        match = _HEADER_LINE.fullmatch(stripped)
        if match is None:
            raise QueryError(f"{name}.rq line {number}: expected '#+ KEY: VALUE', got {stripped!r}")
        key, value = match["key"], match["value"]
        if key == "summary":
            if summary:
                raise QueryError(f"{name}.rq line {number}: a second '#+ summary:' line")
            summary = value
        elif key == "param":
            params.append(_parse_param(value, f"{name}.rq line {number}"))
        else:
            raise QueryError(f"{name}.rq line {number}: unknown header key {key!r} (summary, param)")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{name}.rq: a parameter is declared twice: {', '.join(names)}")
    return SavedQuery(name, summary, tuple(params), text)


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.fullmatch(value)
    if match is None:
        expected = "'#+ param: NAME (KIND[, optional]) — DESCRIPTION'"
        raise QueryError(f"{where}: expected {expected}, got {value!r}")
    if match["kind"] not in KINDS:
        raise QueryError(f"{where}: parameter kind {match['kind']!r} is not one of {', '.join(KINDS)}")
    return Param(match["name"], match["kind"], match["optional"] is None, match["description"])


def saved_queries() -> list[SavedQuery]:
    """Every saved query shipped with the package, by name."""
    folder = queries_dir()
    found = [parse(f.read_text(encoding="utf-8"), f.name.removesuffix(".rq"))
             for f in folder.iterdir() if f.name.endswith(".rq")]
    return sorted(found, key=lambda q: q.name)


def resolve(ref: str | Path) -> SavedQuery:
    """The saved query named ``ref``, or the query in the file ``ref`` when it is a path to a ``.rq`` file."""
    text = str(ref)
    if text.endswith(".rq") or "/" in text or isinstance(ref, Path):
        path = Path(ref)
        try:
            return parse(path.read_text(encoding="utf-8"), path.stem)
        except (OSError, UnicodeDecodeError) as err:
            reason = getattr(err, "strerror", None) or err
            raise QueryError(f"cannot read query file {path}: {reason}") from err
    known = {q.name: q for q in saved_queries()}
    if text in known:
        return known[text]
    close = difflib.get_close_matches(text, list(known), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `kg queries` lists them"
    raise QueryError(f"no saved query named {text!r}{hint}")


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``["actor=China", …]`` (from ``--param NAME=VALUE``) as a dict; a name given twice is an error."""
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ParamError(f"--param expects NAME=VALUE, got {item!r}")
        if name in values:
            raise ParamError(f"parameter {name!r} given twice")
        values[name] = value
    return values


def bind(query: SavedQuery, values: Mapping[str, Binding]) -> dict[str, Binding]:
    """The substitutions for ``values``: refuse unknown and missing parameters, convert by kind."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        accepted = ", ".join(declared) or "none"
        raise ParamError(f"query {query.name!r} has no parameter {', '.join(unknown)} (accepted: {accepted})")
    missing = [p.name for p in query.params if p.required and p.name not in values]
    if missing:
        raise ParamError(f"query {query.name!r} needs --param {'=… --param '.join(missing)}=…")
    return {name: _convert(declared[name], value) for name, value in values.items()}


def _convert(param: Param, value: Binding) -> Binding:
    if not isinstance(value, str):
        return value
    iri = _as_iri(value.strip())
    if param.kind == "iri":
        if iri is None:
            raise ParamError(f"parameter {param.name!r} must be an IRI (<…>, http(s)://… or prefix:name), "
                             f"got {value!r}")
        return iri
    if param.kind == "iri-or-string" and iri is not None:
        return iri
    return value


def _as_iri(value: str) -> URIRef | None:
    if value.startswith("<") and value.endswith(">"):
        candidate = value[1:-1]
    elif _ABSOLUTE_IRI.fullmatch(value):
        candidate = value
    elif (m := _PREFIXED.fullmatch(value)) and m["prefix"] in PREFIXES:
        candidate = PREFIXES[m["prefix"]] + m["local"]
    else:
        return None
    try:
        ox.NamedNode(candidate)
    except ValueError:
        return None
    return URIRef(candidate)


def run(store: Store, query: SavedQuery, values: Mapping[str, Binding] | None = None) -> QueryResult:
    """Run ``query`` on ``store`` with its parameters bound; SPARQL errors become ``QueryError``."""
    bindings = bind(query, values or {})
    try:
        return store.query(query.text, bindings)
    except (SyntaxError, ValueError, RuntimeError, OSError) as err:
        raise QueryError(f"query {query.name!r} failed: {err}") from err


def checks(store: Store, extra: Sequence[SavedQuery] = ()) -> list[Finding]:
    """Run every saved ``*-violation`` query, then the ``extra`` ones (a repository's own checks);
    each row is a finding (none on good data)."""
    findings = []
    for query in [*(q for q in saved_queries() if q.is_check), *extra]:
        for row in rows(run(store, query)):
            focus = row.get("focus") or ""
            message = row.get("message") or ", ".join(f"{k}={v}" for k, v in row.items() if v is not None)
            findings.append(Finding(query.name, focus, message))
    return findings


def rows(result: QueryResult) -> list[dict[str, str | None]]:
    """SELECT rows as ``{variable: value}`` with IRIs and literals as plain strings (as in CSV)."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("not a SELECT query")
    names = [v.value for v in result.variables]
    return [{n: _plain(s[n]) for n in names} for s in result]


def _plain(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def format_results(result: QueryResult, fmt: str = "table") -> str:
    """The answer as text: ``table`` for people; ``csv``, ``tsv``, ``json`` in the W3C SPARQL 1.1 formats.

    CONSTRUCT and DESCRIBE answers are Turtle (JSON-LD for ``json``).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if isinstance(result, ox.QueryTriples):
        rdf = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE
        data = ox.serialize(result, format=rdf, prefixes=PREFIXES)
        assert data is not None
        return data.decode("utf-8")
    if fmt == "table":
        if isinstance(result, ox.QueryBoolean):
            return "yes\n" if bool(result) else "no\n"
        return _table(result)
    out = result.serialize(format=_RESULT_FORMATS[fmt])
    assert out is not None  # no output file given: pyoxigraph returns the bytes
    return out.decode("utf-8")


_RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON}


def _table(result: ox.QuerySolutions) -> str:
    names = [v.value for v in result.variables]
    body = [[_cell(s[n]) for n in names] for s in result]
    widths = [max([len(n), *(len(r[i]) for r in body)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    lines.append(f"({len(body)} row{'' if len(body) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = _compact(term.value)
    elif isinstance(term, ox.Literal):
        text = term.value
    else:
        text = str(term)
    # One line per row: newlines inside a value would break the columns.
    text = " ".join(text.split())
    return text if len(text) <= _CELL_WIDTH else text[: _CELL_WIDTH - 1] + "…"


def _compact(iri: str) -> str:
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


__all__ = [
    "SavedQuery", "Param", "Finding", "QueryError", "ParamError", "KINDS", "FORMATS",
    "parse", "saved_queries", "resolve", "parse_assignments", "bind", "run", "checks", "rows",
    "format_results",
]
