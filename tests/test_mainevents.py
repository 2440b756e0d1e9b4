"""Quality gate for main events: the first event of a PolNeAR dev article is the one its
headline and lead report (gold: tests/gold/mainevents/polnear_dev.json, read by hand;
scorer: bench/mainevents_eval.py; numbers in docs/events.md)."""

from __future__ import annotations


import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT, SHARED
from mainevent_leads import Lead, check, main_event
from newsgraph.model import EVENT_KINDS, Article, Event

GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_dev.json"
POLNEAR_DEV = SHARED / "eval-data" / "polnear" / "dev.jsonl"
# The second gold: PolNeAR train articles read blind (written before any run on them)
TRAIN_GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_train.json"
POLNEAR_TRAIN = SHARED / "eval-data" / "polnear" / "train.jsonl"
# The third gold: other PolNeAR train articles (lines 5, 15, ...), read blind the same way
THIRD_GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_train_b.json"
# The fourth gold: other PolNeAR train articles again (lines 2, 12, ...), read blind the same way
FOURTH_GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_train_c.json"
# The fifth gold: other PolNeAR train articles again (lines 7, 17, ...), read blind the same way
FIFTH_GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_train_d.json"
# The sixth gold: 40 other PolNeAR train articles (lines shuffled by a fixed seed), read blind the same way
SIXTH_GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_train_e.json"
# The seventh gold: 40 more (the lines left, shuffled by another seed), read blind the same way
SEVENTH_GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_train_f.json"

# Floors a little under what this version reaches (kind 0.961, date 0.922, participants
# 0.941, full 0.922: 49, 47, 48 and 47 of 51; place 1.0: 12 of the 12 the gold places), so
# that a regression fails (before the fourth gold's round: participants 0.902, full 0.882;
# before session 11's actors round: participants 0.922, full 0.902).
FLOORS = {"kind": 0.94, "date": 0.90, "participants": 0.92, "full": 0.90, "place": 0.9}
# On the blind train gold (54 articles): kind 0.833, date 0.778, participants 0.778, full
# 0.685 (45, 42, 42 and 37 of 54), place 0.562 (9 of the 16 the gold places); it was 0.500,
# 0.685, 0.648, 0.333 and 0.375 before issue 18's train round, 0.741, 0.722, 0.722, 0.556
# before the third gold's round, 0.815, 0.741, 0.759, 0.611 before the fourth's (docs/events.md).
# After session 10 (the sixth gold, its two rounds, the actors stage): kind 0.852, date 0.833,
# participants 0.796, full 0.722. After session 11's eighth round (events4): date 0.852, full 0.741.
TRAIN_FLOORS = {"kind": 0.83, "date": 0.83, "participants": 0.77, "full": 0.72, "place": 0.45}
# On the third blind gold (59 articles): first run kind 0.610, date 0.780, participants 0.593,
# full 0.407, place 0.467 (7 of the 15 the gold places); after its round kind 0.864, date
# 0.814, participants 0.729, full 0.593; after the fourth's round participants 0.763, full
# 0.627 (51, 48, 45 and 37 of 59), place 0.6 (9 of 15).
# After session 10: date 0.831, participants 0.780, full 0.661. After session 11 (the seventh
# gold's round): date 0.847, participants 0.797, full 0.678; after its eighth round (events4):
# participants 0.814, full 0.695.
THIRD_FLOORS = {"kind": 0.84, "date": 0.82, "participants": 0.79, "full": 0.67, "place": 0.55}
# On the fourth blind gold (56 articles): first run kind 0.732, date 0.732, participants 0.750,
# full 0.500, place 0.684 (13 of the 19 the gold places); after its round kind 0.857, date
# 0.839, participants 0.839, full 0.696 (48, 47, 47 and 39 of 56), place 0.737 (14 of 19).
# After session 10: date 0.875, full 0.732.
FOURTH_FLOORS = {"kind": 0.83, "date": 0.85, "participants": 0.81, "full": 0.71, "place": 0.68}
# On the fifth blind gold (50 articles): first run kind 0.800, date 0.820, participants 0.760,
# full 0.520, place 0.524 (11 of the 21 the gold places); after its round kind 0.940, date
# 0.900, participants 0.860, full 0.760 (47, 45, 43 and 38 of 50), place 0.524 (11 of 21).
# After session 10: kind 0.960, date 0.920, participants 0.920, full 0.840. After session 11:
# date 0.940, full 0.860.
FIFTH_FLOORS = {"kind": 0.94, "date": 0.92, "participants": 0.90, "full": 0.84, "place": 0.50}
# On the sixth blind gold (40 articles): first run kind 0.700, date 0.725, participants 0.575,
# full 0.400, place 0.714 (10 of the 14 the gold places); after its round kind 0.900, date 0.900,
# participants 0.775, full 0.700 (36, 36, 31 and 28 of 40), place 0.714 (10 of 14). The fifth
# gold went to kind 0.960, full 0.780 in that round. After the second round and the actors
# stage's fixes: participants 0.800, full 0.725.
SIXTH_FLOORS = {"kind": 0.87, "date": 0.88, "participants": 0.78, "full": 0.70, "place": 0.64}
# On the seventh blind gold (40 articles): first run kind 0.675, date 0.675, participants 0.650,
# full 0.450, place 0.556 (10 of the 18 the gold places); after its round (session 11) kind 0.875,
# date 0.875, participants 0.800, full 0.775 (35, 35, 32 and 31 of 40), place 0.611 (11 of 18);
# after session 11's eighth round (events4): kind 0.900, participants 0.825, full 0.800 (36, 35,
# 33 and 32 of 40).
SEVENTH_FLOORS = {"kind": 0.87, "date": 0.85, "participants": 0.80, "full": 0.78, "place": 0.55}


