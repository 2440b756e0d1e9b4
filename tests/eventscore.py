"""Scoring dates and events against hand-made gold (tests/gold/events/*.json).

Gold holds offsets into the decoded input file, names and dates, never article text
(docs/events.md). An extracted article is scored by mapping its spans back to file
offsets with ``Paragraph.offset``:

- dates (:func:`newsgraph.extract.dates.find`): a predicted date matches a gold one whose
  characters it overlaps; gold dates outside the extracted body (headline, standfirst, captions) are not counted. Resolution
  is right when first day, last day and precision all agree.
- events: a predicted event matches a gold event of the same family (meeting, summit,
  talks and call are one family) when one of its mentions overlaps a gold mention, or,
  for events told only outside the body (captions), when they share participants.
  Matching is one-to-one, best overlap first. A predicted event left over that would have
  matched an already matched gold event is a duplicate. Over matched pairs: participants
  (precision and recall of names; "A|B" in gold allows either), date (first and last day
  equal), location (place name) and status.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph import Article
from newsgraph.extract import dates
from newsgraph.extract.events.mentions import family
from newsgraph.model import normalise_name

GOLD = Path(__file__).resolve().parent / "gold" / "events"
CONTACT = "meeting"  # family of meeting, summit, talks, call


def load(name: str) -> list[dict]:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))["articles"]


def _absolute(article: Article, paragraph: int, start: int, end: int) -> tuple[int, int] | None:
    offset = article.body[paragraph].offset
    return None if offset is None else (offset + start, offset + end)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _names_of(article: Article, ref: str) -> set[str]:
    actor = article.actor(ref)
    if actor is None:
        return set()
    names = {normalise_name(n) for n in [actor.name, *actor.aliases]}
    if actor.kind == "person":
        names.add(normalise_name(actor.name.split()[-1]))
    return names


def _gold_names(name: str) -> set[str]:
    out = set()
    for alt in name.split("|"):
        out.add(normalise_name(alt))
    return out


def _same(pred: set[str], gold: str) -> bool:
    g = _gold_names(gold)
    if pred & g:
        return True
    # a person named by surname only in one of them
    return any(
        p.rsplit("-", 1)[-1] == x.rsplit("-", 1)[-1] and "-" in (p + x)
        for p in pred
        for x in g
        if len(p) > 3 and len(x) > 3
    )


@dataclass
class Score:
    """Counts summed over articles; the properties give the rates."""

    date_pred: int = 0
    date_gold: int = 0
    date_found: int = 0
    date_right: int = 0
    event_pred: int = 0
    event_gold: int = 0
    event_found: int = 0
    contact_pred: int = 0
    contact_gold: int = 0
    contact_found: int = 0
    duplicates: int = 0
    part_pred: int = 0
    part_gold: int = 0
    part_right_pred: int = 0
    part_right_gold: int = 0
    dated: int = 0
    date_ok: int = 0
    located: int = 0
    place_ok: int = 0
    status_ok: int = 0
    kind_ok: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
            else:
                getattr(self, k).extend(v)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @staticmethod
    def _rate(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def rates(self) -> dict[str, float]:
        r = self._rate
        dp, dr = r(self.date_found, self.date_pred), r(self.date_found, self.date_gold)
        ep, er = r(self.event_found, self.event_pred), r(self.event_found, self.event_gold)
        cp, cr = r(self.contact_found, self.contact_pred), r(self.contact_found, self.contact_gold)
        pp, pr = r(self.part_right_pred, self.part_pred), r(self.part_right_gold, self.part_gold)
        return {
            "date_f1": self._f1(dp, dr),
            "date_resolved": r(self.date_right, self.date_found),
            "event_p": ep,
            "event_r": er,
            "event_f1": self._f1(ep, er),
            "contact_p": cp,
            "contact_r": cr,
            "contact_f1": self._f1(cp, cr),
            "participants_f1": self._f1(pp, pr),
            "date_acc": r(self.date_ok, self.dated),
            "place_acc": r(self.place_ok, self.located),
            "status_acc": r(self.status_ok, self.event_found),
            "kind_acc": r(self.kind_ok, self.event_found),
            "duplicates": float(self.duplicates),
        }


def score_dates(article: Article, gold: dict) -> Score:
    s = Score()
    body = [(p.offset, p.offset + len(p.text)) for p in article.body if p.offset is not None]
    in_body = [g for g in gold["dates"] if any(a <= g[0] and g[1] <= b for a, b in body)]
    pred = [(_absolute(article, i, f.expr.start, f.expr.end), f) for i, f in dates.find(article)]
    s.date_pred, s.date_gold = len(pred), len(in_body)
    for g in in_body:
        hit = next((d for at, d in pred if at and _overlap(at, (g[0], g[1]))), None)
        if hit is None:
            s.notes.append(f"{gold['file']}: date at {g[0]} missed")
            continue
        s.date_found += 1
        if (hit.date.start, hit.date.end, hit.date.precision) == (g[2], g[3], g[4]):
            s.date_right += 1
        else:
            s.notes.append(
                f"{gold['file']}: date at {g[0]} resolved {hit.date.start}..{hit.date.end} "
                f"{hit.date.precision}, gold {g[2]}..{g[3]} {g[4]}"
            )
    return s


def score_events(article: Article, gold: dict) -> Score:
    s = Score()
    preds = article.events
    golds = gold["events"]
    spans = {e.id: [a for m in e.mentions if (a := _absolute(article, m.paragraph, m.start, m.end))] for e in preds}
    names = {e.id: [_names_of(article, p) for p in e.participants] for e in preds}

    def shared(e, g) -> int:
        return sum(1 for gname in g["participants"] if any(_same(n, gname) for n in names[e.id]))

    def candidate(e, g) -> tuple[int, int] | None:
        if family(e.kind) != family(g["kind"]):
            return None
        overlap = sum(1 for a in spans[e.id] for b in g["mentions"] if _overlap(a, tuple(b)))
        parts = shared(e, g)
        need = min(2, len(g["participants"]))
        if overlap or (not spans[e.id] and need and parts >= need):
            return overlap, parts
        return None

    pairs = sorted(
        ((c, i, j) for i, e in enumerate(preds) for j, g in enumerate(golds) if (c := candidate(e, g)) is not None),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j))
    s.duplicates = sum(
        1 for i, e in enumerate(preds) if i not in used_p and any(candidate(e, golds[j]) for j in used_g)
    )
    s.event_pred, s.event_gold, s.event_found = len(preds), len(golds), len(matched)
    s.contact_pred = sum(1 for e in preds if family(e.kind) == CONTACT)
    s.contact_gold = sum(1 for g in golds if family(g["kind"]) == CONTACT)
    s.contact_found = sum(1 for _, j in matched if family(golds[j]["kind"]) == CONTACT)
    for i, e in enumerate(preds):
        if i not in used_p:
            s.notes.append(f"{gold['file']}: extra event {e.label!r} ({e.kind})")
    for j, g in enumerate(golds):
        if j not in used_g:
            s.notes.append(f"{gold['file']}: missed {g['kind']} with {g['participants']}")
    for i, j in matched:
        e, g = preds[i], golds[j]
        s.part_pred += len(e.participants)
        s.part_gold += len(g["participants"])
        s.part_right_pred += sum(1 for n in names[e.id] if any(_same(n, gn) for gn in g["participants"]))
        s.part_right_gold += shared(e, g)
        s.kind_ok += e.kind == g["kind"]
        s.status_ok += e.status in g["status"]
        if e.status not in g["status"]:
            s.notes.append(f"{gold['file']}: {e.label!r} is {e.status}, gold {g['status']}")
        if g["date"] is not None:
            s.dated += 1
            start = e.date.start if e.date else None
            end = (e.date.end or e.date.start) if e.date else None
            ok = (start, end) == (g["date"][0], g["date"][1])
            s.date_ok += ok
            if not ok:
                s.notes.append(f"{gold['file']}: {e.label!r} dated {start}..{end}, gold {g['date']}")
        if g["location"] is not None:
            s.located += 1
            place = article.place(e.location) if e.location else None
            ok = place is not None and _same({normalise_name(n) for n in [place.name, *place.aliases]}, g["location"])
            s.place_ok += ok
            if not ok:
                s.notes.append(f"{gold['file']}: {e.label!r} placed at {place and place.name}, gold {g['location']}")
    return s
