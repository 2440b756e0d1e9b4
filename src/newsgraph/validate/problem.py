"""One finding of a validator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Problem:
    message: str
    line: int | None = None
    path: str | None = None  # JSON pointer or XPath of the offending node
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        at = f"{self.path}: " if self.path else ""
        return f"{where}{at}{self.message}"
