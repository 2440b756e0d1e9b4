"""Shapes seen in other people's files (agency feeds, wire copy, foreign desks), each
written here in our own sentences: offices named after a portfolio, a group's initials in
brackets after its name, a faith before a country, a family name written like a pronoun,
titles before honorifics, datelines that hold only a date, and datelines of wires that do
not write English.
"""

from __future__ import annotations

import pytest

from newsgraph import api
from newsgraph.lexicon.written_dates import only_a_date
from newsgraph.model import Article
from press_helpers import extract, titles


def actor_names(article: Article, kind: str | None = None) -> list[str]:
    return [a.name for a in article.actors if kind is None or a.kind == kind]


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        (
            "Railway Minister Anil Verma said the line to the quay would reopen in June.",
            "Anil Verma",
            "Railway Minister",
        ),
        ("Ports Commissioner Dara Quinlan said the cranes were safe.", "Dara Quinlan", "Ports Commissioner"),
        ("Fisheries Secretary Tomas Orr told the board the quotas would hold.", "Tomas Orr", "Fisheries Secretary"),
    ],
)
def test_the_noun_before_an_office_is_no_organisation(sentence: str, name: str, title: str) -> None:
    article = extract(sentence)
    word = title.split()[0]
    assert word not in actor_names(article) and word not in [p.name for p in article.places]
    assert title in titles(article, name)


def test_an_office_after_a_known_body_keeps_the_body() -> None:
    article = extract("EU Commissioner Ana Sol said the quay met every rule.")
    assert "European Union" in actor_names(article, "organization")
    assert "EU Commissioner" in titles(article, "Ana Sol")


def test_initials_in_brackets_join_the_pieces_of_a_long_name() -> None:
    # The model cuts such a name into a body, a country and a region.
    article = extract(
        "An armed faction, the Republican Front of Oran and the Sahel (RFOS), seized two harbours.",
        "RFOS said on Tuesday it would hold them, and the RFOS threat alarmed shippers.",
    )
    [front] = [a for a in article.actors if a.name == "Republican Front of Oran and the Sahel"]
    assert front.kind == "organization" and front.aliases == ["RFOS"] and len(front.mentions) >= 3
    assert "Rfos" not in [p.name for p in article.places]


@pytest.mark.parametrize("creed", ["Shi'ite", "Shi’ite", "Sunni", "Catholic"])
def test_a_faith_before_a_country_leaves_the_country(creed: str) -> None:
    article = extract(f"The rebels were backed by {creed} Iran, diplomats at the quay said.")
    assert "Iran" in actor_names(article, "country")
    assert not [p.name for p in article.places if creed in p.name]


@pytest.mark.parametrize(
    "sentence",
    [
        "He Ting Ru told the board the fees would rise.",
        "The opposition member He Ting Ru asked whether the fees would rise.",
    ],
)
def test_a_family_name_written_like_a_pronoun_stays_in_the_name(sentence: str) -> None:
    article = extract(sentence, "Ms He said the board had not answered.")
    assert actor_names(article, "person") == ["He Ting Ru"]
    [person] = [a for a in article.actors if a.kind == "person"]
    assert len(person.mentions) == 2  # "Ms He" too, but never the pronoun


def test_the_pronoun_before_a_name_in_apposition_is_no_family_name() -> None:
    article = extract("He, Mark Hale, told the board the fees would rise.")
    assert actor_names(article, "person") == ["Mark Hale"]


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("The Speaker, Rt. Hon. Tom Okoro, adjourned the hearing.", "Tom Okoro", "Speaker"),
        ("The Deputy Speaker, the Rt Hon Ann Bell MP, agreed.", "Ann Bell", "Deputy Speaker"),
        ("The Chief Justice, Hon. Sam Ade, swore the board in.", "Sam Ade", "Chief Justice"),
    ],
)
def test_a_title_before_honorifics_in_apposition(sentence: str, name: str, title: str) -> None:
    article = extract(sentence)
    assert actor_names(article, "person") == [name]
    assert title in titles(article, name)


def test_letters_after_a_name_inside_an_entity_are_a_title() -> None:
    article = extract("The Deputy Speaker, the Rt Hon Ann Bell MP, agreed.")
    assert "MP" in titles(article, "Ann Bell") and not actor_names(article, "organization")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2014-07-16 15:53:10 GMT+00:00", True),
        ("MARCH 04, 2013", True),
        ("Jan 30", True),
        ("4/4/2018", True),
        ("Wed., Jan. 4, 2023 10:32 a.m. EST", True),
        ("NEW YORK, July 16", False),
        ("Oslo 12:00", False),
        ("KENT 12", False),
        ("Unnao", False),
    ],
)
def test_only_a_date(text: str, expected: bool) -> None:
    assert only_a_date(text) is expected


