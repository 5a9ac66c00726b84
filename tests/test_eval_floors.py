"""eval/check_floors.py: a figure under its floor fails the build."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from filmqa.evaluation.harness import EvalReport, Rate, Summary

ROOT = Path(__file__).resolve().parent.parent


def load_script():
    spec = importlib.util.spec_from_file_location("check_floors", ROOT / "eval" / "check_floors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def summary(acc: tuple[int, int], recall: tuple[int, int]) -> Summary:
    empty = Rate()
    return Summary(
        accuracy=Rate(hits=acc[0], total=acc[1]), exact_match=empty, f1=0.4, citation_support=empty,
        abstention_precision=Rate(hits=3, total=3), abstention_recall=Rate(hits=recall[0], total=recall[1]),
        conflict_recall=empty, film_routing=empty, recall_at_1=empty, recall_at_5=empty,
        latency_median_ms=1.0, latency_p95_ms=2.0, by_type={},
    )


def report(acc, recall) -> EvalReport:
    s = summary(acc, recall)
    return EvalReport(gold="g", corpus="c", created="now", items=1, chains=0, questions=1,
                      load_seconds=0, run_seconds=0, system=s, baseline=s, cases=[])


def test_check_passes_and_fails():
    script = load_script()
    floors = {"accuracy": 0.70, "abstention_recall": 0.5, "f1": 0.4}
    assert script.check("s", report((75, 100), (6, 10)), floors) == []
    failures = script.check("s", report((69, 100), (4, 10)), floors)
    assert failures == ["s: accuracy is 0.690, below the floor 0.700",
                        "s: abstention_recall is 0.400, below the floor 0.500"]
    # a figure that cannot be computed is a failure, not a pass
    assert script.check("s", report((1, 1), (0, 0)), {"abstention_recall": 0.1}) != []
    with pytest.raises(SystemExit):
        script.check("s", report((1, 1), (0, 0)), {"acuracy": 0.1})


def test_main_with_a_saved_report(tmp_path):
    script = load_script()
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"sets": [{"name": "x", "gold": "g", "corpus": "c",
                                            "floors": {"accuracy": 0.5}}]}))
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(report((6, 10), (1, 1)).model_dump_json())
    bad.write_text(report((4, 10), (1, 1)).model_dump_json())
    args = ["--floors", str(floors), "--set", "x", "--report"]
    assert script.main(args + [str(good)]) == 0
    assert script.main(args + [str(bad)]) == 1


def test_floors_file_names_real_sets():
    data = json.loads((ROOT / ".ci" / "eval_floors.json").read_text())
    names = [s["name"] for s in data["sets"]]
    assert names[:2] == ["seeds", "multifilm"] and len(names) == len(set(names))
    assert {f"heldout{n}" for n in ("", 2, 3, 4, 5, 6, 7)} <= set(names)  # every held-out set guards against regressions
    for spec in data["sets"]:
        assert (ROOT / spec["gold"]).is_file() and (ROOT / spec["corpus"]).is_dir()
        assert {"accuracy", "abstention_recall"} <= set(spec["floors"])
    for spec in data["sets"][:2]:
        assert "abstention_precision" in spec["floors"]


def test_current_figures_are_above_the_floors(capsys):
    """CI: the real eval of every set in .ci/eval_floors.json stays above its floors."""
    script = load_script()
    status = script.main(["--quiet"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "seeds: accuracy" in captured.out and "multifilm: accuracy" in captured.out
