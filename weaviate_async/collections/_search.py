"""What the read namespaces of a collection handle share.

:class:`_ReadNamespace` (``query``, ``generate`` and ``aggregate``): the connection and scope,
the server's version gates, and media read from files off the event loop.
:class:`_SearchNamespace` (``query``, ``generate``, and ``collection.iterator()`` through
``query``): the data models and one path from arguments to a parsed reply.

The public methods of ``query`` and ``generate`` are generated from one table
(``tools/gen_search.py``); each builds its search operator with
:mod:`weaviate_async.wire.search` and calls :meth:`_SearchNamespace._execute`, so the ten search
kinds and the two namespaces share every argument's handling.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from weaviate_async._validate import invalid, is_typeddict
from weaviate_async.classes.search import BM25OperatorAndCross, MetadataQuery, to_metadata_query
from weaviate_async.exceptions import WeaviateUnsupportedFeatureError
from weaviate_async.wire import generative as wire_generative
from weaviate_async.wire import search as wire

if TYPE_CHECKING:
    from weaviate_async.classes.generative import (
        _GenerativeConfigRuntime,
        _GroupedTask,
        _SinglePrompt,
    )
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope
    from weaviate_async.proto.weaviate.v1 import generative_pb2, search_get_pb2
    from weaviate_async.types import BLOB_INPUT

__all__ = ["_ReadNamespace", "_SearchNamespace"]

#: fetch_object_by_id always returns these.
SINGLE_METADATA = MetadataQuery(creation_time=True, last_update_time=True, is_consistent=True)
# BM25Operator.and_cross() came to three release lines at once.
_AND_CROSS_VERSIONS = ((1, 37, 15), (1, 38, 8), (1, 39, 0))


def _media_is_file(media: Any) -> bool:
    if isinstance(media, (Path, io.BufferedReader)):
        return True
    # Base64 text is no path; os.path.isfile answers False for it, also when it is too long.
    return isinstance(media, str) and len(media) < 4096 and os.path.isfile(media)


class _ReadNamespace:
    """What the read namespaces of one collection handle share (query, generate, aggregate):
    the connection and scope, the server's version gates, and media read from files."""

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        self._connection = connection
        self._scope = scope

    @property
    def _version(self) -> tuple[int, int, int]:
        return self._connection.server_version

    def _check_versions(
        self,
        *,
        boost: Any = None,
        diversity_selection: Any = None,
        return_metadata: Any = None,
        bm25_operator: Any = None,
    ) -> None:
        """Raise WeaviateUnsupportedFeatureError for an argument the server is too old for."""
        require = self._connection.require_version
        if boost is not None:
            require("boost", "1.38.0")
        if diversity_selection is not None:
            require("diversity_selection (MMR)", "1.37.0")
        metadata = to_metadata_query(return_metadata)
        if metadata is not None and metadata.query_profile:
            require("query profiling (MetadataQuery.query_profile)", "1.36.9")
        if isinstance(bm25_operator, BM25OperatorAndCross) and not _and_cross_ok(self._version):
            raise WeaviateUnsupportedFeatureError(
                "BM25Operator.and_cross()",
                current=".".join(map(str, self._version)),
                minimum=" or ".join(".".join(map(str, m)) for m in _AND_CROSS_VERSIONS),
            )

    async def _blob(self, media: BLOB_INPUT, field: str) -> str:
        """Media as base64 text: a path or a binary file is read in a worker thread (the event
        loop never waits on the disk), text is taken as base64.

        Raises:
            WeaviateInvalidInputError: ``media`` is neither a file nor non-empty text.
        """
        if _media_is_file(media):
            import anyio

            from weaviate_async.util import file_encoder_b64

            return await anyio.to_thread.run_sync(file_encoder_b64, media)
        if not isinstance(media, str) or not media:
            raise invalid(
                field, "must be base64 text, a path or a file opened in binary mode", media
            )
        return media


