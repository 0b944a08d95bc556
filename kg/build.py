"""The pipeline as one function: read articles, extract, map to RDF, validate, store.

Articles are stored a chunk at a time, and a chunk only if it conforms to the SHACL shapes and
passes every ``*-violation`` check; articles stored before with the same fingerprint are not read
again. The summary says what was built, left unchanged, skipped and failed, and why.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import Literal
from rdflib.namespace import DCTERMS

from kg.articles import MAX_BYTES, Problem, read_articles
from kg.namespace import CG
from kg.progress import Progress
from kg.queries import Finding, checks, resolve, rows, run
from kg.rdf import actor_iri, claim_iri, to_dataset
from kg.records import Actor, ActorKind, Article, Extraction, Stance, settle_kind
from kg.store import OxigraphStore, Store
from kg.store.protocol import to_oxigraph
from kg.validate import ValidationReport, Violation, validate_store

if TYPE_CHECKING:
    from distributed import Client  # the optional dask extra


class Extracts(Protocol):
    """What ``build`` needs of an extractor (``kg.extract.Extractor`` has it)."""

    version: str

    @property
    def signature(self) -> str:
        """What besides an article decides its statements (version, model, actor table)."""
        ...

    def extract(
        self,
        articles: Iterable[Article],
        known_claims: Iterable[tuple[str, str]] = ...,
        *,
        workers: int = ...,
        client: Client | None = ...,
    ) -> Iterable[Extraction]: ...


# Below this many articles to read, one process is faster than starting workers (each loads the model).
MIN_PARALLEL = 16
# Articles validated and stored together: one store transaction each, bounded memory (a chunk's
# graphs are about 100 triples an article), and a bad chunk refuses only its own articles.
CHUNK = 250


@dataclass(frozen=True)
class BuildSummary:
    """What a build did. ``built``: ids of the articles stored; ``unchanged``: ids of articles the
    store already holds as built from the same text, metadata and extractor (not read again);
    ``skipped``: inputs that could not be read; ``failed``: ids of articles read but not stored (the
    batch did not validate, or ``strict`` stopped at a bad input). ``violations`` counts SHACL
    violations and check findings. ``contested`` counts the batch's claims that the saved query
    ``contested-claims`` lists, over the whole store once stored (a claim denied in an earlier build
    counts), else over the batch alone."""

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
    unchanged: tuple[str, ...] = ()

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
            f"{len(self.built)} article(s) built, "
            + (f"{len(self.unchanged)} unchanged, " if self.unchanged else "")
            + f"{len(self.skipped)} skipped, {len(self.failed)} failed; "
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
    workers: int = 1,
    client: Client | None = None,
    force: bool = False,
    max_bytes: int = MAX_BYTES,
    chunk_size: int = CHUNK,
) -> BuildSummary:
    """Build the articles under ``paths`` into ``store``; write the whole store to ``out`` when stored.

    Bad inputs are skipped (and reported in the summary); with ``strict`` the first bad input stops the
    build before extraction, and is the only one reported. ``max_bytes`` is the largest article text.
    Articles are validated and stored ``chunk_size`` at a time: a chunk is stored whole if it
    conforms, else none of it (its articles are ``failed``). ``progress`` shows each article's id
    as it is extracted.

    An article the store holds with the same fingerprint (text, metadata, ``extractor.signature``)
    is not read again, unless ``force``; a changed one replaces its graph. ``workers`` processes
    read the articles (claim identity stays sequential, so the result does not depend on it); with a
    Dask ``client``, its cluster reads them instead, however few (``kg.extract.distributed``).
    """
    bar = progress if progress is not None else Progress("", enabled=False)
    inputs = read_articles(paths, max_bytes=max_bytes, stop=strict)
    ids = tuple(a.id for a in inputs.articles)
    if strict and inputs.problems:
        return BuildSummary((), inputs.problems, ids, 0, 0, 0, 0, None, ())
    prints = {a.id: fingerprint(a, extractor.signature) for a in inputs.articles}
    stored = {} if force else stored_fingerprints(store, prints)
    todo = [a for a in inputs.articles if stored.get(a.id) != prints[a.id]]
    unchanged = tuple(a.id for a in inputs.articles if stored.get(a.id) == prints[a.id])
    ids = tuple(a.id for a in todo)
    bar.start(len(todo))
    processes = workers if len(todo) >= MIN_PARALLEL else 1
    kinds, labels = stored_actors(store) if todo else ({}, {})
    extracted: Iterable[Extraction] = ()
    if todo:
        # The bar follows articles as their statements are ready (in input order).
        # Only a cluster build passes ``client``: an extractor without Dask support need not take it.
        where: dict[str, Any] = {"client": client} if client is not None else {"workers": processes}
        extracted = bar.track(
            extractor.extract(todo, known_claims=store.known_claims(), **where), lambda ex: ex.article.id
        )
    built: list[str] = []
    failed: list[str] = []
    results: list[Violation] = []
    findings: list[Finding] = []
    claims: set[str] = set()
    conforms = True
    tally = _Tally()
    # Stored a chunk at a time, while the workers read on: memory stays bounded however large the
    # corpus, and a chunk that does not validate costs its own articles, not the night's build.
    for chunk in _chunks(extracted, chunk_size):
        bar.phase("validating")
        extractions = _settled(chunk, kinds, labels)
        dataset = to_dataset(extractions, extractor.version, prints)
        # The shapes and the *-violation checks see the chunk alone: its article graphs and the entities
        # graph to_dataset gives them, which describes every actor (through prov:actedOnBehalfOf) and
        # claim they link to. validate_store is pySHACL's report without pySHACL on conforming data.
        batch = OxigraphStore.of(dataset)
        report = validate_store(batch)
        found = tuple(checks(batch))
        chunk_ids = [ex.article.id for ex in extractions]
        tally.add(extractions)
        results.extend(report.violations)  # warnings too, which do not stop a chunk
        conforms = conforms and report.conforms
        if not report.conforms or found:
            failed.extend(chunk_ids)
            findings.extend(found)
            continue
        store.replace(dataset)
        built.extend(chunk_ids)
        claims |= {str(claim_iri(st.claim)) for ex in extractions for st in ex.statements}
    bar.phase("storing")
    if out is not None and not failed:
        store.dump(out)
    merged = ValidationReport(conforms, tuple(results)) if tally.articles else None
    contested = _contested(store, claims)
    return BuildSummary(
        tuple(built), inputs.problems, tuple(failed), *tally.counts(), merged, tuple(findings), contested,
        unchanged,
    )


def _chunks(items: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    chunk: list[Extraction] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _settled(
    extractions: list[Extraction], kinds: dict[str, ActorKind], labels: dict[str, str]
) -> list[Extraction]:
    """Every actor of the batch with one kind and one label per key: the store's, else the first
    the batch gives."""
    out = []
    for ex in extractions:
        statements = []
        for st in ex.statements:
            claim = st.claim
            agent = settle_kind(claim.agent, kinds, labels) if claim.agent is not None else None
            target = settle_kind(claim.target, kinds, labels) if claim.target is not None else None
            about = tuple(settle_kind(a, kinds, labels) for a in claim.about)
            claim = dataclasses.replace(claim, agent=agent, target=target, about=about)
            speaker = settle_kind(st.speaker, kinds, labels)
            statements.append(dataclasses.replace(st, speaker=speaker, claim=claim))
        out.append(Extraction(ex.article, tuple(statements)))
    return out


def stored_kinds(store: Store) -> dict[str, ActorKind]:
    """``{actor key: kind}`` for the actors in ``store`` (queries see the union of its graphs)."""
    return stored_actors(store)[0]


def stored_actors(store: Store) -> tuple[dict[str, ActorKind], dict[str, str]]:
    """``{actor key: kind}`` and ``{actor key: label}`` for the actors in ``store``."""
    classes = {str(CG[k.value]): k for k in ActorKind}
    kinds: dict[str, ActorKind] = {}
    labels: dict[str, str] = {}
    for row in rows(store.query(_ACTORS)):
        iri, kind = row["actor"] or "", classes.get(row["kind"] or "")
        if kind is not None and iri.startswith(_ACTOR_PREFIX):
            key = iri.removeprefix(_ACTOR_PREFIX)
            kinds.setdefault(key, kind)
            if row["label"] is not None:
                labels.setdefault(key, row["label"])
    return kinds, labels


_ACTOR_PREFIX = str(actor_iri(Actor("", "", ActorKind.STATE)))
_ACTORS = f"""
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?kind ?label WHERE {{
  VALUES ?kind {{ {" ".join(f"<{CG[k.value]}>" for k in ActorKind)} }}
  ?actor a ?kind
  OPTIONAL {{ ?actor rdfs:label ?label }}
}}
ORDER BY ?actor ?kind ?label
"""


def fingerprint(article: Article, signature: str) -> str:
    """A digest of everything that decides an article's graph: its text and metadata, and the
    extractor's signature. Equal fingerprints mean re-reading the article would change nothing."""
    published = article.published.isoformat() if article.published else ""
    parts = (signature, article.id, article.title, article.publisher, published, article.url, article.text)
    data = "\x1f".join(p or "" for p in parts).encode()
    return hashlib.sha256(data).hexdigest()