G2_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:quay-1" version="1" standard="NewsML-G2"
  standardversion="2.25">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="example"/>
    <versionCreated>2024-03-05T10:00:00Z</versionCreated><firstCreated>2024-03-05T09:00:00Z</firstCreated>
  </itemMeta>
  <contentMeta><headline>Quay opens after long delay</headline><dateline>{dateline}</dateline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
    <p>{lead} The harbour board opened the new quay on Tuesday after a year of hearings.</p>
    <p>Building work took eleven months, and the first ferry is due on Friday.</p>
  </body></html></inlineXML></contentSet>
</newsItem>
"""


def test_a_dateline_holding_only_a_timestamp_names_no_place() -> None:
    item = G2_ITEM.format(dateline="2024-03-05 09:00:00 GMT+00:00", lead="")
    [article] = api.read(item.encode(), format="newsml")
    assert article.dateline is None
    assert any("states only a date" in n for n in article.provenance.notes)
    article = api.extract(article)
    assert not [p for p in article.places if any(ch.isdigit() for ch in p.name)]


def test_a_timestamp_dateline_leaves_room_for_the_story_s_own() -> None:
    item = G2_ITEM.format(dateline="2024-03-05 09:00:00 GMT+00:00", lead="BELFAST (Reuters) -")
    [article] = api.read(item.encode(), format="newsml")
    article = api.extract(article)
    assert article.dateline == "BELFAST"
    assert "Belfast" in [p.name for p in article.places]


def test_a_dateline_with_a_place_is_kept_as_written() -> None:
    [article] = api.read(G2_ITEM.format(dateline="BELFAST, March 5", lead="").encode(), format="newsml")
    assert article.dateline == "BELFAST, March 5"


def read_text(text: str, language: str | None = None) -> Article:
    [article] = api.read(text.encode("utf-8"), format="text")
    if language:
        article = article.model_copy(update={"language": language})
    return api.extract(article)


def sources(article: Article) -> list[str]:
    names = {a.id: a.name for a in article.actors}
    return [names[s] for s in article.sources]


@pytest.mark.parametrize(
    "language, lead, dateline, source",
    [
        (
            "da",
            "Aarhus /ritzau/: Havnen åbner den nye kaj på mandag efter et års høringer, oplyser bestyrelsen.",
            "Aarhus",
            "Ritzau",
        ),
        (
            "nb",
            "TROMSØ (NTB): Havnestyret åpnet den nye kaien mandag etter et år med høringer og protester.",
            "TROMSØ",
            "NTB",
        ),
        (
            "de",
            "Rostock (dpa) - Der Hafen hat am Montag nach einem Jahr der Anhörungen den neuen Kai eröffnet.",
            "Rostock",
            "Deutsche Presse-Agentur",
        ),
        (
            "fr",
            "BREST (AFP) - Le port a ouvert lundi le nouveau quai après une année d'audiences publiques.",
            "BREST",
            "Agence France-Presse",
        ),
    ],
)
def test_a_dateline_in_another_language_is_read(language: str, lead: str, dateline: str, source: str) -> None:
    article = read_text(f"Ny kaj\n\n{lead}\n\nArbejdet begynder til foråret, og det tager et år.\n", language)
    assert article.dateline == dateline
    assert sources(article) == [source]
    [place] = article.places
    assert place.name.casefold() == dateline.casefold() and place.mentions
    assert not [a for a in article.actors if a.kind == "person"]  # the rest is English-only
    notes = article.provenance.notes
    assert any(n.startswith("structure: only the dateline") for n in notes)
    assert any("quotes" in n and "not extracted" in n for n in notes)


def test_agencies_relaying_each_other_are_both_read() -> None:
    article = read_text(
        "Quay opens\n\nBELFAST (tca/AFP) - The harbour board opened the new quay on Tuesday after "
        "a year of hearings.\n\nWork took eleven months.\n"
    )
    assert article.dateline == "BELFAST" and sources(article) == ["Agence France-Presse"]
    article = read_text(
        "Quay opens\n\nBELFAST (NTB-AFP) - The harbour board opened the new quay on Tuesday after "
        "a year of hearings.\n\nWork took eleven months.\n"
    )
    assert sources(article) == ["NTB", "Agence France-Presse"]


def test_a_date_before_the_agency_is_no_place() -> None:
    article = read_text(
        "Quay opens\n\nMarch 5 (Reuters) - The harbour board opened the new quay on Tuesday after "
        "a year of hearings.\n\nWork took eleven months.\n"
    )
    assert article.dateline is None and sources(article) == ["Reuters"]
    assert not [p for p in article.places if "March" in p.name]


NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Quay opens</title></head><body><body.head>
<hedline><hl1>Quay opens after long delay</hl1></hedline>
<byline>{byline}</byline><dateline>{dateline}</dateline></body.head>
<body.content><p>The harbour board opened the new quay on Tuesday after a year of hearings, the chairman said.</p>
<p>Building work took eleven months, and the first ferry is due on Friday.</p></body.content></body></nitf>
"""


