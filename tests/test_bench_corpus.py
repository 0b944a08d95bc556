"""The benchmark corpus generator (bench/corpus.py): the same bytes every run, and articles the
pipeline reads as articles — furniture left out, statements of both stances, claims that recur."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from bench.corpus import ACTORS_FILE, write_corpus
from kg.articles import read_articles
from kg.build import build
from kg.extract import Extractor
from kg.extract.furniture import body_paragraphs
from kg.queries import resolve, rows, run
from kg.store import OxigraphStore

ARTICLES = 20


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    write_corpus(out, ARTICLES, seed=0)
    return out


def test_same_seed_same_bytes_and_a_prefix_of_any_larger_corpus(corpus: Path, tmp_path: Path) -> None:
    again, tail, other = tmp_path / "again", tmp_path / "tail", tmp_path / "other"
    write_corpus(again, ARTICLES, seed=0)
    write_corpus(tail, 5, seed=0, start=ARTICLES - 5)
    write_corpus(other, ARTICLES, seed=1)
    first = _files(corpus)
    assert _files(again) == first
    assert sum(name.endswith(".txt") for name in first) == ARTICLES
    # Articles START.. written on their own are the same files as in the whole corpus.
    assert all(first[name] == data for name, data in _files(tail).items())
    texts = {name: data for name, data in first.items() if name.endswith(".txt")}
    assert {n: d for n, d in _files(other).items() if n.endswith(".txt")} != texts


def test_articles_read_without_problems_and_furniture_stays_out(corpus: Path) -> None:
    inputs = read_articles([corpus])
    assert inputs.problems == ()
    assert len(inputs.articles) == ARTICLES
    dated = [a for a in inputs.articles if a.published is not None]
    assert len(dated) >= ARTICLES // 2 and len({a.publisher for a in dated}) >= 3
    for article in inputs.articles:
        words = len(article.text.split())
        assert 200 <= words <= 800, (article.id, words)
        body = body_paragraphs(article.text)
        assert 4 <= len(body) <= 12, article.id
        kept = " ".join(p.text for p in body)
        # Headline, byline, teasers and the copyright line are furniture to the extractor.
        assert "All rights reserved" not in kept and "Read more:" not in kept and "By " not in kept[:3]
        assert article.title is None or article.title not in kept


@pytest.mark.model
def test_extractor_finds_both_stances_and_recurring_claims(corpus: Path) -> None:
    extractor = Extractor(gazetteer=corpus / ACTORS_FILE)
    with OxigraphStore() as store:
        summary = build([corpus], store, extractor=extractor)
        assert summary.ok, summary.text()
        assert summary.assertions > 0 and summary.denials > 0 and summary.contested > 0
        articles_of: defaultdict[str, set[str]] = defaultdict(set)
        for row in rows(run(store, resolve("statements"))):
            articles_of[str(row["claim"])].add(str(row["source"]))
    # The Zipf-like pool: some claim is made in several articles, most in few.
    counts = sorted((len(v) for v in articles_of.values()), reverse=True)
    assert counts[0] >= 4
    assert counts[-1] <= 2
