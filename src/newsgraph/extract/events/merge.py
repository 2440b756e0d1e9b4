"""One event, many mentions: grouping event mentions that name the same event.

An article names its main event many ways: "a summit in Geneva", "their high-stakes
meeting", "when she meets with Ruiz on Thursday", "the meeting". Mentions are read in
order and each joins the earlier event it fits best, or starts a new one:

- it must *fit*: same kind or the same family (meeting, summit, talks and call can be
  one event), no clash of resolved dates, of places, of proper names, or of
  participants (for sanctions and expulsions, who acts matters: the US sanctioning
  Russia is not Russia sanctioning US officials);
- and there must be *evidence*: shared participants, the same date or place or name,
  or a definite reference ("the meeting", "that meeting", "these negotiations").
  An indefinite mention ("a meeting") needs more evidence than a definite one.

Events with nothing to say for them (no participant, place, date or name: "in front of
the packed hall") are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ...model import normalise_name
from .mentions import DateRef, Mention, family, priority
from .references import Refs

_PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "approximate": 4, "year": 5}
_CONTACT = "meeting"  # the family name of meeting, summit, talks, call
_PLACE_RANK = {"city": 0, "venue": 1, "address": 1, "region": 2, "country": 3, "other": 2}
# Evidence a mention needs to join an event. Captions, headlines and standfirsts sum up
# the story: a fitting event of the same kind is enough.
_NEED = {"generic": 4, "anaphoric": 2, "plain": 3, "caption": 1}


@dataclass(frozen=True)
class When:
    """A mention's resolved date as a range, with where it came from."""

    start: date
    end: date
    precision: str
    ref: DateRef
    shifted: bool = False


def when(m: Mention) -> When | None:
    """The most precise resolved date of a mention ("on the eve of" moved a day on).

    Several days named for one mention ("on Monday (10) and Tuesday (11)") make a range.
    """
    days = sorted({d.info.start[:10] for d in m.dates if d.info.start and d.info.precision == "day" and not d.info.end})
    if len(days) > 1 and date.fromisoformat(days[-1]) - date.fromisoformat(days[0]) <= timedelta(days=6):
        first = next(d for d in m.dates if d.info.start and d.info.start[:10] == days[0])
        return When(date.fromisoformat(days[0]), date.fromisoformat(days[-1]), "day", first)
    best: When | None = None
    for d in m.dates:
        if d.info.start is None:
            continue
        start = date.fromisoformat(d.info.start[:10])
        end = date.fromisoformat((d.info.end or d.info.start)[:10])
        shifted = False
        if m.date_shift and d.info.precision == "day":
            start, end, shifted = start + timedelta(days=m.date_shift), end + timedelta(days=m.date_shift), True
        w = When(start, end, d.info.precision or "day", d, shifted)
        if best is None or _PRECISION_RANK.get(w.precision, 9) < _PRECISION_RANK.get(best.precision, 9):
            best = w
    return best


def _when_key(w: When) -> tuple[int, bool, bool, float]:
    # the most precise: a day the text names over one counted from "the eve of", a single
    # day over a range of several ("to Kyiv on Monday and to Moscow on Tuesday")
    return _PRECISION_RANK.get(w.precision, 9), w.shifted, w.start != w.end, -w.ref.confidence


@dataclass
class _Totals:
    """What a cluster's mentions add up to, folded in one mention at a time."""

    count: int = 0
    first_kind: str = ""
    contact_kind: str = ""
    participants: dict[str, None] = field(default_factory=dict)
    best: When | None = None
    length: int = 0  # the most days a dated mention spans ("a two-day visit")
    last: tuple[int, int] = (-1, -1)

    def add(self, m: Mention) -> None:
        self.count += 1
        if not self.first_kind:
            self.first_kind = self.contact_kind = m.kind
        elif priority(m.kind) < priority(self.contact_kind):
            self.contact_kind = m.kind
        self.participants.update(dict.fromkeys(m.participants))
        w = when(m)
        if w is not None:
            if self.best is None or _when_key(w) < _when_key(self.best):
                self.best = w
            self.length = max(self.length, m.days)
        self.last = max(self.last, m.order)


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    # Mentions are only appended (and sorted once at the end, see `settle`): their totals
    # are folded in as they come, so that grouping stays linear in a long article.
    _totals: _Totals = field(default_factory=_Totals, repr=False, compare=False)

    @property
    def totals(self) -> _Totals:
        if self._totals.count > len(self.mentions):
            self._totals = _Totals()
        for m in self.mentions[self._totals.count :]:
            self._totals.add(m)
        return self._totals

    def settle(self) -> None:
        """Mentions in text order (the first names the kind); totals counted again."""
        self.mentions.sort(key=lambda x: x.order)
        self._totals = _Totals()

    @property
    def kind(self) -> str:
        t = self.totals
        return t.contact_kind if family(t.first_kind) == _CONTACT else t.first_kind

    @property
    def participants(self) -> list[str]:
        return list(self.totals.participants)

    @property
    def agents(self) -> list[str]:
        return list(dict.fromkeys(p for m in self.mentions for p in m.agents))

    def location(self, refs: Refs) -> str | None:
        found = [m.location for m in self.mentions if m.location]
        if not found:
            return None

        def rank(pid: str) -> tuple[int, int]:
            place = refs.places.get(pid)
            return _PLACE_RANK.get(place.kind if place else "other", 2), found.index(pid)

        return min(found, key=rank)

    @property
    def when(self) -> When | None:
        t = self.totals
        best = t.best
        if best is not None and best.precision == "day" and best.start == best.end and t.length > 1:
            # "a two-day visit" that began on Monday (only a mention dated itself says when
            # its N days begin)
            best = When(best.start, best.start + timedelta(days=t.length - 1), "day", best.ref, best.shifted)
        return best

    @property
    def name(self) -> str | None:
        return next((m.name for m in self.mentions if m.name), None)

    @property
    def last(self) -> tuple[int, int]:
        return self.totals.last


