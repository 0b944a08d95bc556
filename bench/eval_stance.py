"""Stance confusion of the extractor against a gold file: which asserts came out as denials and back.

Pairs gold and predicted statements by article, evidence sentence and speaker (the
matching of the shared ``score.py``, imported from it, with the stance left out), then
prints the 2 x 2 table of gold stance against predicted stance.

Usage: python bench/eval_stance.py SCORE_PY GOLD.jsonl PRED.csv
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path


def _load_score(path: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    score = _load_score(argv[0])
    gold = [g for g in score.load_gold(argv[1]) if g.get("required", True)]
    pred = score.load_pred(argv[2])
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p["source"] in docs]
    used: set[int] = set()
    table: Counter[tuple[str, str]] = Counter()
    for g in gold:
        match = next(
            (j for j, p in enumerate(pred) if j not in used and p["source"] == g["doc"]
             and score.evidence_ok(p["evidence"], g["evidence"]) and score.speaker_ok(p["speaker"], g)),
            None,
        )
        if match is None:
            table[(g["stance"], "missed")] += 1
        else:
            used.add(match)
            table[(g["stance"], pred[match]["stance"])] += 1
    print(f"stance confusion on {Path(argv[1]).name} (required gold; rows gold, columns predicted)")
    print(f"{'':8} {'assert':>7} {'deny':>7} {'missed':>7}")
    for gs in ("assert", "deny"):
        print(f"{gs:8} " + " ".join(f"{table[(gs, ps)]:7d}" for ps in ("assert", "deny", "missed")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
