"""The stage packages stand as floors: each imports only the floors below it (ARCHITECTURE.md,
"The pipeline, floor by floor"), and no two modules import each other in a circle. That no
package reaches into another's private names is tests/test_boundaries.py's."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

GENERATOR = ROOT / "generator"
# Bottom to top; packages on one floor do not import each other.
FLOORS: tuple[frozenset[str], ...] = (
    frozenset({"model", "project", "caches"}),
    frozenset({"content"}),
    frozenset({"pages", "authoring"}),
    frozenset({"publish"}),
    frozenset({"build"}),
    frozenset({"live", "verify"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
FLOOR = {unit: number for number, units in enumerate(FLOORS) for unit in units}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str:
    """The stage a module belongs to: its package, or the top-level module itself."""
    return module.split(".")[1] if module.count(".") else module


def imports(path: Path) -> Iterator[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for each import of the generator."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("generator"):
                yield node.module, [alias.name for alias in node.names], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("generator"):
                    yield alias.name, [], node.lineno


MODULES = sorted(GENERATOR.rglob("*.py"))


def test_every_package_and_top_level_module_has_a_floor():
    units = {unit_of(module_name(path)) for path in MODULES if module_name(path) != "generator"}
    assert units == set(FLOOR)


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_a_module_imports_only_its_own_package_and_the_floors_below(path):
    here = unit_of(module_name(path)) if module_name(path) != "generator" else None
    wrong = []
    for imported, names, line in imports(path):
        targets = [imported] if imported != "generator" else [f"generator.{n}" for n in names]
        for target in targets:
            there = unit_of(target)
            if here is None or there == here:
                continue
            if FLOOR[there] >= FLOOR[here]:
                wrong.append(f"line {line}: {here} imports {target}")
    assert wrong == []


def test_no_modules_import_each_other_in_a_circle():
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        here = module_name(path)
        graph[here] = set()
        for imported, names, _line in imports(path):
            candidates = [f"{imported}.{name}" for name in names] + [imported]
            for candidate in candidates:
                if any(module_name(p) == candidate for p in MODULES):
                    graph[here].add(candidate)
                    break
    circles = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for nxt in sorted(graph.get(module, ())):
            if state.get(nxt) == 1 and not module.startswith(nxt + "."):
                circles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []
