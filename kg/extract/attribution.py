"""Attribution rules: find who says or denies what in one parsed paragraph.

Each rule is a plain function over a spaCy parse that returns ``Found`` records
(speaker token, cue, stance, content tokens). The rules:

* reporting verb with a subject and a complement (*X said that P*, *"P," said X*),
  including joint subjects, inherited subjects (*..., adding that P*; *X described A as B
  and said P*), passives with an agent (*P was denied by X*);
* *according to X, P* and reports as speakers (*a report by X found P*);
* accusations and blame (*X accused Y of Z* -> *Y Z*; *X blamed Y for A* -> *Y was behind A*),
  read in ``accusations``;
* reports inside reports (*..., a practice it says could hide cargo*), and a speaker's own next
  act hung on what was said (*X said P and accused Y of Q*);
* judgements (*X called the claim groundless* -> a denial; *X described A as B* -> A is B);
* denials of a pronoun or a claim noun (*Beijing denies this*, *..., which China denies*),
  whose content is resolved by the caller to the claim they point at;
* quoted sentences with no attribution of their own take the speaker of their quote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.accusations import accusations, blame_of
from kg.extract.found import Found, asked_or_bidden, depth, make_found, none_of
from kg.extract.lexicon import (
    ACCUSING_VERBS,
    APPEAL_VERBS,
    ASSERT_VERBS,
    BLAMING_VERBS,
    CLAIM_NOUNS,
    CLAIMABLE_ACTS,
    CONCESSIVE_MARKS,
    CONTINUING_PARTICIPLES,
    CULPABILITY_NOUNS,
    DECLINING_VERBS,
    DENIAL_JUDGEMENTS,
    DENIAL_NOUNS,
    DENY_VERBS,
    ENUMERATING_VERBS,
    EVIDENCE_VERBS,
    JUDGE_VERBS,
    NEVER_NOUN_CUES,
    PLEDGING_VERBS,
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    SAYING_VERBS,
    SILENT_VERBS,
    TRUTH_WORDS,
    UNSAID_OBJECTS,
    WITHHOLDING_VERBS,
)
from kg.extract.names import has_determiner, hears_case, names_report, naming_clause
from kg.extract.rejoinders import rejoinder, tail_of
from kg.records import Stance

if TYPE_CHECKING:  # spaCy is imported when the model loads, not with the package
    from spacy.tokens import Span, Token

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_POINTING = frozenset("this these those such".split())
_FINITE_SUBJECTS = ("nsubj", "nsubjpass", "expl")
_CLAUSE_DEPS = ("ccomp", "xcomp")
# Verbs whose object is the one told: "told a colleague that P", "assured investors that P".
_TELLING_VERBS = frozenset("tell assure inform warn remind advise reassure".split())
_REFLEXIVES = frozenset(("itself", "themselves", "himself", "herself"))
_REFUSING_MODALS = frozenset(("would", "will", "could", "can", "wo", "ca"))  # "wo" of "won't"
_REFUSABLE = WITHHOLDING_VERBS | ASSERT_VERBS  # "declined to comment", "refused to say whether"


def quoted(sent: Span) -> list[Found]:
    """A quoted sentence with no attribution of its own, whose speaker is the quote's: one
    statement per proposition, as for a complement (*"A is a problem, and we are working on B."*)."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        found = _split_clause(root, sent, None, root, Stance.ASSERT)
    elif called_false := _judged_false_in_words(root):
        found = [make_found(sent, None, "said", Stance.DENY, called_false)]
    else:
        found = [make_found(sent, None, "said", Stance.ASSERT, list(sent))]
    for f in found:
        f.cue, f.cue_lemma = "said", "say"
    return [f for f in found if not asked_or_bidden(f)]


def find_in_sentence(sent: Span, mask: list[bool]) -> list[Found]:
    """Every attribution whose cue lies outside quotes in this sentence, outermost first."""
    found: list[Found] = []
    claimed: set[int] = set()  # tokens already inside some statement's content
    cues = sorted((t for t in sent if _is_cue(t) and not mask[t.i]), key=depth)
    for verb in cues:
        nested = verb.i in claimed
        if nested and not _reports_within(verb):
            continue
        inner = _from_verb(verb, sent, mask)
        stranded = _stranded_name(verb)
        if inner and stranded is not None and _subject(verb) == stranded:
            _drop(inner, {t.i for t in stranded.head.subtree})  # the role the parser hung on the quote
        if nested and inner:
            _cut(found, verb)
        for f in inner:
            found.append(f)
            claimed.update(f.tokens)
            claimed.add(f.at)  # "said P and called the charges a fabrication": that cue is used
    for f in _according_to(sent):
        if not (f.tokens & claimed) or not found:
            found.append(f)
        elif len(f.tokens & claimed) * 2 < len(f.tokens):
            # "According to the report, P, which the researchers described as Q": the report says
            # P, less the clause another speaker's statement took
            cues = [sent.doc[g.at] for g in found if g.at in f.tokens]
            _drop([f], claimed | {t.i for cue in cues for t in cue.subtree})
            found.append(f)
    found.extend(_claim_nouns(sent, mask))
    if not found:
        found.extend(_cue_read_as_noun(sent, mask))
    tail = rejoinder(sent, mask)
    if tail is not None:
        cut = tail_of(tail)
        before = [f for f in found if f.at != tail.at]  # the verb rules may have read the tail too
        if before:
            _drop(before, cut)  # the parser may have hung the tail on the accusation
            if len(before) == len(found):
                found.append(tail)
        else:  # "X was charged with spying, a charge he denies": the narration is denied
            told = [t for t in sent if t.i < min(cut) and not (t.is_punct and not mask[t.i])]
            found[:] = [make_found(sent, tail.speaker, sent.doc[tail.at], Stance.DENY, told)]
    return [f for f in found if not asked_or_bidden(f)]


def _cue_read_as_noun(sent: Span, mask: list[bool]) -> list[Found]:
    """*Prosecutors allege she sold the plans*: the tagger takes the verb for a noun modifying the
    clause, its subject for a compound of it; the clause is still what they allege."""
    for tok in sent:
        clause = tok.head
        if mask[tok.i] or tok.pos_ != "NOUN" or tok.lower_ not in NEVER_NOUN_CUES or clause.i < tok.i:
            continue
        subject = next((c for c in tok.lefts if c.dep_ in ("compound", "nsubj")), None)
        if subject is not None and clause.pos_ in ("VERB", "AUX"):
            reporting = {t.i for t in tok.subtree}
            body = [t for t in clause.subtree if t.i not in reporting]
            return [make_found(sent, subject, tok, Stance.ASSERT, body)]
    return []


