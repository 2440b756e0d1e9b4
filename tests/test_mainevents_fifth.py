"""Main events: the classes the fifth blind gold (PolNeAR train, lines 7, 17, ...; docs/events.md,
"A fifth gold") showed missing, each on leads written here, not on the articles' words.
2021-06-14 is a Monday, 2021-06-16 a Wednesday, 2021-06-17 a Thursday, 2021-06-18 a Friday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check
from newsgraph.extract import nlp
from newsgraph.extract.events import main as main_events

LEADS = {
    # what a reaction dismisses is what it is about: "dismissed a report" is the statement
    "dismissing_a_report_is_a_statement_not_the_report": Lead(
        (
            "Reyes shrugs off story about his budget.\n\n"
            "Senator Paul Reyes dismissed a report in the Harbor Times that his campaign had overspent "
            "its budget.\n\n"
            "Reyes told the Coastal Ledger in a short statement that the figures were old.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        not_kinds=("report",),
        names=("Paul Reyes",),
    ),
    # an event deep inside what the reaction takes as its object is what it is about too
    "an_agreement_inside_the_accusations_dismissed_is_no_event": Lead(
        (
            "Party chair waves away Ortiz complaint.\n\n"
            "Party chair Ann Lutz on Tuesday dismissed Lena Ortiz\u2019s claims that the Brenner campaign "
            "is breaking the rules through its shared fundraising agreement with the party.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        not_kinds=("agreement",),
        names=("Ann Lutz",),
        day="2021-06-15",
    ),
    # "rips the deal": the deal is what is ripped; the letter it is told in is the news
    "ripping_a_deal_in_a_letter_is_the_letter": Lead(
        (
            "Reyes urges colleagues to sink dam deal.\n\n"
            "Senator Paul Reyes is pressing his colleagues to reject the dam deal the governor struck last "
            "week.\n\n"
            "In a letter to fellow senators released Monday, Reyes rips the deal to pay for the dam with "
            "toll money.\n"
        ),
        published="2021-06-16",
        kinds=("letter", "statement"),
        not_kinds=("agreement",),
        names=("Paul Reyes",),
        day="2021-06-14",
    ),
    # what a named speaker says an event is: the statement's subject, not the news; a headline
    # "Name: words" reports speech, so the first sentence's speech comes before later triggers
    "the_subject_of_what_is_reaffirmed_is_no_event": Lead(
        (
            "Lutz: No meddling in dam inquiry.\n\n"
            "Attorney General Ann Lutz is reaffirming that the state police inquiry into the dam contracts "
            "is free of any pressure from the governor.\n\n"
            "She told the Harbor Times on Monday that the inquiry is run by career detectives.\n\n"
            "In a letter sent to the court Monday, the police chief Tom Vale said the review goes on.\n"
        ),
        published="2021-06-16",
        kinds=("statement",),
        not_kinds=("investigation", "letter"),
        names=("Ann Lutz",),
    ),
    # the place where the lead has the speaker speak, named by the quotes stage ("the senator"),
    # through those spoken with: "at a picnic with farmers in Tucson"
    "the_place_a_described_speaker_speaks_at": Lead(
        (
            "Reyes: Ortiz should have thanked me.\n\n"
            "Senator Paul Reyes said Friday that Lena Ortiz should have thanked him for the bridge money.\n\n"
            "\u201cI waited for one kind word about the bridge,\u201d the senator said at a picnic with "
            "farmers in Tucson. \u201cIt never came.\u201d\n"
        ),
        published="2021-06-18",
        kinds=("statement",),
        names=("Paul Reyes",),
        day="2021-06-18",
        place="Tucson",
    ),
    # a date inside "ahead of X" is X's day, not the day of what happens ahead of it
    "the_day_of_what_an_event_comes_ahead_of_is_not_its_day": Lead(
        (
            "Groups launch ads against Reyes in Ohio.\n\n"
            "Senator Paul Reyes is facing new attack ads ahead of the June 29 primary in Ohio.\n\n"
            "The Harbor Fund, a group set up to stop him, launched a radio ad in Ohio on Saturday.\n"
        ),
        published="2021-06-14",
        kinds=("release",),
        day="2021-06-12",
    ),
    # a city council's approval is a vote, like a legislature's
    "a_city_council_approving_a_resolution_is_a_vote": Lead(
        (
            "Harbor City votes to rebuke Brenner.\n\n"
            "On Wednesday the Harbor City Council approved a motion that rebukes Governor Hal Brenner "
            "for his plan to close the port.\n"
        ),
        published="2021-06-17",
        kinds=("vote",),
        names=("Harbor City Council",),
        day="2021-06-16",
    ),
    # the headline names where its acts took place: that occasion, however deep the lead tells it
    "a_news_conference_the_headline_names_is_found_deep_in_the_lead": Lead(
        (
            "Lund scolds Berg and praises Vale at news conference.\n\n"
            "With her usual bluntness, Prime Minister Eva Lund ranged over dozens of topics in her yearly "
            "summer news conference.\n\n"
            "Ms. Lund drew laughs from the reporters on Thursday when she scolded Lars Berg.\n"
        ),
        published="2021-06-18",
        kinds=("press_conference",),
        names=("Eva Lund",),
        day="2021-06-17",
    ),
    # "Sunday's election" is one; "the election" alone is not read as the news
    "an_election_given_a_day_is_an_election": Lead(
        (
            "Harbor Party short of a majority.\n\n"
            "The Harbor Party faces weeks of hard bargaining for partners after voters split their support "
            "between five parties.\n\n"
            "Premier Eva Lund\u2019s Harbor Party won 40 of the 90 seats in Sunday\u2019s election, short of "
            "the 46 it needs to govern alone.\n"
        ),
        published="2021-06-15",
        kinds=("election",),
        day="2021-06-13",
    ),
    # an endorsement "of X" through the verb's object: "endorsed the re-election of X"
    "endorsing_someone_s_re_election_includes_them": Lead(
        (
            "Brenner backs Ortiz at last.\n\n"
            "Late on Friday, Governor Hal Brenner endorsed the re-election of Mayor Lena Ortiz.\n"
        ),
        published="2021-06-18",
        kinds=("endorsement",),
        names=("Hal Brenner", "Lena Ortiz"),
        day="2021-06-18",
    ),
    # a judge described, named in a later sentence's "ruling, in which Judge X ...": X, not the
    # one who asked for the ruling
    "the_judge_a_later_ruling_names_is_the_judge": Lead(
        (
            "Judge orders port records opened.\n\n"
            "A state judge ordered the port authority on Friday to open its internal records.\n\n"
            "The ruling, in which Judge Ivo Horvat pointed to the public\u2019s interest, answered a "
            "request by the Harbor Times.\n"
        ),
        published="2021-06-20",
        kinds=("ruling",),
        names=("Ivo Horvat",),
        not_names=("Harbor Times",),
        day="2021-06-18",
    ),
    # an event someone brings up is what is talked about; the host's words on the show are the news
    "an_attack_brought_up_on_a_show_is_no_attack": Lead(
        (
            "Host tells guest the cases differ.\n\n"
            "When two guests of his weekly show likened the port strike to the dock riots, "
            "host Tom Vale said the two could not be compared.\n\n"
            "Ann Lutz set off the exchange when she brought up the harbor bombing of last year.\n"
        ),
        published="2021-06-19",
        kinds=("interview", "statement"),
        not_kinds=("attack",),
        names=("Tom Vale",),
    ),
    # a later sentence's event with no one named in it waits behind the first sentence's speech
    "an_event_of_no_one_waits_behind_the_first_sentence_s_speech": Lead(
        (
            "Governor stands by his driver.\n\n"
            "Governor Hal Brenner defended his driver as \u201ca good and careful man\u201d on Tuesday, a day "
            "after the driver was charged over a crash.\n\n"
            "A video of the evening\u2019s news conference, filmed by the cameras of the hall, was also "
            "made public.\n"
        ),
        published="2021-06-16",
        kinds=("statement",),
        names=("Hal Brenner",),
        day="2021-06-15",
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)


@pytest.mark.parametrize(
    "text, word, kind",
    [
        ("The party won 40 seats in Sunday's election.", "election", "election"),
        ("The election on Sunday gave the party 40 seats.", "election", "election"),
        ("She wants to win the election in November.", "election", None),
        ("The 2016 election shaped the party.", "election", None),
    ],
)
def test_an_election_needs_a_day(text: str, word: str, kind: str | None) -> None:
    [doc] = nlp.parse([text])
    assert main_events.trigger_kind(next(t for t in doc if t.text == word)) == kind
