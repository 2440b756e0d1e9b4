"""See what newsgraph found: an article as one self-contained, accessible HTML page.

>>> from newsgraph.view import render_article
>>> html = render_article(article)
"""

from .page import render_article, safe_url
from .write import load, write_views

__all__ = ["load", "render_article", "safe_url", "write_views"]
