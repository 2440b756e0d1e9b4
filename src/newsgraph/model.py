"""The document model: one Article holding its parts, actors, places, quotes and events.

Field names are the contract of ../shared/DESIGN.md. Validation enforces meaning, not
only types: ids are URIs, every id referenced exists in the article, every span points
inside its paragraph, dates are ISO 8601, kinds come from their vocabularies.
"""

from __future__ import annotations

import copy
import hashlib
import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, Iterable, Literal, Sequence, get_args

from anyascii import anyascii
from pydantic import (
    AfterValidator,
    BeforeValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic.dataclasses import dataclass as pydantic_dataclass
from pydantic.fields import FieldInfo

from .errors import ModelError

DEFAULT_ID_BASE = "urn:newsgraph:"

# --- value types -----------------------------------------------------------------

# As strict as xs:anyURI in libxml2 (NewsML-G2 is validated with it), so that every id the
# model accepts every format can write: "%" only before two hex digits, one "#" at most,
# "[" and "]" only around an IP-literal host.
_URI_CHAR = r"(?:[^\s<>\"{}|\\^`%#\[\]]|%[0-9A-Fa-f]{2})"
_URI_RE = re.compile(
    r"^[A-Za-z][A-Za-z0-9+.\-]*:(?=\S)(?://\[[0-9A-Fa-f:.]+\](?::[0-9]*)?)?"
    rf"{_URI_CHAR}*(?:#{_URI_CHAR}*)?$"
)
URI_PATTERN = _URI_RE.pattern

# Dates as written in ISO 8601: a calendar date, or a date and time with an optional
# zone. Kept as text so that a date stays a date and no precision is invented.
ISO_DATE_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}"
    r"(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
_ISO_DATE_RE = re.compile(ISO_DATE_PATTERN)
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _check_uri(value: str) -> str:
    if not _URI_RE.match(value):
        raise ValueError(f"{value!r} is not a URI (ids look like 'urn:newsgraph:person:jane-doe')")
    return value


def is_uri(value: str) -> bool:
    return bool(_URI_RE.match(value))


def _check_iso(value: str) -> str:
    if not _ISO_DATE_RE.match(value):
        raise ValueError(f"{value!r} is not an ISO 8601 date (write 2021-06-16 or 2021-06-16T09:30:00Z)")
    try:
        if "T" in value:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        else:
            date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date or time") from None
    return value


def _check_lang(value: str) -> str:
    if not _LANG_RE.match(value):
        raise ValueError(f"{value!r} is not a BCP 47 language tag (write 'en' or 'en-GB')")
    return value


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


# The pattern goes to the JSON Schema only; the validators give the friendlier message.
URI = Annotated[str, AfterValidator(_check_uri), Field(json_schema_extra={"pattern": URI_PATTERN})]
ISODate = Annotated[str, AfterValidator(_check_iso), Field(json_schema_extra={"pattern": ISO_DATE_PATTERN})]
LanguageTag = Annotated[str, AfterValidator(_check_lang), Field(json_schema_extra={"pattern": _LANG_RE.pattern})]
Name = Annotated[str, AfterValidator(_nonblank), Field(min_length=1, json_schema_extra={"pattern": r"\S"})]


def _blank_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _drop_blank(values: object) -> object:
    if isinstance(values, list):
        return [v for v in values if not (isinstance(v, str) and not v.strip())]
    return values


# Blank is absent. No format can write an empty topic, title or section apart from a
# missing one (ninjs drops an empty subject, NewsML-G2 an empty keyword...), so the model
# reads a blank optional text as None and drops blank entries from lists of names: what
# any reader or caller gives, every format then carries exactly. The JSON Schema says
# "not blank" (pattern \S), so `newsgraph validate` still reports them in a document.
Text = Annotated[str | None, BeforeValidator(_blank_is_none), Field(json_schema_extra={"pattern": r"\S"})]
Names = Annotated[list[Name], BeforeValidator(_drop_blank)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]

