"""Press conventions from outside the United States, from our own sentences.

British and Irish papers write titles without full stops (*Cllr*, *Sgt*, *Supt*), put a
seat or an honour after a name (*MP*, *QC*, *OBE*), name a title in apposition with a
capital (*The Home Secretary, Ann Lee, said*), and name groups with a plural possessive
(*the Farmers' Union*): each must give the same actors and speakers as the American forms.
"""

from __future__ import annotations

import pytest

from newsgraph import api
from newsgraph.model import Article
from press_helpers import extract, titles


def speakers(article: Article) -> dict[str, str | None]:
    names = {a.id: a.name for a in article.actors}
    return {q.text: names.get(q.speaker or "") for q in article.quotes}


@pytest.mark.parametrize(
    "sentence, speaker, title",
    [
        (
            "The Home Secretary, Mark Hale, told MPs the scheme was 'working as it should'.",
            "Mark Hale",
            "Home Secretary",
        ),
        ("The Culture Secretary, Jo Amis, said the quay would 'bring the ships back'.", "Jo Amis", "Culture Secretary"),
        ("The council leader, Ruth Keane, said the vote was 'long overdue'.", "Ruth Keane", "council leader"),
    ],
)
def test_a_capitalised_title_in_apposition_gives_the_name_as_speaker(sentence: str, speaker: str, title: str) -> None:
    article = extract("Ferry crews welcomed the news.", sentence)
    assert list(speakers(article).values()) == [speaker]
    assert title in titles(article, speaker)


def test_letters_after_a_name_are_a_title_not_part_of_it() -> None:
    article = extract(
        "Labour's shadow harbours minister Owen Pryce MP called the plan 'a rerun of old promises'.",
        "Mr Pryce added: 'Crews have heard all of this before and they deserve better.'",
        "The board's counsel, Dana Holt QC, said the hearings had been fair.",
    )
    names = sorted(a.name for a in article.actors if a.kind == "person")
    assert names == ["Dana Holt", "Owen Pryce"]
    assert set(speakers(article).values()) == {"Owen Pryce", "Dana Holt"}
    assert "MP" in titles(article, "Owen Pryce") and "QC" in titles(article, "Dana Holt")


@pytest.mark.parametrize("title", ["Cllr", "Sgt", "Supt", "Insp", "Det Insp", "Gen", "Capt", "Revd", "Fr"])
def test_an_abbreviated_title_without_a_full_stop_is_not_part_of_the_name(title: str) -> None:
    article = extract(f"'The quay will be safe,' said {title} Niamh Rooney, who has watched the works for a year.")
    assert speakers(article) == {"The quay will be safe,": "Niamh Rooney"}
    assert [a.name for a in article.actors if a.kind == "person"] == ["Niamh Rooney"]


def test_a_title_without_an_american_counterpart_is_a_title() -> None:
    article = extract("Chief Constable Helen Byrne said officers had made nine arrests at the quay.")
    assert "Chief Constable" in titles(article, "Helen Byrne")


@pytest.mark.parametrize(
    "group", ["the Northern Line Users' Group", "the Dock Workers' Union", "the Skippers' Association"]
)
def test_a_plural_possessive_inside_a_group_name_keeps_it_whole(group: str) -> None:
    article = extract(f"'It is a start, but only a start,' said Ravi Menon, who chairs {group}.")
    name = group.removeprefix("the ")
    assert name in [a.name for a in article.actors if a.kind == "organization"]


def test_a_name_the_model_cuts_short_after_an_initial_is_read_whole() -> None:
    article = extract(
        'Chief Minister S. Rajesh Kumar welcomed the quay and said it was "a demand of many years".',
        'The Minister also said, "Funds have been released and there will be no delay."',
    )
    people = [a for a in article.actors if a.kind == "person"]
    assert [a.name for a in people] == ["S. Rajesh Kumar"]
    assert set(speakers(article).values()) == {"S. Rajesh Kumar"}


