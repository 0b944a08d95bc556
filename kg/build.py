"""The pipeline as one function: read articles, extract, map to RDF, validate, store.

Nothing is stored unless the whole batch conforms to the SHACL shapes and passes every
``*-violation`` check; the summary says what was built, skipped and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kg.articles import Problem, read_articles
from kg.queries import Finding, checks
from kg.rdf import to_dataset
from kg.records import Actor, Article, Extraction, Stance
from kg.store import OxigraphStore, Store
from kg.validate import ValidationReport, validate


class Extracts(Protocol):
    """What ``build`` needs of an extractor (``kg.extract.Extractor`` has it)."""

    version: str

    def extract(
        self, articles: Iterable[Article], known_claims: Iterable[tuple[str, str]] = ...
    ) -> Iterable[Extraction]: ...


@dataclass(frozen=True)
class BuildSummary:
    """What a build did. ``built``: ids of the articles stored; ``skipped``: inputs that could not be
    read; ``failed``: ids of articles read but not stored (the batch did not validate, or ``strict``
    stopped at a bad input). ``violations`` counts SHACL violations and check findings."""

    built: tuple[str, ...]
    skipped: tuple[Problem, ...]
    failed: tuple[str, ...]
    assertions: int
    denials: int
    claims: int
    actors: int
    report: ValidationReport | None
    findings: tuple[Finding, ...]

    @property
    def violations(self) -> int:
        # SHACL warnings and infos do not stop a build; only violations do (with check findings).
        shacl = [v for v in self.report.violations if v.severity == "Violation"] if self.report else []
        return len(shacl) + len(self.findings)

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed and self.violations == 0

    def text(self) -> str:
        """One line for people."""
        return (
            f"{len(self.built)} article(s) built, {len(self.skipped)} skipped, {len(self.failed)} failed; "
            f"{self.assertions + self.denials} statement(s) ({self.assertions} assert, {self.denials} deny), "
            f"{self.claims} claim(s), {self.actors} actor(s); {self.violations} violation(s)"
        )


def build(
    paths: Iterable[str | Path],
    store: Store,
    *,
    extractor: Extracts,
    out: str | Path | None = None,
    strict: bool = False,
) -> BuildSummary:
    """Build the articles under ``paths`` into ``store``; write the whole store to ``out`` when stored.

    Bad inputs are skipped (and reported in the summary); with ``strict`` any bad input stops the
    build before extraction. The batch is stored only if it validates.
    """
    inputs = read_articles(paths)
    ids = tuple(a.id for a in inputs.articles)
    if strict and inputs.problems:
        return BuildSummary((), inputs.problems, ids, 0, 0, 0, 0, None, ())
    extractions = list(extractor.extract(inputs.articles, known_claims=store.known_claims()))
    dataset = to_dataset(extractions, extractor.version)
    report = validate(dataset)
    # The *-violation checks run on the batch alone: it carries its own articles, actors and claims.
    findings = tuple(checks(OxigraphStore.of(dataset)))
    counts = _counts(extractions)
    if not report.conforms or findings:
        return BuildSummary((), inputs.problems, ids, *counts, report, findings)
    store.replace(dataset)
    if out is not None:
        store.dump(out)
    return BuildSummary(ids, inputs.problems, (), *counts, report, findings)


def _counts(extractions: list[Extraction]) -> tuple[int, int, int, int]:
    statements = [st for ex in extractions for st in ex.statements]
    actors: set[str] = set()

    def add(actor: Actor | None) -> None:
        while actor is not None and actor.key not in actors:
            actors.add(actor.key)
            actor = actor.speaks_for

    for st in statements:
        add(st.speaker)
        for actor in (st.claim.agent, st.claim.target, *st.claim.about):
            add(actor)
    return (
        sum(st.stance is Stance.ASSERT for st in statements),
        sum(st.stance is Stance.DENY for st in statements),
        len({st.claim.key for st in statements}),
        len(actors),
    )


__all__ = ["build", "BuildSummary", "Extracts"]
