"""From paragraphs to candidate names: spaCy's entities, trimmed and split, with titles.

A candidate is a name as written at one place in the text (its Span), spaCy's label,
and what stands around it: a title before it ("Kremlin spokesman"), an apposition
after it ("Sergei Lavrov, Russia's foreign minister,"), an age, an honorific. Which
actor or place it names is decided later (:mod:`newsgraph.extract.actors`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from ...lexicon.gazetteer import gazetteer
from ...lexicon.lines import QUOTE_CHARS
from ...lexicon import outlets
from ...lexicon.outlets import is_section_name
from ...lexicon.wordlists import data, word_set
from ...lexicon.names import (
    CONNECTORS,
    family_first,
    honorific,
    is_event_word,
    is_given_name,
    is_not_name_word,
    is_org_cue,
    is_org_word,
    is_post_nominal,
    is_title_head,
    is_title_modifier,
    is_unaffiliated_head,
    looks_like_credit,
)
from ...model import Article
from ..story import docs as story_docs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_STOP_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_ENTITY_TYPES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_REL = frozenset({"who", "which", "that", "whose", "whom", "where", "when"})
_LOCATIVE = frozenset({"in", "at", "from", "based", "near", "outside"})
# What ends a company's name and may be left out of it ("DiamondRock Hospitality Co.").
COMPANY_SUFFIXES = frozenset({"inc", "ltd", "llc", "llp", "co", "corp", "plc"})
# What may follow a comma inside a name ("Acme, Inc.", "King, Jr.").
_NAME_SUFFIXES = COMPANY_SUFFIXES | {"jr", "sr", "ii", "iii", "iv", "esq"}
MAX_TITLE_TOKENS = 10
_SPACED_DASHES = frozenset({"-", "–", "—", "―", "_"})  # between words: a dateline's or a list's dash
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
# Words in lower case that open no name (particles such as "de", "al", "van" do).
_NOT_IN_NAMES = frozenset({"ADV", "ADJ", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "INTJ"})
_TITLE_CASE_SHARE = 0.6  # of words capitalised: a Title Case line
_SENT_END = re.compile(r"[.!?…:;\"'”’)]\s*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z\"“])")


@dataclass
class Segment:
    """A parsed piece of one paragraph (a whole paragraph unless it is huge)."""

    para: int
    offset: int  # where the piece starts in the paragraph's text
    text: str
    doc: "Doc"
    weak: bool  # a heading, credit or page-furniture line: names come only from elsewhere
    credits: list[tuple[int, int]] = field(default_factory=list)  # paragraph offsets of credits and slugs

    def in_credit(self, start: int, end: int) -> bool:
        return any(start < e and end > s for s, e in self.credits)


@dataclass
class Candidate:
    seg: Segment
    i: int  # first token of the name in seg.doc
    j: int  # one past its last token
    label: str
    text: str
    start: int  # offsets in the paragraph
    end: int
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)  # names from titles, best first
    honorific_gender: str | None = None
    possessor: str | None = None  # "Russia" in "Russia's Council on ..."
    ent_start: int = -1  # spaCy's start of the entity, before titles were cut

    @property
    def para(self) -> int:
        return self.seg.para

    @property
    def tokens(self) -> "SpacySpan":
        return self.seg.doc[self.i : self.j]


# --- segments ----------------------------------------------------------------------


def is_weak_line(text: str) -> bool:
    """A heading or furniture line ('Biden and Putin Relations', 'Author Profile Photo').

    spaCy's labels on such Title Case lines are mostly guesses; names there count only
    when the article names them elsewhere in prose.
    """
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    if not words or len(words) > 12 or _SENT_END.search(text):
        return False
    capital = sum(1 for w in words if w[:1].isupper())
    return capital / len(words) >= _TITLE_CASE_SHARE


def credit_zones(text: str) -> list[tuple[int, int]]:
    """Offsets of photo credits in a paragraph: a last 'sentence' like 'Name/Agency via AP'."""
    zones = []
    starts = [0] + [m.end() for m in _SENTENCE_SPLIT.finditer(text)]
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(text)
        piece = text[s:e].strip()
        if piece and looks_like_credit(piece) and not _poll_sponsors().search(piece):
            zones.append((s, e))
    return zones


@lru_cache(maxsize=1)
def _poll_sponsors() -> re.Pattern[str]:
    """ "a new USA TODAY/Ipsos poll", "the NBC News/Wall Street Journal survey": names joined
    by a slash before a poll noun (``poll_nouns.txt``) are a poll's sponsors, not a credit."""
    nouns = "|".join(re.escape(n) for n in sorted(word_set("poll_nouns")))
    return re.compile(rf"\w/\s?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*\s+(?i:{nouns})s?\b")


@lru_cache(maxsize=1)
def _wire_slug() -> re.Pattern[str]:
    ends = "|".join(
        re.escape(e).replace(r"\ ", r"\s+") for e in sorted(word_set("wire_slug_ends"), key=len, reverse=True)
    )
    # "(FERRY FARES WRAP to come)", "( FINEX: NUMBERS on file)", "(JAMES HARDIE) update to come"
    return re.compile(rf"\(\s*[A-Z][A-Z0-9&:/'’. -]*?(?:\s+(?i:{ends})\b[^)]*\)|\)\s*(?i:{ends})\b)")


def slug_zones(text: str) -> list[tuple[int, int]]:
    """Offsets of an agency's slugs in a paragraph: the capitals in brackets that name the
    story to come ("(TIDEWATER AUST to come)": ``wire_slug_ends.txt``), which are no names."""
    if "(" not in text:
        return []
    return [m.span() for m in _wire_slug().finditer(text)]


def segments(article: Article, model: str) -> list[Segment]:
    whole = story_docs(article, model)
    out = []
    for p, para in enumerate(article.body):
        if para.role == "note" or not para.text.strip():
            continue
        weak = para.role == "subheading" or is_weak_line(para.text)
        # a long paragraph's Doc is its pieces parsed apart and joined (nlp.parse)
        # nothing in a photo credit or an agency's slug names anyone
        out.append(Segment(p, 0, para.text, whole[p], weak, credit_zones(para.text) + slug_zones(para.text)))
    return out


# --- candidates --------------------------------------------------------------------


def _inner(doc: "Doc", i: int, j: int) -> tuple[int, int]:
    """The name before a bracket or bar, and after a spaced dash ("MELBOURNE - Kmart",
    "units - Samsung Heavy Industries": a name holds no spaced dash)."""
    for k in range(i, j):
        if doc[k].text in ("(", "[", "|"):
            return i, k
        if doc[k].text in _SPACED_DASHES and k > i and doc[k - 1].whitespace_ and doc[k].whitespace_:
            i = k + 1
    return i, j


def _channel_number(doc: "Doc", i: int, j: int) -> bool:
    """'Channel 4', 'Formula 1': a number of one or two digits after a one-word name is part
    of it (a year after a name is not)."""
    # "Chelsea 2-0", "Leeds 3 Fulham 1": a score
    score = j < len(doc) and (doc[j].text in ("-", "–", "—", ":") or doc[j].text[:1].isupper())
    return j - i == 2 and doc[j - 1].text.isdigit() and len(doc[j - 1].text) <= 2 and doc[i].is_title and not score