def _reports_within(verb: Token) -> bool:
    """*..., a practice it says could hide cargo*, *..., an accusation Beijing rejects*: a relative
    clause with a speaker of its own inside someone else's statement is a statement of its own."""
    return verb.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children
    )


def _cut(found: list[Found], verb: Token) -> None:
    """Take a nested report out of the statements that swallowed it: the relative clause, and the
    apposition it describes (*a practice it says ...*)."""
    head = verb.head
    _drop(found, {t.i for t in (head.subtree if head.dep_ == "appos" else verb.subtree)})


def _drop(found: list[Found], cut: set[int] | frozenset[int]) -> None:
    for f in found:
        if f.tokens & cut:
            f.parts = tuple([t for t in p if t.i not in cut] for p in f.parts)
            f.tokens = f.tokens - cut
            f.content = f.render()


def _is_cue(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "amod":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "hear":  # "a court heard P": the prosecution's case
        return any(hears_case(c) for c in tok.children)
    return lemma in ASSERT_VERBS or lemma in DENY_VERBS or lemma in JUDGE_VERBS


def _subject(verb: Token) -> Token | None:
    several = [c for c in verb.children if c.dep_ == "nsubj"]
    named = [c for c in several if c.ent_type_ == "PERSON"]
    if len(several) > 1 and named:
        return named[-1]  # "said Skywatch co-founder Jonas Eklund", the hyphenated title cut in three
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") or hears_case(child):  # "jurors were told P"
            return child
        if child.dep_ == "agent":  # "it was denied by X"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    misread = _misread_subject(verb) or _stranded_name(verb) or _subject_set_off(verb)
    if misread is not None:
        return misread
    head = verb.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    joined = any(c.dep_ == "cc" for c in head.children if head.i < c.i < verb.i)
    if verb.dep_ == "conj" and not joined and before is not None and before.pos_ in ("PROPN", "NOUN") and (
        before.dep_ == "pobj"
    ):
        # "... after Estonia's security service said P": with no "and", a conjunct right after a
        # noun is the parser's misreading of that noun's own clause
        return before
    if verb.tag_ == "VBG" and head.lower_ == "as" and head.head.lemma_.lower() == "quote":
        # "X was quoted as saying P"
        return next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)
    # "X said A and added B", "..., adding that P", "refrained from commenting, calling it B"
    if head.i != verb.i and (verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG")):
        if verb.dep_ == "advcl":
            # "X urged Y to stop Z, describing W as V": the participle is often hung on the
            # infinitive; whoever describes is who urges, not whom they urge
            while head.dep_ == "xcomp" and head.tag_ == "VB" and head.head.i != head.i:
                head = head.head
            if head.dep_ == "ccomp" and _is_cue(head.head) and not _is_cue(head):
                head = head.head  # "X denied that P, saying Q", the participle hung on P
        return _subject(head)
    return None


def _misread_subject(verb: Token) -> Token | None:
    """The subject of a report the parser took for a modifier: *the 47-year-old said*, with *old*
    read as an adjective of *said*; *Tessly, which is based in Dublin, said*, with the unknown name
    read as an adverb. Only right before the verb (bar commas) and, for a name, opening the sentence."""
    if not any(c.dep_ == "ccomp" for c in verb.children) and verb.dep_ != "ROOT":
        return None
    for child in verb.children:
        if child.dep_ not in ("amod", "advmod", "npadvmod", "dep"):
            continue
        aged = child.lower_ == "old" and any(c.lower_ == "year" for c in child.children)
        before = child.i < verb.i
        between = verb.doc[child.right_edge.i + 1 : verb.i] if before else verb.doc[verb.i + 1 : child.i]
        adjacent = all(t.is_punct for t in between)
        if aged and adjacent:
            return child
        opening = child.left_edge.i == verb.sent.start and before
        if opening and adjacent and child.text[:1].isupper() and child.pos_ != "PROPN":
            return child
    return None


def _subject_set_off(verb: Token) -> Token | None:
    """*Beijing, for its part, has denied P*: a name opening the sentence and cut from its verb
    by a phrase between commas, which the parser then takes for an adverb of the verb."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    doc = verb.doc
    for child in verb.children:
        if child.dep_ not in ("npadvmod", "dep") or child.i >= verb.i or child.left_edge.i != verb.sent.start:
            continue
        if child.pos_ not in ("PROPN", "NOUN") or child.ent_type_ in ("DATE", "TIME"):
            continue
        between = doc[child.right_edge.i + 1 : verb.i]
        commas = [t.i for t in between if t.text == ","]
        if len(commas) < 2 or commas[0] != child.right_edge.i + 1:
            continue
        rest = doc[commas[1] + 1 : verb.i]
        if all(t.head.i == verb.i and t.dep_ in ("aux", "neg", "advmod") for t in rest):
            return child
    return None


def _stranded_name(verb: Token) -> Token | None:
    """*'"Q," the terminal's chief executive, Marta Kell, said'*: the parser hangs the role on the
    quote as its object and the name on the role, leaving the verb with no subject; the name set off
    by commas right before it is who speaks."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i - 2]
    return name if name.pos_ == "PROPN" and name.dep_ == "appos" and name.head.i < name.i else None


def _from_verb(verb: Token, sent: Span, mask: list[bool]) -> list[Found]:
    lemma = verb.lemma_.lower()
    speaker = _subject(verb)
    if speaker is None or speaker.i < sent.start or speaker.i >= sent.end:
        return []
    reports = any(c.dep_ == "ccomp" for c in verb.children)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and not reports:
        # "with the US threatening sanctions, ...": the narrator's backdrop; "with prosecutors
        # alleging that P" still reports P
        return []
    reporting = names_report(speaker)
    if lemma in EVIDENCE_VERBS and not reporting:
        return []  # "data show P" reports; "Xi and Putin will show that P" is a prediction
    if (
        verb.dep_ in ("advcl", "xcomp")
        and verb.tag_ == "VBG"
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
    ):
        if lemma not in CONTINUING_PARTICIPLES and lemma not in JUDGE_VERBS:
            return []
    unheard = speaker.dep_ == "nsubjpass" and not hears_case(speaker)  # "jurors were told P" is reported
    if unheard and not any(c.dep_ == "agent" for c in verb.children):
        if speaker.head.i == verb.i:
            return []  # "P is rumoured": no speaker
    if _appeal(verb):
        return []
    if _negated(verb):
        return []  # "would not say whether P", "has not denied P", "does not believe P": nothing said
    if lemma in PLEDGING_VERBS and not any(c.dep_ == "ccomp" for c in verb.children):
        return []  # "Kenya promised not to transfer the rifles": an undertaking, not a proposition
    stance = Stance.DENY if lemma in DENY_VERBS else Stance.ASSERT
    clauses = [
        c for c in verb.children
        if c.dep_ in _CLAUSE_DEPS and c.i != speaker.i and _complement_in_place(c, verb, mask)
    ]
    if not clauses:
        clauses = _clause_on_setting(verb) or _quoted_as_saying(verb)
    # '..., she said, "but I think Q"': a quoted continuation hung on the verb as a conjunct
    clauses += [c for c in verb.children if c.dep_ == "conj" and mask[c.i] and c.pos_ in ("VERB", "AUX")]
    if clauses:
        clauses += _contrasted(verb)
        # "told the court P, and that Q": the parser hangs the second complement on the verb
        clauses += [c for c in verb.children if c.dep_ == "conj" and _that_clause(c) and c not in clauses]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not clauses and objects and lemma in _TELLING_VERBS:
        # "he told a colleague that the companies were clean": the parser may hang the complement
        # on the one told, as if it said which colleague
        clauses = [c for c in objects[0].children if c.dep_ in ("acl", "relcl") and _that_clause(c)]
    if not objects and lemma in DENY_VERBS:
        # "has also denied, in the past, reports by X that P": the parser loses the object after
        # the inserted phrase
        objects = [c for c in verb.children if c.dep_ == "dep" and c.pos_ == "NOUN" and c.i > verb.i]
    if lemma in ACCUSING_VERBS:
        accused = accusations(verb, objects[0] if objects else None)
        if accused:
            return [make_found(sent, speaker, verb, stance, *pair) for pair in accused]
    if lemma in BLAMING_VERBS and (objects or verb.dep_ == "relcl"):
        # "the tanker investigators blame for the damage", "a group that X has linked to Y": the
        # object is the noun the relative clause hangs on
        pointing = not objects or objects[0].lower_ in RELATIVE_PRONOUNS
        blamed = blame_of(verb, verb.head if pointing and verb.dep_ == "relcl" else objects[0], sent, speaker)
        if blamed is not None:
            return [blamed]
    if lemma == "claim" and objects and not clauses:
        owned = _claimed_act(objects[0])
        if owned:  # "X claimed (responsibility for) the attack": X says it carried it out
            # "a group calling itself X claimed the attack": X carried it out
            doer = naming_clause(speaker) or [t for t in speaker.subtree if t.lower_ not in _REFLEXIVES]
            return [make_found(sent, speaker, verb, stance, doer, owned, joiner=" carried out ")]
    # "calls itself X" names; "describing itself as a band of volunteers" says what it is
    posing = verb.dep_ == "relcl" and objects and objects[0].lower_ in ("himself", "herself")
    if posing:
        return []  # "a man who described himself as a spokesman": who speaks, not what is said
    if lemma in JUDGE_VERBS and objects and (objects[0].lower_ not in _REFLEXIVES or lemma == "describe"):
        judged = _judgement(verb, objects[0], sent, speaker)
        if judged:
            return judged
    if lemma in DENY_VERBS and objects and objects[0].lemma_.lower() in CLAIM_NOUNS:
        # "denied these allegations": the object is what is denied, whatever else the parser hung here
        return [_denial_of(objects[0], sent, speaker, verb)]
    relative = _relative_subject(verb, clauses)
    if relative is not None:
        return [make_found(sent, speaker, verb, stance, relative)]
    named = _what_it_called(clauses) if lemma in DENY_VERBS else None
    if named is not None:
        # "rejected what it called a smear campaign": a denial of what was said before
        said = frozenset(t.i for c in clauses for t in c.subtree)  # no statement of its own
        return [Found(sent, speaker, verb.text, lemma, Stance.DENY, None, said, pointer=named, at=verb.i)]
    reduced = _reduced_relative(clauses)
    if reduced is not None:
        return [make_found(sent, speaker, verb, stance, reduced)]
    if clauses:
        out = []
        for clause in clauses:
            out.extend(_split_clause(clause, sent, speaker, verb, stance))
        return out
    if (
        lemma in ASSERT_VERBS  # "records show ships leaving the port" too
        and objects
        and objects[0].lemma_.lower() not in REPORTING_NOUNS  # "repeated its denial that P": read there
        and any(c.dep_ == "acl" and c.pos_ == "VERB" for c in objects[0].children)
    ):
        # "X claimed their talks centred on P": a small clause in object position
        return [make_found(sent, speaker, verb, stance, list(objects[0].subtree))]
    if lemma in DENY_VERBS:
        pointing = bool(objects) and objects[0].lower_ in ("which", "that") and verb.dep_ == "relcl"
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "P was denied by X"
        target = objects[0] if objects and not pointing else passive or _relative_antecedent(verb)
        answered = _accusation_answered(verb) if pointing else None
        if answered is not None:
            return [make_found(sent, speaker, verb, Stance.DENY, *answered)]
        if target is not None:
            return [_denial_of(target, sent, speaker, verb)]
    quoted = [t for c in verb.children if c.dep_ not in _SUBJECTS for t in c.subtree if mask[t.i]]
    if len([t for t in quoted if t.is_alpha]) >= 4 and verb.i not in {t.i for t in quoted}:
        # '"P," noted X' where the parser hung the quote on the verb as something else than a ccomp
        return [make_found(sent, speaker, verb, stance, quoted)]
    cut_off = _quote_before_conjunct(verb, speaker, mask)
    if cut_off:
        return [make_found(sent, speaker, verb, stance, cut_off)]
    told = _told_before(verb, speaker, sent)
    if told:
        return [make_found(sent, speaker, verb, stance, told)]
    if verb.dep_ == "parataxis" and not objects and not (mask[verb.head.i] and mask[sent.start]):
        # "In the weeks after the theft, he said, deposits doubled": the sentence around the
        # parenthetical report is what it reports
        inserted = frozenset(t.i for t in verb.subtree)
        bodies, own = _propositions(verb.head, sent, speaker, inserted)  # "P, she said, and Q"
        return [make_found(sent, speaker, verb, stance, body) for body in bodies] + own
    if verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children):
        # "As X pointed out, P": the main clause is the content
        main = verb.head
        body = [t for t in main.subtree if t.i not in {x.i for x in verb.subtree}]
        return [make_found(sent, speaker, verb, stance, body)]
    return []


