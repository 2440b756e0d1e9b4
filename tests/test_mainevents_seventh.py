"""Main events: the classes the seventh blind gold (PolNeAR train, 40 articles drawn at random;
docs/events.md, "A seventh gold") showed missing, each on leads written here, not on the
articles' words. 2021-06-14 is a Monday, 2021-06-16 a Wednesday, 2021-06-17 a Thursday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check

LEADS = {
    # whom words are told to is no event: the telling is ("told a union gathering that ...")
    "a_gathering_told_something_is_whom_it_was_told_to": Lead(
        (
            "Ortiz to dock workers: the port stays public.\n\n"
            "Mayor Lena Ortiz told a Harbor Workers Union gathering in Tucson on Wednesday that the port "
            "would stay in public hands.\n\n"
            "\u201cWe will not sell it,\u201d Ortiz said.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        not_kinds=("meeting",),
        names=("Lena Ortiz",),
        day="2021-06-16",
    ),
    # also through an apposition: "told the Harbour Dialogue, a security forum in Oslo"
    "a_forum_told_something_is_no_debate": Lead(
        (
            "Weber warns of harbour tensions.\n\n"
            "Defence Minister Karl Weber said on Wednesday that the navy would stay in the strait.\n\n"
            "\u201cWe are not leaving,\u201d Weber told the Harbour Dialogue, a regional security forum in "
            "Oslo.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        not_kinds=("debate",),
        names=("Karl Weber",),
        day="2021-06-16",
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)
