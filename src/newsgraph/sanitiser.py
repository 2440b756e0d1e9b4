"""Forbidden characters out of what newsgraph reads, each replaced by one space.

The model refuses control characters XML 1.0 forbids, U+FFFE/U+FFFF and lone surrogates
(see model.FORBIDDEN_CHARACTERS). Readers, the HTML body codec and the validators that
read documents back share one :class:`Sanitiser`, which remembers what it replaced and
where, for provenance.notes.
"""

from __future__ import annotations

import re
from typing import Any

from .model import FORBIDDEN_CHARACTERS

__all__ = ["Sanitiser"]

_PLACES_NAMED = 3


class Sanitiser:
    """Replaces forbidden characters by spaces and remembers what it replaced, and where."""

    def __init__(self) -> None:
        self.count = 0
        self.characters: dict[str, None] = {}  # "U+0001", in order of first appearance
        self.places: dict[str, None] = {}

    def __bool__(self) -> bool:
        return self.count > 0

    def record(self, char: str, where: str | None) -> None:
        self.count += 1
        self.characters.setdefault(f"U+{ord(char):04X}", None)
        if where:
            # A place may itself hold the character (a key) or be huge: notes must stay valid.
            where = FORBIDDEN_CHARACTERS.sub(" ", where)
            self.places.setdefault(where if len(where) <= 80 else where[:79] + "…", None)

    def text(self, value: str, where: str | None = None) -> str:
        """``value`` with each forbidden character replaced by one space (same length)."""
        if not FORBIDDEN_CHARACTERS.search(value):
            return value

        def space(match: re.Match[str]) -> str:
            self.record(match.group(), where)
            return " "

        return FORBIDDEN_CHARACTERS.sub(space, value)

    def document(self, doc: Any) -> Any:
        """Parsed JSON with every string (keys too) sanitised; places named as JSON pointers.

        ``doc`` itself is left as it is: a copy is made when something must be replaced.
        Walks without recursion: a deeply nested document must not overflow the stack here.
        """
        if not _holds_forbidden(doc):
            return doc
        root: list[Any] = [None]
        pending: list[tuple[Any, Any, Any, str]] = [(root, 0, doc, "")]
        while pending:
            holder, key, value, where = pending.pop()
            if isinstance(value, str):
                holder[key] = self.text(value, where or "/")
            elif isinstance(value, list):
                copy: list[Any] = [None] * len(value)
                holder[key] = copy
                pending.extend((copy, i, v, f"{where}/{i}") for i, v in reversed(list(enumerate(value))))
            elif isinstance(value, dict):
                # Keys first, in order, so that the copy keeps the document's key order.
                keys = [self.text(k, f"{where}/{k}") if isinstance(k, str) else k for k in value]
                mapping: dict[Any, Any] = dict.fromkeys(keys)
                holder[key] = mapping
                pending.extend((mapping, k, v, f"{where}/{k}") for k, v in reversed(list(zip(keys, value.values()))))
            else:
                holder[key] = value
        return root[0]

    def tree(self, root: Any) -> None:
        """An lxml tree's text, tails and attribute values sanitised in place.

        HTML parsers turn references like ``&#1;`` into the characters themselves (raw
        control bytes they drop); lxml then refuses to set such text again.
        """
        for el in root.iter():
            # Set only what changed: rewriting every text node would cost more than the check.
            text, tail = el.text, el.tail
            if text and (clean := self.text(text)) is not text:
                el.text = clean
            if tail and (clean := self.text(tail)) is not tail:
                el.tail = clean
            for name, value in el.attrib.items():
                if (clean := self.text(value)) is not value:
                    el.set(name, clean)

    def found(self) -> str:
        """'U+0001, U+FFFF at /headline, /body/0/text': which characters, and where."""
        text = ", ".join(self.characters)
        if self.places:
            named = list(self.places)[:_PLACES_NAMED]
            more = f" and {len(self.places) - len(named)} more" if len(self.places) > len(named) else ""
            text += f" at {', '.join(named)}{more}"
        return text

    def note(self) -> str | None:
        """What was replaced, for provenance.notes; None when nothing was."""
        if not self.count:
            return None
        plural = "s" if self.count > 1 else ""
        return (
            f"replaced {self.count} character{plural} that no output format can carry "
            f"(control characters, lone surrogates, U+FFFE/U+FFFF) with spaces: {self.found()}"
        )


def _holds_forbidden(doc: Any) -> bool:
    pending = [doc]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if FORBIDDEN_CHARACTERS.search(value):
                return True
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
    return False
