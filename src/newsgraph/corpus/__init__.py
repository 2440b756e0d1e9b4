"""Many articles, one graph: actors, places and events resolved across articles, in SQLite.

``Corpus`` (library.py) is the API; resolve.py matches each article's entities to the
corpus's, store.py keeps the file, exports.py writes it out, show.py shows it.
"""

from .library import AddReport, Corpus, CorpusEntity, CorpusEvent, CorpusQuote

__all__ = ["AddReport", "Corpus", "CorpusEntity", "CorpusEvent", "CorpusQuote"]
