"""The actors pass: rules on small articles written here, gold scores, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from actor_scoring import Score, load, score
from conftest import SAMPLES, SEEDS
from newsgraph import api
from newsgraph.extract import actors
from newsgraph.extract.actors import run as extract_actors
from newsgraph.extract.options import ExtractOptions
from newsgraph.extract.pipeline import STAGES
from newsgraph.model import Actor, Article, Media, mint_id
from strategies import articles

OPTS = ExtractOptions()


def read(*paragraphs: str, headline: str = "A headline", **meta: str) -> Article:
    text = "\n\n".join([headline, *paragraphs]) + "\n"
    [article] = api.read(text.encode("utf-8"), format="text", **meta)
    return article


def run(*paragraphs: str, **meta: str) -> Article:
    return extract_actors(read(*paragraphs, **meta), OPTS)


def actor(article: Article, name: str) -> Actor:
    found = [a for a in article.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in article.actors]}"
    return found[0]


def texts(article: Article, a: Actor) -> list[str]:
    return [article.span_text(m) for m in a.mentions]


# --- people ------------------------------------------------------------------------


def test_titles_are_split_from_names_and_surnames_join_the_person() -> None:
    art = run(
        "Kremlin spokesman Dmitry Peskov said on Monday that talks would go on.",
        "Peskov added that the Kremlin was ready.",
    )
    p = actor(art, "Dmitry Peskov")
    assert p.kind == "person"
    assert p.titles == ["Kremlin spokesman"]
    assert texts(art, p) == ["Dmitry Peskov", "Peskov"]
    assert p.affiliation == actor(art, "Kremlin").id
    assert actor(art, "Kremlin").kind == "organization"


def test_title_before_a_comma_and_apposition_after_a_name() -> None:
    art = run(
        "Canada's ambassador to the US, Marie Tremblay, was called home on Friday.",
        "Omar Haddad, Jordan's foreign minister, said the talks had failed.",
    )
    t = actor(art, "Marie Tremblay")
    assert t.titles == ["Canada's ambassador to the US"]
    assert t.affiliation == mint_id("country", "Canada")
    h = actor(art, "Omar Haddad")
    assert h.titles == ["Jordan's foreign minister"]
    assert h.affiliation == mint_id("country", "Jordan")


def test_job_words_and_ages_stay_out_of_names() -> None:
    art = run(
        "Bartender Anna Kowalski, 34, said she would stay.", "\u201cWe are not leaving,\u201d said Peter Novak, 71."
    )
    a = actor(art, "Anna Kowalski")
    assert a.titles == ["Bartender"]
    assert all("34" not in n and "Bartender" not in n for n in [a.name, *a.aliases])
    assert actor(art, "Peter Novak").titles == []


def test_aliases_and_spelling_variants_are_one_person() -> None:
    art = run(
        "President Joe Biden met aides on Monday.",
        "Biden said later that Dmitri Ivanov had called him.",
        "Dmitry Ivanov, a senior adviser, denied it. President Biden did not reply.",
    )
    biden = actor(art, "Joe Biden")
    assert len(biden.mentions) == 3 and biden.titles == ["President"]
    people = [a for a in art.actors if a.kind == "person"]
    assert len(people) == 2
    ivanov = actor(art, "Dmitri Ivanov")
    assert "Dmitry Ivanov" in ivanov.aliases
    assert ivanov.titles == ["senior adviser"]


def test_one_kind_per_name_in_an_article() -> None:
    art = run(
        "Senator Laura Whitfield visited the plant on Tuesday.",
        "Whitfield said the plant would stay open, and Whitfield's staff agreed.",
    )
    w = actor(art, "Laura Whitfield")
    assert w.kind == "person" and len(w.mentions) == 3
    assert not art.places


def test_gender_from_pronouns_and_honorifics() -> None:
    art = run(
        "Finance Minister Carla Mendes presented the budget on Monday. She said it was fair.",
        "Mr Tomasz Zielinski, the opposition leader, said he would vote against it.",
    )
    assert actor(art, "Carla Mendes").gender == "female"
    assert actor(art, "Tomasz Zielinski").gender == "male"


def test_gender_votes_come_from_sentences_with_one_person() -> None:
    # A pronoun in the next sentence counts when that sentence names nobody; a sentence
    # naming two people votes for neither (whatever their pronouns).
    # (given names that say no gender of their own)
    art = run("Senator Kenji Okafor opened the hearing on Monday. She asked for order.")
    assert actor(art, "Kenji Okafor").gender == "female"
    art = run("Mayor Kenji Sato met Judge Ilse Brandt on Friday. He left early, and he said nothing.")
    assert actor(art, "Kenji Sato").gender is None


def test_photo_credits_never_become_actors() -> None:
    art = run(
        "Prime Minister Ana Ruiz speaks in Madrid on Monday. Jorge Blanco/Reuters via Getty Images",
        "Ruiz said the vote would go ahead.",
    )
    names = {n for a in art.actors for n in [a.name, *a.aliases]}
    assert "Ana Ruiz" in names
    assert "Jorge Blanco" not in names and "Getty Images" not in names


def test_names_in_media_credits_are_not_actors() -> None:
    art = read("Lena Brandt took the picture. Officials in Berlin said little.")
    art = art.model_copy(update={"media": [Media(caption="Officials", credit="Lena Brandt/AP")]})
    out = extract_actors(art, OPTS)
    assert all(a.name != "Lena Brandt" for a in out.actors)


# --- countries and places ----------------------------------------------------------


def test_country_names_are_normalised() -> None:
    art = run("The U.S. and Russia met in Geneva. The United States said America wanted calm.", "US officials agreed.")
    us = actor(art, "United States")
    assert us.kind == "country"
    assert set(texts(art, us)) == {"U.S.", "United States", "America", "US"}
    assert us.id == mint_id("country", "United States")


def test_capital_as_government_or_as_city() -> None:
    art = run(
        "Moscow denies the claim, and relations between Moscow and Washington are poor.",
        "The envoy left Moscow on Friday and arrived in Washington on Saturday.",
    )
    russia, us = actor(art, "Russia"), actor(art, "United States")
    assert texts(art, russia) == ["Moscow", "Moscow"]
    assert texts(art, us) == ["Washington"]
    places = {p.name: p for p in art.places}
    assert places["Moscow"].kind == "city" and places["Moscow"].country == "Russia"
    assert [art.span_text(m) for m in places["Washington"].mentions] == ["Washington"]


def test_places_have_kinds_and_countries() -> None:
    art = run(
        "The leaders met at Villa Rosa in Lausanne, Switzerland, on Tuesday.",
        "Farmers in Turkana county and across East Africa wait for rain.",
    )
    places = {p.name: p for p in art.places}
    assert places["Villa Rosa"].kind == "venue"
    assert places["Lausanne"].kind == "city" and places["Lausanne"].country == "Switzerland"
    assert places["East Africa"].kind == "region"


def test_groups_are_peoples_used_as_nouns() -> None:
    art = run("Ukrainians are divided over the talks, Russian diplomats said.")
    g = actor(art, "Ukrainians")
    assert g.kind == "group" and g.affiliation == mint_id("country", "Ukraine")
    assert not any(a.name == "Russian" for a in art.actors)


def test_model_mislabels_are_fixed_by_known_names() -> None:
    art = run(
        "Smith wrote on Twitter that Tass had misquoted him.",
        "The independent newspaper Nowa Gazeta printed the letter.",
    )
    assert actor(art, "Twitter").kind == "organization"
    assert actor(art, "Tass").kind == "organization"
    assert actor(art, "Nowa Gazeta").kind == "organization"


# --- merging, ids, order -----------------------------------------------------------


def test_merges_with_actors_the_structure_pass_made() -> None:
    art = read("The agency Reuters reported that Ottawa would reply, Reuters said.", publisher="Reuters")
    before = [a.id for a in art.actors]
    out = extract_actors(art, OPTS)
    reuters = [a for a in out.actors if a.name == "Reuters"]
    assert len(reuters) == 1 and reuters[0].id == before[0]
    assert len(reuters[0].mentions) == 2
    assert out.publisher == reuters[0].id


def test_ids_are_stable_across_articles_and_output_is_deterministic() -> None:
    one = run("Chancellor Olaf Scholz met Emmanuel Macron in Paris.")
    two = run("Emmanuel Macron said on Monday that Scholz was right.", headline="Other")
    assert actor(one, "Emmanuel Macron").id == actor(two, "Emmanuel Macron").id
    assert run("Chancellor Olaf Scholz met Emmanuel Macron in Paris.").model_dump_json() == one.model_dump_json()
    firsts = [min((m.paragraph, m.start) for m in a.mentions) for a in one.actors if a.mentions]
    assert firsts == sorted(firsts)


def test_id_base_is_configurable() -> None:
    out = extract_actors(read("Angela Weber spoke."), ExtractOptions(id_base="https://example.org/id/"))
    assert actor(out, "Angela Weber").id == "https://example.org/id/person/angela-weber"


def test_the_pass_is_registered_in_the_pipeline() -> None:
    assert any(s.run is actors.run for s in STAGES)
    out = api.extract(read("Angela Weber spoke in Vienna."))
    assert actor(out, "Angela Weber")


# --- bad input ---------------------------------------------------------------------


def test_empty_body_is_not_a_crash() -> None:
    art = Article(id="urn:newsgraph:article:x", headline="Only a headline")
    out = extract_actors(art, OPTS)
    assert out.actors == [] and any("empty" in n for n in out.provenance.notes)


def test_other_languages_are_skipped_with_a_note() -> None:
    german = (
        "Die Bundesregierung hat am Montag in Berlin neue Maßnahmen beschlossen. "
        "Bundeskanzler Olaf Scholz sagte, man werde die Lage genau beobachten und "
        "bei Bedarf weitere Schritte einleiten, um die Wirtschaft zu stützen."
    )
    out = run(german)
    assert out.actors == [] and out.places == []
    assert any("does not look like English" in n for n in out.provenance.notes)
    declared = run("Angela Weber spoke in Vienna.", language="de")
    assert declared.actors == [] and any("'de'" in n for n in declared.provenance.notes)
    forced = extract_actors(read(german), ExtractOptions(language="en"))
    assert forced.provenance is not None


def test_huge_paragraph_is_parsed_in_pieces() -> None:
    sentence = "Minister Hana Novak said the plan would work. "
    out = run(sentence * 1200)  # about 55,000 characters in one paragraph
    novak = actor(out, "Hana Novak")
    assert len(novak.mentions) == 1200
    assert novak.titles == ["Minister"]
    for m in novak.mentions:
        assert out.span_text(m) == "Hana Novak"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_valid_article_stays_valid(article: Article) -> None:
    out = extract_actors(article, OPTS)
    Article.model_validate(out.model_dump())
    before = {x.id: len(x.mentions) for x in [*article.actors, *article.places]}
    for a in [*out.actors, *out.places]:
        for m in a.mentions if a.id not in before else []:
            assert out.span_text(m).strip()


# --- quality gates -----------------------------------------------------------------

# Floors: a little below what the pass scores now, so a regression fails. Seeds were
# seen while building the rules; the samples were written by us. See docs/actors.md.
FLOORS = {
    "entity_precision": 0.93,
    "entity_recall": 0.90,
    "person_precision": 0.95,
    "person_recall": 0.85,
    "person_one_actor": 0.85,
    "person_name": 0.95,
    "title_recall": 0.90,
    "gender": 0.90,
    "affiliation": 0.85,
    "organization_recall": 0.85,
    "country_recall": 0.95,
    "place_recall": 0.85,
    "mention_precision": 0.95,
    "mention_recall": 0.90,
}


def _gate(gold_name: str, root: Path) -> Score:
    total = Score()
    for gold in load(gold_name):
        [article] = api.read(root / gold["file"])
        total.add(score(api.extract(article), gold))
    return total


def _check(total: Score) -> None:
    summary = total.summary()
    low = {k: round(summary[k], 3) for k, floor in FLOORS.items() if summary[k] < floor}
    assert not low, f"below the floor: {low}\n" + "\n".join(total.problems)
    assert summary["forbidden"] == 0, "\n".join(total.problems)


def test_quality_on_samples() -> None:
    _check(_gate("actors_samples.json", SAMPLES))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not next to this checkout")
def test_quality_on_seeds() -> None:
    _check(_gate("actors_seeds.json", SEEDS))


def test_gold_holds_offsets_and_names_only() -> None:
    for name in ("actors_samples.json", "actors_seeds.json"):
        data = json.loads((Path(__file__).parent / "gold" / "seeds" / name).read_text(encoding="utf-8"))
        for art in data["articles"]:
            for e in art["entities"]:
                assert set(e) <= {
                    "kind",
                    "name",
                    "also",
                    "titles",
                    "gender",
                    "affiliation",
                    "place_kind",
                    "country",
                    "mentions",
                }
                assert all(len(m) == 2 and m[0] < m[1] for m in e["mentions"])


def test_names_glued_by_markup_are_no_actors() -> None:
    # a pop-up card of a linked name dropped into the paragraph, as a page gives it
    out = run(
        "Governor Kristi NoemKristi Lynn NoemSouth Dakota said the dam would be rebuilt. "
        "Kristi Noem said work starts in May."
    )
    names = [a.name for a in out.actors]
    assert not [n for n in names if "NoemK" in n or "NoemS" in n], names
    assert "Kristi Noem" in names


def test_names_with_a_capital_inside_stay_names() -> None:
    out = run("Archbishop Neil MacArthur met Lena DeSantis and Omar McDonald in Dublin.")
    names = {a.name for a in out.actors}
    assert {"Neil MacArthur", "Lena DeSantis", "Omar McDonald"} <= names, names


def test_a_name_before_neighborhood_is_a_place_not_an_organisation() -> None:
    art = run(
        "Nine people were injured on Sunday in a crowded Liberty neighborhood by an explosion, police said.",
        "The Liberty neighborhood was closed to traffic on Monday.",
    )
    assert [(p.name, p.kind) for p in art.places] == [("Liberty", "region")]
    assert not [a for a in art.actors if a.name == "Liberty"]


def test_a_name_the_model_ran_on_over_a_comma_ends_at_the_comma() -> None:
    art = run(
        "According to a new report by Vox, Democratic party officials are trying to win back rural voters.",
        "Martin Luther King, Jr. spoke there in 1963, and Acme, Inc. paid for the plaque.",
    )
    assert "Vox" in [a.name for a in art.actors]
    assert not [a.name for a in art.actors if a.name.startswith("Vox,")]


@pytest.mark.parametrize("name", ["Brexit", "COVID-19", "Obamacare", "Ebola"])
def test_diseases_and_policies_the_model_takes_for_names_are_not_actors(name: str) -> None:
    a = run(
        f"Ministers met Anna Lind on Monday to talk about {name} and what it has cost the port.",
        f"{name} has changed how the harbour works, Lind said after the meeting.",
    )
    assert name.casefold() not in [x.name.casefold() for x in a.actors]
    assert "Anna Lind" in [x.name for x in a.actors]
