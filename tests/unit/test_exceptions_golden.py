"""Every exception class, checked against a recorded golden file.

``weaviate_async/exceptions.py`` is generated from a table (``tools/gen_exceptions.py``); this
test pins what each class gives (message, attributes, parents) when built the official way, with
this client's context arguments where it takes them, and by the client itself (``_with``), so
that a change of the table or of the generator cannot change an error unnoticed. Run this file
with ``GOLDEN_WRITE=1`` to re-record after a deliberate change.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import Any

import httpx
import pytest

from weaviate_async import exceptions

GOLDEN = Path(__file__).parent / "data" / "exceptions_golden.json"
CLASSES = [name for name in exceptions.__all__ if isinstance(getattr(exceptions, name), type)]
_CONTEXT = {"operation": "op.name", "target": "/v1/x", "status": 409, "server_message": "no"}


class _Call:
    """A gRPC call as an official constructor receives it."""

    def code(self) -> Any:
        class Code:
            name = "NOT_FOUND"
            value = (5, "not found")

        return Code()

    def details(self) -> str:
        return "gone"


def _argument(name: str) -> Any:
    values: dict[str, Any] = {
        "response": httpx.Response(413, json={"error": [{"message": "too big"}]}),
        "res": _Call(),
        "data": {"id": 1, "vector": [1.0]},
        "count": 4,
        "grpc_address": ("grpc.example", 50051),
        "error": TimeoutError("slow"),
        "grpc_path_prefix": "/web",
    }
    return values.get(name, f"<{name}>")


def _state(error: BaseException) -> dict[str, Any]:
    public = {
        name: repr(getattr(error, name))
        for name in dir(error)
        if not name.startswith("_")
        and name not in ("args", "add_note", "with_traceback")
        and not callable(getattr(error, name))
    }
    return {"str": str(error), "attributes": public, "error": repr(getattr(error, "_error", None))}


def _record() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in CLASSES:
        cls = getattr(exceptions, name)
        params = inspect.signature(cls).parameters.values()
        args = [_argument(p.name) for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
        context = {k: v for k, v in _CONTEXT.items() if k in inspect.signature(cls).parameters}
        entry = {
            "parents": [
                klass.__name__
                for klass in cls.__mro__
                if klass.__module__ in ("builtins", exceptions.__name__)
            ],
            "official": _state(cls(*args)),
            "with_context": _state(cls(*args, **context)),
        }
        if issubclass(cls, exceptions.WeaviateBaseError):
            entry["built"] = _state(cls._with("it failed", **_CONTEXT, error={"e": 1}))
        out[name] = entry
    return out


def test_every_exception_class_is_what_was_recorded() -> None:
    current = _record()
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
        pytest.skip("golden file written")
    assert current == json.loads(GOLDEN.read_text())
