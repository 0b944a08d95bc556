"""The report for people: one self-contained HTML page of what the graph says.

It lists the contested claims with who asserts and who denies them, each statement with its
evidence sentence and article; an actors × claims stance matrix; a picture of who makes claims
about whom; and every statement. The data are the answers of the saved queries
``contested-claims``, ``statements`` and ``accusations-network``. The page needs no network
(inline CSS, script and SVG; its Content-Security-Policy forbids loading anything), and its
small script filters by actor and date (``report.html#actor=China&from=2024-01-01`` presets them).
Every text from the graph is escaped: article text is untrusted.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg import queries
from kg.assets import report_text
from kg.network import Edge, network_svg
from kg.store import Store

Row = dict[str, str | None]

CONTESTED, STATEMENTS, NETWORK = "contested-claims", "statements", "accusations-network"
TITLE = "Who asserts and who denies what"
MATRIX_CLAIMS = 24  # columns of the stance matrix: contested claims first, then claims with most speakers
_SEPARATOR = "; "  # how contested-claims joins the labels of a claim's sides and speakers
_STANCE = {"assert": "asserts", "deny": "denies"}


class ReportError(Exception):
    """The report cannot be written (the message says why, in one line)."""


@dataclass(frozen=True)
class ReportData:
    """The rows of the three saved queries the report is drawn from."""

    contested: tuple[Row, ...]
    statements: tuple[Row, ...]
    network: tuple[Row, ...]


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    contested: int
    statements: int
    edges: int

    def text(self) -> str:
        return (f"{self.path}: {self.contested} contested claim(s), {self.statements} statement(s), "
                f"{self.edges} network edge(s)")


def collect(store: Store) -> ReportData:
    """Run the report's saved queries on ``store``."""
    def answer(name: str) -> tuple[Row, ...]:
        return tuple(queries.rows(queries.run(store, queries.resolve(name))))

    return ReportData(answer(CONTESTED), answer(STATEMENTS), answer(NETWORK))


def write_report(store: Store, path: str | Path, *, title: str = TITLE) -> ReportSummary:
    """Write the report on ``store`` to ``path``, atomically: a failed run leaves no half-written file."""
    data = collect(store)
    page = render(data, title=title)
    target = Path(path)
    try:
        fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    except OSError as err:
        raise ReportError(f"cannot write {target}: {err.strerror or err}") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(page)
        os.chmod(partial, 0o644)  # mkstemp makes it private; a report is meant to be shared
        os.replace(partial, target)
    except OSError as err:
        Path(partial).unlink(missing_ok=True)
        raise ReportError(f"cannot write {target}: {err.strerror or err}") from err
    return ReportSummary(target, len(data.contested), len(data.statements), len(data.network))


def render(data: ReportData, *, title: str = TITLE) -> str:
    """The whole page as one string."""
    statements = sorted(data.statements, key=lambda r: (_s(r, "date") or "9999", _s(r, "source")))
    by_claim: dict[str, list[Row]] = defaultdict(list)
    for row in statements:
        by_claim[_s(row, "claim")].append(row)
    edges = [Edge(_s(r, "from_actor"), _s(r, "to_actor"), _int(r, "assertions"), _int(r, "denials"),
                  _int(r, "claims")) for r in data.network]
    actors = {_s(r, "speaker") for r in statements}
    for row in data.contested:
        actors.update(_sides(row))
    actors.update(name for e in edges for name in (e.source, e.target))
    articles = {_s(r, "source") for r in statements}
    head = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            # Nothing may be fetched: no network, and no way for graph text to load anything.
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            f'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>{report_text('report.css')}</style>\n</head>\n")
    body = [
        f"<body>\n<header><h1>{_e(title)}</h1>",
        f'<p class="counts">{len(data.contested)} contested claim(s) · {len(statements)} statement(s) · '
        f"{len(articles)} article(s) · {len(actors)} actor(s)</p>",
        _filters(sorted(actors, key=str.casefold)),
        "</header>\n<main>",
        _contested_section(data.contested, by_claim),
        _matrix_section(data.contested, by_claim),
        '<section id="network"><h2>Who makes claims about whom</h2>',
        '<p class="note">An arrow goes from a speaker\'s side to the actor its claims are about '
        '(the claim\'s agent, else the actors it is about); width: number of statements. '
        '<span class="key k-assert">assertions</span> <span class="key k-deny">denials</span> '
        '<span class="key k-mixed">both</span>; dark nodes speak, orange ones are only spoken about. '
        "Choosing an actor highlights its arrows; the picture covers all dates.</p>",
        network_svg(edges) if edges else '<p class="empty">No claims about actors yet.</p>',
        "</section>",
        _statements_section(statements),
        f"</main>\n<script>{report_text('report.js')}</script>\n</body>\n</html>\n",
    ]
    return head + "\n".join(body)