def _covered(a: str, pool: list[str], refs: Refs) -> bool:
    return any(refs.covers(a, b) or refs.covers(b, a) for b in pool)


def _subset(a: list[str], b: list[str], refs: Refs) -> bool:
    return all(_covered(x, b, refs) for x in a)


def _places_clash(a: str | None, b: str | None, refs: Refs) -> bool:
    if not a or not b or a == b:
        return False
    pa, pb = refs.places.get(a), refs.places.get(b)
    if pa is None or pb is None:
        return True
    if pa.kind != pb.kind:
        # a venue in a city, a city in a country: not told apart without a gazetteer
        return False
    return True


# How far apart two dates may be and still be one: "about three months ago" is a point
# only roughly.
_SLACK = {"approximate": 31}


def _overlap(a: When, b: When) -> bool:
    slack = timedelta(days=max(_SLACK.get(a.precision, 0), _SLACK.get(b.precision, 0)))
    return a.start - slack <= b.end and b.start - slack <= a.end


def _strong_past(m: Mention) -> bool:
    return m.direction == "past" and m.strong and not m.planned


def _tense_clash(m: Mention, c: Cluster) -> bool:
    """One side surely ahead, the other surely done: "the previous summit" / "next summit"."""
    if m.planned and m.strong:
        return any(_strong_past(x) for x in c.mentions)
    if _strong_past(m):
        return any(x.planned and x.strong for x in c.mentions)
    return False


def _clashes(m: Mention, c: Cluster, refs: Refs) -> bool:
    """Something one says of the event the other contradicts: kind, name, date, place,
    tense, or who acts (outside contacts)."""
    if family(m.kind) != family(c.kind):
        return True
    if m.name and c.name and normalise_name(m.name) != normalise_name(c.name):
        return True
    mw, cw = when(m), c.when
    if mw and cw and not _overlap(mw, cw):
        return True
    if _places_clash(m.location, c.location(refs), refs):
        return True
    if not (mw and cw) and _tense_clash(m, c):
        return True
    return _agents_clash(m, c, refs)


def _agents_clash(m: Mention, c: Cluster, refs: Refs) -> bool:
    """Who acts matters: the US sanctioning Russia is not Russia sanctioning US officials."""
    return bool(
        family(m.kind) != _CONTACT and m.agents and c.agents and not any(_covered(a, c.agents, refs) for a in m.agents)
    )


def _contact_fits(m: Mention, c: Cluster, refs: Refs, subset: bool) -> bool:
    """Meetings, talks, calls: the same parties, or some of them on the same day or place."""
    p, q = m.participants, c.participants
    if m.kind in (x.kind for x in c.mentions):
        if subset:
            return True
        located = m.location and m.location == c.location(refs)
        return bool(located and (len(p) < 2 or len(q) < 2))
    mw, cw = when(m), c.when
    same_day = bool(mw and cw and mw.precision == cw.precision == "day" and mw.start == cw.start)
    return subset and (same_day or m.anaphoric or len(p) < 2)


def fits(m: Mention, c: Cluster, refs: Refs) -> bool:
    if _clashes(m, c, refs):
        return False
    p, q = m.participants, c.participants
    if not p or not q:
        return True
    if set(p) == set(q):
        return True
    if family(m.kind) != _CONTACT:
        return any(_covered(x, q, refs) for x in p)
    return _contact_fits(m, c, refs, _subset(p, q, refs) or _subset(q, p, refs))


