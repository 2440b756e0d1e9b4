"""Actors on the shapes real files have: addresses, products, company names, wire lists.

Each test is a shape a sweep over real files found wrong, written in our own sentences."""

from __future__ import annotations

from newsgraph.model import Article
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
