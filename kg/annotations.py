"""Validation results as GitHub Actions workflow commands, which GitHub shows on the files of a
pull request and in the run's summary:

    ::error file=graphs/week1.trig,line=12,title=SHACL cg:claim (MinCount)::id:statement/… Less than 1 values

Format: https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
(``error``, ``warning`` and ``notice`` with the ``file``, ``line`` and ``title`` properties).
The runner reads one command per line, so values are percent-escaped as it expects: ``%``,
CR and LF in the message, and ``:`` and ``,`` as well in property values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.namespace import compact
from kg.queries import Finding
from kg.validate import ValidationReport, Violation

# SHACL severities (sh:Violation, sh:Warning, sh:Info) to the runner's annotation levels.
LEVELS = {"Violation": "error", "Warning": "warning", "Info": "notice"}

_DECLARED = re.compile(
    r"""(?:@prefix|\bPREFIX)\s+(?P<p1>[A-Za-z][\w.-]*)?:\s*<(?P<ns1>[^>\s]*)>"""  # Turtle, TriG, SPARQL
    r"""|"(?P<p2>[A-Za-z][\w.-]*)"\s*:\s*"(?P<ns2>https?://[^"\s]*)\"""",  # a JSON-LD @context entry
    re.IGNORECASE,
)
# Characters a Turtle local name must escape with a backslash (PN_LOCAL_ESC), as serialisers write them.
_LOCAL_ESCAPES = str.maketrans({c: "\\" + c for c in "~!$&'()*+,;=/?#@%"})


def command(level: str, message: str, *, file: str | None = None, line: int | None = None,
            title: str | None = None) -> str:
    """One workflow command: ``::LEVEL file=…,line=…,title=…::MESSAGE`` (empty properties left out).

    >>> command("error", "50% off\\nnow", file="a,b.trig", line=3, title="x: y")
    '::error file=a%2Cb.trig,line=3,title=x%3A y::50%25 off%0Anow'
    """
    props = [f"{key}={_escape(value, prop=True)}" for key, value in
             (("file", file), ("line", None if line is None else str(line)), ("title", title)) if value]
    return f"::{level}{' ' + ','.join(props) if props else ''}::{_escape(message)}"


def annotate(report: ValidationReport, findings: Sequence[Finding], *, file: str | None = None,
                text: str | None = None) -> list[str]:
    """A command per SHACL result and per check finding. Given the file's ``text``, each names the
    line where its focus node is first described (see ``locate``)."""
    out = []
    for v in report.violations:
        out.append(command(LEVELS.get(v.severity, "error"), _message(v), file=file,
                           line=locate(text, v.focus) if text else None, title=_title(v)))
    for f in findings:
        message = f"{compact(f.focus)}: {f.message}" if f.focus else f.message
        line = locate(text, f.focus) if text and f.focus else None
        out.append(command("error", message, file=file, line=line, title=f"Check {f.check}"))
    return out


def locate(text: str, iri: str) -> int | None:
    """The number (from 1) of the first line of ``text`` that starts with ``iri``, else of the first
    line that mentions it; ``None`` when none does.

    The IRI is looked for as ``<IRI>``, as a JSON string ``"IRI"``, and as a prefixed name with the
    prefixes the text declares (Turtle, TriG, SPARQL or a JSON-LD context), escaped or not.
    Blank nodes have no name that survives parsing, so they are never found.

    >>> locate('@prefix id: <https://x/id/> .\\n<https://x/a> id:p id:s\\\\/1 .\\nid:s\\\\/1 id:p 1 .',
    ...        "https://x/id/s/1")
    3
    """
    pattern = _mentions(text, iri)
    first = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = pattern.search(line)
        if match is None:
            continue
        if not line[: match.start()].strip():
            return number
        if first is None:
            first = number
    return first


def _mentions(text: str, iri: str) -> re.Pattern[str]:
    forms = [re.escape(f"<{iri}>"), re.escape(f'"{iri}"')]
    for m in _DECLARED.finditer(text):
        prefix, ns = m["p1"] or m["p2"] or "", m["ns1"] if m["ns1"] is not None else m["ns2"]
        if ns and iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns):]
            for name in {f"{prefix}:{local}", f"{prefix}:{local.translate(_LOCAL_ESCAPES)}"}:
                # Not inside a longer name: id:s\/1 must not match id:s\/10.
                forms.append(rf"(?<![\w:\\/-]){re.escape(name)}(?![\w\\:/-]|\.\w)")
    return re.compile("|".join(forms))


def _title(v: Violation) -> str:
    component = v.component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    where = compact(v.path.removeprefix("^")) if v.path else compact(v.shape)
    return f"SHACL {'^' if v.path and v.path.startswith('^') else ''}{where} ({component or v.severity})"


def _message(v: Violation) -> str:
    value = f" [value: {compact(v.value)}]" if v.value is not None and v.value != v.focus else ""
    return f"{compact(v.focus)}: {v.message}{value}"


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


__all__ = ["LEVELS", "command", "annotate", "locate"]
