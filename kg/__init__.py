"""Claim graph: news articles to a validated RDF graph of who asserts or denies what.

The public API; the ``kg`` command (``kg.cli``) is a thin wrapper over it. Names are
imported on first use, so that ``kg --help`` does not load spaCy, pySHACL or owlready2.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOME = {
    "Actor": "kg.records",
    "ActorKind": "kg.records",
    "Article": "kg.records",
    "BuildSummary": "kg.build",
    "Claim": "kg.records",
    "EndpointStore": "kg.store",
    "Evidence": "kg.records",
    "Extraction": "kg.records",
    "Extractor": "kg.extract",
    "LoadSummary": "kg.load",
    "OxigraphServer": "kg.serve",
    "OxigraphStore": "kg.store",
    "SavedQuery": "kg.queries",
    "Stance": "kg.records",
    "Statement": "kg.records",
    "Store": "kg.store",
    "ValidationReport": "kg.validate",
    "Violation": "kg.validate",
    "build": "kg.build",
    "contested_claims": "kg.reason",
    "format_results": "kg.queries",
    "load": "kg.load",
    "open_store": "kg.store",
    "resolve": "kg.queries",
    "run": "kg.queries",
    "saved_queries": "kg.queries",
    "to_dataset": "kg.rdf",
    "validate": "kg.validate",
    "validate_store": "kg.validate",
    "write_report": "kg.report",
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOME[name]), name)
