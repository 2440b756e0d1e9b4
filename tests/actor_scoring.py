"""Score extracted actors and places against gold (tests/gold/seeds/actors_*.json).

Gold mentions are offsets into the input file; they count only where they fall in a
paragraph the article still has as body (earlier passes may move captions, bylines
and boilerplate out of it), so the score follows what the actors pass was given.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.model import Article, normalise_name

GOLD = Path(__file__).resolve().parent / "gold" / "seeds"


def load(name: str) -> list[dict]:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))["articles"]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").casefold()
    return " ".join(text.split())


@dataclass
class Score:
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.counts.update(other.counts)
        self.problems.extend(other.problems)

    def ratio(self, hit: str, total: str) -> float:
        return self.counts[hit] / self.counts[total] if self.counts[total] else 1.0

    def summary(self) -> dict[str, float]:
        c = self
        return {
            "entity_precision": c.ratio("pred_ok", "pred"),
            "entity_recall": c.ratio("gold_found", "gold"),
            "person_precision": c.ratio("pred_ok_person", "pred_person"),
            "person_recall": c.ratio("gold_found_person", "gold_person"),
            "organization_recall": c.ratio("gold_found_organization", "gold_organization"),
            "country_recall": c.ratio("gold_found_country", "gold_country"),
            "place_recall": c.ratio("gold_found_place", "gold_place"),
            "person_one_actor": c.ratio("person_whole", "gold_person"),
            "person_name": c.ratio("person_name_ok", "gold_found_person"),
            "title_recall": c.ratio("title_ok", "title"),
            "gender": c.ratio("gender_ok", "gender"),
            "affiliation": c.ratio("affiliation_ok", "affiliation"),
            "mention_precision": c.ratio("mention_ok", "mention_pred"),
            "mention_recall": c.ratio("mention_found", "mention_gold"),
            "forbidden": float(c.counts["forbidden"]),
        }


def score(article: Article, gold: dict) -> Score:
    s = Score()
    where = gold["file"]
    paras = [(n, p.offset, p.offset + len(p.text)) for n, p in enumerate(article.body) if p.offset is not None]

    def to_span(start: int, end: int) -> tuple[int, int, int] | None:
        for n, a, b in paras:
            if a <= start and end <= b:
                return (n, start - a, end - a)
        return None

    # Predicted entities: actors and places with mentions in the body.
    pred: list[tuple[str, str, object, set]] = []
    for a in article.actors:
        spans = {(m.paragraph, m.start, m.end) for m in a.mentions}
        if spans:
            pred.append((a.kind, a.name, a, spans))
    for p in article.places:
        spans = {(m.paragraph, m.start, m.end) for m in p.mentions}
        if spans:
            pred.append(("place", p.name, p, spans))
    names = {a.id: a.name for a in article.actors}

    def overlaps(x: tuple[int, int, int], ys: set) -> bool:
        return any(x[0] == y[0] and x[1] < y[2] and y[1] < x[2] for y in ys)

    matched_pred: set[int] = set()
    for g in gold["entities"]:
        spans = [sp for sp in (to_span(a, b) for a, b in g["mentions"]) if sp]
        if not spans:
            continue  # not in the body any more: nothing to find
        kind = g["kind"]
        s.counts["gold"] += 1
        s.counts[f"gold_{kind}"] += 1
        hits = [(sum(1 for sp in spans if overlaps(sp, ps)), n) for n, (_, _, _, ps) in enumerate(pred)]
        hits = [(h, n) for h, n in hits if h]
        s.counts["mention_gold"] += len(spans)
        if not hits:
            s.problems.append(f"{where}: {kind} {g['name']!r} not found")
            continue
        _, best = max(hits)
        pkind, pname, obj, pspans = pred[best]
        if pkind != kind:
            s.problems.append(f"{where}: {g['name']!r} is a {pkind}, gold says {kind}")
            continue
        matched_pred.update(n for _, n in hits if pred[n][0] == kind)
        s.counts["gold_found"] += 1
        s.counts[f"gold_found_{kind}"] += 1
        s.counts["mention_found"] += sum(1 for sp in spans if sp in pspans)
        if kind == "person":
            if len(hits) == 1 and all(sp in pspans for sp in spans):
                s.counts["person_whole"] += 1
            else:
                s.problems.append(
                    f"{where}: person {g['name']!r} split or partly missed: {[pred[n][1] for _, n in hits]}"
                )
            ok_names = {normalise_name(x) for x in [g["name"], *g.get("also", [])]}
            if normalise_name(pname) in ok_names:
                s.counts["person_name_ok"] += 1
            else:
                s.problems.append(f"{where}: person named {pname!r}, gold {g['name']!r}")
            got = [_fold(t) for t in obj.titles]
            for t in g.get("titles", []):
                s.counts["title"] += 1
                if any(_fold(t) == x or _fold(t) in x or x in _fold(t) for x in got):
                    s.counts["title_ok"] += 1
                else:
                    s.problems.append(f"{where}: {g['name']!r} lacks title {t!r} (has {obj.titles})")
            if g.get("gender"):
                s.counts["gender"] += 1
                if obj.gender == g["gender"]:
                    s.counts["gender_ok"] += 1
                else:
                    s.problems.append(f"{where}: {g['name']!r} gender {obj.gender}, gold {g['gender']}")
        if g.get("affiliation"):
            s.counts["affiliation"] += 1
            aff = names.get(getattr(obj, "affiliation", None) or "")
            if aff and normalise_name(aff) == normalise_name(g["affiliation"]):
                s.counts["affiliation_ok"] += 1
            else:
                s.problems.append(f"{where}: {g['name']!r} affiliation {aff!r}, gold {g['affiliation']!r}")
        if kind == "place":
            if g.get("place_kind") and obj.kind != g["place_kind"]:
                s.problems.append(f"{where}: place {g['name']!r} is a {obj.kind}, gold {g['place_kind']}")
            else:
                s.counts["place_kind_ok"] += 1

    gold_spans = {sp for g in gold["entities"] for sp in (to_span(a, b) for a, b in g["mentions"]) if sp}
    for n, (kind, name, _, ps) in enumerate(pred):
        s.counts["pred"] += 1
        s.counts[f"pred_{kind}"] += 1
        s.counts["mention_pred"] += len(ps)
        s.counts["mention_ok"] += len(ps & gold_spans)
        if n in matched_pred:
            s.counts["pred_ok"] += 1
            s.counts[f"pred_ok_{kind}"] += 1
        else:
            s.problems.append(f"{where}: extra {kind} {name!r}")

    forbidden = {normalise_name(x) for x in gold.get("not_actors", [])}
    for a in [*article.actors, *article.places]:
        for n in [a.name, *a.aliases]:
            if normalise_name(n) in forbidden:
                s.counts["forbidden"] += 1
                s.problems.append(f"{where}: {n!r} must not be an actor or place")
    return s
