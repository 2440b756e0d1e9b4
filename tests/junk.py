"""Hypothesis strategies for documents that are well-formed but wrong, per readable format.

``JUNK[name]`` draws bytes that look like format ``name`` (the right syntax, the right kind
of element and key names, values of every wrong kind) but are not what its reader expects:
NewsML-like XML of random elements and attributes, HTML with scripts and broken nesting,
JSON-LD and ninjs shaped junk, model-shaped JSON, JSON Lines mixing all of them, raw text
with odd line endings and encodings. ``damaged(name)`` takes a real export of a generated
article and breaks its bytes. Used by tests/test_hardening.py (a few examples in CI) and by
bench/fuzz.py (hundreds of thousands).
"""

from __future__ import annotations

import codecs
import json
from typing import Any, Callable

from hypothesis import strategies as st
from lxml import etree

from newsgraph import model
from newsgraph.newsml_terms import NAR, NG, NITF, XHTML

from strategies import _ALPHABET, articles, hostile_text

# --- values ---------------------------------------------------------------------------------

_ODD_VALUES = (
    "",
    " ",
    "x",
    "-1",
    "0",
    "1e9",
    "NaN",
    "999999999999",
    "0.5",
    "true",
    "urn:x",
    "urn:newsgraph:person:jane-doe",
    "urn:newsgraph:article:1#quote-1",
    "http://example.org/a",
    "https://schema.org/Person",
    "file:///etc/passwd",
    "http://127.0.0.1:9/x",
    "javascript:alert(1)",
    "2025-13-45",
    "2021-06-16",
    "2021-06-16T09:30:00Z",
    "2021-06-16T25:61",
    "2023-07",
    "-0001-01-01",
    "en",
    "en-GB",
    "not a tag",
    "ninat:text",
    "ninat:picture",
    "cpnat:person",
    "cpnat:geoArea",
    "ngrel:cue",
    "ngquote:direct",
    "nonsense:x",
    "0:0:1",
    "1:5:2",
    "text/html",
    "text/plain",
    "application/nitf+xml",
    "newsgraph",
    "3.1",
    "2.35",
    "Ann Lee",
    "By Ann Lee and Bo Chen",
)
# XML-safe text: what lxml lets us put into a tree.
_xml_text = st.one_of(st.sampled_from(_ODD_VALUES), st.text(_ALPHABET, max_size=12), hostile_text(max_pieces=3))
# JSON strings may hold anything, escaped: control characters and lone surrogates too.
_json_text = st.one_of(_xml_text, st.text(max_size=12))
_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**12), st.floats(allow_nan=False), _json_text)


def _json_values(keys: st.SearchStrategy[str], max_leaves: int = 25) -> st.SearchStrategy[Any]:
    return st.recursive(
        _json_scalar,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
        max_leaves=max_leaves,
    )


