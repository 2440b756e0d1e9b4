"""Main events: the classes the third blind gold (PolNeAR train, lines 5, 15, ...; docs/events.md,
"A third gold") showed missing, each on leads written here, not on the articles' words.
2021-06-14 is a Monday, 2021-06-17 a Thursday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check, main_event

LEADS = {
    # personnel news: a firing, a hire, lay-offs, joining a campaign (kind "other")
    "a_firing_told_in_the_passive_is_the_news": Lead(
        (
            "Harbor Radio fires Vale over post.\n\n"
            "Tom Vale, a longtime host, was fired from the station on Wednesday after a post about his "
            "neighbours drew complaints.\n"
        ),
        published="2021-06-17",
        kinds=("other",),
        names=("Tom Vale",),
        day="2021-06-16",
    ),
    "lay_offs_are_the_news": Lead(
        (
            "Reyes lays off half his campaign staff.\n\n"
            "Senator Paul Reyes laid off more than 80 campaign workers on Tuesday, his aides said.\n"
        ),
        published="2021-06-17",
        kinds=("other",),
        names=("Paul Reyes",),
        day="2021-06-15",
    ),
    "a_hire_by_a_network_is_the_news": Lead(
        (
            "Harbor Radio hires Ortiz.\n\n"
            "Harbor Radio hired Lena Ortiz, the former mayor, as its morning host on Monday.\n"
        ),
        published="2021-06-17",
        kinds=("other",),
        names=("Lena Ortiz",),
        day="2021-06-14",
    ),
    "fired_back_is_no_firing": Lead(
        (
            "Brenner answers critics.\n\n"
            "Governor Hal Brenner fired back at his critics on Tuesday, saying the budget “adds up.”\n"
        ),
        published="2021-06-17",
        not_kinds=("other",),
    ),
    # what a reaction is about is not the news, in the first sentence or a later one
    "a_reaction_to_an_accord_is_a_statement": Lead(
        (
            "Reyes Is Not Impressed By The River Agreement.\n\n"
            "Senator Paul Reyes on Saturday criticized the river accord signed by the two states, saying it "
            "“does far too little.”\n\n"
            "The agreement sets limits on how much water each state may take.\n"
        ),
        published="2021-06-14",
        kinds=("statement",),
        names=("Paul Reyes",),
        day="2021-06-12",
    ),
    # what someone said, talked about, is no event: "called X's remarks", "a dig at X's statement"
    "someone_s_remarks_called_unfair_are_no_speech": Lead(
        (
            "Ortiz calls Brenner's words unfair.\n\n"
            "Mayor Lena Ortiz on Tuesday called Governor Hal Brenner's remarks about the port “unfair.”\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Lena Ortiz",),
        day="2021-06-15",
    ),
    "a_named_target_makes_a_statement": Lead(
        (
            "Ortiz slams Brenner on taxes.\n\n"
            "Mayor Lena Ortiz blasted her rival Hal Brenner on Monday over his tax plan.\n\n"
            "The jab was aimed at Brenner's statement last month that taxes would not rise.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Lena Ortiz",),
        day="2021-06-14",
    ),
    # a point in time or an example for something else
    "days_before_a_gathering_is_no_meeting": Lead(
        (
            "Party feud erupts.\n\n"
            "A feud has erupted in the Harbor Party just days before its convention gathering in "
            "Sacramento, California.\n\n"
            "Treasurer Ruth Okafor criticized the party's leaders in an email on Saturday, accusing them of "
            "hiding the accounts.\n"
        ),
        published="2021-06-14",
        kinds=("letter", "statement"),
        names=("Ruth Okafor",),
        day="2021-06-12",
    ),
    # a debate about something is a public argument
    "a_debate_about_policy_is_no_debate": Lead(
        (
            "Floods renew argument over dams.\n\n"
            "The floods forced a debate about how to pay for new dams on Saturday.\n\n"
            "Governor Hal Brenner said on Sunday that the state “must build.”\n"
        ),
        published="2021-06-14",
        kinds=("statement",),
        names=("Hal Brenner",),
        day="2021-06-13",
    ),
    # an opinion endorsed is no endorsement
    "endorsing_a_policy_is_no_endorsement": Lead(
        (
            "Young voters want action.\n\n"
            "Young voters endorse putting solar panels on every school.\n\n"
            "A Harbor Times poll finds most of them undecided about the race.\n"
        ),
        published="2021-06-17",
        kinds=("poll",),
        names=("Harbor Times",),
    ),
    # a season is not one election
    "the_end_of_the_primaries_is_no_election": Lead(
        (
            "Brenner turns to the fall.\n\n"
            "Marking the end of the party primaries with a formal speech, Governor Hal Brenner told "
            "supporters on Tuesday night that “a new chapter” had begun.\n"
        ),
        published="2021-06-17",
        kinds=("statement", "speech"),
        names=("Hal Brenner",),
        day="2021-06-15",
    ),
    # a place named on the trigger: "the Harbor State primary"
    "a_primary_named_by_its_state_is_placed_there": Lead(
        ("Ortiz wins close race.\n\nLena Ortiz won the Montana primary on Tuesday by fewer than 900 votes.\n"),
        published="2021-06-17",
        kinds=("election", "vote"),
        names=("Lena Ortiz",),
        day="2021-06-15",
        place="Montana",
    ),
    # an op-ed's writer: "after writing a scathing op-ed"
    "an_op_ed_is_a_report_by_its_writer": Lead(
        (
            "Columnist renews feud with governor.\n\n"
            "Columnist Ruth Okafor renewed her feud with Governor Hal Brenner this week after writing a "
            "harsh op-ed that called his budget a fraud.\n"
        ),
        published="2021-06-17",
        kinds=("report",),
        names=("Ruth Okafor",),
    ),
    # who made a poll, told in another lead sentence
    "a_poll_s_maker_named_in_the_next_sentence": Lead(
        (
            "Ortiz pulls ahead.\n\n"
            "Mayor Lena Ortiz leads Governor Hal Brenner by six points, according to a new statewide poll.\n\n"
            "In the Harbor Times poll released Monday, 48 percent back Ortiz.\n"
        ),
        published="2021-06-17",
        kinds=("poll",),
        names=("Harbor Times",),
        not_names=("Hal Brenner",),
    ),
    # an email is a letter; emails released are a release
    "an_email_is_a_letter": Lead(
        (
            "Treasurer accuses leaders.\n\n"
            "Treasurer Ruth Okafor criticized the party's leaders in an email to the board on Saturday.\n"
        ),
        published="2021-06-14",
        kinds=("letter",),
        names=("Ruth Okafor",),
        day="2021-06-12",
    ),
    # a statement whose reporting verb the parse hides under the quotation: the quotes stage's
    # speaker and cue give it
    "a_statement_under_a_long_opening_is_found_through_its_quote": Lead(
        (
            "Reyes: \u2018Cartoons\u2019 have no place in the race.\n\n"
            "Tuesday on Harbor Radio\u2019s \u201cMorning Hour,\u201d while discussing a post from Governor Hal "
            "Brenner featuring a cartoon of Mayor Lena Ortiz, money and a crown likened to a king\u2019s, Senator "
            "Paul Reyes said \u201ccartoons like that, they don\u2019t belong in a campaign.\u201d\n"
        ),
        published="2021-06-15",
        kinds=("statement", "interview"),
        names=("Paul Reyes",),
        day="2021-06-15",
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)


def test_a_firing_is_labelled_as_one() -> None:
    _, main = main_event(LEADS["a_firing_told_in_the_passive_is_the_news"].text, "2021-06-17")
    assert main is not None and main.label.endswith("firing"), main


def test_a_quote_s_cue_names_the_statement_the_parse_may_hide() -> None:
    """The fallback reads the quotes stage: the cue of a quote with a named speaker."""
    from newsgraph.extract import nlp
    from newsgraph.extract.events import main

    lead = LEADS["a_statement_under_a_long_opening_is_found_through_its_quote"]
    article, _ = main_event(lead.text, lead.published)
    [doc] = nlp.parse([article.body[0].text])
    cue = main._quote_speech(article, 0, next(iter(doc.sents)))
    assert cue is not None and cue.text == "said"
    assert main._quote_speech(article, 1, next(iter(doc.sents))) is None  # no quote there


def test_a_month_is_no_march() -> None:
    lead = Lead(
        (
            "Ortiz answers Brenner.\n\n"
            "Mayor Lena Ortiz said on Tuesday that the port plan Governor Hal Brenner defended at a town "
            "hall in March “will not survive the winter.”\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Lena Ortiz",),
        day="2021-06-15",
    )
    check(lead)


def test_talks_to_a_host_is_no_negotiation() -> None:
    check(
        Lead(
            (
                "Reyes talks to radio host about the port.\n\n"
                "Senator Paul Reyes tells radio host Anna Lindqvist that the port plan “needs a second look.”\n"
            ),
            published="2021-06-17",
            kinds=("statement", "interview"),
            names=("Paul Reyes",),
            day="2021-06-17",
        )
    )


def test_a_roundup_s_opening_is_not_its_lead() -> None:
    check(
        Lead(
            (
                "The Latest: Ortiz tells voters she is with them.\n\n"
                "SALEM, Ore. (AP) — The Latest on the contest for governor and two contests Saturday: the Harbor "
                "Party primary and the Valley Party caucuses (all times local):\n\n"
                "11:50 p.m.\n\n"
                "Mayor Lena Ortiz wants voters to know that she is with them.\n\n"
                "She greeted 900 supporters at a rally late Saturday night in Eugene and told them the port "
                "would reopen.\n"
            ),
            published="2021-06-12",
            kinds=("rally", "statement", "speech"),
            names=("Lena Ortiz",),
            day="2021-06-12",
        )
    )


def test_a_security_briefing_is_a_meeting() -> None:
    check(
        Lead(
            (
                "Ortiz receives first security briefing.\n\n"
                "Mayor Lena Ortiz sat down on Saturday for a first security briefing from federal officials since "
                "her nomination.\n\n"
                "The meeting was held at a federal office in Sacramento, California.\n"
            ),
            published="2021-06-14",
            kinds=("meeting",),
            names=("Lena Ortiz",),
            day="2021-06-12",
            place="Sacramento",
        )
    )


def test_a_speech_in_a_later_adverbial_clause_is_background() -> None:
    check(
        Lead(
            (
                "Ortiz says Brenner's plan makes her 'want to weep.'\n\n"
                "Mayor Lena Ortiz is now one of many mayors to criticise Governor Hal Brenner.\n\n"
                "The plan is “a disgrace,” Ortiz said Tuesday in Sacramento, California.\n\n"
                "Brenner lashed out at the mayors last week after they gave a joint speech at the statehouse.\n"
            ),
            published="2021-06-17",
            kinds=("statement",),
            names=("Lena Ortiz",),
            day="2021-06-15",
        )
    )


def test_the_headline_s_verb_of_the_same_kind_names_who_acted() -> None:
    """A passive lead names only who was fired; the headline's verb names who fired him."""
    check(
        Lead(
            (
                "NBC fired Tom Vale over his post.\n\n"
                "Tom Vale, a longtime host, was fired from the network on Wednesday after a post about his "
                "neighbours drew complaints.\n\n"
                "NBC said the post broke its rules.\n"
            ),
            published="2021-06-17",
            kinds=("other",),
            names=("Tom Vale", "NBC News"),
            day="2021-06-16",
        )
    )
