"""Reading input articles: ``.txt`` files and saved ``.html``/``.htm`` pages, or folders of them,
with optional metadata sidecars.

An article's id is its file name without the extension (matched case-insensitively). The text of a
``.txt`` article is the file's text (UTF-8, line endings kept; a byte-order mark, which identifies
UTF-8, UTF-16 or UTF-32, is dropped); that of a page is the article text extracted from it
(``kg.pages``). Evidence offsets index that text, which the graph keeps as the article's
``schema:text``. ``NAME.meta.json`` next to the file may give ``title``, ``publisher``,
``published`` (YYYY-MM-DD) and ``url``, each a string or null (other keys are ignored); for a page,
the sidecar's values win over the page's own tags. Folders are walked recursively, following links
to folders (each folder once) and leaving out hidden entries. Bad input never raises: each bad file
becomes a ``Problem`` naming the file and the reason, so a build can report it and carry on with the
rest. See docs/robustness.md for what was tried.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import json
import os
import re
import stat
import unicodedata
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

MAX_BYTES = 1_000_000
"""The largest article text, in bytes (``kg build --max-size``). spaCy parses about 4,000 words a second
on one core, so 1 MB (some 170,000 words) takes some 45 seconds, and spaCy refuses texts of
over 1,000,000 characters by default; a news article is a few kilobytes."""
PAGE_FACTOR = 20
"""A saved page may be this many times ``MAX_BYTES``: most of a page is markup, scripts and styles."""

# Files that are not text, by their first bytes (what `file` would say), so a PDF saved as .txt
# is named for what it is rather than as undecodable text.
_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "a zip archive: .zip, .docx, .xlsx or .epub"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "a program (ELF)"),
)
# A byte-order mark names its encoding unambiguously. Longest first: the UTF-32-LE mark begins
# with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


@dataclass(frozen=True)
class Problem:
    """An input that could not be read as an article: the file and why."""

    path: str
    reason: str

    def __post_init__(self) -> None:
        # Shown on one printable line whatever the file is called: a name that is not UTF-8 reaches
        # Python as lone surrogates, which no terminal or log can print (shown as \xNN), and a newline
        # in a name would split the line (shown as \n).
        for field in ("path", "reason"):
            object.__setattr__(self, field, _printable(getattr(self, field)))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _printable(text: str) -> str:
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(
        c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
        for c in text
    )


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


def read_articles(paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES, stop: bool = False) -> Inputs:
    """Read every ``.txt`` and ``.html``/``.htm`` file in ``paths``, and those under its folders
    (recursively, sorted). ``max_bytes`` is the largest article text; with ``stop``, reading ends at
    the first problem (which is then the only one)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    listed = _text_files(paths, problems)
    if stop and problems:
        return Inputs((), tuple(problems[:1]))
    # The same file reached twice (a folder and a file in it, a link) is read once.
    files = {p.resolve(): p for p in reversed(listed)}
    for path in reversed(files.values()):
        try:
            article = read_article(path, max_bytes=max_bytes)
        except ArticleError as err:
            problems.append(err.problem)
        else:
            if article.id in seen:
                reason = f"duplicate article id {article.id!r} (also {seen[article.id]})"
                problems.append(Problem(str(path), reason))
            else:
                seen[article.id] = path
                articles.append(article)
        if stop and problems:
            break
    return Inputs(tuple(articles), tuple(problems))


