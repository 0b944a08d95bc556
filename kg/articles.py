"""Reading input articles: ``.txt`` files and saved ``.html``/``.htm`` pages, or folders of them,
with optional metadata sidecars.

An article's id is its file name without the extension. The text of a ``.txt`` article is the
file's text exactly (UTF-8, line endings kept); that of a page is the article text extracted from
it (``kg.pages``). Evidence offsets index that text, which the graph keeps as the article's
``schema:text``. ``NAME.meta.json`` next to the file may give ``title``, ``publisher``,
``published`` (YYYY-MM-DD) and ``url``, each a string or null; for a page, the sidecar's values
win over the page's own tags. Bad input never raises: each bad file becomes a ``Problem`` naming the file
and the reason, so a build can report it and carry on with the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.pages import HTML_SUFFIXES, PageError, read_page
from kg.records import Article

TEXT_SUFFIX = ".txt"
ARTICLE_SUFFIXES = (TEXT_SUFFIX, *HTML_SUFFIXES)
_KINDS = ".txt, .html or .htm"
META_SUFFIX = ".meta.json"
META_KEYS = ("title", "publisher", "published", "url")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Problem:
    """An input that could not be read as an article: the file and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ArticleError(Exception):
    """Raised by ``read_article``; carries the ``Problem``."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Inputs:
    """The articles that were read, in order, and the problems met on the way."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def read_articles(paths: Iterable[str | Path]) -> Inputs:
    """Read every ``.txt`` and ``.html``/``.htm`` file in ``paths``, and those under its folders
    (recursively, sorted)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    # The same file reached twice (a folder and a file in it) is read once.
    files = {p.resolve(): p for p in reversed(_text_files(paths, problems))}
    for path in reversed(files.values()):
        try:
            article = read_article(path)
        except ArticleError as err:
            problems.append(err.problem)
            continue
        if article.id in seen:
            reason = f"duplicate article id {article.id!r} (also {seen[article.id]})"
            problems.append(Problem(str(path), reason))
            continue
        seen[article.id] = path
        articles.append(article)
    return Inputs(tuple(articles), tuple(problems))


def _text_files(paths: Iterable[str | Path], problems: list[Problem]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file())
            if not found:
                problems.append(Problem(str(path), f"folder has no {_KINDS} files"))
            files.extend(found)
        elif path.is_file():
            if path.suffix not in ARTICLE_SUFFIXES:
                problems.append(Problem(str(path), f"not a {_KINDS} file"))
            else:
                files.append(path)
        elif path.exists():
            problems.append(Problem(str(path), "not a regular file or folder"))
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return files


def read_article(path: str | Path) -> Article:
    """One article and its sidecar metadata; raises ``ArticleError`` for a bad file."""
    path = Path(path)
    if path.suffix in HTML_SUFFIXES:
        return _read_page(path)
    text = _read_text(path)
    meta = _read_meta(path.with_name(path.stem + META_SUFFIX))
    published = meta.pop("published", None)
    return Article(
        path.stem, text, title=meta.get("title"), publisher=meta.get("publisher"), url=meta.get("url"),
        published=_date(published, path) if published else None,
    )


def _read_page(path: Path) -> Article:
    try:
        page = read_page(path.read_bytes())
    except OSError as err:
        raise ArticleError(Problem(str(path), f"cannot read: {err.strerror or err}")) from err
    except PageError as err:
        raise ArticleError(Problem(str(path), str(err))) from err
    meta = _read_meta(path.with_name(path.stem + META_SUFFIX))
    published = meta.pop("published", None)
    return Article(
        path.stem, page.text, title=meta.get("title", page.title),
        publisher=meta.get("publisher", page.publisher), url=meta.get("url", page.url),
        published=_date(published, path) if published else page.published,
    )


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(Problem(str(path), f"cannot read: {err.strerror or err}")) from err
    if b"\x00" in data:
        raise ArticleError(Problem(str(path), "binary file (contains NUL bytes)"))
    try:
        # Decoded from bytes, not opened in text mode: "\r\n" stays, so offsets match the file.
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(Problem(str(path), f"not UTF-8 text (bad byte at offset {err.start})")) from err
    if not text.strip():
        raise ArticleError(Problem(str(path), "empty article (no text)"))
    return text


def _date(value: str, text_path: Path) -> dt.date:
    sidecar = text_path.with_name(text_path.stem + META_SUFFIX)
    # date.fromisoformat also takes "20240301" and week dates since 3.11; the sidecar format is stricter.
    if not _ISO_DATE.fullmatch(value):
        raise ArticleError(Problem(str(sidecar), f"metadata 'published' must be YYYY-MM-DD, got {value!r}"))
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise ArticleError(Problem(str(sidecar), f"metadata 'published' is not a date: {value!r}")) from err


def _read_meta(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ArticleError(Problem(str(path), f"cannot read: {err.strerror or err}")) from err
    except UnicodeDecodeError as err:
        raise ArticleError(Problem(str(path), "metadata is not UTF-8")) from err
    except json.JSONDecodeError as err:
        reason = f"broken JSON metadata: {err.msg} at line {err.lineno}"
        raise ArticleError(Problem(str(path), reason)) from err
    if not isinstance(meta, dict):
        raise ArticleError(Problem(str(path), "metadata must be a JSON object"))
    fields: dict[str, str] = {}
    for key in META_KEYS:
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise ArticleError(Problem(str(path), f"metadata {key!r} must be a string or null"))
        if isinstance(value, str) and value.strip():
            fields[key] = value.strip()
    return fields


__all__ = [
    "Problem", "ArticleError", "Inputs", "read_articles", "read_article", "TEXT_SUFFIX", "ARTICLE_SUFFIXES",
    "META_SUFFIX",
]
