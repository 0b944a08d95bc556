"""Speaker resolution: from the noun phrase of an attribution to a canonical Actor.

Reads a spaCy parse; keeps an article-level memory of the people introduced so
far, so that surnames (*Wishnick said*), pronouns (*she said*) and descriptions
(*the spokesman said*) resolve to the full name the article gave earlier.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.extract.gazetteer import Gazetteer, actor_key
from kg.extract.lexicon import (
    ADVOCATES,
    BODY_NOUNS,
    CLAIM_NOUNS,
    COLLECTIVE_BODIES,
    COMPANY_NOUNS,
    CORPORATE_NAME_ENDS,
    COUNTRY_NOUNS,
    DETERMINERS,
    GROUP_NOUNS,
    ISSUED_DOCUMENTS,
    OFFICER_TITLES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_OR_BODY_NOUNS,
    PERSONAL_PRONOUNS,
    PROSECUTION_DOCUMENTS,
    PUBLIC_BODY_WORDS,
    PUBLISHING_VERBS,
    RECORD_NOUNS,
    RELATIONS,
    REPORT_NOUNS,
    REPRESENTATIVE_ROLES,
    ROLE_NOUNS,
    STATE_BODIES,
    STATE_COLLECTIVES,
    STATE_OFFICES,
    TELLING_WORDS,
    VOICE_ROLES,
)
from kg.extract.names import has_determiner, hears_case, names_report, naming_clause, noun_phrase
from kg.records import Actor, ActorKind

if TYPE_CHECKING:  # spaCy is imported when the model loads, not with the package
    from spacy.tokens import Span, Token

_TITLES_M = ("mr", "mr.")
_TITLES_F = ("ms", "ms.", "mrs", "mrs.", "miss")
_HONORIFICS = frozenset(("dr", "dr.", "prof", "prof.", *_TITLES_M, *_TITLES_F))
_NE_STATE = frozenset(("GPE",))
_NUMERIC_ENTITIES = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())
_NE_ORG = frozenset(("ORG", "NORP", "FAC"))


@dataclass
class _Person:
    actor: Actor
    gender: str | None = None
    introduced: Token | None = None  # the first word of the name where the article first gave it

    def named_after(self, tok: Token) -> bool:
        """First named later in the same paragraph than ``tok``: "Prosecutors allege that he paid
        Emil Varga" is no pronoun for Varga."""
        first = self.introduced
        return first is not None and first.doc is tok.doc and first.i > tok.i


