"""A real ``kg build`` SIGKILLed at many moments leaves the store as before or as after, never between.

The store starts with an earlier build of two articles; the new build changes one of them,
keeps one and adds one, and writes ``--out``. A reference build from the same start gives the
"after" state (so the comparison tolerates whatever the build writes, incremental or not). Each
kill point then copies the start, runs the command as a subprocess and kills it with SIGKILL at
its moment: spread over the measured duration of the uninterrupted build (start-up, model loading,
extraction, the store update, the dump), a few more around the measured store update, and some
fired by what the test sees on disk (the WAL growing, the ``.partial`` dump appearing, the dump in
place). After each kill: the store opens, every named graph in it is that graph before or after,
and the whole store is the before or the after state; the ``--out`` file is the earlier one or
the complete new one; no worker process outlives the build; the writer lock is free, and a
following build succeeds and gives the after state. A second, shorter run does the same to
``kg build --workers 2`` on enough short articles for it to start worker processes.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import MIN_PARALLEL, build
from kg.extract import Extractor
from kg.store import OxigraphStore
from tests.sample import TEXT_A, TEXT_B

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OLD = ("000_15ec93ba8a735a3f", "001_85a9fd531b4ec4cf")
CHANGED = "001_85a9fd531b4ec4cf"
ADDED = "003_8bb35da6542e7edb"

UNIFORM = 16
"""Kill points spread evenly over the duration of the uninterrupted build."""
AROUND_UPDATE = (-0.06, -0.02, 0.0, 0.004, 0.02)
"""Kill points at these offsets (seconds) from the store update measured in the reference build."""
EVENTS = ("wal", "wal", "partial", "partial", "out")
"""Kill points fired when the test sees, on disk, the update being written, the dump started, the dump
in place."""
KILL_POINTS = UNIFORM + len(AROUND_UPDATE) + len(EVENTS)
WORKER_POINTS = 4
"""Extra kill points for ``kg build --workers 2``, on enough articles for it to start the workers."""
WORKERS = ("--workers", "2")
MIN_LANDED = 20
RETRIES = 2

Quads = dict[str, frozenset[str]]  # graph IRI → its quads as N-Quads lines


@dataclass(frozen=True)
class Timeline:
    """Moments of the uninterrupted build, in seconds from its start."""

    update: float
    dump: float
    end: float
    workers: bool  # whether the build started child processes


@dataclass(frozen=True)
class World:
    """The inputs, the start state (store, out file) and the after state of the reference build."""

    root: Path
    inputs: Path
    start_store: Path
    start_out: bytes
    before: Quads
    after: Quads
    after_out: frozenset[str]
    timeline: Timeline


def _quads(store_dir: Path) -> Quads:
    graphs: dict[str, set[str]] = {}
    for quad in ox.Store.read_only(str(store_dir)):
        graphs.setdefault(str(quad.graph_name), set()).add(str(quad))
    return {name: frozenset(quads) for name, quads in graphs.items()}


def _file_quads(path: Path) -> frozenset[str]:
    return frozenset(str(q) for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG))


def _command(inputs: Path, store: Path, out: Path, extra: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "build", str(inputs), "--store", str(store), "--out", str(out),
            "--quiet", *extra]


def _wal_bytes(store: Path) -> int:
    """Bytes in RocksDB's write-ahead logs (``NNNNNN.log``): they grow when an update commits."""
    total = 0
    for entry in os.scandir(store):
        if entry.name.endswith(".log"):
            try:
                total += entry.stat().st_size
            except FileNotFoundError:  # RocksDB deleted it meanwhile
                pass
    return total


def _out_id(out: Path) -> tuple[int, int] | None:
    try:
        info = out.stat()
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_mtime_ns


def _watch(process: subprocess.Popen[bytes], store: Path, out: Path, started: float,
           stop: Callable[[str], bool]) -> dict[str, float]:
    """Poll the disk while ``process`` runs; the moment each event is first seen; stop when ``stop`` says."""
    seen: dict[str, float] = {}
    wal0, out0 = None, _out_id(out)
    partial = out.with_name(out.name + ".partial")
    while process.poll() is None:
        now = time.monotonic() - started
        wal = _wal_bytes(store)
        # The open folds old logs into tables and starts an empty log: the update is the next growth.
        if wal == 0 and wal0 is None:
            wal0 = 0
        if wal0 is not None and wal > wal0 and "wal" not in seen:
            seen["wal"] = now
        if partial.exists() and "partial" not in seen:
            seen["partial"] = now
        if _out_id(out) != out0 and "out" not in seen:
            seen["out"] = now
        if "children" not in seen and _children(process.pid):
            seen["children"] = now
        if any(stop(event) for event in seen):
            break
        time.sleep(0.0005)
    return seen


