"""The corpus's events on a time axis: positions of dated events, one row per kind of event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH, ROW, LEFT, RIGHT, TOP = 960, 28, 150, 30, 30


@dataclass
class Dot:
    key: str  # anchor of the event in the list
    label: str
    when: str
    x: float
    y: float


@dataclass
class Axis:
    rows: list[tuple[str, float]]  # (kind, y)
    ticks: list[tuple[str, float]]  # (year, x)
    dots: list[Dot]
    width: int
    height: int


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def axis(events: list[tuple[str, str, str, str | None]]) -> Axis | None:
    """``events`` as (key, kind, label, start); None when no event is dated."""
    dated = [(k, kind, label, _day(start)) for k, kind, label, start in events if _day(start)]
    if not dated:
        return None
    first = min(d for *_, d in dated if d)
    last = max(d for *_, d in dated if d)
    span = max((last - first).days, 1)
    kinds = sorted({kind for _, kind, _, _ in dated})
    row_of = {kind: TOP + ROW * i for i, kind in enumerate(kinds)}

    def x(day: date) -> float:
        return round(LEFT + (day - first).days / span * (WIDTH - LEFT - RIGHT), 1)

    dots = [Dot(k, label, d.isoformat(), x(d), row_of[kind]) for k, kind, label, d in dated if d]
    ticks = [(str(year), x(date(year, 1, 1))) for year in range(first.year + 1, last.year + 1)]
    ticks = [(str(first.year), x(first))] + ticks if not ticks or ticks[0][1] - x(first) > 40 else ticks
    height = TOP + ROW * len(kinds) + 30
    return Axis([(k.replace("_", " "), y) for k, y in row_of.items()], ticks, dots, WIDTH, height)