@dataclass
class SpeakerMemory:
    """What the article has said about people so far; one per article."""

    gazetteer: Gazetteer
    people: list[_Person] = field(default_factory=list)  # most recent last
    speakers: list[_Person] = field(default_factory=list)  # people who spoke, most recent last
    last_speaker: Actor | None = None
    orgs: list[Actor] = field(default_factory=list)  # organizations and states that spoke, most recent last
    last_thing: Actor | None = None  # the last state or organization that was a subject
    states: list[Actor] = field(default_factory=list)  # states named so far, most recent last
    named_orgs: list[Actor] = field(default_factory=list)  # organizations named or heard, most recent last
    described: list[tuple[str, Actor]] = field(default_factory=list)  # (what an apposition called it, body)
    plural: list[Actor] = field(default_factory=list)  # the last plural subject: what a later "they" means
    documents: dict[str, Actor] = field(default_factory=dict)  # "report" -> who published the last one
    short_names: dict[str, Actor] = field(default_factory=dict)  # "IWC" -> the body named so before

    # -- people ---------------------------------------------------------------------------------
    def _remember(self, actor: Actor, gender: str | None = None) -> _Person:
        for i, p in enumerate(self.people):
            if p.actor.key == actor.key:
                self.people.append(self.people.pop(i))
                if actor.speaks_for and not p.actor.speaks_for or actor.role and not p.actor.role:
                    p.actor = actor
                p.gender = p.gender or gender
                return p
        p = _Person(actor, gender)
        self.people.append(p)
        return p

    def _by_name(self, name: str) -> _Person | None:
        parts = name.split()
        for p in reversed(self.people):
            full = p.actor.label.split()
            if all(part in full for part in parts):
                return p
        return None

    def note_people(self, span: Span) -> None:
        """Register the full names introduced in a sentence, so later surnames resolve. A name in
        apposition to a role (*Ironveil's founder, Arkady Zheltov, responded*) also says whom the
        person serves, though no reporting verb made them a speaker yet."""
        for ent in span.ents:
            if ent.label_ == "PERSON" and len(_name_tokens(ent)) >= 2 and not self._known_thing(ent):
                person = self._person_from_entity(ent).actor
                title = _role_before(ent)
                if title is not None:
                    self._represented(title, person)
        for tok in span:
            # "Kestrel Ridge's head of research, Annika Lehtovaara, walked us through it": a full
            # name after a role, which the tagger did not label a person
            full = _full_name(tok) if tok.dep_ == "appos" and tok.ent_type_ != "PERSON" else None
            title = _role_before(full) if full is not None else None
            if full is not None and title is not None and title.pos_ == "NOUN":
                self._represented(title, self._person_from_entity(full).actor)
            # "Emil Varga, a Hungarian-born broker": what the apposition calls the name says it is
            # a person's, whatever label the tagger gave it, so that a later "Varga" is that person
            full = _full_name(tok) if tok.ent_type_ != "PERSON" and tok.n_rights else None
            if full is not None and _described_as_person(tok):
                self._person_from_entity(full)
        # "According to the indictment, Lee overrode alerts linked to Varga. He told a colleague":
        # the subject of the sentence, not a person named after it, is the likelier "he"
        for tok in span.root.children:
            known = self._by_name(tok.text) if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" else None
            if known is not None:
                self._remember(known.actor)

    def note_subject(self, span: Span) -> None:
        """A person who is the subject of a narrated sentence becomes the likeliest *he* or *she*."""
        for tok in span.root.children:
            # "Anna Berg went further", "Their lawyer, Anna Berg, went further"
            named = tok.text[:1].isupper() or any(c.dep_ == "appos" for c in tok.children)
            if tok.dep_ in ("nsubj", "nsubjpass") and named and tok.pos_ != "PRON":
                gender = _own_gender(tok) if self._by_name(tok.text) is None else None
                if gender is not None:
                    # "Vos has begun her opening statement": a bare surname the tagger did not
                    # label is a person's when the clause gives its subject a his or her
                    self._remember(self._person_from_entity(tok.doc[tok.i : tok.i + 1]).actor, gender)
                actor = self._resolve_one(tok)
                if actor is not None and actor.kind is ActorKind.PERSON:
                    self.spoke(actor)

    def note_things(self, span: Span) -> None:
        """The last state or organization a sentence has as a subject: what a later *it* means;
        and the states it names, which a later *the two governments* means."""
        for state in self._states_named(span.ents):
            if state in self.states:
                self.states.remove(state)
            self.states.append(state)
        # "the Chinese embassy", "Iran's foreign ministry": what a later "an embassy spokesperson" means
        for tok in span:
            if tok.lemma_.lower() in STATE_BODIES and tok.pos_ in ("NOUN", "PROPN") and _place_modifier(
                tok, self.gazetteer
            ):
                self._heard_of(self._organisation(tok, None))
        self.note_businesses(span)
        self._note_documents(span)
        for tok in span:  # "claimed by a group calling itself X": what a later "the group" means
            collective = tok.pos_ == "NOUN" and tok.lemma_.lower() in COLLECTIVE_BODIES
            if collective and (name := naming_clause(tok)):
                self._described_body(noun_phrase(tok), name)
        plural = self._plural_before(span, span.end)
        self.plural = plural or self.plural
        for tok in span:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN"):
                ent = _entity_of(tok)
                actor = self.gazetteer.find(ent.text if ent is not None else tok.text)
                if actor is None and tok.lemma_.lower() in STATE_BODIES:
                    actor = self._organisation(tok, None)  # "Belarus's defence ministry rejected it"
                elif actor is None and ent is not None and ent.label_ == "ORG":
                    actor = self._organisation(tok, ent)  # "X Bank has not been charged. It denied P"
                if actor is not None and actor.kind is not ActorKind.PERSON:
                    self.last_thing = actor

    def note_businesses(self, span: Span) -> None:
        """The organizations a span names: what a later *the company* means (also later in the same
        sentence: *X accused Vantar Ltd of P, a charge the company rejects*)."""
        unlabelled = [  # "fined Arktis Optics Oy", which the tagger may leave without a label
            name for tok in span if tok.pos_ == "PROPN" and _entity_of(tok) is None
            and (name := _full_name(tok)) is not None and _corporate_name(name)
        ]
        for named in [*span.ents, *unlabelled]:
            if _told(named.root):
                continue  # "she told CEN News": the newsroom, not a business of the story
            where = named.root.head
            based = where.lower_ in ("in", "near") and where.head.lemma_.lower() == "base"
            if named.root.dep_ == "pobj" and based:
                continue  # "which is based in Eindhoven": a place the tagger took for a body
            if _technical_acronym(named):
                continue  # "switched off their AIS transponders": a kind of thing, not a business
            body = _described_as_body(named) or _body_name(named)
            if named.label_ == "ORG" or _corporate_name(named) or body:
                commas = [t.i for t in named if t.text == ","]
                if commas:  # "According to the Treasury, Silverpeak Ltd": the tagger ran two names together
                    named = named.doc[commas[-1] + 1 : named.end]
                label = _written([t for t in named if t.lower_ not in DETERMINERS])
                if not label:
                    continue
                # "Banque Ferrand" after "Banque Ferrand & Cie": the short name of the body named before
                longer = next((o for o in reversed(self.named_orgs) if _shortens(label, o.label)), None)
                new = Actor(actor_key(label), label, ActorKind.ORGANIZATION)
                org = self.gazetteer.find(label) or self.short_names.get(label) or longer or new
                short = _short_name_after(named)
                if short is not None and self.gazetteer.find(short) is None:
                    self.short_names.setdefault(short, org)  # "the World Anti-Doping Agency (Wada)"
                if org.kind is ActorKind.ORGANIZATION:
                    self._heard_of(org)
                    # "Labor Rights Monitor, a Geneva-based nonprofit": what a later "the group" means
                    called = [c.lemma_.lower() for c in named.root.children if c.dep_ == "appos"]
                    self.described += [(noun, org) for noun in called]

    def pronoun_subs(self, tokens: list[Token], speakers: list[Actor], quoted: list[bool]) -> dict[int, str]:
        """Replacements that resolve the pronouns of a statement's content (by token index):
        in reported speech, *he* or *she* is the speaking person (*Lee said she would resign*);
        *it* is a speaking state or organization (*China says it is neutral*) or the last one that
        acted; a quoted *we* of a state or organization is that body (*"We have never sold arms,"
        the company said*). Other pronouns inside quotes, possessives and the speaker's own *I* are
        left as written: guessing them wrong costs more than it gains."""
        subs: dict[int, str] = {}
        speaker = speakers[0] if len(speakers) == 1 else None
        ids = {t.i for t in tokens}
        for tok in tokens:
            subject = tok.dep_ in ("nsubj", "nsubjpass")
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in COUNTRY_NOUNS and subject:
                # "(KCNA insisted that) the country had nothing to do with it": the state named last;
                # "(Kazakhstan's foreign ministry said) the country complied": the state a body serves
                served = [a for sp in speakers if sp.kind is not ActorKind.STATE for a in sp.chain()[1:]]
                state = next((a for a in served if a.kind is ActorKind.STATE), None) or self._resolve_one(tok)
                det = [c for c in tok.children if c.dep_ == "det"]
                if state is not None and det:
                    subs.update({tok.i: state.label, det[0].i: ""})
                continue
            if tok.pos_ != "PRON":
                continue
            low = tok.lower_
            name = None
            if low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and not quoted[tok.i]:
                if speaker is not None and speaker.kind is ActorKind.PERSON:
                    name = speaker.label
            elif low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and speaker is not None:
                # a lawyer's quoted "he has never ..." is about the client the lawyer speaks for
                client = speaker.speaks_for
                if speaker.kind is ActorKind.PERSON and client is not None:
                    name = client.label if client.kind is ActorKind.PERSON else None
            elif low == "they" and tok.dep_ in ("nsubj", "nsubjpass") and not quoted[tok.i]:
                # "France and Germany said they would ...": the joint speakers, named
                if len(speakers) > 1 and all(a.kind is not ActorKind.PERSON for a in speakers):
                    name = " and ".join(a.label for a in speakers)
            elif low in ("him", "her") and tok.dep_ == "dobj" and tok.head.i not in ids and not quoted[tok.i]:
                # "(prosecutors) described him as P": the person named last who is not speaking
                others = [p.actor for p in self.people if all(p.actor.key != a.key for a in speakers)]
                name = others[-1].label if others else None
            elif low == "our" and tok.dep_ == "poss" and quoted[tok.i] and speaker is not None:
                body = _body_of(speaker)
                name = f"{body.label}'s" if body is not None else None  # "our vessels", said for a company
            elif low == "we" and tok.dep_ in ("nsubj", "nsubjpass") and quoted[tok.i] and speaker is not None:
                body = _body_of(speaker)
                name = body.label if body is not None else None  # a spokeswoman's "we" is her company
            elif low in ("itself", "himself", "herself") and tok.head.i not in ids and speaker is not None:
                name = speaker.label  # "(X) describing itself as a band of volunteers": X is one
            elif low == "it" and tok.dep_ == "nsubj":
                top = tok.head.i not in ids or tok.head.head.i not in ids
                if speaker is not None and speaker.kind in (ActorKind.STATE, ActorKind.ORGANIZATION) and top:
                    name = speaker.label
                elif self.last_thing is not None and tok.head.lemma_ != "be" and any(
                    c.dep_ == "dobj" for c in tok.head.children
                ):
                    name = self.last_thing.label
            if name is not None:
                subs[tok.i] = name
        return subs

    def spoke(self, actor: Actor) -> None:
        self.last_speaker = actor
        if actor.kind in (ActorKind.ORGANIZATION, ActorKind.STATE):
            self.orgs.append(actor)
            self.last_thing = actor  # "..., the company said. ..., it said."
        if actor.kind is ActorKind.ORGANIZATION:
            self._heard_of(actor)
        if actor.kind is ActorKind.PERSON:
            person = self._remember(actor)
            if person in self.speakers:
                self.speakers.remove(person)
            self.speakers.append(person)

    def _heard_of(self, actor: Actor) -> None:
        self.named_orgs = [a for a in self.named_orgs if a.key != actor.key] + [actor]

    def named_states(self, phrase: Span) -> list[Actor]:
        """The states a phrase names, in order (*Pakistani arms*)."""
        return self._states_named(e for e in phrase.doc.ents if phrase.start <= e.start < phrase.end)

    def _described_org(self, noun: str) -> Actor | None:
        """*the ministry*, *the company*: the latest organization named whose name has that noun
        (*the Foreign Ministry*), else for a kind of business the latest business named (or none);
        else the organization or state that spoke last."""
        # "the company": the business named last, "X Corporation" though an earlier one is "Y Company"
        businesses = self._businesses() if noun in COMPANY_NOUNS else []
        trading = {o.key for o in businesses} if noun not in COLLECTIVE_BODIES else set()
        # "the exchange", "the airline": one named so, though another business was named since
        generic = noun in ("company", "firm", "group")
        for org in [] if generic else reversed(self.named_orgs):
            # "the federation": the International Wrestling Confederation too
            if any(w == noun or len(noun) > 6 and w.endswith(noun) for w in org.label.lower().split()):
                return org
        for org in reversed(self.named_orgs):
            if noun in org.label.lower().split() or org.key in trading:
                return org
        for called, org in reversed(self.described):  # "X, a nonprofit, ..." then "the group"
            if called == noun or noun in COLLECTIVE_BODIES and called in COLLECTIVE_BODIES:
                return org
        if noun in COMPANY_NOUNS:
            return businesses[-1] if businesses else None
        if noun not in ORG_NOUNS:
            return None  # "the network", "the coalition": only one the article named or described
        # "the regulator", "the ministry" with none named: never a business that spoke
        private = {o.key for o in self._businesses()}  # nor an association, a federation
        civil = {o.key for o in self.orgs if _CIVIL_WORDS & set(o.label.lower().split())}
        return next((o for o in reversed(self.orgs) if o.key not in private | civil), None)

    def own_business(self, noun: Token, speakers: list[Actor]) -> Actor | None:
        """*the company*, said by a business or by its lawyer or spokesman: that business, though
        another was named since (*no link to Damavand Air, and the company had never sold P*)."""
        bare = all(c.dep_ in ("det", "punct") for c in noun.children)
        if noun.lemma_.lower() not in COMPANY_NOUNS or not bare or not _has_definite_det(noun):
            return None
        trading = {o.key for o in self._businesses()}
        chain = [a for sp in speakers for a in sp.chain() if a.kind is ActorKind.ORGANIZATION]
        return next((a for a in chain if a.key in trading), None)

    def _org_called(self, label: str) -> Actor | None:
        """The organization named before by exactly this name, the latest if several."""
        return next((o for o in reversed(self.named_orgs) if o.label == label), None)

    def _businesses(self) -> list[Actor]:
        """The organizations named so far that may be businesses: none the gazetteer knows (states'
        bodies, alliances, the UN) and none whose name says it is a public body or an institute."""
        return [
            o for o in self.named_orgs
            if self.gazetteer.find(o.label) is None and not PUBLIC_BODY_WORDS & set(o.label.lower().split())
        ]

    # -- resolution -----------------------------------------------------------------------------
    def resolve(self, token: Token) -> list[Actor]:
        """The actors a subject token stands for (several for *X and Y said*, and for *both
        governments said*: the two states named last)."""
        if _collective_of_states(token):
            named = [*self.states]
            for state in self._states_named(e for e in token.doc.ents if e.end <= token.i):
                if state in named:
                    named.remove(state)
                named.append(state)
            return named[-2:] if len(named) >= 2 else []
        if token.lower_ == "they" and token.pos_ == "PRON" and token.dep_ == "nsubj":
            # "When prosecutors charged him, they said P"; "They allege P" after them
            return self._plural_before(token.sent, token.i) or list(self.plural)
        heads = [token, *_conjuncts(token)]
        bare = token.pos_ == "NOUN" and not has_determiner(token)
        setting = bare and token.lemma_.lower() not in PERSON_NOUNS
        person = next((c for c in token.children if c.dep_ in ("appos", "conj") and has_determiner(c)
                       and c.lemma_.lower() in PERSON_NOUNS), None)
        if setting and person is not None and not any(c.dep_ == "cc" for c in token.children):
            # "Outside court, his lawyer, X, said": the bare noun is a setting the parser ran into
            # the subject; the person after it speaks
            heads = [person]
        folded = _folded_conjunct(token)
        if folded is not None:
            # "President A and Commission President B said", parsed with A as a modifier of B
            second = self._named_after(token, folded)
            first = self._resolve_one(folded)
            return [a for a in (first, second) if a is not None]
        if token.pos_ == "NOUN" and token.lemma_.lower() in ROLE_NOUNS:
            # "the foreign ministers of France and Germany": one statement for each side
            body = _role_holder(token)
            if body is not None and body.pos_ == "PROPN":
                heads = [body, *_conjuncts(body)]
        out: list[Actor] = []
        for head in heads:
            actor = self._resolve_one(head)
            if actor is not None and all(a.key != actor.key for a in out):
                out.append(actor)
        return out

    def cosigners(self, verb: Token) -> list[Actor]:
        """Who else a statement is made with: *said in a joint statement with the Chamber of
        Commerce that P* is the Chamber's statement too."""
        out: list[Actor] = []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "through")):
            for document in (o for o in prep.children if o.dep_ == "pobj"):
                if not any(c.lower_ == "joint" for c in document.children):
                    continue
                partners = [o for w in document.children if w.dep_ == "prep" and w.lower_ == "with"
                            for o in w.children if o.dep_ == "pobj"]
                for partner in (p for o in partners for p in (o, *_conjuncts(o))):
                    actor = self._resolve_one(partner)
                    if actor is not None:
                        out.append(actor)
        return out

    def _resolve_one(self, tok: Token) -> Actor | None:
        low = tok.lower_
        aged = any(c.dep_ in ("compound", "npadvmod") and c.lower_ == "year" for c in tok.children)
        if low == "old" and aged:
            # "the 54-year-old told the court": the person the article named last, like "he" (who
            # may not have spoken yet: "X was expelled. '...,' the 47-year-old said")
            return self.people[-1].actor if self.people else None
        if hears_case(tok):
            return self._prosecution()  # "the officer passed the plans on, a court heard"
        if tok.pos_ == "PRON":
            if low in PERSONAL_PRONOUNS:
                return self._pronoun(PERSONAL_PRONOUNS[low], tok)
            relative = low in ("who", "which", "that") and tok.head.dep_ == "relcl"
            if tok.dep_ in ("nsubj", "nsubjpass") and relative:  # "X, which said P"
                return self._resolve_one(_antecedent(tok.head, self.gazetteer))
            if low == "it" and tok.dep_ == "nsubj" or low == "its" and tok.dep_ == "poss":
                return self._it(tok)  # "it said", "its denial that P"
            return None
        if tok.text[:1].isupper() and len(noun_phrase(tok)) == 1 and not self.gazetteer.find(tok.text):
            known = self._by_name(tok.text)  # "Mets said", however the tagger took the surname
            if known is not None:
                return self._remember(known.actor).actor
            if tok.pos_ in ("NOUN", "PROPN"):
                # "Brixa described the attack as reckless" after "Brixa Energy", whether the
                # tagger took the short name for a common noun or a name of its own
                longer = next((o for o in reversed(self.named_orgs) if _shortens(tok.text, o.label)), None)
                if longer is not None:
                    return longer
        titled = _titled_name(tok)
        if titled is not None:  # "spokeswoman Sadia Rahim", which the tagger took for a body
            return self._person_from_entity(titled).actor
        described = _described_name(tok)
        if described is not None:
            return self._described_body(*described)
        ent = _entity_of(tok)
        whole = _full_name(tok) if ent is not None and ent.label_ == "PERSON" and len(ent) == 1 else None
        if ent is not None and whole is not None and not self._titled(whole[0]) and whole.start < ent.start:
            # "Tasman Link said", with only "Link" labelled: the whole name, maybe a body named before
            earlier = self._org_called(whole.text)
            if earlier is not None:
                return earlier
            ent = whole
        # "Marvela, which is based in Dublin": "which" says it is no person, whatever the tagger says
        thing = ent is not None and (self._known_thing(ent) or _relative_opened_by(tok, "which"))
        if ent is not None and ent.label_ == "PERSON" and thing:
            # The tagger takes a sentence-initial state for a person ("Armenia denied that ..."):
            # the gazetteer's actor, or the one key would name two kinds of actor.
            return self._organisation(tok, ent)
        if ent is not None and ent.label_ == "PERSON":
            short = " ".join(_name_tokens(ent))
            longer = next((o for o in reversed(self.named_orgs) if _shortens(short, o.label)), None)
            if longer is not None and self._by_name(short) is None:
                # "Kestwil has never supplied ..." after "Kestwil Aerotech AG": the tagger took the
                # short name of a business named before for a person's
                return longer
            return self._person_from_entity(ent).actor
        lemma = tok.lemma_.lower()
        # "its owner, Meridian Shipping", "the regulator, the Conduct Board": the name is a body's
        body_noun = tok.pos_ == "NOUN" and (lemma not in PERSON_NOUNS or lemma in PERSON_OR_BODY_NOUNS)
        for child in tok.children:  # "the minister, Anna Berg, said"
            named = _entity_of(child) if child.dep_ == "appos" else None
            if named is not None and named.label_ == "PERSON" and not self._known_thing(named):
                return self._represented(tok, self._person_from_entity(named).actor)
            if named is not None and body_noun and (named.label_ == "ORG" or _corporate_name(named)):
                # "its Dubai-based owner, Meridian Crest Shipping, said": the body named in apposition
                return self._organisation(named.root, named)
            full = _full_name(child) if child.dep_ == "appos" else None
            if full is not None and lemma in PERSON_NOUNS:
                # "Dolgov's lawyer, Jaan Mets": a full name after a person's role is a person's
                return self._represented(tok, self._person_from_entity(full).actor)
        late = _late_apposition(tok) if body_noun else None
        if late is not None:
            # "the contractor whose account was used, Gdansk-based PortServ Technika, said": the
            # parser hangs the name inside the relative clause
            return self._organisation(late[0], late)
        full = _full_name(tok) if ent is None or ent.label_ != "PERSON" else None
        as_person = any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in tok.children)
        if full is not None and as_person:
            # "Tomasz Wrona, an independent malware analyst, said": the tagger missed the person
            return self._person_from_entity(full).actor
        if tok.pos_ == "PROPN":
            # a surname the tagger did not label a person: "Wishnick said"
            words = noun_phrase(tok)
            name = " ".join(t.text for t in words if t.pos_ == "PROPN" and t.lower_ not in _HONORIFICS)
            known = self._by_name(name) if name else None
            if known is not None:
                return self._remember(known.actor).actor
        if names_report(tok):
            return self._report_author(tok)
        if ent is not None and ent.label_ in (_NE_STATE | _NE_ORG):
            return self._organisation(tok, ent)
        misread = tok.pos_ in ("ADV", "ADJ", "VERB") and tok.text[:1].isupper() and tok.lower_ != "old"
        if tok.pos_ == "PROPN" or misread:
            # a name the tagger took for an adverb ("Tessly, which is based in Dublin, said")
            return self._organisation(tok, None)
        capitalised = tok.text[:1].isupper() and tok.i > tok.sent.start
        has_name = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts)
        if tok.pos_ == "NOUN" and capitalised and has_name:
            return self._organisation(tok, None)  # "Open Seas Accountability", its last word tagged a noun
        if tok.pos_ == "NOUN":
            given = _name_given(tok)
            if given is not None:
                # "said the spokesman, who gave his name as Hamadoun Barry": the name he gave
                return self._person_from_entity(given).actor
            posing = _identified_as(tok)
            if posing is not None:
                # "a man who identified himself as the group's spokesman, X": whom he said he was;
                # "... as the group's administrator": the group he speaks for
                owner = next((c for c in posing.children if c.dep_ == "poss"), None)
                return self._resolve_one(posing) or (self._resolve_one(owner) if owner is not None else None)
            body = _role_holder(tok) if lemma in ROLE_NOUNS else None
            if body is not None:
                # "a spokesperson for the foreign ministry": an unnamed voice of the organization
                return self._resolve_one(body)
            seat = _seat(tok, self.gazetteer) if lemma in STATE_BODIES else None
            if seat is not None:
                return seat  # "the government in Bangui": the state whose seat it is
            bare = lemma in VOICE_ROLES and len(noun_phrase(tok)) == 2 and not _has_definite_det(tok)
            if bare and not any(c.dep_ in ("prep", "appos", "relcl", "acl") for c in tok.children):
                # "..., a spokeswoman said": a voice of the body the sentence, or the one before, is about
                voiced = self._sentence_body(tok) or self.last_thing
                if voiced is not None:
                    return voiced
            business = lemma in ORG_NOUNS or lemma in COMPANY_NOUNS or lemma in COLLECTIVE_BODIES
            if lemma in BODY_NOUNS and _based(tok) and len(noun_phrase(tok)) > 2:
                org = self._described_org(lemma)  # "the Lausanne-based federation said"
                if org is not None:
                    return org
            if not business and _has_definite_det(tok) and len(noun_phrase(tok)) == 2:
                # "X, a militia based in Y, ..." then "the militia says": whatever the article called it
                called = next((org for noun, org in reversed(self.described) if noun == lemma), None)
                if called is not None:
                    return called
            if lemma in VOICE_ROLES and _has_definite_det(tok) and len(noun_phrase(tok)) == 2:
                holder = self._holder_of(lemma)  # "the spokesman": the person given that role
                if holder is not None:
                    return holder
            if business and _has_definite_det(tok) and len(noun_phrase(tok)) == 2:
                org = self._described_org(lemma)  # "the company said"
                if org is not None:
                    return org
            body_words = STATE_BODIES & {t.lower_ for t in noun_phrase(tok)}
            if lemma in VOICE_ROLES and body_words and _dateline_state(tok, self.gazetteer) is not None:
                return self._description(tok)  # "In Moscow, a Foreign Ministry spokesperson said"
            unit = next((c for c in tok.children if c.dep_ == "compound" and c.lemma_ in ORG_NOUNS), None)
            if lemma in ROLE_NOUNS and unit is not None and not _place_modifier(tok, self.gazetteer):
                org = self._described_org(unit.lemma_.lower())  # "an embassy spokesperson said"
                if org is not None:
                    return org
            # "a former Eastbridge director" no longer speaks for the club: a person of their own
            former = any(c.dep_ == "amod" and c.lower_ == "former" for c in tok.children)
            speaking = lemma in ROLE_NOUNS and not _has_definite_det(tok) and not former
            named_body = _body_modifier(tok) if speaking else None
            if named_body is not None:
                # "an Interior Ministry official said": an unnamed voice of the body named
                org = self._organisation(named_body.root, named_body)
                before = tok.doc[tok.left_edge.i : named_body.start]  # "a senior UK Ministry of X official"
                place = next((p for t in before if (p := self.gazetteer.place(t.text)) is not None), None)
                if org.speaks_for is None and org.kind is ActorKind.ORGANIZATION and place is not None:
                    org = replace(org, speaks_for=place)
                return org
            the_noun = _has_definite_det(tok) and len(noun_phrase(tok)) == 2
            if lemma in COUNTRY_NOUNS and the_noun and self.states:
                return self._the_country()
            if tok.tag_ == "NNS" and (lemma in GROUP_NOUNS or lemma in COLLECTIVE_BODIES):
                return self._group(tok)  # "rights organisations dispute it": bodies no one named
            if lemma in ROLE_NOUNS and _has_definite_det(tok):
                return self._description(tok)
            owned = any(c.dep_ == "poss" for c in tok.children)
            # "a person familiar with the matter", "a source close to the inquiry": unnamed, described
            unnamed = former or any(c.dep_ == "amod" and c.i > tok.i for c in tok.children) or (
                # "a former employee, who asked not to be named, said", "a person at one of the
                # carriers said": an unnamed person the text describes
                any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in tok.children)
                and any(c.dep_ in ("relcl", "prep", "acl") and c.i > tok.i for c in tok.children)
            )
            # "a former shipmate, who asked not to be named": "who" says it is a person, whatever the noun
            # and a "former" anything is a person who held a post
            who = _relative_opened_by(tok, "who") and not _has_definite_det(tok)
            person = lemma in PERSON_NOUNS or former or who
            if person and tok.tag_ == "NN" and (owned or _has_definite_det(tok) or unnamed):
                return self._description(tok)  # "Dorsey's lawyer said", "according to the lawyer"
            if lemma in ORG_NOUNS or low in ORG_NOUNS or _place_modifier(tok, self.gazetteer):
                return self._organisation(tok, None)
            if lemma in COLLECTIVE_BODIES and any(c.dep_ in ("compound", "amod") for c in tok.children):
                return self._organisation(tok, None)  # "a conflict research group said": described
        return None

    def _represented(self, role: Token, person: Actor) -> Actor:
        """*Dolgov's lawyer*, *a lawyer for Dolgov*, *the company's director*: the person speaks for
        whom their role serves, when their title named no one."""
        words = [t.lower_ for t in role.children if t.dep_ == "compound" and t.i < role.i] + [role.lower_]
        if role.lower_ not in (person.role or "").lower().split():
            # "the Foreign Ministry spokesman, Ambassador X": a later "the spokesman" is X
            known = self._remember(person)
            known.actor = person = replace(known.actor, role=" ".join(words))
        if person.speaks_for is not None:
            return person
        owner = next((c for c in role.children if c.dep_ == "poss"), None) or _role_holder(role)
        if owner is None and STATE_BODIES & set(words):
            # a state's body in the title speaks for the state that spoke last
            return self._remember(replace(person, speaks_for=self._last_state())).actor
        usable = owner is not None and (owner.pos_ != "PRON" or owner.lower_ == "its")  # "its spokesman"
        client = self._resolve_one(owner) if owner is not None and usable else None
        if owner is not None and owner.lower_ in ("his", "her") and role.lower_ in ADVOCATES:
            # "Varga has not been charged. Through his spokesman, Petar Lukic, he dismissed ...": the
            # person the article spoke of last, whom the spokesman or lawyer serves
            client = self._client("m" if owner.lower_ == "his" else "f", owner)
        if client is None or client.key == person.key:
            return person
        title = person.role or role.lemma_.lower()
        return self._remember(replace(person, role=title, speaks_for=client)).actor

    def _sentence_body(self, tok: Token) -> Actor | None:
        """The organization or state a sentence has for its first subject, other than ``tok``."""
        for other in tok.sent:
            if other.i != tok.i and other.dep_ in ("nsubj", "nsubjpass") and other.pos_ in ("NOUN", "PROPN"):
                if other.pos_ == "NOUN" and not _has_definite_det(other):
                    continue  # "hackers stole data": a noun without "the" names no body spoken of
                actor = self._resolve_one(other)
                if actor is not None and actor.kind in (ActorKind.ORGANIZATION, ActorKind.STATE):
                    return actor
        return None

    def _plural_before(self, span: Span, end: int) -> list[Actor]:
        """The last plural subject before ``end``: a group (*prosecutors*) or joined names (*Germany
        and France*)."""
        for tok in reversed(span.doc[span.start : end]):
            if tok.dep_ != "nsubj" or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.tag_ == "NNS" and tok.lemma_.lower() in GROUP_NOUNS:
                return [self._group(tok)]
            if tok.tag_ == "NNS" and (body := self._resolve_one(tok)) is not None:
                return [body]  # "Finnish authorities boarded a tanker they suspect of P"
            if _conjuncts(tok):
                actors = [a for t in (tok, *_conjuncts(tok)) if (a := self._resolve_one(t)) is not None]
                if len(actors) > 1:
                    return actors
        return []

    def _it(self, tok: Token) -> Actor | None:
        """A speaking *it*: the state or organization that is the subject of the sentence before it
        (*the Treasury sanctioned a firm that it accused of P*); for *its* the body named last; else
        the last state or organization that was a subject."""
        for earlier in reversed(tok.sent[: tok.i - tok.sent.start]):
            aside = earlier.head.dep_ == "relcl"  # "X, which Kestrel hired, said it": X's own "it"
            if earlier.dep_ in ("nsubj", "nsubjpass") and earlier.pos_ in ("PROPN", "NOUN") and not aside:
                actor = self._resolve_one(earlier)
                if actor is not None and actor.kind is not ActorKind.PERSON:
                    return actor
        if tok.dep_ == "poss" and self.named_orgs:  # "its spokesman": the body named last
            return self.named_orgs[-1]
        return self.last_thing

    def _described_body(self, description: list[Token], name: list[Token]) -> Actor:
        """*cybersecurity firm Mandiant* is Mandiant; a public body's description gives its side
        (*Russian state news agency TASS*, *its state news agency KCNA* after a state): a firm's
        does not (*US chipmaker Nvidia* does not speak for the United States)."""
        label = _written(name)
        known = self.gazetteer.find(label)
        if known is not None:
            return known
        noun = description[-1].lemma_.lower()
        side = None
        if noun in COLLECTIVE_BODIES:
            # "campaign group X", "a group that calls itself X": what a later "the group" means
            self.described.append((noun, Actor(actor_key(label), label, ActorKind.ORGANIZATION)))
        if noun in ORG_NOUNS and noun not in COMPANY_NOUNS:
            for t in description:
                side = side or self.gazetteer.place(t.text)
            its = any(t.dep_ == "poss" and t.pos_ == "PRON" for t in description)
            if side is None and its and self.states:
                side = self.states[-1]
        return Actor(actor_key(label), label, ActorKind.ORGANIZATION, speaks_for=side)

    def _named_after(self, tok: Token, folded: Token) -> Actor | None:
        """The person named by ``tok`` and the names right before it, after the folded conjunct
        and any title: *[A and] European Commission President Ursula von der Leyen*."""
        start = tok.i
        while start - 1 > folded.right_edge.i and tok.doc[start - 1].dep_ == "compound" and (
            tok.doc[start - 1].lower_ not in ROLE_NOUNS and tok.doc[start - 1].lower_ not in ORG_NOUNS
        ):
            start -= 1
        name = tok.doc[start : tok.i + 1]
        if len(name) < 2:
            return self._resolve_one(tok)
        return self._person_from_entity(name).actor

    def _states_named(self, ents: Iterable[Span]) -> list[Actor]:
        """The states these entities name, in order: by name (*Moscow*), demonym (*Chinese*) or as
        the state a known person speaks for (*Xi Jinping*)."""
        out: list[Actor] = []
        for ent in ents:
            if ent.root.head.lower_ in ("in", "at") and ent.root.dep_ == "pobj":
                continue  # "met in Vienna": where, not who
            actor = self.gazetteer.find(ent.text) or self.gazetteer.demonym(ent.text)
            if actor is not None and actor.kind is ActorKind.PERSON:
                actor = actor.speaks_for
            if actor is not None and actor.kind is ActorKind.STATE:
                out.append(actor)
        return out

    def _known_thing(self, ent: Span) -> bool:
        """The name is no person's: the gazetteer knows it as a state, organization or group, or it
        ends in a word that names a business (*Koivu Metals*, which the tagger may take for a person)."""
        if _corporate_name(ent) or _described_as_body(ent) or ent[-1].lower_ in BODY_NOUNS:
            return True  # "... Free Zone Authority", which the tagger may take for a person
        short = " ".join(_name_tokens(ent))
        if any(o.label == short or _shortens(short, o.label) for o in self.named_orgs):
            # "Kestrel Ridge's head", after "the security firm Kestrel Ridge"; "Kestrel Bay called
            # it baseless", after "Kestrel Bay Ship Management"
            return True
        known = self.gazetteer.find(ent.text)
        return known is not None and known.kind is not ActorKind.PERSON

    def _client(self, gender: str, tok: Token) -> Actor | None:
        """Whom *his lawyer* serves: the latest person named before who holds no office or brief
        of their own (not the prosecutor or the spokesman who spoke last)."""
        for person in [*reversed(self.speakers), *reversed(self.people)]:
            role = set((person.actor.role or "").lower().split())
            if person.gender in (None, gender) and not person.named_after(tok) and not role & _BRIEFS:
                return person.actor
        return None

    def _pronoun(self, gender: str, tok: Token) -> Actor | None:
        for person in reversed(self.speakers or self.people):
            if person.gender in (None, gender) and not person.named_after(tok):
                person.gender = gender
                return person.actor
        return None

    def _description(self, tok: Token) -> Actor:
        """*the spokesman*, *the Russian leader*: the latest person the article gave that role or side;
        a person nobody named becomes an actor of their own, described as the text describes them."""
        place = _place_modifier(tok, self.gazetteer)
        if place is None and STATE_BODIES & {t.lower_ for t in noun_phrase(tok)}:
            # "In Moscow, a Foreign Ministry spokesperson said": of the state whose capital it is
            place = _dateline_state(tok, self.gazetteer)
        # "a German security official said": someone new, never the official named before
        new = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        for person in [] if new else reversed(self.people):
            role = (person.actor.role or "").lower()
            if tok.lemma_.lower() in role or (place is not None and person.actor.speaks_for == place):
                return person.actor
        words = [t for t in noun_phrase(tok) if t.lower_ not in DETERMINERS]
        words = words[1:] if len(words) > 1 and words[0].lower_ == "one" else words  # "one former director"
        for mod in (c for c in tok.children if c.dep_ == "amod" and c.i > tok.i):  # "familiar with X"
            words += itertools.takewhile(lambda t: not t.is_punct, mod.subtree)
        if len(words) == 1:
            # "a person at one of the carriers": a bare "person" would make every unnamed person
            # in every article one actor
            for mod in (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i):
                words += itertools.takewhile(lambda t: not t.is_punct, mod.subtree)
        label = _written(words).replace(" 's", "'s").replace(" ’s", "’s")
        return Actor(actor_key(label), label, ActorKind.PERSON, role=tok.lemma_.lower(), speaks_for=place)

    def _person_from_entity(self, ent: Span) -> _Person:
        names = _name_tokens(ent)
        name = " ".join(names)
        gender = None
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _TITLES_M or ent[0].lower_ in _TITLES_M:
            gender = "m"
        elif ent.start > 0 and ent.doc[ent.start - 1].lower_ in _TITLES_F or ent[0].lower_ in _TITLES_F:
            gender = "f"
        known = self.gazetteer.find(name)
        if known is not None and known.kind is ActorKind.PERSON:
            return self._remember(known, gender)
        if len(names) == 1:
            earlier = self._by_name(name)
            if earlier is not None:
                return self._remember(earlier.actor, gender)
        role, side = _title_and_side(ent, self.gazetteer, self._the_country())
        side = self.short_names.get(side.label, side) if side is not None else None  # "IWC president X"
        inside = [t.text for t in ent[: max(0, len(ent) - len(names))] if t.lower_ in PERSON_NOUNS]
        role = role or " ".join(inside) or None  # "Spokeswoman Yelena Voronova" tagged as one name
        words = {w.lower() for w in (role or "").split()}
        if side is None and (STATE_BODIES | STATE_OFFICES) & words:
            # "Foreign Ministry spokesman X" with no country named: the state of the place the
            # sentence opens with ("In Tehran, ..."), else the state that spoke last
            side = _dateline_state(ent.root, self.gazetteer) or self._last_state()
        elif side is None and words & VOICE_ROLES:
            # "spokeswoman Yelena Voronova": of the body named last, else the state that spoke last;
            # "company spokesman Tom Reyes": of the company named last, if any
            unit = words & (ORG_NOUNS | COMPANY_NOUNS) - VOICE_ROLES
            if unit:
                bodies = [o for o in self.named_orgs if unit & set(o.label.lower().split())]
                if unit & COMPANY_NOUNS:
                    bodies += self._businesses()
                side = bodies[-1] if bodies else None
            else:
                side = self.named_orgs[-1] if self.named_orgs else self._last_state()
        elif side is None and words & REPRESENTATIVE_ROLES:
            # "director Kelvin Lau": of the business named last
            businesses = self._businesses()
            side = businesses[-1] if businesses else None
        actor = Actor(actor_key(name), name, ActorKind.PERSON, role=role, speaks_for=side)
        new = all(p.actor.key != actor.key for p in self.people)
        person = self._remember(actor, gender)
        if new:
            person.introduced = ent[0]
        return person

    def _holder_of(self, role: str) -> Actor | None:
        """The latest person the article gave this role (*the spokesman*)."""
        for person in reversed(self.people):
            if role in (person.actor.role or "").lower().split():
                return person.actor
        return None

    def _titled(self, word: Token) -> bool:
        """A word that may stand before a person's name: a title, a role, a place (*Analyst*,
        *Minister*, *Italian*)."""
        low = word.lower_.rstrip(".")
        return (
            low in _HONORIFICS or low in PERSON_NOUNS or low in ROLE_NOUNS or low in _TITLES_M
            or low in _TITLES_F or self.gazetteer.place(word.text) is not None
        )

    def _the_country(self) -> Actor | None:
        """What *the country* means: the state the text last made its subject (*Armenia has been
        accused of passing tools to Russia. ... the country's ministry*), else the state named last."""
        if self.last_thing is not None and self.last_thing.kind is ActorKind.STATE:
            return self.last_thing
        return self.states[-1] if self.states else None

    def _last_state(self) -> Actor | None:
        for org in reversed(self.orgs):
            actor: Actor | None = org
            while actor is not None and actor.kind is not ActorKind.STATE:
                actor = actor.speaks_for
            if actor is not None:
                return actor
        return None

    def _note_documents(self, span: Span) -> None:
        """Who wrote the reports a sentence mentions (*X published a report*, *a report by X*,
        *X said in its findings*): what a later *according to the report* means."""
        for tok in span:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in REPORT_NOUNS or _has_definite_det(tok):
                continue
            own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)  # "its findings"
            author = None if own else self._stated_author(tok)
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # "X said in a report"
            if author is None and verb.pos_ == "VERB" and (
                tok.dep_ == "pobj" or tok.dep_ == "dobj" and verb.lemma_.lower() in PUBLISHING_VERBS
            ):
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                author = self._resolve_one(subject) if subject is not None else None
            if author is not None:
                self.documents[tok.lemma_.lower()] = author

    def _stated_author(self, tok: Token) -> Actor | None:
        """The author a report noun names: *X's report*, *a report by X*, *released by X*."""
        for child in tok.children:
            if child.dep_ == "poss":
                return self._resolve_one(child)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._resolve_one(pobj)
            if child.dep_ == "acl":  # "a report released last week by X"
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                return self._resolve_one(pobj)
        return None

    def report_author(self, tok: Token) -> Actor | None:
        """The author of the report a word names (*the report*, *its findings*), if it is one."""
        return self._report_author(tok) if names_report(tok) else None

    def _report_author(self, tok: Token) -> Actor | None:
        """*reports from Russian media*, *a report by X*, *X's information*, *a US intelligence report*;
        *the report*: the author of the last report the article named."""
        stated = self._stated_author(tok)
        if stated is not None:
            return stated
        mods = [
            c
            for c in tok.lefts
            if c.dep_ in ("compound", "amod", "nmod") and c.pos_ != "ADJ" or c.dep_ == "compound"
        ]
        if tok.lemma_.lower() in RECORD_NOUNS or tok.lower_ in RECORD_NOUNS:
            if _has_definite_det(tok) and tok.lemma_.lower() in self.documents:
                return self.documents[tok.lemma_.lower()]  # "X obtained records ... the records show"
            # "shipping records", "Russian customs data": not the shippers' or the customs' own word;
            # "those documents": the ones the article described, whatever it called them
            pointing = any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in tok.children)
            if has_determiner(tok) and not mods and not pointing:
                return None
            label = _written([t for t in noun_phrase(tok) if t.lower_ not in DETERMINERS])
            source = self._new_org(label, tok)
            self.documents[tok.lemma_.lower()] = source  # a later "the records show P" means them
            return source
        if mods:
            name = tok.doc[mods[0].left_edge.i : tok.i].text
            return self.gazetteer.find(name) or self._new_org(name, tok)
        if tok.lemma_.lower() in ORG_NOUNS and _place_modifier(tok, self.gazetteer):
            return self._organisation(tok, None)  # "Danish intelligence said": the service, not a report
        if _has_definite_det(tok) and tok.lemma_.lower() in self.documents:
            return self.documents[tok.lemma_.lower()]  # "X published a report ... according to the report"
        if tok.lemma_.lower() in PROSECUTION_DOCUMENTS:
            return self._prosecution()  # "according to an indictment unsealed on Thursday"
        if _has_definite_det(tok) and tok.lemma_.lower() in ISSUED_DOCUMENTS and self.orgs:
            return self.orgs[-1]  # "according to the order": of the body that spoke last
        return None

    def _prosecution(self) -> Actor:
        """The prosecutors the article named, else unnamed prosecutors: who brought an indictment,
        who put to a court what it heard."""
        named = [a for a in (*self.plural, *self.orgs) if "prosecut" in a.label.lower()]
        return named[-1] if named else Actor(actor_key("prosecutors"), "prosecutors", ActorKind.GROUP)

    def _group(self, tok: Token) -> Actor:
        words = [t for t in noun_phrase(tok) if t.lower_ not in DETERMINERS]
        while len(words) > 1 and words[0].lemma_.lower() in CLAIM_NOUNS:
            words = words[1:]  # "..., a claim rights groups dispute", the claim parsed into the name
        label = _written(words) or tok.text
        side = _place_modifier(tok, self.gazetteer)
        return Actor(actor_key(label), label, ActorKind.GROUP, speaks_for=side)

    def _organisation(self, tok: Token, ent: Span | None) -> Actor:
        phrase = noun_phrase(tok)
        words = list(ent) if ent is not None and ent.end > tok.i + 1 else phrase  # "Institute of X"
        words = _with_object(words) if ent is not None else words
        while len(words) > 1 and words[-1].text in ("'s", "’s"):  # "Kestrel Ridge's", tagged as one name
            words = words[:-1]
        text = _written([t for t in words if t.lower_ not in ("the", "a", "an")])
        if text in self.short_names:
            return self.short_names[text]  # "IWC said" after "International Wrestling Confederation (IWC)"
        for name in (text, ent.text if ent is not None else None, tok.text):
            if name:
                found = self.gazetteer.find(name)
                if found is not None:
                    return found
        kind = (
            ActorKind.STATE
            if ent is not None and ent.label_ in _NE_STATE and len(phrase) == len(ent)
            else ActorKind.ORGANIZATION
        )
        for org in reversed(self.named_orgs):
            # "the Treasury" after "the US Treasury Department", "Kiviloom" after "Kiviloom Security"
            if kind is ActorKind.ORGANIZATION and tok.pos_ == "PROPN" and _within(text, org.label):
                return org
        return self._new_org(text.replace(" 's", "'s").replace(" ’s", "’s"), tok, kind)

    def _new_org(self, label: str, tok: Token, kind: ActorKind = ActorKind.ORGANIZATION) -> Actor:
        side = _place_modifier(tok, self.gazetteer)
        return Actor(actor_key(label), label, kind, speaks_for=side)


