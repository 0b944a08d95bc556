"""The ``kg`` command and the ``build`` pipeline, with a fake extractor (no spaCy model).

The fake returns the statements of ``tests/sample.py`` for articles whose id and text are
the sample's, so the pipeline runs end to end on files in a temporary folder.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF

import kg.extract
from kg.build import build
from kg.cli import _parser, main
from kg.namespace import CG
from kg.queries import saved_queries
from kg.rdf import to_dataset
from kg.records import Article, Extraction, Stance
from kg.store import OxigraphStore
from tests.sample import DRONES, TALKS, corpus

ROOT = Path(__file__).resolve().parent.parent
CSV_HEADER = "source,speaker,stance,claim,content,evidence,cue,date,title"


class FakeExtractor:
    """Stands in for ``kg.extract.Extractor``: the sample's statements for the sample's articles."""

    version = "fake-1"
    signature = "fake-1 sample"
    calls: list[list[tuple[str, str]]] = []

    def __init__(self, model: str | None = None, gazetteer: str | None = None) -> None:
        self.model, self.gazetteer = model, gazetteer

    def extract(self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = (),
                *, workers: int = 1) -> Iterator[Extraction]:
        FakeExtractor.calls.append(list(known_claims))
        sample = {ex.article.id: ex for ex in corpus()}
        for article in articles:
            found = sample.get(article.id)
            yield Extraction(article, found.statements if found else ())


class ShiftedEvidenceExtractor(FakeExtractor):
    """Every evidence offset one character off: a violation that only a check can see."""

    def extract(self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = (),
                *, workers: int = 1) -> Iterator[Extraction]:
        for ex in super().extract(articles, known_claims):
            shifted = tuple(
                dataclasses.replace(st, evidence=dataclasses.replace(
                    st.evidence, start=st.evidence.start + 1, end=st.evidence.end + 1))
                for st in ex.statements)
            yield Extraction(ex.article, shifted)


class FailingExtractor(FakeExtractor):
    def extract(self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = (),
                *, workers: int = 1) -> Iterator[Extraction]:
        raise RuntimeError("model exploded")


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI imports kg.extract.Extractor when `build` runs, so patching the module attribute suffices.
    monkeypatch.setattr(kg.extract, "Extractor", FakeExtractor)
    FakeExtractor.calls = []


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for ex in corpus():
        a = ex.article
        (folder / f"{a.id}.txt").write_bytes(a.text.encode("utf-8"))
        meta = {"title": a.title, "publisher": a.publisher, "url": a.url,
                "published": a.published.isoformat() if a.published else None}
        (folder / f"{a.id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


@pytest.fixture
def built(tmp_path: Path, inputs: Path) -> Path:
    store = tmp_path / "store"
    assert main(["build", str(inputs), "--store", str(store), "--quiet"]) == 0
    return store


def _sample_file(tmp_path: Path, name: str = "good.trig", ds: Dataset | None = None) -> Path:
    path = tmp_path / name
    OxigraphStore.of(ds if ds is not None else to_dataset(corpus())).dump(path)
    return path


HELP = {
    "build": ["INPUT", "--store", "--out", "--model", "--gazetteer", "--strict", "--max-size", "--quiet",
              "Exit codes"],
    "query": ["NAME|FILE.rq", "--store", "--param", "--format"],
    "queries": [],
    "validate": ["FILE", "--store", "--check", "--format", "--quiet"],
    "docs": ["--out", "--seeds", "--model", "--quiet"],
}


def _commands() -> list[str]:
    """The subcommands the parser knows, from the parser itself (not from a list kept by hand)."""
    subparsers = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(subparsers.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Every command the parser knows; HELP names the options each one's help must mention.
    assert main([command, "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert text.startswith(f"usage: kg {command}")
    for option in HELP.get(command, []):
        assert option in text, option
    # A description, not just the usage line.
    assert len(text.split(".")) > 1


def test_top_level_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in _commands():
        assert command in out


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    # As in sqlite-utils: the README shows every command in use, on a line of its own in a code block.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(rf"^kg {re.escape(command)}\b", readme, re.MULTILINE)
    assert shown, f"README.md never shows `kg {command}`"


@pytest.mark.parametrize("argv", [
    [], ["bogus"], ["build"], ["query"], ["query", "statements", "--format", "xml"],
    ["validate", "a.trig", "--store", "s"],
])
def test_usage_errors_exit_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "error" in err


def test_queries_lists_every_saved_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queries"]) == 0
    out = capsys.readouterr().out
    rq_files = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    listed = [line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")]
    assert listed == rq_files
    for query in saved_queries():
        assert query.summary in out
        for param in query.params:
            assert f"--param {param.name} " in out


def test_build_then_query_statements_as_csv(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "statements", "--store", str(built), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == CSV_HEADER
    assert len(lines) == 4


def test_build_prints_a_summary(tmp_path: Path, inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(inputs), "--store", str(tmp_path / "s")]) == 0
    out, err = capsys.readouterr()
    assert "2 article(s) built" in out and "3 statement(s) (2 assert, 1 deny)" in out
    assert err == ""


def test_build_reports_bad_inputs_and_carries_on(tmp_path: Path, inputs: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (inputs / "empty.txt").write_text("  \n", encoding="utf-8")
    (inputs / "broken.txt").write_text("Text.", encoding="utf-8")
    (inputs / "broken.meta.json").write_text("{", encoding="utf-8")
    store = tmp_path / "s"
    assert main(["build", str(inputs), str(tmp_path / "missing.txt"), "--store", str(store)]) == 1
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("broken.meta.json" in line and "JSON" in line for line in lines)
    assert any("missing.txt" in line for line in lines)
    assert "2 article(s) built, 3 skipped" in out
    with OxigraphStore(store, read_only=True) as s:
        assert s.article_ids() == ["a-drones", "b-talks"]


def test_strict_builds_nothing_on_a_bad_input(tmp_path: Path, inputs: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    store = tmp_path / "s"
    assert main(["build", str(inputs), "--store", str(store), "--strict", "--quiet"]) == 1
    assert "nothing stored" in capsys.readouterr().err
    with OxigraphStore(store, read_only=True) as s:
        assert len(s) == 0


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_build_shows_progress_on_a_terminal(tmp_path: Path, inputs: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stderr", screen := Terminal())
    assert main(["build", str(inputs), "--store", str(tmp_path / "s")]) == 0
    frames = screen.getvalue().split("\r")
    assert any(f.startswith("kg build [") and "0/2 a-drones" in f for f in frames)
    assert any("1/2 b-talks" in f for f in frames) and any("2/2 validating" in f for f in frames)
    assert frames[-1] == ""  # the line is cleared before the summary
    assert "2 article(s) built" in capsys.readouterr().out


@pytest.mark.parametrize("terminal,quiet", [(True, True), (False, False)], ids=["quiet", "not-a-terminal"])
def test_build_shows_no_progress_when_quiet_or_not_on_a_terminal(
        tmp_path: Path, inputs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        terminal: bool, quiet: bool) -> None:
    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["build", str(inputs), "--store", str(tmp_path / "s"), *(["--quiet"] if quiet else [])]) == 0
    assert stderr.getvalue() == ""
    assert ("article(s) built" in capsys.readouterr().out) is not quiet


def test_build_summary_names_the_counts(tmp_path: Path, inputs: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(inputs), "--store", str(tmp_path / "s")]) == 0
    assert capsys.readouterr().out.strip() == (
        "2 article(s) built, 0 skipped, 0 failed; 3 statement(s) (2 assert, 1 deny), "
        "2 claim(s) (1 contested), 6 actor(s); 0 violation(s)")


class OneSidePerArticle(FakeExtractor):
    """The drones claim asserted in a-drones and denied in c-denial, an article with the same text."""

    def extract(self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = (),
                *, workers: int = 1) -> Iterator[Extraction]:
        drones = next(ex for ex in corpus() if ex.article.id == "a-drones")
        for article in articles:
            stance = Stance.DENY if article.id == "c-denial" else Stance.ASSERT
            yield Extraction(article, tuple(dataclasses.replace(st, article_id=article.id)
                                            for st in drones.statements if st.stance is stance))


def test_the_contested_count_sees_the_store(tmp_path: Path, inputs: Path) -> None:
    (inputs / "c-denial.txt").write_bytes((inputs / "a-drones.txt").read_bytes())
    with OxigraphStore(tmp_path / "s") as store:
        assert build([inputs / "a-drones.txt"], store, extractor=OneSidePerArticle()).contested == 0
        # The denial alone is not contested; with the assertion stored by the first build, it is.
        assert build([inputs / "c-denial.txt"], OxigraphStore(), extractor=OneSidePerArticle()).contested == 0
        assert build([inputs / "c-denial.txt"], store, extractor=OneSidePerArticle()).contested == 1


def test_quiet_prints_nothing_when_all_is_well(tmp_path: Path, inputs: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(inputs), "--store", str(tmp_path / "s"), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_build_writes_out(tmp_path: Path, inputs: Path) -> None:
    out = tmp_path / "graph.trig"
    assert main(["build", str(inputs), "--store", str(tmp_path / "s"), "--out", str(out), "--quiet"]) == 0
    expected = len(to_dataset(corpus(), FakeExtractor.version)) + len(corpus())  # + a fingerprint each
    assert len(Dataset().parse(out, format="trig")) == expected
    assert main(["build", str(inputs), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "g.xml")]) == 2


def test_build_with_violations_stores_nothing(tmp_path: Path, inputs: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(kg.extract, "Extractor", ShiftedEvidenceExtractor)
    store = tmp_path / "s"
    assert main(["build", str(inputs), "--store", str(store)]) == 1
    out, err = capsys.readouterr()
    assert "evidence-offsets-violation" in err and "nothing stored" in err
    assert "0 article(s) built" in out and "2 failed" in out
    with OxigraphStore(store, read_only=True) as s:
        assert len(s) == 0


class ShiftedInOneArticle(ShiftedEvidenceExtractor):
    """The shifted evidence in b-talks only."""

    def extract(self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = (),
                *, workers: int = 1) -> Iterator[Extraction]:
        good = {ex.article.id: ex for ex in FakeExtractor.extract(self, articles, known_claims)}
        for ex in ShiftedEvidenceExtractor.extract(self, articles, known_claims):
            yield ex if ex.article.id == "b-talks" else good[ex.article.id]


def test_a_chunk_with_violations_costs_only_its_own_articles(tmp_path: Path, inputs: Path) -> None:
    with OxigraphStore(tmp_path / "s") as store:
        summary = build([inputs], store, extractor=ShiftedInOneArticle(), chunk_size=1)
        assert (summary.built, summary.failed) == (("a-drones",), ("b-talks",))
        assert store.article_ids() == ["a-drones"] and summary.violations > 0
        whole = build([inputs], OxigraphStore(), extractor=ShiftedInOneArticle())  # one chunk: all or none
        assert (whole.built, whole.failed) == ((), ("a-drones", "b-talks"))


def test_an_extractor_crash_is_one_line(tmp_path: Path, inputs: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(kg.extract, "Extractor", FailingExtractor)
    monkeypatch.delenv("KG_DEBUG", raising=False)
    assert main(["build", str(inputs), "--store", str(tmp_path / "s")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "model exploded" in err and "Traceback" not in err


def test_missing_gazetteer_is_a_usage_error(tmp_path: Path, inputs: Path) -> None:
    argv = ["build", str(inputs), "--store", str(tmp_path / "s"), "--gazetteer", str(tmp_path / "no.tsv")]
    assert main(argv) == 2


def test_query_with_parameters(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "denials-by", "--store", str(built), "--param", "actor=Beijing"]) == 0
    out = capsys.readouterr().out
    assert "Chinese Foreign Ministry" in out and "(1 row)" in out
    assert main(["query", "evidence", "--store", str(built), "-p", f"claim=id:claim/{DRONES.key}",
                 "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["results"]["bindings"]) == 2


def test_query_a_file(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = tmp_path / "claims.rq"
    query.write_text("SELECT ?text WHERE { ?c a cg:Claim ; schema:text ?text } ORDER BY ?text",
                     encoding="utf-8")
    assert main(["query", str(query), "--store", str(built), "--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [f'"{DRONES.text}"', f'"{TALKS.text}"']


def test_injection_through_the_cli_is_a_value(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with OxigraphStore(built, read_only=True) as s:
        before = len(s)
    value = '"} ; DROP ALL ; SELECT * {'
    assert main(["query", "denials-by", "--store", str(built), "--param", f"actor={value}"]) == 0
    assert "(0 rows)" in capsys.readouterr().out
    with OxigraphStore(built, read_only=True) as s:
        assert len(s) == before


@pytest.mark.parametrize("argv,message", [
    (["query", "statement"], "did you mean statements"),
    (["query", "denials-by"], "needs --param actor"),
    (["query", "denials-by", "--param", "actor=China", "--param", "colour=red"], "no parameter colour"),
    (["query", "denials-by", "--param", "actor"], "NAME=VALUE"),
    (["query", "evidence", "--param", "claim=drones"], "must be an IRI"),
    (["query", "missing.rq"], "missing.rq"),
])
def test_query_errors_exit_2_with_one_line(built: Path, argv: list[str], message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--store", str(built)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and message in err


def test_query_without_a_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["query", "statements"]) == 2
    assert "no store at .kg/store" in capsys.readouterr().err


def test_validate_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("good.trig", "good.nq", "good.ttl", "good.jsonld"):
        assert main(["validate", str(_sample_file(tmp_path, name))]) == 0, name
        assert "conforms" in capsys.readouterr().out


def test_validate_a_file_with_a_violation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ds = to_dataset(corpus())
    for graph in ds.graphs():
        for statement in list(graph.subjects(RDF.type, CG.Denial)):
            graph.remove((statement, CG.claim, None))
    assert main(["validate", str(_sample_file(tmp_path, "bad.trig", ds))]) == 1
    out = capsys.readouterr().out
    assert "does not conform" in out and "statement-without-claim-violation" in out


def test_validate_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing.trig")]) == 2
    assert "missing.trig" in capsys.readouterr().err
    (tmp_path / "graph.xml").write_text("<x/>", encoding="utf-8")
    assert main(["validate", str(tmp_path / "graph.xml")]) == 2
    (tmp_path / "broken.ttl").write_text("<a> <b>", encoding="utf-8")
    assert main(["validate", str(tmp_path / "broken.ttl")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 2 and "broken.ttl" in err


def test_validate_the_store(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["validate", "--store", str(built)]) == 0
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2  # no .kg/store here


def test_build_keeps_claim_identity_and_is_idempotent(tmp_path: Path, inputs: Path) -> None:
    with OxigraphStore(tmp_path / "s") as store:
        first = build([inputs], store, extractor=FakeExtractor())
        size = len(store)
        second = build([inputs], store, extractor=FakeExtractor(), force=True)
        assert len(store) == size
    assert FakeExtractor.calls == [[], [(DRONES.key, DRONES.text), (TALKS.key, TALKS.text)]]
    assert first == second
    assert (first.built, first.skipped, first.failed) == (("a-drones", "b-talks"), (), ())
    assert (first.assertions, first.denials, first.claims, first.actors) == (2, 1, 2, 6)
    assert first.ok and first.violations == 0


def test_an_unchanged_article_is_not_read_again(tmp_path: Path, inputs: Path) -> None:
    with OxigraphStore(tmp_path / "s") as store:
        build([inputs], store, extractor=FakeExtractor())
        before = sorted(store.dataset().quads())
        again = build([inputs], store, extractor=FakeExtractor())
        assert (again.built, again.unchanged) == ((), ("a-drones", "b-talks"))
        assert again.ok and len(FakeExtractor.calls) == 1  # the second build never called the extractor
        assert sorted(store.dataset().quads()) == before
        (inputs / "b-talks.txt").write_text((inputs / "b-talks.txt").read_text() + "\n", encoding="utf-8")
        changed = build([inputs], store, extractor=FakeExtractor())
        assert (changed.built, changed.unchanged) == (("b-talks",), ("a-drones",))
        other = FakeExtractor()
        other.signature = "fake-2 sample"  # another extractor version, model or actor table
        assert build([inputs], store, extractor=other).built == ("a-drones", "b-talks")


def test_build_nothing(tmp_path: Path) -> None:
    store = OxigraphStore()
    summary = build([], store, extractor=FakeExtractor())
    assert summary.built == () and summary.ok and len(store) == 0


def _cli() -> list[str]:
    installed = Path(sys.executable).parent / "kg"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "kg.cli"]


def test_the_console_command(built: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([*_cli(), "query", "statements", "--store", str(built), "--format", "csv"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == CSV_HEADER
    done = subprocess.run([*_cli(), "query", "nope", "--store", str(built)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
