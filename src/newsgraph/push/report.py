"""What a push did to each article, and the batch's summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..errors import NewsgraphError
from ..model import Article

Items = Iterable[tuple[str, "list[Article] | NewsgraphError"]]  # each input's label and its articles


@dataclass
class PushOutcome:
    """One article (or one input that could not be read) and what happened to it."""

    input: str
    article: str | None = None  # the article's newsgraph id
    action: str | None = None  # created, updated, unchanged, restored, delivered, ...
    target: str | None = None  # where it went: post id and link, or the webhook's answer
    changes: list[str] = field(default_factory=list)  # fields written (or, dry run, to write)
    warnings: list[str] = field(default_factory=list)
    error: NewsgraphError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def line(self) -> str:
        """One line for the terminal: 'created post 12 <link>: title, content, ...'."""
        what = self.article or self.input
        text = f"{self.action}: {what}"
        if self.target:
            text += f" -> {self.target}"
        if self.changes:
            text += f" ({', '.join(_folded(self.changes))})"
        return text


def _folded(changes: list[str]) -> list[str]:
    """Many new tags read better as a count: 'new tag 'a', new tag 'b', ...' -> '9 new tags'."""
    tags = [c for c in changes if c.startswith("new tag ")]
    if len(tags) <= 3:
        return changes
    rest = [c for c in changes if not c.startswith("new tag ")]
    return rest + [f"{len(tags)} new tags"]


@dataclass
class PushReport:
    outcomes: list[PushOutcome] = field(default_factory=list)
    dry_run: bool = False

    @property
    def failed(self) -> list[PushOutcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        done = Counter(o.action for o in self.outcomes if o.ok)
        n = len(self.outcomes)
        verb = "would push" if self.dry_run else "pushed"
        parts = [f"{count} {action}" for action, count in sorted(done.items())]
        text = f"{verb} {n - len(self.failed)} of {n} article{'s' if n != 1 else ''}"
        if parts:
            text += f": {', '.join(parts)}"
        if self.failed:
            text += f"; {len(self.failed)} failed"
        return text


def run(items: Items, push_one: Callable[[Article], PushOutcome], *, dry_run: bool) -> PushReport:
    """Push every article of every input; a failing one is reported and the batch goes on."""
    report = PushReport(dry_run=dry_run)
    for label, result in items:
        if isinstance(result, NewsgraphError):
            report.outcomes.append(PushOutcome(label, error=result.at(label)))
            continue
        for article in result:
            try:
                outcome = push_one(article)
            except NewsgraphError as err:
                outcome = PushOutcome(label, article=article.id, error=err.at(label))
            except Exception as err:  # noqa: BLE001 - one article's bug must not stop the batch
                outcome = PushOutcome(
                    label,
                    article=article.id,
                    error=NewsgraphError(
                        f"internal error: {type(err).__name__}: {err}",
                        "please report this with the input file",
                        source=label,
                    ),
                )
            outcome.input = label
            report.outcomes.append(outcome)
    return report
