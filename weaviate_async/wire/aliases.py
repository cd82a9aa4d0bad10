"""Alias replies (pure): ``{"alias": ..., "class": ...}`` objects as :class:`AliasReturn`."""

from __future__ import annotations

from typing import Any

from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.models.aliases import AliasReturn

__all__ = ["alias_from_json", "aliases_from_json"]


def alias_from_json(data: Any, operation: str) -> AliasReturn:
    """One alias of the server's JSON."""
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("alias"), str)
        or not isinstance(data.get("class"), str)
    ):
        raise ResponseCannotBeDecodedError._with(
            f"expected an alias object, got {data!r}", operation=operation
        )
    return AliasReturn(alias=data["alias"], collection=data["class"])


def aliases_from_json(body: Any) -> dict[str, AliasReturn]:
    """The aliases of ``GET /aliases`` (``{"aliases": [...]}``), by alias name."""
    items = body.get("aliases") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise ResponseCannotBeDecodedError._with(
            f"expected {{'aliases': [...]}}, got {body!r}", operation="alias.list_all"
        )
    aliases = [alias_from_json(item, "alias.list_all") for item in items]
    return {a.alias: a for a in aliases}
