"""The robustness case tables, and the counts ``docs/robustness.md`` reports.

Each input case writes one input into a batch folder (or, when ``named``, into a folder of its own
that is passed on the command line) and says what must happen to it: ``reason`` is a fragment of the
one line that names it, ``built`` the article id that must reach the store; neither means nothing
must be said or stored. ``tests/robustness/test_bad_inputs.py`` runs every case.

``ROWS`` maps each row of the table in ``docs/robustness.md`` to its number of cases, computed from
the tables the tests run; ``test_robustness_doc.py`` fails when the doc says another number. A new row
adds its count here, from its own case table.
"""

from __future__ import annotations

import codecs
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests import test_binding, test_queries
from tests.robustness import (
    test_concurrent_build,
    test_extractor_properties,
    test_kill_points,
    test_remote_faults,
)
from tests.sample import TEXT_A, TEXT_B

PAGES = Path(__file__).resolve().parent.parent / "pages"

GOOD = "Russia and China will hold talks, said analyst John Doe."


@dataclass(frozen=True)
class Case:
    """One input: its row in the doc, the file the problem line names, and what must happen."""

    kind: str
    name: str
    make: Callable[[Path], None]
    reason: str | None = None
    built: str | None = None
    named: bool = False
    unless_root: bool = False  # chmod does not stop root: run only as another user

    @property
    def id(self) -> str:
        return f"{self.kind}: {self.name}"