def _dumps(doc: Any) -> bytes:
    # ASCII escapes (\u0001, \ud800) where the text needs them, raw UTF-8 otherwise: how
    # most documents arrive. A lone surrogate could only be written as invalid UTF-8.
    text = json.dumps(doc, ensure_ascii=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(doc).encode("ascii")


# --- JSON: newsgraph's model, ninjs, JSON-LD --------------------------------------------------


def _model_keys() -> list[str]:
    keys: set[str] = set()
    for cls in (
        model.Article,
        model.Paragraph,
        model.Span,
        model.Actor,
        model.Place,
        model.Quote,
        model.Event,
        model.DateInfo,
        model.Media,
        model.Provenance,
        model.RemovedText,
    ):
        keys.update(cls.__pydantic_fields__)  # Span is a pydantic dataclass: no model_fields
    return sorted(keys)


_MODEL_KEYS = st.sampled_from(_model_keys())


@st.composite
def _perturbed_article(draw: st.DrawFn) -> Any:
    """A valid article's JSON with one to three values replaced, dropped or added."""
    doc = draw(articles()).model_dump()
    for _ in range(draw(st.integers(1, 3))):
        holder: Any = doc
        while True:  # walk down to a random container
            children = list(holder.items()) if isinstance(holder, dict) else list(enumerate(holder))
            nested = [(k, v) for k, v in children if isinstance(v, (dict, list)) and v]
            if not nested or draw(st.integers(0, 2)) == 0:
                break
            holder = draw(st.sampled_from(nested))[1]
        keys = list(holder) if isinstance(holder, dict) else list(range(len(holder)))
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "add" or not keys:
            if isinstance(holder, dict):
                holder[draw(st.one_of(_MODEL_KEYS, _json_text))] = draw(_json_values(_MODEL_KEYS, 5))
            else:
                holder.append(draw(_json_values(_MODEL_KEYS, 5)))
        elif action == "drop":
            del holder[draw(st.sampled_from(keys))]
        else:
            holder[draw(st.sampled_from(keys))] = draw(_json_values(_MODEL_KEYS, 5))
    return doc


model_documents = st.one_of(st.builds(_dumps, _perturbed_article()), st.builds(_dumps, _json_values(_MODEL_KEYS)))

NINJS_KEYS = st.sampled_from(
    [
        "uri",
        "type",
        "standard",
        "version",
        "headlines",
        "headline",
        "bodies",
        "body_html",
        "body_text",
        "descriptions",
        "by",
        "byline",
        "people",
        "person",
        "organisations",
        "places",
        "events",
        "subjects",
        "infoSources",
        "infosources",
        "associations",
        "renditions",
        "firstCreated",
        "versionCreated",
        "versioncreated",
        "language",
        "located",
        "eventDetails",
        "dates",
        "startDate",
        "name",
        "value",
        "role",
        "rel",
        "contentType",
        "contenttype",
        "contactInfo",
        "address",
        "country",
        "href",
        "scheme",
        "code",
        "title",
        "$standard",
        "schema",
        "geoJSON",
        "literal",
        "altids",
        "genre",
        "copyrightholder",
    ]
)
_NINJS_BODIES = st.lists(
    st.fixed_dictionaries(
        {
            "value": st.one_of(
                _json_text,
                st.builds(lambda t: f"<p>{t}</p><script>x</script>", _json_text),
                st.sampled_from(
                    [
                        "<p>a&#1;b</p>",
                        "<q data-quote='urn:q:1'>q</q>",
                        "<p><p><p>",
                        "<?xml version='1.0' encoding='latin-1'?><p>x</p>",
                        "<span data-actor='urn:a' data-span='x'>a</span>",
                    ]
                ),
            )
        },
        optional={
            "contentType": st.sampled_from(["text/html", "text/plain", "application/xhtml+xml"]),
            "role": _json_text,
        },
    ),
    max_size=2,
)
ninjs_documents = st.builds(
    lambda base, extra: _dumps({**base, **extra}),
    st.fixed_dictionaries(
        {"uri": st.one_of(st.sampled_from(["urn:x:a", "http://example.org/n", "not a uri"]), _json_text)},
        optional={"bodies": _NINJS_BODIES, "headlines": _json_values(NINJS_KEYS, 8)},
    ),
    st.dictionaries(NINJS_KEYS, _json_values(NINJS_KEYS), max_size=6),
)

_LD_KEYS = st.sampled_from(
    [
        "@id",
        "@type",
        "@graph",
        "@value",
        "@language",
        "@list",
        "@set",
        "@reverse",
        "@index",
        "@context",
        "headline",
        "name",
        "articleBody",
        "author",
        "publisher",
        "datePublished",
        "dateModified",
        "mentions",
        "about",
        "hasPart",
        "text",
        "creator",
        "spokenByCharacter",
        "isPartOf",
        "location",
        "startDate",
        "endDate",
        "attendee",
        "url",
        "image",
        "inLanguage",
        "keywords",
        "articleSection",
        "dateline",
        "alternativeHeadline",
        "description",
        "sourceOrganization",
        "contentLocation",
        "identifier",
        "sameAs",
        "position",
        "schemaVersion",
        "additionalType",
        "caption",
        "creditText",
        "contentUrl",
        "affiliation",
        "jobTitle",
        "gender",
        "address",
        "addressCountry",
        "containedInPlace",
        "eventStatus",
        "cssSelector",
        "mainEntityOfPage",
        "observationAbout",
        "variableMeasured",
        "value",
    ]
)
_LD_TYPES = st.sampled_from(
    [
        "NewsArticle",
        "ReportageNewsArticle",
        "Article",
        "Person",
        "Organization",
        "Place",
        "City",
        "Country",
        "Event",
        "Quotation",
        "ImageObject",
        "WebPageElement",
        "Observation",
        "PropertyValue",
        "Thing",
        "Bogus",
        "schema:NewsArticle",
        "http://schema.org/NewsArticle",
        "_:b0",
        "@id",
    ]
)
_LD_CONTEXTS = st.sampled_from(
    [
        "https://schema.org",
        "http://schema.org",
        "https://schema.org/",
        {"@vocab": "https://schema.org/"},
        ["https://schema.org", {"x": "http://example.org/x"}],
        {"@vocab": "http://example.org/"},
        {"schema": "https://schema.org/", "@vocab": "https://schema.org/"},
        {"@base": "file:///etc/"},
        "https://example.com/ctx.jsonld",
        "http://127.0.0.1:9/ctx",
        {"@import": "https://example.com/c"},
        {"headline": {"@id": "https://schema.org/headline", "@type": "@id"}},
        None,
        [],
        {},
        7,
    ]
)


@st.composite
def _ld_node(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": draw(st.one_of(_LD_TYPES, st.lists(_LD_TYPES, max_size=2)))}
    if draw(st.booleans()):
        node["@id"] = draw(st.one_of(st.sampled_from(["_:b0", "_:b1", "urn:x:1", "urn:x:2"]), _json_text))
    for key in draw(st.lists(_LD_KEYS, max_size=6, unique=True)):
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            node[key] = draw(st.one_of(_ld_node(depth + 1), st.lists(_ld_node(depth + 1), max_size=2)))
        else:
            node[key] = draw(_json_values(_LD_KEYS, 6))
    return node


@st.composite
def _jsonld_document(draw: st.DrawFn) -> Any:
    doc: dict[str, Any] = {}
    if draw(st.integers(0, 4)):
        # Mostly schema.org, so that the reader gets past the context to the graph.
        doc["@context"] = draw(st.one_of(st.just("https://schema.org"), _LD_CONTEXTS))
    article = draw(_ld_node())
    if draw(st.integers(0, 3)):
        article["@type"] = draw(st.sampled_from(["NewsArticle", "ReportageNewsArticle", ["NewsArticle", "Bogus"]]))
    if draw(st.booleans()):
        doc["@graph"] = [article, *draw(st.lists(_ld_node(), max_size=3))]
    else:
        doc.update(article)
    return doc


jsonld_documents = st.builds(_dumps, _jsonld_document())

# --- JSON Lines and raw text ---------------------------------------------------------------------

_RAW_RECORDS = st.builds(
    lambda text, extra: _dumps({"text": text, **extra}),
    hostile_text(),
    st.dictionaries(
        st.sampled_from(["id", "published", "modified", "url", "publisher", "language", "body", "extra"]),
        _json_scalar,
        max_size=3,
    ),
)


@st.composite
def jsonl_documents(draw: st.DrawFn) -> bytes:
    lines = draw(
        st.lists(
            st.one_of(
                _RAW_RECORDS,
                model_documents,
                ninjs_documents,
                jsonld_documents,
                st.sampled_from([b"", b"{", b"[]", b"null", b"  ", b"{}{}"]),
            ),
            min_size=1,
            max_size=4,
        )
    )
    return draw(st.sampled_from([b"\n", b"\r\n"])).join(lines)


@st.composite
def text_documents(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.one_of(hostile_text(), st.text(max_size=30), st.just("")), min_size=1, max_size=8))
    out = ""
    for line in lines:
        out += line + draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028", "\x0c"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1"]))
    return out.encode(encoding, "replace")


