"""Every item of ../shared/realworld/{newsml-g2,nitf,newsml-1,ninjs,wire-text} (real agency
files, read from there: never copied here) reads with the headline, body, dates and subject
codes its source holds; every non-text item is refused with a message naming what it is
or read for the media it carries. The expectations are read from each source with plain
lxml/json, independently of the readers, so that a file of another provider in the same
shape is judged the same way."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from lxml import etree

import newsgraph
from newsgraph import api
from newsgraph.errors import InputError
from newsgraph.readers.base import ReadOptions

from conftest import SHARED

REALWORLD = SHARED / "realworld"
FOLDERS = ("newsml-g2", "nitf", "newsml-1", "ninjs", "wire-text")
FILES = (
    sorted(p for folder in FOLDERS for p in (REALWORLD / folder).glob("*") if p.is_file()) if REALWORLD.is_dir() else []
)
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/realworld is not here")

_NONTEXT = re.compile(r"class|holds|picture|video|package|planning|only|not news content")


def words(text: str | None) -> str:
    return " ".join((text or "").split())


def local(el: etree._Element) -> str:
    return el.tag.rpartition("}")[2] if isinstance(el.tag, str) else ""


def find_all(root: etree._Element, name: str) -> list[etree._Element]:
    return [el for el in root.iter() if local(el) == name]


def read(path: Path) -> list[newsgraph.Article]:
    # Wire files in Latin-1 are read without --encoding: framed wire copy is 8-bit.
    return api.read_bytes(path.read_bytes(), options=ReadOptions(source=str(path)))


def body_words(article: newsgraph.Article) -> str:
    return words(" ".join(p.text for p in article.body))


def assert_text_kept(article: newsgraph.Article, blocks: list[str]) -> None:
    """Every block of the source's text is in the body, white space aside, or was taken out
    as provider furniture and kept in provenance.removed (nothing is lost)."""
    removed = [r.text.replace(" ", "") for r in article.provenance.removed] if article.provenance else []
    body = body_words(article).replace(" ", "")

    def kept(block: str) -> bool:
        block = block.replace(" ", "")
        for text in removed:  # furniture inside a block (a whole wire story in one <p>)
            block = block.replace(text, "")
        return not block or block in body or all(part in body for part in removed_split(block, body))

    missing = [b for b in blocks if not kept(b)]
    assert not missing, f"{len(missing)} of {len(blocks)} source paragraphs missing, e.g. {missing[0][:80]!r}"


def removed_split(block: str, body: str) -> list[str]:
    """A block the reader split into several paragraphs: its pieces between the body's
    paragraph joins, found in order (white space aside)."""
    pieces, start = [], 0
    while start < len(block):
        end = len(block)
        while end > start and block[start:end] not in body:
            end -= 1
        if end == start:
            return [block[start:]]  # a piece the body does not hold: missing
        pieces.append(block[start:end])
        start = end
    return pieces


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_realworld_item(path: Path) -> None:
    check = {
        "newsml-g2": check_g2,
        "nitf": check_nitf,
        "newsml-1": check_newsml1,
        "ninjs": check_ninjs,
        "wire-text": check_wire,
    }[path.parent.name]
    check(path)


# --- NewsML-G2 -----------------------------------------------------------------------------


def _g2_class(item: etree._Element) -> str:
    item_class = next(iter(find_all(item, "itemClass")), None)
    return (item_class.get("qcode") or "").partition(":")[2] if item_class is not None else ""


def check_g2(path: Path) -> None:
    root = etree.parse(str(path)).getroot()
    items = [el for el in root.iter() if local(el) == "newsItem"]
    text_items = [i for i in items if _g2_class(i) == "text"]
    has_text = any(
        len(find_all(i, "p")) or "".join(el.text or "" for el in find_all(i, "inlineData")).strip() for i in text_items
    )
    if path.name.startswith("nontext_") or not text_items:
        try:
            articles = read(path)
        except InputError as err:
            assert _NONTEXT.search(str(err)), str(err)
            return
        assert all(not a.body for a in articles), "a non-text item must not invent text"
        assert any(a.media or a.events for a in articles) or not has_text
        return
    try:
        articles = read(path)
    except InputError as err:
        # Content that is no text (SportsML): an error naming the element, never an empty body.
        content = [c for i in text_items for x in find_all(i, "inlineXML") for c in x if isinstance(c.tag, str)]
        assert content and local(content[0]) in str(err), str(err)
        return
    assert len(articles) == len(items)  # one article per newsItem, in order
    for item in text_items:
        article = articles[items.index(item)]
        headline = next((h for h in find_all(item, "headline") if not h.get("role")), None)
        titles = find_all(item, "title")
        expected = (
            words("".join(headline.itertext()))
            if headline is not None
            else (words(titles[0].text) if titles and local(titles[0].getparent()) == "itemMeta" else None)
        )
        assert article.headline == (expected or None)
        blocks = [words("".join(p.itertext())) for x in find_all(item, "inlineXML") for p in find_all(x, "p")]
        assert_text_kept(article, [b for b in blocks if b])
        created = find_all(item, "contentCreated") or find_all(item, "firstCreated")
        if created:
            assert article.published == created[0].text.strip()
        qcodes = {
            s.get("qcode")
            for s in find_all(item, "subject")
            if s.get("qcode") and not (s.get("type") or "").startswith("cpnat:") or (s.get("type") == "cpnat:abstract")
        }
        codes = {t.code for t in article.topics}
        assert {q for q in qcodes if q} <= codes | {None}


# --- NITF ----------------------------------------------------------------------------------


def _nitf_root(path: Path) -> etree._Element:
    data = re.sub(rb"<!DOCTYPE[^>]*>", b"", path.read_bytes())
    try:
        data.decode("utf-8")
        data = re.sub(rb"encoding=[\"'][^\"']+[\"']", b'encoding="UTF-8"', data, count=1)
    except UnicodeDecodeError:
        pass
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def check_nitf(path: Path) -> None:
    root = _nitf_root(path)
    [article] = read(path)
    hl1 = find_all(root, "hl1")
    title = find_all(root, "title")
    expected = words("".join(hl1[0].itertext())) if hl1 else words(title[0].text)
    assert article.headline == expected.lstrip("*").strip()  # a wire's priority mark is no word of it
    content = next(c for b in find_all(root, "body") for c in b if local(c) == "body.content")
    blocks = [words("".join(p.itertext())) for p in content.iter() if local(p) in ("p", "hl2")]
    blocks += [words(line) for pre in find_all(content, "pre") for line in (pre.text or "").splitlines()]
    assert article.body and not any(local(el) == "hl1" for el in content.iter())
    assert_text_kept(article, [b for b in blocks if b])
    issue = find_all(root, "date.issue")
    if issue and re.match(r"^\d{8}T\d{4}", issue[0].get("norm", "")):
        norm = issue[0].get("norm", "")
        assert article.published is not None and article.published.replace("-", "").replace(":", "")[:13] == norm[:13]
    refnums = {s.get("tobject.subject.refnum") for s in find_all(root, "tobject.subject")} - {None, ""}
    assert refnums <= {t.code for t in article.topics}


# --- NewsML 1.x ----------------------------------------------------------------------------


def check_newsml1(path: Path) -> None:
    data = path.read_bytes()
    root = etree.fromstring(re.sub(rb"encoding=[\"']iso-8859-1[\"']", b'encoding="UTF-8"', data))
    [article] = read(path)
    assert article.headline == words("".join(find_all(root, "HeadLine")[0].itertext()))
    first = find_all(root, "FirstCreated")
    if first:
        assert article.published is not None
        assert article.published.replace("-", "").replace(":", "")[:13] == words(first[0].text)[:13]
    blocks: list[str] = []
    for component in find_all(root, "NewsComponent"):
        role = next((r.get("FormalName") for r in component if local(r) == "Role"), "")
        if role in ("StyleSheet", "HeadLine", "Contact", "Logo"):
            continue
        for content in (d for c in component if local(c) == "ContentItem" for d in c if local(d) == "DataContent"):
            if len(content):
                blocks += [words("".join(p.itertext())) for p in content.iter() if local(p) == "p"]
            elif (content.text or "").strip():
                html = lxml.html.fragment_fromstring(content.text, create_parent="div")
                blocks += [words(p.text_content()) for p in html.iter("p", "P")]
    assert_text_kept(article, [b for b in blocks if b])
    codes = {el.get("FormalName") for el in find_all(root, "SubjectMatter") + find_all(root, "SubjectDetail")}
    assert codes - {None} <= {t.code for t in article.topics}


# --- ninjs ---------------------------------------------------------------------------------


def _ninjs_items(doc: Any) -> list[dict[str, Any]]:
    if isinstance(doc, dict) and isinstance(doc.get("data"), dict):
        data = doc["data"]
        return [data["item"]] if isinstance(data.get("item"), dict) else [e["item"] for e in data["items"]]
    if isinstance(doc, dict) and isinstance(doc.get("item"), list):
        return doc["item"]
    return [doc]


def check_ninjs(path: Path) -> None:
    items = _ninjs_items(json.loads(path.read_bytes()))
    articles = read(path)
    assert len(articles) == len(items)
    for item, article in zip(items, articles):
        item = {k.lower(): v for k, v in item.items()}
        headlines = item.get("headlines") or []
        main = next((h["value"] for h in headlines if h.get("role") in ("main", None)), None) if headlines else None
        assert article.headline == (main or item.get("headline"))
        html = (
            item.get("body_html")
            or item.get("body_xhtml")
            or next(
                (
                    b.get("value")
                    for b in item.get("bodies") or []
                    if "html" in (b.get("contenttype") or "") or "nitf" in (b.get("contenttype") or "")
                ),
                None,
            )
        )
        plain = item.get("body_text") or next(
            (b.get("value") for b in item.get("bodies") or [] if "plain" in (b.get("contenttype") or "")), None
        )
        assert not any(p.text.lstrip().startswith("<") for p in article.body), "markup read as text"
        if html:
            source = words(lxml.html.fragment_fromstring(html, create_parent="div").text_content())
            got = set(body_words(article).split())
            assert len(set(source.split()) - got) <= 0.1 * len(set(source.split()))
        elif plain:
            assert words(plain).replace(" ", "") in body_words(article).replace(" ", "")
        created = item.get("firstcreated") or item.get("versioncreated")
        assert (article.published or article.modified) is not None if created else True
        subjects = [s for s in (item.get("subjects") or item.get("subject") or []) if isinstance(s, dict)]
        for subject in subjects:
            code = subject.get("code") or subject.get("literal")
            if code and subject.get("rel") != "section":
                assert any(code in (t.code, t.name) or (t.uri or "").endswith(str(code)) for t in article.topics)


# --- wire copy -----------------------------------------------------------------------------


def check_wire(path: Path) -> None:
    data = path.read_bytes()
    [article] = read(path)
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:  # as the reader decodes framed wire copy that is not UTF-8
        decoded = (
            data.decode("cp1252", "strict")
            if not set(data) & {0x81, 0x8D, 0x8F, 0x90, 0x9D}
            else data.decode("latin-1")
        )
    assert article.body, "a transmission with text must not read as empty"
    for p in article.body:  # offsets exact into the decoded input; control characters are spaces
        source = decoded[p.offset : p.offset + len(p.text)]  # type: ignore[operator]  # read from a file: offsets are set
        same = [(a == b) or (not a.isprintable() or a.isspace()) and b == " " for a, b in zip(source, p.text)]
        assert all(same), (source[:60], p.text[:60])
    header = decoded[: decoded.find("\x02")]
    assert not any(
        words(line) and words(line) in body_words(article)
        for line in re.split(r"[\r\n]+", header)
        if len(words(line)) > 8
    )
    assert "not intended for publication" not in body_words(article)
    heads = [re.sub(r"[\x00-\x1f]", "", line).strip("^< =") for line in decoded.splitlines() if line.startswith("^")]
    if article.headline is not None:
        assert article.headline in heads or article.headline in decoded
        assert article.headline not in [p.text for p in article.body]
    assert article.urgency is not None or "\x01" not in decoded[:16]
    # The header's word count and category are kept; the trailer's time is the publication.
    assert article.word_count is None or re.search(rf"(?<!\d)0*{article.word_count}(?!\d)", header)
    assert all(t.code and t.code in header for t in article.topics)
    trailer = decoded[decoded.rfind("\x03") :]
    if re.search(r"\d{4}\s*GMT|\d{6} (GMT )?[A-Z][a-z]{2} \d\d", trailer):
        assert article.published is not None
    if not decoded.startswith("\x16"):  # IPTC 7901 saved without its control characters: the same story
        bare = bytes(b for b in data if b >= 0x20 and b != 0x7F or b in b"\t\r\n")
        encoding = None if decoded == data.decode("utf-8", "replace") else "latin-1"
        [stripped] = api.read_bytes(bare, format="text", options=ReadOptions(source=str(path), encoding=encoding))
        assert (stripped.headline, stripped.slugline, stripped.word_count) == (
            article.headline,
            article.slugline,
            article.word_count,
        )
        assert body_words(stripped) == body_words(article)