def _body_of(speaker: Actor) -> Actor | None:
    """The state or organization a quoted *we* or *our* stands for: the speaker's own, or the one a
    person speaks for."""
    body = speaker.speaks_for if speaker.kind is ActorKind.PERSON else speaker
    return body if body is not None and body.kind in (ActorKind.STATE, ActorKind.ORGANIZATION) else None


def _role_holder(tok: Token) -> Token | None:
    """*spokesperson for X*, *ministers of X*, *an official in the X Ministry*: the X a role noun
    serves. After *in* only a body: a place is where the holder is (*prosecutors in Vilnius*)."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "in"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.lower_ != "in" or obj is not None and obj.lower_ in ORG_NOUNS:
                return obj
    return None


def _body_modifier(tok: Token) -> Span | None:
    """The organization named before a role noun: *an Interior Ministry official*, *a senior UK
    Ministry of Defence official*."""
    for child in tok.children:
        ent = _entity_of(child) if child.dep_ in ("compound", "nmod") and child.i < tok.i else None
        if ent is not None and ent.label_ == "ORG" and ent.end <= tok.i:
            return ent
    return None


def _role_before(name: Span) -> Token | None:
    """The role a name stands in apposition to: *founder* in *Ironveil's founder, Arkady Zheltov*."""
    title = name.root.head
    if name.root.dep_ == "appos" and title.i < name.start and title.lemma_.lower() in PERSON_NOUNS:
        return title
    return None


