"""The architecture, enforced: which part of newsgraph may import which.

Read top to bottom, the table below is the map (docs/architecture.md draws it):

- neutral modules (the model, errors, shared format knowledge) import only each other;
- ``lexicon`` (word lists, gazetteers, outlets, bylines) builds on the model alone;
- ``readers`` parse input: lexicon and neutral modules, never extraction or exporters;
- ``extract`` enriches an Article from its own text: lexicon and the model;
- ``exporters`` write documents: neutral modules and the format registry, never readers;
- ``validators`` check documents, reading them back with the readers;
- the application (api, cli, batch, worker, push ...) may use everything below it.

No module imports another in a cycle. Imports under ``if TYPE_CHECKING:`` are for type
hints only and do not count. Functions in ``extract/`` and ``lexicon/`` stay short and simple
(radon complexity at most 25).
"""

from __future__ import annotations

import ast
import re
import tokenize
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from textwrap import indent
from typing import Any

import pytest
from radon.complexity import cc_visit
from radon.visitors import Class

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "newsgraph"

# Modules that hold knowledge several layers share, and depend on nothing but each other.
NEUTRAL = frozenset(
    {
        "errors",
        "model",
        "model_schema",
        "version",
        "identifiers",
        "xmlsafe",
        "inline",
        "standards",
        "schemaorg",
        "newsml_terms",
        "ninjs_terms",
        "sanitiser",
        "html_body",
        "topics",
        "countries",
        "feed_rules",
    }
)

# Layer -> the layers it may import (besides itself).
ALLOWED: dict[str, frozenset[str]] = {
    "neutral": frozenset(),
    "lexicon": frozenset({"neutral"}),
    "formats": frozenset({"neutral"}),
    "readers": frozenset({"neutral", "lexicon", "formats"}),
    "extract": frozenset({"neutral", "lexicon"}),
    "exporters": frozenset({"neutral", "formats"}),
    "validators": frozenset({"neutral", "readers"}),
}
APPLICATION = "application"  # api, cli, batch, worker, jobs, push, ...: anything above


def layer(module: str) -> str:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else ""
    if top in NEUTRAL:
        return "neutral"
    return top if top in ALLOWED else APPLICATION


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if package else parts), package


def _type_checking_only(tree: ast.Module) -> set[int]:
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return hidden


@lru_cache(maxsize=1)
def modules() -> dict[str, Path]:
    return {_module_name(p)[0]: p for p in sorted(SRC.rglob("*.py"))}


