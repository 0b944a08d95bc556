"""Saved HTML pages as input: the article text without the page furniture, metadata from the page's tags.

``tests/pages/NAME.html`` are invented news pages with realistic furniture (cookie banners, menus,
ads, share buttons, related-article lists, reader comments, footers) and ``og:``/``article:`` tags and a
canonical link; ``NAME.txt`` is the same article as plain text. The model tests check that both build
into the same statements.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rdflib.namespace import DCTERMS

from kg.articles import ArticleError, read_article, read_articles
from kg.namespace import SDO
from kg.pages import PageError, read_page
from kg.rdf import article_iri

PAGES = Path(__file__).resolve().parent / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))

# What each page's tags say (og:title, og:site_name, article:published_time, link rel=canonical).
TAGS = {
    "harbour-hack": (
        "Dutch intelligence blames Chinese state hackers for port cyberattack", "The Lowlands Ledger",
        dt.date(2024, 6, 11), "https://ledger.example.nl/world/2024/06/11/port-of-rotterdam-hack-china"),
    "shell-convoy": (
        "Kyiv says Iran sent artillery shells to Russia by sea; Tehran denies it", "Black Sea Monitor",
        dt.date(2024, 10, 3), "https://blackseamonitor.example.org/2024/10/03/iran-shells-caspian-russia/"),
    "shell-exports": (
        "Moscow accuses Serbian arms makers of sending shells to Ukraine; "
        "Belgrade says it sells to no one at war",
        "Balkan Wire", dt.date(2024, 5, 27),
        "https://www.balkanwire.example.com/europe/serbia-shells-ukraine-svr-20240527"),
}

# Text that is on the pages but not in the articles.
FURNITURE = ("cookies", "Subscribe", "Most read", "Related", "Share on", "All rights reserved", "Sign up",
             "Advertisement", "Recent Posts", "thoughts on", "Leave a Reply", "More from Europe", "Log in",
             "Oil prices rise", "Storm brings flooding", "My cousin near Pokrovsk")


def test_every_page_has_its_text_and_tags() -> None:
    assert NAMES == sorted(TAGS)
    for name in NAMES:
        assert (PAGES / f"{name}.txt").is_file(), name


@pytest.mark.parametrize("name", NAMES)
def test_page_metadata_comes_from_its_tags(name: str) -> None:
    article = read_article(PAGES / f"{name}.html")
    assert article.id == name
    assert (article.title, article.publisher, article.published, article.url) == TAGS[name]


@pytest.mark.parametrize("name", NAMES)
def test_page_text_is_the_article_without_furniture(name: str) -> None:
    text = read_article(PAGES / f"{name}.html").text
    body = [line for line in (PAGES / f"{name}.txt").read_text(encoding="utf-8").splitlines()[1:] if line]
    for paragraph in body:
        assert paragraph in text, paragraph
    for furniture in FURNITURE:
        assert furniture not in text, furniture


def test_the_canonical_link_wins_over_og_url() -> None:
    # shell-convoy's og:url carries feed tracking parameters; its canonical link does not.
    assert "utm_" not in (read_article(PAGES / "shell-convoy.html").url or "")


def test_sidecar_values_win_over_the_page_tags(tmp_path: Path) -> None:
    page = tmp_path / "hack.html"
    page.write_bytes((PAGES / "harbour-hack.html").read_bytes())
    page.with_name("hack.meta.json").write_text(json.dumps(
        {"title": "Port hack", "publisher": None, "published": "2024-06-12", "url": None}), encoding="utf-8")
    article = read_article(page)
    title, publisher, _, url = TAGS["harbour-hack"]
    assert (article.title, article.publisher, article.published, article.url) == (
        "Port hack", publisher, dt.date(2024, 6, 12), url)


def test_folders_hold_pages_next_to_text_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "convoy.htm").write_bytes((PAGES / "shell-convoy.html").read_bytes())
    (tmp_path / "hack.html").write_bytes((PAGES / "harbour-hack.html").read_bytes())
    (tmp_path / "note.txt").write_text("A plain article.", encoding="utf-8")
    (tmp_path / "style.css").write_text("body {}", encoding="utf-8")
    found = read_articles([tmp_path])
    assert [a.id for a in found.articles] == ["hack", "note", "convoy"]
    assert found.problems == ()
    # Nothing is written next to the input.
    assert sorted(p.name for p in tmp_path.rglob("*")) == [
        "convoy.htm", "hack.html", "note.txt", "style.css", "sub"]


BAD_PAGES = {
    "empty": (b"", "empty page"),
    "blank": (b"  \n\t ", "empty page"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "plain text": (b"The Kremlin denied it. Officials said so on Monday in Moscow.", "not an HTML page"),
    "menu only": (b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/world'>"
                  b"World</a></nav><footer>(c) 2024</footer></body></html>", "no article text"),
    "scripts only": (b"<!doctype html><html><body><script>var a = 1;</script></body></html>",
                     "no article text"),
}


@pytest.mark.parametrize("case", BAD_PAGES)
def test_a_bad_page_is_one_problem_naming_the_file(case: str, tmp_path: Path) -> None:
    data, reason = BAD_PAGES[case]
    bad = tmp_path / "bad.html"
    bad.write_bytes(data)
    (tmp_path / "good.html").write_bytes((PAGES / "harbour-hack.html").read_bytes())
    found = read_articles([tmp_path])
    assert [a.id for a in found.articles] == ["good"]
    (problem,) = found.problems
    assert problem.path == str(bad)
    assert reason in problem.reason
    assert "\n" not in str(problem)
    with pytest.raises(ArticleError):
        read_article(bad)
    with pytest.raises(PageError):
        read_page(data)


def test_kg_build_prints_one_line_per_bad_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import kg.extract
    from kg.cli import main
    from tests.test_cli import FakeExtractor

    monkeypatch.setattr(kg.extract, "Extractor", FakeExtractor)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hack.html").write_bytes((PAGES / "harbour-hack.html").read_bytes())
    for case in ("empty", "binary", "menu only"):
        (tmp_path / "in" / f"{case.replace(' ', '-')}.html").write_bytes(BAD_PAGES[case][0])
    assert main(["build", str(tmp_path / "in"), "--store", str(tmp_path / "store"), "--quiet"]) == 1
    lines = capsys.readouterr().err.splitlines()
    folder = tmp_path / "in"
    assert sorted(lines) == [
        f"kg build: skipped {folder / 'binary.html'}: binary file (looks like a PNG image)",
        f"kg build: skipped {folder / 'empty.html'}: empty page (no HTML)",
        f"kg build: skipped {folder / 'menu-only.html'}: no article text found in the page",
    ]


def test_the_page_charset_decides_the_decoding() -> None:
    page = ("<html><head><meta charset='iso-8859-1'><meta property='og:site_name' content='Le Café'></head>"
            "<body><article><p>Les ministres ont déclaré que la réunion aurait lieu à Genève la semaine "
            "prochaine, après des mois de négociations difficiles entre les deux délégations.</p></article>"
            "</body></html>").encode("latin-1")
    found = read_page(page)
    assert "Genève" in found.text and found.publisher == "Le Café"


@pytest.mark.model
@pytest.mark.parametrize("name", NAMES)
def test_a_page_builds_into_the_same_statements_as_its_text(name: str, extractor: object) -> None:
    from kg.build import build
    from kg.queries import resolve, rows, run
    from kg.store import OxigraphStore

    answers = {}
    for suffix in ("html", "txt"):
        store = OxigraphStore()
        summary = build([PAGES / f"{name}.{suffix}"], store, extractor=extractor)  # type: ignore[arg-type]
        # ok: the evidence-offsets check passed, so every offset indexes the stored (extracted) text.
        assert summary.ok, summary.text()
        answers[suffix] = store, sorted((r["speaker"], r["stance"], r["content"], r["evidence"])
                                        for r in rows(run(store, resolve("statements"))))
    (html_store, from_html), (_, from_text) = answers["html"], answers["txt"]
    assert from_html, f"{name}: no statements"
    assert any(stance == "deny" for _, stance, _, _ in from_html), f"{name}: no denial"
    assert from_html == from_text
    # The article's metadata in the graph is the page's, and its text is the extracted text.
    title, publisher, published, url = TAGS[name]
    found = rows(html_store.query(f"""
        SELECT ?article ?title ?publisher ?issued ?url ?text WHERE {{
          ?article <{DCTERMS.title}> ?title ; <{DCTERMS.publisher}> ?publisher ; <{DCTERMS.issued}> ?issued ;
              <{SDO.url}> ?url ; <{SDO.text}> ?text .
        }}"""))
    assert found == [{"article": str(article_iri(name)), "title": title, "publisher": publisher,
                      "issued": published.isoformat(), "url": url,
                      "text": read_article(PAGES / f"{name}.html").text}]


@pytest.fixture(scope="module")
def extractor() -> object:
    from kg.extract import Extractor

    return Extractor()