def _trim(doc: "Doc", i: int, j: int, ent_start: int) -> tuple[int, int]:
    """Cut determiners, possessive endings, parentheses, honorifics and title words."""
    i, j = _inner(doc, i, j)
    # (each token fetched once a step: doc[k] builds a new Token object every time)
    while i < j:
        t = doc[i]
        if not (
            t.lower_ in ("the", "a", "an")
            or t.is_punct
            or t.is_space
            or (t.is_lower and t.pos_ in _NOT_IN_NAMES and j - i > 1 and not doc[i + 1].is_lower)  # "earlier Mac"
        ):
            break
        i += 1
    # "Interfax news agency": words in lower case after a name are not part of it.
    while j > i:
        t = doc[j - 1]
        if _hyphen_tail(doc, i, j):
            break  # "Lee Kun-hee": a given name written with a hyphen, lower case after it
        if not (
            t.text in POSSESSIVE
            or t.is_punct
            or t.is_space
            or (t.like_num and not (j - 2 > i and doc[j - 2].lower_ == "of") and not _channel_number(doc, i, j))
            or (t.is_lower and j - 1 > i)
            or (t.text in _WEEKDAYS and j - 2 > i)  # "Rideau Hall Thursday" (not "Palm Sunday")
        ):
            break
        j -= 1
    return i, j


def _lower_after_hyphen(doc: "Doc", hyphen: int) -> bool:
    """Whether a hyphen glued on both sides has a word in lower case after it ('Kun-hee')."""
    return (
        0 < hyphen < len(doc) - 1
        and doc[hyphen].text == "-"
        and not (doc[hyphen - 1].whitespace_ or doc[hyphen].whitespace_)
        and doc[hyphen + 1].is_alpha
        and doc[hyphen + 1].is_lower
    )


def _hyphen_tail(doc: "Doc", i: int, j: int) -> bool:
    """Whether the name's last word is the lower-case end of a hyphenated word ('Kun-hee')."""
    return j - i >= 3 and _lower_after_hyphen(doc, j - 2) and doc[j - 3].text[:1].isupper()


def _strip_leading_titles(doc: "Doc", i: int, j: int) -> int:
    """'Bartender Ruslan Lapuk' -> 'Ruslan Lapuk' (keeps at least one word)."""
    while j - i > 1:
        t = doc[i]
        if (
            honorific(t.text)
            or is_title_head(t.text)
            or (is_title_modifier(t.text, doc[i + 1].text) and is_title_head(doc[i + 1].text))
        ):
            i += 1
        else:
            break
    return i


def _split_possessive(doc: "Doc", i: int, j: int) -> int | None:
    """Index of the POS token inside 'Russia's Council on International Relations'."""
    for k in range(i + 1, j - 1):
        if doc[k].text in ("'", "\u2019") and is_org_word(doc[k + 1].text):
            continue  # "the Farmers' Union", "the Users' Group": one name
        if doc[k - 1].lower_ in word_set("name_possessives"):
            continue  # "the People's Liberation Army": one name
        if doc[k].tag_ == "POS" or doc[k].text in POSSESSIVE:
            return k
    return None


def _hyphen_parts(text: str) -> list[tuple[int, int]] | None:
    """'U.S.-Russia' -> offsets of 'U.S.' and 'Russia' when every part is a country."""
    if "-" not in text:
        return None
    parts, pos = [], 0
    for piece in text.split("-"):
        s = pos + len(piece) - len(piece.lstrip())
        e = pos + len(piece.rstrip())
        pos += len(piece) + 1
        # "U.S.-Russia Relations": the last part may run on into other words.
        first = piece.strip().split(" ")[0] if piece is not text.split("-")[0] else piece.strip()
        if gazetteer().country(piece.strip()):
            parts.append((s, e))
        elif gazetteer().country(first):
            parts.append((s, s + len(first)))
        else:
            return None
    return parts if len(parts) >= 2 else None


# Words run together where markup was dropped: a word of three lower-case letters or
# more straight into a capitalised one ("NoemKristi", "NoemSouth"). Names such as
# McDonald, MacArthur, DeSantis, LeBron have fewer letters before the capital; brands
# such as WhatsApp are organisations, which may be written so.
_GLUED = re.compile(r"[a-z]{3,}[A-Z][a-z]")
_GLUE_OK_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART"})
_MODIFIER_COMPOUND = re.compile(r"-(?:era|style|based|led|backed|linked|owned|made|born|like|funded|run)$")


ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "in", "on", "at", "&"})


def spelled_by(name: str, letters: str) -> bool:
    """Whether ``letters`` are the initials of ``name``'s words ('KPA', 'Kenya Ports Authority')."""
    initials = "".join(w[0] for w in name.split() if w.casefold() not in ACRONYM_SKIP)
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.replace(".", "") == initials.upper()


def _bracketed_names(seg: Segment) -> Iterator[Candidate]:
    """'the Islamic State in Iraq and the Levant (ISIL)': the words the letters in brackets
    spell are one name, however the model cut it into pieces (a body, a country, a region);
    an organisation unless the gazetteer knows it."""
    doc = seg.doc
    if "(" not in seg.text:
        return  # (most paragraphs: no token is built for nothing)
    for k in range(1, len(doc) - 2):
        letters = doc[k + 1].text
        if doc[k].text != "(" or doc[k + 2].text != ")" or not (letters.isupper() and letters.isalpha()):
            continue
        m, words = k, 0
        while m > 0 and words < len(letters) and m > k - 3 * len(letters):
            t = doc[m - 1]
            if t.lower_ in ACRONYM_SKIP and words:
                m -= 1
            elif t.is_title and t.is_alpha:
                m, words = m - 1, words + 1
            else:
                break
        if words != len(letters) or not spelled_by(doc[m:k].text, letters):
            continue
        if any(e.start <= m and e.end >= k for e in doc.ents):
            continue  # one entity covers it: the usual path serves
        g = gazetteer()
        label = "GPE" if g.country(doc[m:k].text) or g.place(doc[m:k].text) else "ORG"
        yield make(seg, m, k, label)


def candidates(seg: Segment) -> Iterator[Candidate]:
    """The names of one segment (:func:`_candidates`), but no line of a results table."""
    table = len(MATCH_SCORE.findall(seg.text)) >= _TABLE_SCORES
    for c in _candidates(seg):
        if not (table and _record_in_brackets(seg, c)):
            yield c


_TABLE_SCORES = 3  # scores in one paragraph: a results list, not a match report's sentence
_RECORD = re.compile(r"\s+\d{1,3}[-–]\d{1,3}\)")


def _record_in_brackets(seg: Segment, c: Candidate) -> bool:
    """ "Tampa Bay (McKay 2-2), 7:10 p.m.": in a sports listing, a one-word name in brackets
    before a win-loss record is a table's cell (the game's pitcher), no actor of the story;
    a player the article names in its prose is found there."""
    s, e = c.start - seg.offset, c.end - seg.offset
    return " " not in c.text and seg.text[:s].endswith("(") and bool(_RECORD.match(seg.text, e))


