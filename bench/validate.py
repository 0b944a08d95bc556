"""Full validation of a large store: time and peak memory of each way of doing it.

    .venv/bin/python bench/validate.py                       # seeds x200 and x660 (~340k, ~1.1M triples)
    .venv/bin/python bench/validate.py --copies 660 --repeat 3 --ways store,checks,cli
    .venv/bin/python bench/validate.py --cache /tmp/kgbench  # keep the built stores between runs

The stores replicate the seed articles as ``bench/load.py`` does (copy k of article ID is the
same graph with ID replaced by ID-xK; one shared entities graph), bulk-loaded on disk. Each
way runs in its own process, so its peak RSS (VmHWM) is its own; the best of ``--repeat`` runs
is reported (the machine is shared). The ways:

* ``pyshacl`` — pySHACL over ``store.dataset()`` (what ``kg validate --store`` did before
  ``kg.validate.validate_store``, then with one SPARQL constraint more): the store copied into
  rdflib, then validated;
* ``pyshacl-chunks`` — pySHACL per chunk of 500 article graphs, each with the whole entities
  graph (which the replicated store shares), one process;
* ``store`` — ``kg.validate.validate_store``: the shapes compiled to SPARQL screen the store
  on Oxigraph; pySHACL validates only what the screen flags (nothing, on good data);
* ``checks`` — every ``*-violation`` check query on the store;
* ``cli`` — the command ``kg validate --store DIR --quiet`` (SHACL and checks, from start-up).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pyoxigraph as ox  # noqa: E402
from load import ARTICLE_GRAPH, replicated_nquads, seed_store  # noqa: E402

from kg.rdf import ENTITIES_GRAPH  # noqa: E402
from kg.store import OxigraphStore  # noqa: E402

WAYS = ("pyshacl", "pyshacl-chunks", "store", "checks", "cli")
CHUNK = 500  # article graphs per pySHACL run in pyshacl-chunks


def replicate(source: OxigraphStore, copies: int, path: Path) -> None:
    """Write ``copies`` copies of the source's articles, with its entities graph, to a store at ``path``."""
    store = ox.Store(str(path))
    store.bulk_load(replicated_nquads(source, copies), ox.RdfFormat.N_QUADS)
    store.flush()
    del store


def run_way(way: str, path: Path) -> None:
    """Run one way on the store at ``path`` and print ``seconds peak-RSS-MB conforms``."""
    from kg.queries import checks

    started = time.perf_counter()
    if way == "cli":
        kg = str(ROOT / ".venv" / "bin" / "kg")
        code = subprocess.run([kg, "validate", "--store", str(path), "--quiet"], check=False).returncode
        # kg was forked from this small process: its peak is the largest of the children's.
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{time.perf_counter() - started:.3f} {rss:.0f} {code == 0}")
        return
    from kg.validate import validate

    started = time.perf_counter()
    with OxigraphStore(path, read_only=True) as store:
        if way == "pyshacl":
            ok = validate(store.dataset()).conforms
        elif way == "pyshacl-chunks":
            ok = _chunked(store, validate)
        elif way == "store":
            from kg.validate import validate_store

            ok = validate_store(store).conforms
        elif way == "checks":
            ok = not checks(store)
        else:
            raise SystemExit(f"unknown way {way!r}")
    print(f"{time.perf_counter() - started:.3f} {_peak_mb():.0f} {ok}")


def _peak_mb() -> float:
    """This process's peak RSS since exec (VmHWM). Not ru_maxrss: on Linux that keeps the peak of the
    parent it was forked from, which is large when the parent has just built the store."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _chunked(store: OxigraphStore, validate: object) -> bool:
    from rdflib import Dataset

    entities = store.graph_ntriples(str(ENTITIES_GRAPH))
    names = [n for n in store.graph_names() if n.startswith(ARTICLE_GRAPH)]
    ok = True
    for i in range(0, len(names), CHUNK):
        data = entities + b"".join(store.graph_ntriples(n) for n in names[i:i + CHUNK])
        ds = Dataset()
        ds.parse(data=data.decode("utf-8"), format="nt")
        ok = validate(ds).conforms and ok  # type: ignore[operator]
    return ok


def measure(way: str, path: Path) -> tuple[float, float, bool]:
    """(seconds, peak RSS in MB, conforms) of one run in a child process."""
    done = subprocess.run([sys.executable, __file__, "--run", way, "--store", str(path)],
                          stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{way} on {path} failed (exit {done.returncode})")
    seconds, rss, ok = done.stdout.split()
    return float(seconds), float(rss), ok == "True"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", default="200,660", help="comma-separated copy counts (default: 200,660)")
    parser.add_argument("--ways", default=",".join(WAYS), help=f"comma-separated, of {', '.join(WAYS)}")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best reported)")
    parser.add_argument("--cache", type=Path, help="folder keeping the built stores between runs")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_way(args.run, args.store)
        return
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        if not (cache / "seeds").is_dir():
            seed_store(cache / "seeds").close()
        rows = []
        for copies in (int(c) for c in args.copies.split(",")):
            path = cache / f"x{copies}"
            if not path.is_dir():
                with OxigraphStore(cache / "seeds", read_only=True) as seeds:
                    replicate(seeds, copies, path)
            with OxigraphStore(path, read_only=True) as store:
                triples = len(store)
            for way in args.ways.split(","):
                runs = [measure(way, path) for _ in range(args.repeat)]
                seconds = min(r[0] for r in runs)
                rss = min(r[1] for r in runs)
                rows.append((f"seeds x{copies}", triples, way, seconds, rss, runs[0][2]))
                print(f"seeds x{copies} {triples:,} {way}: {seconds:.2f} s, {rss:,.0f} MB", file=sys.stderr)
    print("| graph | triples | way | best s | peak RSS MB | conforms |\n|---|---|---|---|---|---|")
    for label, triples, way, seconds, rss, ok in rows:
        print(f"| {label} | {triples:,} | {way} | {seconds:.2f} | {rss:,.0f} | {'yes' if ok else 'no'} |")


if __name__ == "__main__":
    main()
