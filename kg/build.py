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
from kg.progress import Progress
from kg.queries import Finding, checks, resolve, rows, run
from kg.rdf import claim_iri, to_dataset
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
    stopped at a bad input). ``violations`` counts SHACL violations and check findings. ``contested``
    counts the batch's claims that the saved query ``contested-claims`` lists, over the whole store
    once stored (a claim denied in an earlier build counts), else over the batch alone."""

    built: tuple[str, ...]
    skipped: tuple[Problem, ...]
    failed: tuple[str, ...]
    assertions: int
    denials: int
    claims: int
    actors: int
    report: ValidationReport | None
    findings: tuple[Finding, ...]
    contested: int = 0

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
            f"{self.claims} claim(s) ({self.contested} contested), {self.actors} actor(s); "
            f"{self.violations} violation(s)"
        )


def build(
    paths: Iterable[str | Path],
    store: Store,
    *,
    extractor: Extracts,
    out: str | Path | None = None,
    strict: bool = False,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build the articles under ``paths`` into ``store``; write the whole store to ``out`` when stored.

    Bad inputs are skipped (and reported in the summary); with ``strict`` any bad input stops the
    build before extraction. The batch is stored only if it validates. ``progress`` shows each
    article's id while it is extracted, then the later phases.
    """
    bar = progress if progress is not None else Progress("", enabled=False)
    inputs = read_articles(paths)
    ids = tuple(a.id for a in inputs.articles)
    if strict and inputs.problems:
        return BuildSummary((), inputs.problems, ids, 0, 0, 0, 0, None, ())
    bar.start(len(inputs.articles))
    # The extractor pulls each article when it starts on it, so the bar names the one in work.
    articles = bar.track(inputs.articles, lambda a: a.id)
    extractions = list(extractor.extract(articles, known_claims=store.known_claims()))
    bar.phase("validating")
    dataset = to_dataset(extractions, extractor.version)
    report = validate(dataset)
    # The *-violation checks run on the batch alone: it carries its own articles, actors and claims.
    batch = OxigraphStore.of(dataset)
    findings = tuple(checks(batch))
    counts = _counts(extractions)
    claims = {str(claim_iri(st.claim)) for ex in extractions for st in ex.statements}
    if not report.conforms or findings:
        contested = _contested(batch, claims)
        return BuildSummary((), inputs.problems, ids, *counts, report, findings, contested)
    bar.phase("storing")
    store.replace(dataset)
    if out is not None:
        store.dump(out)
    return BuildSummary(ids, inputs.problems, (), *counts, report, findings, _contested(store, claims))


def _contested(store: Store, claims: set[str]) -> int:
    """How many of ``claims`` (IRIs) the saved query ``contested-claims`` lists in ``store``."""
    if not claims:
        return 0
    listed = {row["claim"] for row in rows(run(store, resolve("contested-claims")))}
    return len(claims & listed)


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
