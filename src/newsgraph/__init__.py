"""newsgraph: news articles in, structured and validated data out.

>>> import newsgraph
>>> [article] = newsgraph.read("samples/kremlin_talks.txt")
>>> article = newsgraph.extract(article)
>>> xml = newsgraph.export(article, to="newsml")
"""

from .api import (
    ConvertOptions,
    ConvertReport,
    Outcome,
    convert,
    export,
    extract,
    iter_articles,
    read,
    read_bytes,
    validate,
)
from .corpus import Corpus
from .errors import (
    DownloadError,
    ExportError,
    InputError,
    ModelError,
    NewsgraphError,
    OutputError,
    SchemaMissingError,
    UsageError,
)
from .exporters.base import ExportOptions
from .extract.options import ExtractOptions
from .formats import FORMATS, Format
from .model import (
    DEFAULT_ID_BASE,
    Actor,
    Article,
    DateInfo,
    Event,
    Media,
    Paragraph,
    Place,
    Provenance,
    Quote,
    RemovedText,
    Rights,
    Span,
    Topic,
    mint_article_id,
    mint_id,
)
from .readers.base import ReadOptions
from .validators.problem import Problem
from .version import __version__

__all__ = [
    "DEFAULT_ID_BASE",
    "FORMATS",
    "Actor",
    "Article",
    "ConvertOptions",
    "Corpus",
    "ConvertReport",
    "DateInfo",
    "Event",
    "DownloadError",
    "ExportError",
    "ExportOptions",
    "ExtractOptions",
    "Format",
    "InputError",
    "Media",
    "ModelError",
    "NewsgraphError",
    "Outcome",
    "OutputError",
    "Paragraph",
    "Place",
    "Problem",
    "Provenance",
    "Quote",
    "ReadOptions",
    "RemovedText",
    "Rights",
    "SchemaMissingError",
    "Span",
    "Topic",
    "UsageError",
    "__version__",
    "convert",
    "export",
    "extract",
    "iter_articles",
    "mint_article_id",
    "mint_id",
    "read",
    "read_bytes",
    "validate",
]
