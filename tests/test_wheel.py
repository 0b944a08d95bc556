"""The built wheel carries its own assets (ontology, shapes, saved queries, gazetteer).

The wheel is built with pip, installed into a fresh virtual environment outside the
repository and imported from a directory where the source tree is not importable, so
``kg.assets`` can only succeed if ``pyproject.toml`` ships the files (``ontology/`` and
``queries/`` are force-included as ``kg/_assets/``). The fresh environment sees the
test environment's site-packages through a ``.pth`` line, so dependencies are not
downloaded again; that line does not process the test environment's own ``.pth``
files, so an editable install of ``kg`` stays invisible.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = (
    "kg/_assets/ontology/claims.ttl",
    "kg/_assets/ontology/shapes.ttl",
    "kg/_assets/queries/statements.rq",
)

CHECK = """
import json, sys
import pyoxigraph, rdflib
import kg, kg.assets as a

queries = a.queries_dir()
rows = list(pyoxigraph.Store().query((queries / "statements.rq").read_text(encoding="utf-8")))
try:
    gazetteer = a.gazetteer_text()
except FileNotFoundError:
    gazetteer = None
print(json.dumps({
    "kg": kg.__file__,
    "ontology_dir": str(a.ontology_dir()),
    "ontology_triples": len(rdflib.Graph().parse(data=a.ontology_text(), format="turtle")),
    "shapes_triples": len(rdflib.Graph().parse(data=a.shapes_text(), format="turtle")),
    "queries": sorted(p.name for p in queries.iterdir()),
    "statements_rows_on_empty_store": len(rows),
    "gazetteer": gazetteer,
}))
"""


def _run(args: list[str], cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _source_files(folder: str) -> list[str]:
    base = ROOT / folder
    if not base.is_dir():
        return []
    return sorted(
        p.relative_to(base).as_posix()
        for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)], cwd=out)
    (built,) = out.glob("*.whl")
    return built


def test_wheel_contains_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"kg/_assets/{d}/{f}" for d in ("ontology", "queries") for f in _source_files(d)}
    expected |= {f"kg/data/{f}" for f in _source_files("kg/data")}
    expected |= set(REQUIRED)
    assert sorted(expected - names) == []


def test_installed_wheel_reads_its_assets(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    _run([*pip, "install", "-q", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(_run([str(python), "-c", purelib], cwd=tmp_path).strip())
    outer = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site / "_outer_site_packages.pth").write_text("".join(f"{p}\n" for p in outer), encoding="utf-8")

    # -I: no cwd, no PYTHONPATH, no user site on sys.path; cwd is outside the repository.
    found = json.loads(_run([str(python), "-I", "-c", CHECK], cwd=tmp_path))

    assert Path(found["kg"]).is_relative_to(site)
    assert Path(found["ontology_dir"]).is_relative_to(site)
    assert not Path(found["kg"]).is_relative_to(ROOT)
    assert found["ontology_triples"] > 0
    assert found["shapes_triples"] > 0
    assert "statements.rq" in found["queries"]
    assert found["statements_rows_on_empty_store"] == 0
    gazetteer = ROOT / "kg" / "data" / "gazetteer.tsv"
    if gazetteer.is_file():
        assert found["gazetteer"] == gazetteer.read_text(encoding="utf-8")