def _filters(actors: Sequence[str]) -> str:
    options = "".join(f'<option value="{_e(a)}">{_e(a)}</option>' for a in actors)
    return ('<form id="filters" class="filters">'
            '<label>Actor <select id="f-actor"><option value="">all actors</option>'
            f"{options}</select></label>"
            '<label>From <input id="f-from" type="date"></label>'
            '<label>To <input id="f-to" type="date"></label>'
            '<label><input id="f-undated" type="checkbox" checked> statements without a date</label>'
            '<button id="f-reset" type="button">Reset</button>'
            '<output id="f-shown" aria-live="polite"></output></form>')


def _contested_section(contested: Sequence[Row], by_claim: dict[str, list[Row]]) -> str:
    parts = ['<section id="contested"><h2>Contested claims</h2>',
             '<p class="note">Claims asserted by one side and denied by another. A speaker counts for the '
             "side it speaks for.</p>"]
    if not contested:
        parts.append('<p class="empty">No contested claims in the graph.</p>')
    for row in contested:
        asserted, denied = _split(row, "asserted_by"), _split(row, "denied_by")
        rows = by_claim.get(_s(row, "claim"), [])
        names = [*_sides(row), *(_s(r, "speaker") for r in rows)]
        parts.append(
            f'<article class="claim" data-claim="{_e(_s(row, "claim"))}" data-actors="{_json(names)}" '
            f'data-asserted-by="{_json(asserted)}" data-denied-by="{_json(denied)}">'
            f'<h3>{_e(_s(row, "text"))}</h3>'
            '<p class="side"><span class="badge assert">asserted by</span> '
            f'{_who(row, "asserted_by", "asserting_speakers")}</p>'
            '<p class="side"><span class="badge deny">denied by</span> '
            f'{_who(row, "denied_by", "denying_speakers")}</p>'
            f'<ul class="evidence">{"".join(_statement_item(r) for r in rows)}</ul></article>')
    parts.append("</section>")
    return "\n".join(parts)


def _who(row: Row, sides: str, speakers: str) -> str:
    side_text, speaker_text = _s(row, sides), _s(row, speakers)
    extra = ""
    if speaker_text != side_text:
        extra = f' <span class="speakers">(speakers: {_e(speaker_text)})</span>'
    return f"<b>{_e(side_text)}</b>{extra}"


def _statement_item(row: Row) -> str:
    stance = _s(row, "stance")
    return (f'<li class="stmt" {_filter_attrs(row)}><div class="meta">'
            f'<span class="badge {_e(stance)}">{_e(_STANCE.get(stance, stance))}</span> '
            f'<b>{_e(_s(row, "speaker"))}</b> · {_article(row)}</div>'
            f"<blockquote>{_evidence(row)}</blockquote></li>")


def _matrix_columns(contested: Sequence[Row], by_claim: dict[str, list[Row]]) -> list[str]:
    """The claims of the stance matrix: the contested ones, then those with the most speakers."""
    contested_ids = [_s(r, "claim") for r in contested]

    def speakers(claim: str) -> int:
        return len({_s(r, "speaker") for r in by_claim[claim]})

    shared = sorted((c for c in by_claim if c not in contested_ids and speakers(c) > 1),
                    key=lambda c: (-speakers(c), _s(by_claim[c][0], "content")))
    return [c for c in [*contested_ids, *shared] if by_claim.get(c)][:MATRIX_CLAIMS]


def _matrix_section(contested: Sequence[Row], by_claim: dict[str, list[Row]]) -> str:
    columns = _matrix_columns(contested, by_claim)
    contested_ids = {_s(r, "claim") for r in contested}
    parts = ['<section id="matrix"><h2>Stances: actors × claims</h2>',
             '<p class="note">The contested claims, then the claims on which more than one speaker took a '
             "stance. ✔ asserts, ✘ denies, ± both.</p>"]
    if not columns:
        parts.append('<p class="empty">No claim has statements by more than one speaker.</p></section>')
        return "\n".join(parts)
    stances: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in columns:
        for r in by_claim[claim]:
            stances[_s(r, "speaker"), claim].add(_s(r, "stance"))
    taken_by = {s: sum((s, c) in stances for c in columns) for s, _ in stances}
    speakers = sorted(taken_by, key=lambda s: (-taken_by[s], s.casefold()))
    head = ["<tr><th>Speaker</th>"]
    key = ['<ol class="claim-key">']
    for i, claim in enumerate(columns):
        rows = by_claim[claim]
        text = _claim_text(claim, contested, rows)
        names = sorted({_s(r, "speaker") for r in rows})
        dates = sorted({_s(r, "date") for r in rows})
        flag = ' <span class="badge contested">contested</span>' if claim in contested_ids else ""
        head.append(f'<th class="col" data-col="{i}" data-actors="{_json(names)}" '
                    f'data-dates="{_json(dates)}" title="{_e(text)}">C{i + 1}</th>')
        key.append(f'<li data-col="{i}"><b>C{i + 1}</b> {_e(text)}{flag}</li>')
    head.append("</tr>")
    key.append("</ol>")
    body = [f'<tr data-actor="{_e(speaker)}"><th>{_e(speaker)}</th>'
            + "".join(_matrix_cell(i, speaker, stances.get((speaker, c), set()))
                      for i, c in enumerate(columns))
            + "</tr>" for speaker in speakers]
    parts += ['<div class="scroll"><table class="matrix"><thead>', *head, "</thead><tbody>", *body,
              "</tbody></table></div>", *key, "</section>"]
    return "\n".join(parts)