# --- XML: NewsML-G2-like ------------------------------------------------------------------------

_NAR_TAGS = (
    "newsItem",
    "newsMessage",
    "itemSet",
    "header",
    "catalogRef",
    "catalog",
    "scheme",
    "rightsInfo",
    "itemMeta",
    "itemClass",
    "provider",
    "versionCreated",
    "firstCreated",
    "pubStatus",
    "generator",
    "title",
    "edNote",
    "link",
    "contentMeta",
    "contentCreated",
    "contentModified",
    "located",
    "creator",
    "contributor",
    "infoSource",
    "subject",
    "name",
    "definition",
    "related",
    "sameAs",
    "broader",
    "type",
    "keyword",
    "language",
    "headline",
    "description",
    "dateline",
    "creditline",
    "assert",
    "inlineRef",
    "partMeta",
    "role",
    "contentSet",
    "inlineXML",
    "inlineData",
    "remoteContent",
    "eventDetails",
    "dates",
    "start",
    "end",
    "location",
    "participant",
    "POIDetails",
    "position",
    "contentMetaExtProperty",
    "partMetaExtProperty",
    "altId",
)
_NITF_TAGS = (
    "nitf",
    "head",
    "body",
    "body.head",
    "hedline",
    "hl1",
    "hl2",
    "byline",
    "body.content",
    "block",
    "p",
    "person",
    "org",
    "location",
    "event",
    "q",
    "bq",
    "media",
    "media-caption",
    "ul",
    "li",
    "table",
    "tr",
    "td",
    "body.end",
    "tagline",
    "note",
    "br",
)
_XHTML_TAGS = ("html", "head", "body", "p", "h1", "h2", "blockquote", "ul", "li", "span", "q", "script")
_ATTRS = (
    "uri",
    "qcode",
    "literal",
    "role",
    "type",
    "contenttype",
    "guid",
    "version",
    "standard",
    "standardversion",
    "rel",
    "href",
    "value",
    "confidence",
    "alias",
    "location-code",
    "idsrc",
    "tag",
    "offset",
    "id",
    "idref",
    "conformance",
    "format",
    "size",
    "width",
    "reason",
    "affiliation",
)
_NG_ATTRS = ("value", "text", "quote", "precision", "part", "offset", "key", "confidence", "span")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@st.composite
def _xml_element(draw: st.DrawFn, parent: etree._Element, depth: int) -> None:
    namespace, tags = draw(
        st.sampled_from(
            [
                (NAR, _NAR_TAGS),
                (NAR, _NAR_TAGS),
                (NITF, _NITF_TAGS),
                (XHTML, _XHTML_TAGS),
                (NG, ("provenance", "note", "removed")),
                ("", ("x", "newsItem", "nitf")),
            ]
        )
    )
    tag = draw(st.sampled_from(tags))
    el = etree.SubElement(parent, f"{{{namespace}}}{tag}" if namespace else tag)
    for attr in draw(st.lists(st.sampled_from(_ATTRS), max_size=3, unique=True)):
        el.set(attr, draw(_xml_text))
    if draw(st.integers(0, 4)) == 0:
        el.set(f"{{{NG}}}{draw(st.sampled_from(_NG_ATTRS))}", draw(_xml_text))
    if draw(st.integers(0, 6)) == 0:
        el.set(_XML_LANG, draw(st.sampled_from(["en", "de-AT", "x", "", "not a tag"])))
    if draw(st.booleans()):
        el.text = draw(_xml_text)
    if draw(st.booleans()):
        el.tail = draw(_xml_text)
    if depth < 4:
        for _ in range(draw(st.integers(0, 4 - depth))):
            draw(_xml_element(el, depth + 1))


