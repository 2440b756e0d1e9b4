"""One family of exceptions. Every message says what is wrong and how to fix it.

The CLI prints them as ``error: <file>: <what> (<how to fix>)``; the library raises
them unchanged, so a caller can catch :class:`NewsgraphError` alone.
"""

from __future__ import annotations


# Messages quote values from the input; a hostile input must not make one megabytes long.
MAX_MESSAGE_CHARS = 600


def shorten(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` with its middle cut when it is longer than ``limit``, saying how much was cut."""
    if len(text) <= limit:
        return text
    keep = limit // 2
    return f"{text[:keep]}…[{len(text) - 2 * keep} characters]…{text[-keep:]}"


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    def __init__(self, what: str, fix: str | None = None, *, source: str | None = None) -> None:
        self.what = shorten(what)
        self.fix = fix
        self.source = source
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = self.what
        if self.fix:
            text += f" ({self.fix})"
        return text

    def at(self, source: str) -> "NewsgraphError":
        """Name the file the error belongs to, unless it already names one."""
        if self.source is None:
            self.source = source
        return self

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message

    def detached(self) -> "NewsgraphError":
        """This error without the exception it was raised from or its traceback.

        Outcomes cross process boundaries; a library's exception in ``__context__`` (an
        lxml error log, say) may not pickle, and the message already says all.
        """
        self.__context__ = self.__cause__ = None
        self.__traceback__ = None
        return self

    def __reduce__(self) -> tuple:
        # Errors cross process boundaries in batch runs; keep every part of them.
        return (self.__class__, (self.what, self.fix), {"source": self.source})


class InputError(NewsgraphError):
    """The input cannot be read: empty, undecodable, malformed, unsupported."""


class ModelError(NewsgraphError):
    """The input reads, but what it says breaks a rule of the model."""


class ExportError(NewsgraphError):
    """An export could not be produced or failed its official schema."""


class SchemaMissingError(NewsgraphError):
    """An official schema (XSD, ninjs, schema.org) is not installed."""


class DownloadError(NewsgraphError):
    """An official file could not be fetched, or what was fetched is not the pinned file."""


class UsageError(NewsgraphError):
    """The call itself is wrong: unknown format, conflicting options."""


class OutputError(NewsgraphError):
    """The output cannot be written: not writable, would overwrite an input, disk full."""