def _told(tok: Token) -> bool:
    """The one a statement was told to (*told CEN News*, *said in an interview with the Ledger*,
    *in a statement to ABN*, *speaking to the Courier*)."""
    head = tok.head
    if tok.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return True
    if tok.dep_ != "pobj" or head.lower_ not in ("with", "to"):
        return False
    via = head.head  # "in a statement sent to Channel 8", "in comments emailed to the Ledger"
    via = via.head if via.dep_ == "acl" and via.tag_ == "VBN" else via
    return via.lemma_.lower() in TELLING_WORDS


def _within(short: str, name: str) -> bool:
    """Every word of ``short`` is a word of ``name`` (*the Treasury* in *the US Treasury Department*)."""
    return all(w in name.split() for w in short.split())


_POSING = frozenset(("identify", "introduce", "describe"))
_REFLEXIVE = frozenset(("himself", "herself", "themselves"))


def _identified_as(tok: Token) -> Token | None:
    """*a man who identified himself as the group's spokesman*: *spokesman*."""
    for clause in (c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _POSING):
        if any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVE for c in clause.children):
            as_ = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            return next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
    return None


def _name_given(tok: Token) -> Span | None:
    """*the spokesman, who gave his name as Hamadoun Barry*: the name, when it is a full one."""
    for clause in (c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() == "give"):
        if any(c.dep_ == "dobj" and c.lemma_.lower() == "name" for c in clause.children):
            as_ = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            named = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
            full = _full_name(named) if named is not None else None
            if full is not None:
                return full
    return None


