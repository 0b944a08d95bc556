"""One writer per store, any number of readers: two real processes on one store directory.

A second ``kg build`` while another process writes the store is refused at once (exit 1, one
line naming the holder's pid), and changes nothing; ``kg query`` and ``kg validate --store``
answer meanwhile, each from the store as before or as after the running build. The lock dies
with its holder: after a SIGKILL the next build takes it.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store.lock import LOCK_NAME

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
KG = [sys.executable, "-m", "kg.cli"]
SECOND = "Washington accused Iran of shipping drones to Russia, officials said."

# A library user holding the store open for writing, as `kg build` does, until its stdin closes.
HOLDER = """
import sys
from kg.store import OxigraphStore
with OxigraphStore(sys.argv[1]):
    print("holding", flush=True)
    sys.stdin.read()
"""


def _kg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=timeout)


def _article(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A store holding one small article."""
    _article(tmp_path / "first", "a", "Beijing denied that it supplies drones to Russia, the ministry said.")
    store = tmp_path / "store"
    done = _kg("build", str(tmp_path / "first"), "--store", str(store), "--quiet")
    assert done.returncode == 0, done.stderr
    return store


def _holder(store: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(store)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "holding\n", process.stderr
    return process


def test_a_second_writer_is_refused_at_once_and_readers_keep_working(built: Path, tmp_path: Path) -> None:
    rows = _kg("query", "statements", "--store", str(built), "-f", "csv")
    assert rows.returncode == 0 and rows.stdout.count("\n") > 1, rows.stderr
    _article(tmp_path / "second", "b", SECOND)
    holder = _holder(built)
    try:
        started = time.monotonic()
        refused = _kg("build", str(tmp_path / "second"), "--store", str(built))
        took = time.monotonic() - started
        assert refused.returncode == 1
        assert refused.stderr == (f"kg build: error: store {built} is being written by another kg process "
                                  f"(pid {holder.pid}); try again when it finishes\n")
        assert took < 10, f"refused only after {took:.1f} s"
        # Readers take no lock: they answer while the writer holds the store.
        during = _kg("query", "statements", "--store", str(built), "-f", "csv")
        assert during.returncode == 0 and during.stdout == rows.stdout, during.stderr
        checked = _kg("validate", "--store", str(built), "--quiet")
        assert checked.returncode == 0, checked.stdout + checked.stderr
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert _kg("query", "statements", "--store", str(built), "-f", "csv").stdout == rows.stdout  # unchanged
    after = _kg("build", str(tmp_path / "second"), "--store", str(built), "--quiet")
    assert after.returncode == 0, after.stderr


def test_a_killed_writer_leaves_no_stale_lock(built: Path, tmp_path: Path) -> None:
    holder = _holder(built)
    assert (built / LOCK_NAME).read_text().strip() == str(holder.pid)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    _article(tmp_path / "second", "b", SECOND)
    done = _kg("build", str(tmp_path / "second"), "--store", str(built), "--quiet")
    assert done.returncode == 0, done.stderr


def test_readers_answer_during_a_real_build(built: Path, tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        for copy in range(2):  # ten articles: long enough for several readers to run beside it
            shutil.copy(path, big / f"{path.stem}-{copy}.txt")
    before = _kg("query", "statements", "--store", str(built), "-f", "csv").stdout
    build = subprocess.Popen([*KG, "build", str(big), "--store", str(built), "--quiet"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answers: list[str] = []
    refusals: list[subprocess.CompletedProcess[str]] = []
    try:
        while (built / LOCK_NAME).read_text().strip() != str(build.pid) and build.poll() is None:
            time.sleep(0.01)
        while build.poll() is None:
            query = _kg("query", "statements", "--store", str(built), "-f", "csv")
            assert query.returncode == 0, query.stderr
            checked = _kg("validate", "--store", str(built), "--quiet")
            assert checked.returncode == 0, checked.stdout + checked.stderr
            if build.poll() is None:
                answers.append(query.stdout)
                if not refusals:
                    refusals.append(_kg("build", str(big), "--store", str(built), "--quiet"))
    finally:
        _, err = build.communicate(timeout=300)
    assert build.returncode == 0, err
    after = _kg("query", "statements", "--store", str(built), "-f", "csv").stdout
    assert after != before
    assert len(answers) >= 2, f"only {len(answers)} queries ran during the build: make it longer"
    assert all(answer in (before, after) for answer in answers)
    assert refusals and refusals[0].returncode == 1 and f"(pid {build.pid})" in refusals[0].stderr, refusals
