"""The one place that finds the project's data files (ontology, shapes, queries, gazetteer).

In a built wheel the top-level ``ontology/`` and ``queries/`` folders ship as
``kg/_assets/`` (see ``pyproject.toml``); in a source checkout or an editable
install they are read from the repository root.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

_PACKAGE = files("kg")
_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _folder(name: str) -> Traversable:
    packaged = _PACKAGE / "_assets" / name
    if packaged.is_dir():
        return packaged
    return _SOURCE_ROOT / name


def ontology_dir() -> Traversable:
    return _folder("ontology")


def queries_dir() -> Traversable:
    return _folder("queries")


def ontology_text() -> str:
    return (ontology_dir() / "claims.ttl").read_text(encoding="utf-8")


def shapes_text() -> str:
    return (ontology_dir() / "shapes.ttl").read_text(encoding="utf-8")


def gazetteer_text() -> str:
    """The default actor gazetteer (``kg/data/gazetteer.tsv``), which users extend with their own file."""
    return (_PACKAGE / "data" / "gazetteer.tsv").read_text(encoding="utf-8")


def report_text(name: str) -> str:
    """The stylesheet or script inlined into the HTML report (``kg/data/report.css``, ``report.js``)."""
    return (_PACKAGE / "data" / name).read_text(encoding="utf-8")