def _candidates(seg: Segment) -> Iterator[Candidate]:
    """The names of one segment. Names of a shape the model misreads come first, and no
    other name overlaps them: a political action committee ("Our Principles PAC",
    :func:`_committees`) and an outlet named after its country ("USA TODAY",
    :func:`_country_outlets`); then people after a title and names before their initials
    in brackets; then the model's entities; then people and sides it left untagged."""
    doc = seg.doc
    shaped = _committees(seg)
    shaped += _country_outlets(seg, {k for c in shaped for k in range(c.i, c.j)})
    shaped += _brief_dateline(seg, {k for c in shaped for k in range(c.i, c.j)})
    taken = {k for c in shaped for k in range(c.i, c.j)}
    titled = _free(list(_titled_people(seg)) + list(_bracketed_names(seg)), taken)
    taken |= {k for c in titled for k in range(c.i, c.j)}
    for ent in _rejoined(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        if ent.start in taken or ent.end - 1 in taken:
            yield from _after_slash(seg, ent, taken)
            continue
        yield from _from_entity(seg, ent)
    yield from shaped
    yield from titled
    yield from _free(list(_unlabelled_people(seg)) + list(_untagged_sides(seg)), taken)


def _rejoined(doc: "Doc") -> list["SpacySpan"]:
    """The model's entities, with a person's name rejoined where a hard line break split it.

    Wire copy wraps lines inside a paragraph; the reader keeps the line break as spaces
    (offsets stay exact), which the tokeniser makes a token of its own, and the model then
    tags "Aaron" and "Donald" apart. A lone given name tagged a person, then only white
    space, then a name of one or two capitalised words (the model tags a surname it does not
    know as anything) is one person written across two lines.
    """
    from spacy.tokens import Span as SpacySpan  # spaCy loads with the parse, not on import

    out: list["SpacySpan"] = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == "PERSON"
            and ent.label_ in NAME_LABELS
            and len(prev) == 1
            and len(ent) <= 2
            and all(_capitalised(t) for t in ent)
            and is_given_name(prev.text)
            and ent.start == prev.end + 1
            and doc[prev.end].is_space
        ):
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _brief_dateline(seg: Segment, taken: set[int]) -> list[Candidate]:
    """ "PERTH - Tidewater Mining will ...": each item of an agency's briefs opens with its
    city in capitals and a spaced dash; the model runs the city into the company after it
    or leaves it untagged. A place the gazetteer knows, so written at a paragraph's start,
    is a name of its own."""
    doc = seg.doc
    j = 0
    while j < len(doc) and doc[j].is_alpha and doc[j].is_upper:
        j += 1
    if not 0 < j < len(doc) - 1 or doc[j].text not in _SPACED_DASHES or not doc[j - 1].whitespace_:
        return []
    if any(k in taken for k in range(j)) or not gazetteer().place(doc[:j].text):
        return []
    return [make(seg, 0, j, "GPE")]


def _after_slash(seg: Segment, ent: "SpacySpan", taken: set[int]) -> Iterator[Candidate]:
    """ "USA Today/Suffolk University" tagged as one name where the outlet is taken: the
    name after the slash is a name of its own (the poll's other sponsor); so is the name
    after a brief's dateline ("PERTH - Tidewater Mining", :func:`_brief_dateline`)."""
    k = ent.start
    while k < ent.end and k in taken:
        k += 1
    if k + 1 < ent.end and k > ent.start and seg.doc[k].text in ("/", *_SPACED_DASHES) and ent.end - 1 not in taken:
        from spacy.tokens import Span as SpacySpan  # spaCy loads with the parse, not on import

        yield from _from_entity(seg, SpacySpan(seg.doc, k + 1, ent.end, label=ent.label_))


def _free(cands: list[Candidate], taken: set[int]) -> list[Candidate]:
    return [c for c in cands if not any(k in taken for k in range(c.i, c.j))]


def _capitalised(t: "Token") -> bool:
    return t.is_alpha and t.text[:1].isupper()


def _committee_start(doc: "Doc", k: int) -> int:
    """Where the name that ends before token ``k`` starts: capitalised words back from
    ``k``, with the lower-case joiners between them ("Keep the Promise"), up to an opener
    ("Our") and not over a word that opens a sentence or points back ("The", "In", "His":
    "Courting A Banker For His Super PAC" in a headline names none) nor over another
    committee's head ("Keep the Promise PAC and Right to Rise PAC"); ``k`` when there is
    no name."""
    words = data("committees")
    joiners, openers = frozenset(words["joiners"]), frozenset(words["openers"])
    not_first = (word_set("english_function_words") | frozenset(words["not_first"])) - openers
    i = k
    while i > 0:
        t = doc[i - 1]
        if t.is_lower and t.lower_ in joiners and i >= 2 and _capitalised(doc[i - 2]):
            i -= 1
        elif _capitalised(t) and t.lower_ not in not_first and t.lower_ not in words["heads"]:
            i -= 1
            if t.lower_ in openers:
                break
        else:
            break
    while i < k and doc[i].lower_ in joiners:
        i += 1
    if i < k and i > 0 and doc[i - 1].text in _SPACED_DASHES and not doc[i - 1].whitespace_:
        return k  # "a pro-Trump Super PAC": a modifier, not a name
    return i


def _committees(seg: Segment) -> list[Candidate]:
    """Political action committees ("Our Principles PAC", "Keep the Promise Super PAC"):
    the capitalised words before a head word (``committees.json``) are one organisation's
    name, its possessive-looking first word too, where the model made a person of them
    and a title of "Our". A head with no name before it ("the super PAC") is left as
    the model tagged it."""
    doc = seg.doc
    words = data("committees")
    heads, modifiers = frozenset(words["heads"]), frozenset(words["modifiers"])
    folded = seg.text.casefold()
    if not any(h in folded for h in heads):
        return []  # most paragraphs name no committee: no walk over their tokens
    found: list[Candidate] = []
    for t in doc:
        if t.lower_ not in heads or not t.text[:1].isupper():
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].text in _SPACED_DASHES and not t.whitespace_:
            continue  # "Pac-12": a league, not a committee
        k = t.i
        if k > 0 and doc[k - 1].lower_ in modifiers:
            k -= 1
        i = k if doc[k].is_lower else _committee_start(doc, k)
        if i < k:
            found.append(make(seg, i, t.i + 1, "ORG"))
    return found


def _country_outlets(seg: Segment, taken: set[int]) -> list[Candidate]:
    """An outlet whose name starts with a country's ("USA TODAY", "USA Today/Ipsos poll",
    "France 24"), the rest of it capitalised, is the outlet (``outlets.json``), never the country."""
    doc, firsts = seg.doc, outlets.first_words()
    found: list[Candidate] = []
    for t in doc:
        if t.lower_ not in firsts or t.i in taken or not t.text[:1].isupper() or gazetteer().country(t.text) is None:
            continue
        for n in (4, 3, 2):
            j = t.i + n
            rest = doc[t.i + 1 : j]
            if j <= len(doc) and all(r.text[:1].isupper() or r.like_num for r in rest):
                if outlets.lookup(doc[t.i : j].text):
                    found.append(make(seg, t.i, j, "ORG"))
                    break
    return found


MATCH_SCORE = re.compile(r"(?<![\d-])\d{1,3}[-–]\d{1,3}(?![\d-])")  # "2-0": a match's score