class _SearchNamespace(_ReadNamespace):
    """The shared part of the query and generate namespaces of one collection handle."""

    def __init__(
        self,
        connection: Connection,
        scope: CollectionScope,
        properties: type[Any] | None = None,
        references: type[Any] | None = None,
    ) -> None:
        super().__init__(connection, scope)
        self._properties = properties if is_typeddict(properties) else None
        self._references = references if is_typeddict(references) else None

    async def _blobs(self, images: Iterable[BLOB_INPUT] | None) -> list[str] | None:
        if images is None:
            return None
        return [await self._blob(image, "images") for image in images]

    async def _generative(
        self,
        single_prompt: str | _SinglePrompt | None,
        grouped_task: str | _GroupedTask | None,
        grouped_properties: list[str] | None,
        generative_provider: _GenerativeConfigRuntime | None,
    ) -> generative_pb2.GenerativeSearch:
        if generative_provider is not None:
            # A provider chosen per query arrived in the server's gRPC API with 1.27.14.
            self._connection.require_version("Dynamic RAG (generative_provider)", "1.27.14")
        return wire_generative.generative_pb(
            single_prompt=single_prompt,
            grouped_task=grouped_task,
            grouped_properties=grouped_properties,
            generative_provider=generative_provider,
            single_images=await self._blobs(getattr(single_prompt, "images", None)),
            grouped_images=await self._blobs(getattr(grouped_task, "images", None)),
            version=self._version,
        )

    def _prepare(
        self,
        operator: dict[str, Any],
        *,
        diversity_selection: Any = None,
        bm25_operator: Any = None,
        **arguments: Any,
    ) -> tuple[search_get_pb2.SearchRequest, wire.ReplyShape]:
        """Check versions and arguments, and build the request and the shape of its reply;
        nothing is sent."""
        self._check_versions(
            boost=arguments.get("boost"),
            diversity_selection=diversity_selection,
            return_metadata=arguments.get("return_metadata"),
            bm25_operator=bm25_operator,
        )
        return wire.search_request(
            self._scope,
            properties_model=self._properties,
            references_model=self._references,
            **arguments,
            **operator,
        )

    async def _send(
        self, operation: str, request: search_get_pb2.SearchRequest, shape: wire.ReplyShape
    ) -> Any:
        """Search and parse what was asked for."""
        reply = await self._connection.search(request, operation=operation)
        return wire.parse_reply(reply, shape, self._scope.name)

    async def _execute(self, operation: str, operator: dict[str, Any], **arguments: Any) -> Any:
        """Check versions, build the request, search, and parse what was asked for
        (``arguments`` as :meth:`_prepare` takes them)."""
        request, shape = self._prepare(operator, **arguments)
        return await self._send(operation, request, shape)

    def _execute_blocking(self, operation: str, operator: dict[str, Any], **arguments: Any) -> Any:
        """:meth:`_execute` for the blocking facade, in the caller's thread: the request is
        built and the reply parsed here; the call itself goes out from this thread where the
        transport can (``Connection.search_blocking``), else it hops onto the loop."""
        request, shape = self._prepare(operator, **arguments)
        reply = self._connection.search_blocking(request, operation=operation)
        return wire.parse_reply(reply, shape, self._scope.name)

    def _empty(self, **arguments: Any) -> Any:
        """The result of a search that needs no request (``fetch_objects_by_ids([])``)."""
        from weaviate_async.proto.weaviate.v1 import search_get_pb2

        _, shape = wire.search_request(self._scope, **arguments)
        return wire.parse_reply(search_get_pb2.SearchReply(), shape, self._scope.name)


def _and_cross_ok(version: tuple[int, int, int]) -> bool:
    if version == (0, 0, 0) or version >= _AND_CROSS_VERSIONS[-1]:
        return True
    return any(version[:2] == m[:2] and version >= m for m in _AND_CROSS_VERSIONS)
