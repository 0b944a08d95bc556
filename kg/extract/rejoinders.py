"""Denials appended to a report: *X accused Y of P, a charge Z rejects*.

News closes an accusation with the accused's answer in a trailing noun phrase: *..., an
accusation Beijing rejects*, *... - a charge Tallinn flatly refuted*, *..., an allegation her
family has called absurd*. When the parser reads that tail as a relative clause the verb rules
find it; but the tagger often takes the bare present (*rejects*, *dismisses*) for a plural noun
and the tail comes apart. This rule reads the tail from its words instead: a claim noun right
after a comma or dash, a speaker, then a verb of denial (or *called* and a judgement of
falsehood). The denial points at its claim noun, which the caller resolves to the claim just
reported, as for *..., which China denies*.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.found import Found
from kg.extract.lexicon import CLAIM_NOUNS, DENIAL_JUDGEMENTS, DENY_VERBS, JUDGE_VERBS, RELATIVE_PRONOUNS
from kg.records import Stance

if TYPE_CHECKING:  # spaCy is imported when the model loads, not with the package
    from spacy.tokens import Span, Token

_BREAKS = frozenset(",-–—")
_ARTICLES = frozenset(("a", "an", "one"))
_AUXILIARIES = frozenset("has have had does did do is was were be been will would".split())
# Claim nouns that can open such a tail; "this" or "that" after a comma is something else.
_SPEAKING_PRONOUNS = frozenset(("he", "she", "they", "we"))
_TAIL_NOUNS = CLAIM_NOUNS - frozenset(("this", "that", "it"))


def rejoinder(sent: Span, mask: list[bool]) -> Found | None:
    """The denial in a trailing *, a charge Z rejects*, or None."""
    for noun in sent:
        if noun.lemma_.lower() not in _TAIL_NOUNS or mask[noun.i] or noun.pos_ != "NOUN":
            continue
        opener = _opening(noun, sent)
        if opener is None:
            continue
        cue = _denial_cue(sent.doc[noun.i + 1 : sent.end])
        if cue is None:
            continue
        speaker = _speaker(sent.doc[noun.i + 1 : cue.i])
        if speaker is None:
            continue
        return Found(sent, speaker, cue.text, _lemma(cue), Stance.DENY, None, pointer=noun, at=cue.i)
    return None


def tail_of(found: Found) -> frozenset[int]:
    """The tokens of the trailing phrase, from its comma to the sentence's end: no part of what
    the sentence reported before it."""
    noun = found.pointer
    assert noun is not None
    start = _opening(noun, found.sentence)
    return frozenset(range(start if start is not None else noun.i, found.sentence.end))


def _opening(noun: Token, sent: Span) -> int | None:
    """The index of the comma or dash that opens *, an [adjective] accusation*, if it does."""
    i = noun.i - 1
    while i > sent.start and sent.doc[i].pos_ == "ADJ":
        i -= 1
    if i <= sent.start or sent.doc[i].lower_ not in _ARTICLES:
        return None
    return i - 1 if sent.doc[i - 1].text in _BREAKS else None


def _denial_cue(words: Span) -> Token | None:
    """The first word of *rejects*, *has flatly refuted*, *have called absurd*, *dismisses as
    lies* within the few words after the claim noun, read by its form whatever its tag."""
    for n, tok in enumerate(words):
        if n > 6 or tok.is_punct and tok.text not in ('"', "“", "'"):
            return None
        lemma = _lemma(tok)
        if lemma in DENY_VERBS:
            return tok
        if lemma in JUDGE_VERBS and any(
            w.lower_ in DENIAL_JUDGEMENTS for w in words[n + 1 : n + 4]
        ):
            return tok
    return None


def _lemma(tok: Token) -> str:
    """The verb a word is a form of, also when the tagger took it for a noun (*rejects*)."""
    word = tok.lower_
    # rejects, dismisses, denies / denied, refuted, rejected, labelled
    for form in (tok.lemma_.lower(), word, word[:-1], word[:-2], word[:-3] + "y", word[:-3]):
        if form in DENY_VERBS or form in JUDGE_VERBS:
            return form
    return tok.lemma_.lower()


def _speaker(words: Span) -> Token | None:
    """The head of the noun phrase that speaks in the tail (*Beijing*, *her family*, *the owner*):
    its first noun or name that no other noun follows, past adverbs and auxiliaries."""
    if len(words) and words[0].lower_ in RELATIVE_PRONOUNS:
        words = words[1:]  # "..., an accusation which Beijing rejects"
    if not len(words):
        return None
    if words[0].lower_ in _SPEAKING_PRONOUNS:
        return words[0]  # "..., a charge she denies"
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _AUXILIARIES]
    if not nouns:
        return None
    for tok in nouns:
        after = tok.i + 1
        if after >= words.end or tok.doc[after].pos_ not in ("NOUN", "PROPN"):
            return tok
    return nouns[-1]
