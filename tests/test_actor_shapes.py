"""Actors on the shapes real files have: addresses, products, company names, wire lists.

Each test is a shape a sweep over real files found wrong, written in our own sentences."""

from __future__ import annotations

import pytest

from conftest import SHARED
from newsgraph import api, read_bytes
from newsgraph.model import Article
from newsgraph.readers.base import ReadOptions
from press_helpers import extract


def actors(article: Article) -> dict[str, str]:
    return {a.name: a.kind for a in article.actors}


def places(article: Article) -> dict[str, str]:
    return {p.name: p.kind for p in article.places}


def speakers(article: Article) -> list[str | None]:
    names = {a.id: a.name for a in article.actors}
    return [names.get(q.speaker) if q.speaker else None for q in article.quotes]


def test_roads_and_estates_are_addresses_not_people() -> None:
    article = extract(
        "Anglers say the shores of Oceanview are the best spot this month, while Fox Run is harder to reach.",
        "Fox Run: the path is steep, but the pike are worth it.",
    )
    assert "Oceanview" not in actors(article) and "Fox Run" not in actors(article)
    assert places(article) == {"Oceanview": "address", "Fox Run": "address"}


def test_a_person_whose_surname_ends_like_a_road_stays_a_person() -> None:
    article = extract('"The path is steep," said Grace Street, who has fished there for years.')
    assert actors(article).get("Grace Street") == "person"
    article = extract('"We were never asked," said Moana Ridge, who lives on Kestrel Drive.')
    assert actors(article).get("Moana Ridge") == "person"
    assert places(article) == {"Kestrel Drive": "address"}


def test_a_product_is_no_speaker() -> None:
    article = extract('With a promise of "a thousand films in your bag," the iPad was a hit in 2010.')
    assert "iPad" not in actors(article)
    assert speakers(article) == [None]


def test_a_product_after_a_possessive_is_no_actor() -> None:
    article = extract("Sales of Orchard's new iPad slowed in the spring, the company said on Monday.")
    assert "iPad" not in actors(article)


def test_a_company_whose_first_word_is_a_compound_is_one_organisation() -> None:
    article = extract(
        "LumenBay Freight Co. (LBF) on Monday reported a loss in its fourth quarter.",
        "LumenBay Freight expects full-year revenue of $2 billion.",
    )
    found = actors(article)
    assert found.get("LumenBay Freight Co.") == "organization"
    assert "Freight" not in found and "LumenBay Freight" not in found
    [company] = [a for a in article.actors if a.name == "LumenBay Freight Co."]
    assert "LumenBay Freight" in company.aliases and len(company.mentions) == 2


# --- an agency's list of highlights --------------------------------------------------

_ITEMS = [
    (
        "NATIONAL",
        "SYDNEY - Ferry fares will rise by ten per cent from July, the state transport minister says."
        " (FERRY FARES to come)",
    ),
    ("WORLD", "LONDON - Dock workers across Britain will strike next week over pay. (BRITAIN STRIKE WRAP to come)"),
    ("FINANCE", "PERTH - Tidewater Mining will cut 300 jobs after a fall in iron ore prices. (TIDEWATER AUST to come)"),
    ("ENTERTAINMENT", "BRISBANE - A new musical about the harbour opens on Saturday. (MUSICAL on file)"),
]


def _highlights(glued: bool) -> Article:
    """A wire's list of highlights as NITF: each desk's heading in capitals over its items,
    on a line of its own or glued by a line break to the item's dateline."""
    paras = "".join(
        f"<p>   {head}<br />   {item}</p>" if glued else f"<p>   {head}</p><p />   <p>{item}</p><p />"
        for head, item in _ITEMS
    )
    nitf = (
        "<?xml version='1.0' encoding='UTF-8'?><nitf><head><title>Highlights of the Harbour Wire</title></head>"
        "<body><body.head><hedline><hl1>Highlights of the Harbour Wire</hl1></hedline></body.head><body.content>"
        f"<p>   Highlights of the Harbour Wire for Friday, March 6:</p>{paras}</body.content></body></nitf>"
    )
    [article] = api.read(nitf.encode(), format="nitf")
    return api.extract(article)


