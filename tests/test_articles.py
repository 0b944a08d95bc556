"""Reading articles: sidecar metadata, and one named problem per bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.articles import ArticleError, Problem, read_article, read_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _write(path: Path, text: str | bytes, meta: object = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    if meta is not None:
        sidecar = path.with_name(path.stem + ".meta.json")
        sidecar.write_text(meta if isinstance(meta, str) else json.dumps(meta), encoding="utf-8")
    return path


def test_sidecar_metadata(tmp_path: Path) -> None:
    meta = {"title": "Drones", "publisher": "Example News", "published": "2024-03-01",
            "url": "https://news.example/drones"}
    article = read_article(_write(tmp_path / "a-drones.txt", "Drones\n\nText.", meta))
    assert article.id == "a-drones"
    assert (article.title, article.publisher, article.published, article.url) == (
        "Drones", "Example News", dt.date(2024, 3, 1), "https://news.example/drones")


def test_null_metadata_and_no_sidecar(tmp_path: Path) -> None:
    nulls = read_article(_write(tmp_path / "n.txt", "Text.", {"title": None, "publisher": None,
                                                               "published": None, "url": None}))
    bare = read_article(_write(tmp_path / "bare.txt", "Text."))
    for article in (nulls, bare):
        assert (article.title, article.publisher, article.published, article.url) == (None, None, None, None)


def test_text_is_the_file_exactly(tmp_path: Path) -> None:
    text = "Line one.\r\nLine two — with a dash.\rLine three.\n"
    assert read_article(_write(tmp_path / "crlf.txt", text)).text == text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_a_byte_order_mark_names_the_encoding_and_is_dropped(tmp_path: Path, codec: str) -> None:
    text = "Line one.\r\nLine two — with a dash: “quoted”, 北京.\n"
    data = text.encode(codec)
    if codec.endswith("-be"):  # Python writes no mark for an explicit byte order
        data = "\ufeff".encode(codec) + data
    assert read_article(_write(tmp_path / "marked.txt", data)).text == text


def test_folders_are_read_recursively_in_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "B.")
    _write(tmp_path / "a.txt", "A.")
    _write(tmp_path / "sub" / "c.txt", "C.")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    found = read_articles([tmp_path])
    assert [a.id for a in found.articles] == ["a", "b", "c"]
    assert found.problems == ()


def test_the_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "A.")
    found = read_articles([tmp_path, path])
    assert [a.id for a in found.articles] == ["a"] and found.problems == ()


def test_seed_articles_read_cleanly() -> None:
    found = read_articles([SEEDS])
    assert found.problems == ()
    assert len(found.articles) == len(list(SEEDS.glob("*.txt")))
    assert any(a.title for a in found.articles)


BAD_INPUTS = {
    "empty": ("empty.txt", "", None, "empty"),
    "whitespace": ("blank.txt", " \n\t\n", None, "empty"),
    "binary": ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", None, "binary"),
    "not utf-8": ("latin1.txt", "Café déjà vu".encode("latin-1"), None, "UTF-8"),
    "broken json": ("broken.txt", "Text.", '{"title": "x",', "broken JSON"),
    "json not an object": ("list.txt", "Text.", "[1, 2]", "JSON object"),
    "wrong type": ("typed.txt", "Text.", {"title": 3}, "'title'"),
    "bad date": ("date.txt", "Text.", {"published": "1 March 2024"}, "YYYY-MM-DD"),
    "impossible date": ("feb.txt", "Text.", {"published": "2024-02-30"}, "published"),
    "compact date": ("compact.txt", "Text.", {"published": "20240301"}, "YYYY-MM-DD"),
}


@pytest.mark.parametrize("case", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_a_problem_naming_the_file(
    tmp_path: Path, case: tuple[str, str | bytes, object, str]
) -> None:
    name, text, meta, reason = case
    bad = _write(tmp_path / name, text, meta)
    good = _write(tmp_path / "good.txt", "A good article.")
    found = read_articles([bad, good])
    assert [a.id for a in found.articles] == ["good"]
    (problem,) = found.problems
    assert isinstance(problem, Problem)
    assert Path(problem.path).name.startswith(bad.stem), problem
    assert reason in problem.reason
    assert problem.path in str(problem)
    with pytest.raises(ArticleError) as raised:
        read_article(bad)
    assert raised.value.problem == problem


def test_missing_paths_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "article.md").write_text("Markdown.", encoding="utf-8")
    found = read_articles([tmp_path / "nowhere.txt", tmp_path / "empty-folder", tmp_path / "article.md"])
    assert found.articles == ()
    reasons = {Path(p.path).name: p.reason for p in found.problems}
    assert reasons == {
        "nowhere.txt": "no such file or folder",
        "empty-folder": "folder has no .txt, .html or .htm files",
        "article.md": "not a .txt, .html or .htm file",
    }


def test_duplicate_article_ids(tmp_path: Path) -> None:
    first = _write(tmp_path / "one" / "same.txt", "First.")
    second = _write(tmp_path / "two" / "same.txt", "Second.")
    found = read_articles([tmp_path / "one", tmp_path / "two"])
    assert [a.text for a in found.articles] == ["First."]
    (problem,) = found.problems
    assert problem.path == str(second)
    assert "duplicate article id 'same'" in problem.reason and str(first) in problem.reason