def test_a_quote_in_the_clause_after_a_leading_according_to_is_that_source() -> None:
    article = extract(
        "Port workers' leader Thandi Mokoena met the employers on Monday.",
        "According to Ms Mokoena, the offer 'falls well short of what was promised' and must improve.",
        'According to the dockers\' union, the talks "have gone nowhere for a month".',
    )
    found = {q.text: q for q in article.quotes}
    offer = found["falls well short of what was promised"]
    assert offer.kind == "partial" and article.actor(offer.speaker or "").name == "Thandi Mokoena"
    talks = found["have gone nowhere for a month"]
    assert talks.kind == "partial" and talks.speaker_mention is not None


def test_a_title_the_model_takes_for_an_organisation_is_still_a_title_in_apposition() -> None:
    article = extract("The Taoiseach, Niall Brophy, said the talks would resume next week.")
    assert [a.name for a in article.actors] == ["Niall Brophy"]
    assert list(speakers(article).values()) == ["Niall Brophy"]


@pytest.mark.parametrize("group", ["Water UK", "Universities UK"])
def test_an_organisation_named_after_its_country_is_not_the_country(group: str) -> None:
    article = extract(f"{group}, which speaks for its members, said they were 'investing record sums'.")
    [quote] = article.quotes
    speaker = article.actor(quote.speaker or "")
    assert speaker is not None and (speaker.name, speaker.kind) == (group, "organization")
    assert "United Kingdom" not in [a.name for a in article.actors]


def test_a_word_that_says_which_part_of_a_country_leaves_it_the_country() -> None:
    article = extract("Modern Russia exported more steel than ever, the economist Ada Moss said.")
    assert "Russia" in [a.name for a in article.actors if a.kind == "country"]
    assert "Modern Russia" not in [a.name for a in article.actors]


def test_family_first_names_are_found_again_by_their_family_name() -> None:
    article = extract(
        "Chinese Premier Wang Hailong met South Korean Prime Minister Yoon Min-jae in Seoul on Tuesday.",
        '"We are partners in this," Wang said after the meeting.',
        "Yoon told reporters the talks had been 'frank and useful'.",
        "Shipping chairman Lee Dong-hwan said the port would gain.",
    )
    people = sorted(a.name for a in article.actors if a.kind == "person")
    assert people == ["Lee Dong-hwan", "Wang Hailong", "Yoon Min-jae"]  # a hyphenated given name kept whole
    assert set(speakers(article).values()) == {"Wang Hailong", "Yoon Min-jae", "Lee Dong-hwan"}


def test_a_given_name_first_is_still_read_given_name_first() -> None:
    article = extract(
        "Kim Harlow, who runs the ferry company, met Lee Marsh on Monday.", "Harlow said the fares would stay."
    )
    assert sorted(a.name for a in article.actors if a.kind == "person") == ["Kim Harlow", "Lee Marsh"]
    assert set(speakers(article).values()) == {"Kim Harlow"}


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ('"Work will start in the spring," a spokesman for Harbour Rail said.', "Harbour Rail"),
        ('A Downing Street spokeswoman said: "The plan has the full support of ministers."', "Downing Street"),
        ('"We are delighted," said a spokesperson for the Northern Ports Partnership.', "Northern Ports Partnership"),
    ],
)
def test_a_nameless_spokesperson_speaks_for_the_organisation_named(sentence: str, speaker: str) -> None:
    article = extract(sentence)
    [quote] = article.quotes
    actor = article.actor(quote.speaker or "")
    assert actor is not None and (actor.name, actor.kind) == (speaker, "organization")
    assert quote.speaker_mention is not None and "spokes" in article.span_text(quote.speaker_mention)


def test_a_spokesperson_with_a_name_is_that_person_and_a_bare_one_nobody() -> None:
    article = extract(
        '"No comment," said Harbour Rail spokeswoman Alison Grey.',
        '"We are looking into it," a spokesman said.',
    )
    assert speakers(article) == {"No comment,": "Alison Grey", "We are looking into it,": None}


def test_a_speaker_the_model_calls_a_place_but_no_country_is_an_institution() -> None:
    article = extract("In a statement, Ofwat said it would 'not hesitate to act'.")
    [quote] = article.quotes
    actor = article.actor(quote.speaker or "")
    assert actor is not None and (actor.name, actor.kind) == ("Ofwat", "organization")


