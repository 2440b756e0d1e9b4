"""Which quoted stretches one quote holds, after linking and the quote-span classifier.

Two precision rules on what :mod:`.attribution` and :mod:`.fragments` made:

- *the name of a work is no quote*: a Title Cased name right after the noun that says
  it is a work (*his 2019 memoir, "A Town on the Tide."*, *the podcast "Quay Talk"*) is
  taken out of whatever quote holds it, whatever verb linked it, and so is one named by a
  participle of a naming verb (*a play called "Harbour Lights"*, ``naming_verbs.txt``);
- *a list of quoted words is one quote*: two quoted stretches with only *and* or *or*
  between them (*called the cuts "reckless" and "cruel"*) are one quote, and a second
  stretch dropped alone as a scare quote (not a title) joins the first.

Both were measured on PolNeAR train (docs/quotes.md, the sixth round on precision).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ...lexicon import wordlists
from .attribution import Attribution, Para, is_title_like
from .cues import naming_verbs, token_at
from .marks import QuoteRegion

# Words that join two quoted stretches into one list of someone's words: '"A" and "B"'.
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or)\s*")
# How far before the opening mark the noun naming a work is looked for.
_WORK_NOUN_REACH = 30
_OPENING_MARKS = frozenset({'"', "''", "\u201c", "\u2018", "'"})


def work_title(p: Para, r: QuoteRegion) -> bool:
    """'his 2012 book, "A Harbour Son."', 'the podcast "Tide Tables: Notes From the
    Quay"': a Title Cased name right after the noun that says it is a work (a comma
    between them or not; a subtitle after a colon) is the work's name, not anyone's
    words (``lexicon/data/work_nouns.txt``)."""
    before = p.text[max(0, r.mark_start - _WORK_NOUN_REACH) : r.mark_start].rstrip().rstrip(",").rstrip()
    m = re.search(r"([\w-]+)$", before)
    if m is None or m.group(1).lower() not in wordlists.word_set("work_nouns"):
        return False
    main = p.text[r.start : r.end].split(":", 1)[0]
    return is_title_like(p, replace(r, end=r.start + len(main)))


def _named_by_participle(p: Para, r: QuoteRegion) -> bool:
    """'a play called "Harbour Lights"', 'an account named "Quay Watch"': a Title Cased
    name after a naming verb (``naming_verbs.txt``, as the cues read it) as a participle of
    the noun before it (the parse's ``acl``), not someone calling something that (*Lund
    called it "A Disgrace"*)."""
    tok = token_at(p.doc, r.mark_start)
    i = (tok.i if tok is not None else len(p.doc)) - 1
    while i >= 0 and (p.doc[i].is_space or p.doc[i].idx >= r.mark_start or p.doc[i].text in _OPENING_MARKS):
        i -= 1
    if i < 0:
        return False
    verb = p.doc[i]
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() in naming_verbs() and is_title_like(p, r)


def drop_work_titles(paras: Sequence[Para], atts: list[Attribution]) -> list[Attribution]:
    """The quotes without the names of works they held; a quote that held only such a
    name is no quote."""
    out = []
    for att in atts:
        if att.kind != "indirect" and att.regions:
            kept = [
                r
                for r in att.regions
                if not (work_title(paras[r.paragraph], r) or _named_by_participle(paras[r.paragraph], r))
            ]
            if not kept:
                continue
            att.regions = kept
        out.append(att)
    return out


def join_coordinated(paras: Sequence[Para], atts: list[Attribution]) -> list[Attribution]:
    """'called them "reckless" and "cruel"': two quoted stretches with only *and* or *or*
    between them are one list of words, so one quote (of the first stretch's speaker, or
    of the second's when the first has none), not two, and a second stretch dropped alone
    as a scare quote (not a title) is part of the first's quote. PolNeAR annotates every
    such pair of train as one attribution (58 of 58)."""
    owner = {(r.paragraph, r.start): att for att in atts if att.kind != "indirect" for r in att.regions}
    gone: set[int] = set()
    for p in paras:
        for r1, r2 in zip(p.regions, p.regions[1:]):
            first, second = owner.get((p.index, r1.start)), owner.get((p.index, r2.start))
            if first is None or first is second or not _COORDINATED.fullmatch(p.text[r1.mark_end : r2.mark_start]):
                continue
            if second is None and is_title_like(p, r2):
                continue  # 'starred in "Harbour Lights" and "Low Tide"': titles, dropped as such
            if second is not None and len(second.regions) != 1:
                continue
            keep = first if second is None or first.speaker is not None or second.speaker is None else second
            regions = [*first.regions, *(second.regions if second is not None else [r2])]
            keep.regions = sorted(regions, key=lambda r: (r.paragraph, r.start))
            if second is not None:
                keep.kind = "partial" if "partial" in (first.kind, second.kind) else keep.kind
                gone.add(id(second if keep is first else first))
            for r in keep.regions:
                owner[(r.paragraph, r.start)] = keep
    return [att for att in atts if id(att) not in gone]
