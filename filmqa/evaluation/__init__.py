"""Evaluation: gold question sets, scoring rules and the ``filmqa eval`` harness.

The CLI wires ``filmqa eval`` with::

    from filmqa.evaluation import add_eval_arguments, eval_command
    add_eval_arguments(subparsers.add_parser("eval", help="run a gold set"))
    ...  # then, for the "eval" command: return eval_command(args)
"""

from .gold import GoldChain, GoldError, GoldItem, GoldSet, GoldTurn, load_gold
from .harness import (
    CaseResult,
    EvalReport,
    Summary,
    add_eval_arguments,
    default_corpus_dir,
    default_gold_path,
    eval_command,
    evaluate,
    format_table,
    run_eval,
)
from .metrics import exact_match, is_correct, normalize_answer, token_f1

__all__ = [
    "CaseResult",
    "EvalReport",
    "GoldChain",
    "GoldError",
    "GoldItem",
    "GoldSet",
    "GoldTurn",
    "Summary",
    "add_eval_arguments",
    "default_corpus_dir",
    "default_gold_path",
    "eval_command",
    "evaluate",
    "exact_match",
    "format_table",
    "is_correct",
    "load_gold",
    "normalize_answer",
    "run_eval",
    "token_f1",
]