@pytest.mark.parametrize("glued", [False, True])
def test_a_wire_s_slugs_and_headings_name_nobody(glued: bool) -> None:
    article = _highlights(glued)
    names = actors(article)
    for slug in ("BRITAIN STRIKE WRAP", "MUSICAL", "AUST", "TIDEWATER AUST", "FINANCE", "WORLD"):
        assert slug not in names
    assert names.get("Tidewater Mining") == "organization"
    assert {"Sydney", "London"} <= set(places(article))
    assert not any(p.casefold().startswith(("national", "world", "finance")) for p in places(article))


def test_a_heading_glued_to_the_first_dateline_is_no_part_of_it() -> None:
    article = _highlights(glued=True)
    assert article.dateline == "SYDNEY"
    [sydney] = [p for p in article.places if p.name == "Sydney"]
    text = article.body[sydney.mentions[0].paragraph].text
    assert [text[m.start : m.end] for m in sydney.mentions] == ["SYDNEY"]


def test_a_section_s_name_before_a_dash_is_no_dateline() -> None:
    article = extract("WORLD - Dock workers across Britain will strike next week over pay.")
    assert not any(p.name.casefold() == "world" for p in article.places)


def test_a_desk_s_name_in_capitals_is_no_organisation() -> None:
    article = extract(
        "FINANCE Tidewater Mining will cut 300 jobs after a fall in iron ore prices.",
        "More stories from FINANCE and SPORT will follow later today, the desk said.",
    )
    names = actors(article)
    assert names.get("Tidewater Mining") == "organization"
    assert not any(n.casefold().startswith(("finance", "sport")) for n in names)


@pytest.mark.parametrize(
    ("full", "surname"),
    [("Ahanu Dallas", "Dallas"), ("Obi Kingston", "Kingston")],  # a city; a capital (its government)
)
def test_a_surname_that_is_a_city_stays_the_person_s(full: str, surname: str) -> None:
    article = extract(
        f"{full}, who runs a boatyard on the estuary, drew up the plan.",
        f"{surname} said the quay would open in June. The quay was praised by {surname}.",
    )
    people = {a.name: a for a in article.actors if a.kind == "person"}
    assert set(people) == {full} and len(people[full].mentions) == 3
    assert not any(p.name == surname for p in article.places)
    assert not any(a.kind == "country" for a in article.actors)
    assert speakers(article) == [full]


def test_two_surnames_the_model_ran_together_over_and_are_the_two_people() -> None:
    article = extract(
        "The crew was led by Jared Tully and Emeka Okafor, both veterans of the estuary race.",
        "Judges praised starter Tully and Okafor, whose amazing pace won the race.",
        '"We trained hard all winter," Okafor said.',
        "The soap maker Procter and Gamble sponsored the race.",
    )
    people = {a.name: a for a in article.actors if a.kind == "person"}
    assert set(people) == {"Jared Tully", "Emeka Okafor"}
    assert len(people["Jared Tully"].mentions) == 2 and len(people["Emeka Okafor"].mentions) == 3
    assert not any(" and " in a.name for a in article.actors if a.name != "Procter and Gamble")


def test_two_full_names_the_model_tagged_as_one_person_are_split() -> None:
    from spacy.tokens import Span as SpacySpan

    from newsgraph.extract import nlp
    from newsgraph.extract.actors.build import _pairs_split
    from newsgraph.extract.actors.entities import Segment, candidates

    text = "Ingvild Haugen and Solveig Brekke mapped the harbour last year."
    doc = nlp.load()(text)
    doc.ents = [SpacySpan(doc, 0, 5, label="PERSON")]  # what the model does on some pages
    seg = Segment(0, 0, text, doc, weak=False)
    assert [c.text for c in _pairs_split(list(candidates(seg)))] == ["Ingvild Haugen", "Solveig Brekke"]


def test_a_company_written_like_a_product_stays_an_organisation() -> None:
    article = extract(
        "Sellers on the eBay marketplace complained about the new fees this week.",
        "An eBay spokeswoman said the company would review them.",
    )
    assert actors(article).get("eBay") == "organization"  # known (organizations.json)
    article = extract(
        "Sellers on the eHarbor marketplace complained about the new fees this week.",
        "An eHarbor spokeswoman said the company would review them.",
    )
    assert actors(article).get("eHarbor") == "organization"  # "the eHarbor marketplace": its name before a noun


