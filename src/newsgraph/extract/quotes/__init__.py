"""The quotes stage: direct, partial and reported speech, and who said it.

In order: :mod:`.marks` finds what stands between quotation marks, :mod:`.cues` the
speech cues of each paragraph's parse, :mod:`.attribution` links marks and cues (and
finds reported speech), :mod:`.fragments` takes a learned second look at the quoted
stretches the rules kept or dropped, :mod:`.ranker` takes a learned second opinion on the speaker,
:mod:`.speakers` decides which actor a speaker mention means; :mod:`.headlines` reads
the headline and subheadline. This module runs them over an article and writes
``Article.quotes`` (and the actors it had to add), headline quotes first, in reading
order.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Article, Quote, Span, local_id
from .. import story
from ..options import ExtractOptions
from .attribution import Attribution, attribute, build_para, capped, known_as_names, reported_speech
from .fragments import revise
from .headlines import headline_quotes
from .marks import scan
from .pieces import drop_work_titles, join_coordinated
from .ranker import rerank
from .speakers import SpeakerResolver

if TYPE_CHECKING:
    from .cues import Cue

# Addressees named by a common noun become a group actor ("told reporters").
_GROUP_ADDRESSEES = re.compile(
    r"^(?:the\s+)?(reporters|journalists|the press|supporters|the crowd|crowd|"
    r"lawmakers|students|voters|members|delegates|an audience|audience)$",
    re.I,
)


def run(article: Article, options: ExtractOptions = ExtractOptions()) -> Article:
    """Find the quotes of ``article``; returns a new Article with ``quotes`` filled."""
    if not article.body:
        return article
    body = _body_quotes(article, options)
    heads = headline_quotes(body, body.actors, options.spacy_model)
    quotes = [
        q.model_copy(update={"id": local_id(article.id, "quote", n)}) for n, q in enumerate(heads + body.quotes, 1)
    ]
    return body.model_copy(update={"quotes": quotes})


def _body_quotes(article: Article, options: ExtractOptions) -> Article:
    texts = [p.text for p in article.body]
    docs = story.docs(article, options.spacy_model)
    regions = scan(texts)
    paras = [build_para(i, t, d, r) for i, (t, d, r) in enumerate(zip(texts, docs, regions))]
    direct = revise(paras, attribute(paras))  # the quote-span classifier's second look
    direct = join_coordinated(paras, drop_work_titles(paras, direct))  # titles out, '"A" and "B"' one quote
    direct = known_as_names(paras, direct)  # 'known as "Harbour Hawk"': a name nobody says
    rerank(paras, direct)  # the learned ranker's speaker where it is sure of another mention
    found = sorted(direct + reported_speech(paras, direct), key=_reading_order)
    quoted = [[(r.mark_start, r.mark_end) for r in rs] for rs in regions]
    salient = [(c.paragraph, *c.speaker) for p in paras for c in p.cues if c.speaker is not None]
    resolver = SpeakerResolver(article, docs, options.id_base, quoted, salient)
    quotes = [q for q in (_quote(article, att, resolver, n) for n, att in enumerate(found, 1)) if q is not None]
    return article.model_copy(update={"quotes": quotes, "actors": resolver.actors})


def _quote(article: Article, att: Attribution, resolver: SpeakerResolver, n: int) -> Quote | None:
    if att.regions:
        spans = [Span(paragraph=r.paragraph, start=r.start, end=r.end) for r in att.regions]
    elif att.content is not None:
        p, s, e = att.content
        spans = [Span(paragraph=p, start=s, end=e)]
    else:
        return None
    text = " ".join(article.span_text(s) for s in sorted(spans, key=lambda s: (s.paragraph, s.start)))
    cue: "Cue | None" = att.cue
    speaker_mention = None
    speaker = None
    if att.speaker is not None:
        p, s, e = att.speaker
        speaker_mention = Span(paragraph=p, start=s, end=e)
        if att.antecedent is not None:
            speaker = resolver.resolve(att.antecedent)
        else:
            speaker = resolver.resolve(att.speaker, att.speaker_head)
    addressee = via = None
    if cue is not None:
        if cue.addressee is not None:
            mention = (cue.paragraph, *cue.addressee)
            words = article.body[cue.paragraph].text[cue.addressee[0] : cue.addressee[1]]
            # "told reporters": a generic group is nobody in particular, so no actor of its own
            # (nor a subject in the exports); the addressee stays unnamed
            if not _GROUP_ADDRESSEES.match(words.strip()):
                addressee = resolver.organization(mention) or resolver.resolve(mention)
    via_mention = None
    if att.via is not None:
        via = resolver.organization(att.via)
        # the relay's words even when they name no outlet ('according to a transcript')
        via_mention = Span(paragraph=att.via[0], start=att.via[1], end=att.via[2])
    confidence = capped(att.confidence, speaker_mention is not None)
    return Quote(
        id=local_id(article.id, "quote", n),
        text=text,
        kind=att.kind,  # type: ignore[arg-type]  # one of QuoteKind by construction; the model checks
        speaker=speaker,
        speaker_mention=speaker_mention,
        cue=_cue_text(cue),
        spans=spans,
        addressee=addressee if addressee != speaker else None,
        via=via if via != speaker else None,
        via_mention=via_mention if via is None or via != speaker else None,
        confidence=round(confidence, 2),
    )


def _reading_order(att: Attribution) -> tuple[int, int]:
    if att.regions:
        first = min(att.regions, key=lambda r: (r.paragraph, r.start))
        return first.paragraph, first.start
    if att.content is not None:
        return att.content[0], att.content[1]
    return 0, 0


def _cue_text(cue: "Cue | None") -> str | None:
    if cue is None:
        return None
    return cue.text.lower() if cue.lemma != "according to" else "according to"