def test_a_stated_byline_names_the_authors_and_agency() -> None:
    [article] = api.read(NITF.format(byline="By NORA BLAKE and TOM REID, Associated Press", dateline="").encode())
    article = api.extract(article)
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in article.authors] == ["Nora Blake", "Tom Reid"]
    assert sources(article) == ["Associated Press"]


def test_a_desk_in_a_stated_byline_is_no_author() -> None:
    [article] = api.read(NITF.format(byline="By NORA BLAKE, AP Sports Writer", dateline="").encode())
    article = api.extract(article)
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in article.authors] == ["Nora Blake"]


def test_a_stated_dateline_names_a_place_and_its_agency() -> None:
    [article] = api.read(NITF.format(byline="", dateline="Larne, 5 mars 2024 (AFP)").encode())
    article = api.extract(article)
    assert "Larne" in [p.name for p in article.places]
    assert sources(article) == ["Agence France-Presse"]


def test_a_us_state_as_ap_abbreviates_it() -> None:
    article = read_text(
        "Quay opens\n\nHARBOR SPRINGS, Mich. (AP) _ The harbour board opened the new quay on Tuesday "
        "after a year of hearings.\n\nWork took eleven months.\n"
    )
    kinds = {p.name: p.kind for p in article.places}
    assert kinds.get("Michigan") == "region" and "Mich." not in kinds
    assert kinds.get("Harbor Springs") == "city"


# --- shapes found by converting the real files of ../shared/realworld by hand ------------


def test_a_dateline_or_a_name_before_a_title_is_no_part_of_it() -> None:
    article = extract(
        "CORK - Port boss Gus Rossi said the quay was ready.",
        "He met Port Commissioner Ron Lister, and the Secretary and Treasurer Ann Moss.",
    )
    assert titles(article, "Gus Rossi") == ["Port boss"]
    assert titles(article, "Ron Lister") == ["Port Commissioner"]
    assert titles(article, "Ann Moss") == ["Secretary and Treasurer"]


def test_the_title_of_a_name_joined_by_and_is_its_own() -> None:
    article = extract("Ferry owner Lena Marsh and Port Commissioner Ron Lister toured the quay.")
    assert titles(article, "Ron Lister") == ["Port Commissioner"]


def test_a_plural_name_after_the_is_a_team_not_a_person() -> None:
    article = extract(
        "The Harriers beat the Tarpons 3-1 at the quay ground, and the Williams family cheered.",
        "Coach Dan Ferris said the Tarpons had been unlucky.",
    )
    kinds = {a.name: a.kind for a in article.actors}
    assert kinds.get("Tarpons") == "organization" and "person" not in {kinds.get("Harriers"), kinds.get("Tarpons")}


def test_an_outlet_is_never_a_person() -> None:
    article = extract("Reuters said the quay was ready, and Reuters later added that ferries were due.")
    assert [(a.name, a.kind) for a in article.actors if a.name == "Reuters"] == [("Reuters", "organization")]


@pytest.mark.parametrize(
    "sentence, not_names",
    [
        ("The earlier MacBook Pro ran hot, a reviewer at the quay said.", ["earlier MacBook Pro"]),
        ("Crews don’t think the quay can’t open, and they won’t say so.", ["n’t"]),
        ("The board met at Rideau Hall Thursday to approve the quay.", ["Rideau Hall Thursday"]),
        ("The ferry will run during Diwali and at Easter.", ["Diwali", "Easter"]),
        ("Trump-era rules on quays were dropped.", ["Trump-era"]),
        ("PERTH - Ferrymax Holdings has raised its forecast for the quay.", ["PERTH - Ferrymax Holdings"]),
        ("Marijuana for leisure is now legal in 11 states, the harbour police said.", ["Marijuana"]),
        ("Ferry Times | Harbour | Quays | Boats ran the story.", ["Ferry Times | Harbour | Quays | Boats"]),
    ],
)
def test_words_that_are_no_names(sentence: str, not_names: list[str]) -> None:
    article = extract(sentence)
    found = set(actor_names(article)) | {p.name for p in article.places}
    assert not found & set(not_names)


@pytest.mark.parametrize(
    "author", ['{"@type": "Person", "name": "Nora Blake, Harbour.com"}', '"Nora Blake, Harbour.com"']
)
def test_an_author_written_with_the_outlet_after_a_comma_is_the_person(author: str) -> None:
    block = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Quay opens",'
        ' "datePublished": "2024-03-05", "author": [' + author + "],"
        ' "articleBody": "The harbour board opened the new quay on Tuesday after a year of hearings."}'
    )
    [article] = api.read(block.encode(), format="jsonld")
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in article.authors] == ["Nora Blake"]


