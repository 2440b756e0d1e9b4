"""Main events: the classes the blind PolNeAR train gold showed missing (docs/events.md,
"Main events", the second gold), each on leads written here, not on the articles' words."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check


LEADS = {
    # a count of events is no event: "has 31 endorsements"
    "a_tally_of_endorsements_is_no_endorsement": Lead(
        (
            "Reyes says the party picked its favourite long ago.\n\n"
            "Governor Hal Brenner has 14 endorsements from the state's mayors, and Senator Paul Reyes has none.\n\n"
            "Reyes said in an interview aired Monday that the mayors \u201cchose before the race began.\u201d\n"
        ),
        published="2021-06-14",
        kinds=("interview", "statement"),
        names=("Paul Reyes",),
        day="2021-06-14",
    ),
    # the first part of a hyphenated word names nothing: "vote-rich"
    "a_vote_rich_county_is_no_vote": Lead(
        (
            "Former governor stumps for his wife.\n\n"
            "Former governor Tom Vale spent Wednesday in the vote-rich suburbs of Marlow, praising his "
            "wife\u2019s record on schools.\n"
        ),
        published="2021-06-17",
        not_kinds=("vote", "election"),
    ),
    # hyphenated event words are found whole: "fund-raiser", "face-off"
    "a_hyphenated_fund_raiser_is_a_fundraiser": Lead(
        (
            "Senator raises money in Toledo.\n\n"
            "Senator Paul Reyes held a fund-raiser in Toledo on Saturday with two hundred donors.\n"
        ),
        published="2021-06-14",
        kinds=("fundraiser",),
        names=("Paul Reyes",),
        day="2021-06-12",
    ),
    "a_face_off_is_a_debate": Lead(
        (
            "Rivals trade barbs on taxes.\n\n"
            "Governor Hal Brenner and Anna Lindqvist met in their final face-off on Tuesday night, "
            "sparring over taxes and schools.\n"
        ),
        published="2021-06-17",
        kinds=("debate", "meeting"),
        day="2021-06-15",
    ),
    # a plural with no determiner names a kind of event: "nationwide surveys"
    "nationwide_surveys_are_no_poll": Lead(
        (
            "Mayor sees a close race.\n\n"
            "Results of nationwide surveys show the race tightening, and Mayor Lena Ortiz said on Tuesday "
            "that her city would decide it.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Lena Ortiz",),
        day="2021-06-15",
    ),
    # attacks in words are no attacks
    "pressing_his_attack_is_no_attack": Lead(
        (
            "Reyes sharpens tone against Brenner.\n\n"
            "Senator Paul Reyes pressed his attack on Governor Hal Brenner on Thursday, saying the governor "
            "had \u201cemptied the state\u2019s savings.\u201d\n"
        ),
        published="2021-06-17",
        not_kinds=("attack",),
    ),
    "a_political_attack_is_no_attack": Lead(
        (
            "Lindqvist says she is a target.\n\n"
            "Anna Lindqvist says she is under political attack because her numbers are rising.\n\n"
            "\u201cThey are worried,\u201d Lindqvist told a radio host on Sunday.\n"
        ),
        published="2021-06-14",
        kinds=("statement", "interview"),
        names=("Anna Lindqvist",),
    ),
    "a_bombing_is_still_an_attack": Lead(
        (
            "Nine hurt in market bombing.\n\n"
            "A bombing at a crowded market in Harbor Point injured nine people on Sunday, police said.\n"
        ),
        published="2021-06-14",
        kinds=("attack",),
        day="2021-06-13",
    ),
    "a_massacre_is_an_attack": Lead(
        (
            "Police name gunman.\n\n"
            "Police on Monday named the gunman in the massacre at a Harbor Point warehouse on Sunday.\n"
        ),
        published="2021-06-14",
        kinds=("attack",),
    ),
    # an event told as background, months back, is not the news
    "an_endorsement_months_back_is_background_to_what_was_said": Lead(
        (
            "Actor mocks the governor.\n\n"
            "Actor Tom Vale says Governor Hal Brenner is \u201cthe wrong man for hard times.\u201d\n\n"
            "Vale endorsed Anna Lindqvist in January.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Tom Vale",),
    ),
    # "announced plans": a statement, and "programs" is no show
    "announced_plans_is_a_statement_and_programs_are_no_show": Lead(
        (
            "City to widen help for renters.\n\n"
            "MARLOW \u2014 The Marlow City Council announced plans on Tuesday to expand programs that help "
            "renters pay their bills.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Marlow City Council",),
        day="2021-06-15",
    ),
    # primaries: the election a lead reports, not the one a sentence passes through
    "a_close_primary_is_an_election": Lead(
        (
            "Ohio race too close to call.\n\n"
            "The Democratic primary in Ohio between Anna Lindqvist and Paul Reyes was down to the last "
            "votes on Tuesday night.\n"
        ),
        published="2021-06-17",
        kinds=("election",),
        names=("Anna Lindqvist", "Paul Reyes"),
        day="2021-06-15",
    ),
    "a_primary_won_on_the_way_is_no_election": Lead(
        (
            "Reyes vows to go on.\n\n"
            "On Tuesday night in Toledo, after winning Ohio in the Democratic presidential primary, Senator Paul "
            "Reyes said, \u201cWe are going all the way.\u201d\n"
        ),
        published="2021-06-17",
        kinds=("statement", "speech"),
        names=("Paul Reyes",),
    ),
    "a_primary_debate_is_a_debate": Lead(
        (
            "Reyes apologises to rival.\n\n"
            "In the third primary debate on Saturday, Senator Paul Reyes apologized to Anna Lindqvist "
            "for his staff\u2019s use of her data.\n"
        ),
        published="2021-06-14",
        kinds=("debate",),
        day="2021-06-12",
    ),
    # a person rallying holds a rally; a crowd rallying protests
    "a_senator_rallying_holds_a_rally": Lead(
        (
            "Reyes stumps for House hopeful.\n\n"
            "Senator Paul Reyes was rallying for a House candidate in Hartville on Friday, his first stop "
            "for someone else.\n"
        ),
        published="2021-06-14",
        kinds=("rally", "campaign_stop"),
    ),
    "nurses_rallying_protest": Lead(
        (
            "Nurses demand more staff.\n\n"
            "Thousands of nurses rallied outside the statehouse in Marlow on Monday to demand more staff.\n"
        ),
        published="2021-06-17",
        kinds=("protest",),
    ),
    # "received the endorsement of X": X endorses
    "the_endorsement_of_a_governor_has_the_governor": Lead(
        (
            "Brenner backs Lindqvist.\n\n"
            "Anna Lindqvist received the endorsement of Governor Hal Brenner on Friday, days before the vote.\n"
        ),
        published="2021-06-14",
        kinds=("endorsement",),
        names=("Anna Lindqvist", "Hal Brenner"),
        day="2021-06-11",
    ),
    # a planned event that took place is an event
    "a_planned_rally_held_on_a_day_is_a_rally": Lead(
        (
            "Few turn out for Reyes.\n\n"
            "Senator Paul Reyes came to Hartville on Wednesday for a planned rally in a football stadium, "
            "but the crowd filled only a corner of it.\n"
        ),
        published="2021-06-17",
        kinds=("rally",),
        day="2021-06-16",
    ),
    # "there have been 300 fires this year" dates the fires, not the fact-check
    "a_clause_with_its_own_subject_does_not_date_the_event": Lead(
        (
            "Fact-checkers back mayor on fires.\n\n"
            "After the forum, Reuters did a fact-check on the mayor\u2019s claim that there have been 300 fires "
            "in the city this year. On June 15 they published the results.\n"
        ),
        published="2021-06-17",
        kinds=("report", "release"),
        names=("Reuters",),
        day="2021-06-15",
    ),
    # a reaction is the news, not what it is about
    "a_statement_addressing_an_attack_is_the_main_event": Lead(
        (
            "Governor Addresses Harbor Point Bombing: ‘We Will Rebuild.’\n\n"
            "On Sunday, nine people were injured in a bombing at a market in Harbor Point.\n\n"
            "In response, Governor Hal Brenner issued a statement on Monday promising to rebuild the market.\n"
        ),
        published="2021-06-14",
        kinds=("statement",),
        names=("Hal Brenner",),
        day="2021-06-14",
    ),
    "a_swipe_saying_something_is_a_statement_not_the_vote_it_hails": Lead(
        (
            "Lindqvist swipes at Reyes over the referendum.\n\n"
            "Anna Lindqvist has taken a swipe at Senator Paul Reyes, saying that “loud words” do "
            "more harm than good.\n\n"
            "Reyes has hailed Norway’s vote to leave the fishing pact as “wonderful.”\n"
        ),
        published="2021-06-14",
        kinds=("statement",),
        names=("Anna Lindqvist",),
    ),
    # an event named in a circumstance of what was announced is not what was announced
    "an_election_in_a_purpose_clause_is_not_what_was_announced": Lead(
        (
            "Party adds staff in swing states.\n\n"
            "The Harbour Party's national office this week announced new hires meant to lift its "
            "candidate in the general election.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Harbour Party",),
    ),
    # "X, speaking at a rally": X is at the rally, on the day the lead gives X
    "the_speaker_at_a_rally_is_its_participant": Lead(
        (
            "Brenner hints at fight over judges.\n\n"
            "Governor Hal Brenner on Tuesday seemed to warn his rival about the courts.\n\n"
            "Brenner, speaking at a rally in Pueblo, said Anna Lindqvist would pick judges who block the "
            "new dam.\n"
        ),
        published="2021-06-17",
        kinds=("rally",),
        names=("Hal Brenner",),
        day="2021-06-15",
    ),
    # ads and mergers
    "an_ad_from_a_group_is_its_release": Lead(
        (
            "Group’s ad targets the governor.\n\n"
            "A television ad from Clean Rivers Fund, on the air since Monday, takes aim at how the "
            "governor has handled water.\n"
        ),
        published="2021-06-17",
        kinds=("release",),
        names=("Clean Rivers Fund",),
    ),
    "a_merger_announced_on_a_day_is_an_agreement": Lead(
        ("Drugmakers merge.\n\nA $40 billion merger announced Monday joins Halvorsen Pharma and Brightwell Labs.\n"),
        published="2021-06-17",
        kinds=("agreement",),
        day="2021-06-14",
    ),
    # a trigger in a later sentence's relative clause waits for the first sentence's statement
    "a_relative_clause_s_inquiry_waits_for_the_first_sentence_s_statement": Lead(
        (
            "Former judge at convention: the governor broke the law.\n\n"
            "DENVER — Former judge Ruth Okafor told delegates at the party convention on Tuesday that "
            "Governor Hal Brenner had broken the state’s records law.\n\n"
            "Okafor criticized the governor’s use of a private phone, which a state inquiry said was "
            "“careless.”\n"
        ),
        published="2021-06-17",
        kinds=("statement", "speech"),
        names=("Ruth Okafor",),
        day="2021-06-15",
    ),
    # a visit to a broadcaster's show is an interview; a visit to a city stays a visit
    "a_visit_to_a_broadcaster_s_show_is_an_interview": Lead(
        (
            "Reyes: ‘Of course’ Lindqvist can govern.\n\n"
            "Senator Paul Reyes visited NBC’s “Today” on Monday to explain his remarks about "
            "his rival Anna Lindqvist.\n"
        ),
        published="2021-06-17",
        kinds=("interview",),
        names=("Paul Reyes",),
        day="2021-06-14",
    ),
    "a_visit_to_a_city_stays_a_visit": Lead(
        ("Reyes tours flood zone.\n\nSenator Paul Reyes visited Hartville on Monday to see the flood damage.\n"),
        published="2021-06-17",
        kinds=("visit",),
        names=("Paul Reyes",),
        day="2021-06-14",
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)
