"""The clean stage: web page furniture leaves the body and is kept in provenance.

Rules fire per line, top to bottom (:mod:`.boilerplate`): lone punctuation; a furniture
pattern matching the whole line (``lexicon/data/boilerplate.json``: block starters such
as "Comments" or "You May Also Like" first, then single lines), which may open a block
whose following lines go with it; a second copy of the headline near the top; a
paragraph repeated right after itself. Topics named by a removed topic line are kept.
"""

from .boilerplate import run

__all__ = ["run"]
