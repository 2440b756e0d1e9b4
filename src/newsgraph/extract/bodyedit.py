"""Taking lines out of an article's body without breaking what points into it.

The clean and structure passes drop whole paragraphs and trim the ends of others. Spans
(mentions, quotes, event mentions) index paragraphs by position, so each edit remaps
them: a span in a dropped piece of text goes, the others follow their words. This
matters when extraction runs again over an article that already has spans (``--extract``
on JSON input). Every piece of text taken out is recorded in ``provenance.removed``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Paragraph, ParagraphRole, Provenance, RemovedText, Span


@dataclass
class Keep:
    """What stays of one paragraph: characters ``start`` to ``end``, with ``role``."""

    start: int
    end: int
    role: ParagraphRole


class BodyEdit:
    """Planned edits to an article's body, applied at once by :meth:`apply`."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.plan: list[Keep | None] = [Keep(0, len(p.text), p.role) for p in article.body]
        self.removed: list[RemovedText] = []
        self.notes: list[str] = []

    def kept(self, index: int) -> bool:
        return self.plan[index] is not None

    def text(self, index: int) -> str:
        keep = self.plan[index]
        return "" if keep is None else self.article.body[index].text[keep.start : keep.end]

    def offset(self, index: int, at: int = 0) -> int | None:
        """Where character ``at`` of paragraph ``index`` stands in the input, if known."""
        base = self.article.body[index].offset
        return None if base is None else base + at

    def drop(self, index: int, reason: str) -> None:
        keep = self.plan[index]
        if keep is None:
            return
        para = self.article.body[index]
        self.removed.append(
            RemovedText(text=para.text[keep.start : keep.end], offset=self.offset(index, keep.start), reason=reason)
        )
        self.plan[index] = None

    def trim_end(self, index: int, at: int, reason: str) -> None:
        """Cut paragraph ``index`` at character ``at`` (of its original text), keeping the start."""
        keep = self.plan[index]
        if keep is None or not keep.start < at < keep.end:
            return
        para = self.article.body[index]
        cut = para.text[at : keep.end]
        stripped = len(para.text[keep.start : at].rstrip())
        self.removed.append(
            RemovedText(text=cut.strip(), offset=self.offset(index, at + len(cut) - len(cut.lstrip())), reason=reason)
        )
        keep.end = keep.start + stripped

    def set_role(self, index: int, role: ParagraphRole) -> None:
        keep = self.plan[index]
        if keep is not None:
            keep.role = role

    def apply(self, **updates: object) -> Article:
        """The article with the planned edits, the removals recorded, and ``updates`` set."""
        article = self.article
        new_index: dict[int, int] = {}
        body: list[Paragraph] = []
        for i, (para, keep) in enumerate(zip(article.body, self.plan)):
            if keep is None:
                continue
            new_index[i] = len(body)
            body.append(
                Paragraph(text=para.text[keep.start : keep.end], offset=self.offset(i, keep.start), role=keep.role)
            )

        def move(span: Span) -> Span | None:
            if not span.in_body:  # the headline is not the body's to edit
                return span
            keep = self.plan[span.paragraph] if span.paragraph < len(self.plan) else None
            if keep is None:
                return None
            start, end = max(span.start, keep.start), min(span.end, keep.end)
            if end <= start:
                return None
            return Span(paragraph=new_index[span.paragraph], start=start - keep.start, end=end - keep.start)

        def move_all(spans: list[Span]) -> list[Span]:
            return [s for s in (move(x) for x in spans) if s is not None]

        actors = [a.model_copy(update={"mentions": move_all(a.mentions)}) for a in article.actors]
        places = [p.model_copy(update={"mentions": move_all(p.mentions)}) for p in article.places]
        events = [e.model_copy(update={"mentions": move_all(e.mentions)}) for e in article.events]
        quotes = []
        for q in article.quotes:
            spans = move_all(q.spans)
            if spans:  # a quote whose words were all page furniture is no quote
                speaker = move(q.speaker_mention) if q.speaker_mention else None
                via = move(q.via_mention) if q.via_mention else None
                quotes.append(q.model_copy(update={"spans": spans, "speaker_mention": speaker, "via_mention": via}))
        provenance = article.provenance or Provenance()
        # Input order: what earlier passes removed and what this one removes, interleaved.
        removed = sorted([*provenance.removed, *self.removed], key=lambda r: (r.offset is None, r.offset or 0))
        notes = [*provenance.notes, *(n for n in self.notes if n not in provenance.notes)]
        provenance = provenance.model_copy(update={"removed": removed, "notes": notes})
        fields = {
            "body": body,
            "actors": actors,
            "places": places,
            "events": events,
            "quotes": quotes,
            "provenance": provenance,
        }
        fields.update(updates)
        return Article.model_validate({**article.model_dump(), **_dump(fields)})


def _dump(fields: dict[str, object]) -> dict[str, object]:
    def plain(value: object) -> object:
        if hasattr(value, "model_dump"):
            return value.model_dump()
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    return {k: plain(v) for k, v in fields.items()}
