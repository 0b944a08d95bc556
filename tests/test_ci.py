"""Validation in users' CI: ``kg validate --format github``, the workflow in ``docs/ci/`` and the
pre-commit hook, each run for real on a good graph file and a bad one."""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from rdflib.namespace import RDF

import kg.annotations
import kg.namespace
from kg.annotations import command, locate
from kg.cli import main
from kg.namespace import CG, DATA_BASE
from kg.rdf import to_dataset
from kg.store import OxigraphStore
from tests.sample import corpus

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "docs" / "ci" / "kg-validate.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
BIN = Path(sys.executable).parent  # where the venv's `kg` is
ANNOTATION = re.compile(r"::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)")

# A check of the users' own, as a repository would keep it next to its graphs.
TALKS_CHECK = """#+ summary: No claim may be about talks (a check of this repository's own)
PREFIX cg: <https://w3id.org/claimgraph/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?focus ?message WHERE {
  ?focus a cg:Claim ; schema:text ?text .
  FILTER(CONTAINS(?text, "talks")) BIND("claim about talks" AS ?message)
}
"""


def _good(path: Path) -> Path:
    OxigraphStore.of(to_dataset(corpus())).dump(path)
    return path


def _bad(path: Path) -> Path:
    """The sample graph with the claim of every denial removed: a SHACL violation and a check finding."""
    ds = to_dataset(corpus())
    for graph in ds.graphs():
        for statement in list(graph.subjects(RDF.type, CG.Denial)):
            graph.remove((statement, CG.claim, None))
    OxigraphStore.of(ds).dump(path)
    return path


def _annotations(out: str) -> list[dict[str, str]]:
    found = []
    for line in out.splitlines():
        if line.startswith("::"):
            match = ANNOTATION.fullmatch(line)
            assert match, f"not a workflow command: {line!r}"
            props = dict(p.split("=", 1) for p in match["props"].split(","))
            found.append({"level": match["level"], **props, "message": match["message"]})
    return found


@pytest.mark.parametrize("module", [kg.annotations, kg.namespace], ids=lambda m: m.__name__)
def test_the_docstring_examples(module: ModuleType) -> None:
    assert doctest.testmod(module, raise_on_error=True).attempted > 0


def test_command_escapes_what_would_end_it() -> None:
    assert command("warning", "a\r\nb") == "::warning::a%0D%0Ab"
    assert command("error", "m", file="x.ttl", title="") == "::error file=x.ttl::m"


@pytest.mark.parametrize("name", ["g.trig", "g.nq", "g.ttl", "g.jsonld"])
def test_locate_finds_the_line_that_describes_a_node(tmp_path: Path, name: str) -> None:
    path = _good(tmp_path / name)
    text = path.read_text(encoding="utf-8")
    statement = next(str(s) for s, _, _, _ in to_dataset(corpus()).quads((None, RDF.type, CG.Denial, None)))
    # The node as each serialisation writes it: <IRI>, id:… with its slashes escaped, or a JSON string.
    forms = (f"<{statement}>", "id:" + statement.removeprefix(DATA_BASE).replace("/", "\\/") + " ",
             f'"{statement}"')
    lines = text.splitlines()
    line = locate(text, statement)
    assert line is not None and any(f in lines[line - 1] for f in forms)
    if name.endswith(".jsonld"):  # no line starts with a node's name: the first mention is taken
        assert not any(f in earlier for earlier in lines[: line - 1] for f in forms)
    else:  # the first line where the node is the subject
        assert lines[line - 1].lstrip().startswith(forms)
        assert not any(earlier.lstrip().startswith(forms) for earlier in lines[: line - 1])
    assert locate(text, statement + "0") is None  # a longer IRI is another node


def test_github_format_on_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _good(tmp_path / "good.trig")
    assert main(["validate", "--format", "github", str(path)]) == 0
    out = capsys.readouterr().out
    assert _annotations(out) == [] and out.splitlines() == [f"{path}: conforms"]


def test_github_format_annotates_each_violation_and_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    _bad(tmp_path / "bad.trig")
    assert main(["validate", "-f", "github", "bad.trig"]) == 1
    out = capsys.readouterr().out
    found = _annotations(out)
    shacl = [a for a in found if a["title"].startswith("SHACL")]
    check = [a for a in found if a["title"] == "Check statement-without-claim-violation"]
    assert shacl and check and len(found) == len(shacl) + len(check)
    assert {a["title"] for a in shacl} >= {"SHACL cg%3Aclaim (MinCount)"}
    lines = Path("bad.trig").read_text(encoding="utf-8").splitlines()
    for a in found:
        assert a["level"] == "error" and a["file"] == "bad.trig"
        assert int(a["line"]) <= len(lines)
    assert check[0]["message"].startswith("id:statement/a-drones/") and "no cg:claim" in check[0]["message"]
    assert out.splitlines()[-1] == "bad.trig: does not conform"