def _nar(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{NAR}}}{tag}", attrs)


@st.composite
def _news_item(draw: st.DrawFn, parent: etree._Element | None) -> etree._Element:
    """A newsItem skeleton (itemMeta, contentMeta, an inline NITF body) filled with junk."""
    tag = draw(st.sampled_from(["newsItem"] * 12 + ["packageItem", "conceptItem"]))
    item = (
        etree.Element(f"{{{NAR}}}{tag}", nsmap={None: NAR, "nitf": NITF, "ng": NG})
        if parent is None
        else _nar(parent, tag)
    )
    # Mostly what a real item has, so that the reader gets past the envelope to the content.
    for attr, values in (
        ("guid", ["urn:x:1"] * 4 + ["not a uri", ""]),
        ("version", ["1", "x"]),
        ("standard", ["NewsML-G2"]),
        ("standardversion", ["2.35"] * 4 + ["3.0", "", "2"]),
    ):
        if draw(st.integers(0, 5)):
            item.set(attr, draw(st.sampled_from(values)))
    meta = _nar(item, "itemMeta")
    _nar(
        meta,
        "itemClass",
        qcode=draw(
            st.sampled_from(["ninat:text"] * 4 + ["ninat:composite", "ninat:picture", "ninat:x", "cinat:concept", ""])
        ),
    )
    if draw(st.booleans()):
        etree.SubElement(meta, f"{{{NAR}}}generator").text = draw(st.sampled_from(["newsgraph", "other"]))
    content_meta = _nar(item, "contentMeta")
    inline = _nar(
        _nar(item, "contentSet"),
        "inlineXML",
        contenttype=draw(st.sampled_from(["application/nitf+xml", "application/xhtml+xml", "text/plain", ""])),
    )
    body = etree.SubElement(
        etree.SubElement(etree.SubElement(inline, f"{{{NITF}}}nitf"), f"{{{NITF}}}body"), f"{{{NITF}}}body.content"
    )
    for container in (meta, content_meta, content_meta, body, body, item):
        for _ in range(draw(st.integers(0, 3))):
            draw(_xml_element(container, 2))
    return item


@st.composite
def newsml_documents(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 3)):
        root = draw(_news_item(None))
    else:
        root = etree.Element(f"{{{NAR}}}newsMessage", nsmap={None: NAR, "nitf": NITF, "ng": NG})
        item_set = _nar(root, "itemSet")
        for _ in range(draw(st.integers(0, 2))):
            draw(_news_item(item_set))
    if draw(st.integers(0, 3)) == 0:
        draw(_xml_element(root, 1))
    return etree.tostring(
        root, xml_declaration=True, encoding=draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "iso-8859-1"]))
    )


# --- XML: standalone NITF and NewsML 1.x -------------------------------------------------------

