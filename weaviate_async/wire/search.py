"""Search over gRPC: ``SearchRequest`` from query arguments, query results from ``SearchReply``.
Pure functions.

One argument handler serves every search kind. :func:`search_request` takes the arguments all
kinds share (paging, what to return, tenant and consistency) plus at most one search operator,
built by its own small function (:func:`near_vector_pb`, :func:`near_object_pb`,
:func:`bm25_pb`, :func:`hybrid_pb`). A new kind (near_text, near_image, ...) adds one operator
builder; a new shared argument (filters, sort, group_by, rerank, generative, references) adds one
keyword to :func:`search_request` and one converter, and every kind gets it.
"""

from __future__ import annotations

import math
import uuid as uuid_lib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from weaviate_async._validate import (
    invalid,
    uuid_str,
)
from weaviate_async.classes.internal import (
    MetadataReturn,
    MetadataSingleObjectReturn,
    Object,
    ObjectSingleReturn,
    QueryReturn,
)
from weaviate_async.classes.query import HybridFusion, MetadataQuery, QueryNested
from weaviate_async.collections.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import base_pb2, base_search_pb2, search_get_pb2
from weaviate_async.wire.values import (
    consistency_level_pb,
    decode_properties,
    ms_to_datetime,
    pack_any_vector,
    unpack_multi_vector,
    unpack_vector,
)

__all__ = [
    "bm25_pb",
    "hybrid_pb",
    "id_filter_pb",
    "metadata_pb",
    "near_object_pb",
    "near_vector_pb",
    "properties_pb",
    "search_objects",
    "search_request",
    "single_object",
    "targets_pb",
]

_METADATA_FIELDS = tuple(a.name for a in attrs.fields(MetadataQuery))
_SINGLE = base_pb2.Vectors.VECTOR_TYPE_SINGLE_FP32
_MULTI = base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
_UINT32_MAX = 2**32 - 1
_FUSION = {
    HybridFusion.RANKED: base_search_pb2.Hybrid.FUSION_TYPE_RANKED,
    HybridFusion.RELATIVE_SCORE: base_search_pb2.Hybrid.FUSION_TYPE_RELATIVE_SCORE,
}


# ---------------------------------------------------------------------------------- checks


