"""The structure stage: the parts of a raw article that are not its story.

In order (:mod:`.layout`): the headline and the kicker above it, the byline and the
authors, the standfirst, agency and source credits, the dateline, a line stating the
date, photo captions with their credits and headings, authors' biographies at the end,
and in-body subheadings (which stay in the body with the role ``subheading``). Each line
taken out is recorded in ``provenance.removed``; authors, sources and the publisher
become actors with minted ids, which the actors stage merges its mentions into.
"""

from .layout import run

__all__ = ["run"]
