"""JSON Schemas of the content files, derived from the model, for editors to validate and
autocomplete while typing (`# yaml-language-server: $schema=…` on each file's first line)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from generator.model.records import COLLECTIONS, Article

SIDECAR = "article"


def schemas() -> dict[str, dict[str, Any]]:
    """File name in schemas/ → schema, one per collection and one for article sidecars."""
    result = {}
    for collection in COLLECTIONS:
        shape: Any = list[collection.model] if collection.many else collection.model  # type: ignore[name-defined]
        result[f"{collection.name}.schema.json"] = _schema(shape, collection.name)
    result[f"{SIDECAR}.schema.json"] = _schema(Article, "seeds/ID.yaml")
    return result


def _schema(shape: Any, title: str) -> dict[str, Any]:
    schema = TypeAdapter(shape).json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}


# The schemas ship with the generator: a story anywhere points at them from its own folder.
SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def schema_line(content_file: Path, root: Path) -> str:
    """The first line a content or sidecar file carries, pointing at its schema in the
    generator's schemas/ from wherever the story is."""
    relative = content_file.relative_to(root)
    name = SIDECAR if relative.parts[0] == "seeds" else _collection(relative)
    schema = SCHEMAS / f"{name}.schema.json"
    path = Path(os.path.relpath(schema, content_file.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={path}"


def _collection(relative: Path) -> str:
    return relative.parts[1] if len(relative.parts) > 2 else relative.stem


def write_schemas(folder: Path) -> list[str]:
    """Write every schema into `folder`; return the names whose text changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, schema in schemas().items():
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        target = folder / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed
