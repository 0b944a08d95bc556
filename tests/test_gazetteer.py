"""The actor gazetteer: the shipped table, lookups, and a user's extension file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.gazetteer import Gazetteer, GazetteerError
from kg.records import ActorKind


def test_names_resolve_to_canonical_actors() -> None:
    gaz = Gazetteer.load()
    for name, label in [
        ("Beijing", "China"),
        ("the Kremlin", "Russia"),
        ("Pyongyang", "North Korea"),
        ("DPRK", "North Korea"),
        ("the White House", "United States"),
        ("Washington", "United States"),
        ("China’s Foreign Ministry", "Chinese Foreign Ministry"),
    ]:
        actor = gaz.find(name)
        assert actor is not None and actor.label == label, name
    assert gaz.demonym("Russian").label == "Russia"  # type: ignore[union-attr]


def test_every_row_is_well_formed() -> None:
    gaz = Gazetteer.load()
    assert len(gaz.actors) > 50
    for actor in gaz.actors.values():
        assert actor.label and actor.key
        assert actor.wikidata is None or actor.wikidata.startswith("Q")
    ministry = gaz.find("Chinese Foreign Ministry")
    assert ministry is not None and ministry.speaks_for is not None and ministry.speaks_for.label == "China"


def test_a_user_file_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "label\tkind\twikidata\tspeaks_for\taliases\tdemonyms\n"
        "Acme Corp\tOrganization\t\t\tAcme|ACME Inc\t\n"
        "China\tState\tQ148\t\tBeijing|Middle Kingdom\tChinese\n",
        encoding="utf-8",
    )
    gaz = Gazetteer.load(extra)
    acme = gaz.find("ACME Inc")
    assert acme is not None and acme.kind is ActorKind.ORGANIZATION
    assert gaz.find("Middle Kingdom") is not None
    assert gaz.find("PRC") is None  # the user's row replaced the shipped one


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Nobody\tRobot\t\t\t\t", "kind"),
        ("Nobody\tState\tX12\t\t\t", "wikidata"),
        ("\tState\t\t\t\t", "empty label"),
    ],
)
def test_a_bad_row_is_a_clear_error(tmp_path: Path, row: str, reason: str) -> None:
    extra = tmp_path / "bad.tsv"
    extra.write_text(row + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load(extra)
    assert "bad.tsv" in str(err.value) and "row 1" in str(err.value) and reason in str(err.value)


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="missing.tsv"):
        Gazetteer.load(tmp_path / "missing.tsv")