def _quote_before_conjunct(verb: Token, speaker: Token, mask: list[bool]) -> list[Token]:
    """*'"P, and we never will," X told the Ledger'*: the parser makes the report a conjunct of the
    quote's verb (and takes the quote's last words for its own); the quote before it is what X said."""
    if verb.dep_ != "conj" or mask[verb.i] or not mask[verb.head.i] or speaker.i < verb.head.i:
        return []
    own = {t.i for t in verb.subtree}
    words = [t for t in verb.sent if mask[t.i] and t.i < verb.i and t.i not in own]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    return words if len([t for t in words if t.is_alpha]) >= 4 else []


def _told_before(verb: Token, speaker: Token, sent: Span) -> list[Token]:
    """*X covered 23 tankers, group Y alleged in a report*: the parser hangs the trailing report on
    a noun of what it reports; what comes before the comma is what was said."""
    start = speaker.left_edge.i
    comma = sent.doc[start - 1] if start > sent.start else None
    # hung on a noun before it, or joined to the reported verb with only the comma between
    joined = verb.dep_ == "conj" and not any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)
    trailing = (verb.dep_ in ("acl", "relcl") or joined) and verb.head.i < start and verb.i > speaker.i
    objects = any(c.dep_ in ("dobj", "obj") for c in verb.children)
    if comma is None or comma.text != "," or not trailing or objects:
        return []
    return [t for t in sent.doc[sent.start : comma.i] if not t.is_space]