def _relative_opened_by(tok: Token, pronoun: str) -> bool:
    """The noun has a relative clause whose subject is ``pronoun`` (*X, which is based in Y*)."""
    clauses = (c for c in tok.children if c.dep_ == "relcl")
    return any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ == pronoun for c in clauses for w in c.children)


def _written(tokens: list[Token]) -> str:
    """A name as written where its words run on (*Self-Defence*, not *Self - Defence*)."""
    if all(b.i == a.i + 1 for a, b in zip(tokens, tokens[1:], strict=False)):
        return "".join(t.text_with_ws for t in tokens).strip()
    return " ".join(t.text for t in tokens)


def _shortens(short: str, name: str) -> bool:
    """*Kestwil* or *Banque Ferrand* for *Kestwil Aerotech AG*, *Banque Ferrand & Cie*."""
    return len(short.split()) < len(name.split()) and _within(short, name)


def _conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.conjuncts if c.i > tok.i]


def _folded_conjunct(tok: Token) -> Token | None:
    """The first of two coordinated names that the parser hung on the second as a modifier."""
    if tok.pos_ != "PROPN":
        return None
    for child in tok.doc[tok.left_edge.i : tok.i]:  # the modifier may hang on a word of the name
        if child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN" and any(
            c.dep_ == "cc" and c.lower_ == "and" for c in child.children
        ):
            return child
    return None


