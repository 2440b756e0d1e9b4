"""What the tests of other presses' shapes share (test_press_styles, test_wire_shapes): a
short lead of our own before the paragraphs under test, read as plain text and extracted."""

from __future__ import annotations

from newsgraph import api
from newsgraph.model import Article

LEAD = (
    "Harbour plan approved after long delay\n\n"
    "The harbour board approved the new quay on Monday after a year of hearings, "
    "and building work is due to start in the spring.\n\n"
)


def extract(*paragraphs: str) -> Article:
    text = LEAD + "\n\n".join(paragraphs) + "\n"
    [article] = api.read(text.encode("utf-8"), format="text")
    return api.extract(article)


def titles(article: Article, name: str) -> list[str]:
    """The titles of the one actor called ``name``."""
    [actor] = [a for a in article.actors if a.name == name]
    return actor.titles
