"""Short quoted words nobody says (the eleventh round): sentences written here, never
PolNeAR's. A copula's subject is what the quoted words describe, not who says them."""

from __future__ import annotations

import pytest

from test_quotes import extract, mention, quoted, spans


@pytest.mark.parametrize(
    "paragraph",
    [
        'Ola Berg, the new harbour master, is "no sailor" and has never crossed the strait in winter.',
        'By the end of the summer, Mayor Ada Lund became a "lender of last resort" for the fishing fleet.',
        'While Ola Berg is "brand building," his rival is winning votes on the quays.',
        'The ferry chief seems "unbothered" by the delays at the quay.',
        # dropped by the rules (a name), and not the quote-span classifier's to add either
        'The senator was never at the "Three Harbours" summit of the coastal mayors.',
    ],
)
def test_quoted_words_a_copula_gives_its_subject_are_nobodys_quote(paragraph: str) -> None:
    # the subject (a person, a trust, donors) is what the words describe: it says nothing
    a = extract(paragraph)
    assert [spans(a, q) for q in quoted(a)] == []


def test_quoted_words_in_a_copula_someone_reports_stay_the_reporters() -> None:
    # the copula is the complement of a clause whose subject speaks: the words are hers
    a = extract('Mira Lund said on Friday that the new pier was "a monument to waste."')
    [q] = quoted(a)
    assert spans(a, q) == ["a monument to waste."]
    assert mention(a, q) == "Mira Lund"


def test_quoted_words_after_a_verb_of_its_subject_stay_a_quote() -> None:
    # no copula: the clause predicate (rule 8) still gives its subject the words
    a = extract('Ola Berg dismissed the ferry plan as "a fairy tale for tourists" at the meeting.')
    [q] = quoted(a)
    assert mention(a, q) == "Ola Berg"


@pytest.mark.parametrize(
    "paragraph, words",
    [
        # a subject the copula inherits is not what the words describe (the port is)
        ('Ola Berg dismissed the old ferry port as being "a relic" of the last century.', "a relic"),
        # a stretch as long as a sentence is someone's quote, not a scare quote
        (
            'Ola Berg is "eager to face the whole harbour board and beat it."',
            "eager to face the whole harbour board and beat it.",
        ),
    ],
)
def test_a_copula_keeps_the_words_of_an_inherited_subject_and_of_a_long_stretch(paragraph: str, words: str) -> None:
    a = extract(paragraph)
    [q] = quoted(a)
    assert spans(a, q) == [words]
    assert mention(a, q) == "Ola Berg"


def test_a_fragment_is_not_joined_to_the_quote_its_cue_after_hands_over_to() -> None:
    # "Ola Berg said, ..." introduces the sentence after it: the fragment before is a
    # quote of its own (of the participle's clause), not the first piece of that sentence
    a = extract(
        'Remarking on the mayor\'s "steady hand," Ola Berg said, "She never once panicked when the storm hit the quay."'
    )
    assert [spans(a, q) for q in quoted(a)] == [
        ["steady hand,"],
        ["She never once panicked when the storm hit the quay."],
    ]


def test_a_fragment_is_not_joined_to_a_quote_in_the_clause_its_cue_after_reports() -> None:
    a = extract('Walking into the hall to chants of "Lund! Lund!," the mayor said the race was "far from over."')
    assert [spans(a, q) for q in quoted(a)] == [["far from over."]]


@pytest.mark.parametrize(
    "paragraph, pieces",
    [
        ('"We are ready," Berg said, "and the boats are too."', ["We are ready,", "and the boats are too."]),
        # a participle after the cue reports the second quote: the cue is the fragment's
        (
            'Berg said the board had no say in it "from her side," Lund added, saying it should be "left to the judges."',
            ["from her side,"],
        ),
    ],
)
def test_a_cue_after_a_stretch_still_links_it_when_it_hands_over_nothing(paragraph: str, pieces: list[str]) -> None:
    a = extract(paragraph)
    assert spans(a, quoted(a)[0]) == pieces


def test_rule_three_reads_the_name_before_a_colon_as_the_dropped_stretches_pass_does() -> None:
    # one test of the name before a colon (attribution.colon_name) for the rules and the
    # quote-span classifier's pass: a document opened by "from" speaks a short sentence too
    a = extract('From the harbour report: "Two piers are unsafe."')
    [q] = quoted(a)
    assert mention(a, q) == "the harbour report" and q.cue == ":"


def test_a_name_any_naming_participle_gives_is_no_quote() -> None:
    # 'labeled', as 'called' and 'named': the lexicon's naming verbs (naming_verbs.txt)
    a = extract(
        "Most shoppers say they would rather pay less than pay a premium for jackets labeled "
        '"Made in Norway," even if the jackets are sewn abroad, according to a poll by the harbour trust.'
    )
    assert quoted(a) == []