ActorKind = Literal["person", "organization", "country", "group"]
PlaceKind = Literal["city", "country", "region", "venue", "address", "other"]
QuoteKind = Literal["direct", "partial", "indirect"]
EventKind = Literal[
    "meeting",
    "summit",
    "talks",
    "call",
    "press_conference",
    "interview",
    "statement",
    "visit",
    "election",
    "sanctions",
    "expulsion",
    "agreement",
    "deadline",
    "award",
    "trial",
    "protest",
    # what news reports as its main event (docs/events.md, "Main events")
    "speech",
    "debate",
    "rally",
    "campaign_stop",
    "fundraiser",
    "endorsement",
    "release",
    "poll",
    "letter",
    "report",
    "investigation",
    "indictment",
    "hearing",
    "plea",
    "ruling",
    "vote",
    "attack",
    "other",
]
EventStatus = Literal["past", "planned", "ongoing", "unknown"]
DatePrecision = Literal["time", "day", "week", "month", "year", "approximate"]
ParagraphRole = Literal["body", "subheading", "blockquote", "list_item", "note"]
MediaKind = Literal["image", "video", "audio", "graphic"]

ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
EVENT_STATUSES: tuple[str, ...] = get_args(EventStatus)


# Characters no output format can carry: the control characters and noncharacters XML 1.0
# forbids, and lone surrogates (no UTF can encode them). Readers of raw and foreign input
# replace them (readers.base.sanitise); the model refuses them everywhere else.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_find_forbidden = FORBIDDEN_CHARACTERS.search


def describe_character(char: str) -> str:
    """'U+0001 (a control character)': how messages name a forbidden character."""
    code = ord(char)
    what = (
        "a lone surrogate"
        if 0xD800 <= code <= 0xDFFF
        else "a noncharacter"
        if code in (0xFFFE, 0xFFFF)
        else "a control character"
    )
    return f"U+{code:04X} ({what})"


def _forbidden_in(value: Any) -> str | None:
    """Where the first forbidden character of a field's value is, described; None if none.

    Fields hold a string, a list of strings or a dict of strings (lists of models check
    themselves).
    """
    if isinstance(value, str):
        strings: list[tuple[str, str]] = [("", value)]
    elif isinstance(value, list):
        if not value or not isinstance(value[0], str):
            return None
        strings = [(f"item {i} ", v) for i, v in enumerate(value) if isinstance(v, str)]
    elif isinstance(value, dict):
        strings = [
            pair
            for k, v in value.items()
            for pair in ((f"key {k!r} ", k), (f"[{k!r}] ", v))
            if isinstance(pair[1], str)
        ]
    else:
        return None
    for where, text in strings:
        found = FORBIDDEN_CHARACTERS.search(text)
        if found:
            return f"{where}holds {describe_character(found.group())} at character {found.start()}"
    return None


class _Model(BaseModel):
    # Unknown keys are errors, not silently dropped: a typo in a hand-written JSON file
    # must be reported, or the round trip would lose it.
    model_config = ConfigDict(extra="forbid", validate_assignment=False, str_strip_whitespace=False)

    @model_validator(mode="after")
    def _carriable(self) -> Any:
        # Every string of every model, checked in one place: a field added later is covered.
        # (One check per object, not per field: validation stays cheap for big articles.)
        _check_carriable(self.__dict__.items())
        return self


def _check_carriable(fields: Iterable[tuple[str, Any]]) -> None:
    for name, value in fields:
        kind = value.__class__
        # a clean string, the common case, in one search (every paragraph of every reader)
        if (kind is str and _find_forbidden(value) is not None) or kind is list or kind is dict:
            problem = _forbidden_in(value)
            if problem:
                raise ValueError(
                    f"{name} {problem}, which no output format can carry: delete it or replace it with a space"
                )


# --- parts -----------------------------------------------------------------------


SpanPart = Literal["headline", "subheadline"]
SPAN_PARTS: tuple[str, ...] = get_args(SpanPart)


