"""The actor gazetteer: canonical actors, their aliases, demonyms and Wikidata ids.

The default table ships as ``kg/data/gazetteer.tsv``; users add or override rows
with a file of the same columns.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg import assets
from kg.records import Actor, ActorKind, slug

_COLUMNS = ("label", "kind", "wikidata", "speaks_for", "aliases", "demonyms")


class GazetteerError(ValueError):
    """A gazetteer file that cannot be read; the message names the file and the row."""


def normalise(name: str) -> str:
    """The lookup form of a name: case-folded, straight apostrophes, no leading article."""
    name = name.replace("’", "'").replace("‘", "'").strip().casefold()
    name = re.sub(r"\s+", " ", name)
    return re.sub(r"^the ", "", name)


def actor_key(label: str) -> str:
    return slug(label)


@dataclass
class Gazetteer:
    """Name lookup for actors: ``find("Beijing")`` is China."""

    actors: dict[str, Actor] = field(default_factory=dict)  # by normalised label
    _names: dict[str, Actor] = field(default_factory=dict)
    _demonyms: dict[str, Actor] = field(default_factory=dict)
    digest: str = ""  # of the rows it was built from: a changed table means articles are read anew

    @classmethod
    def load(cls, extra: str | Path | None = None) -> Gazetteer:
        rows = _parse(assets.gazetteer_text(), "kg/data/gazetteer.tsv")
        if extra is not None:
            path = Path(extra)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise GazetteerError(f"{path}: cannot read gazetteer: {exc}") from exc
            rows.update(_parse(text, str(path)))
        gazetteer = cls._build(rows)
        canonical = json.dumps(rows, sort_keys=True, ensure_ascii=False)
        gazetteer.digest = hashlib.sha256(canonical.encode()).hexdigest()[:16]
        return gazetteer

    @classmethod
    def _build(cls, rows: dict[str, dict[str, str]]) -> Gazetteer:
        gaz = cls()
        resolved: dict[str, Actor] = {}

        def make(label: str, trail: tuple[str, ...] = ()) -> Actor:
            norm = normalise(label)
            if norm in resolved:
                return resolved[norm]
            row = rows[norm]
            boss = None
            if row["speaks_for"] and normalise(row["speaks_for"]) in rows and norm not in trail:
                boss = make(row["speaks_for"], (*trail, norm))
            aliases = tuple(a for a in row["aliases"].split("|") if a)
            actor = Actor(
                actor_key(row["label"]),
                row["label"],
                ActorKind(row["kind"]),
                aliases,
                speaks_for=boss,
                wikidata=row["wikidata"] or None,
            )
            resolved[norm] = actor
            return actor

        for norm, row in rows.items():
            actor = make(row["label"])
            gaz.actors[norm] = actor
            for name in (row["label"], *actor.aliases):
                gaz._names.setdefault(normalise(name), actor)
            for dem in filter(None, row["demonyms"].split("|")):
                gaz._demonyms.setdefault(normalise(dem), actor)
        return gaz

    def find(self, name: str) -> Actor | None:
        """The actor a name stands for, or None."""
        norm = normalise(name)
        return self._names.get(norm) or self._names.get(re.sub(r"'s$", "", norm))

    def demonym(self, word: str) -> Actor | None:
        """The state an adjective names: ``"Chinese"`` -> China."""
        return self._demonyms.get(normalise(word))

    def place(self, word: str) -> Actor | None:
        """A state or organization named by a single word or demonym (``US``, ``Russian``)."""
        actor = self.find(word) or self.demonym(word)
        if actor is not None and actor.kind in (ActorKind.STATE, ActorKind.ORGANIZATION):
            return actor
        return None


def _parse(text: str, source: str) -> dict[str, dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows: dict[str, dict[str, str]] = {}
    for n, cells in enumerate(reader, 1):
        if n == 1 and cells and cells[0] == "label":
            continue
        cells = (cells + [""] * len(_COLUMNS))[: len(_COLUMNS)]
        row = dict(zip(_COLUMNS, (c.strip() for c in cells), strict=True))
        if not row["label"]:
            raise GazetteerError(f"{source}: row {n}: empty label")
        try:
            ActorKind(row["kind"])
        except ValueError:
            raise GazetteerError(
                f"{source}: row {n}: kind {row['kind']!r} is not one of "
                f"{', '.join(k.value for k in ActorKind)}"
            ) from None
        if row["wikidata"] and not re.fullmatch(r"Q[0-9]+", row["wikidata"]):
            raise GazetteerError(f"{source}: row {n}: wikidata {row['wikidata']!r} is not a Q-id")
        rows[normalise(row["label"])] = row
    return rows
