"""Binding query parameters for a remote SPARQL server, which has no ``substitutions=``.

The SPARQL 1.1 Protocol carries a query as text, so a bound value has to travel inside it.
It never does as pasted user text: each value becomes one RDF term first (``to_oxigraph``:
an IRI is checked by pyoxigraph's IRI parser, a literal is printed in N-Triples form with
``"``, ``\\``, line breaks escaped), and the terms go into one ``VALUES`` block
(https://www.w3.org/TR/sparql11-query/#inline-data) placed right after the opening brace of
the query's ``WHERE`` group. The rest of the text is left byte for byte as it was, so a value
can only ever be one term in one row: it cannot close the block, the group or the query.

The block joins the outermost group, where the saved queries use their parameters (in its
triple patterns and filters, and in the ``EXISTS``/``OPTIONAL`` parts that see its
bindings); a value is not visible inside a nested sub-``SELECT``. pyoxigraph's
``substitutions=``, used by the embedded store, binds the same variables; the server tests
check that both give the same rows for every saved query.

>>> bind_values("SELECT ?actor ?s WHERE { ?s ?p ?actor }", {"actor": 'x" } DROP ALL #'})
'SELECT ?actor ?s WHERE { VALUES (?actor) { ("x\\\\" } DROP ALL #") } ?s ?p ?actor }'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

import pyoxigraph as ox

from kg.store.protocol import Binding, to_oxigraph

# Tokens of SPARQL text, enough to find the WHERE group: comments, strings and IRIs are
# skipped whole, so a brace or a keyword inside them never counts.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
              | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
              | '(?:[^'\\\r\n]|\\.)*'
              | "(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<name>[^\W\d]\w*(?:[.-]+\w+)*(?::[^\s{}()\[\],;\#<>"'|^`]*)? | :[^\s{}()\[\],;\#<>"'|^`]*)
  | (?P<open>[{(])
  | (?P<close>[})])
  | (?P<other>\S)
  | \s+
    """,
    re.VERBOSE | re.DOTALL,
)
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")


class BindingError(ValueError):
    """The values cannot be bound into this query text (no WHERE group, a value that is no term)."""


def _tokens(sparql: str) -> Iterator[tuple[str, str, int]]:
    for match in _TOKEN.finditer(sparql):
        if match.lastgroup is not None:
            yield match.lastgroup, match.group(), match.start()


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``: the query's form, or None for anything else.

    Read from tokens, so a word in a comment ("drops", "adds") is never taken for an update
    keyword, as SPARQLWrapper's own guess does when two comment lines follow each other.
    """
    for kind, text, _ in _tokens(sparql):
        if kind == "name" and text.upper() not in ("PREFIX", "BASE") and not text.endswith(":"):
            word = text.upper()
            return word if word in _FORMS else None
    return None


def where_group(sparql: str) -> int:
    """The offset of the ``{`` that opens the query's ``WHERE`` group.

    For SELECT, ASK and DESCRIBE it is the first brace outside parentheses (the ``WHERE``
    keyword is optional); for CONSTRUCT, the first one after the ``WHERE`` keyword (the
    template comes before it).
    """
    form = None
    depth = 0
    after_where = False
    for kind, text, start in _tokens(sparql):
        if kind == "name" and depth == 0:
            word = text.upper()
            if form is None and word in _FORMS:
                form = word
            elif word == "WHERE":
                after_where = True
        elif kind == "open":
            if text == "{" and depth == 0 and form is not None and (form != "CONSTRUCT" or after_where):
                return start
            depth += 1
        elif kind == "close":
            depth -= 1
    raise BindingError("the query has no WHERE group to bind parameters in")


def _dataset_position(sparql: str) -> tuple[int, bool, bool]:
    """Where dataset clauses go (before ``WHERE``, else before the WHERE group), whether the query
    has its own ``FROM``, and whether it uses ``GRAPH``."""
    group = where_group(sparql)
    position = group
    has_from = uses_graph = False
    depth = 0
    for kind, text, start in _tokens(sparql):
        if kind == "name":
            word = text.upper()
            if word == "GRAPH":
                uses_graph = True
            elif start < group and depth == 0:
                if word == "FROM":
                    has_from = True
                elif word == "WHERE":
                    position = start
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
    return position, has_from, uses_graph


def with_dataset(sparql: str, graphs: Sequence[str]) -> str:
    """``sparql`` over the union of ``graphs``: ``FROM`` each (and ``FROM NAMED`` if it uses ``GRAPH``).

    A query that names its own dataset (``FROM``) is left as it is. The IRIs are checked.

    >>> print(with_dataset("SELECT * WHERE { ?s ?p ?o }", ["urn:g1", "urn:g2"]))
    SELECT * FROM <urn:g1> FROM <urn:g2>
    WHERE { ?s ?p ?o }
    """
    position, has_from, uses_graph = _dataset_position(sparql)
    if has_from or not graphs:
        return sparql
    try:
        iris = [str(ox.NamedNode(g)) for g in graphs]
    except ValueError as err:
        raise BindingError(f"not a graph IRI: {err}") from err
    clauses = [f"FROM {iri}" for iri in iris]
    if uses_graph:
        clauses += [f"FROM NAMED {iri}" for iri in iris]
    return f"{sparql[:position]}{' '.join(clauses)}\n{sparql[position:]}"


def values_block(bindings: Mapping[str, Binding]) -> str:
    """``VALUES (?a ?b) { (term term) }``: each value as one escaped RDF term."""
    names, terms = [], []
    for name, value in bindings.items():
        if not _VARIABLE.fullmatch(name):
            raise BindingError(f"not a variable name: {name!r}")
        try:
            term = to_oxigraph(value)
        except (TypeError, ValueError) as err:
            raise BindingError(f"cannot bind ?{name}: {err}") from err
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise BindingError(f"cannot bind ?{name} to {term}: only IRIs and literals go in VALUES")
        names.append(f"?{name}")
        terms.append(str(term))  # N-Triples form: checked and escaped by pyoxigraph
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def bind_values(sparql: str, bindings: Mapping[str, Binding]) -> str:
    """``sparql`` with ``bindings`` as a ``VALUES`` block opening its WHERE group (see the module doc)."""
    if not bindings:
        return sparql
    brace = where_group(sparql) + 1
    return f"{sparql[:brace]} {values_block(bindings)}{sparql[brace:]}"


def declared_prefixes(sparql: str) -> set[str]:
    """The prefix names the query's own ``PREFIX`` declarations define."""
    declared = set()
    expect_name = False
    for kind, text, _ in _tokens(sparql):
        if kind == "name" and text.upper() == "PREFIX":
            expect_name = True
        elif expect_name:
            if kind == "name" and text.endswith(":"):
                declared.add(text[:-1])
            expect_name = False
    return declared


def with_prefixes(sparql: str, prefixes: Mapping[str, str]) -> str:
    """``sparql`` with ``PREFIX`` lines for those of ``prefixes`` it uses but does not declare.

    The embedded store passes the same map to pyoxigraph (``prefixes=``), so a query file may
    use ``cg:`` and the others without declaring them, on either store.
    """
    declared = declared_prefixes(sparql)
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in prefixes.items() if p not in declared]
    return "\n".join([*missing, sparql]) if missing else sparql


__all__ = [
    "BindingError", "bind_values", "query_form", "values_block", "where_group", "declared_prefixes",
    "with_prefixes", "with_dataset",
]
