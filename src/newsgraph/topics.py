"""Topics with codes as the formats carry them: what readers and exporters share.

A topic is ``{name, code, scheme, uri}`` (see :class:`newsgraph.model.Topic`). ninjs 2.x
and 3.x subjects have ``name``, ``uri`` and ``literal`` only: newsgraph writes a topic's code
as ``literal`` (:func:`ninjs_subject`) and reads a subject of any ninjs version back with
:func:`topic_of_subject`, taking the scheme from the code's QCode alias. Both directions
live here so that the exporter can tell which topics the subjects alone would not give
back (those go into its ``newsgraph`` description).
"""

from __future__ import annotations

import re
from typing import Any

from .model import URI_PATTERN, Topic

__all__ = ["QCODE", "ninjs_subject", "topic_of_subject"]

# A QCode: an alias without white space, ':' or '/', then a code without white space.
QCODE = re.compile(r"^[^\s:/]+:\S+$")
_URI = re.compile(URI_PATTERN)


def ninjs_subject(topic: Topic, uri: str | None) -> dict[str, str]:
    """A topic as a ninjs subject: name, ``uri`` (as the caller encodes it for ninjs) and
    its code as ``literal``."""
    subject = {"name": topic.name, "uri": uri, "literal": topic.code}
    return {k: v for k, v in subject.items() if v is not None}


def topic_of_subject(subject: dict[str, Any]) -> dict[str, str]:
    """A ninjs subject (any version; keys in lower case) as a topic: ``literal`` or ``code``
    is the code (a lone literal that is no QCode, without a uri, is a name); the scheme is
    ``scheme`` or the QCode's alias; empty when nothing names it."""

    def text(key: str) -> str | None:
        value = subject.get(key)
        return value if isinstance(value, str) and value.strip() else None

    name, literal, code, uri = text("name"), text("literal"), text("code"), text("uri")
    if literal and not name and not code and not uri and not QCODE.match(literal):
        name, literal = literal, None
    code = code or literal
    scheme = text("scheme") or (code.partition(":")[0] if code and QCODE.match(code) else None)
    topic = {"name": name, "code": code, "scheme": scheme, "uri": uri if uri and _URI.match(uri) else None}
    return {k: v for k, v in topic.items() if v is not None}
