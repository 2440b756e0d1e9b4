"""Main events: classes the seven blind golds (docs/events.md, "What the seven golds still
missed") share, each on leads written here, not on the articles' words. 2021-06-14 is a
Monday, 2021-06-15 a Tuesday, 2021-06-17 a Thursday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check

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
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)
