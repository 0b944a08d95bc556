"""Parallel and incremental builds with the real model give the graph one sequential build gives.

Claim identity is decided in the calling process in input order, so neither the number of
reading processes nor building articles one at a time may change a statement or a claim key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.articles import read_articles
from kg.build import MIN_PARALLEL, build, stored_fingerprints
from kg.extract import Extractor, ModelError
from kg.queries import resolve, rows, run
from kg.store import OxigraphStore

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough articles for the build to start workers: the seeds under several ids each."""
    folder = tmp_path_factory.mktemp("corpus")
    seeds = sorted(SEEDS.glob("*.txt"))
    copies = -(-MIN_PARALLEL // len(seeds))
    for k in range(copies):
        for text in seeds:
            shutil.copy(text, folder / f"{text.stem}-{k}.txt")
            meta = text.with_name(text.stem + ".meta.json")
            if meta.exists():
                shutil.copy(meta, folder / f"{text.stem}-{k}.meta.json")
    return folder


def _statements(store: OxigraphStore) -> list[tuple[str | None, ...]]:
    return sorted(tuple(r.values()) for r in rows(run(store, resolve("statements"))))


def test_two_workers_build_the_graph_one_builds(corpus: Path, extractor: Extractor) -> None:
    one, two = OxigraphStore(), OxigraphStore()
    first = build([corpus], one, extractor=extractor, workers=1)
    second = build([corpus], two, extractor=extractor, workers=2)
    assert first.ok and second.ok and len(first.built) >= MIN_PARALLEL
    assert sorted(one.dataset().quads()) == sorted(two.dataset().quads())
    assert len(_statements(one)) > 100


def test_articles_built_one_at_a_time_keep_the_claims_of_one_batch(extractor: Extractor) -> None:
    batch, singles = OxigraphStore(), OxigraphStore()
    assert build([SEEDS], batch, extractor=extractor).ok
    for text in sorted(SEEDS.glob("*.txt")):
        assert build([text], singles, extractor=extractor).ok
    # Same statements with the same claim keys (a claim's canonical text is its first wording,
    # which may differ; the statements query reports keys, contents and evidence).
    assert _statements(batch) == _statements(singles)
    contested = {r["claim"] for r in rows(run(batch, resolve("contested-claims")))}
    assert contested and contested == {r["claim"] for r in rows(run(singles, resolve("contested-claims")))}


def test_a_rebuild_of_unchanged_articles_reads_none_of_them(tmp_path: Path, extractor: Extractor) -> None:
    with OxigraphStore(tmp_path / "store") as store:
        assert build([SEEDS], store, extractor=extractor).ok
        before = sorted(store.dataset().quads())
        again = build([SEEDS], store, extractor=extractor)
        assert again.built == () and len(again.unchanged) == len(read_articles([SEEDS]).articles)
        assert sorted(store.dataset().quads()) == before


def test_only_the_fingerprints_of_the_inputs_are_read(tmp_path: Path, extractor: Extractor) -> None:
    # ids that need escaping in a query: a quote and a backslash are fine in a file name
    names = ['say "no"', "back\\slash", "plain"]
    for name in names:
        text = "Iran denied that it supplies drones to Russia."
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as store:
        assert build([tmp_path / f"{n}.txt" for n in names], store, extractor=extractor).ok
        assert set(stored_fingerprints(store)) == set(names)
        assert set(stored_fingerprints(store, [names[0], names[1], "absent"])) == {names[0], names[1]}
        again = build([tmp_path / f"{names[1]}.txt"], store, extractor=extractor)
        assert again.built == () and again.unchanged == (names[1],)


def test_a_worker_that_cannot_load_its_model_says_so() -> None:
    articles = read_articles([SEEDS]).articles
    with pytest.raises(ModelError, match="no-such-model"):
        list(Extractor(model="no-such-model").extract(articles, workers=2))