@lru_cache(maxsize=1)
def _result_verb() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(data("match_results")["verbs"]) + r")\b", re.I)


def _untagged_sides(seg: Segment) -> Iterator[Candidate]:
    """'Arsenal beat Chelsea 2-0': the side the model left untagged (often the first word
    of a sentence) before a verb of a match result whose other side it did tag."""
    if not _result_verb().search(seg.text):
        return  # most paragraphs report no match: no token is looked at
    doc = seg.doc
    verbs = data("match_results")["verbs"]
    for v in doc:
        if v.lower_ not in verbs or v.i < 1 or v.i + 1 >= len(doc) or not doc[v.i + 1].ent_type_:
            continue
        if not MATCH_SCORE.search(v.sent.text):
            continue  # "Police beat Marya ...": a result has a score
        k = v.i
        while k > 0 and v.i - k < 3 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title and not doc[k - 1].ent_type:
            k -= 1
        if k < v.i:
            yield make(seg, k, v.i, "ORG")


def _person_cue(doc: "Doc", k: int) -> str | None:
    """What says a person's name comes at token k: an honorific ('Hon. Tunde ...', 'Mr
    Langat'), a title ('spokesperson Sikonathi ...'), or nothing (None)."""
    if k >= 2 and doc[k - 1].text == ".":
        k -= 1
    if k < 1:
        return None
    cue = doc[k - 1]
    if honorific(cue.text):
        return "honorific"
    return "title" if is_title_head(cue.text) and not cue.ent_type_ else None


def _name_word(t: "Token") -> bool:
    return (
        t.pos_ == "PROPN"
        and t.is_title
        and t.is_alpha
        and not is_title_head(t.text)
        and not honorific(t.text)
        and not is_not_name_word(t.text)
        and not is_org_word(t.text)
    )


def given_name_before(c: Candidate) -> bool:
    """Whether a capitalised name word nobody knows stands right before ``c``, untagged or
    tagged alone ("Ahanu" of "Ahanu Dallas", where the model tagged only "Dallas", as a city;
    "Nuvola" of "Nuvola Ostrander", tagged a city of its own): not a word that says which
    part of a place is meant ("Greater", "North": ``country_modifiers.txt``)."""
    if c.i < 1:
        return False
    doc = c.seg.doc
    t = doc[c.i - 1]
    # "Nuvola" tagged a city of its own before "Ostrander": a one-word entity counts too
    alone = not t.ent_type or (
        t.ent_iob_ == "B" and t.ent_type_ in ("GPE", "LOC", "ORG", "PERSON") and doc[c.i].ent_iob_ != "I"
    )
    return (
        alone
        and t.whitespace_ != ""
        and _name_word(t)
        and t.lower_ not in word_set("country_modifiers")
        and not gazetteer().knows(t.text)
    )


def _unknown_names(doc: "Doc") -> set[int]:
    """Tokens of entities the model tagged as a place or body that look like a name it
    never saw ('Lwazikazi Ndlovukati' as an ORG): name words the gazetteer does not know."""
    g = gazetteer()
    found: set[int] = set()
    for ent in doc.ents:
        if (
            ent.label_ in _ENTITY_TYPES
            and len(ent) <= 3
            and all(_name_word(t) for t in ent)
            and not (g.knows(ent.text) or g.demonym(ent.text))
        ):
            found.update(range(ent.start, ent.end))
    return found


def _after_office(doc: "Doc", k: int, m: int) -> int:
    """Where the name starts in a run of capitalised words that opens with an office
    ('Foreign Affairs Naledi Pandor'): its last two words, or three for a name that puts
    its family name first ('Transport Goh Wee Liang'); none in a shorter run."""
    if m - k >= 4 and family_first([t.text for t in doc[m - 3 : m]]):
        return m - 3
    return m - 2 if m - k >= 3 else m


def _titled_people(seg: Segment) -> Iterator[Candidate]:
    """Names after a title or honorific that the model missed or took for a place or
    body: 'Eskom spokesperson Sikonathi Mantshantsha', 'Hon. Tunde Bakare'. Under
    'Minister of Electricity Kgosientsho Ramokgopa' the run after 'of' holds the
    office too (:func:`_after_office`)."""
    doc = seg.doc
    toks = list(doc)  # each token built once: this runs over every token of the article
    unknown = _unknown_names(doc)

    def free(t: "Token") -> bool:
        return _name_word(t) and (not t.ent_type or t.i in unknown)

    k = 1
    while k < len(toks):
        if not free(toks[k]):
            k += 1
            continue
        m = k
        while m < len(toks) and m - k < 4 and free(toks[m]):
            m += 1
        start, cue = k, _person_cue(doc, k)
        if _office_of(doc[k]):
            start = _after_office(doc, k, m)
        elif cue is None or m - k > 3:
            start = m
        if m - start >= (1 if cue == "honorific" else 2):  # "Mr Langat": a surname alone
            yield make(seg, start, m, "PERSON")
        k = m


def _unlabelled_people(seg: Segment) -> Iterator[Candidate]:
    """Names spaCy did not tag at all ("NBC News' Keir Simmons"): a known given name
    followed by one or two capitalised proper nouns, outside every entity."""
    # Each token built once (doc[k] builds a new Token every time); its entity type read as
    # the number (0: none), not the string, for this runs over every token of the article.
    doc = list(seg.doc)
    k = 0
    while k < len(doc):
        t = doc[k]
        # "the FNV union said": an acronym that a common organisation noun follows.
        if (
            not t.ent_type
            and t.is_upper
            and len(t) >= 2
            and t.is_alpha
            and k + 1 < len(doc)
            and doc[k + 1].is_lower
            and is_org_cue(doc[k + 1].text)
        ):
            yield make(seg, k, k + 1, "ORG")
            k += 1
            continue
        if t.ent_type or t.pos_ != "PROPN" or not t.is_title or not is_given_name(t.text):
            k += 1
            continue
        m = k + 1
        while (
            m < len(doc)
            and m - k < 3
            and not doc[m].ent_type
            and doc[m].pos_ == "PROPN"
            and doc[m].is_title
            and not is_title_head(doc[m].text)
        ):
            m += 1
        if m - k >= 2:
            yield make(seg, k, m, "PERSON")
        k = m


def make(seg: Segment, i: int, j: int, label: str) -> Candidate:
    doc = seg.doc
    last = doc[j - 1]
    s = seg.offset + doc[i].idx
    e = seg.offset + last.idx + len(last)
    raw = seg.text[s - seg.offset : e - seg.offset]
    glued = len(raw) - len(raw.lstrip(QUOTE_CHARS))  # '"Syria': a quote mark the tokeniser left on
    if 0 < glued < len(raw):
        s, raw = s + glued, raw[glued:]
    return Candidate(seg, i, j, label, re.sub(r"\s+", " ", raw), s, e)