# A huge article holds a Span for every mention of every actor, place, quote and event (over a
# million at the 64 MiB input limit): a slotted dataclass is about 64 bytes where a BaseModel
# was about 530 (its __dict__ and its fields-set are each a container of their own). Validated,
# dumped and described in the JSON Schema as the model was; a copy with a change is
# dataclasses.replace (which validates it), and an assignment is not validated, as before.
@pydantic_dataclass(slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Span:
    """Characters ``start`` to ``end`` (exclusive) of paragraph ``paragraph``.

    ``part`` says which text: absent for the body (``paragraph`` indexes Article.body),
    ``"headline"`` or ``"subheadline"`` for those lines (``paragraph`` is then 0). Only
    quotes point outside the body: a headline quotes someone as often as a paragraph does.
    """

    part: SpanPart | None = Field(default=None, description="absent: the body; else the line it points into")
    paragraph: int = Field(ge=0, description="index into Article.body (0 for the headline or subheadline)")
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} must be greater than start {self.start}")
        if self.part is not None and self.paragraph != 0:
            raise ValueError(f"a span in the {self.part} has paragraph 0, not {self.paragraph}")
        return self

    @property
    def in_body(self) -> bool:
        return self.part is None

    def order(self) -> tuple[int, int, int, int]:
        """Reading order: the headline, the subheadline, then the body."""
        rank = 0 if self.part == "headline" else 1 if self.part == "subheadline" else 2
        return rank, self.paragraph, self.start, self.end


def _canonical_spans(spans: list[Span]) -> list[Span]:
    # Reading order, each span once: the form every format can rebuild from inline markup.
    unique = {s.order(): s for s in spans}
    return [unique[k] for k in sorted(unique)]


Spans = Annotated[list[Span], AfterValidator(_canonical_spans)]


class _FieldsOf:
    # ``Model.model_fields`` of a pydantic dataclass: pydantic keeps its fields as __pydantic_fields__
    def __get__(self, obj: object, cls: type) -> dict[str, FieldInfo]:
        fields: dict[str, FieldInfo] = cls.__pydantic_fields__  # type: ignore[attr-defined]  # set by pydantic
        return fields


class _Compact:
    """What a slotted pydantic dataclass of the model keeps of BaseModel's API.

    Objects an article holds by the thousand are slotted dataclasses (about 56 bytes for a
    paragraph, where a BaseModel was about 450: its ``__dict__`` and fields-set are each a
    container of their own). Readers, stages, tests and library callers use these methods on
    them as they did on the models, and they behave as pydantic's: a copy or a construction is
    not validated (the article's validation checks it), a dump is the dict the model dumped.
    """

    __slots__ = ()
    model_fields = _FieldsOf()

    @classmethod
    def model_validate(cls, obj: Any) -> Any:
        """Validated from a dict (or taken as it is if it is one already), as BaseModel's."""
        return cls.__pydantic_validator__.validate_python(obj)  # type: ignore[attr-defined]  # set by pydantic

    @classmethod
    def model_construct(cls, **values: Any) -> Any:
        """Made without validation, absent fields at their defaults, as BaseModel's."""
        made = object.__new__(cls)
        for name, info in cls.__pydantic_fields__.items():  # type: ignore[attr-defined]  # set by pydantic
            if name in values:
                object.__setattr__(made, name, values[name])
            elif not info.is_required():  # a required field left out stays unset
                object.__setattr__(made, name, info.get_default(call_default_factory=True))
        return made

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with ``update`` applied, not validated, as BaseModel's."""
        fields = {**dict(self._items()), **(update or {})}
        return type(self).model_construct(**(copy.deepcopy(fields) if deep else fields))

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        """A dict, with BaseModel.model_dump's options (mode, exclude, exclude_none...)."""
        dumped: dict[str, Any] = self.__pydantic_serializer__.to_python(self, **kwargs)  # type: ignore[attr-defined]  # set by pydantic
        return dumped

    def __str__(self) -> str:
        # as BaseModel's: "text='...' offset=None role='body'"
        return " ".join(f"{name}={value!r}" for name, value in self._items())

    def _items(self) -> list[tuple[str, Any]]:
        return [(name, getattr(self, name)) for name in self.__pydantic_fields__]  # type: ignore[attr-defined]  # set by pydantic


