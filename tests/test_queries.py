"""Saved queries: their headers, their answers on the sample corpus, parameter binding, checks."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import PROV

from kg.namespace import CG, OA, PREFIXES
from kg.queries import (
    FORMATS,
    ParamError,
    QueryError,
    SavedQuery,
    bind,
    checks,
    format_results,
    parse,
    resolve,
    rows,
    run,
    saved_queries,
)
from kg.rdf import actor_iri, claim_iri, to_dataset
from kg.records import Stance
from kg.store import OxigraphStore
from tests.sample import ANALYST, CHINA, DRONES, RUSSIA, SPOKESMAN, TALKS, USA, corpus

QUERIES = saved_queries()
NAMES = [q.name for q in QUERIES]
# One sensible value per parameter, so that every query can run.
EXAMPLE_VALUES = {"actor": "China", "about": "China", "claim": f"id:claim/{DRONES.key}"}
INJECTION = '"} ; DROP ALL ; SELECT * {'
STATEMENTS_COLUMNS = ["source", "speaker", "stance", "claim", "content", "evidence", "cue", "date", "title"]


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    s = OxigraphStore()
    s.replace(to_dataset(corpus()))
    return s


def _rows(store: OxigraphStore, name: str, **values: str) -> list[dict[str, str | None]]:
    return rows(run(store, resolve(name), values))


def _store_of(ds: Dataset) -> OxigraphStore:
    return OxigraphStore.of(ds)


def test_required_queries_exist() -> None:
    required = {"statements", "contested-claims", "denials-by", "who-says", "claim-timeline", "evidence",
                "accusations-network"}
    assert required <= set(NAMES)
    assert any(q.is_check for q in QUERIES)


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_header_and_prefixes(query: SavedQuery) -> None:
    assert query.summary, "every saved query says what question it answers"
    select = re.search(r"SELECT(.*?)WHERE", query.text, re.S)
    assert select is not None
    for param in query.params:
        # pyoxigraph only substitutes variables that the SELECT clause projects.
        assert f"?{param.name}" in select.group(1), param.name
        assert param.description
    for prefix, namespace in re.findall(r"PREFIX\s+(\w*):\s*<([^>]*)>", query.text):
        assert PREFIXES.get(prefix) == namespace, prefix
    if query.is_check:
        assert re.search(r"\?focus\b", select.group(1)) and re.search(r"\?message\b", select.group(1))


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_every_query_runs_on_the_sample(store: OxigraphStore, query: SavedQuery) -> None:
    values = {p.name: EXAMPLE_VALUES[p.name] for p in query.params}
    answer = rows(run(store, query, values))
    if query.is_check:
        assert answer == []
    else:
        assert answer, f"{query.name} has no answer on the sample"


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_every_query_runs_on_an_empty_store(query: SavedQuery) -> None:
    values = {p.name: EXAMPLE_VALUES[p.name] for p in query.params}
    assert rows(run(OxigraphStore(), query, values)) == []


def test_statements_has_the_evaluation_columns_in_order(store: OxigraphStore) -> None:
    answer = _rows(store, "statements")
    assert list(answer[0]) == STATEMENTS_COLUMNS
    assert [(r["source"], r["speaker"], r["stance"]) for r in answer] == [
        ("a-drones", "Jane Roe", "assert"),
        ("a-drones", "Chinese Foreign Ministry", "deny"),
        ("b-talks", "John Doe", "assert"),
    ]
    first = answer[0]
    assert first["claim"] == str(claim_iri(DRONES))
    assert first["evidence"] == "Spokesman Jane Roe said China supplies drones to Russia."
    assert (first["cue"], first["date"], first["title"]) == ("said", "2024-03-01", "Drones")


def test_contested_claims_is_exactly_the_drones_claim(store: OxigraphStore) -> None:
    answer = _rows(store, "contested-claims")
    assert len(answer) == 1
    (row,) = answer
    assert row["claim"] == str(claim_iri(DRONES))
    assert row["text"] == DRONES.text
    assert (row["asserted_by"], row["asserting_speakers"]) == ("United States", "Jane Roe")
    assert (row["denied_by"], row["denying_speakers"]) == ("China", "Chinese Foreign Ministry")
    assert (row["assertions"], row["denials"]) == ("1", "1")


def _with_statement(speaker_key: str, stance: Stance) -> Dataset:
    """The sample plus one more statement on the talks claim by an actor of the sample."""
    extractions = corpus()
    talks = extractions[1]
    base = talks.statements[0]
    speaker = {"john-doe": ANALYST, "jane-roe": SPOKESMAN, "united-states": USA}[speaker_key]
    extra = dataclasses.replace(base, speaker=speaker, stance=stance, cue="denied")
    extractions[1] = dataclasses.replace(talks, statements=(base, extra))
    return to_dataset(extractions)


def test_an_actor_contradicting_itself_is_not_contested() -> None:
    store = _store_of(_with_statement("john-doe", Stance.DENY))
    assert [r["claim"] for r in _rows(store, "contested-claims")] == [str(claim_iri(DRONES))]


def test_contested_counts_sides_not_speakers() -> None:
    # Jane Roe speaks for the United States: a denial by one and an assertion by the other is one side.
    extractions = corpus()
    drones = extractions[0]
    spokesman_statement = drones.statements[0]
    us_denies = dataclasses.replace(spokesman_statement, speaker=USA, stance=Stance.DENY, cue="denied")
    extractions[0] = dataclasses.replace(drones, statements=(spokesman_statement, us_denies))
    store = _store_of(to_dataset(extractions))
    assert _rows(store, "contested-claims") == []
    # A different side denying makes it contested.
    store = _store_of(_with_statement("united-states", Stance.DENY))
    assert str(claim_iri(TALKS)) in {r["claim"] for r in _rows(store, "contested-claims")}


@pytest.mark.parametrize("actor", ["China", "china", "Beijing", "BEIJING"])
def test_denials_by_label_or_alias(store: OxigraphStore, actor: str) -> None:
    answer = _rows(store, "denials-by", actor=actor)
    assert [(r["speaker"], r["claim"], r["source"]) for r in answer] == [
        ("Chinese Foreign Ministry", str(claim_iri(DRONES)), "a-drones")
    ]
    assert answer[0]["evidence"] == corpus()[0].statements[1].evidence.text
    assert answer[0]["date"] == "2024-03-01"


def test_every_denial_row_is_a_denial_by_the_actor_or_its_speakers(store: OxigraphStore) -> None:
    answer = _rows(store, "denials-by", actor="China")
    assert answer
    for row in answer:
        ask = (f"ASK {{ <{row['statement']}> a <{CG.Denial}> ; <{CG.speaker}> ?s . "
               f"?s <{PROV.actedOnBehalfOf}>* <{actor_iri(CHINA)}> }}")
        assert bool(store.query(ask)), row


def test_denials_by_someone_who_denied_nothing(store: OxigraphStore) -> None:
    assert _rows(store, "denials-by", actor="United States") == []
    assert _rows(store, "denials-by", actor="Nobody") == []


def test_who_says_about_an_actor(store: OxigraphStore) -> None:
    answer = {r["claim"]: r for r in _rows(store, "who-says", about="China")}
    assert set(answer) == {str(claim_iri(DRONES)), str(claim_iri(TALKS))}
    drones = answer[str(claim_iri(DRONES))]
    assert drones["asserted_by"] == "Jane Roe (United States)"
    assert drones["denied_by"] == "Chinese Foreign Ministry (China)"
    talks = answer[str(claim_iri(TALKS))]
    assert (talks["asserted_by"], talks["denied_by"], talks["assertions"], talks["denials"]) == (
        "John Doe", "", "1", "0")


@pytest.mark.parametrize("about,expected", [
    ("drones", {DRONES.key}),              # a word of the claim text
    ("Drones to Russia", {DRONES.key}),    # a phrase, any case
    ("Moscow", {DRONES.key, TALKS.key}),   # an alias of an actor the claims are about
    ("talks", {TALKS.key}),
    ("rone", set()),                       # whole words only
    ("Atlantis", set()),
])
def test_who_says_about_a_topic(store: OxigraphStore, about: str, expected: set[str]) -> None:
    found = {r["claim"] for r in _rows(store, "who-says", about=about)}
    assert found == {str(claim_iri(c)) for c in (DRONES, TALKS) if c.key in expected}


def test_claim_timeline_orders_by_date(store: OxigraphStore) -> None:
    answer = _rows(store, "claim-timeline")
    dates = [r["date"] for r in answer]
    assert dates == sorted(dates) == ["2024-03-01", "2024-03-01", "2024-04-02"]
    assert [r["stance"] for r in answer] == ["assert", "deny", "assert"]


def test_claim_timeline_undated_statements_come_last() -> None:
    extractions = corpus()
    talks = extractions[1]
    undated_article = dataclasses.replace(talks.article, published=None)
    undated = tuple(dataclasses.replace(st, date=None) for st in talks.statements)
    extractions[1] = dataclasses.replace(talks, article=undated_article, statements=undated)
    answer = _rows(_store_of(to_dataset(extractions)), "claim-timeline")
    assert [r["date"] for r in answer] == ["2024-03-01", "2024-03-01", None]


@pytest.mark.parametrize("claim,expected", [
    ("drones", 2), ("DRONES TO", 2), (f"id:claim/{TALKS.key}", 1), (f"<{claim_iri(TALKS)}>", 1),
    (str(claim_iri(DRONES)), 2), ("nothing like it", 0),
])
def test_claim_timeline_for_one_claim(store: OxigraphStore, claim: str, expected: int) -> None:
    assert len(_rows(store, "claim-timeline", claim=claim)) == expected


def test_evidence_gives_provenance(store: OxigraphStore) -> None:
    answer = _rows(store, "evidence", claim=f"id:claim/{DRONES.key}")
    assert [(r["speaker"], r["stance"], r["cue"]) for r in answer] == [
        ("Jane Roe", "assert", "said"), ("Chinese Foreign Ministry", "deny", "denied")]
    article = corpus()[0].article
    for row in answer:
        assert (row["source"], row["title"], row["publisher"], row["url"], row["published"]) == (
            "a-drones", "Drones", "Example News", "https://news.example/drones", "2024-03-01")
        assert row["start"] is not None and row["end"] is not None
        assert article.text[int(row["start"]):int(row["end"])] == row["evidence"]


def test_accusations_network_counts(store: OxigraphStore) -> None:
    edges = {(r["from_actor"], r["to_actor"]): (r["assertions"], r["denials"], r["claims"])
             for r in _rows(store, "accusations-network")}
    assert edges == {
        ("United States", "China"): ("1", "0", "1"),    # the spokesman, counted for his side; agent China
        ("China", "China"): ("0", "1", "1"),            # the ministry denies a claim about China
        ("John Doe", "Russia"): ("1", "0", "1"),        # no agent: the actors the claim is about
        ("John Doe", "China"): ("1", "0", "1"),
    }


def _broken(kind: str) -> Dataset:
    extractions = corpus()
    if kind == "evidence-offsets-violation":
        first = extractions[0]
        st = first.statements[0]
        shifted = dataclasses.replace(st.evidence, start=st.evidence.start + 1, end=st.evidence.end + 1)
        extractions[0] = dataclasses.replace(first, statements=(dataclasses.replace(st, evidence=shifted),
                                                                *first.statements[1:]))
        return to_dataset(extractions)
    ds = to_dataset(extractions)
    if kind == "statement-without-claim-violation":
        for graph in ds.graphs():
            for statement in list(graph.subjects(CG.claim, claim_iri(TALKS))):
                graph.remove((statement, CG.claim, None))
    elif kind == "speaks-for-cycle-violation":
        ds.graph(URIRef(PREFIXES["id"] + "graph/entities")).add(
            (actor_iri(USA), PROV.actedOnBehalfOf, actor_iri(SPOKESMAN)))
    else:
        raise AssertionError(f"no broken case for {kind}: add one")
    return ds


@pytest.mark.parametrize("check", [q for q in QUERIES if q.is_check], ids=lambda q: q.name)
def test_every_check_finds_its_broken_case(check: SavedQuery) -> None:
    found = rows(run(_store_of(_broken(check.name)), check))
    assert found and all(r["focus"] and r["message"] for r in found)


def test_checks_pass_on_the_sample(store: OxigraphStore) -> None:
    assert checks(store) == []


def test_evidence_offsets_check_compares_numbers() -> None:
    # Offsets written as plain strings are cast, not compared as text ("57" < "130" is false as text).
    ds = to_dataset(corpus())
    for graph in ds.graphs():
        for prop in (OA.start, OA.end):
            for selector, offset in list(graph.subject_objects(prop)):
                graph.set((selector, prop, Literal(str(offset))))
    assert rows(run(_store_of(ds), resolve("evidence-offsets-violation"))) == []


INJECTED_PARAMS = [("denials-by", "actor"), ("who-says", "about"), ("claim-timeline", "claim")]


@pytest.mark.parametrize("name,param", INJECTED_PARAMS)
def test_injection_is_just_a_value(name: str, param: str) -> None:
    s = OxigraphStore()
    s.replace(to_dataset(corpus()))
    before = len(s)
    assert _rows(s, name, **{param: INJECTION}) == []
    assert len(s) == before


def test_an_injection_into_an_iri_parameter_is_refused(store: OxigraphStore) -> None:
    with pytest.raises(ParamError, match="must be an IRI"):
        _rows(store, "evidence", claim=f"<{claim_iri(DRONES)}> }} ; DROP ALL ; #")


def test_unknown_and_missing_parameters_are_refused(store: OxigraphStore) -> None:
    with pytest.raises(ParamError, match="no parameter colour"):
        _rows(store, "denials-by", actor="China", colour="red")
    with pytest.raises(ParamError, match="needs --param actor"):
        _rows(store, "denials-by")
    with pytest.raises(ParamError, match="no parameter actor"):
        _rows(store, "statements", actor="China")


def test_binding_rule() -> None:
    timeline = resolve("claim-timeline")   # iri-or-string
    evidence = resolve("evidence")         # iri
    denials = resolve("denials-by")        # string
    drones = URIRef(claim_iri(DRONES))
    assert bind(timeline, {"claim": f"id:claim/{DRONES.key}"}) == {"claim": drones}
    assert bind(timeline, {"claim": f"<{drones}>"}) == {"claim": drones}
    assert bind(timeline, {"claim": str(drones)}) == {"claim": drones}
    assert bind(timeline, {"claim": "drones to Russia"}) == {"claim": "drones to Russia"}
    assert bind(timeline, {"claim": "nope:thing"}) == {"claim": "nope:thing"}  # unknown prefix: text
    assert bind(evidence, {"claim": "urn:x:1"}) == {"claim": URIRef("urn:x:1")}
    assert bind(denials, {"actor": "http://example.org/x"}) == {"actor": "http://example.org/x"}
    with pytest.raises(ParamError):
        bind(evidence, {"claim": "drones"})


def test_header_format_is_strict() -> None:
    good = parse("#+ summary: Q?\n#+ param: x (iri, optional) — an x\n#+ param: y (string) -- a y\n"
                 "SELECT ?x ?y {}", "good")
    assert good.summary == "Q?"
    assert [(p.name, p.kind, p.required, p.description) for p in good.params] == [
        ("x", "iri", False, "an x"), ("y", "string", True, "a y")]
    for bad in ["#+ param: x — no kind", "#+ param: x (number) — bad kind", "#+ colour: red",
                "#+ summary: a\n#+ summary: b", "#+ param: x (string) — a\n#+ param: x (string) — b",
                "#+ nonsense"]:
        with pytest.raises(QueryError):
            parse(bad + "\nSELECT * {}", "bad")
    # The header ends at the first line that is not "#+".
    assert parse("# comment\n#+ colour: red\nSELECT * {}", "late").summary == ""


def test_resolve_names_and_files(tmp_path: Path) -> None:
    assert resolve("statements").name == "statements"
    with pytest.raises(QueryError, match="did you mean statements"):
        resolve("statement")
    with pytest.raises(QueryError, match="missing.rq"):
        resolve(str(tmp_path / "missing.rq"))
    own = tmp_path / "mine.rq"
    own.write_text("#+ summary: Mine\n#+ param: name (string) — a label\n"
                   "SELECT ?name ?a WHERE { ?a rdfs:label ?name }", encoding="utf-8")
    query = resolve(str(own))
    assert (query.name, query.summary) == ("mine", "Mine")
    s = OxigraphStore()
    s.replace(to_dataset(corpus()))
    assert [r["a"] for r in rows(run(s, query, {"name": "Russia"}))] == [str(actor_iri(RUSSIA))]


def test_a_broken_query_file_is_a_query_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    with pytest.raises(QueryError, match="broken"):
        run(OxigraphStore(), resolve(str(broken)))


def test_formats(store: OxigraphStore) -> None:
    query = resolve("statements")
    table = format_results(run(store, query), "table")
    assert table.splitlines()[0].split() == STATEMENTS_COLUMNS
    assert "(3 rows)" in table
    text = format_results(run(store, query), "csv")
    assert text.startswith(",".join(STATEMENTS_COLUMNS) + "\r\n")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 3
    tsv = format_results(run(store, query), "tsv")
    assert tsv.splitlines()[0] == "\t".join("?" + c for c in STATEMENTS_COLUMNS)
    doc = json.loads(format_results(run(store, query), "json"))
    assert doc["head"]["vars"] == STATEMENTS_COLUMNS and len(doc["results"]["bindings"]) == 3
    assert set(FORMATS) == {"table", "csv", "tsv", "json"}
    with pytest.raises(QueryError):
        format_results(run(store, query), "xml")


def test_ask_and_construct_format(store: OxigraphStore) -> None:
    assert format_results(store.query("ASK { ?s ?p ?o }"), "table") == "yes\n"
    turtle = format_results(store.query(f"CONSTRUCT {{ ?s a <{CG.Denial}> }} WHERE {{ ?s a <{CG.Denial}> }}"))
    assert "cg:Denial" in turtle



def test_actor_finds_an_actor_by_any_name_whatever_the_case(store: OxigraphStore) -> None:
    (china,) = rows(run(store, resolve("actor"), {"actor": "beijing"}))
    assert (china["label"], china["kind"], china["aliases"]) == ("China", "State", "Beijing")
    assert china["speaks_for"] is None
    assert china["iri"] == "https://w3id.org/claimgraph/id/actor/china"
    assert china["wikidata"] == "http://www.wikidata.org/entity/Q148"
    (roe,) = rows(run(store, resolve("actor"), {"actor": "Jane Roe"}))
    assert (roe["kind"], roe["role"], roe["speaks_for"]) == ("Person", "spokesman", "United States")
    assert rows(run(store, resolve("actor"), {"actor": "Atlantis"})) == []