def _not_a_name(text: str, label: str) -> bool:
    if "/" in text or "@" in text or "http" in text or "|" in text:
        return True  # photo credits ('Name/Agency'), handles, links and site titles are not names
    if "=" in text:
        return True  # a listing's column heading ("Saturday's Games=") or a market code ("GBP=")
    if _MODIFIER_COMPOUND.search(text):
        return True  # "Trump-era", "Kremlin-backed": a name made into a modifier
    if not any(ch.isupper() for ch in text):
        return True  # "n’t", "quay": a name has a capital letter somewhere ("eBay", "iPhone")
    if text.casefold() in word_set("not_actors"):
        return True  # "Brexit", "COVID-19": what the news is about, not who acts in it
    # Link cards glued into the text: "Kristi NoemKristi Lynn NoemSouth Dakota".
    return label not in _GLUE_OK_LABELS and _GLUED.search(text) is not None


def _product_line(doc: "Doc", i: int, j: int) -> bool:
    """'MacBook Pro', 'iPhone Max': a product and the line after its name (``product_lines``)
    is no actor, nor either part of it that the model tagged alone ('iPhone', 'Max')."""
    lines = word_set("product_lines")

    def line_word(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].text.casefold() in lines and doc[k].text[:1].isupper()

    def brand(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].is_alpha and any(ch.isupper() for ch in doc[k].text)

    if line_word(j - 1) and (j - i >= 2 or brand(i - 1)):
        return True
    return line_word(j) and brand(j - 1)


def _a_unit_or_bill(doc: "Doc", i: int, j: int) -> bool:
    """What stands around a name says it is none, in order: a unit after a number or
    "degrees" ("107 degrees Fahrenheit", "11 kW": ``measure_units``); a bill before its
    number ("HB 1523", "House Bill 1523": ``bill_words``)."""
    before = doc[i - 1] if i >= 1 else None
    after = doc[j] if j < len(doc) else None
    last = doc[j - 1].text.casefold()
    if j - i == 1 and before is not None and (before.like_num or before.lower_ in ("degree", "degrees")):
        if last in word_set("measure_units"):
            return True
    return after is not None and after.like_num and last in word_set("bill_words")


_SCORE_AFTER = re.compile(r"\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+\d{1,3}\b")
_SCORE_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+\d{1,3}\s*,\s*$")


def _score_cut(seg: Segment, i: int, j: int) -> int:
    """Where a name ends without the score glued to it: "Rams 54, Chiefs 51" (a side and its
    points, then the other side and theirs) -> "Rams"; any other name ends at ``j``."""
    if j - i < 2:
        return j
    doc = seg.doc
    last = doc[j - 1]
    if not (last.text.isdigit() and len(last.text) <= 3):
        return j
    end, start = last.idx + len(last), doc[i].idx
    if _SCORE_AFTER.match(seg.text, end) or _SCORE_BEFORE.search(seg.text[:start]):
        return j - 1
    return j


def _title_or_event(doc: "Doc", i: int, j: int) -> bool:
    if all(is_title_head(t.text) or is_title_modifier(t.text) for t in doc[i:j]):
        return True  # "State" of "Secretary of State" is part of a title
    return is_event_word(doc[j - 1].text) and j - i > 1  # "Russian Energy Week": for the events pass


def _hyphen_candidates(seg: Segment, i: int, parts: list[tuple[int, int]]) -> Iterator[Candidate]:
    """One place per part of a hyphenated pair ("US-China")."""
    base = seg.doc[i].idx
    for s, e in parts:
        span = seg.doc.char_span(base + s, base + e, alignment_mode="expand")
        if span is not None:
            c = make(seg, span.start, span.end, "GPE")
            c.start, c.end = seg.offset + base + s, seg.offset + base + e
            c.text = seg.text[base + s : base + e]
            yield c


def _possessed(seg: Segment, i: int, k: int, j: int, label: str) -> Iterator[Candidate]:
    """The owner and the thing owned: "Russia's Council on ..." -> Russia, the council."""
    doc = seg.doc
    owner = make(seg, i, k, "GPE" if gazetteer().country(doc[i:k].text) else "ORG")
    yield owner
    rest = _trim(doc, k + 1, j, k + 1)
    if rest[0] < rest[1]:
        c = make(seg, rest[0], rest[1], label)
        c.possessor = owner.text
        yield c


def _post_nominals(doc: "Doc", end: int) -> list[str]:
    """'Tom Day MP, QC': the letters right after a name, which the model left out of it."""
    found = []
    while end < len(doc) and doc[end].is_upper and is_post_nominal(doc[end].text):
        found.append(doc[end].text)
        end += 2 if end + 2 < len(doc) and doc[end + 1].text == "," and is_post_nominal(doc[end + 2].text) else 1
    return found


def _comma_end(doc: "Doc", ent: "SpacySpan") -> int:
    """Where a name the model ran on over a comma ends: "a survey by Reuters, Labour
    party officials say" is Reuters; not "Acme, Inc." or "Martin Luther King, Jr."."""
    if ent.label_ not in ("ORG", "PERSON", "FAC"):  # "Bramall Lane, Sheffield": a ground, then its city
        return ent.end
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].text == "," and doc[k + 1].text.rstrip(".").casefold() not in _NAME_SUFFIXES:
            return k
    return ent.end


def _name_run_end(doc: "Doc", ent: "SpacySpan", end: int) -> int:
    """Where a person's name ends that the model cut short: 'Moon Jae-in' tagged as 'Moon
    Jae', the rest of the hyphenated word; 'K. Suresh Kumar' tagged as 'K. Suresh', one
    more word the name's words hang on. Not after a lone word, nor in a
    run of capitalised words ('Clinton Campaign Reportedly ...': a headline), nor a word
    that names a group."""
    if ent.label_ != "PERSON" or end != ent.end:
        return end
    if _lower_after_hyphen(doc, end):
        return end + 2  # "Moon Jae-in" tagged "Moon Jae": the end of a hyphenated given name
    if len(ent) < 2 or end >= len(doc):
        return end  # a lone word ('Clinton Cash', a book) is more often a name used as a modifier
    word = doc[end]
    after = doc[end + 1] if end + 1 < len(doc) else None
    if (
        word.pos_ == "PROPN"
        and word.text[:1].isupper()
        and word.ent_type_ in ("", "PERSON")
        and doc[end - 1].head.i == end
        and doc[end - 1].whitespace_
        and (after is None or not after.text[:1].isupper())
        and not any(test(word.text) for test in (is_post_nominal, honorific, is_title_head, is_org_word, is_org_cue))
    ):
        return end + 1
    return end


def _named_for_country(doc: "Doc", ent: "SpacySpan") -> bool:
    """'Water UK', 'Universities UK': a capitalised word the country's name hangs on
    makes an organisation's name with it, where the model tagged the country alone.
    Not a word that only says which part or time of the country ('Northern', 'Soviet':
    ``country_modifiers.txt``), a people or another country, a title or an honorific."""
    if ent.label_ != "GPE" or ent.start == 0 or not gazetteer().country(ent.text):
        return False
    word = doc[ent.start - 1]
    return (
        word.pos_ == "PROPN"
        and word.is_title
        and word.dep_ == "compound"
        and ent.start <= word.head.i < ent.end
        and not word.ent_type_
        and word.lower_ not in word_set("country_modifiers")
        and not (gazetteer().demonym(word.text) or gazetteer().country(word.text))
        and not (honorific(word.text) or is_title_head(word.text))
        and not (word.i > 0 and doc[word.i - 1].is_quote)  # "'Poor Mexico,' he said": an exclamation
    )


