"""Claim identity: statements of one proposition share one Claim key.

A proposition is read as a stream of normalised words: every name of an actor
becomes the actor (*Beijing* and *China* are one word here), words are crudely
stemmed and mapped to a shared form where news paraphrases most (*provided*,
*supplied*, *shipped* are one word). Two routes make two propositions one claim:

* a **transfer frame** — who supplies what kind of thing to whom, under which
  modality (*considering*, *not*, *could*) — the same on both sides: *North Korea
  transferred military equipment to Moscow* = *North Korea has provided Russia with
  munitions*; a different supplier, recipient, kind of thing or modality keeps them apart;
* otherwise, a high overlap of content words (Dice), with at least two shared
  words besides actor names; across articles only when both name whom they are about
  (*denied any wrongdoing*, *the pattern is hard to explain* mean what their article says).

An attack or a spying operation is one event, and an article says which by its context (*the
attack*, *a group*): across articles, two such frames are compared as frames only when both name
whom the act was aimed at; otherwise their words must show they are the same event. A transfer
(*supplies drones to*) is a standing relation, the same in every article that states it.

A proposition that matches no known claim founds a new one whose key is a digest
of its words, so the same input in the same order always gives the same keys.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from itertools import chain

from kg.extract.gazetteer import Gazetteer
from kg.records import Actor

# Words that carry no proposition of their own: function words, hedges, reporting residue.
_STOP = frozenset(
    """
    a an the of to in on at by for with from as and or but that this these those it its it's is are was
    were be been being has have had do does did will would shall should can could may might must
    there their they them he she his her him i we our you your me my also just very more most much many
    some any all such so than then which who whom whose what when where while although though if whether
    about into over under after before since during because due up out off again still even only ever other
    between against through across within among amid toward towards upon via per despite beyond
    likely probably possibly perhaps unlikely already currently now said says say according think
    """.split()
)
_TRANSFER = "supply"
TRANSFER_ACTION = "supply"  # the cg:action of a claim that states a transfer frame
_SUPPORT = "support"
# Acts other than transfers that accusations name and denials deny: an attack (armed, or on
# networks), spying. "attack" alone may be either kind, so it meets both.
ATTACK_ACTION = "attack"
CYBERATTACK_ACTION = "cyberattack"
SPY_ACTION = "spy"
# Words of one meaning for claim identity: the kinds of transfer and of materiel that news
# reports paraphrase most ("provided arms" = "supplied weapons" = "shipped munitions").
SYNONYMS = {
    **dict.fromkeys(
        "provide supply deliver ship transfer give send sell export furnish provision delivery deliveries "
        "shipment shipments supplier suppliers sent gave given sold".split(),
        _TRANSFER,
    ),
    **dict.fromkeys("weapon weapons arm arms munition munitions ammunition materiel".split(), "arms"),
    **dict.fromkeys("support aid assistance backing".split(), _SUPPORT),
    **dict.fromkeys("technology technologies tech component components".split(), "technology"),
    **dict.fromkeys("deny denies denied reject rejects rejected".split(), "deny"),
    **dict.fromkeys("attack attacks attacked attacking assault assaulted".split(), ATTACK_ACTION),
    **dict.fromkeys(
        "cyberattack cyberattacks cyber-attack cyber-attacks hack hacks hacked hacking hacker hackers breach "
        "breached intrusion intrusions malware ransomware phishing".split(),
        CYBERATTACK_ACTION,
    ),
    **dict.fromkeys(
        "spy spies spied spying espionage surveil surveilled eavesdrop eavesdropped".split(), SPY_ACTION
    ),
}
# Words that make a plain "attack" one on networks.
CYBER_WORDS = frozenset(
    "cyber network networks email emails server servers computer computers digital online".split()
)
_ACTIONS = frozenset((_TRANSFER, _SUPPORT, ATTACK_ACTION, CYBERATTACK_ACTION, SPY_ACTION))
# Kinds of thing supplied; a transfer of one kind is not a transfer of another.
THEMES = {
    "arms": frozenset(
        "arms military missile drone uav shell artillery rocket tank aircraft jet fighter helicopter "
        "equipment lethal".split()
    ),
    "technology": frozenset("technology dual-use chip semiconductor electronic microelectronic".split()),
    "economic": frozenset("economic financial money fund funding cash credit loan trade energy oil".split()),
}
# Words that change what a transfer claim asserts: considering it, stopping it, doubting it.
# Not "would": reported speech shifts "will" to it ("said Iran would ship drones"), and "will"
# changes nothing; a condition shows in "if" or "unless".
MODALITY = frozenset(
    "consider plan seek want curb stop halt cease demand may might could if unless evidence".split()
)
NEGATION = "¬"
_NEGATIONS = frozenset("not never no n't nor neither without nothing".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d[\d,.]*")  # "Siberia-2" is Siberia 2
_RECIPIENT_MARKS = frozenset(("to", "for"))
_TARGET_MARKS = frozenset(("on", "against", "into", "in", "of"))
# Words between an actor and an attack that make the actor its target: "X was the victim of
# cyberattacks", "X came under attack from Y", "X was hit by a breach". An act followed by "by"
# is passive ("X was attacked by Y", "spied on by Y"): who did it follows.
_PATIENT_MARKS = frozenset(("victim", "target", "by", "under"))
_PASSIVE_AGENT = "by"
# "comes from China": whence a thing comes (as the stream writes the verb's forms); "used by X": who has it
_ORIGIN_VERBS = frozenset(("come", "came", "coming"))
_USE_WORDS = frozenset(("use", "used"))
_DETERMINERS = frozenset(("the", "a", "an"))
_PARTY_DETERMINERS = _DETERMINERS | frozenset(("any", "either", "some", "all"))
# Same-claim threshold on the Dice overlap of content words; measured on the seed gold set.
SAME_CLAIM = 0.45
MIN_SHARED_WORDS = 2
# Two acts without a target, read in two articles, are one event only when three quarters of
# their words agree: the agent and the act are shared by construction, and the GRU's attack on a
# port and its breach of an election body share the agent's long name besides.
SAME_EVENT = 0.75


# Weapons a report names: supplying drones and supplying missiles are two claims, while "arms"
# or "military equipment" in general meets either.
ARMS_ITEMS = {
    **dict.fromkeys(("drone", "uav"), "drone"),
    **dict.fromkeys(("missile", "rocket"), "missile"),
    **dict.fromkeys(("shell", "artillery"), "shell"),
    **dict.fromkeys(("aircraft", "jet", "fighter", "helicopter"), "aircraft"),
    "tank": "tank",
}
_KNOWN = (
    frozenset(SYNONYMS) | frozenset().union(*THEMES.values()) | MODALITY | CYBER_WORDS | frozenset(ARMS_ITEMS)
)
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
            ("es", "e"), ("s", ""), ("d", ""))


@cache
def normal(word: str) -> str:
    """The shared form of a word: a known word's base form (*supplied* -> *supply* -> ``supply``,
    *drones* -> *drone*), otherwise a crude stem."""
    bases = [word[: -len(end)] + rep for end, rep in _ENDINGS if word.endswith(end)]
    bases += [b[:-1] for b in bases if len(b) > 3 and b[-1] == b[-2]]  # shipped -> shipp -> ship
    for cand in [word, *bases]:
        if cand in _KNOWN:
            return SYNONYMS.get(cand, cand)
    return _stem(word)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Frame:
    """Who does what to whom, and under which modality: supplies what kind of thing to whom
    (``action`` supply), attacks or spies on whom."""

    agent: str
    recipient: str | None  # who receives a transfer, or whom an attack or spying is aimed at
    themes: frozenset[str]  # the kind of thing supplied; empty for other acts
    modality: frozenset[str]
    action: str = TRANSFER_ACTION
    items: frozenset[str] = frozenset()  # named weapons (drones, missiles…); none for "arms" in general

    def pinned(self) -> bool:
        """Whether the frame says which act it is without its article: a transfer, or an act that
        names whom it was aimed at."""
        return self.action == TRANSFER_ACTION or self.recipient is not None

    def same(self, other: Frame) -> bool:
        return (
            self.agent == other.agent
            and _same_action(self.action, other.action)
            and (self.recipient is None or other.recipient is None or self.recipient == other.recipient)
            and self.modality == other.modality
            and (bool(self.themes & other.themes) or not (self.themes or other.themes))
            and (not self.items or not other.items or bool(self.items & other.items))
        )


def _same_action(a: str, b: str) -> bool:
    return a == b or {a, b} == {ATTACK_ACTION, CYBERATTACK_ACTION}


@dataclass(frozen=True)
class Reading:
    """A proposition as claim identity sees it."""

    words: frozenset[str]
    frame: Frame | None
    lead: str | None = None  # the first actor named: whom the proposition is about, mostly its subject


@dataclass
class ClaimIndex:
    """The claims known so far, searchable by content.

    Every reading a claim was stated in is an entry. A new proposition is compared only with
    the entries that could match it: transfer frames with the same supplier and modality, and
    entries sharing at least one content word (the overlap rule needs two), looked up in an
    inverted index, so resolving costs what the candidates cost, not what the store holds. The
    answer is the one a scan of every entry in order would give: the first agreeing frame, else
    the best overlap, the earliest entry on ties. A reading a claim already has from the same
    article is not entered again: an earlier equal entry of the same claim answers first, so it
    could never change an answer, and coverage that repeats itself would otherwise make every
    lookup scan its repeats. Each entry remembers its article (``None`` for claims already in the
    store), because two attacks without a target are one event only within an article.
    """

    gazetteer: Gazetteer
    threshold: float = SAME_CLAIM
    _entries: list[tuple[str, Reading]] = field(default_factory=list)
    _sources: list[str | None] = field(default_factory=list)  # the article each entry was read in
    _entered: set[tuple[str, Reading, str | None]] = field(default_factory=set)
    _marks: list[frozenset[str]] = field(default_factory=list)  # each entry's actors and negation
    _by_key: dict[str, str] = field(default_factory=dict)
    _frames: dict[tuple[str, frozenset[str]], list[int]] = field(default_factory=dict)
    _postings: dict[str, list[int]] = field(default_factory=dict)
    _names: dict[tuple[str, bool], Actor | None] = field(default_factory=dict)
    _sides: dict[str, str] = field(default_factory=dict)  # actor key -> key of the state it serves

    def __len__(self) -> int:
        """How many claims are known."""
        return len(self._by_key)

    def stream(self, text: str) -> list[str]:
        """The proposition's normalised words in order; actors as ``@key``, negation as ``¬``."""
        raw = [w.replace("’", "'") for w in _WORD.findall(text)]
        raw = [w[:-2] if w.lower().endswith("'s") else w for w in raw]
        out: list[str] = []
        # a run of capitalised words is a name ("Velmar Agri Trade"), even one at the start or one
        # of whose words is also a common word; a lone capital may just open the sentence
        caps = [w[:1].isupper() and w.lower() not in _STOP for w in raw]
        in_run = [
            c and ((i > 0 and caps[i - 1]) or (i + 1 < len(raw) and caps[i + 1])) for i, c in enumerate(caps)
        ]
        i = 0
        while i < len(raw):
            actor, n = self._actor_at(raw, i)
            if actor is not None:
                out.append("@" + actor.key)
                if actor.key not in self._sides:  # every word is looked up: walk each chain once
                    self._sides[actor.key] = actor.chain()[-1].key
                i += n
                continue
            word = raw[i].lower()
            if in_run[i] or (i > 0 and caps[i] and word not in _KNOWN):
                out.append("@" + word)  # a name the gazetteer does not know is still a name
            elif word in _NEGATIONS or word.endswith("n't"):
                out.append(NEGATION)  # "is worried" and "is not worried" are different propositions
            elif word == "arming":
                out += [_TRANSFER, "arms"]  # "arming Moscow" is supplying it with arms
            elif len(word) > 1 or word.isdigit():
                out.append(word if word in _STOP else normal(word))
            i += 1
        return out

    def _actor_at(self, raw: list[str], i: int) -> tuple[Actor | None, int]:
        for n in (3, 2, 1):  # longest actor name first: "North Korea", "White House"
            if i + n <= len(raw):
                actor = self._named(" ".join(raw[i : i + n]), n == 1)
                if actor is not None and (n > 1 or raw[i][:1].isupper()):
                    return actor, n
        return None, 0

    def _named(self, name: str, single: bool) -> Actor | None:
        # Every word of every proposition is looked up up to three times; the same few thousand
        # word sequences recur, so answers are kept (the store's claims are read at each build).
        key = (name, single)
        if key not in self._names:
            actor = self.gazetteer.find(name) or (self.gazetteer.demonym(name) if single else None)
            self._names[key] = actor
        return self._names[key]

    def read(self, text: str) -> Reading:
        stream = self.stream(text)
        # whose act or state it is, by side: "Putin" and "the Russian leader" lead alike
        lead = next((self._sides.get(w[1:], w[1:]) for w in stream if w.startswith("@")), None)
        return Reading(frozenset(w for w in stream if w not in _STOP), frame(stream), lead)

    def add_known(self, key: str, text: str) -> None:
        """A wording of a claim in the store: its text first (which founds it), then others."""
        if key in self._by_key:
            self.restate(key, text)
        else:
            self._found(key, text, self.read(text), None)

    def _found(self, key: str, text: str, reading: Reading, source: str | None) -> None:
        """A claim's first reading, from the store (``source`` None) or an article."""
        if key not in self._by_key:
            self._by_key[key] = text
            self._add(key, reading, source)

    def match(self, text: str, source: str | None = None) -> str | None:
        """The key of the known claim this proposition, read in article ``source``, states, if any;
        nothing is remembered."""
        reading = self.read(text)
        best = self._same_frame(reading.frame, source) if reading.frame is not None else None
        # a denial in the passive ("no missiles were sent to Russia") names no doer: by the words
        return best if best is not None else self._closest(reading, source, any_lead=True)

    def resolve(self, text: str, source: str | None = None) -> tuple[str, str]:
        """``(key, canonical text)`` of the claim this proposition, read in article ``source``,
        states; new claims are remembered."""
        reading = self.read(text)
        best = self._same_frame(reading.frame, source) if reading.frame is not None else None
        if best is None:
            best = self._closest(reading, source)
        if best is not None:
            self._add(best, reading, source, founding=False)  # a paraphrase widens what the claim matches
            return best, self._by_key[best]
        basis = " ".join(sorted(reading.words)) or text.casefold()
        key = hashlib.sha256(basis.encode()).hexdigest()[:16]
        if key in self._by_key:  # the same words led by another side ("A funded B" / "B funded A")
            key = hashlib.sha256(f"{basis} ^{reading.lead}".encode()).hexdigest()[:16]
        self._found(key, text, reading, source)
        return key, self._by_key[key]

    def restate(self, key: str, text: str, source: str | None = None) -> None:
        """Remember ``text``, read in article ``source``, as a wording of the known claim ``key``."""
        self._add(key, self.read(text), source, founding=False)

    def _add(self, key: str, reading: Reading, source: str | None = None, *, founding: bool = True) -> None:
        if (key, reading, source) in self._entered:
            return
        self._entered.add((key, reading, source))
        at = len(self._entries)
        self._entries.append((key, reading))
        self._sources.append(source)
        self._marks.append(frozenset(w for w in reading.words if not _content_word(w)))
        # A paraphrase that does not say whom an act goes to ("denied carrying out the attack")
        # would otherwise make its claim meet that act against anyone.
        if reading.frame is not None and (founding or reading.frame.recipient is not None):
            self._frames.setdefault((reading.frame.agent, reading.frame.modality), []).append(at)
        for word in reading.words:
            if _content_word(word):
                self._postings.setdefault(word, []).append(at)

    def _same_frame(self, wanted: Frame, source: str | None) -> str | None:
        # two transfers are one claim exactly when their frames agree, however worded
        for at in self._frames.get((wanted.agent, wanted.modality), ()):
            known = self._entries[at][1].frame
            if known is not None and self._by_frames(wanted, known, source, at) and wanted.same(known):
                return self._entries[at][0]
        return None

    def _by_frames(self, wanted: Frame | None, known: Frame | None, source: str | None, at: int) -> bool:
        """Whether two frames decide alone: in one article, or when both say which act they are
        (never when either proposition states no act)."""
        if wanted is None or known is None:
            return False
        return self._sources[at] == source or (wanted.pinned() and known.pinned())

    def _closest(self, reading: Reading, source: str | None, *, any_lead: bool = False) -> str | None:
        # ``similarity`` of the reading and each entry sharing a content word with it, computed from
        # the postings: the count of shared content words is how often an entry turns up, and only
        # the few actors and negation marks are intersected. Same answer as ``similarity`` in a scan.
        content = [w for w in reading.words if _content_word(w)]
        shared = Counter(chain.from_iterable(self._postings.get(w, ()) for w in content))
        marks = reading.words.difference(content)
        size = len(reading.words)
        best, best_score, best_at = None, 0.0, len(self._entries)
        for at, n in shared.items():
            if n < MIN_SHARED_WORDS:
                continue
            key, known = self._entries[at]
            two_acts = reading.frame is not None and known.frame is not None
            if two_acts and self._by_frames(reading.frame, known.frame, source, at):
                continue  # frames decided above: two transfers are not compared by their words
            if not any_lead and reading.lead and known.lead and reading.lead != known.lead:
                continue  # "Kazakhstan has become a hub for X" is not "Johor has become a hub for X"
            if self._sources[at] != source and not (reading.lead and known.lead):
                continue  # "denied any wrongdoing", "the pattern is hard to explain": whose, its article says
            score = _dice(n + len(marks & self._marks[at]), size, len(known.words))
            if two_acts and score < SAME_EVENT:
                continue  # two attacks in two articles: one event only when told in nearly one wording
            if score > best_score or (score == best_score and at < best_at):  # the earliest on ties
                best, best_score, best_at = key, score, at
        return best if best is not None and best_score >= self.threshold else None


