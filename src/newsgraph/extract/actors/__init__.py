"""The actors stage: people, organisations, countries, groups and places, each mention a Span.

spaCy proposes names (:mod:`.entities`); :mod:`.build` decides what each is, in order:
known names from the gazetteer first (countries, seats of government, organisations,
places; a capital that acts is its government, :mod:`.places`); then one kind per name
for the whole article (organisation cue, person label or given name, else the label
most often given); then people merged by surname and compatible given name, a surname
alone meaning the person last mentioned; finally every later occurrence of a known name
becomes a mention. Actors the structure stage made are kept and merged with.
"""

from .build import run

__all__ = ["run"]
