"""Claim identity: statements of one proposition share one Claim key.

A proposition is reduced to its content words, with every name of an actor
replaced by the actor (*Beijing* and *China* are one word here) and words
crudely stemmed. A new proposition joins the most similar known claim when the
overlap of these words is high enough; otherwise it founds a new claim whose
key is a digest of its words, so the same input always gives the same keys.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from kg.extract.gazetteer import Gazetteer

# Words that carry no proposition of their own: function words, hedges, reporting residue.
_STOP = frozenset(
    """
    a an the of to in on at by for with from as and or but that this these those it its it's is are was
    were be been being has have had do does did will would shall should can could may might must
    there their they them he she his her him i we our you your me my also just very more most much many
    some any all such so than then which who whom whose what when where while although though if whether
    about into over under after before since during because due up out off again still even only ever
    likely probably possibly perhaps unlikely already currently now said says say according think
    """.split()
)
# Words of one meaning for claim identity: the kinds of transfer and of materiel that news
# reports paraphrase most ("provided arms" = "supplied weapons" = "shipped munitions").
SYNONYMS = {
    **dict.fromkeys("provide supply deliver ship transfer give send sell export furnish".split(), "supply"),
    **dict.fromkeys("weapon weapons arm arms munition munitions ammunition materiel".split(), "arms"),
    **dict.fromkeys("support aid assistance backing".split(), "support"),
    **dict.fromkeys("technology technologies tech component components".split(), "technology"),
    **dict.fromkeys("deny denies denied reject rejects rejected".split(), "deny"),
}
NEGATION = "¬"
_NEGATIONS = frozenset("not never no n't nor neither without".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
# Same-claim threshold on the Dice overlap of content words; measured on the seed gold set.
SAME_CLAIM = 0.45
MIN_SHARED_WORDS = 2


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass
class ClaimIndex:
    """The claims known so far, searchable by content."""

    gazetteer: Gazetteer
    threshold: float = SAME_CLAIM
    _claims: list[tuple[str, str, frozenset[str]]] = field(default_factory=list)  # key, text, words
    _by_key: dict[str, str] = field(default_factory=dict)

    def words(self, text: str) -> frozenset[str]:
        """The content words of a proposition, actor names canonicalised."""
        raw = [w.replace("’", "'") for w in _WORD.findall(text)]
        raw = [w[:-2] if w.lower().endswith("'s") else w for w in raw]
        out: set[str] = set()
        i = 0
        while i < len(raw):
            hit = None
            for n in (3, 2, 1):  # longest actor name first: "North Korea", "White House"
                if i + n <= len(raw):
                    name = " ".join(raw[i : i + n])
                    actor = self.gazetteer.find(name) or (self.gazetteer.demonym(name) if n == 1 else None)
                    if actor is not None and (n > 1 or raw[i][:1].isupper()):
                        hit = (actor.key, n)
                        break
            if hit is not None:
                out.add("@" + hit[0])
                i += hit[1]
                continue
            word = raw[i].lower()
            if word in _NEGATIONS or word.endswith("n't"):
                out.add(NEGATION)  # "is worried" and "is not worried" are different propositions
            elif word not in _STOP and len(word) > 1:
                out.add(SYNONYMS.get(word) or SYNONYMS.get(_stem(word)) or _stem(word))
            i += 1
        return frozenset(out)

    def add_known(self, key: str, text: str) -> None:
        if key not in self._by_key:
            self._by_key[key] = text
            self._claims.append((key, text, self.words(text)))

    def resolve(self, text: str) -> tuple[str, str]:
        """``(key, canonical text)`` of the claim this proposition states; new claims are remembered."""
        words = self.words(text)
        best, best_score = None, 0.0
        for key, _, known in self._claims:
            score = similarity(words, known)
            if score > best_score:
                best, best_score = key, score
        if best is not None and best_score >= self.threshold:
            self._claims.append((best, text, words))  # a paraphrase widens what the claim matches
            return best, self._by_key[best]
        basis = " ".join(sorted(words)) or text.casefold()
        key = hashlib.sha256(basis.encode()).hexdigest()[:16]
        self.add_known(key, text)
        return key, self._by_key[key]


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice overlap of two propositions' words, or 0 unless they share two words besides actors:
    two claims about the same pair of countries, or both negated, are not the same claim for that alone."""
    if not a or not b:
        return 0.0
    shared = a & b
    if sum(1 for w in shared if not w.startswith("@") and w != NEGATION) < MIN_SHARED_WORDS:
        return 0.0
    return 2 * len(shared) / (len(a) + len(b))