def frame(stream: list[str]) -> Frame | None:
    """The frame of a proposition, if it states one: an actor, then the first act word after it
    (supply or support, attack, spy), and optionally whom the act goes to or is aimed at (*to X*,
    *for X*, *on X*, *against X*, or right after the verb)."""
    at = next((i for i, w in enumerate(stream) if w in _ACTIONS), None)
    if at is None:
        return _origin_frame(stream)
    act = stream[at]
    before = next((i for i in range(at - 1, -1, -1) if stream[i].startswith("@")), None)
    agent = stream[before][1:] if before is not None else None
    target = None
    if act not in (_TRANSFER, _SUPPORT):
        by = at + 2 if stream[at + 1 : at + 2] == ["on"] else at + 1  # "spied on by"
        passive = stream[by : by + 1] == [_PASSIVE_AGENT]
        if before is not None and (passive or _PATIENT_MARKS.intersection(stream[before + 1 : at])):
            # "X was attacked by Y": X is the target
            target, agent = agent, _marked_actor(stream, by, (_PASSIVE_AGENT,))
        # who an attack or spying is done for is who does it: "spied on Germany for China",
        # "hackers working for Iran"
        agent = _principal(stream) or agent
    if agent is None:
        return None
    marks = _RECIPIENT_MARKS if act in (_TRANSFER, _SUPPORT) else _TARGET_MARKS
    candidates = []  # (position, marked by a preposition)
    for j in range(at + 1, len(stream)):
        before = j - 1
        while before > at and stream[before] in _DETERMINERS:  # "on the Danish ministry"
            before -= 1
        if not stream[j].startswith("@"):
            continue
        if before == at or stream[before] in marks or _party_in(stream, at, j):
            candidates.append((j, before != at))
    recipient = target
    for n, (j, marked) in enumerate(candidates if target is None else ()):
        later_marked = any(m for _, m in candidates[n + 1 :])
        if not marked and later_marked and j + 1 < len(stream) and _names_a_thing(stream[j + 1]):
            continue  # "shipped Shahed drones to Russia": a name before the thing is the thing's
        recipient = stream[j][1:]
        break
    words = set(stream)
    modality = frozenset(w for w in words if w in MODALITY or w == NEGATION)
    if act not in (_TRANSFER, _SUPPORT):
        if act == ATTACK_ACTION and words & CYBER_WORDS:
            act = CYBERATTACK_ACTION
        return Frame(agent, recipient, frozenset(), modality, act)
    # the kind of thing is the first one named after the transfer word (its object), else the first
    after = _kinds(stream[at + 1 :]) + _kinds(stream[:at])
    theme = next((t for t in after if t is not None), None)
    if theme is None and _SUPPORT in words:
        theme = "economic"  # plain "support" for a state is its economy's
    if theme is None:
        return None
    return _transfer(agent, recipient, theme, words)