def _person_inside(ent: "SpacySpan") -> int | None:
    """Where a person's name starts inside an entity the model took for a body or place:
    after an honorific ('Mr Ruto') or a title ('Kakamega Governor Fernandes Barasa')."""
    if ent.label_ not in _ENTITY_TYPES:
        return None
    end = len(ent)
    while end > 1 and ent[end - 1].is_upper and is_post_nominal(ent[end - 1].text):
        end -= 1  # "the Rt Hon Ann Bell MP": the letters after the name are a title
    for k in range(end - 1, -1, -1):
        word = ent[k].text
        if honorific(word) or is_title_head(word):
            rest = ent[k + 1 : end]
            named = 1 <= len(rest) <= 3 and all(_name_word(t) for t in rest)
            return rest.start if named and (len(rest) >= 2 or honorific(word)) else None
    return None


def _name_end_inside(ent: "SpacySpan", inside: int) -> int:
    """Where the person's name found inside an entity ends: before letters such as 'MP'."""
    end = ent.end
    while end - 1 > inside and ent.doc[end - 1].is_upper and is_post_nominal(ent.doc[end - 1].text):
        end -= 1
    return end


def _office_noun(doc: "Doc", ent: "SpacySpan") -> bool:
    """'Railway' in 'Railway Minister Anil Verma', 'Sengkang' in 'Sengkang MP ...': a
    capitalised noun before an office (``portfolio_heads.txt``) and a name is which
    portfolio or seat, part of the title, when the model took it for a body or a person.
    Not a name the gazetteer knows, an acronym ('EU', 'FCC') or one with an organisation
    word ('Communist Party'); a place stays a place ('Kakamega', 'Ontario')."""
    if ent.label_ not in ("ORG", "PERSON", "NORP") or len(ent) > 3:
        return False
    k = ent.end
    if k + 1 < len(doc) and is_title_modifier(doc[k].text, doc[k + 1].text):
        k += 1  # "Railway Deputy Minister"
    if k + 1 >= len(doc) or doc[k].lower_ not in word_set("portfolio_heads"):
        return False
    if not (doc[k + 1].text[:1].isupper() and doc[k + 1].pos_ == "PROPN"):
        return False
    g = gazetteer()
    words = [t for t in ent if t.lower_ not in ("the", "a", "an")]
    return bool(words) and not (
        g.knows(ent.text)
        or g.demonym(ent.text)
        or any(t.is_upper or is_org_word(t.text) or not t.is_alpha for t in words)
    )


def _pronoun_surname(doc: "Doc", ent: "SpacySpan") -> int:
    """Where a person's name starts that the model cut after a family name written like a
    pronoun: 'He Ting Ru' tagged 'Ting Ru' (``pronoun_surnames.txt``)."""
    k = ent.start - 1
    if (
        ent.label_ == "PERSON"
        and k >= 0
        and len(ent) <= 2
        and doc[k].text in word_set("pronoun_surnames", casefold=False)
        and doc[k].whitespace_
        and all(t.is_title and t.is_alpha for t in ent)
    ):
        return k
    return ent.start


_CREED_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _creed(word: str) -> bool:
    return word.translate(_CREED_APOSTROPHES).casefold() in word_set("creed_words")


def _creed_cut(doc: "Doc", i: int, j: int, place: bool) -> int:
    """'Shi'ite Iran', 'Catholic Poland': a religious or ethnic adjective before a country's
    or region's name (``creed_words.txt``) says which side of it is meant; the place is
    the name alone (a country only, where the model took the whole for a person or body)."""
    if j - i < 2 or not _creed(doc[i].text):
        return i
    g = gazetteer()
    rest = doc[i + 1 : j].text
    return i + 1 if not g.knows(doc[i:j].text) and (g.country(rest) or (place and g.place(rest))) else i


def _person_bounds(doc: "Doc", i: int, j: int) -> tuple[int, int, list[str]] | None:
    """A person's name within the tokens the model tagged, and the letters after it
    ('MP', 'QC'); None when only titles were tagged ('Det Insp')."""
    if all(honorific(t.text) or is_title_head(t.text) for t in doc[i:j]):
        return None
    i = _strip_leading_titles(doc, i, j)
    if j - i > 1 and _office_of(doc[i]):
        i += 1  # "Minister of State for Manpower Koh Poh Koon" tagged "Manpower Koh"
        while j < len(doc) and j - i < 3 and not doc[j].ent_type_ and _name_word(doc[j]):
            j += 1  # ... and the rest of the name left untagged
    post = _post_nominals(doc, j)
    end = j
    while j - i > 1 and is_post_nominal(doc[j - 1].text) and doc[j - 1].is_upper:
        post.insert(0, doc[j - 1].text)
        j -= 1
    if j < end and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
        return None  # "Sengkang MP He Ting Ru": letters before a name are its title, the word before them a seat
    return i, j, post


def _person_in_entity(seg: Segment, ent: "SpacySpan", inside: int) -> Candidate:
    end = _name_end_inside(ent, inside)
    c = make(seg, inside, end, "PERSON")
    c.ent_start = ent.start  # the title words before the name are its title
    c.titles.extend(t.text for t in seg.doc[end : ent.end])  # "the Rt Hon Ann Bell MP"
    return c


# "DiamondRock", "SilverLake": one capitalised word with a second capital inside, not a
# name's prefix ("McDonald", "LeBron", "DeShawn", "MacKenzie", "FitzGerald").
_COMPOUND_BRAND = re.compile(r"(?!(?:Mc|Mac|Le|La|De|Di|Du|Da|Fitz|Van|Von|St)[A-Z])[A-Z][a-z]+[A-Z][a-z]+")


def _after_a_compound_brand(doc: "Doc", ent: "SpacySpan") -> bool:
    """ "DiamondRock Hospitality expects ...": the model tags the word after a company's
    compound first word ("Hospitality") alone, often as a person. The compound word, untagged
    right before a name of one or two words, is the start of an organisation's name."""
    if ent.start < 1 or len(ent) > 2 or ent.label_ not in ("PERSON", "ORG"):
        return False
    t = doc[ent.start - 1]
    return (
        not t.ent_type
        and t.whitespace_ != ""
        and _COMPOUND_BRAND.fullmatch(t.text) is not None
        and not is_given_name(t.text)
    )


def _after_section_heading(doc: "Doc", i: int, j: int) -> int:
    """ "NATIONAL SYDNEY - ...", "FINANCE Tidewater Mining", "FINANCE": a desk's heading in
    capitals over an agency's list of highlights (``section_names.txt``), glued by the model to
    the dateline or the name after it, or tagged alone, is no part of a name."""
    k = i
    while k < j and doc[k].is_upper and is_section_name(doc[k].text):
        k += 1
    if k == j:
        return j  # "FINANCE" alone
    g = gazetteer()
    rest = doc[k:j].text  # "WORLD BANK", "GENERAL MOTORS": a name, unless a known place follows
    glued = not doc[k].is_upper or g.place(rest) or g.country(rest) or g.capital(rest)
    return k if k > i and glued else i  # "FINANCE Tidewater Mining", "NATIONAL SYDNEY"