def test_the_demonym_that_refers_back_to_a_person_is_that_person() -> None:
    article = extract(
        "1996: Goalkeeper Mark Bosko was charged with misconduct after a gesture at a match in London.",
        "The Australian claimed he had not known the gesture would give offence.",
    )
    assert list(speakers(article).values()) == ["Mark Bosko"]
    assert "Australian" not in [a.name for a in article.actors]


@pytest.mark.parametrize(
    "sentence",
    [
        "The cycling board today announced new tests to protect the integrity of the 2027 'Harbour Coast Classic' in May.",
        "The council said the 'Summer Lights Festival' would return to the quay next year.",
    ],
)
def test_a_title_cased_name_after_an_article_is_a_name_not_a_quote(sentence: str) -> None:
    article = extract(sentence)
    assert [q.text for q in article.quotes if q.kind != "indirect"] == []


def test_words_after_an_article_in_lower_case_are_still_a_quote() -> None:
    article = extract("The council leader, Ruth Keane, said the plan was the 'best deal we could get'.")
    assert [q.text for q in article.quotes if q.kind == "partial"] == ["best deal we could get"]


# Names the model has rarely seen come out untagged, or tagged alone as a place or a body
# ("Mantsho" as a GPE); after a title or an honorific they are a person's name.
@pytest.mark.parametrize(
    "sentence, name, title",
    [
        (
            "Harbour board spokesperson Lwazikazi Ndlovukati said the cranes were 'back in service'.",
            "Lwazikazi Ndlovukati",
            "spokesperson",
        ),
        (
            "Minister of Transport Kgomotsegi Phalatswe told reporters the quay was 'a national asset'.",
            "Kgomotsegi Phalatswe",
            "Minister of Transport",
        ),
        ("Hon. Obiageli Nwachinemelu said the board had 'kept its word'.", "Obiageli Nwachinemelu", None),
    ],
)
def test_a_name_the_model_missed_after_a_title_is_a_person_and_the_speaker(
    sentence: str, name: str, title: str | None
) -> None:
    article = extract("Ferry crews welcomed the news.", sentence)
    [actor] = [a for a in article.actors if name.split()[-1] in a.name]
    assert (actor.name, actor.kind) == (name, "person")
    assert list(speakers(article).values()) == [name]
    if title:
        assert title in actor.titles


@pytest.mark.parametrize(
    "lead, dateline",
    [
        ("Johannesburg - The harbour board approved the new quay on Monday.", "Johannesburg"),
        ("NEW DELHI: The harbour board approved the new quay on Monday.", "NEW DELHI"),
        ("Mumbai: The harbour board approved the new quay on Monday.", "Mumbai"),
    ],
)
def test_a_dateline_with_a_spaced_dash_or_a_colon(lead: str, dateline: str) -> None:
    [article] = api.read(f"Harbour plan approved\n\n{lead}\n\nWork starts in spring.\n".encode(), format="text")
    article = api.extract(article)
    assert article.dateline == dateline
    assert not [a for a in article.actors if a.name.startswith(dateline.split()[0].title())]


def test_a_name_and_dash_is_no_dateline_unless_a_known_place() -> None:
    [article] = api.read(
        b"Harbour plan approved\n\nMarlow - a ferry captain for thirty years - backed it.\n", format="text"
    )
    assert api.extract(article).dateline is None


def test_a_fragment_in_a_contrasting_clause_is_its_own_speakers() -> None:
    article = extract(
        "Deputy mayor Ann Carrow said she was 'fully behind' the plan, while harbour master "
        "Tom Ellery said his crews would 'not be found wanting'."
    )
    assert speakers(article) == {"fully behind": "Ann Carrow", "not be found wanting": "Tom Ellery"}


@pytest.mark.parametrize(
    "sentence, name",
    [
        # The parse makes the title the subject and hangs the name on its preposition.
        ("Minister for Ports Tariq Hameed, while closing the debate, said the quay was 'overdue'.", "Tariq Hameed"),
        ("Opposition leader in the Senate Rubina Aslam said the plan was 'rushed'.", "Rubina Aslam"),
    ],
)
def test_a_title_with_its_office_before_the_name(sentence: str, name: str) -> None:
    article = extract("Ferry crews welcomed the news.", sentence)
    assert list(speakers(article).values()) == [name]
    assert not [a for a in article.actors if a.name in ("Minister", "leader")]


