"""Bad input next to good articles: one line per bad input naming the file and the reason, no
traceback, every good article built, the summary and the exit code right; ``--strict`` stores nothing.

Every case of ``tests/robustness/cases.py`` runs twice: alone beside the good articles through
``read_articles`` (no model), and all together in one batch through the real ``kg build`` (in process,
and once as the installed command, so nothing but its own lines can reach stderr) into an on-disk store.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.articles import MAX_BYTES, read_article, read_articles
from kg.cli import main
from kg.namespace import SDO
from kg.rdf import article_iri
from kg.store import OxigraphStore
from tests.robustness.cases import BOM, GOOD, GOOD_ARTICLES, INPUT_CASES, PAGES, Case
from tests.sample import TEXT_A

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
AS_ROOT = os.geteuid() == 0
# chmod 000 does not stop root; those cases run only as another user (a link to /proc/self/mem is
# the unreadable file that fails for root too).
CASES = tuple(case for case in INPUT_CASES if not (case.unless_root and AS_ROOT))
BAD = tuple(case for case in CASES if case.reason)
GOOD_IDS = sorted({Path(name).stem for name in GOOD_ARTICLES} | {c.built for c in CASES if c.built})


def _batch(root: Path, cases: tuple[Case, ...]) -> list[str]:
    """Write the good articles and ``cases`` under ``root``; the command-line inputs."""
    batch, named = root / "batch", root / "named"
    batch.mkdir(parents=True)
    named.mkdir()
    for name, make in GOOD_ARTICLES.items():
        make(batch / name)
    for case in cases:
        case.make((named if case.named else batch) / case.name)
    return [str(batch), *(str(named / case.name) for case in cases if case.named)]


def _unlock(root: Path) -> None:
    # Restore what chmod took away, or pytest cannot remove the temporary folder.
    for path in root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755)


def _where(root: Path, case: Case) -> str:
    return str(root / ("named" if case.named else "batch") / case.name)


def _lines_naming(lines: list[str], root: Path, case: Case) -> list[str]:
    return [line for line in lines if f" {_where(root, case)}: " in line]


@pytest.mark.parametrize("case", INPUT_CASES, ids=lambda c: c.id)
def test_each_case_beside_good_articles(case: Case, tmp_path: Path) -> None:
    if case.unless_root and AS_ROOT:
        pytest.skip("running as root, which chmod 000 does not stop (kernel.txt covers unreadable files)")
    try:
        found = read_articles(_batch(tmp_path, (case,)))
    finally:
        _unlock(tmp_path)
    ids = sorted(a.id for a in found.articles)
    expected = sorted({Path(name).stem for name in GOOD_ARTICLES} | ({case.built} if case.built else set()))
    assert ids == expected
    if case.reason is None:
        assert found.problems == ()
    else:
        (problem,) = found.problems
        assert problem.path == _where(tmp_path, case) and case.reason in problem.reason, problem
        assert "\n" not in str(problem)
    if case.kind == BOM:
        (article,) = [a for a in found.articles if a.id == case.built]
        page = PAGES / "shell-convoy.html"
        assert article.text == (read_article(page).text if case.name.endswith(".html") else GOOD)


def test_the_size_limit_is_the_option(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_bytes((GOOD + "\n").encode() * 40)  # 2.3 kB
    assert [a.id for a in read_articles([article]).articles] == ["long"]
    (problem,) = read_articles([article], max_bytes=2000).problems
    assert problem.reason.startswith("too large (0.0 MB > 0.0 MB limit")
    assert MAX_BYTES == 1_000_000


def _check_lines(err: str, root: Path) -> None:
    """One line per bad input, naming it and giving its reason; nothing else on stderr."""
    assert "Traceback" not in err
    lines = err.splitlines()
    for case in BAD:
        named = _lines_naming(lines, root, case)
        assert len(named) == 1 and case.reason in named[0], (case.id, named)
        assert named[0].startswith("kg build: skipped ")
    assert len(lines) == len(BAD), lines


def _counts(summary: str) -> dict[str, int]:
    """The article counts of the summary line ("N article(s) built, … N skipped, N failed; …")."""
    counts: dict[str, int] = {}
    for word in ("built", "skipped", "failed"):
        match = re.search(rf"(\d+) (?:article\(s\) )?{word}\b", summary)
        counts[word] = int(match.group(1)) if match else -1
    return counts


def _texts(store: OxigraphStore) -> dict[str, str]:
    data = store.dataset()
    return {name: str(text) for name in GOOD_IDS
            for _, _, text, _ in data.quads((article_iri(name), SDO.text, None, None))}


def test_one_batch_of_every_case_through_kg_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = _batch(tmp_path, CASES)
    store = tmp_path / "store"
    try:
        code = main(["build", *inputs, "--store", str(store)])
    finally:
        _unlock(tmp_path)
    out, err = capsys.readouterr()
    assert code == 1
    _check_lines(err, tmp_path)
    assert _counts(out) == {"built": len(GOOD_IDS), "skipped": len(BAD), "failed": 0}
    with OxigraphStore(store, read_only=True) as s:
        assert sorted(s.article_ids()) == GOOD_IDS  # no good article lost, nothing else stored
        texts = _texts(s)
    for case in CASES:
        if case.kind == BOM and case.name.endswith(".txt"):
            assert texts[str(case.built)] == GOOD  # decoded, the mark dropped


def test_strict_stops_at_the_first_bad_input_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, earlier = tmp_path / "store", tmp_path / "earlier.txt"
    earlier.write_text(TEXT_A, encoding="utf-8")
    assert main(["build", str(earlier), "--store", str(store), "--quiet"]) == 0
    with OxigraphStore(store, read_only=True) as s:
        before = sorted(map(str, s.dataset().quads()))
    inputs = _batch(tmp_path, CASES)
    try:
        code = main(["build", *inputs, "--store", str(store), "--strict"])
    finally:
        _unlock(tmp_path)
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    first, last = err.splitlines()
    assert first.startswith("kg build: stopped at ")
    assert any(_lines_naming([first], tmp_path, case) and str(case.reason) in first for case in BAD), first
    assert last == "kg build: nothing stored (--strict stops at the first bad input)"
    assert _counts(out) == {"built": 0, "skipped": 1, "failed": 0}
    with OxigraphStore(store, read_only=True) as s:
        assert sorted(map(str, s.dataset().quads())) == before


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    kg = Path(sys.executable).parent / "kg"
    command = [str(kg)] if kg.exists() else [sys.executable, "-m", "kg.cli"]
    inputs = _batch(tmp_path, CASES)
    store = tmp_path / "store"
    try:
        done = subprocess.run([*command, "build", *inputs, "--store", str(store)], cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                              timeout=300)
    finally:
        _unlock(tmp_path)
    assert done.returncode == 1
    _check_lines(done.stderr, tmp_path)
    with OxigraphStore(store, read_only=True) as s:
        assert sorted(s.article_ids()) == GOOD_IDS


def test_bad_size_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    for size in ("0", "-1", "nan"):
        assert main(["build", str(article), "--store", str(tmp_path / "s"), "--max-size", size]) == 2
        assert capsys.readouterr().err.startswith(f"kg build: error: --max-size {size}")
