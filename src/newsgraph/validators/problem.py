"""One finding of a validator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import shorten


@dataclass(frozen=True)
class Problem:
    message: str
    line: int | None = None
    path: str | None = None  # JSON pointer or XPath of the offending node
    severity: Literal["error", "warning"] = "error"
    unchecked: bool = False  # a check that could not run (no schema installed, none exists)

    def __post_init__(self) -> None:
        # Validators quote the offending value, which may be megabytes of hostile input.
        object.__setattr__(self, "message", shorten(self.message))

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        at = f"{self.path}: " if self.path else ""
        return f"{where}{at}{self.message}"