def _quoted_as_saying(verb: Token) -> list[Token]:
    """*"P," he was quoted as saying*: the parser hangs the quote on *quoted*, not on *saying*."""
    head = verb.head
    if verb.tag_ == "VBG" and head.lower_ == "as" and head.head.lemma_.lower() == "quote":
        return [c for c in head.head.children if c.dep_ == "ccomp"]
    return []


def _claimed_act(obj: Token) -> list[Token]:
    """The act in *claimed responsibility for the attack* or *claimed the attack*, else nothing."""
    if obj.lemma_.lower() == "responsibility":
        act = next((c for p in obj.children if p.dep_ == "prep" and p.lower_ == "for"
                    for c in p.children if c.dep_ == "pobj"), None)
        return _without_setting(act) if act is not None else []
    return _without_setting(obj) if obj.lemma_.lower() in CLAIMABLE_ACTS else []


def _without_setting(noun: Token) -> list[Token]:
    """The noun's phrase without where the claim was made (*the attack | in a post on its site*)."""
    where = {t.i for p in noun.children if p.dep_ == "prep" and p.lower_ == "in" for t in p.subtree}
    return [t for t in noun.subtree if t.i not in where]


def _clause_on_setting(verb: Token) -> list[Token]:
    """*X said in a statement that P*, *told a briefing that P*: the parser hangs the that-clause on
    the noun of the setting; it is what was said."""
    for prep in verb.children:
        for noun in prep.children if prep.dep_ == "prep" else ():
            for clause in noun.children if noun.dep_ == "pobj" else ():
                that = any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                if clause.dep_ in ("acl", "ccomp", "relcl") and that:
                    return [clause]
    return []


def _contrasted(verb: Token) -> list[Token]:
    """*X said P, but Q*: the parser hangs Q on the reporting verb; Q, a clause with a subject
    of its own and no reporting verb, is the rest of what X said."""
    out = []
    for conj in verb.children:
        cc = [c for c in verb.children if c.dep_ == "cc" and c.i < conj.i]
        if (
            conj.dep_ == "conj"
            and conj.pos_ in ("VERB", "AUX")
            and cc and cc[-1].lower_ == "but"
            and any(c.dep_ in _FINITE_SUBJECTS for c in conj.children)
            and not _is_cue(conj)
        ):
            out.append(conj)
    return out