def test_a_given_name_tagged_as_a_city_is_part_of_the_person_s_name() -> None:
    article = extract(
        "The board gave its prize to Nuvola Ostrander on Monday.",
        "Ostrander said the quay would open in June. Ostrander, 44, is an engineer.",
    )
    people = [a for a in article.actors if a.kind == "person"]
    assert [(p.name, len(p.mentions)) for p in people] == [("Nuvola Ostrander", 3)]
    assert not any(p.name == "Nuvola" for p in article.places)


def test_the_dateline_s_city_is_no_alias_of_a_person_of_that_surname() -> None:
    [article] = api.read(
        b"Harbour plan approved\n\n"
        b"KINGSTON, Jamaica (AP) - Rachel Kingston drew the plan for the new quay.\n\n"
        b"Kingston said the quay would open in June.\n",
        format="text",
    )
    article = api.extract(article)
    [person] = [a for a in article.actors if a.kind == "person"]
    assert (person.name, person.aliases, len(person.mentions)) == ("Rachel Kingston", ["Kingston"], 2)
    assert [(p.name, len(p.mentions)) for p in article.places] == [("Kingston", 1)]


def test_a_political_action_committee_keeps_its_first_word_and_is_an_organisation() -> None:
    article = extract(
        "In Ohio, Our Harbour PAC, a super PAC backing the mayor, spent $40,000 on radio ads.",
        "Our Harbour said it would spend more before the vote.",
    )
    found = actors(article)
    assert found.get("Our Harbour PAC") == "organization"
    assert [a for a in article.actors if a.kind == "person"] == []
    [pac] = [a for a in article.actors if a.name == "Our Harbour PAC"]
    assert (pac.aliases, len(pac.mentions)) == (["Our Harbour"], 2)
    article = extract('"We will not stop," said Wren Talbot, who is chairman of Our Lanterns Pac.')
    assert actors(article).get("Our Lanterns Pac") == "organization"
    assert "Lanterns Pac" not in actors(article)
    article = extract("Keep the Lamps PAC and Rise to Vote PAC spent $9,000, while The Shore Guard PAC spent less.")
    assert actors(article) == {
        "Keep the Lamps PAC": "organization",
        "Rise to Vote PAC": "organization",
        "Shore Guard PAC": "organization",
    }


def test_an_outlet_named_after_its_country_is_the_outlet() -> None:
    article = extract(
        "A new USA TODAY/Pollwise poll finds most readers back the quay.",
        "Councillor Mara Quint told USA Today that the board had listened.",
    )
    found = actors(article)
    assert found.get("USA TODAY") == "organization"
    assert not [a for a in article.actors if a.kind == "country" and a.mentions]
    [outlet] = [a for a in article.actors if a.name == "USA TODAY"]
    assert len(outlet.mentions) == 2
    article = extract("Yet the latest USA TODAY/Larkfield University survey found 40% of voters back the quay.")
    named = {a.name: a.kind for a in article.actors if a.mentions}  # the outlet's country is named by no mention
    assert named == {"USA TODAY": "organization", "Larkfield University": "organization"}


@pytest.mark.parametrize("surname", ["Whitlock", "Brannvik"])  # tagged a person; tagged an organisation
def test_a_name_split_by_a_hard_line_break_is_one_person(surname: str) -> None:
    """Wire copy wrapped with CRLF inside a paragraph: the given name ends one line and the
    surname opens the next; the reader keeps the break as spaces, and the name is one."""
    lines = [
        "Orchard Bay (dpa) - The harvest league closed its season on Sunday and",
        "the judges handed out the awards for the year to the players of both.",
        "For the best player honours, go with Tomasz Wielki for offence and Aaron",
        f"{surname} and Ebukam as co-winners for defence, the judges said today.",
        "Both clubs will meet again when the new season opens in the autumn.",
    ]
    text = "A headline\r\n\r\n" + "\r\n".join(lines) + "\r\n"
    [article] = api.read(text.encode("utf-8"), format="text")
    article = api.extract(article)
    names = actors(article)
    assert names.get(f"Aaron {surname}") == "person"
    assert "Aaron" not in names and surname not in names
    assert any(f"Aaron  {surname}" in p.text for p in article.body)  # the break kept as spaces: offsets stay exact


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The trial opened in a theatre turned into a courtroom in Dunmore to seat the survivors.", "Dunmore"),
        ("The ferry ran aground near the island of Ellery, and its captain was arrested.", "Ellery"),
        ("The farm lies two hours north of the capital, Marrisby, beside the river.", "Marrisby"),
    ],
)
def test_a_name_after_a_place_s_cue_is_a_place_not_a_person(sentence: str, place: str) -> None:
    article = extract(sentence)
    assert actors(article).get(place) != "person"
    assert place in places(article)


