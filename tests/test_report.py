"""The HTML report (``kg report``) on the hand-built sample graph: content, escaping, no network,
atomic writes.

The page is parsed with lxml (a dependency of trafilatura); no model and no browser are needed here
(``test_report_browser.py`` renders the seed report in headless Chromium).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import lxml.html
import pytest

import kg.report
from kg.cli import main
from kg.network import Edge, layout, network_svg, place_labels
from kg.rdf import to_dataset
from kg.records import Extraction
from kg.report import ReportError, collect, render, write_report
from kg.store import OxigraphStore
from tests.sample import DRONES, corpus

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'


def _store(extractions: list[Extraction] | None = None) -> OxigraphStore:
    store = OxigraphStore()
    store.replace(to_dataset(extractions if extractions is not None else corpus(), "test"))
    return store


def _page(store: OxigraphStore, tmp_path: Path) -> lxml.html.HtmlElement:
    out = tmp_path / "report.html"
    write_report(store, out)
    return lxml.html.fromstring(out.read_text(encoding="utf-8"))


def test_contested_claim_with_who_asserts_and_who_denies(tmp_path: Path) -> None:
    page = _page(_store(), tmp_path)
    (card,) = page.xpath("//section[@id='contested']//article[@class='claim']")
    assert card.findtext("h3") == DRONES.text
    assert json.loads(card.get("data-asserted-by")) == ["United States"]
    assert json.loads(card.get("data-denied-by")) == ["China"]
    items = card.xpath(".//li[contains(@class, 'stmt')]")
    said = {(li.xpath("string(.//b)"), li.xpath("string(.//span[contains(@class, 'badge')])"))
            for li in items}
    assert said == {("Jane Roe", "asserts"), ("Chinese Foreign Ministry", "denies")}
    quotes = [li.xpath("string(.//blockquote)") for li in items]
    assert "The Chinese Foreign Ministry denied that China supplies drones to Russia." in quotes
    # The article: its title, id and date.
    assert all("Drones" in li.xpath("string(.//cite)") and "2024-03-01" in li.text_content() for li in items)


def test_matrix_network_and_every_statement(tmp_path: Path) -> None:
    page = _page(_store(), tmp_path)
    matrix = {tr.xpath("string(th)"): [td.text_content() for td in tr.xpath("td")]
              for tr in page.xpath("//table[@class='matrix']/tbody/tr")}
    assert matrix == {"Chinese Foreign Ministry": ["✘"], "Jane Roe": ["✔"]}
    edges = {(g.get("data-from"), g.get("data-to")) for g in page.xpath("//svg//*[contains(@class, 'edge')]")}
    assert ("United States", "China") in edges and ("China", "China") in edges
    assert len(page.xpath("//section[@id='statements']//tr[contains(@class, 'stmt')]")) == 3
    actors = page.xpath("//select[@id='f-actor']/option/@value")
    assert {"", "China", "United States", "Jane Roe", "John Doe"} <= set(actors)


def test_the_page_loads_nothing_from_anywhere(tmp_path: Path) -> None:
    page = _page(_store(), tmp_path)
    assert page.xpath("//*[@src] | //link | //iframe | //object | //embed") == []
    assert all(not href.startswith(("http:", "https:", "//")) for href in page.xpath("//@href"))
    csp = page.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")
    assert "default-src 'none'" in csp
    assert len(page.xpath("//script")) == 1 and len(page.xpath("//style")) == 1


def test_graph_text_is_escaped(tmp_path: Path) -> None:
    sample = corpus()
    first, rest = sample[0], sample[1:]
    evil_speaker = dataclasses.replace(first.statements[0].speaker, label=EVIL, key="evil")
    article = dataclasses.replace(first.article, title=EVIL, text=first.article.text)
    statements = tuple(dataclasses.replace(st, speaker=evil_speaker if i == 0 else st.speaker)
                       for i, st in enumerate(first.statements))
    claim = dataclasses.replace(DRONES, text=EVIL)
    statements = tuple(dataclasses.replace(st, claim=claim) for st in statements)
    store = _store([Extraction(article, statements), *rest])
    out = tmp_path / "report.html"
    write_report(store, out)
    text = out.read_text(encoding="utf-8")
    assert "<script>alert" not in text and "<img" not in text
    page = lxml.html.fromstring(text)
    assert len(page.xpath("//script")) == 1
    assert page.xpath("//img | //*[@onerror]") == []
    assert page.xpath("string(//article[@class='claim']/h3)") == EVIL
    assert EVIL in page.xpath("//select[@id='f-actor']/option/@value")
    assert any(EVIL in json.loads(el.get("data-actors")) for el in page.xpath("//*[@data-actors]"))


def test_an_empty_store_gives_a_page_that_says_so(tmp_path: Path) -> None:
    page = _page(_store([]), tmp_path)
    empty = " ".join(p.text_content() for p in page.xpath("//p[@class='empty']"))
    assert "No contested claims" in empty and "No statements" in empty


def test_a_failed_run_leaves_the_old_report_and_no_partial_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.html"
    out.write_text("old report", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(kg.report.os, "replace", refuse)
        with pytest.raises(ReportError, match="No space left"):
            write_report(_store(), out)
    with monkeypatch.context() as patch:
        patch.setattr(kg.report, "render", lambda data, title="": 1 / 0)
        with pytest.raises(ZeroDivisionError):
            write_report(_store(), out)
    assert out.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    with pytest.raises(ReportError, match="cannot write"):
        write_report(_store(), tmp_path / "missing" / "report.html")


def test_the_report_is_the_same_every_time() -> None:
    data = collect(_store())
    assert render(data) == render(data)


def test_layout_is_deterministic_and_inside_the_canvas() -> None:
    nodes = [f"n{i}" for i in range(12)]
    links = [(f"n{i}", f"n{(i * 5) % 12}") for i in range(12)] + [("n0", "unknown")]
    first = layout(nodes, links, width=400, height=300)
    assert first == layout(nodes, links, width=400, height=300)
    assert set(first) == set(nodes)
    assert all(0 <= x <= 400 and 0 <= y <= 300 for x, y in first.values())
    assert layout([], [], width=10, height=10) == {}
    assert layout(["a"], [], width=10, height=10) == {"a": (5.0, 5.0)}


def test_labels_avoid_each_other() -> None:
    pos = {"Left": (100.0, 100.0), "Right": (130.0, 100.0)}
    labels = place_labels(["Left", "Right"], pos, {"Left": 5.0, "Right": 5.0}, width=400,
                          height=200)
    # Both are in the left half, so labels go left first; Right's would cover Left, so it goes right.
    assert labels["Left"][2] == "end" and labels["Right"][2] == "start"


def test_network_svg_escapes_labels_and_shows_stances() -> None:
    svg = network_svg([Edge(EVIL, "China", 2, 0, 2), Edge("China", "China", 1, 3, 2)])
    assert "<script" not in svg and "<img" not in svg
    assert 'class="edge e-assert"' in svg and 'class="edge e-mixed"' in svg


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_dir = tmp_path / "store"
    with OxigraphStore(store_dir) as store:
        store.replace(to_dataset(corpus(), "test"))
    out = tmp_path / "report.html"
    assert main(["report", "--store", str(store_dir), "--out", str(out)]) == 0
    assert "1 contested claim(s), 3 statement(s)" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("argv, message", [
    (["report", "--store", "{tmp}/nowhere", "--out", "{tmp}/r.html"], "no store at"),
    (["report", "--store", "{tmp}", "--out", "{tmp}/r.txt"], ".html file"),
    (["report", "--store", "{tmp}", "--out", "{tmp}/no/r.html"], "no such folder"),
])
def test_cli_report_bad_usage(argv: list[str], message: str, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main([a.format(tmp=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_cli_report_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert text.startswith("usage: kg report") and "--store" in text and "--out" in text
    assert main(["--help"]) == 0
    assert "report" in capsys.readouterr().out