def evidence(m: Mention, c: Cluster, refs: Refs) -> int:
    score = 0
    q = c.participants
    score += 2 * min(2, sum(1 for p in m.participants if _covered(p, q, refs)))
    mw, cw = when(m), c.when
    if mw and cw:
        score += 3 if (mw.precision == cw.precision and mw.start == cw.start) else 1
    if m.location and m.location == c.location(refs):
        score += 2
    if m.name and c.name:
        score += 3
    if m.kind in (x.kind for x in c.mentions):
        score += 1
    if m.anaphoric:
        score += 1  # "the November 3 vote" after "the presidential election"
    return score


def _bare(m: Mention) -> bool:
    return not (m.participants or m.location or m.dates or m.name)


def _attach_bare(m: Mention, clusters: list[Cluster]) -> Cluster | None:
    """Where a mention that says nothing but its kind belongs ("the meeting", "ahead of
    summit"): an event of the same kind mentioned in this or the previous paragraph,
    else the event of its family the article talks about most."""
    same = [c for c in clusters if family(c.kind) == family(m.kind)]
    if not same:
        return None
    para = m.order[0]
    reach = 0 if m.generic else 1  # "ending a trial that lasted months": only in its own paragraph
    near = [
        c
        for c in same
        if m.kind in (x.kind for x in c.mentions)
        and any(x.order < m.order and para - x.order[0] <= reach for x in c.mentions)
    ]
    if near:
        return max(near, key=lambda c: max(x.order for x in c.mentions if x.order < m.order))
    told_outside = [c for c in same if c.kind == m.kind and all(x.paragraph is None for x in c.mentions)]
    if told_outside and m.asserted:
        return told_outside[0]  # the story's own telling of what a caption shows
    if m.generic or (not m.anaphoric and m.paragraph is not None):
        return None  # "a press conference", "after overnight talks": not necessarily one named
    return min(same, key=lambda c: (-len(c.mentions), min(x.order for x in c.mentions)))


def cluster(mentions: list[Mention], refs: Refs) -> list[Cluster]:
    """Mentions grouped into events, in the order each event is first mentioned.

    Mentions that say who, where, when or what name are grouped first; mentions that
    say nothing but their kind then join the event they most likely mean.
    """
    clusters: list[Cluster] = []
    ordered = sorted(mentions, key=lambda x: x.order)
    for m in (x for x in ordered if not _bare(x)):
        need = _NEED[
            "caption" if m.paragraph is None else "generic" if m.generic else "anaphoric" if m.anaphoric else "plain"
        ]
        best: tuple[int, tuple[int, int]] | None = None
        chosen: Cluster | None = None
        for c in clusters:
            if not fits(m, c, refs):
                continue
            score = evidence(m, c, refs)
            if score < need:
                continue
            key = (score, c.last)
            if best is None or key > best:
                best, chosen = key, c
        if chosen is None:
            clusters.append(Cluster([m]))
        else:
            chosen.mentions.append(m)
    for m in (x for x in ordered if _bare(x)):
        home = _attach_bare(m, clusters)
        if home is not None and fits(m, home, refs):
            home.mentions.append(m)
        elif m.asserted and m.quote is None:
            clusters.append(Cluster([m]))  # "the government imposed sanctions on five banks"
    for c in clusters:
        c.settle()
    clusters.sort(key=lambda c: c.mentions[0].order)
    return [c for c in clusters if _worth_keeping(c)]


def _worth_keeping(c: Cluster) -> bool:
    """An event needs something said of it: who, where, when, a name, or a clause of the
    story saying it happens ("the government imposed sanctions on five banks")."""
    if all(m.quote is not None and m.generic for m in c.mentions):
        return False
    return bool(
        c.participants
        or any(m.location for m in c.mentions)
        or any(m.dates for m in c.mentions)
        or c.name
        or any(m.asserted and m.quote is None for m in c.mentions)
    )


def inherit_locations(clusters: list[Cluster], refs: Refs) -> dict[int, str]:
    """Places for meetings the text does not place, from a located event around them.

    "Nuland is in Moscow for talks" ... "Nuland met Kozak on Wednesday": a meeting of
    the same family, sharing a participant, dated inside the located event's dates, took
    place there. Returns cluster index -> place id.
    """
    out: dict[int, str] = {}
    for i, c in enumerate(clusters):
        if c.location(refs) or family(c.kind) != _CONTACT or c.when is None:
            continue
        for other in clusters:
            place, ow = other.location(refs), other.when
            if other is c or not place or family(other.kind) != _CONTACT or ow is None:
                continue
            cw = c.when
            assert cw is not None
            if (
                ow.start <= cw.start
                and cw.end <= ow.end
                and (ow.start, ow.end) != (cw.start, cw.end)
                and any(_covered(p, other.participants, refs) for p in c.participants)
            ):
                out[i] = place
                break
    return out