def test_a_name_also_named_outside_a_place_s_cue_stays_a_person() -> None:
    article = extract("Voters put their faith in Dunmore last spring.", '"We will build," Dunmore said.')
    assert actors(article).get("Dunmore") == "person"
    assert "Dunmore" not in places(article)


def test_a_brief_s_dateline_before_a_company_is_a_place() -> None:
    """A list of briefs: each item opens with its city in capitals and a spaced dash, which
    the model runs into the company after it or leaves untagged."""
    article = extract(
        "SYDNEY - Harbour Freight Lines will sell its tugs after a weak year.",
        "MELBOURNE - Quillon Private says its members used fewer hospital days this winter.",
        "PERTH - Tidewater Mining will cut 300 jobs after a fall in iron ore prices.",
        "BRISBANE - A king tide of up to two metres is expected on the coast tonight.",
    )
    found = places(article)
    for city in ("Melbourne", "Perth", "Brisbane"):
        assert city in found
        [place] = [p for p in article.places if p.name == city]
        text = article.body[place.mentions[0].paragraph].text
        assert text[place.mentions[0].start : place.mentions[0].end] == city.upper()
    assert actors(article).get("Tidewater Mining") == "organization"
    assert actors(article).get("Quillon Private") == "organization"


def test_a_pitcher_s_record_in_a_listing_is_no_actor_unless_the_prose_names_him() -> None:
    listing = (
        "Harbor City (Vantrell 4-6) at Lakeport (Osgrove 2-2), 7:05 p.m.      "
        "Pine Bluff (Dekarro 9-3) at Marsh Point (Quillane 5-5), 7:10 p.m.      "
        "Red Mesa (Tobrin 1-0) at Stonehaven (Wexley 3-8), 8:05 p.m."
    )
    article = extract("Ben Wexley threw seven scoreless innings for Stonehaven on Sunday.", listing)
    names = actors(article)
    for pitcher in ("Vantrell", "Osgrove", "Dekarro", "Quillane", "Tobrin"):
        assert pitcher not in names
    assert names.get("Ben Wexley") == "person"


def test_a_company_product_after_its_possessive_is_no_actor_nor_speaker() -> None:
    article = extract(
        'Critics expect that Google\'s Lumora will be "the Spotify of films," but the first reviews are mixed.',
        "Lumora costs $12 a month and streams to phones and TVs.",
    )
    assert "Lumora" not in actors(article)
    assert speakers(article) == [None]


def test_a_name_after_a_company_that_is_a_person_or_a_body_stays() -> None:
    article = extract('"We are not for sale," Google\'s Ada Okonkwo told reporters on Monday.')
    assert actors(article).get("Ada Okonkwo") == "person"
    article = extract("Alphabet's Wemble said on Monday it would cut 200 jobs.")
    assert actors(article).get("Wemble") == "organization"


def test_two_organisations_run_together_over_and_are_split() -> None:
    article = extract(
        "The Falcon Heavy and Starship are both still being tested.",
        "Falcon Heavy flew first; Starship has not reached orbit.",
    )
    assert "Falcon Heavy and Starship" not in actors(article)
    assert actors(article).get("Falcon Heavy") == "organization"
    article = extract(
        "The Securities and Exchange Commission opened an inquiry, the Department of Veterans and Family Services said.",
        "Shares of Procter and Gamble rose 2 percent on Tuesday.",
    )
    assert {"Securities and Exchange Commission", "Procter and Gamble"} <= set(actors(article))
    article = extract(
        "The owner of cable channels KTVX, Coastline Food and Ridge Travel Channel posted higher revenue."
    )
    assert {"Coastline Food", "Ridge Travel Channel"} <= set(actors(article))  # the end of a list
    article = extract("Agents from the FBI, U.S. Securities and Exchange Commission visited.")
    assert "U.S. Securities and Exchange Commission" in actors(article)


def test_a_listing_heading_or_a_market_code_is_no_actor() -> None:
    article = extract("The yen was steady at 108.55 per dollar, while Sterling GBP= was last trading at $1.2925.")
    assert not [name for name in actors(article) if "=" in name]