def _collective_of_states(tok: Token) -> bool:
    """*these governments*, *both countries*, *the two sides*: states named just before."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in STATE_COLLECTIVES:
        return False
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    return bool(words & {"these", "those", "both", "two"})


def _described_name(tok: Token) -> tuple[list[Token], list[Token]] | None:
    """A common noun describing a body, then its proper name, as the parser may give them:
    *cybersecurity firm Mandiant* (the name heads the phrase), *US chipmaker Nvidia* (the name in
    apposition) or *the news agency TASS* (two subjects side by side). (description, name), or
    None; never for a person's name, which takes its title elsewhere."""
    doc = tok.doc
    if tok.pos_ == "PROPN":
        phrase = noun_phrase(tok)
        k = len(phrase)
        while k > 0 and phrase[k - 1].pos_ == "PROPN":
            k -= 1
        description, name = phrase[:k], phrase[k:]
    elif tok.pos_ == "NOUN" and (called := naming_clause(tok)) is not None:
        return noun_phrase(tok), called  # "a group that calls itself Iron Wolf", "a network known as X"
    elif tok.pos_ == "NOUN" and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
        after = doc[tok.i + 1]
        head = after
        while head.head.i != head.i and head.head.pos_ == "PROPN" and head.head.i > tok.i:
            head = head.head  # "RIA" -> "Novosti"
        beside = head.dep_ == tok.dep_ and head.head.i == tok.head.i  # "agency TASS said"
        if not (head.dep_ == "appos" and head.head.i == tok.i) and not beside:
            return None
        description = noun_phrase(tok)
        name = [t for t in doc[tok.i + 1 : head.i + 1]]
    else:
        return None
    if not description or not name or description[-1].pos_ != "NOUN" or any(t.pos_ != "PROPN" for t in name):
        return None
    if any(t.lower_ in ORG_NOUNS or t.lower_ in ROLE_NOUNS or not t.text[:1].isupper() for t in name):
        return None  # "Kazakhstan's transport ministry": a body's description, no name
    named = _entity_of(name[-1])
    kind = description[-1].lemma_.lower()
    # the tagger takes some firms for people: "chipmaker Velden", "security company Northwall"
    body = kind not in ROLE_NOUNS and (kind in ORG_NOUNS or kind in COMPANY_NOUNS or kind.endswith("maker"))
    if named is not None and named.label_ == "PERSON" and not body:
        return None
    return description, name


