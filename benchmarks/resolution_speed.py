"""How many distinct label strings the name resolver reads a second (target: at least 20,000).

    python benchmarks/resolution_speed.py              # 20,000 distinct strings, best of 3
    python benchmarks/resolution_speed.py --strings 50000 --json

The strings are generated strain cells (generate.py: current and old names, abbreviations,
aliases, typos, look-alike letters, trademark signs, unknown organisms) plus every line of the
real-label corpus (Japanese, Chinese, Korean and European labels). Each round empties the
memos of token keys and words (``names.normalise.forget``), builds a new resolver with its lazy
indexes (``Resolver.prepare``; not timed: they are built once per process) and resolves every
string once, so nothing is served from a cache of earlier answers or an earlier round.

The figure is taken as ``strainscore check`` runs the resolver: with the cyclic garbage
collector paused (``cli/check_cmd.py``), and the answers kept. The same rounds with the
collector running are reported beside it (``with_gc_per_second``): a Python caller that keeps
the collector on gets that one.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import LabelGenerator
from real_labels import load_corpus


def distinct_strings(n: int, seed: int = 17) -> list[str]:
    """`n` distinct strain texts: the real-label corpus first, then generated cells."""
    out = dict.fromkeys(ln.text for ln in load_corpus())
    gen = LabelGenerator(seed)
    while len(out) < n:
        out.setdefault(gen.strain_cell(), None)
    return list(out)[:n]


def measure(n: int, rounds: int = 3) -> dict[str, object]:
    from strainscore.models import Resolution
    from strainscore.names import Resolver
    from strainscore.names.normalise import forget
    from strainscore.reference import load_reference

    ref = load_reference()
    texts = distinct_strings(n)
    best = {True: float("inf"), False: float("inf")}  # collector paused / running
    build = float("inf")
    for _ in range(rounds):
        for paused in (True, False):
            forget()
            start = time.process_time()
            resolver = Resolver(ref).prepare()
            build = min(build, time.process_time() - start)
            answers: list[Resolution] = []
            gc.collect()
            if paused:
                gc.disable()
            try:
                start = time.process_time()
                answers = [resolver.resolve(t) for t in texts]
                best[paused] = min(best[paused], time.process_time() - start)
            finally:
                gc.enable()
    # resolve() answers 'could not be read' instead of raising: a bug there would look fast
    unread = sum(1 for a in answers if "this text could not be read" in a.notes)
    if unread:
        raise SystemExit(f"{unread} strings fell to the resolver's safety net: a bug, not a figure")
    return {
        "distinct_strings": len(texts),
        "rounds": rounds,
        "best_seconds": round(best[True], 3),
        "distinct_strings_per_second": round(len(texts) / best[True]),
        "with_gc_per_second": round(len(texts) / best[False]),
        "resolver_build_seconds": round(build, 3),
        "target_per_second": 20_000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strings", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    fig = measure(args.strings, args.rounds)
    if args.json:
        print(json.dumps(fig, indent=2))
    else:
        print(
            f"{fig['distinct_strings']} distinct label strings in {fig['best_seconds']} s "
            f"(best of {fig['rounds']}): {fig['distinct_strings_per_second']:,} a second "
            f"(target 20,000; {fig['with_gc_per_second']:,} with the garbage collector running); "
            f"building the resolver and its indexes {fig['resolver_build_seconds']} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