# Every reader makes a Paragraph for every paragraph, and while a huge article is extracted two
# bodies are alive (the caller's and the cleaned one). (No docstring: it would become the JSON
# Schema's description.)
@pydantic_dataclass(slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Paragraph(_Compact):
    text: str
    offset: int | None = Field(
        default=None,
        ge=0,
        description="where this paragraph starts in the decoded input text (text/HTML input)",
    )
    role: ParagraphRole = "body"

    @model_validator(mode="after")
    def _carriable(self) -> "Paragraph":
        _check_carriable(self._items())
        return self


class Media(_Model):
    kind: MediaKind = "image"
    url: URI | None = None
    caption: Text = None
    credit: Text = None


def _blank_entry(value: object) -> bool:
    if isinstance(value, dict):  # {"name": " "}: every part blank
        return bool(value) and all(isinstance(v, str) and not v.strip() for v in value.values())
    return isinstance(value, str) and not value.strip()


def _topic_entries(values: object) -> object:
    # A plain name is a topic with only a name (newsgraph 0.1 wrote topics as strings);
    # a blank one is absent, like any blank entry of a list of names.
    if isinstance(values, list):
        return [{"name": v} if isinstance(v, str) else v for v in values if not _blank_entry(v)]
    return values


def _topics_schema(schema: dict[str, Any]) -> None:
    # Documents of newsgraph 0.1 hold topics as plain names; they stay valid (and read as
    # name-only topics), while newsgraph writes objects.
    schema["items"] = {"anyOf": [schema["items"], {"type": "string", "minLength": 1, "pattern": r"\S"}]}


class Topic(_Model):
    """What the article is about: a name, a code of a scheme, or both.

    ``code`` is the code as the source writes it (a NewsML-G2 qcode ``medtop:20000523``,
    an IPTC subject code ``04000000``); ``scheme`` names its vocabulary (the qcode's alias
    ``medtop`` or the scheme's URI); ``uri`` is the concept's URI where one is known.
    """

    name: Text = None
    code: Text = None
    scheme: Text = None
    uri: URI | None = None

    @model_validator(mode="after")
    def _something(self) -> "Topic":
        if self.name is None and self.code is None and self.uri is None:
            raise ValueError("a topic needs a name, a code or a uri")
        return self

    @property
    def label(self) -> str:
        """What to show: the name, else the code, else the URI."""
        return self.name or self.code or self.uri or ""


class Rights(_Model):
    """Who holds the rights and on which terms (NewsML-G2 ``rightsInfo``, ninjs ``copyrightnotice``)."""

    holder: Text = Field(default=None, description="copyright holder")
    notice: Text = Field(default=None, description="copyright notice as written")
    usage: Text = Field(default=None, description="usage terms")


class RemovedText(_Model):
    """A line the cleaner took out of the body, kept so that nothing is lost."""

    text: str
    offset: int | None = Field(default=None, ge=0)
    reason: str


class Provenance(_Model):
    source: str | None = Field(default=None, description="input file name")
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    reader: str | None = None
    newsgraph_version: str | None = None
    removed: list[RemovedText] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="what extraction skipped or doubted")


# --- entities --------------------------------------------------------------------


class Actor(_Model):
    id: URI
    kind: ActorKind
    name: Name = Field(description="canonical full name")
    aliases: Names = Field(default_factory=list)
    titles: Names = Field(default_factory=list)
    affiliation: URI | None = Field(default=None, description="actor id")
    description: Text = None
    gender: Literal["female", "male"] | None = None
    identifiers: dict[str, str] = Field(default_factory=dict, description="e.g. {'wikidata': 'Q7747'}")
    mentions: Spans = Field(default_factory=list)

    def filled_from(self, other: "Actor") -> "Actor":
        """This actor found again (in a byline, in a later window of a huge article): it keeps
        what it has; ``other`` fills the gaps and adds the aliases, titles and mentions it lacks."""
        seen = {s.order() for s in self.mentions}
        return self.model_copy(
            update={
                "aliases": [*self.aliases, *(x for x in other.aliases if x not in self.aliases and x != self.name)],
                "titles": [*self.titles, *(t for t in other.titles if t not in self.titles)],
                "affiliation": self.affiliation or other.affiliation,
                "description": self.description or other.description,
                "gender": self.gender or other.gender,
                "identifiers": {**other.identifiers, **self.identifiers},
                "mentions": [*self.mentions, *(s for s in other.mentions if s.order() not in seen)],
            }
        )


