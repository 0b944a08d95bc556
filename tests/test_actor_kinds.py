"""One actor key, one kind and one label: the tagger may read an unknown name as a person in one
article and an organization in the next, and a sentence may capitalise a description another writes in
lower case; the build must store one of each, not refuse the whole batch."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.build import build, stored_actors, stored_kinds
from kg.namespace import ID
from kg.records import Actor, ActorKind, Article, Extraction, settle_kind
from kg.store import OxigraphStore
from tests.sample import ANALYST, TEXT_B, USA, corpus


def test_settle_kind_keeps_the_first_kind_of_a_key_and_its_principals() -> None:
    kinds: dict[str, ActorKind] = {}
    as_person = settle_kind(ANALYST, kinds)
    as_org = settle_kind(dataclasses.replace(ANALYST, kind=ActorKind.ORGANIZATION), kinds)
    assert as_person is ANALYST and as_org.kind is ActorKind.PERSON
    misread = dataclasses.replace(USA, kind=ActorKind.GROUP)
    voice = Actor("voice", "Voice", ActorKind.PERSON, speaks_for=misread)
    kinds["united-states"] = ActorKind.STATE
    assert settle_kind(voice, kinds).speaks_for == USA


class TwoReadings:
    """The sample's statements, with the analyst read as a person or as an organization by turns."""

    version = "kinds-1"
    signature = "kinds-1"

    def __init__(self, kind: ActorKind | None = None, labels: tuple[str, ...] = ()) -> None:
        self.kind = kind
        self.labels = labels  # the analyst's label in each article, by turns
        self.calls = 0

    def extract(self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = (),
                *, workers: int = 1) -> Iterator[Extraction]:
        sample = {ex.article.id: ex for ex in corpus()}
        for article in articles:
            self.calls += 1
            kind = self.kind or (ActorKind.PERSON if self.calls % 2 else ActorKind.ORGANIZATION)
            reader = dataclasses.replace(ANALYST, kind=kind)
            if self.labels:
                reader = dataclasses.replace(reader, label=self.labels[self.calls % len(self.labels)])
            statements = tuple(
                dataclasses.replace(st, article_id=article.id, speaker=reader)
                for st in sample["b-talks"].statements  # the analyst's one statement
            )
            yield Extraction(article, statements)


def test_a_batch_that_reads_one_name_two_ways_stores_one_kind(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("one", "two", "three"):
        (folder / f"{name}.txt").write_text(TEXT_B, encoding="utf-8")
    store = OxigraphStore()
    summary = build([folder], store, extractor=TwoReadings())
    assert summary.ok, summary.text()
    assert stored_kinds(store)[ANALYST.key] is ActorKind.PERSON
    # a later build that reads the name as an organization keeps the stored kind
    (folder / "four.txt").write_text(TEXT_B, encoding="utf-8")
    later = build([folder / "four.txt"], store, extractor=TwoReadings(ActorKind.ORGANIZATION))
    assert later.ok, later.text()
    assert stored_kinds(store)[ANALYST.key] is ActorKind.PERSON


def test_a_batch_that_writes_one_name_two_ways_stores_one_label(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("one", "two"):
        (folder / f"{name}.txt").write_text(TEXT_B, encoding="utf-8")
    first, second = ANALYST.label.upper(), ANALYST.label.lower()  # one key: the key ignores case
    store = OxigraphStore()
    summary = build([folder], store, extractor=TwoReadings(ActorKind.PERSON, (first, second)))
    assert summary.ok, summary.text()
    labels = stored_actors(store)[1]
    assert labels[ANALYST.key] in (first, second)
    count = store.query(f"SELECT (COUNT(?l) AS ?n) WHERE {{ <{ID_PREFIX}{ANALYST.key}> <{LABEL}> ?l }}")
    assert [int(row[0].value) for row in count] == [1]


ID_PREFIX = str(ID["actor/"])
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
