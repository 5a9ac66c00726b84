"""A progress bar on stderr for long loads, only on a terminal."""

from __future__ import annotations

import time


def progress_printer(stream, min_items: int = 200):
    """A ``progress(stage, done, total)`` callback drawing one updating line."""
    try:
        tty = stream.isatty()
    except Exception:
        tty = False
    if not tty:
        return None
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        if total < min_items:
            return
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return
        last[0] = now
        width = 30
        filled = int(width * done / max(total, 1))
        stream.write(f"\r{stage:<9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            stream.write("\r" + " " * (width + 40) + "\r")
        stream.flush()

    return progress
