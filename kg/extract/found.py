"""The record of one attribution found in a parse, and how its content is read and written.

``Found`` holds the speaker token, the cue, the stance and the content's phrases; ``make_found``
builds one and reads whether its content negates an act of its own subject (*X has never sold
arms*: the positive form is what a self-denial denies). The text helpers render phrases as written
(``phrase_text``) and tell which tokens lie inside quotation marks (``quote_mask``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.lexicon import (
    ASSERT_VERBS,
    FINDING_VERBS,
    HARM_VERBS,
    KNOWING_VERBS,
    NEGATIVE_PRONOUNS,
    OBSERVING_VERBS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    STATIVE_VERBS,
    TRACE_NOUNS,
    UNREBUTTING_NOUNS,
)
from kg.records import Stance

if TYPE_CHECKING:  # spaCy is imported when the model loads, not with the package
    from spacy.tokens import Doc, Span, Token


@dataclass
class Found:
    """One attribution in a sentence; ``content`` is None when it must be resolved (*denies this*)."""

    sentence: Span
    speaker: Token | None  # None: take the speaker of the quote
    cue: str
    cue_lemma: str
    stance: Stance
    content: str | None
    tokens: frozenset[int] = frozenset()  # indices of the content's tokens
    pointer: Token | None = None  # the pronoun or claim noun a denial points at
    negated_subject: Token | None = None  # subject of a negated content clause: "X has never supplied Y"
    negation: frozenset[int] = frozenset()  # the negation words of that clause
    affirmed: tuple[tuple[int, str], ...] = ()  # words its positive form says instead
    parts: tuple[list[Token], ...] = ()  # the content's phrases, joined by ``joiner``
    joiner: str = " "
    at: int = -1  # index of the cue word, when it is a word of the sentence
    contradicts: str | None = None  # a negated content's positive form, which may deny what was said
    # the negated content rebuts a harm or a description: "no data was accessed", "this was not a gang"
    harm: bool = False
    existential: bool = False  # "there is no X": ``negated_subject`` is the X
    nobody: bool = False  # a negative subject denies a deed: "none of its members had bought them"

    def render(self, subs: Mapping[int, str] | None = None) -> str | None:
        """The content with some tokens replaced (resolved pronouns) or dropped (``""``)."""
        texts = [phrase_text(p, subs) for p in self.parts if p]
        return self.joiner.join(x for x in texts if x) or None

    def positive(self, subs: Mapping[int, str] | None = None) -> str | None:
        """The content without its negation: the proposition a self-denial denies."""
        return self.render({**(subs or {}), **dict.fromkeys(self.negation, ""), **dict(self.affirmed)})


def none_of(noun: Token) -> bool:
    """*no evidence*, *no details*: the noun is quantified by *no*."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def asked_or_bidden(found: Found) -> bool:
    """A question (*"Is that a coincidence?"*, *"..., isn't it?"*) or a command (*"Let them come and
    look"*) asserts nothing: the guideline leaves both out."""
    if not found.tokens:
        return False
    doc = found.sentence.doc
    words = [doc[i] for i in sorted(found.tokens) if not (doc[i].is_quote or doc[i].is_space)]
    if not words:
        return False
    after = words[-1].i + 1
    while after < len(doc) and (doc[after].is_quote or doc[after].is_space):
        after += 1
    if words[-1].text == "?" or after < len(doc) and doc[after].text == "?":
        return True
    first = words[0]
    # an imperative opens its clause with the bare verb, with no subject, modal or "to" of its own
    own = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in first.children)
    return first.tag_ == "VB" and first.dep_ in ("ROOT", "ccomp", "xcomp", "parataxis") and not own