def test_a_quote_mark_glued_to_a_name_is_no_part_of_it() -> None:
    article = extract('The envoy called the vote "a farce."Norway\'s war on tariffs goes on, and Norway will not sign.')
    [norway] = [a for a in article.actors if a.name == "Norway"]
    assert not [x for x in norway.aliases if not x[:1].isalpha()]


def test_a_faith_after_a_group_s_name_is_what_it_is() -> None:
    article = extract("The port's powerful Hezbollah Shi'ite militia guarded the quay.")
    assert "Hezbollah" in actor_names(article, "organization")
    assert not [n for n in actor_names(article) if "Shi'ite" in n]


GERMAN = (
    "Der Hafen von Rostock hat am Montag nach einem langen Jahr der Anhörungen den neuen Kai "
    "eröffnet. Die Arbeiter hatten elf Monate lang gebaut, und die erste Fähre soll schon am "
    "Freitag anlegen. Der Vorstand sagte, man sei mit dem Ergebnis sehr zufrieden und wolle im "
    "Sommer weitere Liegeplätze bauen. Die Fischer im Hafen sind weniger froh, denn sie fürchten "
    "um ihre Plätze an der alten Mole. Ein Sprecher der Stadt erklärte, niemand werde vertrieben, "
    "solange die Boote gepflegt würden. Im Herbst will der Rat über die Gebühren beraten, die "
    "nach Ansicht vieler Bürger viel zu hoch sind. Bis dahin bleibt alles beim Alten, so der Rat."
)


def test_english_stated_for_text_that_plainly_is_not_is_doubted() -> None:
    page = (
        '<html lang="en"><head><title>Neuer Kai</title></head><body><article><h1>Neuer Kai in Rostock</h1>'
        f"<p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>"
    )
    [article] = api.read(page.encode(), format="html")
    assert article.language == "en"
    done = api.extract(article)
    assert not done.quotes and not [a for a in done.actors if a.kind == "person"]
    assert any("is given as 'en', but only" in n for n in done.provenance.notes)
    forced = api.extract(article, options=api.ExtractOptions(language="en"))
    assert not any("is given as 'en'" in n for n in forced.provenance.notes)


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("Lena Marsh, a marine biologist and harbour safety expert, said so.", "Lena Marsh", "harbour safety expert"),
        ("Tom Reid, the Trade and Industry secretary, said so.", "Tom Reid", "Trade and Industry secretary"),
        ("Dan Ferris, former special envoy to Kyiv, said so.", "Dan Ferris", "former special envoy to Kyiv"),
    ],
)
def test_titles_with_and_or_a_place_stay_whole(sentence: str, name: str, title: str) -> None:
    article = extract(sentence)
    assert any(title in t for t in titles(article, name))


def test_provinces_and_states_of_other_wires_are_regions() -> None:
    article = extract("Crews from Manitoba, Queensland and Kerala, and from the Dakotas, visited the quay.")
    kinds = {p.name: (p.kind, p.country) for p in article.places}
    assert kinds["Manitoba"] == ("region", "Canada") and kinds["Queensland"] == ("region", "Australia")
    assert kinds["Kerala"] == ("region", "India") and kinds["Dakotas"] == ("region", "United States")


def test_a_seat_and_letters_before_a_name_are_nobody() -> None:
    # The model tags "Sengkang MP" as a person of its own, then "Ting Ru".
    article = extract("Sengkang MP He Ting Ru asked whether the fees would rise.")
    assert actor_names(article, "person") == ["He Ting Ru"]


# --- session 9: other people's files, seen on ../shared/realworld and not fixed before ----


@pytest.mark.parametrize(
    "sentence, product",
    [
        ("Buyers who want the iPhone Max will wait until May, the shop at the quay said.", "Max"),
        ("The MacBook Pro that Lena Marsh bought ran hot, and the Galaxy Ultra was no cooler.", "MacBook Pro"),
        ("Harbour staff now carry the Pixel Pro, and the old iPad Mini stays in the office.", "Pixel Pro"),
    ],
)
def test_a_product_line_is_no_actor(sentence: str, product: str) -> None:
    article = extract(sentence)
    found = actor_names(article) + [p.name for p in article.places]
    assert not [n for n in found if n in product or product in n]
    assert not [n for n in actor_names(article, "person") if n.split()[-1] in ("Max", "Pro", "Ultra", "Mini")]


def test_a_person_named_max_is_still_a_person() -> None:
    article = extract("Max Verstappen toured the quay, and Lena Marsh showed him the cranes.")
    assert {"Max Verstappen", "Lena Marsh"} <= set(actor_names(article, "person"))