def test_an_office_is_no_part_of_the_name_and_the_family_name_comes_first() -> None:
    article = extract(
        "Senior Minister of State for Transport Goh Wee Liang said the quay would open in May.",
        "'The crews have waited long enough,' said Dr Goh.",
    )
    people = [a for a in article.actors if a.kind == "person"]
    assert [(a.name, a.titles) for a in people] == [("Goh Wee Liang", ["Senior Minister of State for Transport"])]
    assert list(speakers(article).values()) == ["Goh Wee Liang", "Goh Wee Liang"]


@pytest.mark.parametrize(
    "lead, dateline, source",
    [
        ("SEOUL, Nov 26 AFP - The harbour board approved the new quay.", "SEOUL, Nov 26", "Agence France-Presse"),
        ("HONOLULU (AP) _ The harbour board approved the new quay.", "HONOLULU", "Associated Press"),
        ("OSLO (NTB): The harbour board approved the new quay.", "OSLO", "NTB"),
        ("Copenhagen /ritzau/: The harbour board approved the new quay.", "Copenhagen", "Ritzau"),
    ],
)
def test_agency_datelines_of_other_wires(lead: str, dateline: str, source: str) -> None:
    [article] = api.read(f"Harbour plan approved\n\n{lead}\n\nWork starts in spring.\n".encode(), format="text")
    article = api.extract(article)
    assert article.dateline == dateline
    names = {a.id: a.name for a in article.actors}
    assert [names[s] for s in article.sources] == [source]


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("Speaking at the quay on Saturday, Mr Langat said the cranes were 'back at work'.", "Langat", None),
        (
            "Kakamega Governor Fernandes Mulongo said the county would 'audit every pier'.",
            "Fernandes Mulongo",
            "Kakamega Governor",
        ),
    ],
)
def test_a_name_inside_an_entity_taken_for_a_body(sentence: str, name: str, title: str | None) -> None:
    # The model tags 'Langat' and 'Kakamega Governor Fernandes Mulongo' as organisations.
    article = extract("Ferry crews welcomed the news.", sentence)
    [speaker] = speakers(article).values()
    assert speaker is not None and speaker.endswith(name)
    [actor] = [a for a in article.actors if a.name == speaker]
    assert actor.kind == "person" and (title is None or title in actor.titles)


def test_where_someone_is_from_after_their_age_is_a_place() -> None:
    # British local news: "Name, age, from Place". The model tags 'Hollinsend' an ORG.
    article = extract("Resident Joan Parfitt, 68, from Hollinsend, said the ferry was late again.")
    assert [p.name for p in article.places] == ["Hollinsend"]
    assert "Hollinsend" not in [a.name for a in article.actors]


@pytest.mark.parametrize("name", ["People’s Liberation Army", "Women's Institute"])
def test_a_plural_noun_before_the_possessive_begins_the_name(name: str) -> None:
    article = extract(f"The {name} said the quay would be open to visitors in May.")
    assert name in [a.name for a in article.actors]
    assert not {"People", "Women"} & {a.name for a in article.actors}


def test_a_name_paired_with_a_person_is_a_person() -> None:
    # The model tags 'Devansh Kumar' as a building here, and 'Ilona Varga' a person.
    article = extract("The brain behind the ferry startup is said to be Devansh Kumar and Ilona Varga.")
    kinds = {a.name: a.kind for a in article.actors}
    assert kinds["Devansh Kumar"] == "person" and kinds["Ilona Varga"] == "person"


def test_regions_named_by_wire_copy_are_places() -> None:
    article = extract("The group has seized towns across the Levant and the Maghreb, officials said.")
    assert {"Levant", "Maghreb"} <= {p.name for p in article.places}
    assert not {"Levant", "Maghreb"} & {a.name for a in article.actors}


def test_letters_in_brackets_after_a_name_are_that_name() -> None:
    article = extract(
        "The Marlow Harbour Authority (MHA) said on Monday that work had resumed at the quay.",
        "The MHA said the backlog would be cleared within a week.",
    )
    [authority] = [a for a in article.actors if a.kind == "organization"]
    assert (authority.name, authority.aliases) == ("Marlow Harbour Authority", ["MHA"])
    assert set(speakers(article).values()) == {"Marlow Harbour Authority"}