def _is_article(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES


def _text_files(paths: Iterable[str | Path], problems: list[Problem]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _walk(path, problems)
            if not found and not any(Path(p.path).is_relative_to(path) for p in problems):
                problems.append(Problem(str(path), f"folder has no {_KINDS} files"))
            files.extend(found)
        elif path.is_file():
            if path.name.endswith(META_SUFFIX):
                article = path.name.removesuffix(META_SUFFIX)
                reason = f"a metadata sidecar, not an article (pass {article}.txt: it reads its sidecar)"
                problems.append(Problem(str(path), reason))
            elif not _is_article(path):
                problems.append(Problem(str(path), f"not a {_KINDS} file"))
            else:
                files.append(path)
        elif path.is_symlink():
            problems.append(Problem(str(path), _not_regular(path) or "not a regular file or folder"))
        elif path.exists():
            problems.append(Problem(str(path), "not a regular file or folder"))
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return files


def _walk(folder: Path, problems: list[Problem]) -> list[Path]:
    """The article files under ``folder``, sorted; bad entries that look like articles become problems.

    Links to folders are followed, each folder once (by device and inode), so a link to an ancestor
    or to itself neither hangs nor reads anything twice. Hidden entries (``.git``, ``.kg``) are left
    out. Other files are ignored, except a sidecar with no article next to it: its article is missing.
    """
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def unreadable(err: OSError) -> None:
        problems.append(Problem(str(err.filename), f"cannot read folder: {err.strerror or err}"))

    for top, dirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(top)
        except OSError as err:
            unreadable(err)
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in visited:
            dirs[:] = []
            continue
        visited.add((info.st_dev, info.st_ino))
        # Sorted, so the problems (and the first, which --strict stops at) come in the same order each run.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names = sorted(n for n in names if not n.startswith("."))
        articles = [Path(top, n) for n in names if _is_article(Path(n))]
        for path in articles:
            reason = _not_regular(path)
            if reason:
                problems.append(Problem(str(path), reason))
            else:
                found.append(path)
        stems = {path.stem for path in articles}
        for name in names:
            stem = name.removesuffix(META_SUFFIX)
            if name.endswith(META_SUFFIX) and stem not in stems:
                reason = f"metadata without an article (no {stem}.txt, .html or .htm next to it)"
                problems.append(Problem(str(Path(top, name)), reason))
    return sorted(found)


def _not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, or ``None`` if it is a regular file (through any link)."""
    try:
        info = path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if err.errno == errno.ENOENT and path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"
        return f"cannot read: {err.strerror or err}"
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or a device would block or never end when read.
        return "not a regular file (a pipe, socket or device)"
    return None


def read_article(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """One article and its sidecar metadata; raises ``ArticleError`` for a bad file. ``max_bytes`` is
    the largest article text (a saved page may be ``PAGE_FACTOR`` times that)."""
    path = Path(path)
    try:
        path.stem.encode("utf-8")
    except UnicodeEncodeError as err:
        reason = "file name is not UTF-8 (rename it: the article id is the file name)"
        raise ArticleError(Problem(str(path), reason)) from err
    page = path.suffix.lower() in HTML_SUFFIXES
    data = _read_bytes(path, max_bytes * PAGE_FACTOR if page else max_bytes)
    if page:
        return _read_page(path, data, max_bytes)
    text = _decode(path, data)
    meta = _read_meta(path.with_name(path.stem + META_SUFFIX))
    published = meta.pop("published", None)
    return Article(
        path.stem, text, title=meta.get("title"), publisher=meta.get("publisher"), url=meta.get("url"),
        published=_date(published, path) if published else None,
    )


def _read_page(path: Path, data: bytes, max_bytes: int) -> Article:
    if any(data.startswith(bom) for bom, codec, _ in _BOMS if codec != "utf-8"):
        # The mark says how the page is encoded (its NUL bytes would look binary); handed over as UTF-8,
        # which trafilatura reads as such whatever the page declares.
        data = _decode(path, data).encode("utf-8")
    try:
        page = read_page(data)
    except PageError as err:
        raise ArticleError(Problem(str(path), str(err))) from err
    size = len(page.text.encode("utf-8"))
    if size > max_bytes:
        raise ArticleError(Problem(str(path), f"article text too large ({_megabytes(size, max_bytes)})"))
    meta = _read_meta(path.with_name(path.stem + META_SUFFIX))
    published = meta.pop("published", None)
    return Article(
        path.stem, page.text, title=meta.get("title", page.title),
        publisher=meta.get("publisher", page.publisher), url=meta.get("url", page.url),
        published=_date(published, path) if published else page.published,
    )


def _megabytes(size: int, limit: int) -> str:
    return f"{size / 1e6:.1f} MB > {limit / 1e6:.1f} MB limit; --max-size MB raises it"


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refused past ``limit`` (checked before reading, and while reading, since some
    files report no size); a binary file is named by its first bytes."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(Problem(str(path), f"too large ({_megabytes(size, limit)})"))
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except OSError as err:
        raise ArticleError(Problem(str(path), f"cannot read: {err.strerror or err}")) from err
    if len(data) > limit:
        raise ArticleError(Problem(str(path), f"too large (more than {_megabytes(limit, limit)})"))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ArticleError(Problem(str(path), f"binary file (looks like {kind})"))
    return data


def _decode(path: Path, data: bytes) -> str:
    """The text of the bytes: UTF-8, or what a byte-order mark names; never a guess."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as err:
                reason = f"not {name} text, though it starts with a {name} byte-order mark: " \
                    f"bad bytes at offset {len(bom) + err.start}"
                raise ArticleError(Problem(str(path), reason)) from err
            break
    else:
        if b"\x00" in data:
            raise ArticleError(Problem(str(path), _nul_reason(data)))
        try:
            # Decoded from bytes, not opened in text mode: "\r\n" stays, so offsets match the file.
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            reason = (f"not UTF-8 text: byte 0x{data[err.start]:02x} at offset {err.start} (line {line}); "
                      "re-encode it as UTF-8 (for example iconv -f cp1252 -t utf-8)")
            raise ArticleError(Problem(str(path), reason)) from err
    if not text.strip():
        raise ArticleError(Problem(str(path), "empty article (no text)"))
    return text


def _nul_reason(data: bytes) -> str:
    head = data[:4096]
    # Text in UTF-16 has a NUL in every other byte (for the Latin script); named, not decoded.
    if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4):
        return "binary file (contains NUL bytes; looks like UTF-16 without a byte-order mark: re-encode it " \
            "as UTF-8, or add the mark)"
    return "binary file (contains NUL bytes)"


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
    if not path.is_file():  # a FIFO would block the read
        raise ArticleError(Problem(str(path), "metadata is not a regular file"))
    try:
        # A byte-order mark is what some Windows tools write at the start of UTF-8; it is not JSON.
        meta = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise ArticleError(Problem(str(path), f"cannot read: {err.strerror or err}")) from err
    except UnicodeDecodeError as err:
        raise ArticleError(Problem(str(path), "metadata is not UTF-8")) from err
    except json.JSONDecodeError as err:
        reason = f"broken JSON metadata: {err.msg} (line {err.lineno}, column {err.colno})"
        raise ArticleError(Problem(str(path), reason)) from err
    except (ValueError, RecursionError) as err:
        # An integer of over 4,300 digits (Python's limit) or nesting past the recursion limit.
        what = "nested too deeply" if isinstance(err, RecursionError) else "a number too long to read"
        reason = f"broken JSON metadata: {what}"
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
    "META_SUFFIX", "MAX_BYTES", "PAGE_FACTOR",
]
