"""The clean pass: page furniture leaves the body, is kept in provenance, and nothing else goes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import Article, read_bytes
from newsgraph.errors import InputError
from newsgraph.extract import clean
from newsgraph.extract.options import ExtractOptions
from newsgraph.model import Paragraph
from newsgraph.readers.base import ReadOptions

from conftest import SAMPLES
from strategies import articles
from structure_gold import structure_passes


def read_text(text: str, **meta: str) -> Article:
    [article] = read_bytes(text.encode("utf-8"), format="text", options=ReadOptions(source="t.txt", **meta))
    return article


def cleaned(text: str, **options: str) -> Article:
    return clean.run(read_text(text), ExtractOptions(**options))


STORY = (
    "The city council approved the budget on Monday after a debate that lasted "
    "more than six hours and ended close to midnight."
)
MORE = (
    "Opposition members said the plan cut too deeply into spending on libraries and "
    "parks, and promised to raise it again next year."
)


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Skip to Content", "skip link"),
        ("Skip to main content", "skip link"),
        ("Jump to comments ↓", "comment prompt"),
        ("Add a comment", "comment prompt"),
        ("There are no comments yet. Be the first to share your thoughts.", "comment prompt"),
        ("This is AI generated summarization, which may contain mistakes. Read the story itself.", "AI notice"),
        ("Summarize this article with AI", "AI notice"),
        ("Download the Daily Bugle App!", "app prompt"),
        ("Download our app for the latest news", "app prompt"),
        ("Sign up for our morning newsletter", "newsletter prompt"),
        ("Article Topic Follows: Politics", "topic line"),
        ("Follow us on Facebook", "follow prompt"),
        ("Author Profile Photo", "author profile"),
        ("How does this make you feel?", "page furniture"),
        ("Loading...", "page furniture"),
        ("5 min read", "page furniture"),
        ("Share this article", "share prompt"),
        ("Facebook | Twitter | Email", "share prompt"),
        ("Copyright 2025 The Associated Press. All rights reserved.", "copyright"),
        ("Related: Council approves budget after marathon session", "related link"),
        (".", "lone punctuation"),
        ("* * *", "lone punctuation"),
    ],
)
def test_furniture_lines_leave_the_body_with_offset_and_reason(line: str, reason: str) -> None:
    text = f"Budget passes after long night\n\n{STORY}\n\n{line}\n\n{MORE}\n"
    article = cleaned(text)
    assert [p.text for p in article.body] == [STORY, MORE]
    [removed] = article.provenance.removed
    assert removed.reason == reason
    assert text[removed.offset : removed.offset + len(removed.text)] == removed.text == line


@pytest.mark.parametrize(
    "line",
    [
        # Article prose that starts like furniture stays: patterns match whole lines only.
        "Subscribe to the idea that budgets are moral documents, and the vote makes sense, she said.",
        "Follow the money, the auditor told the council, and you will see where the cuts fall.",
        "Share of commuters by mode",
        "Read more about the alternatives in the review, he told reporters.",
        "By Tuesday, the council had received more than 400 letters.",
        "Comments from residents filled three binders, according to the clerk's office.",
        "“No.”",
    ],
)
def test_prose_that_looks_like_furniture_stays(line: str) -> None:
    article = cleaned(f"Budget passes after long night\n\n{STORY}\n\n{line}\n\n{MORE}\n")
    assert line in [p.text for p in article.body]
    assert article.provenance.removed == []


def test_a_long_line_is_never_furniture() -> None:
    long_line = "Add a comment " + "about the budget and what it means for the city " * 5
    article = cleaned(f"Budget\n\n{STORY}\n\n{long_line}\n")
    assert long_line.strip() in [p.text for p in article.body]


def test_topics_are_kept_from_topic_lines_and_topic_blocks() -> None:
    article = cleaned(f"Budget\n\n{STORY}\n\nTopics: City Hall, Budget\n\nSuggested Topics:\n\nLibraries\n\nParks\n")
    assert [t.name for t in article.topics] == ["City Hall", "Budget", "Libraries", "Parks"]
    assert [p.text for p in article.body] == [STORY]


def test_recommendation_block_takes_link_titles_and_stops_at_prose() -> None:
    article = cleaned(
        f"Budget\n\n{STORY}\n\nYou May Also Like\n\nRecommended for you\n\n"
        f"Mayor opens new bridge\n\nSchool board elects chair\n\n{MORE}\n"
    )
    assert [p.text for p in article.body] == [STORY, MORE]
    assert [r.reason for r in article.provenance.removed] == ["recommendations"] * 4


def test_comment_block_runs_to_the_end() -> None:
    article = cleaned(
        f"Budget\n\n{STORY}\n\nComments (2)\n\nGreat reporting. Thank you.\n\nThe council never listens to us anyway.\n"
    )
    assert [p.text for p in article.body] == [STORY]
    assert {r.reason for r in article.provenance.removed} == {"comments"}


def test_repeated_headline_goes_but_its_first_copy_stays_for_the_structure_pass() -> None:
    text = f"ECONOMY\n\nCentral bank holds rates steady\n\nCentral bank holds rates steady\n\n{STORY}\n"
    article = cleaned(text)
    assert [p.text for p in article.body] == ["Central bank holds rates steady", STORY]
    assert [(r.reason, r.offset) for r in article.provenance.removed] == [
        ("repeated headline", text.index("Central bank", 20))
    ]


def test_a_paragraph_said_twice_in_a_row_goes_but_a_repeated_sentence_far_apart_stays() -> None:
    rule = "A candidate needs 1,410 votes to win the runoff."
    body = "\n\n".join([STORY, rule, MORE, STORY + " Again.", rule, MORE + " More.", MORE + " More."])
    article = cleaned(f"Vote count\n\n{body}\n")
    texts = [p.text for p in article.body]
    assert texts.count(rule) == 2  # a live blog repeats it on purpose
    assert texts.count(MORE + " More.") == 1
    assert [r.reason for r in article.provenance.removed] == ["repeated paragraph"]


def test_author_profile_leaves_the_name_below_it_for_the_structure_pass() -> None:
    article = cleaned(f"Budget\n\n{STORY}\n\nAuthor Profile Photo\n\nJane Okafor\n\nComments\n\nNice.\n")
    assert [p.text for p in article.body] == [STORY, "Jane Okafor"]


def test_other_languages_keep_their_text_and_say_what_was_skipped() -> None:
    text = "Haushalt beschlossen\n\nSkip to content\n\nDer Rat hat den Haushalt beschlossen.\n\n.\n"
    article = cleaned(text, language="de")
    assert [p.text for p in article.body] == ["Skip to content", "Der Rat hat den Haushalt beschlossen."]
    assert [r.reason for r in article.provenance.removed] == ["lone punctuation"]
    assert any("English" in n and "de" in n for n in article.provenance.notes)


def test_only_furniture_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="only page furniture.*--no-extract"):
        cleaned("Skip to content\n\nLoading\n\nAdd a comment\n\nDownload the Bugle App!\n")


def test_a_headline_alone_is_an_article_with_a_note() -> None:
    article = structure_passes(read_text("Budget passes after long night\n\nSkip to content\n"))
    assert article.headline == "Budget passes after long night"
    assert article.body == []
    assert any("no body text" in n for n in article.provenance.notes)


def test_a_single_line_of_prose_is_a_body_not_a_headline() -> None:
    article = structure_passes(read_text(" ".join([STORY, MORE, STORY])))
    assert article.headline is None
    assert len(article.body) == 1


def test_huge_paragraph_is_handled_in_linear_time() -> None:
    huge = ("The council met again on Tuesday. " * 20000).strip()
    article = structure_passes(read_text(f"Budget\n\n{huge}\n\nLoading\n"))
    assert article.body[0].text == huge
    assert [r.reason for r in article.provenance.removed] == ["page furniture"]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_nothing_is_lost_every_line_is_in_the_body_a_field_or_provenance(path) -> None:
    text = path.read_text(encoding="utf-8")
    [article] = read_bytes(path.read_bytes(), format="text")
    done = structure_passes(article)
    places = [(p.offset, p.text) for p in done.body] + [(r.offset, r.text) for r in done.provenance.removed]
    for offset, piece in places:
        assert text[offset : offset + len(piece)] == piece
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and stripped not in (done.headline, done.kicker):
            assert any(stripped in piece or piece in stripped for _, piece in places), stripped


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    articles(),
    st.lists(
        st.sampled_from(
            ["Skip to content", "Loading", ".", "Add a comment", "You May Also Like", "Reuters", "By Jane Doe"]
        ),
        max_size=3,
    ),
)
def test_spans_follow_their_words_when_lines_leave(article: Article, furniture: list[str]) -> None:
    # Furniture put between the paragraphs of any valid article: after both passes the
    # article is still valid and every surviving span still covers the same words.
    body = []
    for i, p in enumerate(article.body):
        body.append(p)
        if i < len(furniture):
            body.append(Paragraph(text=furniture[i]))
    index = [i for i, p in enumerate(body) if p in article.body]
    shifted = article.model_copy(update={"body": body})
    data = shifted.model_dump()

    def remap(node: object) -> None:
        if isinstance(node, dict):
            if {"paragraph", "start", "end"} <= set(node) and node.get("part") is None:  # a body span
                node["paragraph"] = index[node["paragraph"]]
            for value in node.values():
                remap(value)
        elif isinstance(node, list):
            for value in node:
                remap(value)

    remap({k: v for k, v in data.items() if k != "body"})
    before = Article.model_validate(data)
    words = {(a.id, before.span_text(s)) for a in before.actors for s in a.mentions}
    try:
        after = structure_passes(before, ExtractOptions())
    except InputError as err:  # nothing but furniture (":" alone), and no headline
        assert before.headline is None and "only page furniture" in err.what
        return
    assert {(a.id, after.span_text(s)) for a in after.actors for s in a.mentions} <= words
    assert Article.model_validate(after.model_dump()) == after


def test_an_ai_summary_goes_with_its_notice() -> None:
    text = (
        f"Budget passes\n\n• The council approved the budget\n• Libraries lose funding\n\n"
        "This is AI generated summarization, which may have errors.\n\n- One more point\n\n"
        f"{STORY}\n\n- A list item of the story itself, kept.\n"
    )
    article = cleaned(text)
    assert [p.text for p in article.body] == [STORY, "- A list item of the story itself, kept."]
    assert [r.reason for r in article.provenance.removed] == ["AI notice"] * 4
