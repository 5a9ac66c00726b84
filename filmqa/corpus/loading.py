"""Finds and decodes the corpus files; never lets one bad file stop the rest.

A corpus is a folder, read recursively, of ``.txt``/``.md`` files. Each file is
decoded by its byte-order mark, else as UTF-8, else as Windows-1252 (which
also covers Latin-1 text). A file that is really binary is skipped with a
reason. Symlinks are not followed out of the corpus folder.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..models import SkippedFile

SUFFIXES = (".txt", ".md", ".markdown", ".wiki")
# Building the index takes a few seconds a megabyte; past this a file is more
# likely a dump or a mislabelled binary than a document, and is skipped.
MAX_FILE_BYTES = 8 * 1024 * 1024


_LONE_CR = re.compile(r"\r(?!\n)")


class CorpusError(Exception):
    """A corpus that cannot be used at all (one line, shown to the user)."""


@dataclass(frozen=True)
class SourceFile:
    doc_id: str  # path relative to the corpus root, with forward slashes
    path: Path
    text: str
    size: int
    mtime_ns: int


def display_path(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (a Latin-1 name from an
    old zip, say) become ``\\xe9`` escapes, so ids stay unique and JSON-safe."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def hidden(name: str) -> bool:
    """A hidden file or folder (``.git``, ``.DS_Store``, an editor's swap file): never part of a corpus."""
    return name.startswith(".")


def document_name(name: str) -> bool:
    """Whether a file of this name is read as a document: visible, with a text suffix.

    The one rule for ``corpus_files`` and the index key's quick walk (``store.py``).
    """
    return not hidden(name) and name.lower().endswith(SUFFIXES)


def check_folder(root: Path) -> None:
    """Raise ``CorpusError`` (one line) unless ``root`` is an existing folder."""
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus path is a file, not a folder: {root}")


def _link_inside(path: Path, real_root: Path) -> bool:
    """A link to a folder of the corpus: skipped, the folder is read under its own name."""
    try:
        return path.is_symlink() and path.resolve(strict=True).is_relative_to(real_root)
    except (OSError, RuntimeError):
        return False


def corpus_files(root: Path, skipped: list[SkippedFile] | None = None, others: list[str] | None = None) -> list[Path]:
    """Every candidate file below ``root``, sorted, without leaving it.

    Links that lead out of the folder, broken links and unreadable folders are
    added to ``skipped`` (when given); files of other types to ``others``.
    """
    root = Path(root)
    check_folder(root)
    real_root = root.resolve()
    found: list[tuple[str, Path]] = []  # (path relative to root, path)
    seen_dirs: set[tuple[int, int]] = set()

    def skip(path: str | Path, reason: str) -> None:
        if skipped is not None:
            rel = Path(path).relative_to(root).as_posix() if Path(path).is_relative_to(root) else str(path)
            skipped.append(SkippedFile(path=display_path(rel), reason=reason))

    def walk_error(exc: OSError) -> None:
        if exc.filename:
            skip(exc.filename, f"folder unreadable ({exc.strerror or exc})")

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=walk_error):
        try:
            st = os.stat(dirpath)
            real_dir = Path(dirpath).resolve()
        except (OSError, RuntimeError):
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if not real_dir.is_relative_to(real_root):
            dirnames[:] = []
            skip(dirpath, "link to a folder outside the corpus folder, not followed")
            continue
        if key in seen_dirs:
            dirnames[:] = []  # a symlink loop, or a second link to a folder already read
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not hidden(d) and not _link_inside(Path(dirpath) / d, real_root))
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        for name in filenames:
            if hidden(name):
                continue
            path = Path(dirpath) / name
            if not document_name(name):
                if others is not None:
                    others.append(display_path(path.relative_to(root).as_posix()))
                continue
            try:
                if not stat.S_ISLNK(os.lstat(path).st_mode):
                    # in a folder of the corpus, and not a link: no need to resolve it
                    found.append((name if rel_dir == "." else f"{rel_dir}/{name}", path))
                    continue
                real = path.resolve(strict=True)
            except FileNotFoundError:
                skip(path, "broken link (its target does not exist)" if path.is_symlink() else "file vanished while loading")
                continue
            except (OSError, RuntimeError):
                skip(path, "link loop, not followed")
                continue
            if not real.is_relative_to(real_root):
                skip(path, "link to a file outside the corpus folder, not followed")
                continue
            found.append((path.relative_to(root).as_posix(), path))
    return [path for _, path in sorted(found, key=lambda rel_path: rel_path[0])]


def decode(data: bytes) -> tuple[str | None, str]:
    """Text of a file's bytes and how it was decoded, or (None, why not)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None, f"not valid {enc} despite its byte-order mark"
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 without a BOM shows as every other byte NUL
        if head[1::2].count(0) > len(head) // 3 or head[0::2].count(0) > len(head) // 3:
            for enc in ("utf-16-le", "utf-16-be"):
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _mostly_text(text):
                    return text, enc
        return None, "binary file (contains NUL bytes)"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if not _mostly_text(text):
        return None, "binary file (not text in UTF-8 or Windows-1252)"
    return text, "cp1252"


def _mostly_text(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return True
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample) < 0.05


def read_file(root: Path, path: Path) -> tuple[SourceFile | None, SkippedFile | None]:
    doc_id = display_path(path.relative_to(root).as_posix())
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a named pipe or device would block or never end
            return None, SkippedFile(path=doc_id, reason="not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            return None, SkippedFile(path=doc_id, reason=_too_large(st.st_size))
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:  # it grew while we looked
            return None, SkippedFile(path=doc_id, reason=_too_large(len(data)))
    except FileNotFoundError:
        return None, SkippedFile(path=doc_id, reason="file vanished while loading")
    except PermissionError:
        return None, SkippedFile(path=doc_id, reason="permission denied")
    except OSError as exc:
        return None, SkippedFile(path=doc_id, reason=f"unreadable ({exc.strerror or exc})")
    text, how = decode(data)
    if text is None:
        return None, SkippedFile(path=doc_id, reason=how)
    if not text.strip():
        return None, SkippedFile(path=doc_id, reason="empty file")
    # old Mac line ends (a lone CR) become LF, one character for one, so
    # headings and paragraphs are seen and every offset still indexes the file
    text = _LONE_CR.sub("\n", text)
    return SourceFile(doc_id=doc_id, path=path, text=text, size=st.st_size, mtime_ns=st.st_mtime_ns), None


def _too_large(size: int) -> str:
    return f"too large ({size / 2**20:.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB a file, split it into smaller files)"


def read_corpus(root: str | Path) -> tuple[list[SourceFile], list[SkippedFile]]:
    """All usable files of a corpus folder, and the ones skipped with reasons."""
    root = Path(root)
    files: list[SourceFile] = []
    skipped: list[SkippedFile] = []
    others: list[str] = []
    paths = corpus_files(root, skipped, others)
    for path in paths:
        src, skip = read_file(root, path)
        if src is not None:
            files.append(src)
        if skip is not None:
            skipped.append(skip)
    skipped.sort(key=lambda s: s.path)
    if not files:
        if not paths and not skipped:
            found = f" (found only {len(others)} other file{'s' * (len(others) != 1)}, e.g. {min(others)})" if others else ""
            raise CorpusError(f"no .txt or .md files in corpus folder: {root}{found}")
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3])
        raise CorpusError(f"no readable documents in corpus folder {root} ({reasons})")
    return files, skipped
