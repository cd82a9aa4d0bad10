"""References between objects: REST beacons for ``reference_add`` / ``reference_delete`` /
``reference_replace``, and the gRPC ``BatchReferencesRequest`` for ``reference_add_many`` with
its per-reference results. Pure functions.

A single-target reference is sent without its target collection (the server knows it from the
schema); a multi-target reference (``ReferenceToMulti``, ``DataReferenceMulti``) names it.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from weaviate_async._validate import (
    check_collection_name,
    check_property_name,
    invalid,
    uuid_str,
)
from weaviate_async.classes.batch import BatchReference, BatchReferenceReturn, ErrorReference
from weaviate_async.classes.data import DataReference, DataReferenceMulti
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import batch_pb2
from weaviate_async.wire.values import beacon, consistency_level_pb, ref_targets, ref_uuids

__all__ = [
    "ReferencesPlan",
    "batch_references_request",
    "batch_references_result",
    "references_return",
    "reference_path",
    "replace_beacons",
    "single_beacon",
]


def reference_path(scope: CollectionScope, from_uuid: Any, from_property: Any) -> str:
    """``/objects/{collection}/{from_uuid}/references/{from_property}``, checked."""
    uid = uuid_str(from_uuid, "from_uuid")
    check_property_name(from_property, "from_property")
    return f"/objects/{scope.name}/{uid}/references/{from_property}"


def single_beacon(to: Any, operation: str) -> dict[str, str]:
    """The body of ``reference_add`` / ``reference_delete``: one target, a UUID or a
    ``ReferenceToMulti`` holding one uuid."""
    several = "for several targets use reference_add_many or reference_replace"
    if isinstance(to, Sequence) and not isinstance(to, str):
        raise invalid("to", f"{operation} takes a UUID or a ReferenceToMulti; {several}", to)
    collection, uuids = ref_targets(to, "to")
    if len(uuids) != 1:
        raise invalid("to", f"{operation} takes one target uuid; {several}", to)
    return {"beacon": beacon(uuids[0], collection)}


def replace_beacons(to: Any) -> list[dict[str, str]]:
    """The body of ``reference_replace``: every target (an empty list clears the property)."""
    collection, uuids = ref_targets(to, "to")
    return [{"beacon": beacon(u, collection)} for u in uuids]


@attrs.frozen
class ReferencesPlan:
    """A built ``BatchReferencesRequest`` and what is needed to report on it.

    Attributes:
        request: the request to send.
        sent: each reference sent, in request order (an input with several target uuids
            sends one reference per uuid; ``index`` is the input's position).
    """

    request: batch_pb2.BatchReferencesRequest
    sent: list[BatchReference]


def batch_references_request(refs: Any, scope: CollectionScope) -> ReferencesPlan:
    """Build the request for ``reference_add_many``.

    Raises:
        WeaviateInvalidInputError: a reference is invalid; the field names its index, e.g.
            ``refs[2].to_uuid[1]``. Nothing is sent then.
    """
    if isinstance(refs, (str, bytes)) or not isinstance(refs, Sequence):
        raise invalid("refs", "must be a list of DataReference or DataReferenceMulti", refs)
    collection = scope.name
    tenant = scope.tenant or ""
    make = batch_pb2.BatchReference
    out: list[batch_pb2.BatchReference] = []
    sent: list[BatchReference] = []
    for i, ref in enumerate(refs):
        field = f"refs[{i}]"
        if not isinstance(ref, (DataReference, DataReferenceMulti)):
            raise invalid(field, "must be a DataReference or DataReferenceMulti", ref)
        check_property_name(ref.from_property, f"{field}.from_property")
        from_uuid = uuid_str(ref.from_uuid, f"{field}.from_uuid")
        to_collection: str | None = None
        if isinstance(ref, DataReferenceMulti):
            to_collection = check_collection_name(
                ref.target_collection, f"{field}.target_collection"
            )
        for to_uuid in ref_uuids(ref.to_uuid, f"{field}.to_uuid"):
            out.append(
                make(
                    name=ref.from_property,
                    from_collection=collection,
                    from_uuid=from_uuid,
                    to_collection=to_collection,
                    to_uuid=to_uuid,
                    tenant=tenant,
                )
            )
            sent.append(
                BatchReference(
                    from_object_collection=collection,
                    from_object_uuid=uuid_lib.UUID(from_uuid),
                    from_property_name=ref.from_property,
                    to_object_uuid=uuid_lib.UUID(to_uuid),
                    to_object_collection=to_collection,
                    tenant=scope.tenant,
                    index=i,
                )
            )
    request = batch_pb2.BatchReferencesRequest(
        references=out,
        consistency_level=consistency_level_pb(scope.consistency_level),  # type: ignore[arg-type]
    )
    return ReferencesPlan(request, sent)


def batch_references_result(
    plan: ReferencesPlan, reply: batch_pb2.BatchReferencesReply, elapsed_seconds: float
) -> BatchReferenceReturn:
    """The failed references of a batch, by their position in the batch sent."""
    return references_return(plan, {e.index: e.error for e in reply.errors}, elapsed_seconds)


def references_return(
    plan: ReferencesPlan, messages: Mapping[int, str], elapsed_seconds: float
) -> BatchReferenceReturn:
    """The failed references of a batch (``messages``: the error by position in the batch
    sent; a batch sent in several requests has its positions counted over all of them)."""
    errors = {
        i: ErrorReference(message, plan.sent[i])
        for i, message in messages.items()
        if 0 <= i < len(plan.sent)
    }
    return BatchReferenceReturn(
        elapsed_seconds=elapsed_seconds, errors=errors, has_errors=bool(errors)
    )