def _bytes(data: bytes, meta: str | bytes | None = None) -> Callable[[Path], None]:
    """Writes ``data`` at the path, and ``meta`` (if any) as its sidecar."""

    def make(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if meta is not None:
            sidecar = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
            sidecar.write_bytes(meta.encode("utf-8") if isinstance(meta, str) else meta)

    return make


def _text(meta: str | bytes | None = None, text: str = GOOD) -> Callable[[Path], None]:
    return _bytes(text.encode("utf-8"), meta)


def _sidecar(meta: str | bytes) -> Callable[[Path], None]:
    """Writes the sidecar at the path (the file the problem names) next to a good article."""

    def make(path: Path) -> None:
        article = path.with_name(path.name.removesuffix(".meta.json") + ".txt")
        _text(meta)(article)

    return make


def _fifo_sidecar(path: Path) -> None:
    _text()(path.with_name(path.name.removesuffix(".meta.json") + ".txt"))
    os.mkfifo(path)


def _link(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)

    return make


def _ping_pong(path: Path) -> None:
    # A loop of two links; the second has no article's extension, so only the first is named.
    path.symlink_to("pong")
    path.with_name("pong").symlink_to(path.name)


def _alias(path: Path) -> None:
    # One file reached by two paths in the walk: read once, under the first path's name.
    _text()(path.with_name("sub") / "target.txt")
    path.symlink_to("sub/target.txt")


def _large(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        line = (GOOD + "\n").encode("utf-8")
        with path.open("wb") as out:
            for _ in range(size // len(line) + 1):
                out.write(line)

    return make


def _elsewhere(path: Path) -> None:
    # A folder outside the batch, reached through a symbolic link inside it: its articles are built.
    real = path.parent.parent / f"elsewhere-{path.parent.name}"
    real.mkdir()
    (real / "linked-article.txt").write_bytes(GOOD.encode("utf-8"))
    path.symlink_to(real, target_is_directory=True)


def _unreadable_file(path: Path) -> None:
    path.write_bytes(GOOD.encode("utf-8"))
    path.chmod(0)


def _unreadable_folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_bytes(GOOD.encode("utf-8"))
    path.chmod(0)


def _not_utf8_name(path: Path) -> None:
    # The name as bytes that are not UTF-8 (Latin-1 "é"), as a scraper on another system may write it.
    (path.parent / os.fsdecode(b"caf\xe9.txt")).write_bytes(GOOD.encode("utf-8"))


def _bom_page(codec: str) -> Callable[[Path], None]:
    # Python's "utf-16" and "utf-32" codecs write the byte-order mark; the page still says charset=utf-8.
    return _bytes((PAGES / "shell-convoy.html").read_text(encoding="utf-8").encode(codec))


def _newline_name(path: Path) -> None:
    # An empty article whose name holds a newline: the line naming it must still be one line.
    (path.parent / "new\nline.txt").write_bytes(b"")


def _page(name: str) -> Callable[[Path], None]:
    return _bytes((PAGES / name).read_bytes())


EMPTY = "Empty and whitespace-only files"
BINARY = "Binary files with an article's extension"
ENCODING = "Text that is not UTF-8"
BOM = "Text with a byte-order mark (UTF-8, UTF-16, UTF-32)"
ODD = "Odd but valid text and file names"
LARGE = "Oversize inputs (20 MB)"
META = "Invalid or partial .meta.json sidecars"
EXTENSION = "Unknown extensions and hidden files"
MISSING = "Missing paths and empty folders"
LINKS = "Symbolic links: loops, broken, to folders"
SPECIAL = "Unreadable files and folders, FIFOs"
DUPLICATE = "Two inputs with the same article id"

_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
_ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 20 + b"word/document.xml"
_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
_GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04"
_GZIP = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(1, 40))
_CP1252 = "\u201cWe never sold drones,\u201d said Jane Roe \u2013 the ministry\u2019s aide.".encode("cp1252")
_LATIN1 = "Le ministère a démenti l'accord signé à Pékin.".encode("latin-1")
MB = 1_000_000

INPUT_CASES: tuple[Case, ...] = (
    Case(EMPTY, "empty.txt", _bytes(b""), "empty"),
    Case(EMPTY, "blank.txt", _bytes(b" \n\t\r\n  \n"), "empty"),
    Case(EMPTY, "unicode-blank.txt", _text(text="\u00a0\u2003\u3000\n\u2028"), "empty"),
    Case(EMPTY, "bom-only.txt", _bytes(codecs.BOM_UTF8 + b"\n"), "empty"),
    Case(EMPTY, "empty-page.html", _bytes(b"  \n"), "empty"),
    Case(BINARY, "report.txt", _bytes(_PDF), "binary file (looks like PDF)"),
    Case(BINARY, "document.txt", _bytes(_ZIP), "binary file (looks like a zip archive"),
    Case(BINARY, "photo.txt", _bytes(_PNG), "binary file (looks like a PNG image"),
    Case(BINARY, "picture.txt", _bytes(_JPEG), "binary file (looks like a JPEG image"),
    Case(BINARY, "anim.txt", _bytes(_GIF), "binary file (looks like a GIF image"),
    Case(BINARY, "archive.txt", _bytes(_GZIP), "binary file (looks like gzip"),
    Case(BINARY, "nul.txt", _bytes(b"Some text\x00\x01\x02\x03 and more."), "binary file (contains NUL"),
    Case(BINARY, "saved.html", _bytes(_PDF), "binary file (looks like PDF)"),
    Case(ENCODING, "cp1252.txt", _bytes(_CP1252), "not UTF-8 text: byte 0x93 at offset 0"),
    Case(ENCODING, "latin1.txt", _bytes(_LATIN1), "not UTF-8 text: byte 0xe8 at offset 9"),
    Case(ENCODING, "utf16-no-bom.txt", _bytes(GOOD.encode("utf-16-le")), "UTF-16 without a byte-order mark"),
    Case(ENCODING, "truncated.txt", _bytes(GOOD.encode("utf-8") + "é".encode()[:1]), "not UTF-8 text"),
    Case(ENCODING, "bad-utf16.txt", _bytes(codecs.BOM_UTF16_LE + "Ok".encode("utf-16-le") + b"\x00\xdc"),
         "not UTF-16 text"),
    Case(BOM, "bom-utf8.txt", _bytes(codecs.BOM_UTF8 + GOOD.encode("utf-8")), built="bom-utf8"),
    Case(BOM, "bom-utf16le.txt", _bytes(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")), built="bom-utf16le"),
    Case(BOM, "bom-utf16be.txt", _bytes(codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be")), built="bom-utf16be"),
    Case(BOM, "bom-utf32le.txt", _bytes(codecs.BOM_UTF32_LE + GOOD.encode("utf-32-le")), built="bom-utf32le"),
    Case(BOM, "bom-utf32be.txt", _bytes(codecs.BOM_UTF32_BE + GOOD.encode("utf-32-be")), built="bom-utf32be"),
    Case(BOM, "bom-utf16-page.html", _bom_page("utf-16"), built="bom-utf16-page"),
    Case(BOM, "bom-utf32-page.html", _bom_page("utf-32"), built="bom-utf32-page"),
    Case(ODD, "crlf.txt", _text(text=TEXT_A.replace(". ", ".\r\n")), built="crlf"),
    Case(ODD, "old-mac.txt", _text(text=TEXT_A.replace(". ", ".\r")), built="old-mac"),
    Case(ODD, "controls.txt", _text(text="A\x01B\x08C\x1b[31m " + GOOD + "\x7f\ufffe"), built="controls"),
    Case(ODD, "with space & 100% #1?.txt", _text(), built="with space & 100% #1?"),
    Case(ODD, "北京-声明.txt", _text(), built="北京-声明"),
    Case(ODD, "caf\\xe9.txt", _not_utf8_name, "file name is not UTF-8"),
    Case(ODD, "new\\nline.txt", _newline_name, "empty article"),
    Case(LARGE, "huge.txt", _large(20 * MB), "too large (20.0 MB > 1.0 MB limit"),
    Case(LARGE, "huge-page.html", _large(21 * MB), "too large (21.0 MB > 20.0 MB limit"),
    Case(META, "broken.meta.json", _sidecar('{"title": "Drones",'), "broken JSON metadata"),
    Case(META, "cut.meta.json", _sidecar('{"title": "Drones", "publisher": "Exa'), "broken JSON metadata"),
    Case(META, "zero.meta.json", _sidecar(""), "broken JSON metadata"),
    Case(META, "list.meta.json", _sidecar("[1, 2]"), "metadata must be a JSON object"),
    Case(META, "string.meta.json", _sidecar('"Drones"'), "metadata must be a JSON object"),
    Case(META, "typed.meta.json", _sidecar('{"title": 3}'), "metadata 'title' must be a string or null"),
    Case(META, "urlobj.meta.json", _sidecar('{"url": {"href": "https://x.example"}}'), "'url' must be a"),
    Case(META, "date.meta.json", _sidecar('{"published": "1 March 2024"}'), "must be YYYY-MM-DD"),
    Case(META, "feb.meta.json", _sidecar('{"published": "2024-02-30"}'), "'published' is not a date"),
    Case(META, "deep.meta.json", _sidecar("[" * 100_000 + "]" * 100_000), "JSON metadata: nested too deeply"),
    Case(META, "digits.meta.json", _sidecar('{"title": ' + "7" * 5000 + "}"), "a number too long"),
    Case(META, "fifo.meta.json", _fifo_sidecar, "metadata is not a regular file"),
    Case(META, "latin.meta.json", _sidecar('{"title": "Pékin"}'.encode("latin-1")), "metadata is not UTF-8"),
    Case(META, "orphan.meta.json", _bytes(b'{"title": "No article"}'), "metadata without an article"),
    Case(META, "partial.txt", _text('{"title": "Only a title"}'), built="partial"),
    Case(META, "extra.txt", _text('{"title": "T", "author": "A", "section": ["x"]}'), built="extra"),
    Case(META, "bom-meta.txt", _text(codecs.BOM_UTF8 + b'{"published": "2024-03-01"}'), built="bom-meta"),
    Case(EXTENSION, "notes.md", _text()),
    Case(EXTENSION, "data.csv", _bytes(b"a,b\n1,2\n")),
    Case(EXTENSION, "scan.pdf", _bytes(_PDF)),
    Case(EXTENSION, "UPPER.TXT", _text(), built="UPPER"),
    Case(EXTENSION, "._notes.txt", _bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")),  # macOS AppleDouble
    Case(EXTENSION, ".git/notes.txt", _text()),
    Case(EXTENSION, "named.md", _text(), "not a .txt, .html or .htm file", named=True),
    Case(EXTENSION, "named.pdf", _bytes(_PDF), "not a .txt, .html or .htm file", named=True),
    Case(EXTENSION, "named.meta.json", _bytes(b"{}"), "a metadata sidecar, not an article", named=True),
    Case(MISSING, "nowhere.txt", lambda path: None, "no such file or folder", named=True),
    Case(MISSING, "no-folder", lambda path: None, "no such file or folder", named=True),
    Case(MISSING, "hollow", lambda path: path.mkdir(), "folder has no .txt, .html or .htm files", named=True),
    Case(LINKS, "self.txt", _link("self.txt"), "symbolic link loop"),
    Case(LINKS, "ping.txt", _ping_pong, "symbolic link loop"),
    Case(LINKS, "dangling.txt", _link("gone.txt"), "broken symbolic link"),
    Case(LINKS, "loop-named.txt", _link("loop-named.txt"), "symbolic link loop", named=True),
    Case(LINKS, "sub/up", _link("..")),
    Case(LINKS, "sub/self-dir", _link("self-dir")),
    Case(LINKS, "to-elsewhere", _elsewhere, built="linked-article"),
    Case(LINKS, "alias.txt", _alias, built="alias"),
    Case(SPECIAL, "locked.txt", _unreadable_file, "cannot read: Permission denied", unless_root=True),
    Case(SPECIAL, "locked-dir", _unreadable_folder, "cannot read folder: Permission", unless_root=True),
    Case(SPECIAL, "kernel.txt", _link("/proc/self/mem"), "cannot read: Input/output error"),
    Case(SPECIAL, "pipe.txt", os.mkfifo, "not a regular file"),
    Case(DUPLICATE, "zz/twin.txt", _text(), "duplicate article id 'twin'"),
    Case(DUPLICATE, "page-and-text.txt", _text(), "duplicate article id 'page-and-text'"),
    Case(DUPLICATE, "twin.txt", _text(), "duplicate article id 'twin'", named=True),
)
"""The bad inputs, and the odd ones that must be built; each runs next to ``GOOD_ARTICLES``."""

GOOD_ARTICLES: dict[str, Callable[[Path], None]] = {
    "a-drones.txt": _text(text=TEXT_A),
    "b-talks.txt": _text(text=TEXT_B),
    "twin.txt": _text(),
    "page-and-text.html": _page("harbour-hack.html"),
}
"""Good articles written into the batch folder: all must be built whatever else is in it. ``twin`` and
``page-and-text`` share their ids with cases, which come later in the walk and are the ones refused."""

EXTRACTOR = "Extractor on any text (hypothesis)"
HOSTILE_VALUES = "Query injection: hand-written hostile parameter values"
ANY_VALUE = "Query injection: any text as a parameter (hypothesis)"
KILLED = "SIGKILL during `kg build` (kill points)"
KILLED_WORKERS = "SIGKILL during `kg build --workers 2` (kill points)"
SECOND_WRITER = "A second writer on the same store"

ROWS: dict[str, int] = {
    **Counter(case.kind for case in INPUT_CASES),
    EXTRACTOR: test_extractor_properties.EXAMPLES,
    HOSTILE_VALUES: len(test_binding.INJECTIONS) + len(test_binding.IRI_BREAKOUTS)
    + len(test_queries.INJECTED_PARAMS),
    ANY_VALUE: test_binding.TEXT_EXAMPLES + test_binding.TAGGED_EXAMPLES,
    KILLED: test_kill_points.KILL_POINTS,
    KILLED_WORKERS: test_kill_points.WORKER_POINTS,
    SECOND_WRITER: sum(name.startswith("test_") for name in vars(test_concurrent_build)),
    **{kind: test_remote_faults.runs(kind) for kind in (
        test_remote_faults.FAILING, test_remote_faults.SLOWED, test_remote_faults.DROPPED,
        test_remote_faults.REFUSING, test_remote_faults.DOWN, test_remote_faults.LEAKS)},
}
"""Row of docs/robustness.md → the number of cases the tests run for it."""