def _relative_subject(verb: Token, clauses: list[Token]) -> list[Token] | None:
    """*a freight forwarder that it said handled the shipments*: the complement's subject is the
    relative pronoun, which stands for the noun the relative clause hangs on."""
    if verb.dep_ not in ("relcl", "ccomp") or len(clauses) != 1:
        return None
    clause = clauses[0]
    pronoun = next(
        (c for c in clause.children if c.dep_ in _SUBJECTS and c.lower_ in RELATIVE_PRONOUNS), None
    )
    speaks = any(c.dep_ in _SUBJECTS and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)
    subjectless = not any(c.dep_ in _SUBJECTS for c in clause.children)
    if pronoun is None and verb.dep_ == "relcl" and speaks and subjectless:
        # "a practice it says could hide cargo": no pronoun, the clause's subject is the noun
        noun = verb.head
        own = {t.i for t in verb.subtree}
        return [t for t in noun.subtree if t.i <= noun.i and t.i not in own] + list(clause.subtree)
    # the pronoun opens the relative clause right after its noun (the parser may hang the clause
    # elsewhere: "named a broker that it said arranged P")
    if pronoun is None or pronoun.i != verb.left_edge.i or pronoun.i == 0:
        return None
    noun = verb.doc[pronoun.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    own = {t.i for t in verb.subtree}
    named = [t for t in noun.subtree if t.i <= noun.i and t.i not in own]
    return named + [t for t in clause.subtree if t.i != pronoun.i]


def _what_it_called(clauses: list[Token]) -> Token | None:
    """*what it called a smear campaign*, *what it described as lies*: the name given (*campaign*)
    to what the clause's *what* stands for, or None for any other complement."""
    for clause in clauses:
        if clause.lemma_.lower() not in JUDGE_VERBS:
            continue
        if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            continue
        for child in clause.children:
            if child.dep_ in ("oprd", "xcomp", "acomp") or child.dep_ == "dobj" and child.lower_ != "what":
                return child
            if child.dep_ == "prep" and child.lower_ == "as":
                return next((c for c in child.children if c.dep_ == "pobj"), child)
    return None


def _reduced_relative(clauses: list[Token]) -> list[Token] | None:
    """*X said hackers working for Iran breached the network*: the parser makes the reduced
    relative (*hackers working for Iran*) a complement of its own and the real verb a second one,
    without a subject, right after it. That is one proposition."""
    if len(clauses) != 2:
        return None
    first, second = sorted(clauses, key=lambda t: t.i)
    adjacent = first.right_edge.i + 1 == second.left_edge.i
    if first.tag_ != "VBG" or not adjacent or any(c.dep_ in _SUBJECTS for c in second.children):
        return None
    if not any(c.dep_ in _SUBJECTS for c in first.children):
        return None
    return [*first.subtree, *second.subtree]


def _complement_in_place(clause: Token, verb: Token, mask: list[bool]) -> bool:
    """A complement put before its verb without quotes has a subject (*P, he said*); one without
    is a misparsed opening phrase (*Discussing other issues, she said ...*)."""
    if clause.i > verb.i or mask[clause.i] or clause.dep_ == "xcomp":
        return True
    if any(x.dep_ in _FINITE_SUBJECTS for x in clause.children):
        return True
    # "Photographing a base is not a crime, she said": a clause for a subject, of a finite verb
    return clause.tag_ in ("VBZ", "VBD", "VBP") and any(x.dep_ == "csubj" for x in clause.children)


def _split_clause(
    clause: Token, sent: Span, speaker: Token | None, verb: Token, stance: Stance
) -> list[Found]:
    """One statement per proposition: *that A and that B*, *while A, B* give two."""
    relayed = _relayed_denial(clause, sent, speaker) if stance is Stance.ASSERT else None
    if relayed:
        return relayed
    rejected = _judged_false(clause)
    if rejected is not None and stance is Stance.ASSERT:
        # "X said the claims were absurd", "P's accusation that Q is unfounded, X said": X denies
        return [_denial_of(rejected, sent, speaker, verb)]
    untrue = _untrue_that(clause) if stance is Stance.ASSERT else None
    if untrue is not None:
        # "X said it was not true that P": X denies P
        return [make_found(sent, speaker, verb, Stance.DENY, list(untrue.subtree))]
    called_false = _judged_false_in_words(clause) if stance is Stance.ASSERT else None
    if called_false:
        return [make_found(sent, speaker, verb, Stance.DENY, called_false)]
    bodies, judged = _propositions(clause, sent, speaker)
    return [make_found(sent, speaker, verb, stance, body) for body in bodies] + judged


def _propositions(
    clause: Token, sent: Span, speaker: Token | None, leave_out: frozenset[int] = frozenset()
) -> tuple[list[list[Token]], list[Found]]:
    """The propositions of one reported clause (less ``leave_out``, the words that report it), and
    the statements of the speaker's own the parser hung on it (*P and called Q absurd*)."""
    own = {t.i for t in clause.subtree} - leave_out
    parts: list[list[Token]] = []
    judged: list[Found] = []

    def detach(conj: Token) -> set[int]:
        """Take a conjunct, and the conjunction before it, out of the proposition it hangs on."""
        sub = {t.i for t in conj.subtree}
        joining = [c.i for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i]
        own.difference_update(sub, joining)
        for part in parts:  # "bought P, relabelled it and shipped it": a chain of conjuncts
            part[:] = [t for t in part if t.i not in sub and t.i not in joining]
        return sub

    chain = [c for c in clause.children if c.dep_ == "conj"]
    while chain:
        conj = chain.pop(0)
        before = len(parts)
        if conj.tag_ == "MD":  # "I have never betrayed it, and I never would": no act of its own
            detach(conj)
            continue
        # "X said it knew nothing and called the allegations absurd": the parser hangs the second
        # report on the first complement; it is X's own judgement of what was said
        found = _conjoined_judgement(conj, sent, speaker)
        own_act = _conjoined_report(conj, sent, speaker) if not found else None
        own_act = _narrated_denial(conj, sent) if own_act is None and not found else own_act
        if found:
            detach(conj)
            judged.extend(found)
        elif own_act is not None:
            # "X said P and accused Y of Q", "... and called on Y to stop": the parser hangs X's next
            # act on P; it is X's own (a statement, or an appeal that states nothing)
            detach(conj)
            judged.extend(own_act)
        elif (
            clause.pos_ in ("VERB", "AUX")  # "some answers about X, and what happened" is one phrase
            and (
                conj.pos_ in ("VERB", "AUX")
                and (any(c.dep_ in _SUBJECTS for c in conj.children) or _second_that(conj))
                or _that_clause(conj)
            )
            and not _restates(conj)
        ):
            parts.append([sent.doc[i] for i in sorted(detach(conj) - leave_out)])
        elif (
            clause.pos_ in ("VERB", "AUX")
            and conj.pos_ in ("VERB", "AUX")
            and _complete(clause)  # "has never asked and will never ask X to P": one act
            and (
                # "it had halted all sales and had never supplied the army", "has not sent missiles
                # and does not supply weapons": a negated act is a proposition of its own (a denial,
                # said by the doer); "no longer trusts them and will never do so" is one act
                conj.lemma_.lower() != "do" and (_negated(conj) or _negated(clause))
                # "it had bought the goods in good faith and had stopped all purchases": so is each
                # of two finite predicates
                or _finite(conj) and _complete(conj) and not _restates(conj)
            )
        ):
            # each with the subject they share
            shared = [t for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
            if shared:
                sub = detach(conj) - leave_out
                parts.append(sorted([*shared, *(sent.doc[i] for i in sub)], key=lambda t: t.i))
        if len(parts) > before:
            chain[:0] = [c for c in conj.children if c.dep_ == "conj"]
    for conj in [t for t in clause.subtree if t.dep_ == "conj" and t.head.i != clause.i]:
        if conj.i in own and _that_clause(conj) and not _reported_within(conj, clause):
            # "said debris carried serial numbers, and that Iran had not responded": the parser
            # hangs a second complement deep inside the first
            parts.append([sent.doc[i] for i in sorted(detach(conj) - leave_out)])
    for adv in clause.children:
        said = any(c.dep_ == "ccomp" for c in adv.children)
        participle = adv.dep_ == "advcl" and adv.tag_ == "VBG" and adv.lemma_.lower() in ASSERT_VERBS
        if participle and said and not any(c.dep_ in _SUBJECTS for c in adv.children):
            # "X denied that P, saying Q": the parser hangs the participle on P; Q is a statement
            # of X's own (see _subject), not part of P
            own -= {t.i for t in adv.subtree}
        elif adv.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKS for c in adv.children
        ):
            sub = {t.i for t in adv.subtree} - leave_out
            own -= sub
            parts.append([sent.doc[i] for i in sorted(sub) if sent.doc[i].lower_ not in CONCESSIVE_MARKS])
    first = [sent.doc[i] for i in sorted(own)]
    return [body for body in [first, *parts] if body and not _withheld(body)], judged


def _relayed_denial(clause: Token, sent: Span, speaker: Token | None) -> list[Found] | None:
    """*The bank said it rejected any suggestion that P*, *her lawyer said her client denies the
    charges*, a quoted *"We reject the claim that P"*: the speaker denies P, in their own voice or
    their client's."""
    if clause.pos_ != "VERB" or clause.lemma_.lower() not in DENY_VERBS:
        return None  # a negated one ("I would not dismiss the assessment") _from_verb reads as nothing
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    voiced = subject is not None and (
        subject.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)
    )
    if not voiced:
        return None  # "Prosecutors said Lee denied P" reports Lee's denial, not theirs
    found = _from_verb(clause, sent, [False] * len(sent.doc))
    for f in found:
        f.speaker = speaker
    return found


