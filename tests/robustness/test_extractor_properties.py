"""Properties of the extractor on any text (hypothesis): it never crashes, every evidence is the
article text at its offsets, and the same text always gives the same statements and claim keys."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import Extractor
from kg.rdf import statement_iri
from kg.records import Article

pytestmark = pytest.mark.model

EXAMPLES = 1000

_NEWSY = st.sampled_from(
    [
        "“The convoy crossed at night,” said Maria Lopez.",
        "Officials said the tankers had switched off their transponders.",
        "Beijing denies this.",
        "According to the ministry, the fleet doubled.",
        "Germany accused Iran of supplying drones to the militia.",
        "He added that prices would rise.",
        "The company called the claims “absurd”.",
        "Advertisement",
        "  • FTSE 100\n\n    8,275.38",
        "“We have never sold parts to the army.”",
        "",
    ]
)
_NOISE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
TEXTS = st.lists(st.one_of(_NEWSY, _NOISE), max_size=6).map(lambda parts: "\n".join(parts)) | _NOISE


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_gives_checkable_stable_statements(extractor: Extractor, text: str) -> None:
    (first,) = extractor.extract([Article("prop", text)])
    for s in first.statements:
        assert 0 <= s.evidence.start < s.evidence.end <= len(text)
        assert text[s.evidence.start : s.evidence.end] == s.evidence.text
        assert s.content
    (again,) = extractor.extract([Article("prop", text)])
    assert [statement_iri(s) for s in again.statements] == [statement_iri(s) for s in first.statements]