class Place(_Model):
    id: URI
    name: Name
    kind: PlaceKind = "other"
    country: Text = Field(default=None, description="name of the country it lies in")
    aliases: Names = Field(default_factory=list)
    identifiers: dict[str, str] = Field(default_factory=dict)
    mentions: Spans = Field(default_factory=list)


class DateInfo(_Model):
    """A date as written and, when it can be resolved, as ISO 8601."""

    start: ISODate | None = None
    end: ISODate | None = None
    text: Text = Field(default=None, description="the date as written")
    precision: DatePrecision | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "DateInfo":
        if self.start and self.end and self.end[:10] < self.start[:10]:
            raise ValueError(f"date end {self.end} is before start {self.start}")
        return self


# One for every quote of a huge article: compact, as Paragraph (its fields-set alone was a
# 728-byte set). (No docstring: it would become the JSON Schema's description.)
@pydantic_dataclass(slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Quote(_Compact):
    # Field() on every required field: pydantic lists the required fields of a dataclass with
    # Field() first in the JSON Schema; so they stay in the model's order
    id: URI = Field()
    text: str = Field(min_length=1, description="without quotation marks")
    kind: QuoteKind = Field()
    speaker: URI | None = Field(default=None, description="actor id")
    speaker_mention: Span | None = None
    cue: Text = Field(default=None, description="'said', 'told', 'according to'")
    spans: Spans = Field(min_length=1)
    addressee: URI | None = Field(default=None, description="actor id")
    via: URI | None = Field(default=None, description="actor id of the relaying outlet")
    via_mention: Span | None = Field(
        default=None,
        description="the words naming the relay: 'according to a recording of the broadcast', 'the AP reported'",
    )
    event: URI | None = Field(default=None, description="event id")
    confidence: Confidence = 1.0

    @model_validator(mode="after")
    def _carriable(self) -> "Quote":
        _check_carriable(self._items())
        return self


class Event(_Model):
    id: URI
    kind: EventKind
    label: Name
    date: DateInfo | None = None
    status: EventStatus = "unknown"
    location: URI | None = Field(default=None, description="place id")
    participants: list[URI] = Field(default_factory=list, description="actor ids")
    mentions: Spans = Field(default_factory=list)
    confidence: Confidence = 1.0


class InvalidArticle(ValidationError, ModelError):
    """An Article that breaks a rule of the model: a ModelError that is also pydantic's
    ValidationError (its ``errors()`` list every problem)."""

    @classmethod
    def of(cls, err: ValidationError) -> "InvalidArticle":
        made = cls.from_exception_data(err.title, err.errors())  # type: ignore[arg-type]  # the same error dicts pydantic gave
        made.what = f"the article breaks a rule of the model: {format_validation_error(err)}"
        made.fix = "fix the field named"
        made.source = None
        return made

    def __str__(self) -> str:
        return ModelError.__str__(self)

    def __reduce__(self) -> tuple:
        # Across processes (batch outcomes) it travels as the plain ModelError it also is.
        return (ModelError, (self.what, self.fix), {"source": self.source})


class Article(_Model):
    id: URI
    headline: Text = None
    kicker: Text = None
    subheadline: Text = Field(default=None, description="standfirst / dek")
    authors: list[URI] = Field(default_factory=list, description="actor ids")
    publisher: URI | None = Field(default=None, description="actor id")
    sources: list[URI] = Field(default_factory=list, description="actor ids of credited agencies")
    url: URI | None = None
    language: LanguageTag | None = None
    published: ISODate | None = None
    modified: ISODate | None = None
    created: ISODate | None = Field(default=None, description="first created, where it differs from published")
    embargoed: ISODate | None = Field(default=None, description="not to be published before")
    dateline: Text = None
    byline: Text = Field(default=None, description="the byline as printed ('By Jane Doe in Oslo')")
    creditline: Text = Field(default=None, description="the credit line as printed")
    slugline: Text = None
    genre: Text = Field(default=None, description="'analysis', 'interview', a genre code")
    urgency: int | None = Field(default=None, ge=1, le=9, description="1 (most urgent) to 9, as agencies rank")
    word_count: int | None = Field(
        default=None, ge=0, description="the story's length in words as the source states it (a wire header)"
    )
    rights: Rights | None = None
    section: Text = None
    body: list[Paragraph] = Field(default_factory=list)
    media: list[Media] = Field(default_factory=list)
    topics: Annotated[list[Topic], BeforeValidator(_topic_entries)] = Field(
        default_factory=list, json_schema_extra=_topics_schema
    )
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    provenance: Provenance | None = None

    def __init__(self, /, **data: Any) -> None:
        # Library callers build articles too: a broken rule is a ModelError naming the field,
        # like the one a reader raises. (pydantic calls this __init__ from model_validate too:
        # the error stays a ValidationError for code that catches that.)
        try:
            super().__init__(**data)
        except InvalidArticle:
            raise
        except ValidationError as err:
            raise InvalidArticle.of(err) from None

    @model_validator(mode="after")
    def _consistent(self) -> "Article":
        problems = list(_reference_problems(self))
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # --- convenience lookups (not serialised) ---

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def part_text(self, span: Span) -> str | None:
        """The whole text a span points into: its paragraph, the headline or the subheadline."""
        if span.part == "headline":
            return self.headline
        if span.part == "subheadline":
            return self.subheadline
        return self.body[span.paragraph].text if span.paragraph < len(self.body) else None

    def span_text(self, span: Span) -> str:
        return (self.part_text(span) or "")[span.start : span.end]

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.body)


