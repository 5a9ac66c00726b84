"""The ``filmqa`` command: a thin shell over the library.

    filmqa                      chat on the default corpus (the REPL)
    filmqa ask "question"       one answer
    filmqa search "query"       ranked passages
    filmqa eval [GOLD]          run a gold set and print the scores
    filmqa info                 what the corpus holds
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from .render import Style, one_line, render_answer, render_search, safe


def _add_corpus(p: argparse.ArgumentParser, top: bool = False) -> None:
    # Sub-commands repeat the options without defaults, so `filmqa --corpus D ask ...`
    # and `filmqa ask ... --corpus D` both work.
    extra = {} if top else {"default": argparse.SUPPRESS}
    if "--corpus" not in p._option_string_actions:
        p.add_argument("--corpus", metavar="DIR", help="folder of .txt/.md documents (default: the bundled seeds)", **extra)
    if "--no-cache" not in p._option_string_actions:
        p.add_argument("--no-cache", action="store_true", help="build the index in memory, do not read or write the cache", **extra)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="filmqa",
        description="Answers questions about films from a folder of documents, and cites where each answer came from.",
        epilog="With no command, filmqa opens an interactive chat (the REPL) on the corpus.",
    )
    _add_corpus(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("chat", help="interactive chat (the default command)")
    _add_corpus(p)

    p = sub.add_parser("ask", help="answer one question and exit")
    p.add_argument("question", nargs="+", help="the question (quote it, or give it as several words)")
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")
    _add_corpus(p)

    p = sub.add_parser("search", help="print the passages that best match a query")
    p.add_argument("query", nargs="+", help="words to search for")
    p.add_argument("-k", type=int, default=5, metavar="N", help="how many passages (default 5)")
    p.add_argument("--film", help="only passages about this film (its label, see `filmqa info`)")
    p.add_argument("--json", action="store_true", help="print the passages as JSON")
    _add_corpus(p)

    p = sub.add_parser("info", help="summarise the corpus: documents, passages, films, skipped files")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    _add_corpus(p)

    try:
        from ..evaluation.harness import add_eval_arguments
    except ImportError:  # pragma: no cover - the evaluation package is optional
        add_eval_arguments = None
    if add_eval_arguments is not None:
        p = sub.add_parser("eval", help="run a gold question set and print accuracy, citations, abstention, speed")
        add_eval_arguments(p)
        _add_corpus(p)
    return parser


def _arg_text(words: list[str]) -> str:
    """Command-line words as valid text: bytes that are not UTF-8 become U+FFFD."""
    text = " ".join(words)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def _err(msg: str) -> None:
    print(f"filmqa: {one_line(msg)}", file=sys.stderr)


def load(args) -> "FilmQA":  # noqa: F821
    from ..pipeline import FilmQA
    from .progress import progress_printer

    return FilmQA.from_directory(
        args.corpus,
        cache=not args.no_cache,
        progress=progress_printer(sys.stderr),
        notice=lambda m: _err(m),
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from ..corpus.loading import CorpusError

    try:
        if args.command in (None, "chat"):
            from .repl import run_repl

            return run_repl(args)
        if args.command == "eval":
            from ..evaluation.harness import eval_command

            return eval_command(args)
        qa = load(args)
        style = Style.for_stream(sys.stdout)
        if args.command == "info":
            summary = qa.summary()
            if args.json:
                print(summary.model_dump_json(indent=2))
            else:
                print(f"corpus: {safe(summary.root)}")
                print(f"documents: {summary.documents}  passages: {summary.passages}")
                print("films: " + (", ".join(safe(f) for f in summary.films) or "(none detected)"))
                for s in summary.skipped:
                    print(f"skipped {one_line(s.path)}: {one_line(s.reason)}")
            return 0
        if args.command == "search":
            query = _arg_text(args.query)
            if not query.strip():
                _err("the query is empty")
                return 2
            if args.k < 1:
                _err("-k must be at least 1")
                return 2
            hits = qa.search(query, k=args.k, film=args.film)
            if args.json:
                print(json.dumps([h.model_dump(mode="json") for h in hits], indent=2))
            else:
                print(render_search(query, hits, style))
            return 0
        if args.command == "ask":
            question = _arg_text(args.question)
            reply = qa.ask(question)
            if args.json:
                print(reply.model_dump_json(indent=2))
            else:
                print(render_answer(reply, style))
            return 0 if question.strip() else 2
    except CorpusError as exc:
        _err(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except Exception as exc:  # a bug must still end in one line, not a traceback
        if os.environ.get("FILMQA_DEBUG"):
            raise
        _err(f"internal error ({type(exc).__name__}: {exc}); run with FILMQA_DEBUG=1 for the details")
        return 1
    parser.print_help()
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
