"""Typed, frozen records that flow between the stages.

Extraction produces them from text; ``kg.rdf`` turns them into triples. No
spaCy object and no rdflib object lives in a record.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum


def slug(text: str) -> str:
    """A lower-case ASCII slug for IRIs and keys: ``"Xi Jinping"`` -> ``"xi-jinping"``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


class Stance(StrEnum):
    ASSERT = "assert"
    DENY = "deny"


class ActorKind(StrEnum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    STATE = "State"
    GROUP = "Group"


@dataclass(frozen=True)
class Article:
    """One input article; ``text`` is exactly the file's text (for a saved HTML page, the article text
    extracted from it), which evidence offsets index."""

    id: str
    text: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Actor:
    """A source of statements; ``key`` is a stable slug that becomes its IRI."""

    key: str
    label: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    speaks_for: Actor | None = None
    role: str | None = None
    wikidata: str | None = None

    def chain(self) -> list[Actor]:
        """The actor and everyone it speaks for, nearest first (a spokesman, his ministry, its state)."""
        out = [self]
        while out[-1].speaks_for is not None and len(out) < 8:  # bounded: a misread loop is no hang
            out.append(out[-1].speaks_for)
        return out


@dataclass(frozen=True)
class Claim:
    """A proposition; statements of the same proposition share one ``key``."""

    key: str
    text: str
    agent: Actor | None = None
    action: str | None = None
    target: Actor | None = None
    about: tuple[Actor, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """The reporting sentence: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Statement:
    """An actor asserting or denying a claim, as reported in one sentence of an article."""

    article_id: str
    speaker: Actor
    stance: Stance
    claim: Claim
    content: str
    evidence: Evidence
    cue: str
    hedge: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    statements: tuple[Statement, ...] = field(default_factory=tuple)


def settle_kind(actor: Actor, kinds: dict[str, ActorKind], labels: dict[str, str] | None = None) -> Actor:
    """``actor`` with the kind ``kinds`` already holds for its key (and for everyone it speaks for);
    a key not in ``kinds`` is entered with the actor's own kind. The tagger may call one unknown
    name a person in one sentence and an organization in the next; one key must keep one kind.
    With ``labels``, one key keeps one label the same way (*Prosecutors* at the start of a sentence
    and *prosecutors* inside one are one actor)."""
    principal = settle_kind(actor.speaks_for, kinds, labels) if actor.speaks_for is not None else None
    kind = kinds.setdefault(actor.key, actor.kind)
    label = labels.setdefault(actor.key, actor.label) if labels is not None else actor.label
    if kind is actor.kind and principal is actor.speaks_for and label == actor.label:
        return actor
    return replace(actor, kind=kind, label=label, speaks_for=principal)
