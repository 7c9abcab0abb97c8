"""A small progress bar on standard error, drawn only when it is a terminal.

>>> import io
>>> with Progress(3, "loading", stream=io.StringIO()) as bar:  # not a TTY: silent
...     bar.update()
>>> bar.done
1

No dependency: one line redrawn with ``\\r`` at most ten times a second, cleared at the
end.  When the stream is not a terminal (a pipe, a file, a CI log) nothing is written.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

__all__ = ["Progress"]

_WIDTH = 28
_INTERVAL = 0.1


class Progress:
    """Count items done out of ``total`` (``None`` when unknown) and draw a bar on a TTY.

    ``enabled`` forces drawing on or off; by default it is on only when ``stream``
    (standard error unless given) is a terminal.
    """

    def __init__(
        self,
        total: int | None,
        label: str = "",
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
    ) -> None:
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.done = 0
        self._start = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def update(self, n: int = 1) -> None:
        """Count ``n`` more items done; redraw when enough time has passed."""
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last_draw >= _INTERVAL or (self.total is not None and self.done >= self.total):
            self._last_draw = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The text of the bar as it would be drawn now."""
        elapsed = (time.monotonic() if now is None else now) - self._start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        label = f"{self.label} " if self.label else ""
        if self.total:
            frac = min(self.done / self.total, 1.0)
            filled = int(frac * _WIDTH)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            left = (self.total - self.done) / rate if rate > 0 else 0.0
            return f"{label}[{bar}] {self.done}/{self.total} {frac:4.0%} {rate:6.1f}/s eta {left:4.0f}s"
        return f"{label}{self.done} {rate:6.1f}/s"

    def _draw(self, now: float) -> None:
        try:
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()
            self._drawn = True
        except (OSError, ValueError):  # a closed or broken terminal must not stop the work
            self.enabled = False

    def close(self) -> None:
        """Clear the bar (if one was drawn)."""
        if self.enabled and self._drawn:
            try:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            except (OSError, ValueError):
                pass
        self._drawn = False
