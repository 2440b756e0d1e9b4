"""The NewsML-G2 vocabulary newsgraph writes and reads: namespaces, schemes, codes, tags.

One table shared by :mod:`newsgraph.exporters.newsml` and :mod:`newsgraph.readers.newsml`
so that what one writes the other reads. IPTC's own codes are used where IPTC has one
(``cpnat:person``, ``drol:summary``, ``wikidata:Q16``); what the model holds and IPTC has
no code for lives in newsgraph's own schemes, declared in an inline ``<catalog>`` in every
item, and in attributes and elements of the ``ng:`` namespace, which the XSD admits at
its ``##other`` extension points. docs/newsml.md describes the mapping field by field.
"""

from __future__ import annotations

import re

NAR = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
XHTML = "http://www.w3.org/1999/xhtml"
XML = "http://www.w3.org/XML/1998/namespace"
NG = "urn:newsgraph:ns:newsml-g2:1"

STANDARD = "NewsML-G2"
STANDARD_VERSION = "2.35"
MEDIA_TYPE = "application/vnd.iptc.g2.newsitem+xml"
NITF_MEDIA_TYPE = "application/nitf+xml"

# IPTC's catalog of its own schemes (ninat, stat, cpnat, drol, wikidata, ...).
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
IPTC_SCHEMES = {
    "ninat": "http://cv.iptc.org/newscodes/ninature/",
    "cpnat": "http://cv.iptc.org/newscodes/cpnature/",
    "stat": "http://cv.iptc.org/newscodes/pubstatusg2/",
    "drol": "http://cv.iptc.org/newscodes/descriptionrole/",
    "wikidata": "http://www.wikidata.org/entity/",
}

# Aliases providers use for IPTC schemes that IPTC's current catalog names otherwise (or
# that an item's catalogRef declares without newsgraph fetching it): read, never written.
PROVIDER_SCHEMES = {
    "icls": "http://cv.iptc.org/newscodes/ninature/",
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
    "urg": "http://cv.iptc.org/newscodes/urgency/",
}
# Aliases of IPTC's catalog (referenced by every item newsgraph writes) that topic codes use.
IPTC_CATALOG_ALIASES = frozenset({*IPTC_SCHEMES, "medtop", "subj", "genre", "urgency", "mediatopic"})
# Item classes are read by their code whichever of these aliases names the scheme.
ITEM_CLASS_ALIASES = frozenset({"ninat", "icls"})
# Roles of headlines and descriptions, by the code's last part (providers use their own
# schemes: hld:subHeadline, ngrole:kicker, drol:summary, descRole:caption).
HEADLINE_SUB_ROLES = frozenset({"subheadline", "sub", "subtitle", "deck", "dek", "standfirst"})
HEADLINE_KICKER_ROLES = frozenset({"kicker", "overline", "overhead", "supertitle", "roofline"})
DESCRIPTION_SKIPPED_ROLES = frozenset({"caption", "ednote", "note", "alttext"})

# newsgraph's schemes: alias -> URI. Declared in each item's inline catalog.
SCHEMES = {
    "ngactor": "urn:newsgraph:cv:actor-kind:",
    "ngplace": "urn:newsgraph:cv:place-kind:",
    "ngevent": "urn:newsgraph:cv:event-kind:",
    "ngstatus": "urn:newsgraph:cv:event-status:",
    "ngquote": "urn:newsgraph:cv:quote-kind:",
    "ngmedia": "urn:newsgraph:cv:media-kind:",
    "ngrole": "urn:newsgraph:cv:role:",
    "ngrel": "urn:newsgraph:cv:relation:",
}
SCHEME_NAMES = {
    "ngactor": "newsgraph actor kinds",
    "ngplace": "newsgraph place kinds",
    "ngevent": "newsgraph event kinds",
    "ngstatus": "newsgraph event statuses (relative to the article)",
    "ngquote": "newsgraph quote kinds",
    "ngmedia": "newsgraph associated media, by kind",
    "ngrole": "newsgraph roles of names, headlines and descriptions",
    "ngrel": "newsgraph relations and extension properties",
}

# Concept natures (IPTC cpnat) for the model's kinds.
CPNAT_OF_ACTOR = {"person": "person", "organization": "organisation", "group": "organisation", "country": "geoArea"}
CPNAT_OF_PLACE_DEFAULT = "geoArea"
CPNAT_OF_PLACE = {"venue": "poi", "address": "poi"}
CPNAT_EVENT = "event"

# Inline body markup (NITF): the element for each kind of mention.
NITF_TAG_OF_ACTOR = {"person": "person", "organization": "org", "group": "org", "country": "location"}
NITF_TAG_PLACE = "location"
NITF_TAG_EVENT = "event"
NITF_TAG_QUOTE = "q"
ENTITY_TAGS = frozenset({"person", "org", "location", "event"})

# Paragraph roles <-> NITF block structure (the reader also accepts XHTML equivalents).
ROLE_KICKER = "kicker"
ROLE_ALIAS = "alias"
ROLE_QUOTE_TEXT = "quote-text"
DROL_SUMMARY = "summary"
DROL_CAPTION = "caption"

REL_TITLE = "title"
REL_GENDER = "gender"
REL_AFFILIATION = "affiliation"
REL_LOCATION = "location"
REL_PARTICIPANT = "participant"
REL_STATUS = "status"
REL_SECTION = "section"
REL_CUE = "cue"
REL_ADDRESSEE = "addressee"
REL_VIA = "via"
REL_EVENT = "event"
REL_SPEAKER_MENTION = "speaker-mention"
REL_VIA_MENTION = "via-mention"
# A quote's span outside the body ("headline:0:43:55"): the body's spans are its <q> markup.
REL_SPAN = "span"
REL_CONFIDENCE = "confidence"

GENDER_URIS = {"female": "https://schema.org/Female", "male": "https://schema.org/Male"}

# Identifier keys written as IPTC qcodes (their alias is in IPTC's catalog).
QCODE_IDENTIFIERS = {"wikidata": IPTC_SCHEMES["wikidata"]}

# xs:QCodeType: an alias without white space or ':', then a code without white space.
QCODE_RE = re.compile(r"^[^\s:]+:\S+$")
# g2normalizedString allows no tab, newline or carriage return.
NOT_NORMALIZED = re.compile(r"[\t\n\r]")


def nar(tag: str) -> str:
    return f"{{{NAR}}}{tag}"


def nitf(tag: str) -> str:
    return f"{{{NITF}}}{tag}"


def ng(name: str) -> str:
    return f"{{{NG}}}{name}"


XML_LANG = f"{{{XML}}}lang"
XML_SPACE = f"{{{XML}}}space"
