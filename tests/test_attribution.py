"""Attribution rules on parses built by hand: no model, so each rule is tested on the exact parse it reads."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.attribution import find_in_sentence
from kg.extract.found import quote_mask, quoted_sentence
from kg.records import Stance

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, str, int, str, str, str]]) -> Doc:
    """rows: (word, lemma, head index, dep, pos, tag)."""
    words, lemmas, heads, deps, pos, tags = (list(col) for col in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos, tags=tags)


def only_sentence(doc: Doc):  # type: ignore[no-untyped-def]
    (sent,) = list(doc.sents)
    return sent


def test_reporting_verb_with_that_clause() -> None:
    doc = parse([
        ("Officials", "official", 1, "nsubj", "NOUN", "NNS"),
        ("said", "say", 1, "ROOT", "VERB", "VBD"),
        ("that", "that", 4, "mark", "SCONJ", "IN"),
        ("prices", "price", 4, "nsubj", "NOUN", "NNS"),
        ("rose", "rise", 1, "ccomp", "VERB", "VBD"),
        (".", ".", 1, "punct", "PUNCT", "."),
    ])
    (found,) = find_in_sentence(only_sentence(doc), quote_mask(doc))
    assert (found.speaker.text, found.cue, found.stance, found.content) == (
        "Officials", "said", Stance.ASSERT, "prices rose")


def test_quote_before_the_speaker() -> None:
    doc = parse([
        ("“", "“", 3, "punct", "PUNCT", "``"),
        ("Talks", "talk", 2, "nsubj", "NOUN", "NNS"),
        ("failed", "fail", 5, "ccomp", "VERB", "VBD"),
        (",", ",", 5, "punct", "PUNCT", ","),
        ("”", "”", 5, "punct", "PUNCT", "''"),
        ("said", "say", 5, "ROOT", "VERB", "VBD"),
        ("Lee", "Lee", 5, "nsubj", "PROPN", "NNP"),
        (".", ".", 5, "punct", "PUNCT", "."),
    ])
    mask = quote_mask(doc)
    assert [t.text for t in doc if mask[t.i]] == ["Talks", "failed", ","]
    (found,) = find_in_sentence(only_sentence(doc), mask)
    assert (found.speaker.text, found.content) == ("Lee", "Talks failed")
    assert not quoted_sentence(only_sentence(doc), mask)


def test_denial_of_a_pronoun_points_back() -> None:
    doc = parse([
        ("Oslo", "Oslo", 1, "nsubj", "PROPN", "NNP"),
        ("denies", "deny", 1, "ROOT", "VERB", "VBZ"),
        ("this", "this", 1, "dobj", "PRON", "DT"),
        (".", ".", 1, "punct", "PUNCT", "."),
    ])
    (found,) = find_in_sentence(only_sentence(doc), quote_mask(doc))
    assert found.stance is Stance.DENY
    assert found.content is None and found.pointer is not None and found.pointer.text == "this"


def test_accusation_puts_the_accused_first() -> None:
    doc = parse([
        ("Kyiv", "Kyiv", 1, "nsubj", "PROPN", "NNP"),
        ("accused", "accuse", 1, "ROOT", "VERB", "VBD"),
        ("Minsk", "Minsk", 1, "dobj", "PROPN", "NNP"),
        ("of", "of", 1, "prep", "ADP", "IN"),
        ("hiding", "hide", 3, "pcomp", "VERB", "VBG"),
        ("tanks", "tank", 4, "dobj", "NOUN", "NNS"),
        (".", ".", 1, "punct", "PUNCT", "."),
    ])
    (found,) = find_in_sentence(only_sentence(doc), quote_mask(doc))
    assert (found.speaker.text, found.stance, found.content) == ("Kyiv", Stance.ASSERT, "Minsk hiding tanks")


def test_a_reporting_verb_inside_a_quote_is_not_a_cue() -> None:
    doc = parse([
        ("“", "“", 2, "punct", "PUNCT", "``"),
        ("We", "we", 2, "nsubj", "PRON", "PRP"),
        ("said", "say", 2, "ROOT", "VERB", "VBD"),
        ("no", "no", 2, "dobj", "DET", "DT"),
        (".", ".", 2, "punct", "PUNCT", "."),
        ("”", "”", 2, "punct", "PUNCT", "''"),
    ])
    assert find_in_sentence(only_sentence(doc), quote_mask(doc)) == []
    assert quoted_sentence(only_sentence(doc), quote_mask(doc))