def _seat(tok: Token, gazetteer: Gazetteer) -> Actor | None:
    """The state of *the government in Bangui*, *the administration in Washington*, *the
    government of Sao Tome and Principe*."""
    if tok.lemma_.lower() not in ("government", "administration"):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                ent = _entity_of(obj)
                names = (ent.text, obj.text) if ent is not None else (obj.text,)
                place = next((p for n in names if (p := gazetteer.place(n)) is not None), None)
                if place is not None and place.kind is ActorKind.STATE:
                    return place
    return None


def _titled_name(tok: Token) -> Span | None:
    """The name of two or more proper nouns ending at ``tok`` right after a person's title
    (*spokeswoman Sadia Rahim*), when the tagger labelled it no person."""
    full = _full_name(tok)
    ent = _entity_of(tok)
    if full is None or full.start == 0 or ent is not None and ent.label_ == "PERSON":
        return None
    title = tok.doc[full.start - 1]
    return full if title.pos_ == "NOUN" and title.lemma_.lower() in ROLE_NOUNS else None


def _full_name(tok: Token) -> Span | None:
    """The proper nouns that end at ``tok`` (*Tomasz Wrona*), when there are two or more."""
    start, doc = tok.i, tok.doc
    while start > 0:
        hyphen = start > 1 and doc[start - 1].text == "-"
        if hyphen and not doc[start - 2].whitespace_ + doc[start - 1].whitespace_:
            start -= 2  # "Kim Do-hyun": the tokenizer splits the given name at its hyphen
        elif doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == tok.i:
            start -= 1
        else:
            break
    return tok.doc[start : tok.i + 1] if tok.pos_ == "PROPN" and tok.i - start >= 1 else None


def _corporate_name(ent: Span) -> bool:
    return len(ent) >= 2 and ent[-1].pos_ == "PROPN" and ent[-1].lower_ in CORPORATE_NAME_ENDS


def _entity_of(tok: Token) -> Span | None:
    if not tok.ent_type_:
        return None  # outside every entity; spares building the document's entity spans
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _name_tokens(ent: Span) -> list[str]:
    words: list[str] = []
    for t in ent:
        honorific = t.lower_.rstrip(".") + ("." if t.lower_.endswith(".") else "") in _HONORIFICS
        if honorific or t.text in ("'s", "’s"):
            continue
        before = ent.doc[t.i - 1] if t.i > ent.start else None
        joined = before is not None and not before.whitespace_ and "-" in (t.text, before.text)
        if joined and words:
            words[-1] += t.text  # "Park Ji-won", which the tokenizer splits at the hyphen
        else:
            words.append(t.text)
    words = [w for w in words if w.lower() not in _HONORIFICS] or [ent.text]
    while len(words) > 2 and words[0].lower() in PERSON_NOUNS:
        words = words[1:]  # "Spokeswoman Yelena Voronova" at the start of a sentence, tagged as one name
    return words


def _dateline_state(tok: Token, gazetteer: Gazetteer) -> Actor | None:
    """The state of the place the sentence sets its scene in before the speaker (*In Beijing, ...*,
    *Speaking at a briefing in Tehran, ...*)."""
    for prep in tok.sent[: max(0, tok.i - tok.sent.start)]:
        if prep.lower_ != "in" or prep.dep_ != "prep" or not _sets_scene(prep):
            continue
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        ent = _entity_of(place) if place is not None else None
        found = gazetteer.find(ent.text) if ent is not None else None
        if found is not None and found.kind is ActorKind.STATE:
            return found
    return None


def _late_apposition(tok: Token) -> Span | None:
    """The name set off by commas right before the verb of a subject that has a relative clause:
    *the contractor whose account was used, (Gdansk-based) PortServ Technika, said*."""
    verb, doc = tok.head, tok.doc
    if tok.dep_ != "nsubj" or verb.i < tok.i or not any(c.dep_ == "relcl" for c in tok.children):
        return None
    end = verb.i - 1
    if end <= tok.i or doc[end].text != ",":
        return None
    start = end
    while start - 1 > tok.i and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start == end:
        return None
    lead = start - 1  # "Gdansk-based": a hyphened modifier before the name
    while lead > tok.i and (doc[lead].text == "-" or doc[lead].dep_ in ("npadvmod", "amod")):
        lead -= 1
    return doc[start:end] if doc[lead].text == "," else None


def _sets_scene(prep: Token) -> bool:
    """A phrase of the sentence's own clause or its opening participle (*In Beijing, X said*,
    *Speaking in Tehran, X said*), not of what is reported (*"... to spy in Austria," X said*)."""
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "advcl" and verb.head.dep_ == "ROOT")


def _own_gender(subject: Token) -> str | None:
    """The gender of a lone, unlabelled name whose own clause speaks of *his* or *her* (*Vos has
    begun her opening statement*), else None."""
    if subject.pos_ != "PROPN" or subject.ent_type_ or len(noun_phrase(subject)) != 1:
        return None
    inside = {t.i for t in subject.subtree}
    owners = {
        PERSONAL_PRONOUNS.get("he" if t.lower_ == "his" else t.lower_)
        for t in subject.head.subtree
        if t.dep_ == "poss" and t.lower_ in ("his", "her") and t.i not in inside
    }
    return owners.pop() if len(owners) == 1 else None