_NITF_META_TAGS = (
    "title",
    "meta",
    "tobject",
    "tobject.subject",
    "docdata",
    "doc-id",
    "urgency",
    "date.issue",
    "date.release",
    "doc.copyright",
    "key-list",
    "keyword",
    "identified-content",
    "person",
    "org",
    "location",
    "classifier",
    "du-key",
)
_NITF_BODY_TAGS = (
    "hedline",
    "hl1",
    "hl2",
    "byline",
    "distributor",
    "dateline",
    "story.date",
    "abstract",
    "p",
    "pre",
    "q",
    "person",
    "org",
    "location",
    "block",
    "tagline",
    "note",
    "body.content",
    "br",
)
_NITF_ATTRS = (
    "id-string",
    "norm",
    "ed-urg",
    "tobject.subject.refnum",
    "tobject.subject.code",
    "tobject.subject.matter",
    "key",
    "name",
    "content",
    "holder",
    "year",
    "management-status",
    "baselang",
    "value",
    "type",
    "id",
)
_NEWSML1_TAGS = (
    "NewsEnvelope",
    "Priority",
    "NewsItem",
    "Identification",
    "NewsIdentifier",
    "PublicIdentifier",
    "NewsItemId",
    "NameLabel",
    "NewsManagement",
    "FirstCreated",
    "ThisRevisionCreated",
    "NewsComponent",
    "Role",
    "NewsLines",
    "HeadLine",
    "SubHeadLine",
    "ByLine",
    "DateLine",
    "CreditLine",
    "CopyrightLine",
    "SlugLine",
    "DescriptiveMetadata",
    "Language",
    "Genre",
    "SubjectCode",
    "SubjectMatter",
    "TopicSet",
    "Topic",
    "FormalName",
    "Description",
    "ContentItem",
    "MediaType",
    "Format",
    "DataContent",
    "nitf",
    "p",
)
_NEWSML1_ATTRS = ("FormalName", "Scheme", "Variant", "Href", "Duid", "Value", "Essential")
_DATES = st.sampled_from(
    ["20260101T120000Z", "20260101T1200+0100", "YYYYMMDD000000-HHMM", "2026-01-01", "20261345T999999", "", "x"]
)


def _junk_children(
    draw: st.DrawFn, parent: etree._Element, tags: tuple[str, ...], attrs: tuple[str, ...], ns: str, depth: int
) -> None:
    for _ in range(draw(st.integers(0, 4 - depth))):
        tag = draw(st.sampled_from(tags))
        el = etree.SubElement(parent, f"{{{ns}}}{tag}" if ns else tag)
        for attr in draw(st.lists(st.sampled_from(attrs), max_size=3, unique=True)):
            el.set(attr, draw(st.one_of(_xml_text, _DATES)))
        if draw(st.booleans()):
            el.text = draw(st.one_of(_xml_text, _DATES))
        if draw(st.booleans()):
            el.tail = draw(_xml_text)
        if depth < 3:
            _junk_children(draw, el, tags, attrs, ns, depth + 1)


def _serialise(draw: st.DrawFn, root: etree._Element, doctype: str) -> bytes:
    data = etree.tostring(
        root, xml_declaration=True, encoding=draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "iso-8859-1"]))
    )
    if draw(st.integers(0, 3)) == 0 and data.startswith(b"<?xml"):  # an external DTD named, as agencies do
        end = data.index(b"?>") + 2
        data = data[:end] + f'\n<!DOCTYPE {doctype} SYSTEM "http://127.0.0.1:9/{doctype}.dtd">'.encode() + data[end:]
    return data


@st.composite
def nitf_documents(draw: st.DrawFn) -> bytes:
    ns = draw(st.sampled_from([NITF, ""]))
    q = (lambda t: f"{{{ns}}}{t}") if ns else (lambda t: t)
    root = etree.Element(q("nitf"), nsmap={None: ns} if ns else None)
    head = etree.SubElement(root, q("head"))
    _junk_children(draw, etree.SubElement(head, q("docdata")), _NITF_META_TAGS, _NITF_ATTRS, ns, 1)
    _junk_children(draw, head, _NITF_META_TAGS, _NITF_ATTRS, ns, 1)
    body = etree.SubElement(root, q("body"))
    _junk_children(draw, etree.SubElement(body, q("body.head")), _NITF_BODY_TAGS, _NITF_ATTRS, ns, 1)
    _junk_children(draw, etree.SubElement(body, q("body.content")), _NITF_BODY_TAGS, _NITF_ATTRS, ns, 0)
    return _serialise(draw, root, "nitf")


@st.composite
def newsml1_documents(draw: st.DrawFn) -> bytes:
    root = etree.Element("NewsML")
    for _ in range(draw(st.integers(0, 2))):
        item = etree.SubElement(root, "NewsItem")
        _junk_children(draw, item, _NEWSML1_TAGS, _NEWSML1_ATTRS, "", 0)
        component = etree.SubElement(item, "NewsComponent")
        content = etree.SubElement(etree.SubElement(component, "ContentItem"), "DataContent")
        content.text = draw(st.one_of(_xml_text, st.just("<p>The council met.</p>")))
        _junk_children(draw, component, _NEWSML1_TAGS, _NEWSML1_ATTRS, "", 1)
    return _serialise(draw, root, "NewsML")