def _bench() -> ModuleType:
    path = ROOT / "bench" / "mainevents_eval.py"
    spec = importlib.util.spec_from_file_location("mainevents_eval", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["mainevents_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "gold",
    [GOLD, TRAIN_GOLD, THIRD_GOLD, FOURTH_GOLD, FIFTH_GOLD, SIXTH_GOLD, SEVENTH_GOLD],
    ids=["dev", "train", "third", "fourth", "fifth", "sixth", "seventh"],
)
def test_gold_holds_ids_kinds_names_and_days_only(gold: Path) -> None:
    articles = json.loads(gold.read_text(encoding="utf-8"))["articles"]
    assert len(articles) >= 40
    assert len({a["id"] for a in articles}) == len(articles)
    for a in articles:
        assert set(a) == {"id", "published", "kinds", "dates", "place", "participants", "what"}, a["id"]
        assert a["kinds"] and set(a["kinds"]) <= set(EVENT_KINDS), a["id"]
        assert a["published"] in a["id"], a["id"]
        assert all(len(d) == 10 for d in a["dates"]), a["id"]
        assert len(a["what"]) < 80, a["id"]


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="../shared/eval-data (PolNeAR dev) is not next to this checkout")
def test_main_events_of_polnear_dev_hold_their_floor() -> None:
    low = _below_floors(GOLD, POLNEAR_DEV, FLOORS)
    assert not low, f"below the floor: {low}"


def _below_floors(gold: Path, texts: Path, floors: dict[str, float]) -> dict[str, float]:
    """The rates of the scorer on ``gold`` that fall below their floor."""
    bench = _bench()
    rates = bench.rates(list(bench.run(gold, texts)))
    print({k: round(v, 3) for k, v in rates.items()})
    return {k: round(rates[k], 3) for k, floor in floors.items() if rates[k] < floor}


@pytest.mark.slow
@pytest.mark.skipif(
    not POLNEAR_TRAIN.exists(), reason="../shared/eval-data (PolNeAR train) is not next to this checkout"
)
@pytest.mark.parametrize(
    "gold, floors",
    [
        (TRAIN_GOLD, TRAIN_FLOORS),
        (THIRD_GOLD, THIRD_FLOORS),
        (FOURTH_GOLD, FOURTH_FLOORS),
        (FIFTH_GOLD, FIFTH_FLOORS),
        (SIXTH_GOLD, SIXTH_FLOORS),
        (SEVENTH_GOLD, SEVENTH_FLOORS),
    ],
    ids=["second", "third", "fourth", "fifth", "sixth", "seventh"],
)
def test_main_events_of_the_blind_polnear_train_golds_hold_their_floors(gold: Path, floors: dict[str, float]) -> None:
    low = _below_floors(gold, POLNEAR_TRAIN, floors)
    assert not low, f"below the floor: {low}"


