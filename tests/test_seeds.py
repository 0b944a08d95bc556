"""Every seed article has a metadata sidecar ``NAME.meta.json`` with exactly the known keys."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLES = sorted(SEEDS.glob("*.txt"))
KEYS = {"title", "publisher", "published", "url"}


def test_there_are_seed_articles() -> None:
    assert ARTICLES, f"no *.txt in {SEEDS}"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_sidecar(article: Path) -> None:
    sidecar = article.with_suffix(".meta.json")
    assert sidecar.is_file(), f"missing {sidecar.name}"
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    assert isinstance(meta, dict)
    assert set(meta) == KEYS
    for key in ("title", "publisher", "url"):
        assert meta[key] is None or (isinstance(meta[key], str) and meta[key].strip()), key
    published = meta["published"]
    if published is not None:
        assert isinstance(published, str)
        assert dt.date.fromisoformat(published).isoformat() == published, "published must be YYYY-MM-DD"
    if meta["title"] is not None:
        assert meta["title"] in article.read_text(encoding="utf-8"), "title is not the article's headline"


def test_no_orphan_sidecars() -> None:
    texts = {p.stem for p in ARTICLES}
    orphans = [p.name for p in SEEDS.glob("*.meta.json") if p.name.removesuffix(".meta.json") not in texts]
    assert not orphans