def _matrix_cell(column: int, speaker: str, taken: set[str]) -> str:
    if not taken:
        return f'<td data-col="{column}" class="s-none"></td>'
    if len(taken) > 1:
        mark, cls = "±", "s-both"
    else:
        mark, cls = ("✔", "s-assert") if "assert" in taken else ("✘", "s-deny")
    tip = f"{speaker} {' and '.join(_STANCE.get(t, t) for t in sorted(taken))}"
    return f'<td data-col="{column}" class="{cls}" title="{_e(tip)}">{mark}</td>'


def _claim_text(claim: str, contested: Sequence[Row], rows: Sequence[Row]) -> str:
    for row in contested:
        if _s(row, "claim") == claim:
            return _s(row, "text")
    return _s(rows[0], "content")


def _statements_section(statements: Sequence[Row]) -> str:
    rows = [
        f'<tr class="stmt" {_filter_attrs(r)}><td>{_e(_s(r, "date"))}</td><td>{_article(r, date=False)}</td>'
        f'<td>{_e(_s(r, "speaker"))}</td><td><span class="badge {_e(_s(r, "stance"))}">'
        f'{_e(_STANCE.get(_s(r, "stance"), _s(r, "stance")))}</span></td><td>{_evidence(r)}</td></tr>'
        for r in statements]
    empty = '<p class="empty">No statements in the graph.</p>' if not statements else ""
    return ('<section id="statements"><h2>All statements</h2>'
            '<p class="note">The claim\'s content is marked in its evidence sentence.</p>' + empty +
            '<div class="scroll"><table class="statements"><thead><tr><th>Date</th><th>Article</th>'
            "<th>Speaker</th><th>Stance</th><th>Evidence</th></tr></thead><tbody>" + "".join(rows) +
            "</tbody></table></div></section>")


def _filter_attrs(row: Row) -> str:
    return f'data-date="{_e(_s(row, "date"))}" data-actors="{_json([_s(row, "speaker")])}"'


def _article(row: Row, *, date: bool = True) -> str:
    source = _s(row, "source")
    name = f"<cite>{_e(_s(row, 'title') or source)}</cite>"
    if _s(row, "title"):
        name += f' <span class="source">({_e(source)})</span>'
    when = _s(row, "date")
    return name + (f' · <time datetime="{_e(when)}">{_e(when)}</time>' if date and when else "")


def _evidence(row: Row) -> str:
    """The evidence sentence, escaped, with the statement's content marked where it occurs verbatim."""
    sentence, content = _s(row, "evidence"), _s(row, "content")
    at = sentence.find(content) if content else -1
    if at < 0:
        return _e(sentence)
    end = at + len(content)
    return f"{_e(sentence[:at])}<mark>{_e(content)}</mark>{_e(sentence[end:])}"


def _sides(row: Row) -> list[str]:
    return [name for key in ("asserted_by", "denied_by", "asserting_speakers", "denying_speakers")
            for name in _split(row, key)]


def _split(row: Row, key: str) -> list[str]:
    return [part for part in _s(row, key).split(_SEPARATOR) if part]


def _s(row: Row, key: str) -> str:
    return row.get(key) or ""


def _int(row: Row, key: str) -> int:
    try:
        return int(_s(row, key) or 0)
    except ValueError:
        return 0


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _json(value: object) -> str:
    """A JSON value for a ``data-*`` attribute: escaped, so it cannot end the attribute."""
    return html.escape(json.dumps(value, ensure_ascii=False), quote=True)


__all__ = ["ReportData", "ReportError", "ReportSummary", "collect", "render", "write_report", "TITLE"]
