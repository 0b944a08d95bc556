"""Split an article into body paragraphs, leaving out page furniture.

Furniture is what a saved web page carries besides the article: ads, tickers,
subscribe boxes, photo captions, headlines and teasers (lines that do not end
a sentence), bullets that summarise the body, and lines repeated on the page;
and a wire dateline at the start of a paragraph (*TALLINN, March 5 (Agency) –*).
Offsets are kept so that evidence indexes the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import BULLETS, CAPTION_MARKERS, FURNITURE_PHRASES

_SENTENCE_END = re.compile(r"""[.!?]["”’)\]]*\s*$|["”]\s*$""")
_LETTER = re.compile(r"[^\W\d_]")
# "TALLINN, March 5 (Reuters) - ", "KYIV (AP) — ", "BERLIN — ": a place in capitals, maybe a date and
# an agency, then a dash. Left in, the parser takes the agency for the sentence's subject.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:/[A-Z][A-Z.'’ -]{1,40}[A-Z.])?"  # TALLINN, WASHINGTON/BRUSSELS
    r"(?:,\s+[A-Z][a-z]{2,9}\.?(?:\s+\d{1,2})?){0,2}"  # , March 5   , Ukraine   , Poland, May 9
    r"(?:\s*\([^()\n]{1,40}\)|(?<=\d))"  # (Reuters), or at least a date
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*\([A-Z]{2,8}\))"  # Washington (CNX)
    r"\s*[–—-]{1,2}\s+"
)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


def _is_furniture(line: str) -> bool:
    low = line.lower()
    if not _LETTER.search(line):
        return True  # numbers, prices, times
    if line.startswith(BULLETS):
        return True
    introduces = line.endswith(":") and len(line.split()) >= 6  # "She began her statement. Key lines:"
    if not _SENTENCE_END.search(line) and not introduces:
        return True  # headlines, captions without a full stop, teasers, menu items
    if len(line.split()) < 12 and any(p in low for p in FURNITURE_PHRASES):
        return True
    return any(m in low for m in CAPTION_MARKERS)


def body_paragraphs(text: str) -> list[Paragraph]:
    """The article's body paragraphs in order, each with its offsets into ``text``."""
    seen: set[str] = set()
    out: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        key = " ".join(stripped.split()).lower()
        if key in seen or _is_furniture(stripped):
            seen.add(key)
            continue
        seen.add(key)
        dateline = _DATELINE.match(stripped) if not out else None
        if dateline and dateline.end() < len(stripped):
            start, stripped = start + dateline.end(), stripped[dateline.end() :]
        out.append(Paragraph(start, start + len(stripped), stripped))
    return out
