"""docs/robustness.md reports the case counts the tests run: its table cannot drift from them."""

from __future__ import annotations

from pathlib import Path

from tests.robustness.cases import INPUT_CASES, ROWS

DOC = Path(__file__).resolve().parents[2] / "docs" / "robustness.md"


def _table() -> dict[str, str]:
    """The table's rows: first cell (what was tried) → second cell (cases)."""
    rows: dict[str, str] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 3 and cells[1].replace(",", "").isdigit():
            assert cells[0] not in rows, f"row {cells[0]!r} twice"
            rows[cells[0]] = cells[1]
    return rows


def test_every_row_counts_the_cases_its_tests_run() -> None:
    table = _table()
    assert set(table) == set(ROWS), "rows only in the doc / only in tests/robustness/cases.py differ"
    wrong = {row: (table[row], ROWS[row]) for row in ROWS if int(table[row].replace(",", "")) != ROWS[row]}
    assert not wrong, f"doc says / tests run: {wrong}"


def test_the_input_total_is_the_table_of_cases() -> None:
    classes = len({case.kind for case in INPUT_CASES})
    assert f"In all, {len(INPUT_CASES)} input cases in {classes} classes" in DOC.read_text(encoding="utf-8")
