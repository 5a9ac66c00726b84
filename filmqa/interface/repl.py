"""The interactive session: ``filmqa`` with no command.

A thin shell over the library: one ``FilmQA`` and one ``Conversation``; every
line is either a ``/command`` or a question for ``conversation.ask``. On a
terminal it uses prompt_toolkit (history, Ctrl-R search, suggestions,
completion); with input piped in it reads one question a line and prints one
reply each, with no decoration. prompt_toolkit is imported only on the
interactive path, after the corpus is loaded, so start-up stays fast.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable, Iterable, TextIO

from .render import Style, one_line, render_answer, safe, wrap

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Answer, Citation, Passage
    from ..pipeline import FilmQA

PROMPT = "filmqa> "


@dataclass(frozen=True)
class Command:
    name: str
    arg: str
    help: str


COMMANDS = [
    Command("help", "", "list these commands"),
    Command("sources", "", "the documents of the corpus"),
    Command("show", "N", "the full passage behind source [N] of the last reply"),
    Command("why", "", "how the last question was read: type, film, aspect, terms, passages"),
    Command("films", "", "the films found in the corpus"),
    Command("reset", "", "forget the conversation (follow-ups start afresh)"),
    Command("corpus", "DIR", "switch to another folder of documents"),
    Command("quit", "", "leave (Ctrl-D does too)"),
]
_ALIASES = {"exit": "quit", "q": "quit", "?": "help", "h": "help"}
_BY_NAME = {c.name: c for c in COMMANDS}


# --------------------------------------------------------------------------- helpers


def data_dir() -> Path:
    """Where the history lives: ``$FILMQA_DATA_DIR`` or the user's data directory."""
    env = os.environ.get("FILMQA_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("filmqa", appauthor=False))


def example_questions(qa: "FilmQA") -> list[str]:
    """Two questions to try, made from the corpus's first film (or document)."""
    title = next((f.title for f in qa.films if f.title.strip()), None)
    if title is None:
        title = next((d.title for d in qa.documents if d.title.strip()), None)
    if title is None:
        return ["Who directed it?", "What was the budget?"]
    title = safe(" ".join(title.split()))
    return [f"Who directed {title}?", f"What was the budget of {title}?"]


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def corpus_line(qa: "FilmQA") -> str:
    films = qa.films
    labels = ", ".join(safe(f.label) for f in films[:3]) + (f", … (see /films)" if len(films) > 3 else "")
    line = f"{_count(len(qa.documents), 'document')} · {_count(len(qa.passages), 'passage')} · {_count(len(films), 'film')}"
    line += f": {labels}" if films else ""
    return line + (f" ({len(qa.skipped)} skipped, see /sources)" if qa.skipped else "")


def banner(qa: "FilmQA", style: Style) -> str:
    examples = example_questions(qa)
    return "\n".join(
        [
            style.bold("filmqa") + " — questions about the films in " + style.accent(safe(qa.root)),
            corpus_line(qa),
            "Try: " + "   ".join(style.accent(q) for q in examples),
            style.dim("Type a question, or /help for commands. Ctrl-D or /quit to leave."),
        ]
    )


_NAME_SKIP_KEYS = {"image", "caption", "alt", "website", "released", "budget", "gross", "runtime"}


def _name(value: str) -> str | None:
    value = one_line(value).strip(" ,;:.")
    if 2 <= len(value) <= 60 and not re.search(r"\d", value) and len(value.split()) <= 5:
        return value
    return None


def corpus_names(qa: "FilmQA", extra: Iterable[str] = ()) -> list[str]:
    """Film titles and the names the corpus holds (cast, roles, short infobox values)."""
    names: set[str] = set()

    def add(value: str) -> None:
        name = _name(value)
        if name:
            names.add(name)

    for value in extra:
        add(value)

    for f in qa.films:
        add(f.title)
    for d in qa.documents:
        add(d.title)
        for c in d.cast:
            add(c.actor)
            add(c.role)
        for field in d.infobox:
            if field.key.lower() not in _NAME_SKIP_KEYS:
                add(field.value)
    return sorted(names, key=str.casefold)


# --------------------------------------------------------------------------- the session


class Session:
    """What the REPL knows between lines: the corpus, the conversation, the last reply.

    ``handle(line)`` runs one line (question or command) and returns False when
    the session should end. It never raises: an internal error prints one line.
    """

    def __init__(
        self,
        qa: "FilmQA",
        *,
        out: TextIO | None = None,
        err: TextIO | None = None,
        style: Style | None = None,
        loader: Callable[[str], "FilmQA"] | None = None,
    ) -> None:
        self.out = out if out is not None else sys.stdout
        self.err = err if err is not None else sys.stderr
        self.style = style if style is not None else Style.for_stream(self.out)
        self.loader = loader
        self.on_corpus: Callable[["Session"], None] | None = None
        self.wrote = False
        self.wrap = False
        self.interactive = False
        self._use(qa)

    def _use(self, qa: "FilmQA") -> None:
        self.qa = qa
        self.conversation = qa.conversation()
        self.last: "Answer | None" = None
        self._names: list[str] | None = None  # read from every document on first use, not at start-up

    @property
    def names(self) -> list[str]:
        """Completion names: the corpus's, and the people the reader found once ``learn_names`` ran."""
        if self._names is None:
            self._names = corpus_names(self.qa)
        return self._names

    def learn_names(self) -> None:
        """Add the people the reader found ("directed by X", credits) to completion.

        Builds ``qa.knowledge`` (what the first question would do anyway); run
        in the background by the interactive session.
        """
        qa = self.qa
        persons = qa.knowledge.persons
        names = corpus_names(qa, [p for p, n in persons.items() if n >= 2])
        if self.qa is qa:
            self._names = names

    # ------------------------------------------------------------------ output
    def say(self, text: str = "") -> None:
        self.wrote = True
        if self.wrap:  # interactive: fit the terminal as it is now (it may have been resized)
            text = wrap(text, shutil.get_terminal_size().columns - 1)
        self.out.write(text + "\n")
        self.out.flush()

    def error(self, text: str) -> None:
        try:
            self.err.write(self.style.warn(one_line(text, limit=200)) + "\n")
            self.err.flush()
        except Exception:  # pragma: no cover - nowhere left to report to
            pass

    # ------------------------------------------------------------------ dispatch
    def handle(self, line: str) -> bool:
        line = line.strip()
        if not line:
            return True
        try:
            if line.startswith("/"):
                return self.command(line)
            self.ask(line)
        except KeyboardInterrupt:
            if not self.interactive:  # Ctrl-C on a script stops it
                raise
            self.say(self.style.dim("(cancelled)"))
        except BrokenPipeError:  # the reader went away: nothing more to say
            raise
        except Exception as exc:  # an internal error: one line, the session goes on
            self.error(f"internal error ({type(exc).__name__}): {exc}")
        return True

    def ask(self, question: str) -> None:
        reply = self.conversation.ask(question)
        self.last = reply
        self.say(render_answer(reply, self.style))

    def command(self, line: str) -> bool:
        name, _, arg = line[1:].partition(" ")
        name, arg = name.lower(), arg.strip()
        name = _ALIASES.get(name, name)
        if name == "":
            name = "help"
        if name not in _BY_NAME:
            matches = [c.name for c in COMMANDS if c.name.startswith(name)]
            if len(matches) != 1:
                self.say(f"Unknown command /{safe(name)}. Type /help for the list.")
                return True
            name = matches[0]
        if name == "quit":
            return False
        getattr(self, f"cmd_{name}")(arg)
        return True

    # ------------------------------------------------------------------ commands
    def cmd_help(self, arg: str) -> None:
        st = self.style
        self.say("Ask a question about the films, e.g. " + st.accent(example_questions(self.qa)[0]))
        self.say("Follow-ups work: “Who starred in it?”, “And its budget?”. Commands:")
        for c in COMMANDS:
            usage = f"/{c.name}" + (f" {c.arg}" if c.arg else "")
            self.say(f"  {st.bold(f'{usage:<12}')} {c.help}")
        self.say(st.dim("Keys: Tab completes, → accepts a suggestion, Ctrl-R searches history, Ctrl-C cancels the line."))

    def cmd_sources(self, arg: str) -> None:
        st, qa = self.style, self.qa
        self.say(f"{_count(len(qa.documents), 'document')} in {st.accent(safe(qa.root))}:")
        for d in qa.documents:
            facts = [f"{d.chars:,} chars", _count(len(d.sections), "section")]
            if d.films:
                facts.insert(0, ", ".join(safe(f) for f in d.films))
            if d.duplicate_of:
                facts.append(f"duplicate of {safe(d.duplicate_of)}")
            self.say(f"  {st.bold(safe(d.title))}  {st.dim(safe(d.doc_id))}")
            self.say(st.dim("      " + " · ".join(facts)))
        for s in qa.skipped:
            self.say(st.warn(f"  skipped {safe(s.path)}: {safe(s.reason)}"))

    def cmd_films(self, arg: str) -> None:
        films = self.qa.films
        if not films:
            self.say("No film detected in this corpus.")
            return
        self.say(f"{_count(len(films), 'film')}:")
        for f in films:
            self.say(f"  {self.style.bold(safe(f.label))}  " + self.style.dim(_count(len(f.doc_ids), "document")))

    def cmd_reset(self, arg: str) -> None:
        self.conversation.reset()
        self.last = None
        self.say("Conversation forgotten: the next question starts afresh.")

    def cmd_corpus(self, arg: str) -> None:
        if not arg:
            self.say(f"Corpus: {self.style.accent(safe(self.qa.root))} — {corpus_line(self.qa)}")
            self.say(self.style.dim("Use /corpus DIR to switch to another folder."))
            return
        path = os.path.expanduser(arg)
        try:
            qa = self.loader(path) if self.loader else _load(path, no_cache=False)
        except Exception as exc:  # CorpusError and anything else: keep the old corpus
            reason = str(exc) if type(exc).__name__ == "CorpusError" else f"{type(exc).__name__}: {exc}"
            self.error(f"cannot use {arg}: {reason} — still on {self.qa.root}")
            return
        self._use(qa)
        if self.on_corpus:
            self.on_corpus(self)
        self.say(banner(qa, self.style))

    def _citations(self) -> "list[Citation]":
        if self.last is None:
            return []
        return list(self.last.citations) or list(self.last.leads)

    def cmd_show(self, arg: str) -> None:
        cites = self._citations()
        if not cites:
            self.say("No sources to show yet: ask a question first." if self.last is None else "The last reply has no sources.")
            return
        wanted = arg.strip("[] ") or str(cites[0].n)
        c = next((c for c in cites if str(c.n) == wanted), None)
        if c is None:
            numbers = ", ".join(str(c.n) for c in cites)
            self.say(f"No source [{safe(wanted)}] in the last reply (it has {numbers}).")
            return
        passage = self._passage(c)
        st = self.style
        where = f" — {safe(c.section)}" if c.section else ""
        self.say(st.accent(f"[{c.n}]") + f" {st.bold(safe(c.title) + where)}" + st.dim(f"  ({safe(c.doc_id)}, chars {c.start}–{c.end})"))
        text = safe(passage.text) if passage is not None else safe(c.quote)
        self.say(mark_answer(text, self.last.answer if self.last else None, c.quote, st))

    def _passage(self, c: "Citation") -> "Passage | None":
        passages = self.qa.passages
        if c.passage_id is not None and 0 <= c.passage_id < len(passages):
            p = passages[c.passage_id]
            if p.doc_id == c.doc_id:
                return p
        for p in passages:
            if p.doc_id == c.doc_id and p.start <= c.start < p.end:
                return p
        return None

    def cmd_why(self, arg: str) -> None:
        if self.last is None:
            self.say("Nothing to explain yet: ask a question first.")
            return
        r, st = self.last.route, self.style
        rows = [("question", safe(r.question))]
        if r.resolved_question and r.resolved_question != r.question:
            rows.append(("read as", safe(r.resolved_question)))
        rows.append(("answer type", r.answer_type.value))
        film = safe(r.film) if r.film else "(none)"
        rows.append(("film", film + (f" — {safe(r.film_reason)}" if r.film_reason else "")))
        rows.append(("aspect", safe(r.aspect) if r.aspect else "(none)"))
        if r.focus:
            rows.append(("focus", safe(r.focus)))
        rows.append(("query terms", ", ".join(safe(t) for t in r.query_terms) or "(none)"))
        rows.append(("confidence", f"{self.last.confidence:.2f}"))
        for key, value in rows:
            self.say(f"{st.bold(f'{key:<12}')} {value}")
        if r.passages:
            self.say(st.bold("top passages"))
            for i, ref in enumerate(r.passages, 1):
                title = ""
                if 0 <= ref.passage_id < len(self.qa.passages):
                    title = safe(self.qa.passages[ref.passage_id].title)
                where = f" — {safe(ref.section)}" if ref.section else ""
                self.say(f"  {i:>2}. {st.accent(f'{ref.score:6.2f}')}  #{ref.passage_id} {title}{where}" + st.dim(f"  ({safe(ref.doc_id)})"))
        if r.explanation:
            self.say(st.dim(safe(r.explanation)))


def mark_answer(text: str, answer: str | None, quote: str, style: Style) -> str:
    """``text`` with the answer (or its parts, or else the quote) highlighted."""
    candidates: list[str] = []
    if answer:
        answer = safe(answer).strip()
        candidates.append(answer)
        candidates += [p.strip() for p in re.split(r",|;| and |\n", answer) if len(p.strip()) > 1]
    found = [c for c in candidates if c and c.casefold() in text.casefold()]
    if not found and quote.strip() and safe(quote).strip() in text:
        found = [safe(quote).strip()]
    if not found:
        return text
    pattern = re.compile("|".join(re.escape(c) for c in sorted(set(found), key=len, reverse=True)), re.IGNORECASE)
    return pattern.sub(lambda m: style.highlight(m.group()), text)


# --------------------------------------------------------------------------- loading


def _load(path: str | None, no_cache: bool) -> "FilmQA":
    from .cli import load

    return load(SimpleNamespace(corpus=path, no_cache=no_cache))


def _warm(session: Session) -> None:
    """Read the corpus's facts in the background while the user types."""

    def run() -> None:
        try:
            session.learn_names()
        except BaseException:  # the first question will report any real problem
            pass

    threading.Thread(target=run, name="filmqa-warm", daemon=True).start()


# --------------------------------------------------------------------------- the two loops


def run_lines(session: Session, lines: Iterable[str]) -> int:
    """Piped mode: one question (or command) a line, one reply each, blank line between."""
    separate = False
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if separate and not line.strip().lower().startswith("/q"):
            session.say()
        session.wrote = False
        if not session.handle(line):
            break
        separate = session.wrote
    return 0


def _completer(session: Session):
    from prompt_toolkit.completion import Completer, Completion, PathCompleter
    from prompt_toolkit.document import Document

    paths = PathCompleter(only_directories=True, expanduser=True)

    class ReplCompleter(Completer):
        def get_completions(self, document, complete_event):
            text = document.text_before_cursor
            if text.startswith("/"):
                name, space, arg = text[1:].partition(" ")
                if not space:
                    for c in COMMANDS:
                        if c.name.startswith(name.lower()):
                            yield Completion("/" + c.name, start_position=-len(text), display_meta=c.help)
                    return
                name = _ALIASES.get(name.lower(), name.lower())
                if name == "corpus":
                    yield from paths.get_completions(Document(arg, len(arg)), complete_event)
                elif name == "show":
                    for c in session._citations():
                        if str(c.n).startswith(arg.strip()):
                            meta = safe(c.title) + (f" — {safe(c.section)}" if c.section else "")
                            yield Completion(str(c.n), start_position=-len(arg), display_meta=meta)
                return
            yield from self._names(text)

        def _names(self, text: str):
            starts = [m.start() for m in re.finditer(r"(?<![\w'’])\w", text)][-6:]
            seen: set[str] = set()
            for start in starts:  # longest fragment first: "red h" before "h"
                fragment = text[start:]
                if len(fragment) < 2:
                    continue
                key = fragment.casefold()
                for name in session.names:
                    folded = name.casefold()
                    if folded.startswith(key) and folded != key and name not in seen:
                        seen.add(name)
                        yield Completion(name, start_position=-len(fragment))
                        if len(seen) >= 30:
                            return

    return ReplCompleter()


def _history(notice: Callable[[str], None]):
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    class SafeFileHistory(FileHistory):
        def store_string(self, string: str) -> None:
            try:
                super().store_string(string)
            except OSError:
                pass

        def load_history_strings(self):
            try:
                return list(super().load_history_strings())
            except OSError:
                return []

    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "history"
        with open(path, "ab"):
            pass
        return SafeFileHistory(str(path))
    except OSError as exc:
        notice(f"history will not be saved ({exc.strerror or exc})")
        return InMemoryHistory()


def run_prompt(session: Session) -> int:
    """Interactive mode: prompt_toolkit with history, search, suggestions, completion."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.auto_suggest import AutoSuggestFromHistory

    prompt = PromptSession(
        history=_history(session.error),
        auto_suggest=AutoSuggestFromHistory(),
        completer=_completer(session),
        complete_while_typing=True,
        reserve_space_for_menu=6,
    )
    message = [("bold ansicyan" if session.style.color else "", PROMPT)]
    while True:
        try:
            line = prompt.prompt(message)
        except KeyboardInterrupt:  # Ctrl-C: the line is dropped, ask again
            continue
        except EOFError:  # Ctrl-D
            break
        if not session.handle(line):
            break
    return 0


def run_repl(args, *, out: TextIO | None = None, err: TextIO | None = None, stdin: TextIO | None = None, interactive: bool | None = None) -> int:
    """``filmqa`` with no command. ``interactive`` defaults to "stdin and stdout are terminals"."""
    from ..corpus.loading import CorpusError

    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    no_cache = bool(getattr(args, "no_cache", False))
    if interactive is None:
        interactive = _isatty(sys.stdin if stdin is None else stdin) and _isatty(out)
    try:
        qa = _load(getattr(args, "corpus", None), no_cache)
    except CorpusError as exc:
        err.write(f"filmqa: {safe(exc)}\n")
        return 2
    session = Session(qa, out=out, err=err, loader=lambda path: _load(path, no_cache))
    try:
        if not interactive:
            stream = sys.stdin if stdin is None else stdin
            if stream is sys.stdin:
                try:
                    sys.stdin.reconfigure(errors="replace")
                except (AttributeError, ValueError):
                    pass
            return run_lines(session, stream)
        session.wrap = session.interactive = True
        session.say(banner(qa, session.style))
        session.on_corpus = _warm
        _warm(session)
        code = run_prompt(session)
        session.say(session.style.dim("Bye."))
        return code
    except BrokenPipeError:
        raise
    except (KeyboardInterrupt, EOFError):
        return 0 if session.interactive else 130
    except Exception as exc:  # a failure of the terminal layer itself: one line, no traceback
        session.error(f"filmqa: the session stopped ({type(exc).__name__}: {exc})")
        return 1


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:
        return False