ANPA_LISTING = SHARED / "realworld" / "wire-text" / "ap_anpa-6.tst"


@pytest.mark.skipif(not ANPA_LISTING.exists(), reason="the shared real files are not here")
def test_the_column_headings_of_an_agency_listing_are_no_actors() -> None:
    [article] = read_bytes(ANPA_LISTING.read_bytes(), options=ReadOptions(source=ANPA_LISTING.name))
    names = actors(api.extract(article))
    assert "N.Y. Yankees" in names  # the teams stay
    assert not [name for name in names if "=" in name]  # "^Saturday's Games="


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        ("The trial was moved to a converted theatre in Tuscany, where relatives filled the seats.", "Tuscany"),
        ("Farmers in Aberdeenshire say the wet spring has cost them a third of their barley.", "Aberdeenshire"),
        ("The virus was first found in West Michigan in late August, health officials said.", "West Michigan"),
        ("Divers searched the reef near the island of Lornamo on Tuesday.", "Lornamo"),
    ],
)
def test_a_region_is_not_a_city(sentence: str, region: str) -> None:
    assert places(extract(sentence)).get(region) == "region"


def test_a_small_country_is_a_country_not_a_city() -> None:
    article = extract("The president of Kiribati asked for help with the rising sea, as did Tuvalu and Palau.")
    assert {actors(article).get(n) for n in ("Kiribati", "Tuvalu", "Palau")} == {"country"}


def test_common_given_names_make_people_and_give_their_gender() -> None:
    article = extract("Carly Ostrova threw her support behind the governor.")
    assert actors(article).get("Carly Ostrova") == "person"  # the model made a body of her
    article = extract("The mayor thanked Debbie Okafor, who ran the shelter for a decade.")
    assert [a.gender for a in article.actors if a.name == "Debbie Okafor"] == ["female"]
    article = extract('"We will rebuild," said Jonah Pelletier, whose shop burned down.')
    assert [a.gender for a in article.actors if a.name == "Jonah Pelletier"] == ["male"]


def test_an_apposition_headed_by_an_organisation_cue_makes_an_organisation() -> None:
    article = extract("The tournament is run with Mirabel, a group co-founded by a Barcelona defender.")
    assert actors(article).get("Mirabel") == "organization"
    article = extract("Money flowed into Kestrel, a startup that makes heat pumps.")
    assert actors(article).get("Kestrel") == "organization"
    article = extract('"We will appeal," said Tomas Brekke, a company spokesman.')
    assert actors(article).get("Tomas Brekke") == "person"  # the cue qualifies the head


def test_well_known_companies_the_model_takes_for_people_are_organisations() -> None:
    article = extract("The lander team includes Draper, Lockheed Martin, and Northrop Grumman, the agency said.")
    assert actors(article).get("Lockheed Martin") == "organization"
    assert actors(article).get("Northrop Grumman") == "organization"


def test_a_full_name_before_a_maker_stays_a_person() -> None:
    article = extract("Ulla Marchetti, a longtime Democratic policy maker, hired him as her deputy.")
    assert actors(article).get("Ulla Marchetti") == "person"


def test_a_unit_named_after_its_company_with_a_cue_stays_an_organisation() -> None:
    article = extract("Samsung will sell its stakes in defence firm Samsung Techwin and two chemical units to Hanwha.")
    assert actors(article).get("Samsung Techwin") == "organization"


def test_a_unit_after_a_number_is_no_place_nor_body() -> None:
    article = extract("The cabin hit 104 degrees Fahrenheit on Tuesday, and the charger delivers 22 kW to the car.")
    assert "Fahrenheit" not in actors(article) and "kW" not in places(article)


def test_a_genus_before_its_species_is_no_place() -> None:
    article = extract(
        "The clinic said the bacteria Yersinia pestis turns up each summer, and a sample of the Yersinia "
        "pestis bacterium was found near Tulsa."
    )
    assert "Yersinia" not in places(article) and "Yersinia" not in actors(article)
    assert places(article).get("Tulsa") == "city"


def test_a_genus_named_once_by_its_kind_is_no_place_anywhere() -> None:
    article = extract(
        "Two outbreaks this year were traced to the Yersinia pestis bacterium, vets said.",
        "Yersinia pestis lives in fleas that ride on prairie dogs, doctors in Tulsa said.",
    )
    assert "Yersinia" not in places(article) and "Yersinia" not in actors(article)


