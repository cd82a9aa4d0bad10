"""``client.alias``: create, read, re-point and delete collection aliases.

An alias name follows the rules of a collection name (a letter first, then letters, digits and
underscores); the server stores it with its first letter uppercased, and so does this client
before sending it. An alias cannot take the name of an existing collection, nor a collection
the name of an alias.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import check_collection_name
from weaviate_async.models.aliases import AliasReturn
from weaviate_async.wire.aliases import alias_from_json, aliases_from_json

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection

__all__ = ["_AliasAsync"]

# The /aliases endpoints came with this server release.
_FEATURE = "Collection aliases"
_MINIMUM = "1.32.0"


@twin
class _AliasAsync:
    """Collection aliases (``client.alias``); every method needs Weaviate 1.32.0 or newer and
    raises WeaviateUnsupportedFeatureError before sending anything to an older server.

    Examples:
        >>> await client.alias.create(alias_name="Products", target_collection="ProductsV1")
        >>> await client.collections.use("Products").query.fetch_objects()  # reads ProductsV1
        >>> await client.alias.update(alias_name="Products", new_target_collection="ProductsV2")
    """

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def _path(self, alias_name: str) -> str:
        """The path of the alias, once the server is known to have aliases and the name is
        checked."""
        self._connection.require_version(_FEATURE, _MINIMUM)
        return f"/aliases/{quote(check_collection_name(alias_name, 'alias_name'), safe='')}"

    async def list_all(self, *, collection: str | None = None) -> dict[str, AliasReturn]:
        """Every alias, or those of one collection, by alias name.

        Args:
            collection: only the aliases pointing to this collection.

        Raises:
            WeaviateInvalidInputError: ``collection`` is not a valid collection name.
        """
        self._connection.require_version(_FEATURE, _MINIMUM)
        params = None
        if collection is not None:
            params = {"class": check_collection_name(collection, "collection")}
        body = await self._connection.rest(
            "GET", "/aliases", operation="alias.list_all", params=params
        )
        return aliases_from_json(body)

    async def get(self, *, alias_name: str) -> AliasReturn | None:
        """The alias ``alias_name``, or None when there is none.

        Raises:
            WeaviateInvalidInputError: ``alias_name`` is not a valid alias name.
        """
        status, body = await self._connection.rest_status(
            "GET", self._path(alias_name), operation="alias.get", ok=(200, 404)
        )
        return alias_from_json(body, "alias.get") if status == 200 else None

    async def create(self, *, alias_name: str, target_collection: str) -> None:
        """Create the alias ``alias_name`` of ``target_collection``.

        Raises:
            WeaviateInvalidInputError: a name is not valid; nothing is sent.
            ObjectAlreadyExistsError: the alias exists already.
            UnexpectedStatusCodeError: the server refused (the collection does not exist, or a
                collection has the alias's name), with its message.
        """
        self._connection.require_version(_FEATURE, _MINIMUM)
        name = check_collection_name(alias_name, "alias_name")
        target = check_collection_name(target_collection, "target_collection")
        await self._connection.rest(
            "POST",
            "/aliases",
            operation="alias.create",
            json={"alias": name, "class": target},
        )

    async def delete(self, *, alias_name: str) -> bool:
        """Delete the alias (the collection stays). True if it existed, False otherwise.

        Raises:
            WeaviateInvalidInputError: ``alias_name`` is not a valid alias name.
        """
        status, _ = await self._connection.rest_status(
            "DELETE", self._path(alias_name), operation="alias.delete", ok=(204, 404)
        )
        return status == 204

    async def update(self, *, alias_name: str, new_target_collection: str) -> bool:
        """Point the alias to another collection. True if it was re-pointed, False when there
        is no such alias.

        Raises:
            WeaviateInvalidInputError: a name is not valid; nothing is sent.
            UnexpectedStatusCodeError: the server refused (e.g. the collection does not
                exist), with its message.
        """
        path = self._path(alias_name)
        target = check_collection_name(new_target_collection, "new_target_collection")
        status, _ = await self._connection.rest_status(
            "PUT",
            path,
            operation="alias.update",
            json={"class": target},
            ok=(200, 404),
        )
        return status == 200

    async def exists(self, *, alias_name: str) -> bool:
        """Whether the alias ``alias_name`` exists.

        Raises:
            WeaviateInvalidInputError: ``alias_name`` is not a valid alias name.
        """
        status, _ = await self._connection.rest_status(
            "GET", self._path(alias_name), operation="alias.exists", ok=(200, 404)
        )
        return status == 200
