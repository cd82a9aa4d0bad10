"""``client.collections``: create, get, list and delete collections."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import (
    check_collection_name,
    check_data_model,
    invalid,
)
from weaviate_async.classes._config_base import (
    _GenerativeProvider,
    _RerankerProvider,
    _VectorConfigCreate,
    _VectorIndexConfigCreate,
    _VectorizerConfigCreate,
)
from weaviate_async.classes.config_collection import (
    SERVER_DEFAULT_INDEX_VERSION,
    _InvertedIndexConfigCreate,
    _MultiTenancyConfigCreate,
    _ObjectTTLConfigCreate,
    _ReplicationConfigCreate,
    _ShardingConfigCreate,
    collection_create_json,
    without_dropped_vectors,
)
from weaviate_async.classes.config_models import (
    CollectionConfig,
    CollectionConfigSimple,
)
from weaviate_async.classes.config_properties import (
    Property,
    ReferenceProperty,
)
from weaviate_async.collections._collections_methods import _CollectionsMethods
from weaviate_async.collections._gates import (
    require_inverted_index_support,
    require_property_support,
)
from weaviate_async.collections.collection import CollectionAsync, Properties, References
from weaviate_async.wire.config import collection_configs_from_json

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_CollectionsAsync"]


def _path(name: str) -> str:
    return f"/schema/{quote(name, safe='')}"


@twin
class _CollectionsAsync(_CollectionsMethods):
    """The collections of the connected server (``client.collections``)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    async def create(
        self,
        name: str,
        *,
        description: str | None = None,
        generative_config: _GenerativeProvider | None = None,
        inverted_index_config: _InvertedIndexConfigCreate | None = None,
        multi_tenancy_config: _MultiTenancyConfigCreate | None = None,
        object_ttl_config: _ObjectTTLConfigCreate | None = None,
        properties: Sequence[Property] | None = None,
        references: Sequence[ReferenceProperty] | None = None,
        replication_config: _ReplicationConfigCreate | None = None,
        reranker_config: _RerankerProvider | None = None,
        sharding_config: _ShardingConfigCreate | None = None,
        vector_index_config: _VectorIndexConfigCreate | None = None,
        vectorizer_config: _VectorizerConfigCreate | list[_VectorConfigCreate] | None = None,
        vector_config: _VectorConfigCreate | list[_VectorConfigCreate] | None = None,
        data_model_properties: type[Properties] | None = None,
        data_model_references: type[References] | None = None,
        skip_argument_validation: bool = False,
    ) -> CollectionAsync[Properties, References]:
        """Create a collection and return a handle on it.

        Every argument is built with ``Configure`` (see :mod:`weaviate_async.classes.config`).
        ``vector_config`` is the current way to configure vectors; ``vectorizer_config`` and
        ``vector_index_config`` are the older forms. Arguments are checked before the request
        is sent; ``skip_argument_validation`` only skips the check of the data models.

        Raises:
            WeaviateInvalidInputError: an argument is invalid.
            InvalidDataModelError: a data model is neither a TypedDict nor ``dict[...]``.
            WeaviateUnsupportedFeatureError: ``text_analyzer`` or ``stopword_presets`` is set
                and the server is older than 1.37.0.
            ObjectAlreadyExistsError: a collection of that name exists already.
            UnexpectedStatusCodeError: the server refused the configuration (its message kept).
        """
        if vectorizer_config is not None:
            warnings.warn(
                "collections.create(vectorizer_config=...) is deprecated: use vector_config",
                DeprecationWarning,
                stacklevel=2,
            )
        if vector_index_config is not None:
            warnings.warn(
                "collections.create(vector_index_config=...) is deprecated: give the index "
                "inside vector_config",
                DeprecationWarning,
                stacklevel=2,
            )
        if not skip_argument_validation:  # before sending: nothing created half-way
            check_data_model(data_model_properties, "properties")
            check_data_model(data_model_references, "references")
        if isinstance(properties, Sequence):
            require_property_support(self._connection, properties)
        require_inverted_index_support(self._connection, inverted_index_config)
        body = collection_create_json(
            name,
            description=description,
            properties=properties,
            references=references,
            vector_config=vector_config,
            vectorizer_config=vectorizer_config,
            vector_index_config=vector_index_config,
            generative_config=generative_config,
            reranker_config=reranker_config,
            inverted_index_config=inverted_index_config,
            multi_tenancy_config=multi_tenancy_config,
            replication_config=replication_config,
            sharding_config=sharding_config,
            object_ttl_config=object_ttl_config,
            # an unknown version (skip_init_checks) keeps the explicit hnsw, which every
            # server accepts
            emit_default_index_type=not (
                self._connection.server_version >= SERVER_DEFAULT_INDEX_VERSION
            ),
        )
        return await self._post(body, data_model_properties, data_model_references)

    async def _post(
        self,
        body: dict[str, Any],
        properties: type[Properties] | None = None,
        references: type[References] | None = None,
    ) -> CollectionAsync[Properties, References]:
        reply = await self._connection.rest(
            "POST", "/schema", operation="collections.create", json=body, timeout="init"
        )
        name = reply.get("class") if isinstance(reply, dict) else None
        return CollectionAsync(
            self._connection,
            name if isinstance(name, str) else body["class"],
            properties=properties,
            references=references,
        )

    async def _create_from_dict(self, config: object) -> CollectionAsync[Any, Any]:
        if not isinstance(config, Mapping):
            raise invalid("config", "must be a dict (the server's class JSON)", config)
        body = without_dropped_vectors(dict(config))
        body["class"] = check_collection_name(body.get("class"), "config['class']")
        return await self._post(body)

    async def _create_from_config(self, config: object) -> CollectionAsync[Any, Any]:
        if not isinstance(config, CollectionConfig):
            raise invalid("config", "must be a CollectionConfig", config)
        if config.vector_config is None and config.vectorizer is None:
            raise invalid(
                "config",
                f"the configuration of {config.name!r} has no vector left (its vectors were "
                "dropped with collection.config.delete_vector_index() and cleaned up); the "
                "server would create a default vector index instead. Give it at least one "
                "vector first",
            )
        return await self._create_from_dict(config.to_dict())

    def get(
        self,
        name: str,
        data_model_properties: type[Properties] | None = None,
        data_model_references: type[References] | None = None,
        skip_argument_validation: bool = False,
    ) -> CollectionAsync[Properties, References]:
        """A handle on the collection ``name``, without any request (see :meth:`use`)."""
        return self.use(
            name, data_model_properties, data_model_references, skip_argument_validation
        )

    def use(
        self,
        name: str,
        data_model_properties: type[Properties] | None = None,
        data_model_references: type[References] | None = None,
        skip_argument_validation: bool = False,
    ) -> CollectionAsync[Properties, References]:
        """A handle on the collection ``name``, without any request.

        The name's first letter is uppercased, as the server does.

        Args:
            name: the collection's name.
            data_model_properties: a TypedDict describing the properties, for typing.
            data_model_references: a TypedDict describing the references, for typing.
            skip_argument_validation: do not check the name and the data models.

        Raises:
            InvalidDataModelError: a data model is neither a TypedDict nor ``dict[...]``.
        """
        if skip_argument_validation:
            fixed = name
        else:
            fixed = check_collection_name(name)
            check_data_model(data_model_properties, "properties")
            check_data_model(data_model_references, "references")
        return CollectionAsync(
            self._connection,
            fixed,
            properties=data_model_properties,
            references=data_model_references,
        )

    async def _exists(self, name: object) -> bool:
        fixed = check_collection_name(name)
        if not fixed:
            raise invalid("name", "a collection name must not be empty", name)
        status, _ = await self._connection.rest_status(
            "GET", _path(fixed), operation="collections.exists", ok=(200, 404)
        )
        return status == 200

    async def _export_config(self, name: object) -> CollectionConfig:
        fixed = check_collection_name(name)
        return await self.use(fixed).config.get()

    async def _list_all(
        self, simple: object
    ) -> dict[str, CollectionConfig] | dict[str, CollectionConfigSimple]:
        if not isinstance(simple, bool):
            raise invalid("simple", "must be a bool", simple)
        body = await self._connection.rest("GET", "/schema", operation="collections.list_all")
        configs = collection_configs_from_json(body, simple=simple)
        # Sorted by name, as the official client returns them (the server lists in its own order).
        return dict(sorted(configs.items()))  # type: ignore[return-value]

    async def _delete(self, name: object) -> None:
        names = [name] if isinstance(name, str) else name
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise invalid("name", "must be a collection name or a list of names", name)
        fixed = [check_collection_name(n) for n in names]
        for n in fixed:
            await self._connection.rest("DELETE", _path(n), operation="collections.delete")

    async def _delete_all(self) -> None:
        body = await self._connection.rest("GET", "/schema", operation="collections.delete_all")
        classes = body.get("classes") or [] if isinstance(body, dict) else []
        names = [c["class"] for c in classes if isinstance(c, dict) and "class" in c]
        await asyncio.gather(
            *(
                self._connection.rest("DELETE", _path(n), operation="collections.delete_all")
                for n in names
            )
        )