def _count(value: Any, field: str) -> int:
    """An optional non-negative int argument as the wire value (0 = not set)."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(field, "must be an int", value)
    if value < 0 or value > _UINT32_MAX:
        raise invalid(field, "must be zero or positive", value)
    return value


def _opt_float(value: Any, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise invalid(field, "must be a number", value)
    f = float(value)
    if not math.isfinite(f):
        raise invalid(field, "must be a finite number", value)
    return f


def _certainty_distance(certainty: Any, distance: Any) -> dict[str, Any]:
    c = _opt_float(certainty, "certainty")
    d = _opt_float(distance, "distance")
    if c is not None and d is not None:
        raise invalid("certainty", "cannot be combined with distance; give one of them")
    if c is not None and not 0.0 <= c <= 1.0:
        raise invalid("certainty", "must be between 0 and 1", certainty)
    out: dict[str, Any] = {}
    if c is not None:
        out["certainty"] = c
    if d is not None:
        out["distance"] = d
    return out


def _names(value: Any, field: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence) or not all(isinstance(v, str) and v for v in value):
        raise invalid(field, "must be a name or a list of names", value)
    return list(value)


# ---------------------------------------------------------------------------------- returns


def metadata_pb(
    return_metadata: Any,
    include_vector: Any,
    *,
    always: MetadataQuery | None = None,
) -> search_get_pb2.MetadataRequest:
    """The ``MetadataRequest``: the uuid always, the metadata asked for (a MetadataQuery or a
    list of its field names), plus ``always``, and the vectors of ``include_vector`` (True: all;
    a name or list of names: those)."""
    flags: dict[str, bool] = {}
    if return_metadata is not None:
        if isinstance(return_metadata, MetadataQuery):
            flags = {f: getattr(return_metadata, f) for f in _METADATA_FIELDS}
        elif isinstance(return_metadata, Sequence) and not isinstance(return_metadata, str):
            for name in return_metadata:
                if name not in _METADATA_FIELDS:
                    allowed = ", ".join(_METADATA_FIELDS)
                    raise invalid("return_metadata", f"names must be among {allowed}", name)
                flags[name] = True
        else:
            raise invalid(
                "return_metadata",
                "must be a MetadataQuery or a list of field names",
                return_metadata,
            )
    if always is not None:
        for f in _METADATA_FIELDS:
            if getattr(always, f):
                flags[f] = True
    request = search_get_pb2.MetadataRequest(
        uuid=True,
        creation_time_unix=flags.get("creation_time", False),
        last_update_time_unix=flags.get("last_update_time", False),
        distance=flags.get("distance", False),
        certainty=flags.get("certainty", False),
        score=flags.get("score", False),
        explain_score=flags.get("explain_score", False),
        is_consistent=flags.get("is_consistent", False),
    )
    if include_vector is True:
        request.vector = True
    elif include_vector is not False and include_vector is not None:
        request.vectors.extend(_names(include_vector, "include_vector"))
    return request


def _nested_pb(nested: QueryNested, field: str) -> search_get_pb2.ObjectPropertiesRequest:
    if not isinstance(nested.name, str) or not nested.name:
        raise invalid(field, "QueryNested.name must be a property name", nested.name)
    props = nested.properties
    items = [props] if isinstance(props, (str, QueryNested)) else list(props)
    out = search_get_pb2.ObjectPropertiesRequest(prop_name=nested.name)
    for p in items:
        if isinstance(p, str):
            out.primitive_properties.append(p)
        elif isinstance(p, QueryNested):
            out.object_properties.append(_nested_pb(p, field))
        else:
            raise invalid(field, "nested properties must be names or QueryNested", p)
    return out


def properties_pb(return_properties: Any) -> search_get_pb2.PropertiesRequest | None:
    """The ``PropertiesRequest``: None (server default: every non-reference, non-blob
    property) for None or True; nothing for False; else the named properties and the nested
    fields of QueryNested entries."""
    if return_properties is None or return_properties is True:
        return None
    request = search_get_pb2.PropertiesRequest()
    if return_properties is False:
        return request
    items = (
        [return_properties]
        if isinstance(return_properties, (str, QueryNested))
        else return_properties
    )
    if not isinstance(items, Sequence):
        raise invalid(
            "return_properties",
            "must be a name, a QueryNested or a list of them",
            return_properties,
        )
    seen: set[str] = set()
    for p in items:
        if isinstance(p, str):
            if p and p not in seen:
                seen.add(p)
                request.non_ref_properties.append(p)
            elif not p:
                raise invalid("return_properties", "property names must not be empty", p)
        elif isinstance(p, QueryNested):
            request.object_properties.append(_nested_pb(p, "return_properties"))
        else:
            raise invalid("return_properties", "entries must be names or QueryNested", p)
    return request


# ---------------------------------------------------------------------------------- operators


def targets_pb(target_vector: Any) -> base_search_pb2.Targets | None:
    """The ``Targets`` of a vector search: None, a vector name or a list of names."""
    if target_vector is None:
        return None
    return base_search_pb2.Targets(target_vectors=_names(target_vector, "target_vector"))


def _vectors_pb(vector: Any, field: str) -> base_pb2.Vectors:
    packed, kind = pack_any_vector(vector, field)
    return base_pb2.Vectors(vector_bytes=packed, type=kind)  # type: ignore[arg-type]


def _vector_for_targets(
    named: Mapping[str, Any], target_vector: Any, field: str
) -> tuple[list[base_search_pb2.VectorForTarget], base_search_pb2.Targets]:
    if not named:
        raise invalid(field, "must name at least one vector", named)
    names = list(named) if target_vector is None else _names(target_vector, "target_vector")
    order = list(dict.fromkeys(names))
    missing = [n for n in order if n not in named]
    if missing:
        raise invalid(field, f"has no vector for target(s) {missing}", list(named))
    extra = [n for n in named if n not in order]
    if extra:
        raise invalid(field, f"has vectors for {extra}, which are not in target_vector", names)
    per_target = [
        base_search_pb2.VectorForTarget(name=n, vectors=[_vectors_pb(named[n], f"{field}[{n!r}]")])
        for n in order
    ]
    return per_target, base_search_pb2.Targets(target_vectors=names)


def near_vector_pb(
    near_vector: Any,
    *,
    certainty: Any = None,
    distance: Any = None,
    target_vector: Any = None,
    field: str = "near_vector",
) -> base_search_pb2.NearVector:
    """The ``NearVector`` operator: one vector (or multi-vector), or ``{name: vector}``."""
    if isinstance(near_vector, Mapping):
        per_target, targets = _vector_for_targets(near_vector, target_vector, field)
        return base_search_pb2.NearVector(
            vector_for_targets=per_target,
            targets=targets,
            **_certainty_distance(certainty, distance),
        )
    if near_vector is None:
        raise invalid(field, "a vector is required", near_vector)
    return base_search_pb2.NearVector(
        vectors=[_vectors_pb(near_vector, field)],
        targets=targets_pb(target_vector),
        **_certainty_distance(certainty, distance),
    )


def near_object_pb(
    near_object: Any,
    *,
    certainty: Any = None,
    distance: Any = None,
    target_vector: Any = None,
) -> base_search_pb2.NearObject:
    """The ``NearObject`` operator: the uuid of the object whose vector is the query."""
    return base_search_pb2.NearObject(
        id=uuid_str(near_object, "near_object"),
        targets=targets_pb(target_vector),
        **_certainty_distance(certainty, distance),
    )


def bm25_pb(query: Any, query_properties: Any = None) -> base_search_pb2.BM25 | None:
    """The ``BM25`` operator; None when ``query`` is None (a plain fetch then)."""
    if query is None:
        return None
    if not isinstance(query, str):
        raise invalid("query", "must be a str", query)
    props = [] if query_properties is None else _names(query_properties, "query_properties")
    return base_search_pb2.BM25(query=query, properties=props)


def hybrid_pb(
    query: Any,
    *,
    alpha: Any = None,
    vector: Any = None,
    query_properties: Any = None,
    fusion_type: Any = None,
    max_vector_distance: Any = None,
    target_vector: Any = None,
) -> base_search_pb2.Hybrid:
    """The ``Hybrid`` operator: keyword ``query`` and a vector (given, or the query's
    embedding), blended by ``alpha`` (0 = keyword only, 1 = vector only; None = server
    default)."""
    if query is not None and not isinstance(query, str):
        raise invalid("query", "must be a str or None", query)
    a = _opt_float(alpha, "alpha")
    if a is not None and not 0.0 <= a <= 1.0:
        raise invalid("alpha", "must be between 0 and 1", alpha)
    hybrid = base_search_pb2.Hybrid(
        query=query or "",
        properties=[] if query_properties is None else _names(query_properties, "query_properties"),
        use_alpha_param=True,
    )
    if a is not None:
        hybrid.alpha_param = a
    if fusion_type is not None:
        try:
            fusion = HybridFusion(fusion_type)
        except ValueError:
            raise invalid("fusion_type", "must be a HybridFusion", fusion_type) from None
        hybrid.fusion_type = _FUSION[fusion]
    d = _opt_float(max_vector_distance, "max_vector_distance")
    if d is not None:
        hybrid.vector_distance = d
    if isinstance(vector, Mapping):
        per_target, targets = _vector_for_targets(vector, target_vector, "vector")
        hybrid.near_vector.CopyFrom(base_search_pb2.NearVector(vector_for_targets=per_target))
        hybrid.targets.CopyFrom(targets)
        return hybrid
    if vector is not None:
        hybrid.vectors.append(_vectors_pb(vector, "vector"))
    chosen = targets_pb(target_vector)
    if chosen is not None:
        hybrid.targets.CopyFrom(chosen)
    return hybrid


def id_filter_pb(uuid: Any, field: str = "uuid") -> base_pb2.Filters:
    """The filter ``id == uuid``."""
    return base_pb2.Filters(
        operator=base_pb2.Filters.OPERATOR_EQUAL,
        value_text=uuid_str(uuid, field),
        target=base_pb2.FilterTarget(property="_id"),
    )


# ---------------------------------------------------------------------------------- request


def search_request(
    scope: CollectionScope,
    *,
    limit: Any = None,
    offset: Any = None,
    after: Any = None,
    auto_limit: Any = None,
    include_vector: Any = False,
    return_metadata: Any = None,
    return_properties: Any = None,
    metadata_always: MetadataQuery | None = None,
    filters: base_pb2.Filters | None = None,
    near_vector: base_search_pb2.NearVector | None = None,
    near_object: base_search_pb2.NearObject | None = None,
    bm25: base_search_pb2.BM25 | None = None,
    hybrid: base_search_pb2.Hybrid | None = None,
) -> search_get_pb2.SearchRequest:
    """The ``SearchRequest`` of any search kind: the shared arguments, checked and converted
    here once, and at most one operator built by the operator functions of this module."""
    after_str = "" if after is None else uuid_str(after, "after")
    if after_str and (near_vector or near_object or bm25 or hybrid):
        raise invalid("after", "cursor paging works only without a search operator")
    if after_str and offset:
        raise invalid("after", "cannot be combined with offset")
    return search_get_pb2.SearchRequest(
        collection=scope.name,
        tenant=scope.tenant or "",
        consistency_level=consistency_level_pb(scope.consistency_level),  # type: ignore[arg-type]
        limit=_count(limit, "limit"),
        offset=_count(offset, "offset"),
        autocut=_count(auto_limit, "auto_limit"),
        after=after_str,
        properties=properties_pb(return_properties),
        metadata=metadata_pb(return_metadata, include_vector, always=metadata_always),
        filters=filters,
        near_vector=near_vector,
        near_object=near_object,
        bm25_search=bm25,
        hybrid_search=hybrid,
        uses_127_api=True,
    )


# ---------------------------------------------------------------------------------- replies


def _vectors(md: search_get_pb2.MetadataResult) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if md.vector_bytes:
        out["default"] = unpack_vector(md.vector_bytes)
    for v in md.vectors:
        out[v.name] = (
            unpack_multi_vector(v.vector_bytes)
            if v.type == _MULTI
            else unpack_vector(v.vector_bytes)
        )
    return out


_EMPTY_METADATA = MetadataReturn()


def _metadata(md: search_get_pb2.MetadataResult) -> MetadataReturn:
    kwargs: dict[str, Any] = {}
    if md.creation_time_unix_present:
        kwargs["creation_time"] = ms_to_datetime(md.creation_time_unix)
    if md.last_update_time_unix_present:
        kwargs["last_update_time"] = ms_to_datetime(md.last_update_time_unix)
    if md.distance_present:
        kwargs["distance"] = md.distance
    if md.certainty_present:
        kwargs["certainty"] = md.certainty
    if md.score_present:
        kwargs["score"] = md.score
    if md.explain_score_present:
        kwargs["explain_score"] = md.explain_score
    if md.is_consistent_present:
        kwargs["is_consistent"] = md.is_consistent
    if md.rerank_score_present:
        kwargs["rerank_score"] = md.rerank_score
    return MetadataReturn(**kwargs) if kwargs else _EMPTY_METADATA


def _uuid(md: search_get_pb2.MetadataResult) -> uuid_lib.UUID:
    raw = md.id_as_bytes
    return uuid_lib.UUID(bytes=raw) if len(raw) == 16 else uuid_lib.UUID(md.id)


def search_objects(
    reply: search_get_pb2.SearchReply, collection: str
) -> QueryReturn[dict[str, Any], None]:
    """The objects of a search reply, in rank order."""
    objects: list[Object[dict[str, Any], None]] = []
    append = objects.append
    for result in reply.results:
        md = result.metadata
        props = result.properties
        append(
            Object(
                uuid=_uuid(md),
                metadata=_metadata(md),
                properties=decode_properties(props.non_ref_props),
                references=None,
                vector=_vectors(md),
                collection=props.target_collection or collection,
            )
        )
    return QueryReturn(objects=objects)


def single_object(
    reply: search_get_pb2.SearchReply, collection: str
) -> ObjectSingleReturn[dict[str, Any], None] | None:
    """The first object of a reply as ``fetch_object_by_id`` returns it, or None."""
    if not reply.results:
        return None
    result = reply.results[0]
    md = result.metadata
    props = result.properties
    return ObjectSingleReturn(
        uuid=_uuid(md),
        metadata=MetadataSingleObjectReturn(
            creation_time=ms_to_datetime(md.creation_time_unix),
            last_update_time=ms_to_datetime(md.last_update_time_unix),
            is_consistent=md.is_consistent if md.is_consistent_present else None,
        ),
        properties=decode_properties(props.non_ref_props),
        references=None,
        vector=_vectors(md),
        collection=props.target_collection or collection,
    )
