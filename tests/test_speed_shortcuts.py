"""Shortcuts taken for speed (issue 18) give what the long way gives.

Each shortcut skips work that cannot change the answer: a word-list lookup before a walk of
the parse, a sum over the features a candidate has rather than over every name. These tests
hold each one to the long way, so that a change to the rules behind a shortcut that the
shortcut does not follow fails here rather than silently dropping a cue or moving a score.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.extract import nlp
from newsgraph.extract.quotes import attribution, cues, ranker

# Our own sentences: verbs the tagger reads as nouns ("Dahl says"), phrasal cues, "-es" forms,
# "according to", "quoted as saying", and plenty of words that are no cue at all.
SENTENCES = [
    '"The harbour will reopen on Monday," Ola Dahl says.',
    "The memo read: the ferries stop at noon.",
    '"We are not done," the mayor answers.',
    "She spoke out against the plan and later pointed out that it had failed.",
    "The minister teases a new budget, then reaches for the microphone and confesses it.",
    "According to the port authority, the cranes were idle for nine days.",
    "Birch was quoted as saying the strike would last a week.",
    "He continued the talks, called for calm and called on both sides to return.",
    "The so-called reform, critics noted, writes off old debts; the union tweeted its anger.",
    "Asked about the delay, she told reporters that nobody had warned them.",
    "Wires cross, buses pass, and the councils discuss what the mayor promises.",
]


def _tokens() -> list:
    return [tok for doc in nlp.parse(SENTENCES) for tok in doc]


def test_speech_verb_prefilter_never_drops_a_speech_verb() -> None:
    """Every token whose cue lemma is in the lists passes the prefilter, and every token the
    full test calls a speech verb does: the prefilter only ever skips what would fail."""
    words = cues.speech_verbs() | set(cues.phrasal_verbs())
    toks = _tokens()
    passed = [tok for tok in toks if cues._may_be_speech_verb(tok)]
    for tok in toks:
        if cues.cue_lemma(tok) in words:
            assert cues._may_be_speech_verb(tok), (tok.text, tok.sent.text)
    quoted = [False] * max(len(d) for d in nlp.parse(SENTENCES))
    found = {(tok.doc.text, tok.i) for tok in toks if cues._is_speech_verb(tok, quoted)}
    assert found, "the sentences hold speech verbs"
    assert found <= {(tok.doc.text, tok.i) for tok in passed}
    assert len(passed) < len(toks) // 3, "most words are no cue: the prefilter skips them"


def test_cue_rule_gates_let_through_every_word_a_rule_makes_a_cue_of() -> None:
    """find_cues tries a gated rule only on the words its gate lets through: on every token of
    the sentences, a rule whose gate says no finds no cue; every rule is tried in its order."""
    made = 0
    for doc in nlp.parse(SENTENCES):
        quoted = [False] * len(doc)
        for tok in doc:
            tried = [name for name, _ in cues._rules_for(tok)]
            assert tried == [n for n, _ in cues.CUE_RULES if n in tried]
            for name, rule in cues.CUE_RULES:
                cue = rule(cues._CueFinder(doc, 0, quoted), tok)
                made += cue is not None
                if name not in tried:
                    assert cue is None, (name, tok.text, doc.text)
    assert made >= len(SENTENCES) - 2, "the sentences hold cues of every gated rule"
    assert set(cues.CUE_GATES) <= {name for name, _ in cues.CUE_RULES}, "a gate names a rule that is not there"


def test_cue_rules_set_anew_are_worked_out_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-word memo of rules follows CUE_RULES: a rule list set anew is used at once."""
    [doc] = nlp.parse(['"We stay," Dahl said.'])
    said = doc[len(doc) - 2]
    assert [n for n, _ in cues._rules_for(said)] == ["speech verb"]
    monkeypatch.setattr(cues, "CUE_RULES", (("according to", cues._according_to),))
    assert cues._rules_for(said) == ()
    assert not cues.find_cues(doc, 0, [False] * len(doc))


def test_speech_verb_prefilter_remembers_per_word_not_per_token() -> None:
    """The same word in two sentences gets the same answer (the memo is keyed by the word)
    and the memo is emptied, not grown without end."""
    cues._may_memo.clear()
    [a, b] = nlp.parse(["Dahl says no.", "Holm says yes."])
    assert cues._may_be_speech_verb(a[1]) and cues._may_be_speech_verb(b[1])
    assert not cues._may_be_speech_verb(a[2])
    assert len(cues._may_memo) <= cues._MAY_MEMO_SIZE


def test_sentence_end_shortcut_keeps_every_terminator() -> None:
    """_sentences looks further only at tokens ending in _END_CHARS: every terminator does, and
    every token _is_terminator takes, and an abbreviation's full stop."""
    assert all(t[-1] in attribution._END_CHARS for t in attribution._TERMINATORS)
    toks = _tokens() + list(nlp.parse(['It closed at 6 a.m. "Nobody came," he said... Why?! Fine…'])[0])
    ends = [tok for tok in toks if attribution._is_terminator(tok)]
    assert len(ends) >= len(SENTENCES)
    assert all(tok.text[-1:] in attribution._END_CHARS for tok in ends)
    assert "." in attribution._END_CHARS  # _abbreviation_before_quote: a token ending in a full stop


def _full_sum(features: dict[str, float]) -> float:
    names, weights = ranker.load_model()
    return sum(w * features.get(n, 0.0) for n, w in zip(names, weights))


@given(
    st.dictionaries(
        st.sampled_from(ranker.FEATURES + ("not a feature",)),
        st.floats(min_value=-50, max_value=50, allow_nan=False) | st.sampled_from([0.0, -0.0, 1.0]),
        max_size=20,
    )
)
def test_ranker_score_is_the_full_sum_to_the_last_bit(features: dict[str, float]) -> None:
    """The score sums the features a candidate has in the model's order: the same float as
    the sum over every feature name, a missing one counted as 0.0."""
    fast, full = ranker.score(features), _full_sum(features)
    assert fast == full
    assert math.exp(fast) == math.exp(full)
