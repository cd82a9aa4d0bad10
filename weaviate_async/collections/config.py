"""``collection.config``: read and change one collection's configuration."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import (
    check_property_name,
    check_str,
    invalid,
)
from weaviate_async.classes._config_base import (
    _VectorConfigCreate,
)
from weaviate_async.classes.config_collection import (
    _vector_config_json,
    collection_update_json,
)
from weaviate_async.classes.config_index import _VectorConfigUpdate, _VectorIndexConfigUpdate
from weaviate_async.classes.config_models import (
    CollectionConfig,
    CollectionConfigSimple,
    ShardStatus,
    ShardTypes,
)
from weaviate_async.classes.config_properties import (
    IndexName,
    Property,
    ReferenceProperty,
)
from weaviate_async.collections._config_methods import _ConfigMethods
from weaviate_async.collections._gates import (
    require_inverted_index_support,
    require_property_support,
)
from weaviate_async.exceptions import UnexpectedStatusCodeError
from weaviate_async.wire.config import (
    collection_config_from_json,
    collection_config_simple_from_json,
    shard_statuses_from_json,
)

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope

__all__ = ["IndexName", "_ConfigCollectionAsync"]

_INDEX_NAMES = ("searchable", "filterable", "rangeFilters")
_SHARD_STATUSES = ("READY", "READONLY")


def _vectorizer_modules(schema: dict[str, Any]) -> list[str]:
    """The vectorizer modules of a class JSON (legacy and named), ``none`` excluded."""
    mods: list[str] = []
    legacy = schema.get("vectorizer")
    if isinstance(legacy, str) and legacy != "none":
        mods.append(legacy)
    for vc in (schema.get("vectorConfig") or {}).values():
        vec = vc.get("vectorizer") if isinstance(vc, dict) else None
        if isinstance(vec, dict):
            mods.extend(m for m in vec if m != "none")
    return list(dict.fromkeys(mods))


@twin
class _ConfigCollectionAsync(_ConfigMethods):
    """The configuration of one collection (``collection.config``)."""

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        self._connection = connection
        self._scope = scope
        self._name = scope.name

    @property
    def _path(self) -> str:
        return f"/schema/{quote(self._name, safe='')}"

    async def _get_json(self, operation: str) -> dict[str, Any]:
        status, body = await self._connection.rest_status(
            "GET", self._path, operation=operation, ok=(200, 404)
        )
        if status == 404 or not isinstance(body, dict):
            raise UnexpectedStatusCodeError._with(
                f"{operation}: the collection {self._name!r} does not exist",
                operation=operation,
                target=f"/v1{self._path}",
                status=404,
                server_message=str(body) if body else None,
            )
        return body

    async def _get(self, simple: object) -> CollectionConfig | CollectionConfigSimple:
        schema = await self._get_json("collection.config.get")
        if simple:
            return collection_config_simple_from_json(schema)
        return collection_config_from_json(schema)

    async def _update(self, kwargs: dict[str, Any]) -> None:
        vector_index_config = kwargs["vector_index_config"]
        vectorizer_config = kwargs["vectorizer_config"]
        if vector_index_config is not None:
            warnings.warn(
                "config.update(vector_index_config=...) is deprecated: use vector_config",
                DeprecationWarning,
                stacklevel=3,
            )
        if vectorizer_config is not None and not isinstance(
            vectorizer_config, _VectorIndexConfigUpdate
        ):
            warnings.warn(
                "config.update(vectorizer_config=[...]) for named vectors is deprecated: use "
                "vector_config",
                DeprecationWarning,
                stacklevel=3,
            )
        # validate the arguments against a blank class before anything goes over the wire;
        # checks that need the current configuration run again on the real one below
        _precheck_update(kwargs)
        require_inverted_index_support(self._connection, kwargs["inverted_index_config"])
        current = await self._get_json("collection.config.update")
        body = collection_update_json(current, **kwargs)
        await self._connection.rest(
            "PUT", self._path, operation="collection.config.update", json=body
        )

    async def _add_property(self, prop: object) -> None:
        if not isinstance(prop, Property):
            raise invalid("prop", "must be a Property (use add_reference for references)", prop)
        check_property_name(prop.name, "prop")
        require_property_support(self._connection, [prop])
        schema = await self._get_json("collection.config.add_property")
        self._check_new_name(schema, prop.name, "prop")
        await self._connection.rest(
            "POST",
            f"{self._path}/properties",
            operation="collection.config.add_property",
            json=prop.to_json(_vectorizer_modules(schema)),
        )

    async def _add_reference(self, ref: object) -> None:
        if not isinstance(ref, ReferenceProperty):
            raise invalid("ref", "must be a ReferenceProperty", ref)
        schema = await self._get_json("collection.config.add_reference")
        self._check_new_name(schema, ref.name, "ref")
        await self._connection.rest(
            "POST",
            f"{self._path}/properties",
            operation="collection.config.add_reference",
            json=ref.to_json(),
        )

    def _check_new_name(self, schema: dict[str, Any], name: str, field: str) -> None:
        for p in schema.get("properties") or []:
            if isinstance(p, dict) and p.get("name") == name:
                raise invalid(
                    field, f"the collection {self._name!r} has a property {name!r} already", name
                )

    async def _add_vector(
        self, vector_config: _VectorConfigCreate | Sequence[_VectorConfigCreate]
    ) -> None:
        given = [vector_config] if isinstance(vector_config, _VectorConfigCreate) else vector_config
        for config in given if isinstance(given, (list, tuple)) else ():
            if getattr(config, "_named_syntax", False):
                warnings.warn(
                    f"Configure.NamedVectors (vector {config.name!r}) in config.add_vector() is "
                    "deprecated: use Configure.Vectors or Configure.MultiVectors",
                    DeprecationWarning,
                    stacklevel=3,
                )
        new = _vector_config_json(vector_config, "vector_config")
        schema = await self._get_json("collection.config.add_vector")
        existing = schema.get("vectorConfig") or {}
        for name in new:
            if name in existing:
                raise invalid(
                    "vector_config", f"the collection has a vector named {name!r} already", name
                )
        schema["vectorConfig"] = {**existing, **new}
        await self._connection.rest(
            "PUT", self._path, operation="collection.config.add_vector", json=schema
        )

    async def _delete_vector_index(self, vector_name: str) -> None:
        check_str(vector_name, "vector_name", allow_empty=False)
        await self._connection.rest(
            "DELETE",
            f"{self._path}/vectors/{quote(vector_name, safe='')}/index",
            operation="collection.config.delete_vector_index",
        )

    async def _delete_property_index(self, property_name: str, index_name: object) -> bool:
        check_str(property_name, "property_name", allow_empty=False)
        if index_name not in _INDEX_NAMES:
            raise invalid("index_name", f"must be one of {', '.join(_INDEX_NAMES)}", index_name)
        await self._connection.rest(
            "DELETE",
            f"{self._path}/properties/{quote(property_name, safe='')}/index/{index_name}",
            operation="collection.config.delete_property_index",
        )
        return True

    async def _get_shards(self) -> list[ShardStatus]:
        params = {"tenant": self._scope.tenant} if self._scope.tenant is not None else None
        body = await self._connection.rest(
            "GET", f"{self._path}/shards", operation="collection.config.get_shards", params=params
        )
        return shard_statuses_from_json(body)

    async def _update_shards(
        self, status: Literal["READY", "READONLY"], shard_names: object
    ) -> dict[str, ShardTypes]:
        if status not in _SHARD_STATUSES:
            raise invalid("status", "must be 'READY' or 'READONLY'", status)
        if shard_names is None:
            names = [s.name for s in await self._get_shards()]
        elif isinstance(shard_names, str):
            names = [shard_names]
        elif isinstance(shard_names, list) and all(isinstance(s, str) for s in shard_names):
            names = list(shard_names)
        else:
            raise invalid("shard_names", "must be a shard name or a list of names", shard_names)

        async def one(shard: str) -> tuple[str, ShardTypes]:
            body = await self._connection.rest(
                "PUT",
                f"{self._path}/shards/{quote(shard, safe='')}",
                operation="collection.config.update_shards",
                json={"status": status},
            )
            got = body.get("status", status) if isinstance(body, dict) else status
            return shard, got

        results = await asyncio.gather(*(one(n) for n in names))
        return dict(results)


def _precheck_update(kwargs: dict[str, Any]) -> None:
    """Type-check ``update`` arguments before any request (names are checked later)."""
    blank: dict[str, Any] = {"class": "X", "properties": [], "vectorConfig": {}}
    probe = dict(kwargs)
    # these need the collection's current configuration to be checked
    probe["property_descriptions"] = None
    vc = probe.get("vector_config")
    vz = probe.get("vectorizer_config")
    for key, value in (("vector_config", vc), ("vectorizer_config", vz)):
        items = [value] if isinstance(value, _VectorConfigUpdate) else value
        if isinstance(items, list):
            for item in items:
                if not isinstance(item, _VectorConfigUpdate):
                    raise invalid(
                        key, "entries must be built with Reconfigure.Vectors.update", item
                    )
            probe[key] = None
    if isinstance(vz, _VectorIndexConfigUpdate):
        probe["vectorizer_config"] = None
    if probe.get("vector_index_config") is not None:
        if not isinstance(probe["vector_index_config"], _VectorIndexConfigUpdate):
            raise invalid(
                "vector_index_config",
                "must be built with Reconfigure.VectorIndex",
                probe["vector_index_config"],
            )
        probe["vector_index_config"] = None
    if (kwargs.get("vector_config") is not None) and (
        kwargs.get("vectorizer_config") is not None or kwargs.get("vector_index_config") is not None
    ):
        raise invalid(
            "vector_config",
            "cannot be combined with vectorizer_config or vector_index_config; use one form",
        )
    pd = kwargs.get("property_descriptions")
    if pd is not None and (
        not isinstance(pd, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in pd.items())
    ):
        raise invalid("property_descriptions", "must be a dict of property name to str", pd)
    collection_update_json(blank, **probe)