def stored_fingerprints(store: Store, ids: Iterable[str] | None = None) -> dict[str, str]:
    """``{article id: fingerprint}`` for the articles in ``store`` that have one; only those of
    ``ids`` when given, so that adding a few articles to a large store reads a few fingerprints."""
    wanted = ""
    if ids is not None:
        wanted = "VALUES ?id { " + " ".join(str(to_oxigraph(Literal(i))) for i in ids) + " }"
    query = _FINGERPRINTS.replace("#WANTED", wanted)
    return {row["id"] or "": row["fingerprint"] or "" for row in rows(store.query(query))}


_FINGERPRINTS = f"""
SELECT ?id ?fingerprint WHERE {{
  #WANTED
  ?article a <{CG.Article}> ; <{DCTERMS.identifier}> ?id ; <{CG.fingerprint}> ?fingerprint
}}
"""


def _contested(store: Store, claims: set[str]) -> int:
    """How many of ``claims`` (IRIs) the saved query ``contested-claims`` lists in ``store``."""
    if not claims:
        return 0
    listed = {row["claim"] for row in rows(run(store, resolve("contested-claims")))}
    return len(claims & listed)


class _Tally:
    """The summary's counts, kept as chunks go by (the chunks themselves are not kept)."""

    def __init__(self) -> None:
        self.articles = 0
        self.assertions = 0
        self.denials = 0
        self.claims: set[str] = set()
        self.actors: set[str] = set()

    def add(self, extractions: list[Extraction]) -> None:
        self.articles += len(extractions)
        for st in (st for ex in extractions for st in ex.statements):
            self.assertions += st.stance is Stance.ASSERT
            self.denials += st.stance is Stance.DENY
            self.claims.add(st.claim.key)
            for actor in (st.speaker, st.claim.agent, st.claim.target, *st.claim.about):
                while actor is not None and actor.key not in self.actors:
                    self.actors.add(actor.key)
                    actor = actor.speaks_for

    def counts(self) -> tuple[int, int, int, int]:
        return self.assertions, self.denials, len(self.claims), len(self.actors)


__all__ = ["build", "BuildSummary", "Extracts", "fingerprint", "stored_fingerprints"]