def _withheld(body: list[Token]) -> bool:
    """*(it said) it would not comment*, *would not name the business*, *(and) declined to say
    whether*, *(but) gave no details*: a refusal to say, or what was not said, is no proposition."""
    root = min((t for t in body if t.pos_ in ("VERB", "AUX")), key=depth, default=body[0])
    lemma = root.lemma_.lower()
    if lemma in DECLINING_VERBS:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in _REFUSABLE for c in root.children)
    if any(c.dep_ == "dobj" and c.lemma_.lower() in UNSAID_OBJECTS and none_of(c) for c in root.children):
        return True
    modal = any(c.dep_ == "aux" and c.lower_ in _REFUSING_MODALS for c in root.children)
    refused = lemma in SILENT_VERBS or lemma in SAYING_VERBS and _asks(root) and not modal
    if refused and _negated(root):
        return True  # "did not comment on the inquiry", "did not say what measures were considered"
    return lemma in WITHHOLDING_VERBS and modal and _negated(root)


def _asks(verb: Token) -> bool:
    """Whether the verb's complement is an indirect question (*say what*, *say whether*)."""
    opening = (c.left_edge for c in verb.children if c.dep_ == "ccomp")
    return any(t.tag_ in ("WDT", "WP", "WRB") or t.lower_ in ("whether", "if") for t in opening)


