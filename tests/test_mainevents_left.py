"""Main events: misses the six golds still shared after the sixth gold's round (docs/events.md,
"What the six golds still missed"), each on leads written here, not on the articles' words.
2021-06-13 is a Sunday, 2021-06-17 a Thursday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check

LEADS = {
    # "told CBS' Face the Nation on Sunday": the show's title, read as a verb, carries no clause,
    # so Sunday dates the telling and the lead's "says"
    "a_show_title_read_as_a_verb_does_not_hide_the_day": Lead(
        (
            "Hale on defense over his record.\n\n"
            "Tom Hale says he is being singled out because of his rise in the polls.\n\n"
            "\"There's no question I'm getting more scrutiny,\" the governor told CBS' Face the Nation "
            "on Sunday, saying that his rivals are worried.\n"
        ),
        published="2021-06-14",
        kinds=("statement", "interview"),
        names=("Tom Hale",),
        day="2021-06-13",
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)