def _transfer(agent: str, recipient: str | None, theme: str, words: set[str]) -> Frame:
    """A transfer of a kind of thing, with the modality and the named weapons its words give."""
    modality = frozenset(w for w in words if w in MODALITY or w == NEGATION)
    items = frozenset(ARMS_ITEMS[w] for w in words if w in ARMS_ITEMS) if theme == "arms" else frozenset()
    return Frame(agent, recipient, frozenset((theme,)), modality, items=items)


def _origin_frame(stream: list[str]) -> Frame | None:
    """*70 per cent of the technology used by the Russian military comes from China*: where a kind
    of thing comes from supplies it, to whoever the proposition says uses it."""
    at = next(
        (i for i in range(len(stream) - 2) if stream[i] in _ORIGIN_VERBS and stream[i + 1] == "from"), None
    )
    if at is None or not stream[at + 2].startswith("@"):
        return None
    theme = next((t for t in _kinds(stream) if t is not None), None)
    if theme is None:
        return None
    users = (_marked_actor(stream, i + 1, (_PASSIVE_AGENT,)) for i, w in enumerate(stream) if w in _USE_WORDS)
    recipient = next((u for u in users if u is not None), None)
    return _transfer(stream[at + 2][1:], recipient, theme, set(stream))


def _party_in(stream: list[str], at: int, j: int) -> bool:
    """Whether the actor at ``j`` is where the receiving party is: *sent weapons to any party in
    Sudan*, *to a militia in Somalia* (the stream drops *a*), not *for (potential) use in Ukraine*."""
    if j < at + 4 or stream[j - 1] != "in":
        return False
    for k in range(j - 3, max(at, j - 5), -1):  # "to", "any" or one word, at most two words, "in"
        if stream[k] not in _RECIPIENT_MARKS:
            continue
        between = stream[k + 1 : j - 1]
        party = between[0] in _PARTY_DETERMINERS or (len(between) == 1 and between[0] not in _USE_WORDS)
        return party and not any(w.startswith("@") for w in between)
    return False


