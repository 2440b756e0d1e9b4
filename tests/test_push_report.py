"""What the terminal shows for a push: one line per article, one summary."""

from __future__ import annotations

from newsgraph.errors import NewsgraphError
from newsgraph.push.report import PushOutcome, PushReport


def test_line_counts_many_new_tags() -> None:
    outcome = PushOutcome(
        "a.json",
        "urn:x:1",
        "created",
        "post 4 http://h/?p=4",
        ["post", "new author 'A B'"] + [f"new tag 't{i}'" for i in range(5)],
    )
    assert outcome.line() == "created: urn:x:1 -> post 4 http://h/?p=4 (post, new author 'A B', 5 new tags)"
    few = PushOutcome("a.json", "urn:x:1", "updated", None, ["title", "new tag 't'"])
    assert few.line() == "updated: urn:x:1 (title, new tag 't')"


def test_summary_counts_actions_and_failures() -> None:
    report = PushReport(
        [
            PushOutcome("a", "1", "created"),
            PushOutcome("b", "2", "unchanged"),
            PushOutcome("c", "3", "created"),
            PushOutcome("d", error=NewsgraphError("bad")),
        ]
    )
    assert report.summary() == "pushed 3 of 4 articles: 2 created, 1 unchanged; 1 failed"
    assert not report.ok and [o.input for o in report.failed] == ["d"]
    assert (
        PushReport([PushOutcome("a", "1", "would create")], dry_run=True).summary()
        == "would push 1 of 1 article: 1 would create"
    )