@st.composite
def wire_documents(draw: st.DrawFn) -> bytes:
    """IPTC 7901 / ANPA 1312 framing around junk lines: SOH, header, STX, text, ETX, trailer."""

    def lines(n: int) -> str:
        return draw(st.sampled_from(["\r\n", "\n"])).join(
            draw(
                st.lists(
                    st.one_of(
                        hostile_text(max_pieces=2),
                        st.text(max_size=30),
                        st.sampled_from(
                            [
                                "^By X=",
                                "^Eds: x<",
                                "^BC-x",
                                "REFILE",
                                "By A =",
                                "* * *",
                                "not intended for publication",
                                "\t   x<",
                                "",
                            ]
                        ),
                    ),
                    max_size=n,
                )
            )
        )

    start = draw(st.sampled_from(["\x01", "\x16\x16\x01"]))
    header = draw(st.sampled_from(["eca0003 3 i 380  dpa 0045", "r z\x13\x11 BC-X--Y 1stLd   02-20 0500", "", "x"]))
    text = (
        start
        + header
        + "\r\n"
        + lines(3)
        + draw(st.sampled_from(["\x02", ""]))
        + lines(8)
        + draw(st.sampled_from(["\x03", ""]))
        + lines(2)
    )
    return text.encode(draw(st.sampled_from(["utf-8", "latin-1"])), "replace")


# --- HTML ---------------------------------------------------------------------------------------

_HTML_TAGS = (
    "html",
    "head",
    "body",
    "title",
    "meta",
    "link",
    "article",
    "main",
    "section",
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "span",
    "a",
    "script",
    "style",
    "iframe",
    "noscript",
    "figure",
    "img",
    "figcaption",
    "table",
    "tr",
    "td",
    "ul",
    "ol",
    "li",
    "blockquote",
    "br",
    "time",
    "header",
    "footer",
    "nav",
    "aside",
    "template",
    "svg",
    "math",
    "form",
    "input",
    "object",
    "embed",
    "video",
    "base",
    "frame",
)
_HTML_ATTRS = (
    "class",
    "id",
    "href",
    "src",
    "data-src",
    "content",
    "name",
    "property",
    "rel",
    "lang",
    "type",
    "datetime",
    "itemprop",
    "itemtype",
    "alt",
    "srcdoc",
    "style",
    "onload",
    "charset",
    "http-equiv",
)
_HTML_TEXT = st.one_of(
    _xml_text,
    st.text(max_size=20),
    st.sampled_from(
        [
            "&amp;",
            "&#1;",
            "&#xD800;",
            "&#0;",
            "&#xFFFE;",
            "&bogus;",
            "&#99999999;",
            "]]>",
            "<!--",
            "-->",
            "<![CDATA[x]]>",
            "<?php x ?>",
            "</",
            "<",
            "The council approved the new footbridge on a vote of seven to two last night, officials said.",
            '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}',
            "<script>fetch('http://127.0.0.1:9/')</script>",
            "<iframe src='http://127.0.0.1:9/'></iframe>",
        ]
    ),
)


@st.composite
def _html_fragment(draw: st.DrawFn, depth: int) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        tag = draw(st.sampled_from(_HTML_TAGS))
        attrs = "".join(
            f' {a}="{draw(_HTML_TEXT)}"' if draw(st.booleans()) else f" {a}={draw(_HTML_TEXT)}"
            for a in draw(st.lists(st.sampled_from(_HTML_ATTRS), max_size=3, unique=True))
        )
        inner = draw(_html_fragment(depth + 1))
        close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", f"</{tag.upper()}  >"]))
        parts.append(f"<{tag}{attrs}>{inner}{close}")
    parts.append(draw(_HTML_TEXT))
    return "".join(draw(st.permutations(parts)))


@st.composite
def html_documents(draw: st.DrawFn) -> bytes:
    head = draw(
        st.sampled_from(
            [
                "",
                "<!DOCTYPE html>",
                "<!doctype html><!-- x -->",
                "\ufeff",
                "<?xml version='1.0'?><!DOCTYPE html SYSTEM 'http://127.0.0.1:9/x.dtd'>",
            ]
        )
    )
    page = (
        head + "<html><head>" + draw(_html_fragment(2)) + "</head><body>" + draw(_html_fragment(1)) + "</body></html>"
    )
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "windows-1252", "shift_jis"]))
    if encoding not in ("utf-8", "utf-16"):
        page = page.replace("<head>", f"<head><meta charset='{encoding}'>", 1)
    return page.encode(encoding, "replace")


# --- damaged exports --------------------------------------------------------------------------------