def test_several_files_an_unreadable_one_and_a_check_of_ones_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    _good(tmp_path / "good.ttl")
    (tmp_path / "broken.nq").write_text("<a> <b> .\n", encoding="utf-8")
    (tmp_path / "talks-violation.rq").write_text(TALKS_CHECK, encoding="utf-8")
    assert main(["validate", "--format", "github", "good.ttl", "broken.nq"]) == 2
    out, err = capsys.readouterr()
    assert [(a["file"], a["title"]) for a in _annotations(out)] == [("broken.nq", "kg validate")]
    assert "good.ttl: conforms" in out and err.count("\n") == 1 and "broken.nq" in err
    assert main(["validate", "--format", "github", "--check", "talks-violation.rq", "good.ttl"]) == 1
    found = _annotations(capsys.readouterr().out)
    assert [(a["title"], a["message"]) for a in found] == [
        ("Check talks-violation", "id:claim/c-talks: claim about talks")]


def test_quiet_text_prints_only_what_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = _good(tmp_path / "good.trig"), _bad(tmp_path / "bad.trig")
    assert main(["validate", "--quiet", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert str(good) not in out and f"{bad}: does not conform" in out and "SHACL" in out


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def _workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_workflow_is_one_a_repository_can_use() -> None:
    flow = _workflow()
    # YAML 1.1 reads the key `on` as true; GitHub reads it as "on".
    triggers = flow.get("on", flow.get(True))
    assert set(triggers) >= {"push", "pull_request"}
    (job,) = flow["jobs"].values()
    uses = [step.get("uses", "") for step in job["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any("pip install" in step.get("run", "") for step in job["steps"])


def _repository(tmp_path: Path, *files: tuple[str, str | None]) -> Path:
    """A git repository holding the graph files given as (path, "good" | "bad" | None for a check)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for name, kind in files:
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "good":
            _good(path)
        elif kind == "bad":
            _bad(path)
        else:
            path.write_text(TALKS_CHECK, encoding="utf-8")
    (repo / "untracked.trig").write_text("not RDF at all", encoding="utf-8")  # git ls-files skips it
    subprocess.run(["git", "-C", str(repo), "add", *(name for name, _ in files)], check=True)
    return repo


def _run_validation_steps(repo: Path) -> subprocess.CompletedProcess[str]:
    flow = _workflow()
    (job,) = flow["jobs"].values()
    steps = [s for s in job["steps"] if "kg validate" in s.get("run", "")]
    assert len(steps) == 1
    env = {**_env(), **{k: str(v) for k, v in flow.get("env", {}).items()},
           **{k: str(v) for k, v in job.get("env", {}).items()}, **steps[0].get("env", {})}
    assert job["defaults"]["run"]["shell"] == "bash"
    script = repo.parent / "step.sh"
    script.write_text(steps[0]["run"], encoding="utf-8")
    # What GitHub runs for `shell: bash`: bash --noprofile --norc -eo pipefail {0}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")
def test_the_workflow_passes_a_good_repository(tmp_path: Path) -> None:
    repo = _repository(tmp_path, ("graphs/week 1.trig", "good"), ("graphs/actors.ttl", "good"))
    done = _run_validation_steps(repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _annotations(done.stdout) == []
    assert "graphs/week 1.trig: conforms" in done.stdout and "graphs/actors.ttl: conforms" in done.stdout


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")
def test_the_workflow_annotates_a_bad_repository(tmp_path: Path) -> None:
    repo = _repository(tmp_path, ("good.nq", "good"), ("graphs/bad.trig", "bad"),
                       ("checks/talks-violation.rq", None))
    done = _run_validation_steps(repo)
    assert done.returncode == 1, done.stdout + done.stderr
    found = _annotations(done.stdout)
    files = {(a["file"], a["title"]) for a in found}
    assert ("graphs/bad.trig", "SHACL cg%3Aclaim (MinCount)") in files
    assert ("graphs/bad.trig", "Check statement-without-claim-violation") in files
    # The repository's own check runs on every graph file.
    assert {"good.nq", "graphs/bad.trig"} == {f for f, t in files if t == "Check talks-violation"}
    assert all(a["line"].isdigit() for a in found if a["file"] == "graphs/bad.trig")


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "kg-validate"]
    assert isinstance(hook, dict)
    return hook


@pytest.mark.parametrize("name,matched", [
    ("g.trig", True), ("a/b.ttl", True), ("g.nq", True), ("g.jsonld", True), ("g.nt", True),
    ("g.py", False), ("g.ttl.bak", False), ("notes.md", False),
])
def test_the_hook_runs_on_graph_files(name: str, matched: bool) -> None:
    # pre-commit matches `files` with re.search on the path.
    assert bool(re.search(_hook()["files"], name)) is matched


def test_the_hook_is_a_python_hook_running_kg_validate() -> None:
    hook = _hook()
    assert hook["language"] == "python" and shlex.split(hook["entry"])[:2] == ["kg", "validate"]


def test_the_hook_passes_good_files_and_fails_bad_ones(tmp_path: Path) -> None:
    hook = _hook()
    good, bad = _good(tmp_path / "good.trig"), _bad(tmp_path / "bad.jsonld")
    entry = [*shlex.split(hook["entry"]), *hook.get("args", [])]
    # pre-commit appends the staged files that match to the entry.
    done = subprocess.run([*entry, str(good)], env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
    done = subprocess.run([*entry, str(good), str(bad)], env=_env(), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1
    assert f"{bad}: does not conform" in done.stdout and str(good) not in done.stdout
