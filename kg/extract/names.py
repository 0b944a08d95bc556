"""Names and the phrases around them, as the parser gives them.

A body or a person is named in a noun phrase (*the Foreign Ministry*, *cybersecurity firm X*) or by a
clause that gives a name (*a group that calls itself X*); a report stands for its author (*the
report says*). Speakers and reports both read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import HEARING_BODIES, NAMING_VERBS, REPORT_NOUNS

if TYPE_CHECKING:  # spaCy is imported when the model loads, not with the package
    from spacy.tokens import Token


def noun_phrase(tok: Token) -> list[Token]:
    """The head noun with its left modifiers (no clauses, no appositions)."""
    left = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod", "det", "poss", "case", "nummod")]
    start = min((t.left_edge.i for t in left), default=tok.i)
    return [t for t in tok.doc[start : tok.i + 1] if not t.is_punct or t.text in ("'s", "’s")]


def has_determiner(tok: Token) -> bool:
    """*the* group, *a* firm, *its* owner: the noun has a determiner or a possessive."""
    return any(c.dep_ in ("det", "poss") for c in tok.children)


def naming_clause(tok: Token) -> list[Token] | None:
    """The name a clause gives a noun: *a group that calls itself X*, *a network known as X*,
    *a unit called X*, *an operation dubbed X*."""
    for clause in tok.children:
        if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in NAMING_VERBS:
            continue
        named = [c for c in clause.children if c.dep_ == "oprd"] + [
            o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as"
            for o in p.children if o.dep_ == "pobj"
        ]
        if named and named[0].pos_ == "PROPN":
            return [t for t in noun_phrase(named[0]) if t.pos_ == "PROPN"]
    return None


def names_report(tok: Token) -> bool:
    """A word for a report or what it found (*report*, *reports*, *findings*, *indictment*), which
    stands for its author when it speaks (*the report says*)."""
    return tok.lemma_.lower() in REPORT_NOUNS or tok.lower_ in REPORT_NOUNS


def hears_case(tok: Token) -> bool:
    """A court or jury that a case is put to (*a court heard P*, *jurors were told P*): what it
    hears is the prosecution's, not its own. A court that tells (*the court told him*) speaks itself."""
    verb = tok.head.lemma_.lower()
    heard = (tok.dep_, verb) in (("nsubj", "hear"), ("nsubjpass", "tell")) and tok.head.i != tok.i
    return heard and (tok.lemma_.lower() in HEARING_BODIES or tok.lower_ in HEARING_BODIES)
