"""Main events: the classes the seventh blind gold (PolNeAR train, 40 articles drawn at random;
docs/events.md, "A seventh gold") showed missing, each on leads written here, not on the
articles' words. 2021-06-14 is a Monday, 2021-06-16 a Wednesday, 2021-06-17 a Thursday."""

from __future__ import annotations

import pytest

from mainevent_leads import Lead, check
from newsgraph.extract import nlp
from newsgraph.extract.events import main as main_events

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
    # also through an apposition: "told the Fjord Dialogue, a yearly naval forum in Bergen"
    "a_forum_told_something_is_no_debate": Lead(
        (
            "Weber sounds alarm over the channel.\n\n"
            "Defence Minister Karl Weber said on Wednesday that two patrol boats would remain in the channel.\n\n"
            "\u201cOur boats stay put,\u201d Weber told the Fjord Dialogue, a yearly naval forum in "
            "Bergen.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        not_kinds=("debate",),
        names=("Karl Weber",),
        day="2021-06-16",
    ),
    # a transcript's paragraph opened by a quotation mark and never closed is someone's words: its
    # "video" is no release, the debate the first sentence reports is the news
    "a_transcript_paragraph_is_quoted_words": Lead(
        (
            "Reyes: Critic \u2018flat wrong\u2019 about the toll.\n\n"
            "Tuesday at the Harbor Times debate, Senator Paul Reyes said his critic Ann Lutz is \u201cflat "
            "wrong\u201d about the toll and its costs for the port.\n\n"
            "An excerpt of the exchange:\n\n"
            '"LUTZ: I will say this plainly. Hal Brenner and Lena Ortiz each blamed a video for the leak, '
            "and both of them knew better. Neither one ever phoned me back.\n\n"
            '"REYES: I like her, but on the toll she has her numbers wrong.\n'
        ),
        published="2021-06-17",
        kinds=("debate", "statement"),
        not_kinds=("release",),
        names=("Paul Reyes",),
        day="2021-06-15",
    ),
    # what a reaction is for is what it is about: "blasted Reyes for skipping the debate" is the
    # statement, not the debate (also in a headline whose verb the parser reads as a noun)
    "what_someone_is_blasted_for_is_no_event": Lead(
        (
            "Mayor takes aim at senator.\n\n"
            "Mayor Lena Ortiz on Tuesday blasted Senator Paul Reyes for skipping the party debate in Tucson.\n\n"
            "Reyes has said he had a family matter to attend to.\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        not_kinds=("debate",),
        names=("Lena Ortiz",),
        day="2021-06-15",
    ),
    # "X on Monday hit Y ..., she hit him ..., and she claimed": "she" is X (the parse may hang the
    # first clause under the second)
    "a_pronoun_subject_of_a_joined_verb_is_the_first_clause_s_subject": Lead(
        (
            "Ortiz and Brenner trade barbs.\n\n"
            "Mayor Lena Ortiz on Monday hit Governor Hal Brenner on tolls, she hit him on schools, and she "
            "claimed that there is a \u201cgrowing panic\u201d in the governor\u2019s campaign.\n"
        ),
        published="2021-06-14",
        kinds=("statement",),
        names=("Lena Ortiz",),
        day="2021-06-14",
    ),
    # "Vale said on Friday he met Ortiz": "he" in the clause a named speaker reports is the speaker
    "he_in_the_clause_a_speaker_reports_is_the_speaker": Lead(
        (
            "Shipping magnate and mayor may be aligning on the port.\n\n"
            "Shipping magnate Tom Vale said on Friday he met Mayor Lena Ortiz on Wednesday and that the two "
            "talked about the port\u2019s future.\n"
        ),
        published="2021-06-19",
        kinds=("meeting",),
        names=("Tom Vale", "Lena Ortiz"),
        day="2021-06-16",
    ),
    # "announced he signed an executive order": an order signed is no agreement
    "an_executive_order_signed_is_no_agreement": Lead(
        (
            "Brenner hands permits back to fishing families.\n\n"
            "Governor Hal Brenner on Friday announced he signed an executive order giving 2,000 "
            "fishing families their permits back.\n\n"
            "\u201cThe harbor belongs to the people who work it,\u201d Brenner said at the state house in Tucson.\n"
        ),
        published="2021-06-18",
        kinds=("statement",),
        not_kinds=("agreement",),
        names=("Hal Brenner",),
        day="2021-06-18",
    ),
    # a judge's injunction is a ruling, with the judge and the day the verb gives it
    "a_judge_s_injunction_is_a_ruling": Lead(
        (
            "Judge halts harbor toll.\n\n"
            "District Judge Maria Horvat late Wednesday night issued an injunction that stops the city "
            "from charging its new harbor bridge toll.\n"
        ),
        published="2021-06-18",
        kinds=("ruling",),
        names=("Maria Horvat",),
        day="2021-06-16",
    ),
    # "was dismissed on Monday as campaign manager": a firing, with its day
    "dismissed_as_campaign_manager_is_a_firing": Lead(
        (
            "Reports reveal why Reyes let his manager go.\n\n"
            "Tom Vale helped convince voters across the state that Paul Reyes should be their senator.\n\n"
            "Vale was dismissed on Monday as Reyes\u2019s campaign manager, days after a poor debate.\n"
        ),
        published="2021-06-16",
        kinds=("other",),
        names=("Tom Vale",),
        day="2021-06-14",
    ),
    # "discussed the Reyes controversy with radio host Tom Vale on Thursday": words on a host's show
    # (an interview), on that day
    "discussing_something_on_a_day_is_what_was_said_then": Lead(
        (
            "Pilot\u2019s widow defends Reyes.\n\n"
            "Ann Lutz, whose husband was one of four pilots lost in the 2019 storm, discussed the Reyes "
            "controversy with radio host Tom Vale on Thursday.\n\n"
            "Lutz said she does not believe the senator\u2019s critics should be spared criticism.\n"
        ),
        published="2021-06-18",
        kinds=("interview",),
        names=("Ann Lutz",),
        day="2021-06-17",
    ),
    # what is discussed is what the words are about, also a clause ("to discuss what he called the
    # choice to seek a debate"): no debate
    "what_is_discussed_is_no_event": Lead(
        (
            "Vale explains the case for a Reyes debate.\n\n"
            "Radio host Tom Vale used his show Friday to discuss what he called the \u201cshrewd\u201d "
            "choice Paul Reyes made to seek a debate against Mayor Lena Ortiz.\n\n"
            "\u201cHe knows exactly where she is weak,\u201d Vale said.\n"
        ),
        published="2021-06-18",
        kinds=("interview", "statement"),
        not_kinds=("debate",),
        names=("Tom Vale",),
        day="2021-06-18",
    ),
    # "In an interview with a magazine published online Wednesday, X was asked": the participle tells
    # of the interview (even where the parser makes it the sentence's root), it is no release
    "a_participle_on_an_event_noun_is_no_release": Lead(
        (
            "No, senator, the harbor is no war zone.\n\n"
            "TUCSON \u2014 Senator Paul Reyes claimed that the harbor district sees more crime than cities "
            "at war.\n\n"
            "In an interview with The Coastal Times Magazine published online Wednesday, Reyes was asked, "
            "\u201cWhere have you felt least safe?\u201d\n\n"
            "Reyes laughed and named the capital, then added, \u201cSome blocks of our own harbor are worse "
            "than any front line.\u201d\n"
        ),
        published="2021-06-17",
        kinds=("interview",),
        not_kinds=("release",),
        names=("Paul Reyes",),
    ),
    # an undated past act right after a dated one joined to the sentence's root takes its day ("hasn't
    # named ..., and he vowed at a rally Wednesday ... But he laid off some 200 staffers")
    "an_undated_act_after_a_dated_joined_one_takes_its_day": Lead(
        (
            "Reyes lays off 200 campaign staffers.\n\n"
            "Tuesday\u2019s four primaries will very likely leave Senator Paul Reyes with a choice he has "
            "put off for weeks.\n\n"
            "Reyes hasn\u2019t named a new strategy, and he vowed at a Tucson rally Wednesday "
            "that he will fight on. But he laid off some 200 staffers and started planning for a "
            "defeat.\n"
        ),
        published="2021-06-17",
        kinds=("other",),
        names=("Paul Reyes",),
        day="2021-06-16",
    ),
    # an undated act told in the past under a wire dateline that gives the day took place that day
    "an_undated_act_under_a_dated_wire_dateline_takes_its_day": Lead(
        (
            "Ortiz ad speaks to fishermen in Portuguese.\n\n"
            "TUCSON, June 16 (UPI) \u2014 Mayor Lena Ortiz unveiled a campaign ad in Portuguese, in "
            "which fishermen describe their mornings on the docks.\n\n"
            "The half-minute ad is to run on a local channel during Sunday\u2019s match.\n"
        ),
        published="2021-06-16",
        kinds=("release",),
        names=("Lena Ortiz",),
        day="2021-06-16",
    ),
    # "nobody was surprised Thursday, when Lutz dropped the script to weigh in": what she did that day
    "a_when_clause_on_a_day_dates_what_its_subject_did": Lead(
        (
            "Lutz turns on Reyes and his \u2018loser\u2019 fans.\n\n"
            "The sports panel on Harbor TV is made up of retired players who speak their minds.\n\n"
            "So nobody was surprised Thursday, when Ann Lutz dropped the script to weigh in on Senator "
            "Paul Reyes and his fans.\n\n"
            "\u201cHe opened by mocking the dock workers,\u201d Lutz said.\n"
        ),
        published="2021-06-18",
        kinds=("statement",),
        names=("Ann Lutz",),
        day="2021-06-17",
    ),
    # "has waded into the toll debate": one joins an argument, no debate is held
    "wading_into_a_debate_is_no_debate": Lead(
        (
            "Ortiz wades in: backs the harbor toll.\n\n"
            "Mayor Lena Ortiz has waded into the harbor toll debate, throwing her weight behind the "
            "governor\u2019s plan to charge ships for the new bridge.\n\n"
            "In a statement to the Harbor Times, her senior adviser, Tom Vale, said: \u201cThe mayor "
            "believes the toll is fair.\u201d\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        not_kinds=("debate",),
    ),
}


@pytest.mark.parametrize("lead", LEADS.values(), ids=LEADS)
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Tom Vale was dismissed on Monday as campaign manager.", "other"),
        ("Tom Vale was ousted from his post at the port.", "other"),
        ("Tom Vale was dismissed as a joke by his rivals.", None),  # how he was seen, no firing
        ("Lena Ortiz dismissed the report as old news.", None),
    ],
)
def test_removed_from_a_post_is_a_firing(text: str, kind: str | None) -> None:
    [doc] = nlp.parse([text])
    verb = next(t for t in doc if t.lower_ in ("dismissed", "ousted"))
    assert main_events.trigger_kind(verb) == kind


@pytest.mark.parametrize(
    "text, participle",
    [
        ("The harbor board played it safe in the new poll released Friday.", True),  # the poll is the event
        ("The harbor board stayed cautious in its twelve-page plan released Tuesday.", False),  # the release is
    ],
)
def test_a_participle_tells_of_an_event_noun_only(text: str, participle: bool) -> None:
    [doc] = nlp.parse([text])
    assert main_events._participle_of(next(t for t in doc if t.lower_ == "released")) is participle
