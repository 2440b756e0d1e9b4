"""The events stage: what happened or will happen, when, where, with whom.

In order: trigger words give mentions (:mod:`.mentions`, verbal and nominal, each with
its participants, place and dates), references say which actor "he" or "the two
leaders" means (:mod:`.references`), mentions of one event are grouped (:mod:`.merge`),
and each group becomes an Event with a kind, a label, participants, a place, a date and
a status (:mod:`.build`). The headline, standfirst and captions are read too (no spans).
:func:`link_quotes` (a stage of its own, after this one) points quotes to their event.
"""

from .build import run
from .link import run as link_quotes

__all__ = ["link_quotes", "run"]
