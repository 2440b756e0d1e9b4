"""Main events: classes the seven blind golds (docs/events.md, "What the seven golds still
missed") share, each on leads written here, not on the articles' words. 2021-06-14 is a
Monday, 2021-06-15 a Tuesday, 2021-06-17 a Thursday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check
from newsgraph.extract import nlp
from newsgraph.extract.events import main as main_events

LEADS = {
    # what several speakers argue, undated, was said the day the lead gives the group one of
    # them leads ("a panel led by Lutz agreed on Tuesday"), not the day the story ran
    "a_group_led_by_a_speaker_dates_the_speakers": Lead(
        (
            "Columnists wave off the harbor toll.\n\n"
            "A panel of columnists led by Harbor Times editor Ann Lutz agreed on Tuesday that Senator "
            "Paul Reyes\u2019 plan for a harbor toll is wishful thinking with no future in the "
            "legislature.\n\n"
            "They passed over two port studies showing the toll would pay for the new bridge.\n\n"
            "Instead, Lutz, Tom Vale of the Daily Ledger and Hal Brenner of the Coast Weekly argued that the "
            "plan grows out of a naive hope that ship owners will simply pay.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Ann Lutz",),
        day="2021-06-15",
    ),
    # any of them: the one the group's leader is need not be named first
    "a_group_led_by_a_later_speaker_dates_the_speakers": Lead(
        (
            "Columnists wave off the harbor toll.\n\n"
            "A panel of columnists led by Harbor Times editor Ann Lutz agreed on Tuesday that Senator "
            "Paul Reyes\u2019 plan for a harbor toll is wishful thinking with no future in the "
            "legislature.\n\n"
            "They passed over two port studies showing the toll would pay for the new bridge.\n\n"
            "Instead, Tom Vale of the Daily Ledger, Harbor Times editor Ann Lutz and Hal Brenner argued that the plan grows out of a naive hope that "
            "ship owners will simply pay.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Tom Vale", "Ann Lutz"),
        day="2021-06-15",
    ),
    # what the first sentence has a described speaker doing now ("is calling for X to be barred")
    # is the news, not the rally a later sentence tells in the past as its cause
    "a_call_told_now_wins_over_the_rally_that_caused_it": Lead(
        (
            "Tucson councilor wants Brenner kept off the docks.\n\n"
            "A councilor in Tucson is calling for Hal Brenner to be barred from the port after the "
            "harbor chief said that its dock workers were lazy.\n\n"
            "\u201cNobody speaks of our workers this way,\u201d Lena Ortiz said in a motion she filed "
            "with the city council, according to the Harbor Times.\n\n"
            "At a rally in Flagstaff on Monday, Brenner listed the port among places he said had wasted "
            "public money for years.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        not_kinds=("rally",),
        names=("Lena Ortiz",),
    ),
    # "Coastline News Fires Vale": a headline's personnel verb the tagger reads as a noun between two
    # names still says who fired whom, when the lead has the one fired only "from the station"
    "a_headline_firing_read_as_a_noun_names_who_fired": Lead(
        (
            "Coastline News Fires Vale Over a Rude Post.\n\n"
            "Tom Vale, a longtime morning host and one of the best-known voices on Coastline News, was "
            "fired from the station Wednesday, a day after he mocked dock workers in a post online.\n\n"
            "Vale had hosted the morning show since 2009.\n"
        ),
        published="2021-06-17",
        kinds=("other",),
        names=("Tom Vale", "Coastline News"),
        day="2021-06-16",
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)


@pytest.mark.parametrize(
    "text, said",
    [
        ("A councilor is calling for Hal Brenner to be barred from the port.", True),
        ("The port is calling for bids on the new crane.", False),
    ],
)
def test_a_call_for_someone_to_act_is_speech(text: str, said: bool) -> None:
    [doc] = nlp.parse([text])
    assert (main_events._speech_verb(next(doc.sents)) is not None) == said