def _children(pid: int) -> bool:
    """Whether ``pid`` has child processes now (Linux /proc)."""
    try:
        return bool(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except OSError:
        return False


def _seeds(root: Path) -> tuple[Path, Path]:
    """Seed articles: the earlier build has two; the new one changes one of them, keeps one, adds one."""
    old, new = root / "old", root / "new"
    old.mkdir()
    new.mkdir()
    for name in OLD:
        for ext in (".txt", ".meta.json"):
            shutil.copy(SEEDS / f"{name}{ext}", old / f"{name}{ext}")
    for name in (*OLD, ADDED):
        for ext in (".txt", ".meta.json"):
            shutil.copy(SEEDS / f"{name}{ext}", new / f"{name}{ext}")
    # The changed article loses its last ten lines: its graph must be replaced, not merged.
    lines = (SEEDS / f"{CHANGED}.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    (new / f"{CHANGED}.txt").write_text("".join(lines[:-10]), encoding="utf-8")
    return old, new


def _many(root: Path) -> tuple[Path, Path]:
    """Enough short articles for ``--workers`` to start processes: four built earlier, one of them changed."""
    old, new = root / "old", root / "new"
    old.mkdir()
    new.mkdir()
    for i in range(MIN_PARALLEL + 4):
        text = TEXT_A if i % 2 else TEXT_B
        (new / f"w{i:02d}.txt").write_text(text, encoding="utf-8")
        if i < 4:
            (old / f"w{i:02d}.txt").write_text(TEXT_B if i == 1 else text, encoding="utf-8")
    return old, new


def _world(root: Path, old: Path, new: Path, extra: tuple[str, ...] = ()) -> World:
    """Build ``old`` into the start store, then ``new`` over a copy of it, uninterrupted and timed."""
    start = root / "start"
    done = subprocess.run(_command(old, start / "store", start / "out.trig"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ref = root / "reference"
    shutil.copytree(start, ref)
    started = time.monotonic()
    process = subprocess.Popen(_command(new, ref / "store", ref / "out.trig", extra), stderr=subprocess.PIPE)
    seen = _watch(process, ref / "store", ref / "out.trig", started, lambda event: False)
    _, err = process.communicate()
    end = time.monotonic() - started
    assert process.returncode == 0, err.decode()
    assert {"wal", "partial", "out"} <= set(seen), f"the test did not see the build write: {seen}"
    before, after = _quads(start / "store"), _quads(ref / "store")
    changed = {g for g in before.keys() & after.keys() if before[g] != after[g]}
    assert changed and after.keys() - before.keys(), "the build must change a graph and add one"
    timeline = Timeline(seen["wal"], seen["partial"], end, "children" in seen)
    return World(root, new, start / "store", (start / "out.trig").read_bytes(), before, after,
                 _file_quads(ref / "out.trig"), timeline)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("kill")
    return _world(root, *_seeds(root))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@dataclass(frozen=True)
class Point:
    """One kill: at ``at`` seconds after start, or when ``event`` is seen on disk."""

    name: str
    at: float | None = None
    event: str | None = None

    def scaled(self, factor: float) -> Point:
        """The same moment of a build that runs ``factor`` times as long as the reference did."""
        return self if self.at is None else dataclasses.replace(self, at=self.at * factor)


def _points(timeline: Timeline, uniform: int, around: tuple[float, ...], events: tuple[str, ...]
            ) -> list[Point]:
    points = [Point(f"t={timeline.end * (i + 0.5) / uniform:.2f}s", at=timeline.end * (i + 0.5) / uniform)
              for i in range(uniform)]
    points += [Point(f"update{d:+.3f}s", at=max(0.0, timeline.update + d)) for d in around]
    points += [Point(f"on {event}", event=event) for event in events]
    return points


@dataclass(frozen=True)
class Outcome:
    point: str
    landed: bool
    store: str  # "before" or "after"
    out: str  # "earlier" or "new"
    seconds: float  # from the start to the kill, or to the end of a build that ended first


def _kill_once(world: World, point: Point, work: Path, extractor: Extractor, extra: tuple[str, ...]
               ) -> Outcome:
    shutil.copytree(world.start_store.parent, work)
    store, out = work / "store", work / "out.trig"
    started = time.monotonic()
    process = subprocess.Popen(_command(world.inputs, store, out, extra), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        if point.event is not None:
            _watch(process, store, out, started, lambda event: event == point.event)
        else:
            assert point.at is not None
            while process.poll() is None and time.monotonic() - started < point.at:
                time.sleep(0.001)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)  # the build only: its workers must notice and go
    finally:
        code = process.wait()
        seconds = time.monotonic() - started
        orphans = _survivors(process.pid)
    landed = code == -signal.SIGKILL
    assert not orphans, f"{point.name}: worker processes outlived the killed build"

    state = _quads(store)
    for graph, quads in state.items():
        assert quads in (world.before.get(graph), world.after.get(graph)), \
            f"{point.name}: graph {graph} is neither as before nor as after the build"
    assert state in (world.before, world.after), f"{point.name}: the store mixes the before and after builds"
    assert out.exists(), f"{point.name}: the earlier --out file is gone"
    out_state = "earlier" if out.read_bytes() == world.start_out else "new"
    if out_state == "new":
        assert _file_quads(out) == world.after_out, f"{point.name}: --out is not the complete new dump"
        assert state == world.after, f"{point.name}: the new dump is there but the store is not updated"

    # The lock died with the process: a build now takes it and ends with the after state.
    with OxigraphStore(store) as writer:
        summary = build([world.inputs], writer, extractor=extractor, out=out)
    assert summary.ok, f"{point.name}: the build after the kill failed: {summary.text()}"
    assert _quads(store) == world.after and _file_quads(out) == world.after_out
    return Outcome(point.name, landed, "before" if state == world.before else "after", out_state, seconds)


def _alive_in(group: int) -> list[int]:
    """The live (not zombie) processes of the process group ``group`` (Linux /proc)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # it ended while we looked
        if fields[0] != "Z" and int(fields[2]) == group:
            alive.append(int(stat.parent.name))
    return alive


def _survivors(group: int, grace: float = 20.0) -> list[int]:
    """Processes of the build's group still alive ``grace`` seconds on (they are then killed)."""
    deadline = time.monotonic() + grace
    while (alive := _alive_in(group)) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    return alive


def _run(world: World, points: list[Point], name: str, extractor: Extractor,
         extra: tuple[str, ...] = ()) -> Iterator[Outcome]:
    """Each point's outcome. The machine is shared, so a build may run faster than the reference did: a
    timed point whose build ended first is tried again (twice at most) at the same fraction of the
    duration that build took."""
    factor = 1.0
    for i, point in enumerate(points):
        for attempt in range(RETRIES + 1):
            outcome = _kill_once(world, point.scaled(factor), world.root / f"{name}-{i}-{attempt}", extractor,
                                 extra)
            if outcome.landed or point.at is None:
                break
            factor = outcome.seconds / world.timeline.end
        yield outcome


def test_a_killed_build_leaves_whole_articles(world: World, extractor: Extractor) -> None:
    points = _points(world.timeline, UNIFORM, AROUND_UPDATE, EVENTS)
    assert len(points) == KILL_POINTS
    outcomes = list(_run(world, points, "kill", extractor))
    landed = [o for o in outcomes if o.landed]
    summary = ", ".join(f"{o.point}: {o.store}/{o.out}{'' if o.landed else ' (ended first)'}"
                        for o in outcomes)
    print(f"{len(landed)} of {len(outcomes)} kills landed; build {world.timeline}; {summary}")
    assert len(landed) >= MIN_LANDED, f"only {len(landed)} kills landed before the build ended: {summary}"
    # The kills must have caught the build on both sides of its store update.
    assert {o.store for o in landed} == {"before", "after"}, summary


def test_a_killed_build_with_workers_leaves_whole_articles(tmp_path_factory: pytest.TempPathFactory,
                                                           extractor: Extractor) -> None:
    root = tmp_path_factory.mktemp("workers")
    world = _world(root, *_many(root), WORKERS)
    assert world.timeline.workers, "the build started no worker processes: the test would prove nothing"
    points = _points(world.timeline, WORKER_POINTS, (), ())
    outcomes = list(_run(world, points, "workers", extractor, WORKERS))
    summary = ", ".join(f"{o.point}: {o.store}/{o.out}{'' if o.landed else ' (ended first)'}"
                        for o in outcomes)
    landed = sum(o.landed for o in outcomes)
    print(f"--workers 2: {landed} of {len(outcomes)} kills landed; {world.timeline}; {summary}")
    assert landed >= WORKER_POINTS - 1, summary
