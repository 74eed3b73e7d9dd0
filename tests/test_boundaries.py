"""Packages meet through public names only: no module of the generator imports another
package's private (`_underscore`) name, and none changes a class at run time."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).parents[1] / "generator"


def modules() -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted(GENERATOR.rglob("*.py")):
        name = ".".join(path.relative_to(GENERATOR.parent).with_suffix("").parts)
        found.append((name.removesuffix(".__init__"), ast.parse(path.read_text(encoding="utf-8"))))
    return found


def package(module: str) -> str:
    """generator.pages.rendering → generator.pages; generator.build → generator.build."""
    return ".".join(module.split(".")[:2])


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def imported_privates(module: str, tree: ast.Module) -> list[str]:
    """Private names this module takes from another package, by import or attribute."""
    found = []
    modules_of_others: set[str] = set()  # local names bound to another package's modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator"):
            source = node.module or ""
            for alias in node.names:
                whole = f"{source}.{alias.name}"
                if package(whole if source == "generator" else source) == package(module):
                    continue
                if private(alias.name) or any(private(part) for part in source.split(".")):
                    found.append(f"{module}: from {source} import {alias.name}")
                modules_of_others.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                other = name.startswith("generator") and package(name) != package(module)
                if other and any(private(part) for part in name.split(".")):
                    found.append(f"{module}: import {alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules_of_others
            and private(node.attr)
        ):
            found.append(f"{module}: {node.value.id}.{node.attr}")
    return found


def class_patches(module: str, tree: ast.Module) -> list[str]:
    """Calls that change a class: `type.__setattr__` and the like, and `setattr`/`delattr` on
    a name imported from another module or a class of this one."""
    classes = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom | ast.Import)
        for alias in node.names
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        call = node.func
        if (
            isinstance(call, ast.Attribute)
            and isinstance(call.value, ast.Name)
            and call.value.id == "type"
            and call.attr in ("__setattr__", "__delattr__")
        ):
            found.append(f"{module}:{node.lineno}: type.{call.attr}")
        elif isinstance(call, ast.Name) and call.id in ("setattr", "delattr") and node.args:
            target = node.args[0]
            if isinstance(target, ast.Name) and target.id in classes | imported:
                found.append(f"{module}:{node.lineno}: {call.id}({target.id}, …)")
    return found


def test_no_module_imports_a_private_name_of_another_package():
    assert [line for name, tree in modules() for line in imported_privates(name, tree)] == []


def test_no_module_changes_a_class_at_run_time():
    assert [line for name, tree in modules() for line in class_patches(name, tree)] == []


def test_the_checks_find_what_they_look_for():
    tree = ast.parse(
        "from generator.content.graph import Node, _Nodes\n"
        "from generator.pages import rendering\n"
        "type.__setattr__(Node, '__getattribute__', len)\n"
        "setattr(Node, 'x', 1)\n"
        "rendering._COMPILED\n"
    )
    assert imported_privates("generator.live.incremental", tree) == [
        "generator.live.incremental: from generator.content.graph import _Nodes",
        "generator.live.incremental: rendering._COMPILED",
    ]
    assert class_patches("generator.live.incremental", tree) == [
        "generator.live.incremental:3: type.__setattr__",
        "generator.live.incremental:4: setattr(Node, …)",
    ]