def _based(tok: Token) -> bool:
    """*the Lausanne-based federation*: a definite noun whose only modifier says where it is based."""
    words = [t for t in noun_phrase(tok) if t.i != tok.i and t.dep_ != "det"]
    based = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ == "based"), None)
    inside = {x.i for x in based.subtree} if based is not None else set()
    return _has_definite_det(tok) and bool(inside) and all(t.i in inside for t in words)


def _body_name(ent: Span) -> bool:
    """*the World Anti-Doping Agency*, whatever the tagger labels it: a name that ends in a word
    for a body."""
    return len(ent) >= 2 and ent[-1].pos_ == "PROPN" and ent[-1].lower_ in BODY_NOUNS


def _short_name_after(ent: Span) -> str | None:
    """The short name in brackets after a body's name that it may abbreviate: *(IWC)*, *(Wada)*."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return None
    short = doc[ent.end + 1]
    initials = [t.text[0] for t in ent if t.text[:1].isupper() and t.lower_ != "the"]
    if not short.text[:1].isupper() or not short.is_alpha or not initials or short.text[0] != initials[0]:
        return None
    return short.text


def _technical_acronym(ent: Span) -> bool:
    """*AIS transponders*, *VPN appliance*, *SIM cards*: a short capitalised acronym that only
    modifies a common noun names a technology, which the tagger may take for an organization."""
    word = ent.text
    return len(ent) == 1 and word.isupper() and len(word) <= 4 and ent.root.dep_ == "compound" and (
        ent.root.head.pos_ == "NOUN"
    )


def _described_as_body(ent: Span) -> bool:
    """*Azadi Nederland, a network of Iranian exiles*, *the militia Jeshi Huru*: an apposition says
    the name is a body's."""
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.i < ent.start and head.lemma_.lower() in BODY_NOUNS:
        return True
    return any(
        c.dep_ == "appos" and c.lemma_.lower() in BODY_NOUNS for c in ent.root.children
    )


def _antecedent(clause: Token, gazetteer: Gazetteer) -> Token:
    """The noun a relative clause is about: the one it hangs on, but a body's, not its place's, in
    *the Russian embassy in Tallinn, which said P* (a place says nothing)."""
    noun = clause.head
    body = noun.head.head
    if noun.dep_ != "pobj" or body.pos_ not in ("NOUN", "PROPN"):
        return noun
    if noun.ent_type_ in ("GPE", "LOC", "FAC"):
        return body
    known = gazetteer.find(noun.text)  # a capital the tagger took for an organization
    return body if known is not None and known.kind is ActorKind.STATE else noun


def _described_as_person(tok: Token) -> bool:
    """*Lena Ruiz, a former engineer*, *Emil Varga, a Hungarian-born broker whom ...*: an
    apposition whose noun names what only people are; a trade a business also plies (*broker*)
    only with a mark of a person (*-born*, *who*, *whom*)."""
    for appos in (c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        lemma = appos.lemma_.lower()
        if lemma in _TRADES:
            born = any(t.lower_ == "born" for t in appos.lefts)
            clauses = [c for c in appos.children if c.dep_ == "relcl"]
            if born or any(w.lower_ in ("who", "whom") for c in clauses for w in c.children):
                return True
        elif lemma in PERSON_NOUNS and lemma not in _NOT_ONLY_PEOPLE:
            return True
    return False


# Words in the name of a body of members, which no "the ministry" or "the agency" means.
_CIVIL_WORDS = COLLECTIVE_BODIES | frozenset("federation confederation association league union".split())
# Those who speak for others or for the state, and so are no one's client.
_BRIEFS = ADVOCATES | frozenset(
    "prosecutor judge investigator inspector minister official ambassador envoy secretary diplomat".split()
)
# Nouns of people's roles that a body may hold too: "X, a client of the bank", "a source".
_NOT_ONLY_PEOPLE = RELATIONS | PERSON_OR_BODY_NOUNS | frozenset(
    "client source party customer investor insurer shipper dealer leader fellow".split()
)
_TRADES = frozenset("broker trader dealer shipper insurer".split())


def _with_object(words: list[Token]) -> list[Token]:
    """A body's name that the tagger ended before or at its preposition (*UN Panel of Experts on |
    Sudan*): with the name that follows the preposition; a dangling preposition left out."""
    doc = words[-1].doc
    last = words[-1]
    if last.pos_ != "ADP" and last.i + 2 < len(doc) and doc[last.i + 1].lower_ in ("on", "of", "for"):
        words, last = words + [doc[last.i + 1]], doc[last.i + 1]
    if last.pos_ != "ADP" and last.lower_ not in ("on", "of", "for"):
        return words
    after = _entity_of(doc[last.i + 1]) if last.i + 1 < len(doc) else None
    named = after is not None and after.label_ not in _NUMERIC_ENTITIES  # not "the Department on Wednesday"
    return words + list(after) if after is not None and named else words[:-1]


def _has_definite_det(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)


_DEFINITE = frozenset("the this that these those".split())


def _place_modifier(tok: Token, gazetteer: Gazetteer) -> Actor | None:
    for t in noun_phrase(tok)[:-1]:
        found = gazetteer.place(t.text)
        if found is not None:
            return found
    return None


def _title_and_side(
    ent: Span, gazetteer: Gazetteer, country: Actor | None = None
) -> tuple[str | None, Actor | None]:
    """*US Secretary of State Antony Blinken*: role "Secretary of State", side United States;
    *Lukin, an associate professor at X University*: role "associate professor", side the university;
    *Russia specialist Mark Katz*: no side, the place is what he studies."""
    doc = ent.doc
    head = ent.root
    before = doc[head.left_edge.i : ent.start]
    # "President A and Commission President B": B's title starts after the coordination
    start = max((t.i + 1 for t in before if t.dep_ == "cc"), default=before.start)
    title_tokens = [t for t in doc[start : ent.start] if not t.is_punct and t.dep_ != "det"]
    title_side = None
    role_words = []
    for t in title_tokens:
        place = gazetteer.place(t.text)
        t_ent = _entity_of(t)
        if place is None and t_ent is not None and t_ent.label_ in ("ORG", "GPE", "NORP"):
            place = gazetteer.find(t_ent.text)
            generic = any(w.lower_ in ORG_NOUNS for w in t_ent)  # "Foreign Ministry": whose, unsaid
            if place is None and t_ent.label_ == "ORG" and t_ent.end <= ent.start and not generic:
                # "Veltra Motors chief executive X": the body the title names
                label = " ".join(w.text for w in t_ent if w.lower_ != "the")
                place = Actor(actor_key(label), label, ActorKind.ORGANIZATION)
        if place is not None:
            title_side = title_side or place
        elif t.pos_ in ("NOUN", "PROPN", "ADJ", "ADP") and (t_ent is None or t_ent.label_ != "PERSON"):
            role_words.append(t.text)
    affiliation = None
    for child in head.rights:
        if child.dep_ == "appos" and not child.like_num:  # "Roman Dolgov, 46,": an age
            role_words = role_words or [
                t.text for t in child.subtree if t.dep_ in ("amod", "compound") and t.head == child
            ] + [child.text]
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "with", "for"):
                    affiliation = affiliation or _org_of(prep, gazetteer, country)
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "from"):
            affiliation = affiliation or _org_of(child, gazetteer, country)
    official = any(t.lower_ in ROLE_NOUNS | ORG_NOUNS | OFFICER_TITLES for t in title_tokens)
    role = " ".join(role_words).strip() or None
    return role, affiliation or (title_side if official else None)


def _org_of(prep: Token, gazetteer: Gazetteer, country: Actor | None = None) -> Actor | None:
    """The body a preposition names (*a spokesman for X*); *the country's trade ministry* is a
    body of ``country``, the state named last."""
    for pobj in prep.children:
        if pobj.dep_ == "pobj":
            owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
            if owner is not None and owner.lemma_.lower() in COUNTRY_NOUNS and country is not None:
                words = noun_phrase(pobj)
                rest = " ".join(t.text for t in words if t.i > owner.i and t.text not in ("'s", "’s"))
                name = f"{country.label}'s {rest}"
                return Actor(actor_key(name), name, ActorKind.ORGANIZATION, speaks_for=country)
            ent = _entity_of(pobj)
            name = ent.text if ent is not None else " ".join(t.text for t in noun_phrase(pobj))
            name = name[4:] if name.lower().startswith("the ") else name
            found = gazetteer.find(name)
            if found is not None:
                return found
            if ent is not None and ent.label_ in ("ORG", "GPE", "FAC"):
                kind = ActorKind.STATE if ent.label_ == "GPE" else ActorKind.ORGANIZATION
                return Actor(actor_key(name), name, kind)
            if pobj.lemma_.lower() in ORG_NOUNS:  # "the Polish energy ministry"
                return Actor(actor_key(name), name, ActorKind.ORGANIZATION,
                             speaks_for=_place_modifier(pobj, gazetteer))
    return None
