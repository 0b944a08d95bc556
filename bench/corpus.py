"""A synthetic news corpus for the benchmarks: N articles of realistic coverage, the same every run.

    .venv/bin/python bench/corpus.py out/bench/corpus-200 --articles 200
    .venv/bin/python bench/corpus.py out/more --articles 1 --start 200 --seed 7

Writes ``bench-NNNNNN.txt`` (and, for most, ``bench-NNNNNN.meta.json``) into OUT_DIR. Article
``i`` depends only on the seed and ``i``, so a corpus of N articles is the first N of any larger
one and ``--start`` extends it. Every sentence comes from this file's own templates:

* topics — arms transfers, technology for weapons, cyberattacks, espionage, sanctions evasion,
  companies selling to a military, troops sent abroad — whose propositions name states and
  organizations of the actor gazetteer (by label, alias or demonym) and invented companies;
* a fixed pool of propositions drawn with a Zipf-like law, so a few claims recur across many
  articles (each time in another paraphrase) and most appear once or twice;
* reporting patterns: ``X said that P``; ``"P," X said``; ``according to X, P``; ``X accused Y of
  P-ing``; ``X denied that P``; ``X dismissed the claims as groundless``; ``X's spokesperson said``;
  self-denials (``"Y has never supplied Z to W," X said``); ``was quoted as saying``; quotes that
  run over two sentences; speakers who are invented officials and analysts with titles
  (*Defence Minister Ana Lind of Norway*), named again by surname or pronoun;
* plain paragraphs that state nothing, and page furniture: headline, byline, dateline, "Read
  more" teasers, advertisements, captions, a newsletter box and a copyright line.

Sidecar metadata (title, publisher, date within two years, url) comes with about 85 % of the
articles, some fields null.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import itertools
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import assets  # noqa: E402

ID_PREFIX = "bench-"
ACTORS_FILE = "actors.tsv"
VERSION = 2  # of the generator's output: caches of corpora are kept by size, seed and version
POOL_SIZE = 3000
ZIPF_EXPONENT = 1.0
FIRST_DAY = dt.date(2023, 1, 1)
DAYS = 731  # two years of coverage
META_SHARE = 0.85


# -- actors ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """A state or organization of the gazetteer and the ways an article may name it."""

    label: str
    names: tuple[str, ...]  # label first, then aliases fit for running text
    demonym: str | None
    state: bool

    def name(self, rng: random.Random) -> str:
        # The label most of the time, as news copy does; an alias for variety.
        name = self.label if rng.random() < 0.6 or len(self.names) == 1 else rng.choice(self.names[1:])
        return _with_article(name)

    def possessive(self, rng: random.Random) -> str:
        name = self.name(rng)
        return name + ("’" if name.endswith("s") else "’s")


# Names that take "the" in running text: "the Pentagon", "the UK", "the Kremlin".
_THE_WORDS = frozenset(
    "United Union Department Ministry Republic Federation government authorities intelligence Kingdom "
    "Emirates Netherlands Pentagon Kremlin Commission Court Nations PRC DPRK US UK EU UN UAE White".split()
)


def _with_article(name: str) -> str:
    if name.startswith(("the ", "The ")) or not _THE_WORDS & set(name.split()):
        return name
    return "the " + name


def _parties() -> dict[str, Party]:
    lines = [ln for ln in assets.gazetteer_text().splitlines() if ln.strip() and not ln.startswith("#")]
    parties: dict[str, Party] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["kind"] not in ("State", "Organization"):
            continue
        # Aliases that read well mid-sentence: no bare acronyms with dots, no administrations.
        aliases = [a for a in (row["aliases"] or "").split("|") if a and "administration" not in a
                   and "." not in a and "-" not in a and not a.startswith("the ")]
        demonyms = [d for d in (row["demonyms"] or "").split("|") if d and "." not in d]
        label = row["label"]
        demonym = demonyms[0] if demonyms else None
        parties[label] = Party(label, (label, *aliases[:4]), demonym, row["kind"] == "State")
    return parties


PARTIES = _parties()

FIRST_F = ("Ana", "Mira", "Lena", "Sofia", "Ingrid", "Talia", "Noor", "Elena", "Hana", "Irene", "Clara",
           "Yasmin", "Petra", "Leona", "Marta", "Ada", "Rosa", "Nadia", "Vera", "Selin")
FIRST_M = ("Tomas", "Erik", "Jonas", "Marek", "Daniel", "Omar", "Pavel", "Felix", "Arjun", "Luca", "Stefan",
           "Karim", "Milan", "Oskar", "Rafael", "Teo", "Viktor", "Henrik", "Samir", "Anton")
SURNAMES = ("Lind", "Varga", "Okafor", "Brandt", "Castell", "Moreau", "Halvik", "Kessler", "Novak",
            "Ferreira", "Quist", "Dahl", "Reyes", "Sorvik", "Abara", "Marin", "Kovac", "Weller", "Strand",
            "Aldous", "Mercer", "Hollis", "Prentiss", "Garand", "Ostrova", "Belcourt", "Renner", "Lazar",
            "Corvin", "Amsel", "Barlow", "Farrow", "Greaves", "Hartley", "Ivers", "Jessop", "Kinnear",
            "Lowell", "Maddox", "Nyberg", "Orme", "Pryce", "Quarles", "Sallow", "Thorne", "Ulman", "Voss",
            "Wren", "Yates", "Zeller")
OFFICE_TITLES = ("Foreign Minister", "Defence Minister", "Deputy Foreign Minister",
                 "National Security Adviser", "Interior Minister")
THINK_TANKS = ("the Halden Institute for Security Studies", "the Arrowgate Centre",
               "the Northbridge Policy Forum", "the Castellan Foundation",
               "the Institute for Maritime Trade Research", "the Larchmont Conflict Monitor",
               "the Vestry Group")
ANALYST_ROLES = ("a senior fellow at", "a researcher at", "director of the sanctions programme at",
                 "an arms-control analyst at", "head of research at")
COMPANIES = ("Korvane Dynamics", "Sellwick Marine", "Aurent Microsystems", "Tessaline Logistics",
             "Brightwater Shipping", "Halden Precision", "Ostmark Trading", "Veridian Components",
             "Palisade Optics", "Corran Freight", "Norvane Engines", "Quillon Electronics")
PUBLISHERS = ("The Harbour Gazette", "Northern Ledger", "Pacific Wire Service", "The Continental Review",
              "Daily Meridian", "Eastbridge Times", "The Courier Weekly", "Lakeside Herald")


@dataclass(frozen=True)
class Person:
    """An invented speaker: an official of a state or an analyst at an invented institute."""

    first: str
    last: str
    female: bool
    title: str  # "Defence Minister" or "a senior fellow at the Arrowgate Centre"
    party: Party | None  # the state an official serves; None for analysts

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pronoun(self) -> str:
        return "she" if self.female else "he"

    def intro(self, rng: random.Random) -> str:
        """The first mention, with the title the way news copy gives it."""
        if self.party is None:
            return f"{self.full}, {self.title},"
        forms = [f"{self.title} {self.full} of {self.party.label}"]
        if self.party.demonym:
            forms.append(f"{self.party.demonym} {self.title} {self.full}")
        forms.append(f"{self.party.possessive(rng)} {self.title.lower()}, {self.full},")
        return rng.choice(forms)


def _person(rng: random.Random, title: str, party: Party | None, taken: set[str]) -> Person:
    """A new person whose full name no one else in the corpus has."""
    while True:
        female = rng.random() < 0.5
        first = rng.choice(FIRST_F if female else FIRST_M)
        person = Person(first, rng.choice(SURNAMES), female, title, party)
        if person.full not in taken:
            taken.add(person.full)
            return person


def _rosters(seed: int) -> tuple[dict[str, list[Person]], list[Person]]:
    """Officials per state and analysts: the same people across the corpus, as in real coverage."""
    rng = random.Random(f"{seed}:people")
    taken: set[str] = set()
    officials = {
        label: [_person(rng, title, party, taken) for title in rng.sample(OFFICE_TITLES, 3)]
        for label, party in sorted(PARTIES.items()) if party.demonym and party.state
    }
    analysts = [_person(rng, f"{rng.choice(ANALYST_ROLES)} {rng.choice(THINK_TANKS)}", None, taken)
                for _ in range(40)]
    return officials, analysts


# -- propositions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """One kind of claim: its paraphrases and who makes, and who denies, claims of that kind.

    Slots: {a} the accused, {b} the other side (recipient, target), {x} the thing, {y} a place
    or cover; {b_} is the possessive of {b}. ``finite`` forms state the proposition, ``negated``
    deny it in the accused's own words, ``gerund`` forms follow "accused {a} of".
    """

    name: str
    agents: tuple[str, ...]  # gazetteer labels, or "" for the invented companies
    others: tuple[str, ...]
    things: tuple[str, ...]
    places: tuple[str, ...]
    finite: tuple[str, ...]
    negated: tuple[str, ...]
    gerund: tuple[str, ...]
    headline: tuple[str, ...]
    accusers: tuple[str, ...]  # labels; "=b" is the other side itself


TOPICS = (
    Topic(
        "arms",
        ("North Korea", "Iran", "China", "Belarus"),
        ("Russia", "Syria", "Venezuela"),
        ("artillery shells", "ballistic missiles", "attack drones", "rocket launchers", "anti-tank munitions",
         "armoured vehicles", "air-defence systems", "small-arms ammunition"),
        ("",),
        ("{a} has supplied {x} to {b}", "{a} has been shipping {x} to {b}", "{a} has provided {b} with {x}",
         "{a} sent {x} to {b}", "{a} is secretly transferring {x} to {b}", "{a} delivered {x} to {b}"),
        ("{a} has never supplied {x} to {b}", "{a} has not sent any {x} to {b}",
         "{a} did not ship {x} to {b}", "{a} has never provided {b} with {x}"),
        ("supplying {x} to {b}", "shipping {x} to {b}", "providing {b} with {x}"),
        ("{A} accused of shipping {x} to {b}", "New evidence of {x} from {a} reaching {b}",
         "{B} denies receiving {x} from {a}"),
        ("Ukraine", "United States", "US intelligence", "United Kingdom", "NATO", "South Korea",
         "European Union", "Pentagon", "US State Department", "Japan", "Poland"),
    ),
    Topic(
        "technology",
        ("China", "Turkey", "United Arab Emirates", "Kazakhstan", "Armenia"),
        ("Russia", "Iran", "North Korea"),
        ("dual-use components", "microchips for guided missiles", "machine tools", "navigation electronics",
         "semiconductors", "drone engines"),
        ("",),
        ("{a} has supplied {b} with {x}", "{a} has been exporting {x} to {b}", "{a} sold {x} to {b}",
         "companies in {a} have shipped {x} to {b}"),
        ("{a} has never supplied {x} to {b}", "{a} has not exported {x} to {b}"),
        ("supplying {b} with {x}", "exporting {x} to {b}"),
        ("{x} from {a} found in weapons used by {b}", "{A} under pressure over exports of {x}"),
        ("United States", "European Union", "Ukraine", "US State Department", "United Kingdom", "Germany",
         "Japan"),
    ),
    Topic(
        "cyber",
        ("Russia", "China", "North Korea", "Iran"),
        ("Poland", "Estonia", "Lithuania", "Germany", "United Kingdom", "Taiwan", "Ukraine", "Japan",
         "South Korea", "Latvia", "Denmark", "Netherlands", "Finland"),
        ("power grid", "election commission", "port authority", "rail signalling network", "water utilities",
         "hospital networks", "defence ministry email servers", "satellite ground stations"),
        ("",),
        ("hackers working for {a} broke into {b_} {x}", "{a} was behind the cyberattack on {b_} {x}",
         "state-backed hackers from {a} attacked {b_} {x}", "{a} orchestrated the intrusion into {b_} {x}"),
        ("{a} played no part in the attack on {b_} {x}", "{a} was not behind the cyberattack on {b_} {x}",
         "{a} has never attacked {b_} {x}"),
        ("hacking {b_} {x}", "orchestrating the cyberattack on {b_} {x}"),
        ("Cyberattack hits {b_} {x}", "{B} blames {a} for attack on {x}", "Who hacked the {x}"),
        ("=b", "=b", "NATO", "United States", "European Union", "United Kingdom"),
    ),
    Topic(
        "espionage",
        ("China", "Russia", "Iran"),
        ("United States", "United Kingdom", "Germany", "Taiwan", "Japan", "Australia", "Canada",
         "Netherlands", "Sweden", "Norway"),
        ("naval bases", "undersea cables", "military airfields", "defence contractors",
         "nuclear research centres"),
        ("research vessels", "high-altitude balloons", "a network of shell companies", "fishing trawlers",
         "diplomats posted abroad"),
        ("{a} used {y} to spy on {b_} {x}", "{a} has been spying on {b_} {x} with {y}",
         "{a} gathered intelligence on {b_} {x} using {y}"),
        ("{a} has never spied on {b_} {x}", "{a} did not use {y} to spy on {b_} {x}"),
        ("spying on {b_} {x}", "using {y} to spy on {b_} {x}"),
        ("Spy claims over {y} near {x}", "{B} expels diplomats over spying on {x}"),
        ("=b", "=b", "United States", "United Kingdom", "NATO"),
    ),
    Topic(
        "sanctions",
        ("",),
        ("Russia", "Iran", "North Korea"),
        ("aircraft parts", "oil-drilling equipment", "industrial lasers", "ball bearings", "luxury cars"),
        ("Turkey", "United Arab Emirates", "Kazakhstan", "Armenia", "Georgia"),
        ("{a} helped {b} evade sanctions by routing {x} through {y}", "{a} shipped {x} to {b} through {y}",
         "{a} has been selling {x} to {b} in breach of sanctions"),
        ("{a} has never sold {x} to {b}", "{a} did not ship {x} to {b} through {y}"),
        ("helping {b} evade sanctions", "routing {x} to {b} through {y}"),
        ("Sanctions investigators trace {x} to {a}", "How {x} still reach {b}"),
        ("United States", "European Union", "United Kingdom", "Ukraine", "US State Department"),
    ),
    Topic(
        "corporate",
        ("",),
        ("Russia", "Iran", "North Korea", "Belarus"),
        ("thermal cameras", "radio components", "surveillance software", "night-vision optics",
         "drone engines"),
        ("",),
        ("{a} sold {x} to the {b_dem} military", "{a} has been selling {x} to the {b_dem} military",
         "{a} supplied {x} that ended up with the {b_dem} armed forces"),
        ("{a} has never sold {x} to the {b_dem} military", "{a} did not supply {x} to the {b_dem} military"),
        ("selling {x} to the {b_dem} military",),
        ("{A} faces questions over {x}", "{x} made by {a} found on the battlefield"),
        ("Ukraine", "European Union", "US State Department", "United Kingdom"),
    ),
    Topic(
        "troops",
        ("North Korea", "Belarus", "Iran"),
        ("Russia", "Syria"),
        ("soldiers", "military advisers", "special forces units", "engineering battalions"),
        ("",),
        ("{a} has sent {x} to fight alongside {b_} forces", "{a} deployed {x} to support {b}",
         "{x} from {a} are fighting for {b}"),
        ("{a} has not sent any {x} to {b}", "{a} has never deployed {x} to {b}"),
        ("sending {x} to fight for {b}", "deploying {x} to support {b}"),
        ("{A} accused of sending {x} to {b}", "Reports of {x} from {a} in {b}"),
        ("Ukraine", "South Korea", "United States", "NATO", "US intelligence", "Pentagon"),
    ),
)


@dataclass(frozen=True)
class Proposition:
    """One claim of the pool: a topic with its slots filled; the accused is a party or a company."""

    topic: Topic
    agent: str  # gazetteer label or company name
    other: str
    thing: str
    place: str

    @property
    def company(self) -> bool:
        return self.agent not in PARTIES

    def slots(self, rng: random.Random, *, agent: str | None = None) -> dict[str, str]:
        other = PARTIES[self.other]
        a = agent if agent is not None else self.agent if self.company else PARTIES[self.agent].name(rng)
        place = PARTIES[self.place].name(rng) if self.place in PARTIES else self.place
        b = other.name(rng)
        return {"a": a, "A": _cap(a), "b": b, "B": _cap(b), "b_": other.possessive(rng),
                "b_dem": other.demonym or other.label, "x": self.thing, "y": place}

    def render(self, forms: Sequence[str], rng: random.Random, *, agent: str | None = None) -> str:
        return rng.choice(forms).format(**self.slots(rng, agent=agent))


def _pool(seed: int) -> list[Proposition]:
    """The claims the corpus talks about, most talked-about first."""
    rng = random.Random(f"{seed}:pool")
    props = []
    for topic in TOPICS:
        agents = topic.agents if topic.agents != ("",) else COMPANIES
        for agent, other, thing, place in itertools.product(agents, topic.others, topic.things, topic.places):
            if agent != other:
                props.append(Proposition(topic, agent, other, thing, place))
    rng.shuffle(props)
    return props[:POOL_SIZE]


# -- sentences -------------------------------------------------------------------------------------

WEEKDAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend",
            "this week")
DENIAL_JUDGEMENTS = ("groundless", "baseless", "absurd", "fabricated", "a smear", "nonsense", "unfounded",
                     "pure speculation", "slander")
CLAIM_NOUNS = ("the claims", "the allegations", "the accusations", "the reports")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
FILLER = (
    "Trade between {p} and {q} grew by {n} per cent last year, with energy, machinery and electronics making "
    "up most of the total.",
    "The war, now in its {ordinal} year, has drained stockpiles on both sides, and factories in several "
    "countries have been running extra shifts to replace what has been fired.",
    "{p} and {q} signed a partnership agreement in {year}, and their leaders have met more than {n} times "
    "since then.",
    "Satellite photographs taken in {month} show rows of containers stacked at a port on the coast, though "
    "it is not possible to tell from the images what they hold.",
    "Shipping records for the period are incomplete, and several of the vessels involved switched off their "
    "transponders for days at a time.",
    "Ministers from {n} countries are due to meet in {month} to discuss a new package of measures.",
    "Since the start of the year, at least {n} vessels have been added to the list of ships barred from "
    "European ports.",
    "The issue has strained relations between {p} and {q}, which had been trying to rebuild ties after a "
    "difficult decade.",
    "Customs officers at the border handle thousands of consignments each day, and only a small fraction "
    "of them are ever opened.",
    "Prices for some of the goods involved have risen sharply, in some cases by {n} per cent or more within "
    "a single year.",
    "The dispute comes at a delicate moment, weeks before a summit at which leaders hope to agree on a "
    "common approach.",
    "Much of the trade passes through intermediaries whose owners are hard to trace, registered in places "
    "with little public record-keeping.",
    "Parliament in {p} held a closed session on the matter in {month}, and the minutes have not been "
    "published.",
    "The first shipments of this kind were recorded in {year}, when the volumes were still small.",
    "Investigators examined debris recovered from {n} sites and catalogued the serial numbers of the parts "
    "they found.",
    "Relations between the two governments have swung between cooperation and open hostility over the past "
    "{n} years.",
    "The case is one of several to have come to light since the beginning of {year}.",
    "Officials in {p} have summoned foreign envoys {n} times this year over a range of disputes.",
    "Freight rates on the route have doubled since {year}, and insurers now charge a premium for vessels "
    "that call at ports in the region.",
    "A delegation from {q} visited {p} in {month}, the first such visit in {n} years, and toured an "
    "industrial park on the outskirts of the capital.",
    "The border crossing between the two countries is open around the clock, and lorries queue for up to "
    "{n} hours to pass through it.",
    "Production at the plant has risen steadily since {year}, and a second assembly line opened last spring.",
    "The matter is likely to come up again when foreign ministers gather in {month}.",
    "Neither government has published figures for the trade, and independent estimates vary widely.",
    "In {year}, a similar case ended with fines for three companies and a ban on exports to several buyers.",
    "The harbour has been expanded twice in the past decade, and new cranes were installed in {month}.",
    "Defence spending in {q} has grown every year since {year}, reaching about {n} billion dollars.",
    "Several of the firms involved changed their names or their registered addresses in the months that "
    "followed.",
    "Rail freight between {p} and {q} has tripled since {year}, carried mostly on routes that avoid "
    "third countries.",
    "The embassy of {q} in {p} moved to a larger building in {year}.",
    "Insurance costs for cargo bound for {q} rose again in {month}, for the {ordinal} time in two years.",
    "Warehouses near the main airport have expanded rapidly, and new logistics firms registered there "
    "at a rate of about {n} a month.",
    "The talks between {p} and {q} were postponed twice in {year} and have yet to resume.",
    "Exports of machinery from {p} reached a record in {year} and have fallen only slightly since.",
    "A navy patrol ship has been stationed off the coast since {month}.",
    "The government in {q} has reshuffled its security officials {n} times since {year}.",
)
EXTRA_QUOTES = (
    "We have seen the evidence, and it is overwhelming.",
    "There can be no doubt about where this came from.",
    "This is not the first time, and it will not be the last.",
    "We will respond at a time of our choosing.",
    "Our partners are fully informed.",
    "We call on the international community to act.",
)
DENIAL_QUOTES = (
    "These are lies spread by those who want to prolong the conflict.",
    "We follow every rule, and we always have.",
    "Our record speaks for itself.",
    "Nobody has shown a single piece of evidence.",
)
ORDINALS = ("second", "third", "fourth")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quoted(sentence: str) -> str:
    """The last sentence of a quote that the attribution follows: its full stop becomes a comma."""
    return sentence[:-1] + "," if sentence.endswith(".") else sentence


def _has(subject: str) -> str:
    return "have" if subject.endswith(("officials", "Officials")) else "has"


def _tidy(sentence: str) -> str:
    # An appositive intro ("Ana Lind, a researcher at X,") may meet the punctuation of the template.
    return sentence.replace(",,", ",").replace(",.", ".").replace(", ,", ",")


def _filler(rng: random.Random, p: str, q: str, template: str | None = None) -> str:
    return (template or rng.choice(FILLER)).format(
        p=p, q=q, n=rng.randint(3, 40), year=rng.randint(2014, 2022), month=rng.choice(MONTHS),
        ordinal=rng.choice(ORDINALS),
    )


class _Article:
    """Writes one article: keeps who has been introduced, so later mentions are surnames and pronouns."""

    def __init__(
        self, rng: random.Random, officials: dict[str, list[Person]], analysts: list[Person]
    ) -> None:
        self.rng = rng
        self.officials = officials
        self.analysts = analysts
        self.introduced: list[Person] = []
        self.used: set[str] = set()  # background templates already in the article

    def person(self, who: Person) -> str:
        rng = self.rng
        if who not in self.introduced:
            self.introduced.append(who)
            return who.intro(rng)
        if self.introduced[-1] == who and rng.random() < 0.5:
            return who.pronoun
        return who.last

    def speaker(self, label: str, *, people: bool = True) -> tuple[str, Person | None]:
        """How the article names a speaker for party ``label``: the state, a body, or an official."""
        rng = self.rng
        party = PARTIES[label]
        if people and label in self.officials and rng.random() < 0.45:
            who = rng.choice(self.officials[label])
            return self.person(who), who
        forms = [party.name(rng)]
        if party.demonym and label in self.officials:
            forms += [f"{party.demonym} officials", f"the {party.demonym} government"]
        return rng.choice(forms), None

    def analyst(self) -> tuple[str, Person]:
        who = self.rng.choice(self.analysts)
        return self.person(who), who

    def assertion(self, prop: Proposition) -> str:
        rng = self.rng
        accuser = rng.choice(prop.topic.accusers)
        label = prop.other if accuser == "=b" else accuser
        who: Person | None
        if rng.random() < 0.2:
            name, who = self.analyst()
        else:
            name, who = self.speaker(label)
        p = prop.render(prop.topic.finite, rng)
        when = rng.choice(WEEKDAYS)
        forms = [
            f"{_cap(name)} said {when} that {p}.",
            f"{_cap(name)} said {p}.",
            f"“{_cap(p)},” {name} said.",
            f"According to {name.rstrip(',')}, {p}.",
            f"{_cap(name)} {_has(name)} repeatedly claimed that {p}.",
            f"In a statement released {when}, {name} said {p}.",
            f"“{_cap(p)}. {_quoted(rng.choice(EXTRA_QUOTES))}” {name} said.",
        ]
        if not prop.company:
            accused = PARTIES[prop.agent].name(rng)
            forms.append(f"{_cap(name)} accused {accused} of {prop.render(prop.topic.gerund, rng)}.")
        if who is not None:
            forms.append(f"{_cap(name)} was quoted as saying that {p}.")
            forms.append(f"{_cap(name)} told reporters {when} that {p}.")
        elif label in self.officials and PARTIES[label].demonym:
            forms.append(f"A spokesperson for the {PARTIES[label].demonym} foreign ministry said {p}.")
            forms.append(f"{PARTIES[label].possessive(rng)} foreign ministry spokesperson said {p}.")
        return _tidy(rng.choice(forms))

    def denial(self, prop: Proposition, *, after_assertion: bool) -> str:
        rng = self.rng
        if prop.company:
            name = rng.choice(
                (prop.agent, f"a spokesperson for {prop.agent}", f"{prop.agent}’s chief executive")
            )
            who = None
        else:
            name, who = self.speaker(prop.agent)
        p = prop.render(prop.topic.finite, rng)
        neg = prop.render(prop.topic.negated, rng)
        judgement = rng.choice(DENIAL_JUDGEMENTS)
        forms = [
            f"{_cap(name)} denied that {p}.",
            f"{_cap(name)} {_has(name)} denied claims that {p}.",
            f"“{_cap(neg)},” {name} said.",
            f"{_cap(name)} insisted that {neg}.",
            f"“{_cap(neg)}. {_quoted(rng.choice(DENIAL_QUOTES))}” {name} said {rng.choice(WEEKDAYS)}.",
            f"{_cap(name)} {_has(name)} repeatedly denied {prop.render(prop.topic.gerund, rng)}.",
        ]
        if after_assertion:
            claims = rng.choice(CLAIM_NOUNS)
            forms += [
                f"{_cap(name)} dismissed {claims} as {judgement}.",
                f"{_cap(name)} rejected {claims}, calling them “{judgement}”.",
                f"{_cap(name)} denied {claims}.",
            ]
            if who is not None:
                forms.append(f"{_cap(name)} was quoted as saying that {claims} were “{judgement}”.")
        if not prop.company and prop.agent in self.officials and PARTIES[prop.agent].demonym and who is None:
            forms.append(f"{PARTIES[prop.agent].possessive(rng)} foreign ministry spokesperson said {neg}.")
        return _tidy(rng.choice(forms))

    def context(self, prop: Proposition, count: int = 1) -> str:
        """``count`` sentences of background that state nothing, each from another template."""
        rng = self.rng
        fresh = [t for t in FILLER if t not in self.used]
        sentences = []
        for template in rng.sample(fresh if len(fresh) >= count else FILLER, count):
            self.used.add(template)
            # Background is about places: the states by name, never "the X government".
            states = [label for label in (prop.agent, prop.other, prop.place) if label in PARTIES]
            p, q = (rng.sample(states, 2) if len(states) > 1 else [states[0], rng.choice(sorted(PARTIES))])
            sentences.append(_cap(_filler(rng, _with_article(p), _with_article(q), template)))
        return " ".join(sentences)


def _zipf(size: int) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(size)))


@dataclass(frozen=True)
class Generated:
    """One article: its id, text and sidecar metadata (None when it has no sidecar)."""

    id: str
    text: str
    meta: dict[str, str | None] | None


class Corpus:
    """The article generator for one seed; ``article(i)`` depends on the seed and ``i`` only."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self.pool = _pool(seed)
        self.weights = _zipf(len(self.pool))
        self.officials, self.analysts = _rosters(seed)

    def article(self, index: int) -> Generated:
        rng = random.Random(f"{self.seed}:article:{index}")
        main, *others = rng.choices(self.pool, cum_weights=self.weights, k=rng.randint(2, 4))
        writer = _Article(rng, self.officials, self.analysts)
        paragraphs = self._paragraphs(writer, main, others)
        title = _cap(main.render(main.topic.headline, rng, agent=main.agent if main.company else None))
        published = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        publisher = rng.choice(PUBLISHERS)
        lines = [title, self._byline(rng), published.strftime("%-d %B %Y")]
        teaser = rng.randrange(2, len(paragraphs) + 1)
        for i, para in enumerate(paragraphs):
            if i == teaser:
                lines.append(rng.choice(("Read more: ", "Related: ")) + self._teaser(rng))
            if i == 3 and rng.random() < 0.5:
                lines.append("Advertisement")
            if i == 1 and rng.random() < 0.3:
                lines.append(f"Photo: {rng.choice(('A cargo ship', 'Officials', 'A border crossing'))} "
                             f"in {rng.choice(MONTHS)} (file photo)")
            lines.append(para)
        if rng.random() < 0.5:
            lines.append(f"Sign up for the {publisher.removeprefix('The ')} newsletter")
        lines.append(f"© {published.year} {publisher}. All rights reserved.")
        text = "\n\n".join(lines) + "\n"
        meta: dict[str, str | None] | None = None
        if rng.random() < META_SHARE:
            slug = "-".join(w.strip("’,:").lower() for w in title.split()[:8])
            host = publisher.lower().removeprefix("the ").replace(" ", "")
            meta = {
                "title": title if rng.random() < 0.95 else None,
                "publisher": publisher,
                "published": published.isoformat(),
                "url": f"https://www.{host}.example/{published:%Y/%m}/{slug}" if rng.random() < 0.8 else None,
            }
        return Generated(f"{ID_PREFIX}{index:06d}", text, meta)

    def _paragraphs(self, writer: _Article, main: Proposition, others: list[Proposition]) -> list[str]:
        rng = writer.rng
        paras: list[str] = []
        # The lede: who says what; then, often at once, the accused's answer.
        lede = [writer.assertion(main)]
        if rng.random() < 0.5:
            lede.append(writer.denial(main, after_assertion=True))
        paras.append(" ".join(lede))
        paras.append(" ".join([writer.context(main, rng.randint(1, 2)), writer.assertion(main)]))
        answer = writer.denial(main, after_assertion=False)
        paras.append(" ".join([answer, writer.context(main, rng.randint(1, 2))]))
        for prop in others:
            parts = [writer.context(prop), writer.assertion(prop)]
            if rng.random() < 0.5:
                parts.append(writer.denial(prop, after_assertion=True))
            paras.append(" ".join(p for p in parts if p))
        for _ in range(rng.randint(2, 5)):
            prop = rng.choice([main, *others])
            paras.insert(rng.randrange(2, len(paras) + 1), writer.context(prop, rng.randint(2, 4)))
        if rng.random() < 0.5:
            name, _ = writer.analyst()
            p = main.render(main.topic.finite, rng)
            paras.append(f"{_cap(name)} said {rng.choice(WEEKDAYS)} that {p}.")
        return paras[:12]

    def gazetteer(self) -> str:
        """The invented people and companies as a gazetteer extension (``kg build --gazetteer``).

        Without it the tagger decides their kind mention by mention, and a name it reads as a
        person in one article and as an organization in another is two kinds of actor.
        """
        rows = ["label\tkind\twikidata\tspeaks_for\taliases\tdemonyms"]
        people = [p for staff in self.officials.values() for p in staff] + self.analysts
        rows += [f"{p.full}\tPerson\t\t{p.party.label if p.party else ''}\t\t" for p in people]
        rows += [f"{company}\tOrganization\t\t\t\t" for company in COMPANIES]
        return "# The invented actors of bench/corpus.py (same columns as kg/data/gazetteer.tsv).\n" + \
            "\n".join(rows) + "\n"

    def _byline(self, rng: random.Random) -> str:
        names = [f"{rng.choice(FIRST_F + FIRST_M)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(1, 2))]
        return "By " + " and ".join(names)

    def _teaser(self, rng: random.Random) -> str:
        prop = rng.choices(self.pool, cum_weights=self.weights)[0]
        return _cap(prop.render(prop.topic.headline, rng, agent=prop.agent if prop.company else None))


def write_corpus(out: Path, articles: int, *, seed: int = 0, start: int = 0) -> list[Path]:
    """Write articles ``start`` .. ``start + articles - 1`` into ``out``, with the gazetteer of the
    corpus's invented actors (``ACTORS_FILE``); return the text files."""
    out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(seed)
    (out / ACTORS_FILE).write_text(corpus.gazetteer(), encoding="utf-8")
    paths = []
    for index in range(start, start + articles):
        art = corpus.article(index)
        path = out / f"{art.id}.txt"
        path.write_text(art.text, encoding="utf-8")
        if art.meta is not None:
            meta = json.dumps(art.meta, indent=2, ensure_ascii=False) + "\n"
            (out / f"{art.id}.meta.json").write_text(meta, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="folder to write the articles into")
    parser.add_argument("--articles", type=int, required=True, metavar="N", help="how many articles")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    parser.add_argument("--start", type=int, default=0, metavar="I",
                        help="index of the first article (default: 0)")
    args = parser.parse_args(argv)
    if args.articles < 0 or args.start < 0:
        parser.error("--articles and --start must be 0 or more")
    if args.out.exists() and not args.out.is_dir():
        print(f"{args.out}: not a folder", file=sys.stderr)
        return 2
    paths = write_corpus(args.out, args.articles, seed=args.seed, start=args.start)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} article(s), {words:,} words, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