def _from_entity(seg: Segment, ent: "SpacySpan") -> Iterator[Candidate]:
    doc = seg.doc
    if _named_for_country(doc, ent) or _after_a_compound_brand(doc, ent):
        yield make(seg, ent.start - 1, ent.end, "ORG")
        return
    inside = _person_inside(ent)
    if inside is not None:
        yield _person_in_entity(seg, ent, inside)
        return
    if _office_noun(doc, ent):
        return
    end = _name_run_end(doc, ent, _comma_end(doc, ent))
    if doc[end - 1].lower_ == "of" and end < len(doc) and doc[end].like_num:
        end += 1  # "Group of 20": spaCy stops before the number
    i, j = _trim(doc, _pronoun_surname(doc, ent), end, ent.start)
    i = _after_section_heading(doc, i, j)
    i = _creed_cut(doc, i, j, ent.label_ in ("GPE", "LOC", "NORP"))
    if j - i > 1 and ent.label_ == "ORG" and _creed(doc[j - 1].text):
        j -= 1  # "Hezbollah Shi'ite militia": the name, then what it is
    j = _score_cut(seg, i, j)
    if i >= j:
        return
    text = doc[i:j].text
    if _not_a_name(text, ent.label_) or _product_line(doc, i, j) or _a_unit_or_bill(doc, i, j):
        return
    parts = _hyphen_parts(text)
    if parts:
        yield from _hyphen_candidates(seg, i, parts)
        return
    if _title_or_event(doc, i, j):
        return
    ent_start = i
    post: list[str] = []
    if ent.label_ == "PERSON":
        bounds = _person_bounds(doc, i, j)
        if bounds is None:
            return
        i, j, post = bounds
    k = _split_possessive(doc, i, j)
    if k is not None and ent.label_ in ("ORG", "FAC", "LOC"):
        yield from _possessed(seg, i, k, j, ent.label_)
        return
    if all(is_not_name_word(t.text) or not any(ch.isalpha() for ch in t.text) for t in doc[i:j]):
        return
    c = make(seg, i, j, ent.label_)
    c.ent_start = ent_start
    c.titles.extend(post)  # "Tom Day MP": an MP
    yield c


# --- titles ------------------------------------------------------------------------


def _titleish(t: "Token", have_head: bool, ent_start: int) -> bool:
    if t.i >= ent_start:  # words spaCy put inside the name ("Judge Kari Lunde")
        return True
    if t.ent_type_ in _STOP_ENTS or t.ent_type_ == "PERSON":
        return False
    nxt = t.doc[t.i + 1].text if t.i + 1 < len(t.doc) else None
    if is_title_head(t.text, t.lemma_) or is_title_modifier(t.text, nxt):
        return True
    if t.text in POSSESSIVE or t.tag_ == "POS" or t.lower_ in CONNECTORS:
        return True
    if t.ent_type_ in _ENTITY_TYPES or _office_of(t):
        return True
    return have_head and t.is_title and t.pos_ in ("PROPN", "ADJ", "NOUN")


_OFFICE_PREPOSITIONS = frozenset({"of", "for"})
_OFFICE_REACH = 3  # "Minister of State for Manpower": the title head a few words before


def _office_of(t: "Token") -> bool:
    """ "Electricity" in "Minister of Electricity", "Manpower" in "Minister of State for
    Manpower": the office a title names, not a name."""
    doc = t.doc
    if not t.is_title or t.i < 2 or doc[t.i - 1].lower_ not in _OFFICE_PREPOSITIONS:
        return False
    return any(is_title_head(doc[k].text) for k in range(max(0, t.i - 1 - _OFFICE_REACH), t.i - 1))


def _after_cut(tokens: list["Token"]) -> list["Token"]:
    """The title starts after a spaced dash ("MELBOURNE - Kmart boss": a dateline before it)
    and after a name joined by 'and' that holds no title ("Trump and US Trade
    Representative": Trump's name, not part of the title)."""
    for n in range(len(tokens) - 1, -1, -1):
        t = tokens[n]
        if t.text in _SPACED_DASHES and t.whitespace_ and n > 0 and tokens[n - 1].whitespace_:
            return tokens[n + 1 :]
        if (
            t.lower_ == "and"
            and not t.ent_type  # "Health and Human Services secretary": one name across the "and"
            and any(x.ent_type for x in tokens[:n])  # a name before it, not "clinical psychologist and ..."
            and not any(_is_head(x) for x in tokens[:n])
            and any(_is_head(x) for x in tokens[n:])
        ):
            return tokens[n + 1 :]
    return tokens


def _clean_title(tokens: list["Token"]) -> list["Token"]:
    tokens = _after_cut(tokens)
    while tokens and (
        tokens[0].lower_ in CONNECTORS
        or tokens[0].text in POSSESSIVE
        or tokens[0].lower_ in ("the", "a", "an")
        or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].lower_ in CONNECTORS or tokens[-1].is_punct or tokens[-1].lower_ in ("the", "a", "an")
    ):
        tokens = tokens[:-1]
    return tokens


def _text(tokens: list["Token"]) -> str:
    words = []
    for k, t in enumerate(tokens):
        last = k == len(tokens) - 1
        # A plural head names one person's office: "the presidents X and Y" -> "president".
        word = t.lemma_ if last and t.tag_ in ("NNS",) and is_title_head(t.lemma_) else t.text
        if not last:
            gap = t.whitespace_ or tokens[k + 1].i != t.i + 1
            word += " " if gap else ""
        words.append(word)
    return "".join(words).strip()


def _affiliations(tokens: list["Token"]) -> list[str]:
    """Names in a title that say whom the person works for, best first.

    "Russia's ambassador to the US" -> Russia (the possessor); "Kremlin spokesman" ->
    Kremlin; "head of Russia's Council on ..." -> the council; never the object of "to".
    """
    heads = [k for k, t in enumerate(tokens) if is_title_head(t.text, t.lemma_)]
    if heads and is_unaffiliated_head(tokens[heads[-1]].text):
        return []
    head = heads[0] if heads else len(tokens)
    before: list[str] = []
    after: list[str] = []
    runs: list[tuple[int, list["Token"]]] = []
    current: list["Token"] = []
    for k, t in enumerate(tokens):
        if t.ent_type_ in _ENTITY_TYPES and t.text not in POSSESSIVE:
            current.append(t)
            continue
        if current:
            runs.append((k - len(current), current))
            current = []
    if current:
        runs.append((len(tokens) - len(current), current))
    for start, run in runs:
        end = start + len(run)
        prev = tokens[start - 1].lower_ if start > 0 else ""
        if prev in ("to", "with", "against", "in", "from"):
            continue
        possessive = end < len(tokens) and (tokens[end].text in POSSESSIVE or tokens[end].tag_ == "POS")
        name = "".join(t.text_with_ws for t in run).strip()
        if start > head:
            after.insert(0, name)  # "head of Russia's Council on ...": the council
        elif possessive:
            before.insert(0, name)  # "Russia's ambassador to the US": Russia
        else:
            before.append(name)
    return before + after


def _is_head(t: "Token") -> bool:
    return is_title_head(t.text, t.lemma_)


