"""Accusations and attributions of blame: who is said to have done what.

*X accused Y of P*, *X charged Y with P*, *a diplomat it accuses of P* give (Y, P);
*X attributed A to B*, *X blamed B for A*, *X blamed A on B*, *a group X has linked to B* give
*B was behind A*, so that they meet *B carried out A* in one claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.found import Found, make_found
from kg.extract.lexicon import ACCUSING_VERBS, BLAMING_VERBS, DESTINATION_PREPS, RELATIVE_PRONOUNS
from kg.records import Stance

if TYPE_CHECKING:  # spaCy is imported when the model loads, not with the package
    from spacy.tokens import Span, Token


def blame_of(verb: Token, obj: Token, sent: Span, speaker: Token) -> Found | None:
    """*attributed the hack to Russia*, *blamed the attack on Russia*: Russia was behind it;
    *blamed Russia for the attack*: the same. The preposition may hang on the verb or the object."""
    doer_mark, act_mark = BLAMING_VERBS[verb.lemma_.lower()]
    relative = obj.i == verb.head.i  # "the tanker (that) investigators blame for P"
    preps = [c for c in (*verb.children, *([] if relative else obj.children)) if c.dep_ == "prep"]
    doer = next((p for p in preps if p.lower_ == doer_mark), None)
    act = next((p for p in preps if act_mark is not None and p.lower_ == act_mark), None)
    if doer is not None:
        by = [t for c in doer.children if c.dep_ == "pobj" for t in c.subtree]
        own = {x.i for x in verb.subtree} if relative else {x.i for x in doer.subtree}
        what = [t for t in obj.subtree if t.i not in own and (not relative or t.i <= obj.i)]
    elif act is not None and relative:
        own = {t.i for t in verb.subtree}
        by = [t for t in obj.subtree if t.i <= obj.i and t.i not in own]
        what = [t for c in act.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    elif act is not None:
        by = [t for t in obj.subtree if t.i not in {x.i for x in act.subtree}]
        what = [t for c in act.children if c.dep_ == "pobj" for t in c.subtree]
    else:
        return None
    if not by or not what:
        return None
    return make_found(sent, speaker, verb, Stance.ASSERT, by, what, joiner=" was behind ")


def accusations(verb: Token, obj: Token | None) -> list[tuple[list[Token], list[Token]]]:
    """*X accused Y of P and of Q* -> [(Y, P), (Y, Q)]; [] when the verb accuses no one here."""
    found = accusation(verb, obj)
    if found is None:
        return []
    accused, body = found
    mark = ACCUSING_VERBS[verb.lemma_.lower()]
    ids = {t.i for t in body}
    # the second "of" hangs on the first as a conjunct: an act of its own, and the first act ends there
    hung = [t for t in body if t.head.i not in ids]
    further = [t for t in hung if t.dep_ == "conj" and t.lower_ == mark]
    if not further:
        return [found]
    cut = {x.i for t in further for x in t.subtree} | {t.i for t in hung if t.dep_ == "cc"}
    out = [(accused, [t for t in body if t.i not in cut])]
    for prep in further:
        out.append((accused, [t for c in prep.children if c.dep_ not in ("conj", "cc") for t in c.subtree]))
    return out


def accusation(verb: Token, obj: Token | None) -> tuple[list[Token], list[Token]] | None:
    """*X accused Y of P* -> (Y, P). The parser hangs *of P* on the verb or on the object; on the
    object, the act's own destination is often left on the verb (*accused Y of shipping tools |
    to Russia*) and belongs to P."""
    mark = ACCUSING_VERBS[verb.lemma_.lower()]
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == mark), None)
    if obj is None:  # "a diplomat it accuses of P": the accused is the noun the clause hangs on
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and prep is not None:  # "Y was accused by X of P"
            return list(passive.subtree), [t for c in prep.children for t in c.subtree]
        if verb.dep_ != "relcl" or prep is None:
            return None
        body = [t for c in prep.children for t in c.subtree]
        own = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i <= verb.head.i and t.i not in own], body
    on_object = prep is None
    if on_object:
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == mark), None)
    if prep is None and on_object:
        # "accused a registry that operates the flag of Gabon of registering tankers": the act,
        # a gerund, hung deep inside the accused's own relative clause
        deep = [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == mark and t.head.i != obj.i
                and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)]
        prep = deep[-1] if deep else None
    if prep is None:
        return None
    body = [t for c in prep.children for t in c.subtree]
    if not body:
        return None
    if on_object:
        body += [t for c in verb.children if c.dep_ == "prep" and c.i > prep.i
                 and c.lower_ in DESTINATION_PREPS for t in c.subtree]
        accused = [t for t in _accused_party(verb, obj) if t.i not in {x.i for x in prep.subtree}]
    else:
        accused = _accused_party(verb, obj)
    if obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        # "a distributor that it accused of P": the one accused is what the relative clause hangs on
        accused = [t for t in verb.head.subtree if t.i not in {x.i for x in verb.subtree}]
    return accused, body


def _accused_party(verb: Token, obj: Token) -> list[Token]:
    """Who is accused: the object, or for *charged two men ..., accusing them of P* the object of
    the clause the participle hangs on."""
    if obj.pos_ == "PRON" and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        main = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)
        if main is not None and main.pos_ != "PRON":
            return [t for t in main.subtree if t.i < verb.i and not t.is_punct]
    return list(obj.subtree)
