"""``delete_many``: the gRPC ``BatchDeleteRequest`` from a filter and the
:class:`DeleteManyReturn` from its reply. Pure functions."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from weaviate_async._validate import invalid
from weaviate_async.classes.batch import DeleteManyObject, DeleteManyReturn
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import batch_delete_pb2
from weaviate_async.wire.filters import filters_pb
from weaviate_async.wire.unencodable import utf8_arguments
from weaviate_async.wire.values import consistency_level_pb

__all__ = ["batch_delete_request", "delete_many_result"]


@utf8_arguments
def batch_delete_request(
    scope: CollectionScope, where: Any, *, verbose: Any, dry_run: Any
) -> batch_delete_pb2.BatchDeleteRequest:
    """The request deleting the objects of ``scope`` that ``where`` matches.

    Raises:
        WeaviateInvalidInputError: ``where`` is not a filter, or a flag is not a bool.
    """
    for name, flag in (("verbose", verbose), ("dry_run", dry_run)):
        if not isinstance(flag, bool):
            raise invalid(name, "must be a bool", flag)
    if where is None:
        raise invalid("where", "a filter is required (Filter...); nothing is deleted without one")
    return batch_delete_pb2.BatchDeleteRequest(
        collection=scope.name,
        filters=filters_pb(where, "where"),
        verbose=verbose,
        dry_run=dry_run,
        consistency_level=consistency_level_pb(scope.consistency_level),  # type: ignore[arg-type]
        tenant=scope.tenant,
    )


def delete_many_result(
    reply: batch_delete_pb2.BatchDeleteReply, verbose: bool
) -> DeleteManyReturn[list[DeleteManyObject]] | DeleteManyReturn[None]:
    """The counts of a delete and, when ``verbose``, each matched object (its uuid from the
    big-endian bytes the server sends, its outcome and error)."""
    if not verbose:
        return DeleteManyReturn(
            failed=reply.failed, matches=reply.matches, objects=None, successful=reply.successful
        )
    objects = [
        DeleteManyObject(
            # The server sends the id as a big integer's bytes: 15 or fewer when the uuid
            # starts with zero bytes (seen on 1.37.0), so they are read as a number.
            uuid=uuid_lib.UUID(int=int.from_bytes(o.uuid, "big")),
            successful=o.successful,
            error=o.error if o.HasField("error") and o.error else None,
        )
        for o in reply.objects
    ]
    return DeleteManyReturn(
        failed=reply.failed, matches=reply.matches, objects=objects, successful=reply.successful
    )
