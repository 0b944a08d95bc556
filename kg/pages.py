"""Saved web pages: the article text and metadata of an ``.html`` file.

The text is what trafilatura keeps of the page once navigation, cookie banners, ads,
share buttons, related-article lists and footers are removed (its default, balanced
extraction; reader comments left out); evidence offsets index this text, so it is the
article's text. The metadata comes from the page's own tags through trafilatura's
metadata extraction: ``og:title`` (else the headline), ``og:site_name``, the publication
date (``article:published_time`` and the other tags htmldate reads) and the URL
(``link rel=canonical``, else ``og:url``). See https://trafilatura.readthedocs.io/.

Nothing is fetched: the page is parsed from the bytes given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

HTML_SUFFIXES = (".html", ".htm")

# A page whose kept text has no sentence at all (say, only a leftover menu item) has no article.
_SENTENCE = re.compile(r"[^\W\d_]{2,}[^\n]*[.!?…]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class PageError(ValueError):
    """The bytes are not a page with article text; the message is the reason, for a ``Problem``."""


@dataclass(frozen=True)
class Page:
    """The article found in a saved page; metadata is ``None`` where the page's tags do not give it."""

    text: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None


def read_page(data: bytes) -> Page:
    """The article text and metadata of the HTML page ``data``; raises ``PageError`` when there is none.

    The page's own charset declaration decides how its bytes are decoded.
    """
    if not data.strip():
        raise PageError("empty page (no HTML)")
    if b"\x00" in data:
        raise PageError("binary file (contains NUL bytes), not an HTML page")
    # Imported here: lxml, htmldate and their date parsers are only needed for HTML input.
    from trafilatura import bare_extraction
    from trafilatura.metadata import extract_url
    from trafilatura.settings import Document
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        raise PageError("not an HTML page (no HTML document found)")
    # The canonical link is the publisher's own address for the article; trafilatura would take
    # og:url first, which often carries tracking parameters. Read before extraction prunes the tree.
    canonical = extract_url(tree)
    doc = bare_extraction(tree, with_metadata=True, include_comments=False)
    text = doc.text.strip() if isinstance(doc, Document) and isinstance(doc.text, str) else ""
    if not isinstance(doc, Document) or not _SENTENCE.search(text):
        raise PageError("no article text found in the page")
    return Page(text, title=_field(doc.title), publisher=_field(doc.sitename), published=_date(doc.date),
                url=_field(canonical or doc.url))


def _field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: object) -> dt.date | None:
    # trafilatura gives dates as YYYY-MM-DD; anything else is not a date the page states clearly.
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


__all__ = ["Page", "PageError", "read_page", "HTML_SUFFIXES"]
