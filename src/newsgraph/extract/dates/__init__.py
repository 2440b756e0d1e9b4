"""The dates stage: every date expression of the body, as written and resolved.

:mod:`.grammar` finds the expressions, the verb each hangs on decides past or future
(:mod:`..tense`), :mod:`.resolve` counts them from the publication day. The events stage
dates its events with :func:`find`; this stage writes a note in ``provenance.notes`` for
each date that cannot be believed (impossible, contradictory, implausibly far), and for
relative dates left unresolved for want of a publication day.
"""

from .finder import NOTE_PREFIX, Found, anchor_of, find, in_text, notes, run

__all__ = ["NOTE_PREFIX", "Found", "anchor_of", "find", "in_text", "notes", "run"]
