"""Finds and decodes the corpus files; never lets one bad file stop the rest.

A corpus is a folder, read recursively, of ``.txt``/``.md`` files. Each file is
decoded by its byte-order mark, else as UTF-8, else as Windows-1252 (which
also covers Latin-1 text). A file that is really binary is skipped with a
reason. Symlinks are not followed out of the corpus folder.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from ..models import SkippedFile

SUFFIXES = (".txt", ".md", ".markdown", ".wiki")
MAX_FILE_BYTES = 64 * 1024 * 1024


class CorpusError(Exception):
    """A corpus that cannot be used at all (one line, shown to the user)."""


@dataclass(frozen=True)
class SourceFile:
    doc_id: str  # path relative to the corpus root, with forward slashes
    path: Path
    text: str
    size: int
    mtime_ns: int


def corpus_files(root: Path) -> list[Path]:
    """Every candidate file below ``root``, sorted, without leaving it."""
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus path is a file, not a folder: {root}")
    real_root = root.resolve()
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: None):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        real_dir = Path(dirpath).resolve()
        if key in seen_dirs or not real_dir.is_relative_to(real_root):
            dirnames[:] = []  # a symlink loop, or a link out of the corpus
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            path = Path(dirpath) / name
            try:
                if not path.resolve().is_relative_to(real_root):
                    continue
            except (OSError, RuntimeError):
                continue
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


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
    doc_id = path.relative_to(root).as_posix()
    try:
        st = path.stat()
        if st.st_size > MAX_FILE_BYTES:
            return None, SkippedFile(path=doc_id, reason=f"too large ({st.st_size // 2**20} MB > {MAX_FILE_BYTES // 2**20} MB)")
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
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
    return SourceFile(doc_id=doc_id, path=path, text=text, size=st.st_size, mtime_ns=st.st_mtime_ns), None


def read_corpus(root: str | Path) -> tuple[list[SourceFile], list[SkippedFile]]:
    """All usable files of a corpus folder, and the ones skipped with reasons."""
    root = Path(root)
    files: list[SourceFile] = []
    skipped: list[SkippedFile] = []
    paths = corpus_files(root)
    for path in paths:
        src, skip = read_file(root, path)
        if src is not None:
            files.append(src)
        if skip is not None:
            skipped.append(skip)
    if not files:
        if not paths:
            raise CorpusError(f"no .txt or .md files in corpus folder: {root}")
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3])
        raise CorpusError(f"no readable documents in corpus folder {root} ({reasons})")
    return files, skipped
