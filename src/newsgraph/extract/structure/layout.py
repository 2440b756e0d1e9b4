"""The structure pass: find the parts of a raw article that are not its story.

After the clean pass has taken out page furniture, what is left above, around and below
the story still holds parts an editor would file separately: the kicker above the
headline, the standfirst, the byline and the authors' biographies, lines that credit an
agency, photo captions and their credits, caption headings, the dateline, in-body
subheadings, and a line stating the date. This pass moves each into its field (authors,
sources and publisher become organisation and person actors) and records every line it
takes out of the body in ``provenance.removed``; subheadings stay in the body with the
role ``subheading``.

Actors get the ids every pass mints (``mint_id(kind, canonical name, id_base)``), so
the actors pass merges its mentions into them. No mention is made in removed text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...lexicon import bylines as byline
from ...lexicon import credits, outlets
from ...lexicon.gazetteer import gazetteer
from ...lexicon.language import non_english_reason
from ...lexicon.furniture import AUTHOR_PROFILE, REPEATED_HEADLINE, special_line
from ...lexicon.lines import (
    QUOTE_MARKS,
    SENTENCE_END,
    SPEAKER,
    headline_like,
    prose,
    standfirst_like,
    subheading_like,
    title_case,
)
from ...lexicon.outlets import Outlet
from ...lexicon.written_dates import date_line, full_dates, only_a_date
from ...model import Actor, Article, Media, Span, mint_id, normalise_name
from ..bodyedit import BodyEdit
from ..options import ExtractOptions

HEADLINE = "headline"
KICKER = "kicker"
BYLINE = "byline"
EMPTY_BYLINE = "empty byline"
AGENCY_CREDIT = "agency credit"
AUTHOR_BIO = "author bio"
PHOTO_CAPTION = "photo caption"
PHOTO_CREDIT = "photo credit"
CAPTION_HEADING = "caption heading"
STANDFIRST = "standfirst"
DATE_LINE = "date line"
NOTE = "note"  # kept in the body, role "note"

_KICKER_GAP = 2  # byline or agency lines between a kicker and the headline
_HEAD_SEARCH = 6  # the head of an article (kicker, byline, standfirst) is a few lines
_DATELINE_AFTER = 3  # paragraphs after the lede where a dateline may still open the story
_CAPTION_MAX_WORDS = 45  # a caption next to a lone credit; longer is a story paragraph
_BIO_TAIL = 3  # a biography of an author not in a byline must be at the very end
_HEAD_ABOVE_BYLINE = 1  # a standfirst may stand above the byline; more lines are the story
_CAPTION_LINE_MAX_WORDS = 120  # a caption and its credit on one line
_CAPTION_MAX_WORDS_CREDITED = 100  # the caption part of such a line
_SALUTATIONS = frozenset({"dear", "hi", "hello"})
_STORY_WORDS = 8  # a line of the story below a line of names, in any language
_NOTE_MAX_WORDS = 60  # "Editor's note: ..."; longer is a story paragraph
_CONTRIBUTED_MAX_WORDS = 40  # "... contributed to this report."
_REPORTING = re.compile(r"\b(?:said|says|told|tells|according to|asked|added|announced)\b")
_ALLCAPS_LEAD = re.compile(r"^[A-Z][A-Z .'-]{2,}\.\s")  # "RUSSIA. Putin attends ..."
_POSITION_CUE = re.compile(r"\((?:L|R|C|left|right|centre|center|top|bottom|front)\)|\bpictured\b|\bfile photo\b", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s+[A-Z][\w.'’ -]{1,40}?)?)"
    r"(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?\s*[—–―_-]{1,2}\s+"
    r"|^(?P<place2>[A-Z][\w.'’ -]{1,40}?(?:,\s+[A-Z][\w.'’ -]{1,40}?)?)?\s*\((?P<agency2>[^()]{1,40})\)\s*(?:[—–―_-]{1,2}|:)?\s+"
    r"|^(?P<place3>[^\W\d_][\w.'’ -]{1,40}?)\s*/(?P<agency3>\w{2,12})/:?\s+"
)
# "SEOUL, Nov 26 AFP - ": an agency named without brackets at the dateline's end.
_BARE_AGENCY = re.compile(r"^(?P<place>.+?)\s+(?P<agency>[A-Z][A-Za-z]{1,10})$")
# "Johannesburg - Power utility ...", "NEW DELHI: The government ...": a place in title case
# before a dash, or a place before a colon (Indian and South African papers). Taken only
# when the place is in capitals or one the gazetteer knows.
_DATELINE_PLAIN = re.compile(r"^(?P<place>[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2})(?:\s[—–―-]{1,2}|:)\s+(?=[A-Z\"“‘'])")
_CONTRIBUTED = re.compile(
    r".{3,200}\bcontributed (?:to )?(?:this|the) (?:report|story|article)(?: from [^.]{1,60})?\.?", re.S
)


def _a_heading(place: str) -> bool:
    """ "Jan 30 (Reuters) -", "WORLD - Dock workers ...": a date or the heading of a list's
    section (``section_names.txt``) before the dash names no place."""
    return only_a_date(place) or outlets.is_section_name(place.split(",")[0])


@dataclass
class _Author:
    name: str
    titles: list[str] = field(default_factory=list)
    description: str | None = None
    org: Outlet | None = None


@dataclass
class _Found:
    """What the pass has learnt so far; turned into article fields at the end."""

    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    dateline: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: dict[str, _Author] = field(default_factory=dict)  # key: normalised name
    sources: list[Outlet] = field(default_factory=list)
    mentions: dict[str, list[Span]] = field(default_factory=dict)  # outlet name -> spans (old numbering)
    written: dict[str, set[str]] = field(default_factory=dict)  # outlet name -> forms in the text
    publisher: tuple[Outlet, str] | None = None  # outlet, and how it was found
    media: list[Media] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replaced_authors: set[str] = field(default_factory=set)  # the source's, that the byline restates

    def author(self, name: str, title: str | None = None) -> _Author:
        key = normalise_name(name)
        found = self.authors.setdefault(key, _Author(name))
        if title and title not in found.titles:
            found.titles.append(title)
        return found

    def source(self, outlet: Outlet, written: str | None = None) -> None:
        if not any(outlets.same_outlet(outlet.name, o.name) for o in self.sources):
            self.sources.append(outlet)
        if written and written != outlet.name:
            self.written.setdefault(outlet.name, set()).add(written)


@dataclass(frozen=True)
class _Line:
    """A body line the line rules look at."""

    i: int  # its paragraph
    text: str
    names_author: bool  # right after a removed "Author Profile Photo" line
    near_top: bool  # above the first paragraph of prose


def run(article: Article, options: ExtractOptions) -> Article:
    """The structure of an English article; of another language only what is written the
    same way in every language: the dateline and the agency in it ("København /ritzau/:",
    "OSLO (NTB) -"), and the byline and agency a source states in a field of its own."""
    foreign = non_english_reason(article.text, options.language or article.language, forced=bool(options.language))
    if foreign:
        return _Structure(article, options).run_foreign(foreign)
    return _Structure(article, options).run()


class _Structure:
    def __init__(self, article: Article, options: ExtractOptions) -> None:
        self.article = article
        self.options = options
        self.edit = BodyEdit(article)
        self.found = _Found(
            kicker=article.kicker,
            headline=article.headline,
            subheadline=article.subheadline,
            dateline=article.dateline,
            published=article.published,
            modified=article.modified,
        )

    # --- helpers ---------------------------------------------------------------

    def kept(self) -> list[int]:
        return [i for i in range(len(self.article.body)) if self.edit.kept(i)]

    def text(self, i: int) -> str:
        return self.edit.text(i)

    def is_body(self, i: int) -> bool:
        # Roles a structured reader stated (HTML headings, lists, quotes) are not second-guessed.
        return self.article.body[i].role in ("body", "note")

    # --- the steps ---------------------------------------------------------------

    def run(self) -> Article:
        self.headline_and_kicker()
        self.stated_byline()
        first_credit = self.scan()
        self.signed_off()
        self.head(first_credit)
        self.closing_credits()
        self.subheadings()
        self.publisher()
        self.infer_published()
        return self.finish()

    def run_foreign(self, reason: str) -> Article:
        """Only the dateline opening one of the first paragraphs, and the byline stated in
        a field: the rest reads English words (bylines' "By", credits, captions)."""
        self.stated_byline()
        head = [i for i in self.kept() if self.is_body(i)][:_HEAD_SEARCH]
        self._name_line(head)
        lede = next((i for i in head if self.edit.kept(i) and _DATELINE.match(self.text(i))), None)
        if lede is not None:
            self._dateline(lede)
        self.found.notes.append(f"structure: only the dateline and a stated byline read: {reason}")
        return self.finish()

    def _name_line(self, head: list[int]) -> None:
        """A byline without "By" on the first line, above the story (STT's "ANNA VIRTA,
        MATTI KOSKI"): names alone, written the same in every language."""
        if self.article.authors or self.found.authors or len(head) < 2:
            return
        names = byline.bare_names(self.text(head[0]))
        if names and names.names and len(self.text(head[1]).split()) >= _STORY_WORDS:
            self._take_byline(names)
            self.edit.drop(head[0], BYLINE)

    def headline_and_kicker(self) -> None:
        # The real headline may stand below a byline or agency line ("World / Reuters / EU
        # agrees ..."): look past those, they are read later.
        first = next((i for i in self.kept()[: _KICKER_GAP + 1] if not special_line(self.text(i))), None)
        if first is None or not self.is_body(first):
            return
        nxt = self.text(first)
        if self.found.kicker is None and self._label_above_headline(first):
            self.found.kicker = nxt
            self.edit.drop(first, KICKER)
            return
        if self.found.headline is None:
            if headline_like(nxt, min_words=3):
                self.found.headline = nxt
                self.edit.drop(first, HEADLINE)
        elif self.found.kicker is None and not self._titled() and self._is_kicker(self.found.headline, nxt):
            self.found.kicker, self.found.headline = self.found.headline, nxt
            self.edit.drop(first, HEADLINE)

    def stated_byline(self) -> None:
        """A byline the source states in a field of its own ("By Jane Doe, Associated Press",
        NewsML-G2 ``by``, NITF ``byline``, ANPA's "By" line) names the authors and the
        agency, when the source names no author itself; an agency in brackets in a stated
        dateline is a source. Not a word of an outlet's desk
        ("AP Sports Writer") nor a league or a people ("AMERICAN LEAGUE")."""
        stated = re.search(r"\((?P<agency>[^()]{1,40})\)", self.article.dateline or "")
        for outlet, _s, _e in _agencies(stated.group("agency")) if stated else []:
            self.found.source(outlet)  # "Strasbourg, 10 juil 2024 (AFP)"
        text = self.article.byline
        # A field holds the byline alone: a list of names without "By" is one too ("ANNA
        # VIRTA, MATTI KOSKI" as STT writes it).
        found = (byline.parse_line(text) or byline.bare_names(text)) if text else None
        if not found or self.article.authors and not self._restates_authors(found.names):
            return
        g = gazetteer()
        for name in found.names:
            first = name.split()[0]
            if not (outlets.lookup(first) or g.demonym(first) or g.country(first)):
                self.found.author(name, found.titles.get(name))
        for outlet in found.outlets:
            self.found.source(outlet)

    def _restates_authors(self, names: list[str]) -> bool:
        """Whether the stated byline names every author the source gave in a field of its
        own, written another way ('Virta Anna', family name first, as an editor id): then
        the byline's names, as printed, stand for them."""
        people = {" ".join(sorted(n.casefold().split())) for n in names}
        given = [a for a in self.article.actors if a.id in self.article.authors]
        if len(given) != len(self.article.authors) or not all(
            " ".join(sorted(a.name.casefold().split())) in people for a in given
        ):
            return False
        self.found.replaced_authors.update(a.id for a in given)
        return True

    def _titled(self) -> bool:
        """A page or feed item states its title in markup: no body line replaces it."""
        return self.article.provenance is not None and self.article.provenance.reader in ("html", "feed")

    def _label_above_headline(self, first: int) -> bool:
        """A web page's kicker: a short label right above the repeated headline (HTML input)."""
        text = self.text(first)
        offset = self.article.body[first].offset
        removed = self.article.provenance.removed if self.article.provenance else []
        if offset is None or not removed or len(text.split()) > 4 or SENTENCE_END.search(text):
            return False
        later = [self.article.body[i].offset for i in self.kept() if i > first]
        limit = next((o for o in later if o is not None), None)
        above = any(
            r.reason == REPEATED_HEADLINE
            and r.offset is not None
            and r.offset > offset
            and (limit is None or r.offset < limit)
            for r in removed
        )
        return above and (text.isupper() or self._no_verb(text))

    def _no_verb(self, text: str) -> bool:
        from ..nlp import parse  # spaCy only for the rare short line that may be a kicker

        doc = parse([text], self.options.spacy_model)[0]
        return not any(t.pos_ in ("VERB", "AUX") for t in doc)

    def _is_kicker(self, head: str, nxt: str) -> bool:
        """Whether the line read as headline is a kicker above the real headline below it.

        A kicker is a short label ("US-Russia relations", "PORTS") with no verb and no full
        stop; the line below it must itself look like a headline, and be longer.
        """
        hw = head.split()
        if (
            not hw
            or len(hw) > 6
            or SENTENCE_END.search(head)
            or not headline_like(nxt, min_words=3)
            or len(nxt.split()) <= len(hw)
        ):
            return False
        if head.isupper():
            return True
        return len(hw) <= 5 and self._no_verb(head)

    def scan(self) -> int | None:
        """Lines with a form of their own, anywhere: bylines, credits, captions, bios, dates.

        Returns the index of the first byline or agency line, which ends the head.
        """
        first_credit: int | None = None
        after_profile = self._after_author_profile()
        # The top: the lines above the first paragraph of prose, where date lines stand.
        body = [i for i in self.kept() if self.is_body(i)]
        first_prose = next((n for n, i in enumerate(body) if prose(self.text(i))), len(body))
        top = set(body[: max(first_prose, 1)][:_HEAD_SEARCH])
        for i in self.kept():
            if not self.edit.kept(i) or not self.is_body(i):
                continue
            text = self.text(i)
            reason = self._classify(i, text, i in after_profile, i in top)
            if reason in (BYLINE, EMPTY_BYLINE, AGENCY_CREDIT) and first_credit is None:
                first_credit = i
        return first_credit

    def _classify(self, i: int, text: str, names_author: bool, near_top: bool) -> str | None:
        """The first rule of ``LINE_RULES`` that takes the line decides what it is."""
        line = _Line(i, text, names_author, near_top)
        for _name, rule in LINE_RULES:
            reason = rule(self, line)
            if reason is not None:
                return reason
        return None

    # --- the line rules, in the order LINE_RULES tries them ------------------------

    def _byline_line(self, line: _Line) -> str | None:
        """ "By Jane Doe and John Roe, Reuters"; after "Author Profile Photo", just the names."""
        found = (byline.split_names(line.text) if line.names_author else None) or byline.parse_line(line.text)
        if not found:
            return None
        self._take_byline(found)
        reason = EMPTY_BYLINE if found.empty else BYLINE if found.names else AGENCY_CREDIT
        self.edit.drop(line.i, reason)
        return reason

    def _agency_line(self, line: _Line) -> str | None:
        """ "(Reuters)", "Additional reporting by AFP": the story's sources."""
        text = line.text
        outlet = credits.agency_line(text)
        named = (
            [(outlet, text.strip().strip("()–—- "))]
            if outlet
            else [(c.outlet, text[c.start : c.end]) for c in credits.source_line(text)]
        )
        if not named:
            return None
        for o, written in named:
            self.found.source(o, written)
        self.edit.drop(line.i, AGENCY_CREDIT)
        return AGENCY_CREDIT

    def _date_line(self, line: _Line) -> str | None:
        """ "Updated March 3, 2024": a date on a line of its own dates the story only at the
        top; at the foot it is the date of a correction or of the print edition."""
        dated = date_line(line.text) if line.near_top else None
        if not dated:
            return None
        kind, iso = dated
        if kind == "modified":
            self.found.modified = self.found.modified or iso
        else:
            self.found.published = self.found.published or iso
        self.edit.drop(line.i, DATE_LINE)
        return DATE_LINE

    def _bio_line(self, line: _Line) -> str | None:
        """ "Jane Doe is a reporter at The Courier": about an author of the story."""
        bio = byline.parse_bio(line.text)
        if not (bio and self._take_bio(bio, line.text)):
            return None
        self.edit.drop(line.i, AUTHOR_BIO)
        return AUTHOR_BIO

    def _photo_credit_line(self, line: _Line) -> str | None:
        """ "Photo: Jane Doe/AFP" on its own, with the caption next to it."""
        if not credits.is_photo_credit(line.text):
            return None
        self._take_standalone_credit(line.i, line.text)
        return PHOTO_CREDIT

    def _credited_caption_line(self, line: _Line) -> str | None:
        """ "Putin attends a meeting. (Photo: Jane Doe/AFP)": a caption with its credit."""
        if len(line.text.split()) > _CAPTION_LINE_MAX_WORDS:
            return None
        split = credits.split_caption(line.text)
        if not split or len(split[0].split()) > _CAPTION_MAX_WORDS_CREDITED:
            return None
        self.found.media.append(Media(caption=split[0], credit=split[1]))
        self.edit.drop(line.i, PHOTO_CAPTION)
        self._caption_heading(line.i)
        return PHOTO_CAPTION

    def _labelled_caption_line(self, line: _Line) -> str | None:
        """ "Image caption, ..." with no credit line next to it."""
        labelled = credits.caption_line(line.text)
        if not labelled:
            return None
        self.found.media.append(Media(caption=labelled))
        self.edit.drop(line.i, PHOTO_CAPTION)
        return PHOTO_CAPTION

    def _note_line(self, line: _Line) -> str | None:
        """ "Editor's note: ...": stays in the body, as a note."""
        if not (credits.is_note_line(line.text) and len(line.text.split()) <= _NOTE_MAX_WORDS):
            return None
        self.edit.set_role(line.i, "note")
        return NOTE

    def _contributed_line(self, line: _Line) -> str | None:
        """ "Associated Press writer Jim Heintz contributed to this report.": a note that
        credits its outlets."""
        text = line.text
        if not (_CONTRIBUTED.fullmatch(text.strip()) and len(text.split()) <= _CONTRIBUTED_MAX_WORDS):
            return None
        self.edit.set_role(line.i, "note")
        for credit in credits.listed_outlets(text):
            self._credit(line.i, credit, text)
        return NOTE

    def signed_off(self) -> None:
        """Authors named by a sign-off the clean pass removed ('Follow Jane Doe on Twitter')."""
        removed = self.article.provenance.removed if self.article.provenance else []
        for item in removed:
            name = byline.follow_author(item.text)
            if name:
                self.found.author(name)

    def _after_author_profile(self) -> set[int]:
        """Paragraphs that directly follow a removed 'Author Profile Photo' line."""
        removed = self.article.provenance.removed if self.article.provenance else []
        marks = sorted(r.offset for r in removed if r.reason == AUTHOR_PROFILE and r.offset is not None)
        result = set()
        for mark in marks:
            after = [i for i in self.kept() if (offset := self.article.body[i].offset) is not None and offset > mark]
            if after:
                result.add(after[0])
        return result

    def _take_byline(self, line: byline.Byline) -> None:
        for name in line.names:
            self.found.author(name, line.titles.get(name))
        for outlet in line.outlets:
            self.found.source(outlet)

    def _take_bio(self, bio: byline.Bio, text: str) -> bool:
        """Record an author's biography; False if the line is not about an author."""
        authors = self.found.authors
        if bio.name is None:  # "Follow him on Twitter": about the author only if there is one
            if len(authors) != 1:
                return False
            author = next(iter(authors.values()))
        else:
            key = normalise_name(bio.name)
            known = key in authors or any(_same_person(bio.name, a.name) for a in authors.values())
            if not known and not (byline.is_journalist_title(bio.title) and not authors and self._near_end(text)):
                return False
            author = next((a for a in authors.values() if _same_person(bio.name, a.name)), None) or self.found.author(
                bio.name
            )
            if bio.title and byline.is_journalist_title(bio.title) and bio.title not in author.titles:
                author.titles.append(bio.title)
            if bio.org:
                author.org = outlets.resolve(bio.org) or Outlet(bio.org.strip(), "unknown")
        author.description = (author.description + " " if author.description else "") + text.strip()
        return True

    def _near_end(self, text: str) -> bool:
        """Whether a line is among the last few of the story (where unsigned bios stand)."""
        tail = [self.text(i) for i in self.kept()][-_BIO_TAIL:]
        return text in tail

    def _take_standalone_credit(self, i: int, text: str) -> None:
        """A credit on a line of its own, with its caption: the line above, else the one below.

        Sites differ (Rappler puts the credit under the caption, others above it); a
        neighbour is taken only if it reads as a caption, so a story paragraph next to an
        uncaptioned photo stays in the body.
        """
        kept = self.kept()
        before = [j for j in kept if j < i][-1:]
        after = [j for j in kept if j > i][:1]
        caption = None
        labelled = [j for j in (*after, *before) if self.is_body(j) and credits.caption_line(self.text(j))]
        for j in labelled or (*before, *after):
            if labelled or (self.is_body(j) and self._caption_like(self.text(j))):
                caption = credits.caption_line(self.text(j)) or self.text(j)
                self.edit.drop(j, PHOTO_CAPTION)
                if j < i and not labelled:
                    self._caption_heading(j)
                break
        self.found.media.append(Media(caption=caption, credit=credits.credit_text(text)))
        self.edit.drop(i, PHOTO_CREDIT)

    def _caption_like(self, text: str) -> bool:
        """Whether a paragraph reads as a photo caption: it shows, it does not report.

        Captions describe a picture in the present tense ("Putin attends a meeting ...")
        or as a noun phrase; story paragraphs report in the past tense and quote people.
        """
        if (
            len(text.split()) > _CAPTION_MAX_WORDS
            or QUOTE_MARKS.search(text)
            or _REPORTING.search(text)
            or SPEAKER.match(text)
            or special_line(text)
        ):  # "Editor's note: ...", "By X"
            return False
        if _ALLCAPS_LEAD.match(text) or _POSITION_CUE.search(text):
            return True
        from ..nlp import parse

        doc = parse([text], self.options.spacy_model)[0]
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None:
            return False
        # "Putin attends a meeting", "Ahmed Helal, 40": an action shown, or a name.
        # "There are still requirements ..." states a fact: story text.
        if root.tag_ in ("VBZ", "VBP", "VBG"):
            return root.lemma_ not in ("be", "have")
        return root.tag_ in ("NN", "NNS", "NNP", "NNPS")

    def _caption_heading(self, caption_index: int) -> None:
        """A short title-case line right above a caption is the caption's heading."""
        before = [j for j in self.kept() if j < caption_index]
        if not before or not self.is_body(before[-1]):
            return
        text = self.text(before[-1])
        words = text.split()
        if (
            len(words) <= 8
            and not SENTENCE_END.search(text)
            and not QUOTE_MARKS.search(text)
            and title_case(text)
            and not special_line(text)
        ):
            self.edit.drop(before[-1], CAPTION_HEADING)

    def head(self, first_credit: int | None) -> None:
        """The lines above the lede: author names on their own, the standfirst; the dateline."""
        kept = [i for i in self.kept() if self.is_body(i)]
        lede = self._lede(kept, first_credit)
        head = [i for i in kept if lede is None or i < lede][:_HEAD_SEARCH]
        for i in head:
            names = byline.bare_names(self.text(i))
            if names:
                self._take_byline(names)
                self.edit.drop(i, BYLINE)
        if lede is None:
            return  # a standfirst stands above a story: with no lede below it, the line is the story
        rest = [i for i in head if self.edit.kept(i)]
        if rest and self.found.subheadline is None and standfirst_like(self.text(rest[0])):
            self.found.subheadline = self.text(rest[0])
            self.edit.drop(rest[0], STANDFIRST)
        self._dateline(lede)

    def _lede(self, kept: list[int], first_credit: int | None) -> int | None:
        """The story's first paragraph: the first of prose, or that opens with a dateline."""
        starts = [i for i in kept if prose(self.text(i)) or _DATELINE.match(self.text(i))]
        lede = starts[0] if starts else None
        if first_credit is None or lede is None or lede >= first_credit:
            return lede
        if len([i for i in kept if i < first_credit]) > _HEAD_ABOVE_BYLINE:
            return lede
        # A byline near the top ends the head: a line above it is a standfirst even when
        # it ends in a full stop.
        return next((i for i in starts if i > first_credit), None)

    def _dateline(self, lede: int) -> None:
        text = self.text(lede)
        skip = outlets.section_heading_end(text)  # "NATIONAL SYDNEY - ": a list's heading first
        m = _DATELINE.match(text[skip:])
        if not m:
            if not self._plain_dateline(lede):
                self._later_dateline(lede)
            return
        group = next((g for g in ("agency", "agency2", "agency3") if m.group(g)), None)
        place = m.group("place") or m.group("place2") or m.group("place3")
        agency, start = (m.group(group), skip + m.start(group)) if group else (None, -1)
        bare = _BARE_AGENCY.match(place) if place and not agency else None
        if bare and outlets.lookup(bare.group("agency")) is not None:
            place, agency = bare.group("place"), bare.group("agency")
            start = skip + m.start("place") + bare.start("agency")
        hits = _agencies(agency) if agency else []
        if agency and not hits:
            return  # "(6)" or "(R)" is not an agency: not a dateline either
        if self.found.dateline is None and place and not only_a_date(place) and not _a_heading(place):
            date = m.group("date")
            self.found.dateline = place.strip() + (f", {date}" if date else "")
        for hit, s, e in hits:
            self.found.source(hit, (agency or "")[s:e])
            self._mention(hit, lede, start + s, start + e)

    def _plain_dateline(self, lede: int) -> bool:
        m = _DATELINE_PLAIN.match(self.text(lede))
        place = m.group("place") if m else ""
        g = gazetteer()
        if not place or not (place.isupper() or g.place(place) or g.country(place)) or _a_heading(place):
            return False
        if place.split()[0].casefold() in _SALUTATIONS:
            return False  # "DEAR ABBY: My husband ...": an advice column's letter, not a place
        self.found.dateline = self.found.dateline or place
        return True

    def _later_dateline(self, lede: int) -> None:
        """A dateline opening one of the next few paragraphs, after lines kept above the story
        (a second headline, "ABSTRACT. ... FULL TEXT.", a caption's pieces): a place in
        capitals and a dash before a sentence ("CHARLOTTE - The wife of ..."), no agency."""
        after = [i for i in self.kept() if i > lede and self.is_body(i)][:_DATELINE_AFTER]
        for i in after:
            text = self.text(i)
            # "NATIONAL SYDNEY - ...": the heading of a list's section is no part of the place
            text = text[outlets.section_heading_end(text) :]
            m = _DATELINE.match(text)
            place = m.group("place") if m else None
            if not (m and place and not m.group("agency") and place.split(",")[0].isupper()) or _a_heading(place):
                continue
            if prose(text[m.end() :]):
                date = m.group("date")
                self.found.dateline = place.strip() + (f", {date}" if date else "")
                return

    def closing_credits(self) -> None:
        """Outlets credited in the story ('..., CNN has reported') and a closing '– Rappler.com'."""
        kept = [i for i in self.kept() if self.is_body(i)]
        for i in kept:
            text = self.text(i)
            for credit in credits.source_credits(text):
                self._credit(i, credit, text)
        if kept:
            last = kept[-1]
            text = self.text(last)
            sign = credits.signoff(text)
            if sign:
                at, named = sign
                for outlet in named:
                    self.found.source(outlet, text[at:].strip(" –—-\u00a0") if len(named) == 1 else None)
                start = self.edit.plan[last].start  # type: ignore[union-attr]  # a kept line has a plan entry
                if at == 0:
                    self.edit.drop(last, AGENCY_CREDIT)
                else:
                    self.edit.trim_end(last, start + at, AGENCY_CREDIT)

    def _credit(self, i: int, credit: credits.Credit, text: str) -> None:
        written = text[credit.start : credit.end]
        self.found.source(credit.outlet, written)
        start = self.edit.plan[i].start  # type: ignore[union-attr]  # a kept line has a plan entry
        self._mention(credit.outlet, i, start + credit.start, start + credit.end)

    def _mention(self, outlet: Outlet, i: int, start: int, end: int) -> None:
        name = self._canonical(outlet).name
        spans = self.found.mentions.setdefault(name, [])
        span = Span(paragraph=i, start=start, end=end)
        if span not in spans:
            spans.append(span)

    def subheadings(self) -> None:
        """Short title lines between paragraphs of the story become role 'subheading'."""
        kept = [i for i in self.kept() if self.is_body(i)]
        started = False
        for n, i in enumerate(kept):
            text = self.text(i)
            if not started:
                started = prose(text)
                continue
            if n + 1 < len(kept) and subheading_like(text) and prose(self.text(kept[n - 1])):
                self.edit.set_role(i, "subheading")

    def publisher(self) -> None:
        """The site's own name, when page furniture states it or an author's bio does."""
        if self.article.publisher is not None:
            return
        removed = [*(self.article.provenance.removed if self.article.provenance else []), *self.edit.removed]
        for item in removed:
            name = credits.publisher_named(item.text)
            if not name:
                continue
            outlet = outlets.resolve(name) or Outlet(name, "unknown")
            if outlet.kind == "agency":  # "© 2021 The Associated Press": the story's source
                self.found.source(outlet, name)
                continue
            self.found.publisher = (outlet, f"a line of page furniture ({item.reason})")
            return
        bio_orgs = [a.org for a in self.found.authors.values() if a.org is not None]
        if bio_orgs and bio_orgs[0].kind != "agency":
            self.found.publisher = (bio_orgs[0], "the author's biography")

    def infer_published(self) -> None:
        if self.found.published is not None:
            return
        dates = sorted({d.iso for m in self.found.media if m.caption for d in full_dates(m.caption)})
        if dates:
            # An article is not older than its newest photo; older photos are file pictures.
            self.found.published = dates[-1]
            self.found.notes.append(
                f"structure: published date {dates[-1]} inferred from a photo "
                "caption (no date was given; the article may be a day or two newer)"
            )

    # --- output ---------------------------------------------------------------------

    def _canonical(self, outlet: Outlet) -> Outlet:
        """The outlet as the article already knows it (a publisher given as an option)."""
        for a in self.article.actors:
            if a.kind == "organization" and outlets.same_outlet(a.name, outlet.name):
                return Outlet(a.name, outlet.kind, outlet.aliases)
        return outlet

    def finish(self) -> Article:
        found, base = self.found, self.options.id_base
        actors = {a.id: a for a in self.article.actors}

        def org(outlet: Outlet) -> str:
            outlet = self._canonical(outlet)
            aid = mint_id("organization", outlet.name, base)
            spans = found.mentions.get(outlet.name, [])
            written = sorted(found.written.get(outlet.name, set()) - {outlet.name})
            actors[aid] = _merge(
                actors.get(aid), Actor(id=aid, kind="organization", name=outlet.name, aliases=written, mentions=spans)
            )
            return aid

        authors = _without(self.article.authors, found.replaced_authors, actors)
        for a in found.authors.values():
            aid = mint_id("person", a.name, base)
            affiliation = org(a.org) if a.org else None
            actors[aid] = _merge(
                actors.get(aid),
                Actor(
                    id=aid,
                    kind="person",
                    name=a.name,
                    titles=a.titles,
                    description=a.description,
                    affiliation=affiliation,
                ),
            )
            if aid not in authors:
                authors.append(aid)
        sources = list(self.article.sources)
        for outlet in found.sources:
            sid = org(outlet)
            if sid not in sources:
                sources.append(sid)
        publisher = self.article.publisher
        if publisher is None and found.publisher:
            outlet, how = found.publisher
            publisher = org(outlet)
            found.notes.append(f"structure: publisher {self._canonical(outlet).name!r} named in {how}")
        media = list(self.article.media)
        for m in found.media:
            if not any(m.caption == x.caption and m.credit == x.credit for x in media):
                media.append(m)
        self.edit.article = self.article.model_copy(update={"actors": list(actors.values())})
        self.edit.notes.extend(found.notes)
        return self.edit.apply(
            headline=found.headline,
            kicker=found.kicker,
            subheadline=found.subheadline,
            dateline=found.dateline,
            published=found.published,
            modified=found.modified,
            authors=authors,
            sources=sources,
            publisher=publisher,
            media=media,
        )


# --- lines with a form of their own -------------------------------------------------


# What a line with a form of its own is, in the order the rules are tried: the first
# that takes the line decides (a byline is never read as a caption, a credit line never
# as a bio). Each rule drops the line from the body (or marks it a note) and returns why.
LINE_RULES: tuple[tuple[str, Callable[[_Structure, _Line], str | None]], ...] = (
    ("byline", _Structure._byline_line),
    ("agency credit", _Structure._agency_line),
    ("date line", _Structure._date_line),
    ("author bio", _Structure._bio_line),
    ("photo credit", _Structure._photo_credit_line),
    ("credited caption", _Structure._credited_caption_line),
    ("labelled caption", _Structure._labelled_caption_line),
    ("note", _Structure._note_line),
    ("contributed", _Structure._contributed_line),
)


_AGENCY_PARTS = re.compile(r"[^/,-]+")


def _agencies(written: str) -> list[tuple[Outlet, int, int]]:
    """The outlets a dateline's brackets name, with where each is written in them: one
    ("Reuters"), or several joined by slashes or hyphens as agencies relay each other's
    copy ("tca/dpa", "NTB-AFP-DPA"): then every part that is an agency counts."""
    whole = outlets.lookup(written.strip())
    if whole is not None:
        s = len(written) - len(written.lstrip())
        return [(whole, s, s + len(written.strip()))]
    found = []
    for m in _AGENCY_PARTS.finditer(written):
        part = m.group().strip()
        hit = outlets.lookup(part) if part else None
        if hit is not None:
            s = m.start() + m.group().index(part)
            found.append((hit, s, s + len(part)))
    return found


def _same_person(a: str, b: str) -> bool:
    na, nb = normalise_name(a).split("-"), normalise_name(b).split("-")
    return na == nb or (na[-1] == nb[-1] and (na[0] == nb[0] or len(na) == 1 or len(nb) == 1))


def _without(authors: list[str], replaced: set[str], actors: dict[str, Actor]) -> list[str]:
    """The source's authors but those a stated byline restates; their actors go too."""
    for gone in replaced:
        actors.pop(gone, None)
    return [a for a in authors if a not in replaced]


def _merge(old: Actor | None, new: Actor) -> Actor:
    """An actor already in the article keeps what it has; the new one fills the gaps."""
    return new if old is None else old.filled_from(new)
