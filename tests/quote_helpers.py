"""Shared by the quote tests that extract a story of our own sentences."""

from __future__ import annotations

from newsgraph import api
from newsgraph.model import Article

HEADLINE = "Harbour news"


def extract_story(text: str, *, lead: str = "") -> Article:
    """``text`` read and extracted as a text file's story, under a headline (the first line
    of a text file is its headline: the story starts after it) and an optional lead."""
    before = f"{lead}\n\n" if lead else ""
    [article] = api.read(f"{HEADLINE}\n\n{before}{text}".encode(), format="text")
    return api.extract(article)