def test_a_surname_before_a_leaders_term_is_a_person() -> None:
    article = extract("Ohio sued over the Nolan administration's rules on fishing.")
    assert actors(article).get("Nolan") == "person"


def test_a_bill_before_its_number_is_no_actor() -> None:
    article = extract(
        "The governor signed HB 2240 on Friday, and HB 2240 takes effect in July.",
        "Supporters of House Bill 2240 said Bill 2240 protects clerks.",
    )
    assert "HB" not in places(article) and "Bill" not in actors(article)


def test_a_roads_word_alone_is_no_place() -> None:
    article = extract("Analysts said Street expectations were too high, and Street's mood soured on Monday.")
    assert "Street" not in places(article) and "Street" not in actors(article)


def test_a_product_before_a_noun_of_a_made_thing_is_no_person() -> None:
    article = extract("Users can stream games in the Chrome browser, and Chrome will get an update, Dana Holt said.")
    assert "Chrome" not in actors(article)
    assert actors(article).get("Dana Holt") == "person"


def test_a_name_after_an_article_and_an_adjective_is_a_thing() -> None:
    article = extract(
        "Engineers said the lunar Gateway would be assembled in orbit.", "Gateway will host four astronauts."
    )
    assert "Gateway" not in actors(article)


def test_a_given_name_alone_after_a_relation_is_a_person() -> None:
    article = extract("Ray Nolan built the house with his wife, Theresa, in 1990. Theresa planted the garden.")
    assert actors(article).get("Theresa") == "person"


def test_a_given_name_alone_is_the_person_named_in_full_with_it() -> None:
    article = extract(
        "Carly Ostrova spoke for an hour.", "Nice try, Carly, but the numbers do not add up, the editor wrote."
    )
    assert "Carly" not in places(article) and "Carly" not in actors(article)
    [carly] = [a for a in article.actors if a.name == "Carly Ostrova"]
    assert len(carly.mentions) == 2


def test_a_given_name_that_is_a_place_here_stays_a_place() -> None:
    article = extract("Marion Cole runs the plant.", "The company built a second plant in Marion, Ohio, last year.")
    assert places(article).get("Marion") == "city"


def test_a_kingdom_of_a_name_is_a_region_and_an_era_no_body() -> None:
    article = extract(
        "Tablets from the Kingdom of Lydia (700 BC - 546 BC) were dug up near Sardis, archaeologists said."
    )
    assert places(article).get("Kingdom of Lydia") == "region"
    assert "BC" not in actors(article)


def test_a_score_glued_to_a_side_is_cut_off() -> None:
    article = extract("The Rams and the Chiefs met again in the rain.", "Rams 41, Chiefs 38.")
    assert "Rams 41" not in actors(article)
    [rams] = [a for a in article.actors if a.name == "Rams"]
    assert rams.kind == "organization" and len(rams.mentions) == 2


def test_the_sides_of_results_and_schedule_lines_are_teams_not_cities() -> None:
    article = extract(
        "Sunday's results in the league:",
        "Portland 5, Toledo 3",
        "Omaha 7, Memphis 2",
        "Monday's games:",
        "Omaha at Portland, 7:05 p.m.",
        "Toledo at Memphis, 8:10 p.m.",
    )
    assert not places(article)
    assert {actors(article).get(n) for n in ("Portland", "Toledo", "Omaha", "Memphis")} == {"organization"}


@pytest.mark.skipif(not ANPA_LISTING.exists(), reason="the shared real files are not here")
def test_the_teams_of_an_agency_standings_listing_are_no_places() -> None:
    [article] = read_bytes(ANPA_LISTING.read_bytes(), options=ReadOptions(source=ANPA_LISTING.name))
    article = api.extract(article)
    assert not places(article)  # every city there names its team, in the standings or a schedule
    assert actors(article).get("Cleveland") == "organization"


def test_the_items_of_a_list_of_titles_are_no_actors_or_places() -> None:
    article = extract(
        "The service added twelve games this week.",
        "They include: Farm Tycoon 2021, Moss, Racer 3, Jumbo, Dance Party 2020, Castlewood and Rally 4.",
    )
    assert not actors(article) and not places(article)