def make_found(
    sent: Span,
    speaker: Token | None,
    verb: Token | str,
    stance: Stance,
    *parts: list[Token],
    joiner: str = " ",
) -> Found:
    cue = verb if isinstance(verb, str) else verb.text
    lemma = "according" if isinstance(verb, str) else verb.lemma_.lower()
    parts = tuple(unframe(p) for p in parts)
    ids = frozenset(t.i for p in parts for t in p)
    at = -1 if isinstance(verb, str) else verb.i
    found = Found(sent, speaker, cue, lemma, stance, None, ids, parts=parts, joiner=joiner, at=at)
    found.content = found.render()
    single = len(parts) == 1 and bool(parts[0])
    unseen = _no_sign_of(parts[0], lemma) if single and stance is Stance.ASSERT else None
    if unseen is not None:
        # "it found no evidence that the network bought ads" denies that the network did
        found.parts, found.tokens, found.stance = (unseen,), frozenset(t.i for t in unseen), Stance.DENY
        found.content = found.render()
        return found
    if len(parts) == 1 and parts[0]:
        root = min((t for t in parts[0] if t.pos_ in ("VERB", "AUX")), key=depth, default=None) or min(
            parts[0], key=depth
        )
        neg = frozenset(c.i for c in root.children if c.dep_ == "neg") or _no_objects(root)
        neg = neg or _at_no_time(root)
        wrongdoing = _did_nothing(root)  # "had done nothing wrong": "had done something wrong"
        neg = neg or wrongdoing
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subject is None:  # 'its ships had "at no time carried"': the parser may hang it on the auxiliary
            auxiliaries = [a for a in root.children if a.dep_ in ("aux", "auxpass")]
            hung = [c for a in auxiliaries for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
            subject = hung[0] if hung else None
        if subject is None and root.dep_ == "conj" and root.head.i != root.i:  # "(it) ... and had never sold"
            subject = next((c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            subject = subject if subject is not None and subject.i in {t.i for t in parts[0]} else None
        # "X said it could not confirm the report" says what X knows, denies no act of X's
        knowing = root.lemma_.lower() in ASSERT_VERBS or root.lemma_.lower() in KNOWING_VERBS
        # "it had recorded no violations", "found no weapons on board": what it observed
        knowing = knowing or root.lemma_.lower() in FINDING_VERBS | OBSERVING_VERBS
        # "it had not received any evidence that P", "has not seen any information": what it knows
        objects = [c for c in root.children if c.dep_ == "dobj"]
        knowing = knowing or any(o.lemma_.lower() in UNREBUTTING_NOUNS for o in objects)
        if neg and subject is not None and not knowing:
            # "has never sold arms and will never do so": the conjuncts that share the subject
            # are negated with it, and a self-denial turns them positive too
            shared = [c for c in root.children if c.dep_ == "conj" and not any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
            neg |= {g.i for c in shared for g in c.children if g.dep_ == "neg"}
            found.negated_subject, found.negation = subject, neg
            found.affirmed = tuple((i, "something") for i in wrongdoing)
            found.harm = _suffered(root, subject) or _recharacterised(root, subject)
        elif subject is not None and not knowing and (none := _negative_subject(subject)):
            # "no missiles had been sent", "neither company had loaded cargo": the positive form is
            # what it contradicts (see Extractor._statements)
            found.negated_subject, found.negation = subject, frozenset(i for i, _ in none)
            found.affirmed = tuple((i, w) for i, w in none if w)
            found.harm = _suffered(root, subject)
            found.nobody = lemma not in FINDING_VERBS and _denies_a_deed(root, subject)
        elif subject is None and not knowing and (there := _there_is_no(root)):
            # "there has been no transfer of arms": the positive form says "a" for the "no" of a
            # singular noun ("there is a shadow fleet") and drops it before a plural or mass noun
            noun, det = there
            found.negated_subject, found.negation = noun, frozenset((det.i,))
            found.existential = True
            if noun.tag_ == "NN" and det.lower_ == "no":
                after = next((t.lower_ for t in det.doc[det.i + 1 : noun.i + 1] if t.is_alpha), "")
                found.affirmed = ((det.i, "an" if after[:1] in tuple("aeiou") else "a"),)
        elif subject is not None and (idiom := _nothing_to_do_with(root)):
            # "Moscow had nothing to do with the attack" denies that Moscow was behind it
            found.negated_subject, found.negation = subject, idiom
            found.affirmed = ((root.i, "was behind"),)
    return found


def _suffered(verb: Token, subject: Token) -> bool:
    """Whether the clause says a thing suffered a harm (*data was accessed*, *systems had been
    compromised*): a passive harm verb, stated as a fact (*trade should not be disrupted* is a wish)
    about things (*no one was hurt* is about people)."""
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    things = subject.pos_ == "NOUN" or subject.lower_ in ("nothing", "none")
    harmed = verb.lemma_.lower() in HARM_VERBS and subject.dep_ == "nsubjpass" or _at_risk(verb)
    harmed = harmed or verb.lemma_.lower() == "be" and _at_risk(subject)  # the parser may hang it there
    return harmed and things and not modal


def _denies_a_deed(verb: Token, subject: Token) -> bool:
    """Whether a negative subject's clause rebuts a deed: *none had knowingly bought the stones*,
    *no data had been taken*, *nobody in Moscow pays us*. Not a state or a wish (*none of this is
    proof*, *nobody wants a war*), a forecast or a possibility (*nobody should lecture us*), a
    finding (*no spoofing had been detected*) or what befell people (*no one was hurt*), which
    report rather than rebut."""
    lemma = verb.lemma_.lower()
    # "no agency has ever been a client of X" says what was done, as a deed does
    been = lemma == "be" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if lemma in STATIVE_VERBS and not been or lemma in FINDING_VERBS or lemma in KNOWING_VERBS:
        return False
    if verb.tag_ == "VBG":
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    return not (subject.dep_ == "nsubjpass" and subject.lower_ in ("nobody", "one"))


def _at_risk(word: Token) -> bool:
    """*was at risk*, *had been put at risk*, *was in danger*."""
    return any(
        p.dep_ == "prep" and (p.lower_, o.lemma_.lower()) in (("at", "risk"), ("in", "danger"))
        for p in word.children for o in p.children if o.dep_ == "pobj"
    )


def _no_sign_of(tokens: list[Token], cue: str) -> list[Token] | None:
    """The clause of *(it) found no evidence / sign that P*: P. The finding is the content or,
    when *found* is the cue itself, its object."""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    if len(roots) != 1:
        return None
    root = roots[0]
    if root.lemma_.lower() in ("find", "see"):
        traces = [c for c in root.children if c.dep_ == "dobj" and c.lemma_.lower() in TRACE_NOUNS]
    else:
        traces = [root] if cue in ("find", "see") and root.lemma_.lower() in TRACE_NOUNS else []
    for obj in traces:
        if none_of(obj):
            clauses = (c for c in obj.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"))
            clause = next(clauses, None)
            if clause is not None:
                return [t for t in clause.subtree if t.i in ids]
    return None


def _recharacterised(verb: Token, subject: Token) -> bool:
    """*This was not a criminal gang*, *these men are not instructors*, *he is not a sanctions
    buster*: what the matter or the person at hand is not, a rebuttal of what it was said to be.
    Not a correction (*was not X but Y*), a forecast (*will not be the last time*) or a generality
    (*is never a certainty*)."""
    attrs = [c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
    if verb.lemma_.lower() != "be" or not attrs:
        return False
    pointing = subject.lower_ in _POINTERS or any(
        c.dep_ == "det" and c.lower_ in _POINTERS for c in subject.children
    )
    if pointing:
        return True
    plain_not = any(c.dep_ == "neg" and c.lower_ != "never" for c in verb.children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    corrected = any(t.lower_ == "but" for t in verb.subtree if t.i > verb.i)
    return plain_not and not modal and not corrected


_POINTERS = frozenset(("this", "that", "these", "those"))


def _there_is_no(verb: Token) -> tuple[Token, Token] | None:
    """The noun and its *no* of *there has been no transfer of arms*, or the *not* of *there was
    not a single case of P*."""
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return None
    nots = [c for c in verb.children if c.dep_ == "neg" and c.lower_ == "not"]
    for attr in (c for c in verb.children if c.dep_ == "attr"):
        det = next((d for d in attr.children if d.dep_ == "det" and d.lower_ == "no"), None)
        if det is not None:
            return attr, det
        single = any(d.dep_ == "amod" and d.lower_ == "single" for d in attr.children)
        if nots and (single or any(d.dep_ == "det" and d.lower_ == "any" for d in attr.children)):
            return attr, nots[0]
    return None


def _negative_subject(subject: Token) -> tuple[tuple[int, str], ...]:
    """The words that make a subject negative (*no* missiles, *neither* company, *nothing*), each
    with the word its positive form says instead."""
    if subject.lower_ in NEGATIVE_PRONOUNS:
        return ((subject.i, NEGATIVE_PRONOUNS[subject.lower_]),)
    det = next((c for c in subject.children if c.dep_ == "det" and c.lower_ in ("no", "neither")), None)
    if det is not None:
        return ((det.i, ""),)
    # "not one passenger", "not a single cargo": the "not" hangs on the noun or on its "one"
    ones = [subject, *(c for c in subject.children if c.dep_ == "nummod" and c.lower_ == "one")]
    nots = [c for o in ones for c in o.children if c.dep_ == "neg" and c.i < subject.i]
    single = any(c.lower_ == "one" or c.lower_ == "single" for c in subject.children)
    return ((nots[0].i, ""),) if nots and single else ()


def _at_no_time(verb: Token) -> frozenset[int]:
    """The *no* of *at no point did X process payments*, *at no time*."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]  # "at no point had X"
    for prep in (p for h in heads for p in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "at":
            for obj in prep.children:
                no = [d for d in obj.children if d.dep_ == "det" and d.lower_ == "no"]
                if obj.dep_ == "pobj" and no:
                    return frozenset(t.i for t in prep.subtree)  # the positive form drops the phrase
    return frozenset()


def _no_objects(verb: Token) -> frozenset[int]:
    """The *no* of *has no personnel and no operations in Sudan*: the act denied by its objects."""
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    if any(o.lemma_.lower() in UNREBUTTING_NOUNS or o.lower_ in UNREBUTTING_NOUNS for o in objects):
        return frozenset()  # "it had no information about P", "no means of tracking it": what it knows
    nos = [d for o in objects for d in o.children if d.dep_ == "det" and d.lower_ == "no"]
    return frozenset(d.i for d in nos) if objects and len(nos) == len(objects) else frozenset()


def _did_nothing(verb: Token) -> frozenset[int]:
    """The *nothing* of *did nothing wrong*, *has done nothing illegal*: what someone is said to
    have done, denied. Not *has nothing to hide*, which says what one is, not what one did."""
    if verb.lemma_.lower() != "do":
        return frozenset()
    return frozenset(c.i for c in verb.children if c.dep_ == "dobj" and c.lower_ == "nothing")


def _nothing_to_do_with(verb: Token) -> frozenset[int]:
    """The words of *have nothing to do with X* but X, when ``verb`` is that *have*."""
    if verb.lemma_.lower() != "have":
        return frozenset()
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lower_ == "nothing":
            do = next((c for c in obj.children if c.dep_ == "relcl" and c.lemma_.lower() == "do"), None)
            preps = do.children if do is not None else ()
            with_ = next((c for c in preps if c.dep_ == "prep" and c.lower_ == "with"), None)
            if with_ is not None and any(c.dep_ == "pobj" for c in with_.children):
                keep = {t.i for c in with_.children if c.dep_ == "pobj" for t in c.subtree}
                return frozenset(t.i for t in obj.subtree if t.i not in keep)
    return frozenset()


_FIRST_PERSON = frozenset(("i", "we"))
# The speaker's own degree of belief in a complement: "X said it assessed / believed that P".
_JUDGING = frozenset("assess believe conclude judge estimate think".split())


def unframe(tokens: list[Token]) -> list[Token]:
    """Drop the speaker's own frame: *I think P*, *our information indicates that P* -> *P*."""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    if len(roots) != 1 or roots[0].lemma_.lower() not in ASSERT_VERBS:
        return tokens
    root = roots[0]
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    framed = subj is not None and (
        subj.lower_ in _FIRST_PERSON
        or any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in subj.children)
        or subj.lower_ == "it" and root.lemma_.lower() in _JUDGING  # "X said it assessed that P"
    )
    comp = next((c for c in root.children if c.dep_ == "ccomp"), None) or next(
        # "it assessed with moderate confidence that P": the clause hung on the confidence
        (t for t in root.subtree if t.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that"
                                                             for m in t.children)), None
    )
    if not framed or comp is None:
        return tokens
    return [t for t in comp.subtree if t.i in ids]


_EDGE_WORDS = frozenset(("that", "whether", "if", "how", "and", "but", "while", "although", "though"))
_EDGE_PUNCT = set(",;:–—-.\"“”‘’'()[]…")


def phrase_text(tokens: list[Token], subs: Mapping[int, str] | None = None) -> str:
    """The text of a token list as written, without leading complementisers and edge punctuation;
    ``subs`` replaces the text of some tokens (by index), or drops them (``""``)."""
    subs = subs or {}
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (
        toks[0].text in _EDGE_PUNCT or toks[0].lower_ in _EDGE_WORDS and toks[0].dep_ in ("mark", "cc")
    ):
        toks.pop(0)
    while toks and (toks[-1].text in _EDGE_PUNCT or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()
    out: list[str] = []
    for j, t in enumerate(toks):
        if t.text in QUOTE_OPEN or t.text in QUOTE_CLOSE or t.text == '"':
            if out and j + 1 < len(toks):
                out[-1] = out[-1].rstrip() + t.whitespace_ if t.whitespace_ else out[-1]
            continue
        gap = t.whitespace_ if j + 1 < len(toks) and toks[j + 1].i == t.i + 1 else " "
        text = subs.get(t.i, t.text)
        out.append(text + gap if text else t.whitespace_)  # "can(not) be": keep the word apart
    return " ".join("".join(out).split())


def quote_mask(doc: Doc) -> list[bool]:
    """For each token, whether it lies inside double quotation marks."""
    inside = False
    mask = []
    for tok in doc:
        text = tok.text
        if text in QUOTE_OPEN or (text == '"' and not inside):
            mask.append(False)
            inside = True
            continue
        if text in QUOTE_CLOSE or (text == '"' and inside):
            mask.append(False)
            inside = False
            continue
        mask.append(inside)
    return mask


def depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i:
        tok = tok.head
        n += 1
    return n


def quoted_sentence(sent: Span, mask: list[bool]) -> bool:
    """Whether most of the sentence's words are inside quotation marks."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    inside = sum(1 for t in words if mask[t.i])
    return inside >= 0.6 * len(words)