def _principal(stream: list[str]) -> str | None:
    return next((a for i in range(len(stream)) if (a := _marked_actor(stream, i, ("for",)))), None)


def _marked_actor(stream: list[str], i: int, marks: Collection[str]) -> str | None:
    """The actor named at ``i`` after one of ``marks`` and any determiners (*for the GRU*)."""
    if i >= len(stream) or stream[i] not in marks:
        return None
    j = i + 1
    while j < len(stream) and stream[j] in _DETERMINERS:
        j += 1
    return stream[j][1:] if j < len(stream) and stream[j].startswith("@") else None


def _names_a_thing(word: str) -> bool:
    """A word for a kind of thing supplied, a named weapon or a model number (*KN-23 missiles*)."""
    return _theme(word) is not None or word in ARMS_ITEMS or word[:1].isdigit()


def _theme(word: str) -> str | None:
    return next((name for name, kind in THEMES.items() if word in kind), None)


def _kinds(words: list[str]) -> list[str | None]:
    """The kind of thing each word names, where a word right before another kind word is not
    counted: English puts the head of a compound last, so *weapons components* are components
    (technology) and *military technology* is technology, while *military equipment* is arms."""
    kinds = [_theme(w) for w in words]
    return [None if k is not None and i + 1 < len(kinds) and kinds[i + 1] is not None else k
            for i, k in enumerate(kinds)]


def _content_word(word: str) -> bool:
    """Not an actor and not the negation mark: what the overlap rule counts as shared."""
    return not word.startswith("@") and word != NEGATION


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice overlap of two propositions' words, or 0 unless they share two words besides actors:
    two claims about the same pair of countries, or both negated, are not the same claim for that alone."""
    if not a or not b:
        return 0.0
    shared = a & b
    if sum(1 for w in shared if _content_word(w)) < MIN_SHARED_WORDS:
        return 0.0
    return _dice(len(shared), len(a), len(b))


def _dice(shared: int, size_a: int, size_b: int) -> float:
    return 2 * shared / (size_a + size_b)