# --- rules, on sentences written here ------------------------------------------------------


LEADS = {
    "a_lead_trigger_with_nothing_said_of_it_gives_way_to_the_statement": Lead(
        (
            "Strategist tells radio host about turnout.\n\n"
            "In offering his analysis of the race, veteran strategist Mark Dalton told radio host Joan Pell "
            "on Tuesday how worried he is about turnout in the cities.\n\n"
            "\u201cIt keeps me up at night,\u201d said Dalton.\n"
        ),
        published="2021-06-17",
        kinds=("interview", "statement"),
        names=("Mark Dalton",),
        day="2021-06-15",
    ),
    "a_participle_on_the_subject_dates_what_the_subject_says": Lead(
        (
            "Mayor opens bridge.\n\n"
            "Mayor Lena Ortiz, opening the new river bridge on Saturday, said it would ease traffic "
            "for thousands of commuters in the city.\n"
        ),
        published="2021-06-14",
        day="2021-06-12",
    ),
    "this_weekend_told_in_the_past_is_the_weekend_just_gone": Lead(
        (
            "Governor vows to fight the tax.\n\n"
            "Governor Hal Brenner told farmers this weekend he would fight the new fuel tax "
            "with every tool he has.\n"
        ),
        published="2021-06-14",
        day="2021-06-12",
    ),
    "a_described_judge_is_the_judge_the_lead_names_later_and_the_ruling_is_dated": Lead(
        (
            "Judge rejects request to open files.\n\n"
            "A state judge has rejected a request by two newspapers to open the sealed files of a land case, "
            "saying courts should not decide what voters need to know.\n\n"
            "The newspapers argued that the public had a right to see the records.\n\n"
            "Judge Maria Hale rejected the newspapers' claim in a ruling issued Thursday.\n"
        ),
        published="2021-06-17",
        kinds=("ruling",),
        names=("Maria Hale",),
        day="2021-06-17",
    ),
    "a_pronoun_subject_is_the_subject_of_the_sentence_before": Lead(
        (
            "Fact-checkers rate claim true.\n\n"
            "After the debate, Reuters checked the senator's claim about crime in the capital. "
            "On Tuesday they published the results of the check.\n"
        ),
        published="2021-06-17",
        kinds=("release",),
        names=("Reuters",),
        day="2021-06-15",
    ),
    "a_day_given_to_the_same_actor_later_in_the_lead_dates_the_main_event": Lead(
        (
            "Senator backs rival for governor.\n\n"
            "Senator Paul Reyes is endorsing Anna Lindqvist for governor, ending a long feud between the two.\n\n"
            "In a video posted Friday, Reyes said he had disagreed with Lindqvist on taxes but trusted her.\n"
        ),
        published="2021-06-14",
        kinds=("endorsement",),
        names=("Paul Reyes", "Anna Lindqvist"),
        day="2021-06-11",
    ),
    "a_statement_takes_the_day_its_speaker_is_said_to_have_spoken_later_in_the_lead": Lead(
        (
            "Lawmaker warns on budget.\n\n"
            "A member of the state budget panel says the state must cut its spending this year.\n\n"
            "Rep. John Marsh, who chairs the budget committee, told reporters on Wednesday: "
            "\u201cWe will run out of money by spring.\u201d\n"
        ),
        published="2021-06-17",
        kinds=("statement",),
        names=("John Marsh",),
        day="2021-06-16",
    ),
    "an_undated_event_told_in_the_present_is_news_of_the_publication_day": Lead(
        (
            "Candidate rallies supporters.\n\n"
            "Anna Lindqvist tells her supporters at a rally in Toledo that the race is closer than the polls say.\n"
        ),
        published="2021-06-17",
        kinds=("rally",),
        day="2021-06-17",
    ),
    "a_role_described_through_another_is_the_person_the_lead_names_next": Lead(
        (
            "Audit finds no leak at tax office.\n\n"
            "Vermont's tax commissioner says a review inside her department found that none of its "
            "staff leaked the governor's returns to the press.\n\n"
            "Laura Brandt says she ordered the review on Monday after the filings appeared online.\n"
        ),
        published="2021-06-17",
        kinds=("investigation",),
        names=("Laura Brandt",),
        not_names=("Vermont",),
    ),
    "an_occasion_a_later_sentence_opens_with_is_where_the_first_sentence_s_act_took_place": Lead(
        (
            "Nurse presses mayor on clinic closures.\n\n"
            "Mayor Lena Ortiz answered a nurse's question about the closed clinics Tuesday night by "
            "promising a review of the budget.\n\n"
            "During a televised town hall, nurse Ellen Park asked the mayor why two clinics had closed.\n"
        ),
        published="2021-06-17",
        kinds=("meeting",),
        names=("Lena Ortiz",),
        day="2021-06-15",
    ),
}