def _target(module: str, package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if package else module.split(".")[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


@lru_cache(maxsize=1)
def imports() -> dict[str, frozenset[str]]:
    """Module -> the newsgraph modules it imports (anywhere in it, type hints aside)."""
    known = modules()
    graph: dict[str, frozenset[str]] = {}
    for name, path in known.items():
        package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hidden = _type_checking_only(tree)
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in hidden:
                continue
            if isinstance(node, ast.ImportFrom):
                target = _target(name, package, node)
                for alias in node.names:
                    full = f"{target}.{alias.name}"
                    found.add(full if full in known else target)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = frozenset(t for t in found if t.startswith("newsgraph.") and t != name)
    return graph


def test_the_map_covers_the_source() -> None:
    assert "newsgraph.extract.pipeline" in imports() and "newsgraph.lexicon.wordlists" in imports()
    assert layer("newsgraph.readers.html") == "readers" and layer("newsgraph.model") == "neutral"
    assert layer("newsgraph.api") == APPLICATION


def _violations(graph: dict[str, frozenset[str]]) -> list[str]:
    out = []
    for module, targets in sorted(graph.items()):
        mine = layer(module)
        if mine == APPLICATION:
            continue
        for target in sorted(targets):
            theirs = layer(target)
            if theirs != mine and theirs not in ALLOWED[mine]:
                out.append(f"{module} ({mine}) imports {target} ({theirs})")
    return out


def test_each_layer_imports_only_what_it_may() -> None:
    assert _violations(dict(imports())) == []


def test_the_rule_catches_a_leak() -> None:
    """The check itself: a reader taking an exporter's helper, or extraction reading
    a reader, is reported; the application may import anything."""
    leaky = {
        "newsgraph.readers.html": frozenset({"newsgraph.exporters.ninjs", "newsgraph.lexicon.outlets"}),
        "newsgraph.extract.pipeline": frozenset({"newsgraph.readers.text"}),
        "newsgraph.api": frozenset({"newsgraph.readers.text", "newsgraph.extract.pipeline"}),
    }
    assert _violations(leaky) == [
        "newsgraph.extract.pipeline (extract) imports newsgraph.readers.text (readers)",
        "newsgraph.readers.html (readers) imports newsgraph.exporters.ninjs (exporters)",
    ]


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next((c for c in children if c in graph), None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles() -> None:
    assert _cycles(dict(imports())) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert _cycles(graph) == [["a", "b", "c"]]


# --- short functions where the rules live --------------------------------------------------

MAX_LINES = 60


def _long_functions(root: Path) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_LINES:
                    out.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({lines} lines)")
    return out


@pytest.mark.parametrize("package", ["extract", "lexicon"])
def test_functions_are_short(package: str) -> None:
    """Rule cascades are tables of named rules, not long functions."""
    assert _long_functions(SRC / package) == []


MAX_COMPLEXITY = 25  # radon's cyclomatic complexity (ruff's C901 counts less: a boolean operator is free there)


def _blocks(blocks: list[Any]) -> Iterator[Any]:
    """Every function radon measured, methods and nested functions included."""
    for block in blocks:
        if isinstance(block, Class):
            yield from _blocks([*block.methods, *block.inner_classes])
        else:
            yield block
            yield from _blocks(block.closures)


def _complex_functions(root: Path) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        # radon lists a class's methods both beside the class and in it: one entry each.
        blocks = {(b.lineno, b.fullname): b for b in _blocks(cc_visit(path.read_text(encoding="utf-8")))}
        for (line, name), block in sorted(blocks.items()):
            if block.complexity > MAX_COMPLEXITY:
                out.append(f"{path.relative_to(root)}:{line} {name} ({block.complexity})")
    return out


@pytest.mark.parametrize("package", ["extract", "lexicon"])
def test_functions_are_simple(package: str) -> None:
    """Rule cascades are tables of named rules, not branches upon branches."""
    assert _complex_functions(SRC / package) == []


def test_the_complexity_check_sees_methods_and_nested_functions(tmp_path: Path) -> None:
    """One branch too many is reported wherever the function is; a simple one is not."""
    body = "".join(f"if x == {i}:\n    return {i}\n" for i in range(MAX_COMPLEXITY)) + "return -1\n"
    source = (
        "def flat(x):\n"
        + indent(body, "    ")
        + "class C:\n    def method(self, x):\n"
        + indent(body, " " * 8)
        + "def outer(x):\n    def inner(x):\n"
        + indent(body, " " * 8)
        + "    return inner(x)\n"
        + "def simple(x):\n    return x\n"
    )
    (tmp_path / "m.py").write_text(source, encoding="utf-8")
    found = [line.split(" ", 1)[1] for line in _complex_functions(tmp_path)]
    assert found == [f"{name} ({MAX_COMPLEXITY + 1})" for name in ("flat", "C.method", "inner")]


def test_each_stage_is_a_package_with_run() -> None:
    from newsgraph.extract import pipeline

    names = [s.name for s in pipeline.STAGES]
    assert names == ["clean", "structure", "actors", "quotes", "dates", "events", "quote events"]
    for stage in pipeline.STAGES[:-1]:
        module = stage.run.__module__
        assert module.startswith("newsgraph.extract."), module
        package = SRC / "extract" / module.split(".")[2]
        assert (package / "__init__.py").is_file() and ast.get_docstring(
            ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
        )


# --- every silenced finding says why ----------------------------------------------------------

_SILENCED = re.compile(r"#\s*(?:type:\s*ignore|noqa)\b(?P<rest>.*)$")
_WITH_REASON = re.compile(r"^(?:\[[\w, -]+\]|:\s*[A-Z]+\d+(?:,\s*[A-Z]+\d+)*)\s+(?:#\s*|[-–]\s*)\S")


def _comments(path: Path) -> Iterator[tuple[int, str]]:
    """The comments of a file with their line numbers (not text in strings that looks like one)."""
    with tokenize.open(path) as f:
        for token in tokenize.generate_tokens(f.readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string


def _unexplained(paths: list[Path], root: Path = ROOT) -> list[str]:
    out = []
    for path in paths:
        for n, comment in _comments(path):
            m = _SILENCED.search(comment)
            if m and not _WITH_REASON.match(m.group("rest")):
                out.append(f"{path.relative_to(root)}:{n}: {comment}")
    return out


@pytest.mark.parametrize("folder", ["src", "tests", "bench", "scripts"])
def test_every_silenced_finding_says_why(folder: str) -> None:
    assert _unexplained(sorted((ROOT / folder).rglob("*.py"))) == []


def test_the_reason_check_tells_bare_from_explained(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text(
        "a = 1  # type: ignore[arg-type]\n"
        "b = 2  # type: ignore[arg-type]  # the model checks it\n"
        "c = 3  # noqa: E731\n"
        "d = 4  # noqa: BLE001 - reported per input\n"
        "e = '# noqa: E731'  # a string that looks like a comment is not one\n",
        encoding="utf-8",
    )
    assert [line.split(":")[1] for line in _unexplained([sample], tmp_path)] == ["1", "3"]


# --- neutral modules are shared through their public names -----------------------------------


def _private_imports(source: str, module: str, package: bool = False) -> list[str]:
    """'target._name' for each private name ``module`` imports from a neutral module."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            target = _target(module, package, node)
            if target.startswith("newsgraph.") and target != module and layer(target) == "neutral":
                out += [
                    f"{target}.{a.name}" for a in node.names if a.name.startswith("_") and not a.name.startswith("__")
                ]
    return out


def test_no_module_imports_a_private_name_from_a_neutral_one() -> None:
    # Neutral modules are shared ground: what others use is public (and in __all__).
    found = {
        name: _private_imports(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
        for name, path in modules().items()
    }
    assert {name: names for name, names in found.items() if names} == {}


def test_the_private_import_check_finds_one() -> None:
    source = "from ..feed_rules import ATOM, _count\nfrom . import _helper\n"
    assert _private_imports(source, "newsgraph.validators.feed") == ["newsgraph.feed_rules._count"]
