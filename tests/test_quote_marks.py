"""The quotation-mark scanner: every style, apostrophes, unbalanced and nested marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.quotes.marks import QuoteRegion, scan, scan_paragraph


def quoted(text: str) -> list[str]:
    return [text[r.start : r.end] for r in scan_paragraph(text)]


# --- styles ----------------------------------------------------------------------------


def test_straight_double_quotes() -> None:
    assert quoted('"We will win," she said. "Then we rest."') == ["We will win,", "Then we rest."]


def test_curly_double_quotes() -> None:
    assert quoted("\u201cWe will win,\u201d she said.") == ["We will win,"]


def test_mixed_curly_and_straight_marks_pair() -> None:
    # Copy-pasted text often opens with a curly mark and closes with a straight one.
    assert quoted('\u201cThe deal is done," he said.') == ["The deal is done,"]


def test_single_curly_quotes_in_a_headline() -> None:
    assert quoted("Minister says ties are \u2018Working and Stable\u2019 after talks") == ["Working and Stable"]


def test_straight_single_quotes_in_a_headline() -> None:
    assert quoted("Relations 'Quite Constructive,' Minister Says") == ["Quite Constructive,"]


def test_two_apostrophe_style() -> None:
    assert quoted("''It is a good day,'' Mr. Lund said.") == ["It is a good day,"]


def test_two_curly_single_marks_in_a_row_are_a_double_mark() -> None:
    text = "\u201cIt was a bad day,\u2019\u2019 Ann Moy said. \u2018\u2018Not again,\u201d she added."
    assert quoted(text) == ["It was a bad day,", "Not again,"]
    # after a plural the two are an apostrophe and a closing single mark, as before
    assert quoted("She called it \u2018a win for the players\u2019\u2019 in June.") == ["a win for the players"]


def test_guillemets_and_low_marks() -> None:
    assert quoted("Sie sagte \u201eJa\u201c und er \u00abNein\u00bb.") == ["Ja", "Nein"]


# --- apostrophes are not quote marks ------------------------------------------------


def test_possessive_after_s_is_not_a_closing_mark() -> None:
    text = "Marsh told NBC News\u2019 Tom Whitaker that the US\u2019 goal was unclear."
    assert quoted(text) == []


def test_contractions_and_decades_are_not_quote_marks() -> None:
    assert quoted("It\u2019s the \u201990s again, isn't it? Rock 'n' roll, 'em all.") == []


def test_apostrophe_inside_a_single_quoted_phrase() -> None:
    assert quoted("He called it \u2018the people\u2019s deal\u2019 on Monday.") == ["the people\u2019s deal"]


def test_possessive_plural_inside_single_quotes_is_skipped() -> None:
    assert quoted("A \u2018farmers\u2019 revolt\u2019 began.") == ["farmers\u2019 revolt"]


# --- unbalanced, nested, unclosed ---------------------------------------------------


def test_unclosed_quote_runs_to_the_end_of_its_paragraph() -> None:
    [r] = scan_paragraph('"We will not stop, she said and walked out')
    assert (r.opened, r.closed) == (True, False)
    assert r.end == len('"We will not stop, she said and walked out')


def test_a_missing_closing_mark_ends_at_the_next_sentence_that_opens_a_quote() -> None:
    text = '"We are done. "Now we vote," he said.'
    assert quoted(text) == ["We are done.", "Now we vote,"]
    assert scan_paragraph(text)[0].closed is False


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "\u201cHe told me \u2018never again\u2019 and left,\u201d she said."
    assert quoted(text) == ["He told me \u2018never again\u2019 and left,"]


def test_british_style_single_outside_double_inside() -> None:
    text = "\u2018He told me \u201cnever again\u201d and left,\u2019 she said."
    assert quoted(text) == ["He told me \u201cnever again\u201d and left,"]


def test_a_closing_mark_first_means_the_quote_began_before_the_paragraph() -> None:
    [r] = scan_paragraph('and that is all there is to it," Lund said.')
    assert r.opened is False and r.start == 0


def test_stray_closing_mark_after_a_quote_is_ignored() -> None:
    assert quoted('"Yes," he said." Then nothing.') == ["Yes,"]


def test_inch_marks_are_not_quote_marks() -> None:
    assert quoted('He is 6\'3" tall and bought a 17" screen.') == []


def test_marks_in_leftover_markup_are_not_quotes() -> None:
    text = '<tweet author="@someone" date="May 2">"Vote today," she wrote</tweet>'
    assert quoted(text) == ["Vote today,"]


def test_empty_and_markless_paragraphs() -> None:
    assert quoted("") == []
    assert quoted('""') == []
    assert quoted("No quotes here.") == []


# --- across paragraphs --------------------------------------------------------------


def test_quote_running_over_paragraphs_is_marked_as_continued() -> None:
    paras = ["\u201cThe first ships leave tonight, he said.", "\u201cThe rest follow next week.\u201d"]
    first, second = scan(paras)
    assert first[0].closed is False and first[0].continues is True
    assert second[0].opened and second[0].closed


def test_unclosed_quote_not_followed_by_a_quote_is_not_continued() -> None:
    first, _second = scan(["\u201cThe first ships leave tonight.", "Nothing else was said."])
    assert first[0].continues is False


# --- property: never fails, regions are sane ---------------------------------------

_MARKY = st.text(alphabet=st.sampled_from(list("ab .,\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`<>=\n")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKY, min_size=1, max_size=4))
def test_scanner_never_fails_and_regions_lie_inside_their_paragraphs(paras: list[str]) -> None:
    for i, regions in enumerate(scan(paras)):
        text = paras[i]
        last_end = -1
        for r in regions:
            assert isinstance(r, QuoteRegion) and r.paragraph == i
            assert 0 <= r.mark_start <= r.start < r.end <= r.mark_end <= len(text)
            assert r.start >= last_end  # reading order, no overlap
            last_end = r.end


def test_marks_in_a_long_attribute_of_leftover_markup_are_not_quotes() -> None:
    # an embed that copies a whole post into an attribute
    post = "The harbour will reopen next week, the board says, and the ferries will run. " * 7
    text = f'<tweet text="{post}" date="{post}">Rinde said the port is "safe now." Rinde was right</tweet>'
    assert len(text) > 1000 and quoted(text) == ["safe now."]