PLACED = {
    "a_dateline_with_a_horizontal_bar_places_the_event": Lead(
        (
            "Council votes to close libraries.\n\n"
            "CEDAR BLUFF, Ala. \u2015 The city council voted on Tuesday to close two branch libraries, "
            "saying the budget left it no choice.\n"
        ),
        published="2021-06-17",
        kinds=("vote",),
        day="2021-06-15",
        place="Cedar Bluff",
    ),
    "a_dateline_below_a_second_headline_places_the_event": Lead(
        (
            "Senator takes race to farm towns.\n\n"
            "Growers say the new water rules will ruin them.\n\n"
            "HARTVILLE - Senator Paul Reyes told supporters at a rally on Saturday that the race was "
            "tightening in the farm towns.\n"
        ),
        published="2021-06-14",
        kinds=("rally",),
        names=("Paul Reyes",),
        day="2021-06-12",
        place="Hartville",
    ),
    "in_a_place_on_the_event_wins_over_the_dateline": Lead(
        (
            "Governor takes tax fight on the road.\n\n"
            "DENVER \u2014 Governor Hal Brenner told supporters at a rally in Pueblo on Monday that he would "
            "veto the fuel tax.\n"
        ),
        published="2021-06-17",
        kinds=("rally",),
        place="Pueblo",
    ),
    "the_headline_places_the_visit_it_names": Lead(
        (
            "Prime minister's visit to Oslo seals fishing pact.\n\n"
            "Prime Minister Keiko Tanabe visited the royal palace on Wednesday, the first stop of a "
            "three-day tour.\n\n"
            "Tanabe leaves Oslo for Bergen on Friday, officials said.\n"
        ),
        published="2021-06-17",
        kinds=("visit",),
        names=("Keiko Tanabe",),
        place="Oslo",
    ),
    "a_later_sentence_of_the_lead_places_the_same_occasion": Lead(
        (
            "Farm ministers look for drought aid.\n\n"
            "BRUSSELS \u2014 European farm ministers gathered Friday to discuss the worst drought in decades.\n\n"
            "They found little agreement on money. But most backed a shared fund for irrigation.\n\n"
            "The plans were part of a two-day conclave held in Lisbon on how to keep farms afloat.\n"
        ),
        published="2021-06-14",
        kinds=("meeting",),
        place="Lisbon",
    ),
    "a_statement_is_where_the_lead_has_its_speaker_speak": Lead(
        (
            "Governor vows to fight fuel tax.\n\n"
            "Governor Hal Brenner told farmers this weekend he would fight the new fuel tax.\n\n"
            "\u201cWe will not pay it,\u201d Brenner said on Saturday night at the growers' annual dinner "
            "in Fresno.\n"
        ),
        published="2021-06-14",
        kinds=("statement",),
        names=("Hal Brenner",),
        day="2021-06-12",
        place="Fresno",
    ),
    "a_roundup_dateline_places_none_of_its_items_the_official_s_state_does": Lead(
        (
            "Audit finds no leak at tax office.\n\n"
            "BOSTON (AP) \u2014 The Latest on the race for governor (all times EDT):\n\n"
            "3:10 p.m.\n\n"
            "Vermont's tax commissioner says a review inside her department found that none of its "
            "staff leaked the governor's returns to the press.\n"
        ),
        published="2021-06-17",
        kinds=("investigation",),
        place="Vermont",
    ),
    "an_ordinary_dateline_wins_over_the_official_s_country": Lead(
        (
            "State review finds grain exports fell.\n\n"
            "GENEVA \u2014 Vermont's agriculture commissioner says a review by her office shows the state "
            "lost a third of its grain exports this year.\n"
        ),
        published="2021-06-17",
        kinds=("investigation",),
        place="Geneva",
    ),
    "a_name_before_neighborhood_is_a_place": Lead(
        (
            "Blast injures nine in Harbor Point.\n\n"
            "Nine people were injured on Sunday in a crowded Harbor Point neighborhood by an explosion "
            "that the mayor called deliberate.\n"
        ),
        published="2021-06-14",
        kinds=("attack",),
        day="2021-06-13",
        place="Harbor Point",
    ),
}