def _reference_problems(article: Article) -> list[str]:
    problems: list[str] = []
    actors = {a.id for a in article.actors}
    places = {p.id for p in article.places}
    events = {e.id for e in article.events}

    seen: dict[str, str] = {}
    groups: tuple[tuple[str, Sequence[Actor | Place | Quote | Event]], ...] = (
        ("actors", article.actors),
        ("places", article.places),
        ("quotes", article.quotes),
        ("events", article.events),
    )
    for where, items in groups:
        for i, item in enumerate(items):
            if item.id in seen:
                problems.append(
                    f"{where}[{i}].id {item.id!r} is used twice (also in {seen[item.id]}; give each its own id)"
                )
            seen.setdefault(item.id, f"{where}[{i}]")

    def need(ref: str | None, pool: set[str], where: str, what: str) -> None:
        if ref is not None and ref not in pool:
            problems.append(
                f"{where} {ref!r} is not the id of any {what} in the article (add it to {what}s or fix the id)"
            )

    for i, ref in enumerate(article.authors):
        need(ref, actors, f"authors[{i}]", "actor")
    for i, ref in enumerate(article.sources):
        need(ref, actors, f"sources[{i}]", "actor")
    need(article.publisher, actors, "publisher", "actor")
    for i, a in enumerate(article.actors):
        need(a.affiliation, actors, f"actors[{i}].affiliation", "actor")
        if a.affiliation == a.id:
            problems.append(f"actors[{i}].affiliation points at the actor itself (remove it)")
    for i, q in enumerate(article.quotes):
        need(q.speaker, actors, f"quotes[{i}].speaker", "actor")
        need(q.addressee, actors, f"quotes[{i}].addressee", "actor")
        need(q.via, actors, f"quotes[{i}].via", "actor")
        need(q.event, events, f"quotes[{i}].event", "event")
    for i, e in enumerate(article.events):
        need(e.location, places, f"events[{i}].location", "place")
        for j, ref in enumerate(e.participants):
            need(ref, actors, f"events[{i}].participants[{j}]", "actor")

    def spans(span_list: list[Span], where: str, parts: bool = False) -> None:
        for j, s in enumerate(span_list):
            if s.part is not None:
                _part_problem(article, s, f"{where}[{j}]", parts, problems)
            elif s.paragraph >= len(article.body):
                problems.append(
                    f"{where}[{j}] points at paragraph {s.paragraph}, but the body has "
                    f"{len(article.body)} (fix the span's paragraph index)"
                )
            elif s.end > len(article.body[s.paragraph].text):
                problems.append(
                    f"{where}[{j}] ends at {s.end}, past the end of paragraph {s.paragraph} "
                    f"({len(article.body[s.paragraph].text)} characters; fix the span)"
                )

    for i, a in enumerate(article.actors):
        spans(a.mentions, f"actors[{i}].mentions")
    for i, p in enumerate(article.places):
        spans(p.mentions, f"places[{i}].mentions")
    for i, e in enumerate(article.events):
        spans(e.mentions, f"events[{i}].mentions")
    for i, q in enumerate(article.quotes):
        spans(q.spans, f"quotes[{i}].spans", parts=True)
        if q.speaker_mention is not None:
            spans([q.speaker_mention], f"quotes[{i}].speaker_mention", parts=True)
        if q.via_mention is not None:
            spans([q.via_mention], f"quotes[{i}].via_mention", parts=True)
    return problems


