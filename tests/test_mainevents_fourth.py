"""Main events: the classes the fourth blind gold (PolNeAR train, lines 2, 12, ...; docs/events.md,
"A fourth gold") showed missing, each on leads written here, not on the articles' words.
2021-06-14 is a Monday, 2021-06-17 a Thursday, 2021-06-18 a Friday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check, main_event
from newsgraph.extract import nlp
from newsgraph.extract.events import main as main_events
from newsgraph.lexicon.written_dates import only_a_date

LEADS = {
    # an event noun the tagger reads as an adjective: "Poll precedes ...", "the ... primary on Monday"
    "a_primary_read_as_an_adjective_is_still_a_primary": Lead(
        (
            "Reyes gains on Ortiz.\n\n"
            "SEATTLE \u2014 After a poor month, Senator Paul Reyes carried the Coastal "
            "Workers primary on Monday and then took two of the next three states.\n"
        ),
        published="2021-06-17",
        kinds=("election",),
        names=("Paul Reyes",),
        day="2021-06-14",
    ),
    # a legislature's act on a bill or a nominee is a vote
    "a_legislature_blocking_a_package_is_a_vote": Lead(
        (
            "Flood relief dies in the Senate.\n\n"
            "Efforts to pay for flood relief failed on Tuesday as lawmakers traded blame.\n\n"
            "Senate Democrats blocked a $2 billion relief package on Tuesday because of measures Republicans "
            "had added to it.\n"
        ),
        published="2021-06-17",
        kinds=("vote",),
        names=("Senate",),
        day="2021-06-15",
    ),
    # joining as a delegate is personnel news, not an agreement
    "signing_up_as_a_delegate_is_no_agreement": Lead(
        (
            "Ortiz signs up to be a Brenner delegate.\n\n"
            "Mayor Lena Ortiz has signed up as a delegate for Governor Hal Brenner at the party's "
            "convention this summer.\n"
        ),
        published="2021-06-17",
        kinds=("other",),
        not_kinds=("agreement",),
        names=("Lena Ortiz",),
    ),
    # "X interviewed Y": an interview of both
    "a_host_interviewing_a_senator_is_an_interview": Lead(
        (
            "Reyes tells host not to fuss about Ortiz.\n\n"
            "On Tuesday, Harbor Radio host Tom Vale interviewed Senator Paul Reyes about the budget.\n"
        ),
        published="2021-06-17",
        kinds=("interview",),
        names=("Tom Vale", "Paul Reyes"),
        day="2021-06-15",
    ),
    # "a guest on X's show": an interview; the pollster is the one named, not whom he polled for
    "a_guest_on_a_show_is_an_interview_of_the_one_named": Lead(
        (
            "Former Brenner pollster says Brenner is in trouble.\n\n"
            "Former Hal Brenner pollster Ann Lutz was a guest on Harbor Radio\u2019s Morning Hour. Lutz "
            "described the hard race Brenner faces in Tuesday\u2019s primary.\n\n"
            "Brenner is two points behind Lena Ortiz in the polls.\n"
        ),
        published="2021-06-17",
        kinds=("interview",),
        not_kinds=("poll", "election"),
        names=("Ann Lutz",),
        not_names=("Hal Brenner",),
    ),
    # "in the polls" is a standing, not a poll
    "trailing_in_the_polls_is_no_poll": Lead(
        (
            "Reyes campaign upbeat.\n\n"
            "Senator Paul Reyes is two points behind in the polls, and his campaign manager Ann Lutz said "
            "on Monday that the race was \u201cfar from over.\u201d\n"
        ),
        published="2021-06-17",
        not_kinds=("poll",),
    ),
    # an "as" clause happens at the moment of the verb it hangs on: its date dates that verb
    "an_as_clause_dates_the_act_it_hangs_on": Lead(
        (
            "Reyes accepts nomination.\n\n"
            "HARBOR CITY \u2014 Paul Reyes painted a grim picture of the state as he accepted his party\u2019s "
            "nomination here Thursday night.\n\n"
            "Rather than reaching for the middle, Reyes closed the convention with a heavy speech of simple "
            "promises.\n"
        ),
        published="2021-06-18",
        kinds=("speech",),
        names=("Paul Reyes",),
        day="2021-06-17",
    ),
    # the day another sentence gives its actor, as a passive subject too; a place one step down
    # "a speech to volunteers in Tucson"
    "a_passive_subject_s_day_and_the_place_of_those_spoken_to": Lead(
        (
            "Reyes ignores his losses.\n\n"
            "Senator Paul Reyes was handed three defeats on Tuesday. In a speech to volunteers in Tucson, "
            "he said little about them.\n"
        ),
        published="2021-06-17",
        kinds=("speech",),
        names=("Paul Reyes",),
        day="2021-06-15",
        place="Tucson",
    ),
    # "he" standing for the one person named before it in its sentence
    "he_after_a_named_person_gives_the_day": Lead(
        (
            "Brenner makes promises to farmers.\n\n"
            "\u201cI did not come here tonight to make promises I cannot keep,\u201d Governor Hal Brenner told "
            "farmers.\n\n"
            "While Brenner\u2019s critics had doubted him, he offered the farmers a water plan Monday.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("Hal Brenner",),
        day="2021-06-14",
    ),
    # a speech someone wrote is a text, not the event; the first sentence's reported speech
    # comes before a trigger in its relative clause
    "a_speech_someone_wrote_is_no_speech": Lead(
        (
            "Speechwriter says he may vote for Ortiz.\n\n"
            "The lifelong party member who wrote the stirring speech Governor Hal Brenner gave at the "
            "convention says he may vote for Lena Ortiz.\n\n"
            "Tom Vale, a former aide, wrote in a Harbor Times op-ed that he had penned the remarks. Vale said "
            "he would not vote for Brenner.\n"
        ),
        published="2021-06-17",
        kinds=("statement", "report"),
        not_kinds=("speech",),
        names=("Tom Vale",),
    ),
    # a headline that reports speech puts the first sentence's statement before a later trigger;
    # "her remarks" of a later sentence are what the first sentence told
    "the_headline_s_statement_and_her_remarks_later": Lead(
        (
            "Ortiz slams Brenner, praises Reyes.\n\n"
            "HARBOR CITY \u2014 Mayor Lena Ortiz on Friday pummeled Governor Hal Brenner as divisive while "
            "praising Senator Paul Reyes as \u201ca worker.\u201d\n\n"
            "Her comments came a day after Brenner closed his party\u2019s convention in Fresno. Reyes spoke "
            "at a rally broadcast on every network.\n"
        ),
        published="2021-06-18",
        kinds=("statement",),
        names=("Lena Ortiz",),
        day="2021-06-18",
        place="Harbor City",
    ),
    # "X wrote in a Y op-ed": the writer made the report
    "the_writer_of_an_op_ed_made_it": Lead(
        (
            "Aide breaks with Brenner.\n\n"
            "Tom Vale, a former aide to Governor Hal Brenner, wrote in a Harbor Times op-ed on Tuesday that he "
            "could no longer back the governor.\n"
        ),
        published="2021-06-17",
        kinds=("report", "statement"),
        names=("Tom Vale",),
    ),
    # a judge described, then named as the one who made "the ruling"
    "the_judge_who_made_the_ruling_is_named_later": Lead(
        (
            "Judge hands watchdog a win.\n\n"
            "A federal judge granted Harbor Watch\u2019s request for the governor\u2019s records on "
            "Tuesday. The order came as part of a records lawsuit. Judge Karen Lunde made the ruling over "
            "the state\u2019s objections.\n"
        ),
        published="2021-06-17",
        kinds=("ruling",),
        names=("Karen Lunde",),
        day="2021-06-15",
    ),
    # what the verb says of its subject does not negate an event inside that subject
    "a_negated_verb_of_a_claim_about_a_speech_keeps_the_speech": Lead(
        (
            "Brenner's boast fails the test.\n\n"
            "A key boast of Governor Hal Brenner\u2019s speech to the party convention on "
            "Wednesday evening does not survive a fact check.\n"
        ),
        published="2021-06-17",
        kinds=("speech",),
        names=("Hal Brenner",),
        day="2021-06-16",
    ),
    # "A merger announced Monday would ...": the participle says it happened
    "a_merger_announced_monday_would_is_still_a_merger": Lead(
        (
            "Harbor Mills deal draws fire.\n\n"
            "A $40 billion merger announced Monday would turn Harbor Mills into the largest miller in the "
            "country.\n"
        ),
        published="2021-06-17",
        kinds=("agreement",),
        day="2021-06-14",
    ),
    # several primaries on one day are that day's event, not a tally
    "five_primaries_on_one_day_are_an_event": Lead(
        (
            "Turnout soars.\n\n"
            "Record numbers of voters cast ballots on Tuesday in five big primary elections across the "
            "region.\n"
        ),
        published="2021-06-17",
        kinds=("election",),
        day="2021-06-15",
    ),
    # told in the present perfect: the news of the day
    "a_win_told_in_the_present_perfect_is_of_the_day": Lead(
        (
            "Reyes takes the union's backing.\n\n"
            "Senator Paul Reyes has won the endorsement of the Harbor Dockworkers Union.\n"
        ),
        published="2021-06-17",
        kinds=("endorsement",),
        names=("Paul Reyes",),
        day="2021-06-17",
    ),
    # "her rally": whose it is, the person the sentence before names (not a place the next names)
    "her_rally_is_the_rally_of_the_one_just_named": Lead(
        (
            "Photos of a candidate's rally go viral.\n\n"
            "Mayor Lena Ortiz is raising eyebrows by staying in the race. Days before the primary, a series "
            "of photos from her rally on Wednesday shows rows of empty seats.\n\n"
            "Ortiz spoke for twenty minutes in Harbor Falls.\n"
        ),
        published="2021-06-17",
        kinds=("rally",),
        names=("Lena Ortiz",),
        day="2021-06-16",
    ),
    # a deck above the story names both sides of the meeting
    "a_deck_above_the_story_names_who_met": Lead(
        (
            "Senator stops by the governor's mansion.\n\n"
            "Reyes praises Brenner after hour-long meeting on water.\n\n"
            "With five days to go before the primary, Senator Paul Reyes met Governor Hal Brenner on "
            "Wednesday.\n"
        ),
        published="2021-06-17",
        kinds=("meeting",),
        names=("Paul Reyes", "Hal Brenner"),
        day="2021-06-16",
    ),
    # a trigger noun modifying another noun ("mass shooting victims") names who they are, not an event
    "shooting_victims_press_a_senator_at_a_news_conference": Lead(
        (
            "Relatives of mass shooting victims confront Reyes.\n\n"
            "At a heated press conference in Harbor City on Friday, families of victims of gun violence "
            "urged Senator Paul Reyes to back a law on gun makers.\n"
        ),
        published="2021-06-18",
        kinds=("press_conference",),
        not_kinds=("attack",),
        day="2021-06-18",
    ),
    # where the one acting is: "a judge in Montana"
    "a_judge_in_a_state_places_the_ruling": Lead(
        (
            "Teenagers may vote in the primary.\n\n"
            "A judge in Montana issued a ruling on Tuesday that lets 17-year-olds vote in next month\u2019s "
            "primary.\n"
        ),
        published="2021-06-17",
        kinds=("ruling",),
        day="2021-06-15",
        place="Montana",
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)


@pytest.mark.parametrize(
    "text, word, misread",
    [
        ("Poll precedes battle in the Senate.", "Poll", True),
        ("The primary reason is money.", "primary", False),
        ("Her concern is primary.", "primary", False),
    ],
)
def test_an_event_noun_read_as_an_adjective(text: str, word: str, misread: bool) -> None:
    [doc] = nlp.parse([text])
    tok = next(t for t in doc if t.text == word)
    assert main_events._misread_noun(tok) is misread or (tok.pos_ in ("NOUN", "PROPN") and misread)
    assert (main_events.trigger_kind(tok) is not None) is misread


def test_a_guest_at_a_dinner_is_no_interview() -> None:
    [doc] = nlp.parse(["Ann Lutz was a guest at the governor's dinner."])
    guest = next(t for t in doc if t.text == "guest")
    assert main_events.trigger_kind(guest) is None


def test_a_dateline_of_a_day_only_places_nothing() -> None:
    """ "Dec 29 (Reuters) -": a dateline that gives the day, not a city."""
    text = (
        "Reyes calls the toll unfair.\n\n"
        "Jun 15 (Reuters) - Senator Paul Reyes on Tuesday said the new bridge toll was unfair to "
        "commuters.\n"
    )
    article, main = main_event(text, "2021-06-16")
    assert main is not None and main.kind == "statement", main
    assert main.location is None, [p.name for p in article.places]
    assert only_a_date("Dec 29") and only_a_date("Sept. 3")
    assert not only_a_date("Berlin") and not only_a_date("May Day")
