"""A pipeline step before the parser: a semicolon ends a sentence.

News joins independent reports with semicolons (*Washington says X bought chips; X insists it
never did*). Parsed as one sentence, the second report sinks into the first one's complement,
and its speaker is lost. The parser keeps sentence starts set before it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

SEMICOLON_BREAKS = "semicolon_breaks"


@Language.component(SEMICOLON_BREAKS)
def semicolon_breaks(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.text == ";":
            doc[tok.i + 1].is_sent_start = True
    return doc
