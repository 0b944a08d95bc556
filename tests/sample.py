"""A small hand-built corpus of records, for tests that need a graph but not a model.

Two articles: the United States (through a spokesman) asserts that China
supplies drones to Russia, China's foreign ministry denies it; a think-tank
analyst asserts a second, uncontested claim. The first claim is contested.
"""

from __future__ import annotations

import datetime as dt

from kg.records import Actor, ActorKind, Article, Claim, Evidence, Extraction, Stance, Statement

USA = Actor("united-states", "United States", ActorKind.STATE, ("US", "Washington"), wikidata="Q30")
CHINA = Actor("china", "China", ActorKind.STATE, ("Beijing",), wikidata="Q148")
RUSSIA = Actor("russia", "Russia", ActorKind.STATE, ("Moscow", "Kremlin"), wikidata="Q159")
SPOKESMAN = Actor("jane-roe", "Jane Roe", ActorKind.PERSON, ("Roe",), speaks_for=USA, role="spokesman")
MINISTRY = Actor(
    "chinese-foreign-ministry", "Chinese Foreign Ministry", ActorKind.ORGANIZATION, speaks_for=CHINA
)
ANALYST = Actor("john-doe", "John Doe", ActorKind.PERSON, ("Doe",))

DRONES = Claim(
    "c-drones", "China supplies drones to Russia", agent=CHINA, action="supply", target=RUSSIA,
    about=(CHINA, RUSSIA),
)
TALKS = Claim("c-talks", "Russia and China will hold talks", about=(RUSSIA, CHINA))

TEXT_A = (
    "Spokesman Jane Roe said China supplies drones to Russia. "
    "The Chinese Foreign Ministry denied that China supplies drones to Russia."
)
TEXT_B = "Russia and China will hold talks, said analyst John Doe."


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(start, start + len(sentence), sentence)


def corpus() -> list[Extraction]:
    a = Article("a-drones", TEXT_A, title="Drones", publisher="Example News", published=dt.date(2024, 3, 1),
                url="https://news.example/drones")
    b = Article("b-talks", TEXT_B, title="Talks", published=dt.date(2024, 4, 2))
    s1 = "Spokesman Jane Roe said China supplies drones to Russia."
    s2 = "The Chinese Foreign Ministry denied that China supplies drones to Russia."
    return [
        Extraction(a, (
            Statement(a.id, SPOKESMAN, Stance.ASSERT, DRONES, "China supplies drones to Russia",
                      _evidence(TEXT_A, s1), "said", date=a.published),
            Statement(a.id, MINISTRY, Stance.DENY, DRONES, "China supplies drones to Russia",
                      _evidence(TEXT_A, s2), "denied", date=a.published),
        )),
        Extraction(b, (
            Statement(b.id, ANALYST, Stance.ASSERT, TALKS, "Russia and China will hold talks",
                      _evidence(TEXT_B, TEXT_B), "said", date=b.published),
        )),
    ]
