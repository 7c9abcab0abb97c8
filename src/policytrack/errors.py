"""policytrack's exceptions: one base class, specific subclasses.

Every message names the file (or the argument) and the cause on one line.
"""

from __future__ import annotations

__all__ = [
    "BadArgumentError",
    "ExportFormatError",
    "ExtractionError",
    "FrontMatterError",
    "LoadError",
    "NotAnArticleError",
    "OutputError",
    "PolicytrackError",
    "StoreBusyError",
    "StoreError",
    "UndecodableTextError",
    "UnknownNameError",
    "UnreadableFileError",
]


class PolicytrackError(Exception):
    """Base class of every error policytrack raises on purpose."""


class LoadError(PolicytrackError):
    """A file could not be turned into a document."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UnreadableFileError(LoadError):
    """The file cannot be read (missing, a directory, no permission, a broken link...)."""


class UndecodableTextError(LoadError):
    """The bytes are not text in any encoding policytrack recognises."""


class NotAnArticleError(LoadError):
    """The file decodes but holds no article text (empty, binary, only scripts...)."""


class ExtractionError(LoadError):
    """An extractor failed on this file (a defect in policytrack: please report it).

    The original exception is chained as ``__cause__``; the other files still load.
    """


class FrontMatterError(LoadError):
    """The front matter is unclosed or holds a value that cannot be right."""


class BadArgumentError(PolicytrackError, ValueError):
    """An argument passed to the API or the command line is not acceptable."""


class ExportFormatError(PolicytrackError, ValueError):
    """A file given as an export is not a ``policytrack/1`` export."""


class StoreError(PolicytrackError):
    """The embedded store cannot be opened or used."""


class UnknownNameError(BadArgumentError):
    """A region, metric, scope, kind or status that policytrack does not know (a typo is never
    answered as a fact).

    ``what`` names the argument (``region``, ``metric``...), ``name`` is what was typed and
    ``suggestions`` the nearest known names, best first (empty when none is near);
    ``candidates`` holds the regions an ambiguous name may mean.
    """

    def __init__(self, what: str, name: str, reason: str, suggestions: tuple[str, ...] = (),
                 candidates: tuple[str, ...] = ()) -> None:
        self.what = what
        self.name = name
        self.suggestions = suggestions
        self.candidates = candidates
        super().__init__(f"{what} {name!r}: {reason}")


class OutputError(PolicytrackError):
    """A file policytrack was asked to write (``-o``, ``--plot``, a store) cannot be written."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class StoreBusyError(StoreError):
    """Another process held the store's write lock for longer than this one would wait."""