def _part_problem(article: Article, span: Span, where: str, allowed: bool, problems: list[str]) -> None:
    # Mentions of actors, places and events stay in the body (every format marks them up
    # there); quotes and their speakers may point into the headline or subheadline.
    if not allowed:
        problems.append(f"{where} points into the {span.part}; only quotes may (point it into the body)")
        return
    text = article.part_text(span)
    if text is None:
        problems.append(f"{where} points into the {span.part}, but the article has none (add it or fix the span)")
    elif span.end > len(text):
        problems.append(
            f"{where} ends at {span.end}, past the end of the {span.part} ({len(text)} characters; fix the span)"
        )


# --- ids -------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """Fold a name to the key that decides identity: 'Dmitrí  Peskov' -> 'dmitri-peskov'.

    Every script gets a readable ASCII key by transliteration (anyascii: 'Łukasz' ->
    'lukasz', 'Владимир Путин' -> 'vladimir-putin', '習近平' -> 'xijinping'). A name with
    nothing to transliterate gets a short hash of the name itself, so that two different
    names never fall together under one placeholder.
    """
    folded = unicodedata.normalize("NFKC", name)
    folded = re.sub(r"['\u2019\u02bc.]", "", folded)  # U.S. -> us, O'Brien -> obrien
    folded = anyascii(folded.replace("&", " and ")).casefold()
    folded = re.sub(r"['`.]", "", folded)  # apostrophes transliteration brings (ʿ -> `)
    key = re.sub(r"[^0-9a-z]+", "-", folded).strip("-")
    if key:
        return key
    return "n" + hashlib.sha256(name.strip().casefold().encode("utf-8", "surrogatepass")).hexdigest()[:10]


def _join(base: str, *parts: str) -> str:
    # http(s) bases make path-style ids; urn: and other schemes make colon-style ids.
    sep = "/" if re.match(r"^https?:", base, re.I) else ":"
    if not base.endswith(sep):
        base += sep
    return _check_uri(base + sep.join(parts))


def mint_id(kind: str, name: str, base: str = DEFAULT_ID_BASE) -> str:
    """The stable id of an actor or place: same kind and normalised name, same id.

    ``kind`` is an actor kind, or ``"place"`` for places (a place's id does not depend
    on whether one article calls Geneva a city and another a region).
    """
    return _join(base, kind, normalise_name(name))


def mint_article_id(key: str, base: str = DEFAULT_ID_BASE) -> str:
    """An article's id from what identifies it: its URL when known, else its text."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    return _join(base, "article", digest)


def local_id(article_id: str, kind: str, n: int) -> str:
    """Ids of things that live inside one article (quotes, events): '<article>#quote-3'."""
    return f"{article_id.split('#', 1)[0]}#{kind}-{n}"


# --- validation entry point -----------------------------------------------------------