def _second_that(conj: Token) -> bool:
    """*that A and that there was no B*: a conjunct with its own *that* is a complement of its own,
    whatever its subject."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children) and any(
        c.dep_ == "expl" for c in conj.children
    )


def _reported_within(tok: Token, clause: Token) -> bool:
    """Whether a clause inside another reports it in turn (*could not confirm that A, or that B*)."""
    while tok.i != clause.i and tok.head.i != tok.i:
        if tok.dep_ == "ccomp":
            return True
        tok = tok.head
    return False


def _that_clause(conj: Token) -> bool:
    """*and that Q*: a conjunct opened by its own *that*, with its own subject, is a complement."""
    opened = any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
    # 'and that its laboratories "work in full transparency"': the tagger may take the verb for a noun
    verb = conj.pos_ in ("VERB", "AUX", "NOUN")
    return verb and opened and any(c.dep_ in _SUBJECTS for c in conj.children)


def _restates(conj: Token) -> bool:
    """*..., and I think I can do that*: a conjunct whose act is *do that / so* speaks of the act
    before it, not of a proposition of its own."""
    return any(
        t.lemma_.lower() == "do" and any(c.dep_ in ("dobj", "advmod") and c.lower_ in ("that", "so", "this")
                                         for c in t.children)
        for t in conj.subtree
    )


def _complete(verb: Token) -> bool:
    """The verb has an object or complement of its own, not only the ones it shares."""
    return any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "prep", "attr", "acomp", "dative", "oprd")
               for c in verb.children)


def _finite(verb: Token) -> bool:
    """A verb in a tense of its own (*stopped*, *had stopped*), not a bare participle or infinitive."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _conjoined_report(conj: Token, sent: Span, speaker: Token | None) -> list[Found] | None:
    """A report or appeal of the speaker's own in a conjunct without a subject: the statements it
    makes (none for an appeal), or None when the conjunct is part of the proposition."""
    lemma = conj.lemma_.lower()
    if conj.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJECTS for c in conj.children):
        return None
    if _appeal(conj):
        return []
    if lemma in ACCUSING_VERBS:
        obj = next((c for c in conj.children if c.dep_ in ("dobj", "obj")), None)
        accused = accusations(conj, obj) if obj is not None else []
        return [make_found(sent, speaker, conj, Stance.ASSERT, *pair) for pair in accused] or None
    gerund = [c for c in conj.children if c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG"]
    if lemma in DENY_VERBS and gerund and not _negated(conj):
        # "X said its fighters carried out the strike, and denied receiving help": X's own denial
        return [make_found(sent, speaker, conj, Stance.DENY, list(gerund[0].subtree))]
    said = [c for c in conj.children if c.dep_ == "ccomp"]
    if said and _is_cue(conj) and lemma not in JUDGE_VERBS and not _negated(conj):
        # "X said P, but cautioned that Q": the parser hangs the second report on P
        stance = Stance.DENY if lemma in DENY_VERBS else Stance.ASSERT
        return [f for clause in said for f in _split_clause(clause, sent, speaker, conj, stance)]
    return None


def _narrated_denial(conj: Token, sent: Span) -> list[Found] | None:
    """*X said P, and it rejected suggestions that Q*: the parser hangs the narrator's next clause
    on P; a denial with a pronoun for its own subject is that pronoun's (*said that P and that it
    rejected Q* is still reported)."""
    subject = next((c for c in conj.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PRON" or conj.lemma_.lower() not in DENY_VERBS:
        return None
    if _negated(conj) or any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children):
        return None
    obj = next((c for c in conj.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and obj.lemma_.lower() in CLAIM_NOUNS:
        return [_denial_of(obj, sent, subject, conj)]
    said = [c for c in conj.children if c.dep_ == "ccomp"]
    return [f for c in said for f in _split_clause(c, sent, subject, conj, Stance.DENY)] or None


def _appeal(verb: Token) -> bool:
    """*urged Y to stop*, *called on Y to disregard it*: an appeal, which states nothing."""
    lemma = verb.lemma_.lower()
    return lemma in APPEAL_VERBS and (
        lemma != "call" or any(  # not "called the claim a lie on Friday"
            c.dep_ == "prep" and c.lower_ in ("on", "for")
            and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children)
            for c in verb.children
        )
    )


def _conjoined_judgement(conj: Token, sent: Span, speaker: Token | None) -> list[Found]:
    """A denial or judgement of something said, in a conjunct without a subject of its own."""
    if not _is_cue(conj) or any(c.dep_ in _SUBJECTS for c in conj.children):
        return []
    obj = next((c for c in conj.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return []
    lemma = conj.lemma_.lower()
    if obj.lemma_.lower() not in CLAIM_NOUNS:
        # "X said P, and called the boarding an act of piracy": X's own judgement of a deed (a
        # dismissal with no verdict, "and dismissed two officials", is no judgement)
        return _judgement(conj, obj, sent, speaker) if lemma in JUDGE_VERBS and lemma != "dismiss" else []
    if lemma in JUDGE_VERBS:
        return _judgement(conj, obj, sent, speaker)
    if lemma in DENY_VERBS:
        return [_denial_of(obj, sent, speaker, conj)]
    return []


def _judged_false(clause: Token) -> Token | None:
    """The claim a copular clause calls false: *the claims were absurd* -> *claims*; or a passive
    one: *the accusations were fabricated*."""
    if clause.lower_ in DENIAL_JUDGEMENTS and any(c.dep_ == "auxpass" for c in clause.children):
        subject = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and not _negated(clause) and subject.lemma_.lower() in CLAIM_NOUNS:
            return subject
        return None
    if clause.lemma_ != "be":
        return None
    judged = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
    words = {t.lower_ for c in judged for t in c.subtree} | {
        t.lemma_.lower() for c in judged for t in c.subtree
    }
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    false = bool(words & DENIAL_JUDGEMENTS) and not _negated(clause)
    # "That is simply not true", "the report is not accurate" (not "it is not true that P", whose P
    # is read as a clause of its own)
    that_clause = any(c.dep_ == "ccomp" for c in clause.children)
    untrue = _negated(clause) and bool(words & TRUTH_WORDS) and not that_clause
    if subject is None or not (false or untrue):
        return None
    if subject.lemma_.lower() in CLAIM_NOUNS or subject.pos_ in ("PRON", "DET"):
        return subject
    return None


def _untrue_that(clause: Token) -> Token | None:
    """The P of *it is not true that P*, *it was not correct that P*."""
    if clause.lemma_ != "be" or not _negated(clause):
        return None
    if not any(c.dep_ == "acomp" and c.lower_ in TRUTH_WORDS for c in clause.children):
        return None
    return next((c for c in clause.children if c.dep_ == "ccomp"), None)


def _judged_false_in_words(clause: Token) -> list[Token] | None:
    """The P of *the idea that P is absurd* read from the words, where the parser lost the
    copula in a long clause (*... help anybody make poison gas is absurd*)."""
    words = [t for t in clause.subtree if not t.is_punct]
    if len(words) < 6 or words[0].dep_ != "det" or words[1].lemma_.lower() not in CLAIM_NOUNS:
        return None
    if words[2].lower_ != "that" or words[-1].lower_ not in DENIAL_JUDGEMENTS:
        return None
    copula = next((i for i in range(len(words) - 2, 2, -1) if words[i].lemma_ == "be"), None)
    if copula is None or copula < len(words) - 3 or _negated(words[copula]):
        return None  # "is absurd", "is simply absurd"; not "is not absurd"
    return words[3:copula] or None


def _claim_nouns(sent: Span, mask: list[bool]) -> list[Found]:
    """*the claim by X that P*, *X's accusation that P*: X asserts P."""
    out: list[Found] = []
    for noun in sent:
        if noun.lemma_.lower() not in REPORTING_NOUNS or mask[noun.i]:
            continue
        # "last week's accusation by X": a time is no owner
        owners = [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")]
        owner = owners[0] if owners else None
        for prep in noun.children:
            if owner is None and prep.dep_ == "prep" and prep.lower_ == "by":
                owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        body = claim_noun_content(noun) if owner is not None else []
        if owner is not None and body and any(t.pos_ in ("VERB", "AUX") for t in body):
            stance = Stance.DENY if noun.lemma_.lower() in DENIAL_NOUNS else Stance.ASSERT
            out.append(make_found(sent, owner, noun, stance, body))
    return out


def _judgement(verb: Token, obj: Token, sent: Span, speaker: Token | None) -> list[Found]:
    """*X called / described / dismissed Y (as) Z*."""
    complement: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "xcomp"):
            complement = list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "as":
            complement = [t for c in child.children for t in c.subtree]
    as_object = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if not complement and as_object is not None:
        # "highlighting X's aggression as a threat": the parser hung "as Z" on the object
        complement = [t for c in as_object.children for t in c.subtree]
        obj_tokens = [t for t in obj.subtree if t.i not in {x.i for x in as_object.subtree}]
    else:
        obj_tokens = list(obj.subtree)
    if not complement:
        # "called the claims 'absurd'", parsed with the judgement as a modifier of the object;
        # "branded the accusations 'spy mania'", as an apposition
        complement = [c for c in obj.children if c.dep_ == "amod" and c.lower_ in DENIAL_JUDGEMENTS]
        complement = complement or [t for c in obj.children if c.dep_ == "appos" for t in c.subtree]
        complement = complement or _quoted_verdict(list(obj.subtree))
        obj_tokens = [t for t in obj_tokens if t.i not in {x.i for x in complement}]
    if not complement and obj.lemma_.lower() in CLAIM_NOUNS:
        # the that-clause of "the allegation that P" hung on the verb, the verdict buried in it
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            verdict = {t.i for t in _quoted_verdict(list(clause.subtree))}
            if verdict:
                body = [t for t in clause.subtree if t.i not in verdict]
                return [make_found(sent, speaker, verb, Stance.DENY, body)]
    if not complement and verb.lemma_.lower() != "dismiss":
        return []
    words = {t.lemma_.lower() for t in complement} | {t.lower_ for t in complement}
    # "called the claims a provocation" denies them; "described the incursions as a provocation"
    # accuses: a judgement of falsehood denies only what was said
    said = obj.lemma_.lower() in CLAIM_NOUNS or obj.pos_ in ("PRON", "DET")
    joiner = " are " if obj.tag_ in ("NNS", "NNPS") else " is "
    if verb.lemma_.lower() == "dismiss" or (said and words & DENIAL_JUDGEMENTS):
        denial = _denial_of(obj, sent, speaker, verb, {t.i for t in complement})
        if not _with_motive(complement) or obj.pos_ in ("PRON", "DET"):
            return [denial]
        # "dismissed the charges as 'a provocation staged to justify the closure'": besides the
        # denial, what the speaker says the charges are for, or whose work they are
        return [denial, make_found(sent, speaker, verb, Stance.ASSERT, obj_tokens, complement, joiner=joiner)]
    return [make_found(sent, speaker, verb, Stance.ASSERT, obj_tokens, complement, joiner=" is ")]


def _with_motive(complement: list[Token]) -> bool:
    """A verdict that says more than *false*: a participle or clause after its noun (*a provocation
    invented to justify P*, *a fabrication aimed at P*) or its author (*a smear campaign by X*)."""
    ids = {t.i for t in complement}
    heads = [t for t in complement if t.head.i not in ids or t.head.i == t.i]
    after = [t for h in heads for t in h.subtree if t.i in ids and t.i > h.i]
    # "by Washington", "by the enemies of X", not the idiom of "guilt by association"
    authors = [o for t in after if t.dep_ == "prep" and t.lower_ == "by" for o in t.children
               if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.tag_ == "NNS" or has_determiner(o))]
    return bool(authors) or any(t.dep_ in ("acl", "relcl") for t in after)


def _accusation_answered(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """*Y has been accused of arming the rebels, which it denies*: the relative clause hangs on the
    accusation's last noun (*rebels*), but what is denied is the accusation, Y and its act."""
    if verb.head.lemma_.lower() in CLAIM_NOUNS:
        return None  # "allegations of P, which China denies": the noun is the claim
    for accuse in verb.ancestors:
        if accuse.lemma_.lower() in ACCUSING_VERBS:
            obj = next((c for c in accuse.children if c.dep_ in ("dobj", "obj")), None)
            found = accusations(accuse, obj)
            if not found:
                return None
            own = {t.i for t in verb.subtree}
            accused, act = found[-1]
            act = [t for t in act if t.i not in own and not (t.is_punct and t.i + 1 in own)]
            return ([t for t in accused if t.i not in own], act) if act else None
    return None


def _relative_antecedent(verb: Token) -> Token | None:
    """*allegations of X, which China denies*: the noun the relative clause hangs from."""
    if verb.dep_ == "relcl" and any(c.lower_ in ("which", "that") for c in verb.children):
        return verb.head
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in CLAIM_NOUNS and not any(
        c.dep_ in ("dobj", "obj", "ccomp") for c in verb.children
    ):
        return verb.head  # "..., an accusation Beijing rejects"
    return None


def _quoted_verdict(words: list[Token]) -> list[Token]:
    """*called the allegation that P "pure fabrication"*, where the parser buried the quoted
    judgement inside P: the quoted words at the end of the phrase, if they judge it false."""
    opens = [n for n, t in enumerate(words) if t.text in ('"', "“")]
    verdict = [t for t in words[opens[-1] + 1 :] if not t.is_punct] if opens else []
    if verdict and len(verdict) <= 4 and any(t.lower_ in DENIAL_JUDGEMENTS for t in verdict):
        return words[opens[-1] :]
    return []


def _denial_of(
    target: Token, sent: Span, speaker: Token | None, verb: Token, verdict: set[int] | None = None
) -> Found:
    """A denial whose content is the target phrase, or a pointer to resolve (*this*, *the claims*);
    ``verdict`` is the judgement inside the phrase, no part of what is denied."""
    lemma = verb.lemma_.lower()
    node = target
    # climb "support for Moscow" -> "allegations of support for Moscow"
    for _ in range(4):
        if node.lemma_.lower() in CLAIM_NOUNS or node.head.i == node.i:
            break
        node = node.head
    if node.lemma_.lower() not in CLAIM_NOUNS:
        node = target
    # in "X, which China denies" the denial sits inside its target's phrase: leave it out
    inner = {x.i for x in verb.subtree} if verb.i in {t.i for t in node.subtree} else set()
    inner |= verdict or set()
    if node.lemma_.lower() in CLAIM_NOUNS:
        body = claim_noun_content(node, inner)
        pointing = any(c.dep_ == "det" and c.lower_ in _POINTING for c in node.children)
        if not body and node.head.i == verb.i and not pointing and not node.conjuncts:
            # "rejected suggestions in the press that P": the parser hangs the noun's clause on the verb
            # (not "denied these allegations and maintains that P")
            hung = (c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == node.right_edge.i + 1)
            body = next((list(c.subtree) for c in hung), [])
        if body:
            return make_found(sent, speaker, verb, Stance.DENY, body)
        return Found(sent, speaker, verb.text, lemma, Stance.DENY, None, pointer=node, at=verb.i)
    if target.pos_ in ("PRON", "DET") or target.lemma_.lower() in CLAIM_NOUNS:
        return Found(sent, speaker, verb.text, lemma, Stance.DENY, None, pointer=target, at=verb.i)
    if target.lemma_.lower() in CULPABILITY_NOUNS and not _owned(target):
        # "denied any wrongdoing": the act its side was accused of, resolved with the article's claims
        return Found(sent, speaker, verb.text, lemma, Stance.DENY, None, pointer=target, at=verb.i)
    body = [t for t in target.subtree if t.i not in inner]
    return make_found(sent, speaker, verb, Stance.DENY, body)


def _owned(noun: Token) -> bool:
    """Whether a noun says whose it is (*Russian involvement*, *its role*, *Iran's part*)."""
    return any(c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
               for c in noun.children)


def claim_noun_content(noun: Token, leave_out: set[int] | frozenset[int] = frozenset()) -> list[Token]:
    """What a claim noun states: *allegations of X* -> X, *the claim that P* -> P; empty if unsaid."""
    for child in noun.children:
        if (child.dep_ == "prep" and child.lower_ in ("of", "about")) or child.dep_ in ("acl", "ccomp"):
            body = [t for t in child.subtree if t.i not in leave_out]
            if child.dep_ == "prep":
                body = body[1:]
            if body:
                return body
    return []


def _according_to(sent: Span) -> list[Found]:
    out: list[Found] = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
            pobjs = [c for c in to.children if c.dep_ == "pobj"]
            if not pobjs:
                continue
            phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i}
            source = pobjs[0]
            comma = next((t.i for t in to.subtree if t.text == ","), None)
            subjectless = not any(c.dep_ in _SUBJECTS for c in tok.head.children)
            if comma is not None and tok.i < comma < sent.end - 1 and tok.i == sent.start and subjectless:
                # "According to the Treasury, Silverpeak Ltd bought ...": the parser may take the
                # clause's subject for part of the source; the source ends at the comma
                phrase = {i for i in phrase if i < comma}
                named = [t for t in to.subtree if t.i < comma and t.pos_ in ("PROPN", "NOUN")]
                source = min(named, key=depth) if named else source
            root = sent.root
            if root.pos_ in ("VERB", "AUX") and root.i not in phrase:
                # "According to X, P, Q and R", "According to X, while P, Q": one statement of
                # X's per proposition, split as a reported clause is
                bodies, judged = _propositions(root, sent, source, frozenset(phrase))
                out.extend(make_found(sent, source, "according to", Stance.ASSERT, b) for b in bodies)
                out.extend(judged)
                continue
            body = [t for t in sent if t.i not in phrase and not (t.is_punct and t.i in (sent.end - 1,))]
            out.append(make_found(sent, source, "according to", Stance.ASSERT, body))
    return out


def enumeration(sent: Span) -> list[list[Token]]:
    """*This included A, B and C*, right after a statement: each item is a proposition of that
    statement's speaker (about its subject). The items' phrases, or ``[]`` for any other sentence."""
    root = sent.root
    if root.lemma_.lower() not in ENUMERATING_VERBS:
        return []
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    anaphoric = subject is not None and (
        subject.lower_ in ("this", "these", "they", "which")
        or any(c.dep_ == "det" and c.lower_ in ("this", "these") for c in subject.children)
    )
    objects = [c for c in root.children if c.dep_ == "dobj"]  # the parser may hang each item on the verb
    if not anaphoric or not objects:
        return []
    items = sorted({t.i: t for o in objects for t in (o, *o.conjuncts)}.values(), key=lambda t: t.i)
    if len(items) < 2:
        return []
    out = []
    for item in items:
        others = {t.i for c in item.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        out.append([t for t in item.subtree if t.i not in others])
    return out