@pytest.mark.parametrize(
    "sentence, teams",
    [
        (
            "Arsenal beat Chelsea 2-0 on Saturday, and Leeds drew with Everton.",
            ["Arsenal", "Chelsea", "Leeds", "Everton"],
        ),
        (
            "Liverpool lost to Burnley at the weekend, while Wolves edged Fulham 1-0.",
            ["Liverpool", "Burnley", "Fulham"],
        ),
    ],
)
def test_teams_named_without_the_are_organisations(sentence: str, teams: list[str]) -> None:
    article = extract(sentence, "Fans of both sides crowded the quay after the final whistle.")
    organisations = actor_names(article, "organization")
    assert [t for t in teams if t in organisations] == teams
    assert not {p.name for p in article.places} & set(teams)
    assert not set(actor_names(article, "person")) & set(teams)


def test_players_who_beat_each_other_stay_people() -> None:
    article = extract("Rafael Nadal beat Daniil Medvedev in five sets at the quay courts, and Nadal said he was tired.")
    assert {"Rafael Nadal", "Daniil Medvedev"} <= set(actor_names(article, "person"))
    assert not actor_names(article, "organization")


def test_a_city_that_is_no_side_stays_a_place() -> None:
    article = extract("Fans in Leeds cheered when the new quay opened, and the mayor said so.")
    assert "Leeds" in [p.name for p in article.places]


def test_a_quote_mark_glued_to_a_speaker_is_no_part_of_the_name() -> None:
    article = extract('The envoy called the vote "a farce."Syria said it would not sign the harbour pact.')
    names = actor_names(article)
    assert not [n for n in names if '"' in n or "“" in n]
    [quote] = [q for q in article.quotes if q.text.startswith("it would not sign")]
    speaker = article.actor(quote.speaker or "")
    assert speaker is not None and (speaker.name, speaker.kind) == ("Syria", "country")


@pytest.mark.parametrize(
    "words, expected",
    [
        ("Lena Marsh", True),
        ("al-Assad", True),
        ("eBay", True),
        ('"Syria', False),
        ("mid-2019 refresh", False),
        ("2018 model", False),
        ("the spring review", False),
    ],
)
def test_a_speaker_actor_s_name_is_a_name(words: str, expected: bool) -> None:
    from newsgraph.extract.quotes.speakers import _is_name

    assert _is_name(words) is expected


FINNISH_LEAD = (
    "Satamahallitus avasi uuden laiturin maanantaina vuoden kuulemisten jälkeen, ja ensimmäinen lautta saapuu "
    "perjantaina."
)


def test_a_line_of_names_above_a_story_in_another_language_is_its_byline() -> None:
    article = read_text(
        f"Satama avattiin\n\nANNA VIRTA, MATTI KOSKI\n\n{FINNISH_LEAD}\n\nTyöt kestivät vuoden.\n", "fi"
    )
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in article.authors] == ["Anna Virta", "Matti Koski"]
    assert article.body[0].text == FINNISH_LEAD


G2_BY = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:laituri-1" version="1" standard="NewsML-G2"
  standardversion="2.25" xml:lang="fi">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="example"/>
    <versionCreated>2024-03-05T10:00:00Z</versionCreated></itemMeta>
  <contentMeta>{creator}<headline>Satama avattiin</headline><by>{by}</by></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
    <p>{lead}</p><p>Työt kestivät vuoden.</p></body></html></inlineXML></contentSet>