_INSERTS = st.sampled_from(
    [
        b"\x00",
        b"\xff\xfe",
        b"\xed\xa0\x80",
        b"\xc3",
        b"\x01",
        b"<",
        b"&",
        b"&#1;",
        b"]]>",
        b'"',
        b"{",
        b"}",
        b"[",
        b"\\",
        b"\\u0000",
        b"\\ud800",
        b"\n",
        b"\r",
        b"<!DOCTYPE x>",
        b'<!ENTITY e SYSTEM "file:///etc/passwd">',
        b"&e;",
        codecs.BOM_UTF8,
    ]
)


@st.composite
def damage(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` truncated, cut, duplicated or with odd bytes inserted, one to three times."""
    for _ in range(draw(st.integers(1, 3))):
        if not data:
            break
        # A position anywhere: sampled_from draws uniformly, integers() favours small ones.
        at = draw(st.sampled_from(range(len(data) + 1)))
        action = draw(st.sampled_from(["truncate", "insert", "delete", "duplicate", "flip"]))
        if action == "truncate":
            data = data[: max(at, 1)]
        elif action == "insert":
            data = data[:at] + draw(_INSERTS) + data[at:]
        elif action == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 50)) :]
        elif action == "duplicate":
            data = data[:at] + data[at : at + draw(st.integers(1, 200))] + data[at:]
        elif at < len(data):
            data = data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1 :]
    return data


@st.composite
def damaged(draw: st.DrawFn, name: str) -> bytes:
    """A real export (or a junk document, for formats newsgraph does not write), damaged."""
    from newsgraph import export, formats

    fmt = formats.get(name)
    base = export(draw(articles()), to=name).encode("utf-8") if fmt.writable else draw(JUNK[name])
    return draw(damage(base))


# --- feeds: RSS, RDF, Atom, WXR and JSON Feed skeletons filled with junk ----------------------

_ATOM = "http://www.w3.org/2005/Atom"
_RSS10 = "http://purl.org/rss/1.0/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_FEED_NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
    "wp": "http://wordpress.org/export/1.2/",
}
_ITEM_TAGS = (
    "title",
    "link",
    "guid",
    "description",
    "pubDate",
    "category",
    "enclosure",
    "author",
    "content:encoded",
    "dc:creator",
    "dc:date",
    "media:content",
    "media:thumbnail",
    "media:credit",
    "wp:post_type",
    "wp:post_id",
    "wp:attachment_url",
    "wp:postmeta",
    "summary",
    "content",
    "id",
    "updated",
    "published",
)
_FEED_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "x",
            "https://x.example/a",
            "/relative",
            "Tue, 04 Mar 2025 18:40:00 -0500",
            "2025-03-04T18:40:00Z",
            "not a date",
            "0001-01-01T00:00:00Z",
            "attachment",
            "post",
            "<p>Some <b>HTML</b></p>",
            "&lt;p&gt;x",
            "[caption]Boats[/caption]",
            "image/jpeg",
            "a<br><br>b",
        ]
    ),
    _xml_text,
)


@st.composite
def _feed_child(draw: st.DrawFn, parent: etree._Element, namespace: str | None) -> None:
    name = draw(st.sampled_from(_ITEM_TAGS))
    prefix, _, local = name.rpartition(":")
    ns = _FEED_NS.get(prefix) if prefix else namespace
    el = etree.SubElement(parent, f"{{{ns}}}{local}" if ns else local)
    for attr in draw(
        st.lists(
            st.sampled_from(
                ("url", "href", "type", "length", "domain", "term", "scheme", "label", "rel", "isPermaLink", "medium")
            ),
            max_size=3,
            unique=True,
        )
    ):
        el.set(attr, draw(_FEED_VALUES))
    if draw(st.booleans()):
        el.text = draw(_FEED_VALUES)
    if local in ("postmeta", "content") and draw(st.booleans()):
        draw(_feed_child(el, namespace))


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    """An RSS 2.0, RSS 1.0 or Atom skeleton whose items hold junk."""
    kind = draw(st.sampled_from(["rss", "rss", "atom", "rdf"]))
    if kind == "rss":
        root = etree.Element("rss", nsmap=_FEED_NS)
        root.set("version", draw(st.sampled_from(["2.0", "0.91", "x"])))
        holder, ns, item_tag = etree.SubElement(root, "channel"), None, "item"
    elif kind == "atom":
        root = etree.Element(f"{{{_ATOM}}}feed", nsmap={None: _ATOM, **_FEED_NS})
        holder, ns, item_tag = root, _ATOM, f"{{{_ATOM}}}entry"
    else:
        root = etree.Element(f"{{{_RDF}}}RDF", nsmap={"rdf": _RDF, None: _RSS10, **_FEED_NS})
        etree.SubElement(etree.SubElement(root, f"{{{_RSS10}}}channel"), f"{{{_RSS10}}}title").text = "C"
        holder, ns, item_tag = root, _RSS10, f"{{{_RSS10}}}item"
    for _ in range(draw(st.integers(0, 3))):
        item = etree.SubElement(holder, item_tag)
        for _ in range(draw(st.integers(0, 6))):
            draw(_feed_child(item, ns))
    return etree.tostring(root, xml_declaration=draw(st.booleans()), encoding="utf-8")


json_feed_documents = st.fixed_dictionaries(
    {"version": st.sampled_from(["https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1"])},
    optional={
        "title": _FEED_VALUES,
        "language": st.sampled_from(["en", "x y", ""]),
        "items": st.lists(
            st.one_of(
                st.dictionaries(
                    st.sampled_from(
                        [
                            "id",
                            "url",
                            "title",
                            "content_html",
                            "content_text",
                            "date_published",
                            "tags",
                            "authors",
                            "image",
                            "attachments",
                            "summary",
                        ]
                    ),
                    st.one_of(_FEED_VALUES, st.lists(_FEED_VALUES, max_size=2), st.integers(), st.none()),
                ),
                _FEED_VALUES,
            ),
            max_size=3,
        ),
    },
).map(lambda doc: json.dumps(doc).encode())


# --- deep nesting: around and far beyond every recursion limit ----------------------------------

_DEPTHS = st.sampled_from([50, 255, 257, 900, 1100, 3000, 20_000])


@st.composite
def _deep_json(draw: st.DrawFn, wrap: Callable[[str], str]) -> bytes:
    """JSON nested ``depth`` deep (text built directly: json.dumps itself would recurse)."""
    depth = draw(_DEPTHS)
    key = draw(st.sampled_from(["a", "body", "@graph", "about", "headlines", "mentions", "value"]))
    opener, closer = draw(st.sampled_from([("[", "]"), (f'{{"{key}":', "}"), (f'[{{"{key}":', "}]")]))
    return wrap(opener * depth + '"x"' + closer * depth).encode()


@st.composite
def _deep_markup(draw: st.DrawFn, xml: bool) -> bytes:
    depth = draw(_DEPTHS)
    tag = draw(st.sampled_from(["p", "div", "q", "span", "blockquote", "assert", "nitf:p"]))
    inner = f"<{tag}>" * depth + "The council approved the footbridge on a vote of seven to two." + f"</{tag}>" * depth
    if xml:
        return (
            f"<newsItem xmlns='{NAR}' xmlns:nitf='{NITF}' guid='urn:x:1' standardversion='2.35'>"
            f"<itemMeta><itemClass qcode='ninat:text'/></itemMeta><contentSet><inlineXML>{inner}"
            "</inlineXML></contentSet></newsItem>"
        ).encode()
    return f"<html><body><article>{inner}</article></body></html>".encode()


def _in_field(prefix: str, suffix: str) -> Callable[[str], str]:
    return lambda nested: prefix + nested + suffix


_DEEP: dict[str, st.SearchStrategy[bytes]] = {
    "html": _deep_markup(xml=False),
    "newsml": _deep_markup(xml=True),
    "feed": _deep_markup(xml=False).map(
        lambda page: (
            b'<rss version="2.0"><channel><item><title>T</title><description><![CDATA['
            + page
            + b"]]></description></item></channel></rss>"
        )
    ),
    "json": st.one_of(_deep_json(_in_field("", "")), _deep_json(_in_field('{"id": "urn:x:a", "topics": ', "}"))),
    "ninjs": _deep_json(_in_field('{"uri": "urn:x:a", "people": ', "}")),
    "jsonld": _deep_json(_in_field('{"@context": "https://schema.org", "@type": "NewsArticle", "about": ', "}")),
    "jsonl": st.one_of(
        _deep_json(_in_field('{"text": "Headline\\n\\nBody.", "id": ', "}\n")),
        _deep_json(_in_field('{"@context": "https://schema.org", "@type": "NewsArticle", "x": ', "}\n")),
    ),
}

JUNK: dict[str, st.SearchStrategy[bytes]] = {
    "text": st.one_of(text_documents(), wire_documents()),
    "nitf": nitf_documents(),
    "newsml1": newsml1_documents(),
    "html": st.one_of(html_documents(), _DEEP["html"]),
    "json": st.one_of(model_documents, _DEEP["json"]),
    "ninjs": st.one_of(ninjs_documents, _DEEP["ninjs"]),
    "jsonl": st.one_of(jsonl_documents(), _DEEP["jsonl"]),
    "jsonld": st.one_of(jsonld_documents, _DEEP["jsonld"]),
    "newsml": st.one_of(newsml_documents(), _DEEP["newsml"]),
    "feed": st.one_of(feed_documents(), json_feed_documents, _DEEP["feed"]),
    "rss": st.one_of(feed_documents(), _DEEP["feed"]),
    "atom": st.one_of(feed_documents(), _DEEP["feed"]),
}