def _honorific_run(doc: "Doc", j: int, sent_start: int) -> int:
    """Where a run of honorifics before token j+1 starts ("the Rt. Hon.", "Rt Hon"): j+1 when
    there is none."""
    k = j
    while k >= sent_start:
        if honorific(doc[k].text):
            k -= 1
        elif doc[k].text == "." and k > sent_start and honorific(doc[k - 1].text) and not doc[k - 1].whitespace_:
            k -= 2  # "Hon." written as two tokens
        else:
            break
    if k < j and k >= sent_start and doc[k].lower_ == "the":
        k -= 1  # "the Rt Hon Ann Bell"
    return k + 1


def _skip_honorific(c: Candidate, j: int, sent_start: int) -> int:
    """Note the honorific before the name ("Mrs."), and step over it unless it is a title;
    a run of them ("The Speaker, Rt. Hon. Tom Okoro") is stepped over whole, so that the
    title before it is found."""
    doc = c.seg.doc
    run = _honorific_run(doc, j, sent_start)
    if j - run >= 1:
        for t in doc[run : j + 1]:
            c.honorific_gender = c.honorific_gender or (honorific(t.text) or {}).get("gender")
        return run - 1
    if j >= sent_start and honorific(doc[j].text):
        h = honorific(doc[j].text) or {}
        c.honorific_gender = h.get("gender")
        if not h.get("keep"):
            j -= 1
    return j


def _title_words(doc: "Doc", j: int, sent_start: int, ent_start: int) -> tuple[list["Token"], int, bool]:
    """Walk back from token j: the title's tokens, where the walk stopped, and whether
    it stepped over a comma ("Norway's ambassador to the UN, Ola Brekke")."""
    tokens: list["Token"] = []
    comma = False
    have_head = False
    while j >= sent_start and len(tokens) < MAX_TITLE_TOKENS:
        t = doc[j]
        if t.is_space:
            pass
        elif _titleish(t, have_head, ent_start):
            tokens.insert(0, t)
            have_head = have_head or _is_head(t)
        elif t.lower_ == "the" and tokens and j > sent_start and doc[j - 1].lower_ in CONNECTORS:
            tokens.insert(0, t)  # "ambassador to the US"
        elif t.text == "," and not tokens and not comma:
            comma = True
        else:
            break
        j -= 1
    return tokens, j, comma


def _all_title_before_comma(doc: "Doc", j: int, sent_start: int) -> bool:
    """The phrase before the comma must be all title: it starts the sentence, or follows
    "the"/"his", or a possessor ("Putin's foreign affairs adviser, ...")."""
    if j < sent_start:
        return True
    stop = doc[j]
    return stop.tag_ in ("DT", "PRP$") or (stop.ent_type_ == "PERSON" and doc[j + 1].tag_ == "POS")


def title_before(c: Candidate) -> None:
    doc = c.seg.doc
    ent_start = c.ent_start if c.ent_start >= 0 else c.i
    sent_start = doc[c.i].sent.start
    run = _honorific_run(doc, c.i - 1, 0)
    if run < c.i:  # the parser may end a sentence at "Hon.": the title stands before it
        sent_start = min(sent_start, doc[run].sent.start)
    j = _skip_honorific(c, c.i - 1, sent_start)
    tokens, j, comma = _title_words(doc, j, sent_start, min(ent_start, c.i))
    tokens = _clean_title(tokens)
    if not tokens or (comma and not _all_title_before_comma(doc, j, sent_start)):
        return
    if any(_is_head(t) for t in tokens):
        c.titles.append(_text(tokens))
        c.affiliations.extend(_affiliations(tokens))
    elif doc[c.i - 1].tag_ == "POS" or doc[c.i - 1].text in POSSESSIVE:
        c.affiliations.extend(_affiliations(tokens))  # "NBC News' Keir Simmons"


_APPOSITION_ENDS = frozenset({",", ";", "(", ")", "—", "–", '"', "“", "”"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_AGE_WORDS = frozenset({"a", "an", "the", "-", "year", "years", "old"})
MAX_APPOSITION_TOKENS = 14
MAX_TITLE_HEAD_AT = 6  # a title's head comes early in an apposition: "a former deputy foreign minister"


def _apposition(doc: "Doc", k: int, sent_end: int) -> list["Token"]:
    """The words from token k to the next comma, bracket, quote or relative pronoun."""
    phrase: list["Token"] = []
    while k < sent_end and doc[k].text not in _APPOSITION_ENDS and doc[k].lower_ not in _REL:
        if not doc[k].is_space:
            phrase.append(doc[k])
        k += 1
    return phrase


def _is_clause(phrase: list["Token"]) -> bool:
    return any(t.pos_ == "AUX" or (t.pos_ == "VERB" and t.tag_ in _FINITE_TAGS) for t in phrase)


def _without_age(phrase: list["Token"]) -> list["Token"]:
    """Articles and ages go: "a 52-year-old farmer" -> "farmer"."""
    while phrase and (phrase[0].lower_ in _AGE_WORDS or phrase[0].like_num or "year-old" in phrase[0].lower_):
        phrase = phrase[1:]
    return phrase


def _without_workplace(c: Candidate, phrase: list["Token"], head: int) -> list["Token"]:
    """ "economist at the bank in Singapore": where someone works is not their title
    (but whom they work "at" is an affiliation)."""
    for n, t in enumerate(phrase):
        if n > head and t.lower_ in _LOCATIVE:
            if t.lower_ == "at":
                c.affiliations.extend(_affiliations(phrase[n + 1 :]))
            return phrase[:n]
    return phrase


def _title_parts(phrase: list["Token"]) -> list[list["Token"]]:
    """ "spokesman and adviser" -> two titles; "secretary and treasurer of ..." too."""
    parts: list[list["Token"]] = [[]]
    for t in phrase:
        if t.lower_ == "and" and any(_is_head(x) for x in parts[-1]):
            parts.append([])
        else:
            parts[-1].append(t)
    return parts


def _ends_in_a_full_name(phrase: list["Token"]) -> bool:
    return len(phrase) >= 3 and phrase[-1].ent_type_ == "PERSON" and phrase[-2].ent_type_ == "PERSON"


def title_after(c: Candidate) -> None:
    """Apposition: 'Sergei Lavrov, Russia's foreign minister,' and ages: 'Ruslan Lapuk, 28,'."""
    doc = c.seg.doc
    sent_end = doc[c.j - 1].sent.end
    if c.j >= sent_end or doc[c.j].text != ",":
        return
    phrase = _apposition(doc, c.j + 1, sent_end)
    if not phrase or len(phrase) > MAX_APPOSITION_TOKENS or _is_clause(phrase):
        return
    if phrase[0].lower_ in ("and", "or", "but") or _ends_in_a_full_name(phrase):
        return  # ", and the Treasurer Ann Moss": the next in a list, with a name of its own
    phrase = _without_age(phrase)
    heads = [n for n, t in enumerate(phrase) if _is_head(t)]
    if not heads or heads[0] > MAX_TITLE_HEAD_AT or phrase[0].ent_type_ == "PERSON":
        return
    for part in _title_parts(_without_workplace(c, phrase, heads[0])):
        part = _clean_title(part)
        if part and any(_is_head(t) for t in part):
            c.titles.append(_text(part))
            c.affiliations.extend(_affiliations(part))