</newsItem>
"""


@pytest.mark.parametrize(
    "creator, by, authors",
    [
        ("", "ANNA VIRTA, MATTI KOSKI ", ["Anna Virta", "Matti Koski"]),
        (
            '<creator qcode="ed:12"><name>Virta Anna</name></creator>',
            "Anna Virta, Matti Koski",
            ["Anna Virta", "Matti Koski"],
        ),
        ('<creator qcode="ed:12"><name>Liisa Aho</name></creator>', "Anna Virta, Matti Koski", ["Liisa Aho"]),
    ],
)
def test_a_stated_byline_without_by_names_the_authors(creator: str, by: str, authors: list[str]) -> None:
    item = G2_BY.format(creator=creator, by=by, lead=FINNISH_LEAD)
    [article] = api.read(item.encode(), format="newsml")
    article = api.extract(article)
    names = {a.id: a.name for a in article.actors}
    assert [names[a] for a in article.authors] == authors
    assert article.byline == by.strip()
    assert not [a for a in article.actors if a.kind == "person" and a.name not in authors]


def _ninjs(**fields: object) -> Article:
    item = {
        "uri": "urn:example:quay-2",
        "type": "text",
        "language": "en",
        "headlines": [{"role": "main", "value": "Quay opens after long delay"}],
        "bodies": [{"role": "text", "contentType": "text/plain", "value": "The harbour board opened the new quay."}],
        **fields,
    }
    [article] = api.read(__import__("json").dumps(item).encode(), format="ninjs")
    return article


def _names(article: Article, ids: list[str]) -> list[str]:
    names = {a.id: a.name for a in article.actors}
    return [names[i] for i in ids]


@pytest.mark.parametrize(
    "fields, authors, sources",
    [
        ({"by": "B2231/_Nora Blake"}, ["Nora Blake"], []),
        ({"by": "_Nora Blake and Tom Reid"}, ["Nora Blake", "Tom Reid"], []),
        ({"authors": [{"name": "harbourzone/NB", "role": "editor"}], "by": "harbourzone/NB"}, [], ["harbourzone"]),
        ({"authors": [{"name": "Nora Blake/AFP"}]}, ["Nora Blake"], ["Agence France-Presse"]),
    ],
)
def test_author_fields_as_cms_fill_them_are_cleaned(fields: dict, authors: list[str], sources: list[str]) -> None:
    # A photographer's or editor's code after a slash, a CMS's leading underscore, an outlet.
    article = _ninjs(**fields)
    assert _names(article, article.authors) == authors
    assert _names(article, article.sources) == sources
    if "by" in fields:
        assert article.byline == fields["by"]  # the byline as printed stays


@pytest.mark.parametrize(
    "creator, authors, byline",
    [
        ("_Nora Blake", ["Nora Blake"], "_Nora Blake"),
        ("harbourzone/NB", [], "harbourzone/NB"),
        ("Nora Blake", ["Nora Blake"], None),
    ],
)
def test_feed_authors_are_cleaned_and_the_field_kept_as_the_byline(
    creator: str, authors: list[str], byline: str | None
) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        "<title>Harbour news</title><link>https://harbour.example/</link><description>d</description>"
        "<item><title>Quay opens</title><link>https://harbour.example/quay</link>"
        f"<dc:creator>{creator}</dc:creator>"
        "<description>The harbour board opened the new quay on Tuesday.</description></item></channel></rss>"
    )
    [article] = api.read(feed.encode(), format="rss")
    assert _names(article, article.authors) == authors
    assert article.byline == byline


def test_a_row_of_labels_above_an_html_body_is_no_paragraph() -> None:
    # The category and the agency as spans with classes: read as text they glue together.
    html = (
        "<html><body><article><h1>Quay opens after long delay</h1>"
        '<div class="dat"><span class="vignette">Harbours</span><span class="source">AFP</span></div>'
        "<p>The harbour board opened the new quay on Tuesday.</p></article></body></html>"
    )
    article = _ninjs(bodies=[{"role": "text", "contentType": "text/html", "value": html}])
    assert [p.text for p in article.body] == ["The harbour board opened the new quay on Tuesday."]
    assert article.kicker == "Harbours"
    assert _names(article, article.sources) == ["Agence France-Presse"]


def test_spans_with_classes_inside_a_paragraph_stay_text() -> None:
    html = '<p><span class="vignette">Harbours</span> <span class="source">reopen</span> on Tuesday.</p>'
    article = _ninjs(bodies=[{"role": "text", "contentType": "text/html", "value": html}])
    assert [p.text for p in article.body] == ["Harbours reopen on Tuesday."] and article.kicker is None


def test_a_wire_s_mark_before_a_headline_is_no_part_of_it() -> None:
    nitf = NITF.replace("<hl1>Quay opens after long delay</hl1>", "<hl1>*Quay opens after long delay</hl1>")
    [article] = api.read(nitf.format(byline="", dateline="").encode())
    assert article.headline == "Quay opens after long delay"
    assert any("wire's mark" in n for n in article.provenance.notes)


@pytest.mark.parametrize(
    "line, names, outlet",
    [
        ("Nora Blake, AP National Political Writer", ["Nora Blake"], "Associated Press"),
        ("Nora Blake, Ap Sports Writer", ["Nora Blake"], "Associated Press"),
        ("Nora Blake, NBC Harbour Desk", ["Nora Blake"], "NBC News"),
        ("Nora Blake, Quayside Media", ["Nora Blake"], "Quayside Media"),
    ],
)
def test_an_outlet_s_desk_in_a_byline_is_no_person(line: str, names: list[str], outlet: str) -> None:
    from newsgraph.lexicon.bylines import split_names

    found = split_names(line)
    assert found is not None and found.names == names
    assert [o.name for o in found.outlets] == [outlet]


def test_where_a_company_is_based_is_a_place_and_no_speaker() -> None:
    article = extract(
        "The Harlow Bay, Pennsylvania-based ferry company said it had profit of 36 cents a share.",
        "Shares of the Brindle-based shipper rose on the news.",
    )
    assert "Harlow Bay" in [p.name for p in article.places]
    assert not [a for a in article.actors if a.name in ("Harlow Bay", "Brindle")]
    assert all(q.speaker is None for q in article.quotes)


@pytest.mark.parametrize(
    "sentence",
    [
        "Duvet use was blamed by Owen Hale, and the duvet was thrown away.",
        "Benchmark yields rose on Tuesday, and the benchmark index fell.",
        "Jam sold out at the quay fair, and Lena Marsh said the jam was good.",
    ],
)
def test_a_noun_that_starts_a_sentence_is_no_name(sentence: str) -> None:
    # The article writes the same word in lower case elsewhere: a common noun.
    article = extract(sentence)
    word = sentence.split()[0]
    assert word not in actor_names(article)


def test_a_surname_written_in_full_elsewhere_stays_a_person() -> None:
    article = extract("Rice farmers met Susan Rice at the quay, and Rice said the rice harvest was poor.")
    [person] = [a for a in article.actors if a.kind == "person"]
    assert person.name == "Susan Rice" and len(person.mentions) >= 2


def test_a_name_whose_surname_alone_speaks_is_a_person() -> None:
    # The model tags the full name as a body; the surname alone is the one who speaks.
    article = extract("Eva-Marie Persson closed the harbour inquiry. Persson said the evidence was weak.")
    assert actor_names(article) == ["Eva-Marie Persson"] and actor_names(article, "person") == ["Eva-Marie Persson"]


def test_the_provider_named_again_as_the_source_is_one_organisation() -> None:
    item = G2_ITEM.format(dateline="BELFAST", lead="").replace(
        '<provider literal="example"/>', '<provider qcode="exprov:77"><name>Quay Wire</name></provider>'
    )
    item = item.replace(
        "<headline>",
        '<infoSource qcode="exsource:77" role="infosourcerole:originfo"><name>Quay Wire</name></infoSource><headline>',
    )
    [article] = api.read(item.encode(), format="newsml")
    assert [a.name for a in article.actors if a.kind == "organization"] == ["Quay Wire"]
    assert article.sources == [article.publisher]


def test_a_creator_named_like_an_outlet_is_a_source() -> None:
    item = G2_ITEM.format(dateline="BELFAST", lead="").replace(
        "<headline>", "<creator><name>The Harbour Network</name></creator><headline>"
    )
    [article] = api.read(item.encode(), format="newsml")
    assert article.authors == [] and sources(article) == ["The Harbour Network"]


def test_the_source_s_own_organisation_named_in_the_text_stays_an_organisation() -> None:
    item = G2_ITEM.format(dateline="BELFAST", lead="").replace(
        '<provider literal="example"/>', '<provider qcode="exprov:9"><name>Quill Metrics</name></provider>'
    )
    item = item.replace(
        "<p>Building work took eleven months, and the first ferry is due on Friday.</p>",
        "<p>This story was generated by Quill Metrics using data from the harbour board.</p>",
    )
    [article] = api.read(item.encode(), format="newsml")
    article = api.extract(article)
    assert [(a.name, a.kind) for a in article.actors if a.name == "Quill Metrics"] == [
        ("Quill Metrics", "organization")
    ]


def test_a_team_whose_short_name_follows_the_is_no_person() -> None:
    article = extract(
        "The Arizona Harriers beat the Tarpons 3-1 at the quay ground on Sunday.",
        "The Harriers said the win was earned, and the Tarpons' coach agreed.",
    )
    assert "Arizona Harriers" not in actor_names(article, "person")


STORY_PAGE = (
    "<!DOCTYPE html><html><head><title>Quay opens after long delay</title>{head}</head><body><article>"
    "<h1>Quay opens after long delay</h1>"
    "<p>The harbour board opened the new quay on Tuesday after a year of hearings, ending a debate that had "
    "divided the town.</p><p>Building work took eleven months, and the first ferry is due on Friday, the "
    "board said in a statement.</p>{after}</article></body></html>"
)


def _page_authors(head: str, after: str = "") -> list[str]:
    [article] = api.read(STORY_PAGE.format(head=head, after=after).encode(), format="html")
    article = api.extract(article)
    return _names(article, article.authors)


@pytest.mark.parametrize(
    "head, authors",
    [
        # the company that owns the page, given as its author too
        (
            '<meta name="author" content="Quayside Publishing"><meta name="copyright" content="(c) Quayside '
            'Publishing 2024">',
            [],
        ),
        ('<meta name="author" content="Nora Blake; Nora J. Blake">', ["Nora Blake"]),
        ('<meta name="author" content="Harbour X">', []),
    ],
)
def test_page_authors_that_are_no_one_else(head: str, authors: list[str]) -> None:
    assert _page_authors(head) == authors


def test_follow_an_outlet_s_desk_names_no_author() -> None:
    after = "<p><strong>Follow NBC Harbour on Facebook and Instagram.</strong></p>"
    assert _page_authors("", after) == []


def test_a_letter_s_salutation_is_no_dateline() -> None:
    article = read_text(
        "Quay advice\n\nDEAR HARBOUR MASTER: My neighbour moors his boat across my berth every night.\n\n"
        "He says the quay is public, and the board has not answered my letters.\n"
    )
    assert article.dateline is None
    assert not [p for p in article.places if "Harbour" in p.name or "HARBOUR" in p.name]


@pytest.mark.parametrize("written, country", [("Democratic Republic of Congo", "Democratic Republic of the Congo")])
def test_long_forms_of_countries(written: str, country: str) -> None:
    article = extract(f"Envoys of the {written} visited the quay on Monday.")
    assert country in actor_names(article, "country")


def test_a_place_word_the_article_writes_in_lower_case_is_no_place() -> None:
    article = extract("Street vendors crowded the quay, and the street was closed by noon.")
    assert "Street" not in [p.name for p in article.places]


def test_an_article_body_of_escaped_html_is_read_for_its_text() -> None:
    body = (
        "The harbour board opened the new quay on Tuesday.\\r\\n\\r\\n"
        "&lt;div align=&quot;center&quot;&gt;&lt;img src=&quot;https://harbour.example/q.jpg&quot; /&gt;"
        "&lt;span class=&quot;small&quot;&gt;The new quay&lt;/span&gt;&lt;/div&gt;\\r\\n\\r\\n"
        "Work took eleven months, &lt;a href=&quot;https://harbour.example/&quot;&gt;the board&lt;/a&gt; said."
    )
    block = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Quay opens",'
        f' "datePublished": "2024-03-05", "articleBody": "{body}"}}'
    )
    [article] = api.read(block.encode(), format="jsonld")
    texts = [p.text for p in article.body]
    assert texts == [
        "The harbour board opened the new quay on Tuesday.",
        "The new quay",
        "Work took eleven months, the board said.",
    ]
    assert any("escaped HTML" in n for n in article.provenance.notes)


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("Harbour quarterback Tavon Brudwell threw two touchdowns.", "Tavon Brudwell", "Harbour quarterback"),
        ("Goalkeeper Ann Sorli saved a penalty at the quay ground.", "Ann Sorli", "Goalkeeper"),
        ("The fans cheered when midfielder Jo Berge scored.", "Jo Berge", "midfielder"),
    ],
)
def test_a_player_s_position_is_a_title(sentence: str, name: str, title: str) -> None:
    article = extract(sentence)
    assert title in titles(article, name)


def test_a_team_before_its_player_is_an_organisation() -> None:
    # The model tags the team as a person here.
    article = extract("Rams quarterback Tavon Brudwell threw for 300 yards at the quay ground.")
    assert ("Rams", "organization") in [(a.name, a.kind) for a in article.actors]
    assert actor_names(article, "person") == ["Tavon Brudwell"]


def test_a_placeholder_in_a_field_names_no_place() -> None:
    item = G2_ITEM.format(dateline="BELFAST", lead="").replace(
        "<headline>", '<located literal="No-Data-Available"><name>No-Data-Available</name></located><headline>'
    )
    [article] = api.read(item.encode(), format="newsml")
    assert not article.places
    assert any("placeholder" in n for n in article.provenance.notes)


def test_a_channel_s_number_is_part_of_its_name() -> None:
    article = extract("The final was shown on Channel 4, and the harbour board watched it.")
    assert "Channel 4" in actor_names(article, "organization") and "Channel" not in actor_names(article)


def test_a_side_the_model_calls_a_people_is_a_team() -> None:
    article = extract("The Harriers beat the Tarpons 37-13 to set up a final at the quay ground.")
    assert ("Harriers", "organization") in [(a.name, a.kind) for a in article.actors]
    assert not actor_names(article, "group")


def test_planets_and_moons_are_places_of_no_country() -> None:
    article = extract("Plumes of water rise from Jupiter's moon Europa, scientists at the quay observatory said.")
    assert {(p.name, p.kind) for p in article.places} >= {("Jupiter", "other"), ("Europa", "other")}
    assert not actor_names(article)


def test_a_family_name_that_is_a_moon_stays_a_person() -> None:
    article = extract("Moon Jae-in visited the quay, and Moon said the harbour was vital.")
    assert actor_names(article, "person") == ["Moon Jae-in"] and not article.places


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Chancellor Otto Brenner visited Moscow on Monday to talk about the quay.", "Moscow"),
        ("The mayor of York visited Leeds on Friday, and both councils met at the quay.", "Leeds"),
    ],
)
def test_a_city_in_news_of_no_match_stays_a_place(sentence: str, place: str) -> None:
    article = extract(sentence)
    assert place in [p.name for p in article.places] and place not in actor_names(article)