def format_validation_error(err: ValidationError) -> str:
    """One readable line from a pydantic error: the first problem and how many others."""
    items = err.errors(include_url=False)
    first = items[0]
    where = ".".join(str(p) for p in first["loc"]) or "article"
    msg = first["msg"].removeprefix("Value error, ")
    # an unknown key of a Span (a dataclass) is an "unexpected keyword argument"
    if first["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        msg = "is not a field of the model (remove it or check its spelling)"
    elif first["type"] == "dataclass_type":  # a Span or Paragraph: worded as for any model
        msg = f"Input should be a valid dictionary or instance of {first.get('ctx', {}).get('class_name')}"
    elif first["type"] == "missing":
        msg = "is required but missing"
    text = f"{where}: {msg}" if where != "article" else msg
    if len(items) > 1:
        text += f" (and {len(items) - 1} more problem{'s' if len(items) > 2 else ''})"
    return text


def article_from_data(data: Any) -> Article:
    """Validate plain data (parsed JSON) as an Article, raising ModelError on a broken rule."""
    if not isinstance(data, dict):
        raise ModelError(
            f"expected a JSON object for an article, found {type(data).__name__}",
            "give one article object per file, or JSON Lines",
        )
    try:
        return Article.model_validate(data)
    except ValidationError as err:
        raise ModelError(
            format_validation_error(err), "fix the field named, or regenerate the file with newsgraph"
        ) from None


def revalidated(article: Article) -> Article:
    """``article`` validated again: one changed after it was made (``article.body = ...``) may
    break a rule of the model, which would otherwise fail deep inside an exporter, or not at all."""
    try:
        data = article.model_dump(warnings=False)
    except Exception as err:  # noqa: BLE001 - pydantic's serializer on a value of a wrong type
        raise ModelError(
            f"the article holds a value of the wrong type: {err}", "assign values of the types the model declares"
        ) from None
    return Article(**data)


# The lists that grow with an article's length: validated by built_article an item at a time.
_LONG_LISTS = ("body", "actors", "places", "quotes", "events")


def built_article(fields: dict[str, Any]) -> Article:
    """The Article whose fields are ``fields`` (``dict(article)`` of one built with model_copy,
    which does not validate), checked by every rule of the model: the same Article and the same
    errors as ``Article.model_validate(article.model_dump())``.

    That holds the article's dump and its validated copy at once, next to the article: for one
    at the input limit, gigabytes. Here the long lists are validated an item at a time, each
    item let go once its copy is made, then the Article from the validated items (pydantic
    takes instances as they are), so that only its own rules run again. ``fields`` is emptied:
    the caller keeps no other reference to the article, or nothing is let go. (A broken rule of
    the Article itself, such as a reference, echoes as its input the items as validated: spans
    in order, blanks absent.)
    """
    checked: dict[str, list[Any]] = {}
    for n, name in enumerate(_LONG_LISTS):
        pending = list(fields.pop(name, None) or ())  # a copy: the list may be another article's too
        out: list[Any] = []
        for i, item in enumerate(pending):
            pending[i] = None
            try:
                out.append(_validated(item))
            except ValidationError:
                # the plain way, for its errors (the items checked so far are valid either way)
                later = {k: list(fields.pop(k, None) or ()) for k in _LONG_LISTS[n + 1 :]}
                return _from_lists(fields, {**checked, name: [*out, item, *pending[i + 1 :]], **later}, dump=True)
        checked[name] = out
    return _from_lists(fields, checked, dump=False)


def _dumped(item: Any) -> Any:
    # an item as model_dump() dumps it (models and compact dataclasses)
    return item.model_dump() if isinstance(item, (BaseModel, _Compact)) else item


def _validated(item: Any) -> Any:
    # made anew from its dump: pydantic takes a model or a dataclass instance as it is
    return type(item).model_validate(item.model_dump()) if isinstance(item, (BaseModel, _Compact)) else item


def _from_lists(fields: dict[str, Any], lists: dict[str, list[Any]], dump: bool) -> Article:
    # The other fields dumped as model_dump() dumps them, all in the model's order.
    # (the lists given empty: model_construct would call their default factories, slowly)
    empty: dict[str, Any] = {k: [] for k in _LONG_LISTS}
    other = Article.model_construct(**{**fields, **empty}).model_dump(exclude=set(_LONG_LISTS))
    fields.clear()

    def data(dumped: bool) -> dict[str, Any]:
        def items(k: str) -> list[Any]:
            return [_dumped(x) for x in lists[k]] if dumped else lists[k]

        return {k: items(k) if k in lists else other[k] for k in Article.model_fields}

    if dump:
        return Article.model_validate(data(True))
    try:
        return Article.model_validate(data(False))
    except ValidationError:
        # a rule of the Article itself (references, spans past a paragraph's end): raised again
        # from the dumped data, so that the error reads as the plain way's
        return Article.model_validate(data(True))
