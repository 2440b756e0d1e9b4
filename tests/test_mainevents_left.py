"""Main events: misses the six golds still shared after the sixth gold's round (docs/events.md,
"What the six golds still missed"), each on leads written here, not on the articles' words.
2021-06-13 is a Sunday, 2021-06-17 a Thursday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check

LEADS = {
    # "told CBS' Face the Nation" and a day: the show's title, read as a verb, carries no clause,
    # so Sunday dates the telling and the lead's "says"
    "a_show_title_read_as_a_verb_does_not_hide_the_day": Lead(
        (
            "Hale shrugs off the scrutiny.\n\n"
            "Tom Hale says the questions about his record come from rivals who fear his gains with voters.\n\n"
            '"I expected the extra attention," the governor told CBS\' Face the Nation '
            "on Sunday, adding that his rivals are nervous.\n"
        ),
        published="2021-06-14",
        kinds=("statement", "interview"),
        names=("Tom Hale",),
        day="2021-06-13",
    ),
    # "On Thursday, the presumptive nominee laid a wreath": the description is the one the lead
    # names, so Thursday dates the visit told without a day in the next sentence
    "a_role_described_later_in_the_lead_dates_the_event": Lead(
        (
            "Lena Ortiz visit to fire station draws praise.\n\n"
            "Wherever Lena Ortiz goes, the cameras follow. On Thursday, the presumptive "
            "nominee brought them along once more.\n\n"
            "Ortiz visited the Rockport Fire Station in Harbor City to thank the crews.\n"
        ),
        published="2021-06-18",
        kinds=("visit",),
        names=("Lena Ortiz",),
        day="2021-06-17",
    ),
    # a summary above the story ("ABSTRACT. ... FULL TEXT.") tells the news undated: the story's
    # first sentence gives its day
    "a_summary_above_the_story_takes_the_day_of_its_first_sentence": Lead(
        (
            "Vale faults port plan.\n\n"
            "ABSTRACT.\n\n"
            "The port plan would cost the city its waterfront, Mayor Tom Vale said.\n\n"
            "FULL TEXT.\n\n"
            "Rockport's mayor on Thursday sharply criticised the governor's plan to move the "
            "container port to the north shore.\n"
        ),
        published="2021-06-18",
        kinds=("statement",),
        names=("Tom Vale",),
        day="2021-06-17",
    ),
    # an undated act told right after a dated one ("failed Tuesday ... Democrats blocked") is how
    # that happened, that day
    "an_undated_act_right_after_a_dated_one_takes_its_day": Lead(
        (
            "Bid to fund bridge repairs dies in statehouse.\n\n"
            "A bid to pay for repairs to the Harbor Bridge failed Tuesday, as lawmakers traded blame over "
            "the crumbling span.\n\n"
            "Senate Democrats blocked a $40 million repair bill because of riders added by Governor Hal "
            "Brenner's allies.\n"
        ),
        published="2021-06-16",
        kinds=("vote",),
        day="2021-06-15",
    ),
    # "tells radio host Ann Lutz that ...", then "the interview": the one told gave the interview too
    "an_interview_has_the_one_its_speaker_tells": Lead(
        (
            "Ortiz talks to Ann Lutz about her critics.\n\n"
            "Mayor Lena Ortiz tells Harbor Radio host Ann Lutz that critics of the bridge plan should "
            "stop complaining and help.\n\n"
            "In a clip from the interview, set to air on Friday, Ortiz says she answers every critic "
            "twice as hard.\n"
        ),
        published="2021-06-16",
        kinds=("interview",),
        names=("Lena Ortiz", "Ann Lutz"),
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)