@pytest.mark.parametrize("lead", [*LEADS.values(), *PLACED.values()], ids=[*LEADS, *PLACED])
def test_main_event_of_a_lead(lead: Lead) -> None:
    check(lead)


def _main(text: str, published: str) -> tuple[Article, Event]:
    article, main = main_event(text, published)
    assert main is not None, "no event"
    return article, main


def test_a_later_sentence_s_planned_gathering_does_not_beat_the_first_sentence_s_announcement() -> None:
    article, main = _main(
        (
            "Norway stays out of fishing accord.\n\n"
            "BERGEN (dpa) - Norway is joining a growing number of countries that will refrain from signing a "
            "new fishing accord in March, the government announced on Wednesday.\n\n"
            "The government said it \u201cneeds more time to weigh the matter.\u201d\n\n"
            "Its fisheries minister had helped to write the accord.\n\n"
            "Ministers are scheduled to gather in the Spanish port of Vigo on March 10 to sign the accord.\n"
        ),
        "2021-02-17",
    )
    assert main.kind != "meeting", main.label
    assert not (main.date and main.date.start == "2021-03-10"), main.date
    assert main.status != "planned" or main.location is None, main.location  # not Bergen, the dateline


def test_the_dateline_does_not_place_what_is_still_to_come() -> None:
    article, main = _main(
        (
            "Nordic ministers to meet on quotas.\n\n"
            "OSLO (Reuters) \u2014 Nordic fisheries ministers will meet in two weeks to settle the herring "
            "quotas for next year.\n"
        ),
        "2021-06-14",
    )
    assert main.kind == "meeting" and main.status == "planned"
    assert main.location is None, main.location


def test_the_dateline_city_is_a_place_and_no_actor() -> None:
    article, _ = _main(PLACED["a_dateline_with_a_horizontal_bar_places_the_event"].text, "2021-06-17")
    assert article.dateline == "CEDAR BLUFF, Ala."
    [place] = [p for p in article.places if p.name == "Cedar Bluff"]
    assert place.mentions[0].paragraph == 0 and place.mentions[0].start == 0
    assert not [a for a in article.actors if "Cedar" in a.name or "CEDAR" in a.name]


def test_rejected_in_a_ruling_is_no_cancelled_ruling() -> None:
    from newsgraph.extract import nlp
    from newsgraph.extract.events import main as main_events

    [doc] = nlp.parse(["Justice Frank Olsen rejected their argument in a ruling posted Monday."])
    ruling = next(t for t in doc if t.lower_ == "ruling")
    assert not main_events._hypothetical(ruling)
    [doc] = nlp.parse(["Karl Weber rejected talks with Ivo Horvat."])
    assert main_events._hypothetical(next(t for t in doc if t.lower_ == "talks"))


def test_the_blind_golds_share_no_article() -> None:
    """Each blind gold was written on other articles than the ones before (and all on train)."""
    golds = (GOLD, TRAIN_GOLD, THIRD_GOLD, FOURTH_GOLD, FIFTH_GOLD, SIXTH_GOLD, SEVENTH_GOLD)
    ids = [{a["id"] for a in json.loads(g.read_text(encoding="utf-8"))["articles"]} for g in golds]
    assert all(not ids[i] & ids[j] for i in range(len(ids)) for j in range(i + 1, len(ids)))
