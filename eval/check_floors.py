#!/usr/bin/env python3
"""Fail (exit 1) when an eval figure falls below its floor in .ci/eval_floors.json.

    python3 eval/check_floors.py                     # run every gold set of the floors file
    python3 eval/check_floors.py --report r.json     # check a saved ``filmqa eval --json`` report
                                                     # against the floors of the set named by --set

Each set of the floors file names a gold file and a corpus (relative to the
repository) and floors for figures of the filmqa column of the table:
accuracy, exact_match, citation_support, abstention_precision,
abstention_recall, conflict_recall, film_routing, recall_at_1, recall_at_5 (as
fractions) and f1. The floors sit just under the current figures: raise them
when the figures improve, never lower them to make a red build green.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FLOORS = ROOT / ".ci" / "eval_floors.json"

try:
    from filmqa.evaluation.harness import EvalReport, Summary, run_eval
except ModuleNotFoundError:  # a checkout that is not installed
    sys.path.insert(0, str(ROOT))
    from filmqa.evaluation.harness import EvalReport, Summary, run_eval


def figure(summary: Summary, name: str) -> float | None:
    value = getattr(summary, name, None)
    if value is None and name not in Summary.model_fields:
        raise SystemExit(f"check_floors: unknown figure {name!r}")
    return getattr(value, "value", value)


def check(name: str, report: EvalReport, floors: dict[str, float]) -> list[str]:
    """The figures below their floors, one line each."""
    failures = []
    for metric, floor in floors.items():
        value = figure(report.system, metric)
        shown = "n/a" if value is None else f"{value:.3f}"
        ok = value is not None and value + 1e-9 >= floor
        print(f"{name}: {metric} {shown} (floor {floor:.3f}) {'ok' if ok else 'BELOW FLOOR'}")
        if not ok:
            failures.append(f"{name}: {metric} is {shown}, below the floor {floor:.3f}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floors", type=Path, default=DEFAULT_FLOORS)
    parser.add_argument("--report", type=Path, help="a saved --json report instead of a fresh run")
    parser.add_argument("--set", dest="only", help="only this set of the floors file")
    parser.add_argument("--quiet", action="store_true", help="do not print the tables")
    args = parser.parse_args(argv)

    sets = json.loads(args.floors.read_text(encoding="utf-8"))["sets"]
    if args.only:
        sets = [s for s in sets if s["name"] == args.only]
        if not sets:
            raise SystemExit(f"check_floors: no set {args.only!r} in {args.floors}")
    if args.report and len(sets) != 1:
        raise SystemExit("check_floors: --report needs --set NAME")

    failures: list[str] = []
    for spec in sets:
        if args.report:
            report = EvalReport.model_validate_json(args.report.read_text(encoding="utf-8"))
        else:
            out = io.StringIO() if args.quiet else sys.stdout
            if not args.quiet:
                print(f"== {spec['name']}")
            report = run_eval(ROOT / spec["gold"], ROOT / spec["corpus"], stream=out, progress=False)
        failures += check(spec["name"], report, spec["floors"])
    for line in failures:
        print(f"FAIL {line}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
