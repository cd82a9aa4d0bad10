"""Search over gRPC: ``SearchRequest`` from search arguments, results from ``SearchReply``.
Pure functions.

One request builder and one reply parser serve ``collection.query`` and ``collection.generate``
and every search kind. :func:`search_request` takes the arguments all kinds share (paging,
filters, sorting, grouping, reranking, boosting, what to return, the generative part, tenant and
consistency) plus at most one search operator, built by its own small function
(:func:`near_vector_pb`, :func:`near_text_pb`, :func:`hybrid_pb`, ...). It returns the request
and a :class:`ReplyShape`: what the caller asked for, so that :func:`parse_reply` decodes only
that (no metadata, vectors or references that were not requested).
"""

from __future__ import annotations

import datetime as dt
import functools
import struct
import typing
import uuid as uuid_lib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from weaviate_async._validate import (
    check_float,
    check_instance,
    check_str,
    invalid,
    is_typeddict,
    uuid_str,
)
from weaviate_async.classes._boost_core import _Boost
from weaviate_async.classes._boost_enums import _BoostCurve, _BoostModifier
from weaviate_async.classes._filter_core import _Filters
from weaviate_async.classes.internal import (
    CrossReferenceAnnotation,
    GenerativeGroup,
    GenerativeGroupByReturn,
    GenerativeGrouped,
    GenerativeObject,
    GenerativeReturn,
    GenerativeSingle,
    Group,
    GroupByMetadataReturn,
    GroupByObject,
    GroupByReturn,
    MetadataReturn,
    MetadataSingleObjectReturn,
    Object,
    ObjectSingleReturn,
    QueryProfileReturn,
    QueryReturn,
    SearchProfileReturn,
    ShardProfileReturn,
    VectorsReturn,
    _CrossReference,
)
from weaviate_async.classes.search import (
    METADATA_FIELDS,
    MMR,
    BM25OperatorOptions,
    BM25OperatorOr,
    GroupBy,
    HybridFusion,
    MetadataQuery,
    Move,
    NearMediaType,
    QueryNested,
    QueryReference,
    Rerank,
    _HybridNearText,
    _HybridNearVector,
    _ListOfVectorsQuery,
    _MultiTargetVectorJoin,
    _MultiTargetVectorJoinEnum,
    _QueryReference,
    _QueryReferenceMultiTarget,
    _Sorting,
    to_metadata_query,
)
from weaviate_async.exceptions import ResponseCannotBeDecodedError, WeaviateBaseError
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import (
    base_pb2,
    base_search_pb2,
    generative_pb2,
    search_get_pb2,
)
from weaviate_async.wire.filters import filters_pb
from weaviate_async.wire.unencodable import utf8_arguments
from weaviate_async.wire.values import (
    consistency_level_pb,
    decode_properties,
    is_multi_vector,
    pack_any_vector,
    pack_multi_vector,
    unpack_multi_vector,
    unpack_vector,
)

__all__ = [
    "ReplyShape",
    "bm25_pb",
    "boost_pb",
    "group_by_pb",
    "hybrid_pb",
    "id_filter_pb",
    "ids_filter_pb",
    "metadata_pb",
    "near_media_pb",
    "near_object_pb",
    "near_text_pb",
    "near_vector_pb",
    "parse_reply",
    "properties_of_model",
    "properties_pb",
    "references_of_model",
    "rerank_pb",
    "search_request",
    "selection_pb",
    "sort_pb",
    "targets_pb",
]

Version = tuple[int, int, int]
#: An unknown server version (``skip_init_checks``): encode for the current API.
UNKNOWN: Version = (0, 0, 0)

_MULTI = base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
_UINT32_MAX = 2**32 - 1
_INT32_MAX = 2**31 - 1
# HybridFusion's values are the wire names.
_FUSION: dict[HybridFusion, Any] = {
    f: base_search_pb2.Hybrid.FusionType.Value(f.value) for f in HybridFusion
}
_COMBINATION = {
    _MultiTargetVectorJoinEnum.SUM: base_search_pb2.COMBINATION_METHOD_TYPE_SUM,
    _MultiTargetVectorJoinEnum.AVERAGE: base_search_pb2.COMBINATION_METHOD_TYPE_AVERAGE,
    _MultiTargetVectorJoinEnum.MINIMUM: base_search_pb2.COMBINATION_METHOD_TYPE_MIN,
    _MultiTargetVectorJoinEnum.RELATIVE_SCORE: (
        base_search_pb2.COMBINATION_METHOD_TYPE_RELATIVE_SCORE
    ),
    _MultiTargetVectorJoinEnum.MANUAL_WEIGHTS: base_search_pb2.COMBINATION_METHOD_TYPE_MANUAL,
}
_OPERATOR = base_search_pb2.SearchOperatorOptions
# MetadataQuery's fields whose MetadataRequest field has another name.
_METADATA_REQUEST = {
    "creation_time": "creation_time_unix",
    "last_update_time": "last_update_time_unix",
}
_B = search_get_pb2.Boost
_CURVES = {
    _BoostCurve.EXPONENTIAL: _B.DECAY_CURVE_EXPONENTIAL,
    _BoostCurve.GAUSSIAN: _B.DECAY_CURVE_GAUSS,
    _BoostCurve.LINEAR: _B.DECAY_CURVE_LINEAR,
}
_MODIFIERS: dict[_BoostModifier, Any] = {
    m: _B.PropertyValueModifier.Value(f"PROPERTY_VALUE_MODIFIER_{m.name}") for m in _BoostModifier
}
# near_media: the media type -> (SearchRequest field, message, the message's media field)
_MEDIA: dict[NearMediaType, tuple[str, Any, str]] = {
    NearMediaType.IMAGE: ("near_image", base_search_pb2.NearImageSearch, "image"),
    NearMediaType.AUDIO: ("near_audio", base_search_pb2.NearAudioSearch, "audio"),
    NearMediaType.VIDEO: ("near_video", base_search_pb2.NearVideoSearch, "video"),
    NearMediaType.DEPTH: ("near_depth", base_search_pb2.NearDepthSearch, "depth"),
    NearMediaType.THERMAL: ("near_thermal", base_search_pb2.NearThermalSearch, "thermal"),
    NearMediaType.IMU: ("near_imu", base_search_pb2.NearIMUSearch, "imu"),
}
# Servers before 1.29 take single vectors in the deprecated ``vector_bytes`` fields only, and
# multi-vectors not at all; servers before 1.36.6 read the deprecated ``alpha``.
_VECTORS_FIELD = (1, 29, 0)
_ALPHA_PARAM = (1, 36, 6)
#: hybrid's alpha on servers that read the deprecated field (the official client's default).
_LEGACY_ALPHA = 0.7


def _at_least(version: Version, minimum: Version) -> bool:
    return version == UNKNOWN or version >= minimum


# ---------------------------------------------------------------------------------- checks


def _count(value: Any, field: str, maximum: int = _UINT32_MAX) -> int:
    """An optional non-negative int argument as the wire value (0 = not set)."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(field, "must be an int", value)
    if value < 0 or value > maximum:
        raise invalid(field, f"must be between 0 and {maximum}", value)
    return value


def _opt_float(value: Any, field: str) -> float | None:
    if value is None:
        return None
    check_float(value, field)
    return float(value)


def _certainty_distance(certainty: Any, distance: Any) -> dict[str, Any]:
    c = _opt_float(certainty, "certainty")
    d = _opt_float(distance, "distance")
    # Both at once is the server's to refuse (WeaviateQueryError, as with the official client).
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
    if (
        not isinstance(value, Sequence)
        or not value
        or not all(isinstance(v, str) and v for v in value)
    ):
        raise invalid(field, "must be a name or a non-empty list of names", value)
    return list(value)


def _opt_names(value: Any, field: str) -> list[str]:
    return [] if value is None else _names(value, field)


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
    query = to_metadata_query(return_metadata)
    request = search_get_pb2.MetadataRequest(uuid=True)
    for source in (query, always):
        if source is not None:
            for name in METADATA_FIELDS:
                if getattr(source, name):
                    setattr(request, _METADATA_REQUEST.get(name, name), True)
    if include_vector is True:
        request.vector = True
    elif include_vector is not False and include_vector is not None:
        request.vectors.extend(_names(include_vector, "include_vector"))
    return request


def _nested_pb(nested: QueryNested) -> search_get_pb2.ObjectPropertiesRequest:
    props = nested.properties
    items = [props] if isinstance(props, (str, QueryNested)) else props
    out = search_get_pb2.ObjectPropertiesRequest(prop_name=nested.name)
    for p in items:
        if isinstance(p, QueryNested):
            out.object_properties.append(_nested_pb(p))
        else:
            out.primitive_properties.append(p)
    return out


def _return_references(value: Any) -> tuple[_QueryReference, ...] | None:
    if value is None:
        return None
    if isinstance(value, type):
        return references_of_model(value) or None  # a TypedDict without keys: none
    if isinstance(value, _QueryReference):
        return (value,)
    if isinstance(value, Sequence) and all(isinstance(v, _QueryReference) for v in value):
        return tuple(dict.fromkeys(value))
    raise invalid("return_references", "must be a QueryReference or a list of them", value)


def properties_pb(
    return_properties: Any, return_references: Any = None
) -> search_get_pb2.PropertiesRequest | None:
    """The ``PropertiesRequest``: None (server default: every non-reference, non-blob
    property) for None or True without references; nothing for False or []; else the named
    properties, the fields of QueryNested entries and the references to follow."""
    props = return_properties
    if isinstance(props, type):  # a TypedDict: its keys
        props = properties_of_model(props)
    refs = _return_references(return_references)
    if (props is None or props is True) and refs is None:
        return None
    request = search_get_pb2.PropertiesRequest()
    if props is None or props is True:
        request.return_all_nonref_properties = True
    elif props is not False:
        items = [props] if isinstance(props, (str, QueryNested)) else props
        if isinstance(items, (bytes, Mapping)) or not isinstance(items, Sequence):
            raise invalid(
                "return_properties", "must be a name, a QueryNested or a list of them", props
            )
        seen: set[str] = set()
        for p in items:
            if isinstance(p, str) and p:
                if p not in seen:
                    seen.add(p)
                    request.non_ref_properties.append(p)
            elif isinstance(p, QueryNested):
                request.object_properties.append(_nested_pb(p))
            else:
                raise invalid("return_properties", "entries must be names or QueryNested", p)
    for ref in refs or ():
        sub = search_get_pb2.RefPropertiesRequest(
            reference_property=ref.link_on,
            properties=properties_pb(ref.return_properties, ref.return_references),
            metadata=metadata_pb(ref.return_metadata, ref.include_vector),
        )
        if isinstance(ref, _QueryReferenceMultiTarget):
            sub.target_collection = ref.target_collection
        request.ref_properties.append(sub)
    return request


# ---------------------------------------------------------------------------------- data models


def _model_hints(model: type, field: str) -> dict[str, Any]:
    """The keys of the TypedDict ``model`` given as ``field``, with their annotations."""
    if not is_typeddict(model):
        raise invalid(field, "a class given here must be a TypedDict", model)
    try:
        return typing.get_type_hints(model, include_extras=True)
    except Exception as exc:  # a class whose annotations do not resolve
        raise invalid(field, f"must be a TypedDict ({exc})", model) from None


def _is_nested(hint: Any) -> bool:
    return typing.get_origin(hint) is typing.Annotated and hint.__metadata__[:1] == ("NESTED",)


def _nested_fields(name: str, hint: Any) -> QueryNested:
    inner = typing.get_args(hint)[0]
    if typing.get_origin(inner) in (list, Sequence):
        inner = typing.get_args(inner)[0]
    return QueryNested(name=name, properties=list(properties_of_model(inner)))


@functools.lru_cache(maxsize=256)
def properties_of_model(model: type) -> tuple[str | QueryNested, ...]:
    """The properties a TypedDict names: its keys, ``Nested[...]`` keys as QueryNested (an
    empty TypedDict names none, as in the official client)."""
    hints = _model_hints(model, "return_properties")
    return tuple(
        _nested_fields(name, hint) if _is_nested(hint) else name for name, hint in hints.items()
    )


def _reference_of_hint(name: str, hint: Any) -> _QueryReference:
    annotation: CrossReferenceAnnotation | None = None
    if typing.get_origin(hint) is typing.Annotated:
        extras = [m for m in hint.__metadata__ if isinstance(m, CrossReferenceAnnotation)]
        annotation = extras[0] if extras else None
        hint = typing.get_args(hint)[0]
    if typing.get_origin(hint) is not _CrossReference:
        raise invalid("return_references", f"{name!r} must be annotated CrossReference[...]", hint)
    args = typing.get_args(hint)
    props = properties_of_model(args[0]) if args and isinstance(args[0], type) else None
    refs = (
        references_of_model(args[1])
        if len(args) > 1 and isinstance(args[1], type) and args[1] is not type(None)
        else None
    )
    options: dict[str, Any] = {
        "link_on": name,
        "return_properties": list(props) if props is not None else None,
        "return_references": list(refs) if refs else None,
    }
    if annotation is not None:
        options["include_vector"] = annotation.include_vector
        options["return_metadata"] = annotation.metadata
        if annotation.target_collection is not None:
            return QueryReference.MultiTarget(
                target_collection=annotation.target_collection, **options
            )
    return QueryReference(**options)


@functools.lru_cache(maxsize=256)
def references_of_model(model: type) -> tuple[_QueryReference, ...]:
    """The references a TypedDict of ``CrossReference[...]`` keys names."""
    hints = _model_hints(model, "return_references")
    return tuple(_reference_of_hint(name, hint) for name, hint in hints.items())


# ---------------------------------------------------------------------------------- arguments


def sort_pb(sort: Any) -> list[search_get_pb2.SortBy]:
    """``sort`` (a chain from ``Sort``) as ``SortBy`` messages."""
    check_instance(sort, _Sorting, "sort", "made by Sort (e.g. Sort.by_property(...))")
    if sort is None:
        return []
    return [search_get_pb2.SortBy(ascending=s.ascending, path=[s.prop]) for s in sort.sorts]


def group_by_pb(group_by: Any) -> search_get_pb2.GroupBy | None:
    """``group_by`` as the ``GroupBy`` message."""
    check_instance(group_by, GroupBy, "group_by", "a GroupBy")
    if group_by is None:
        return None
    return search_get_pb2.GroupBy(
        path=[group_by.prop],
        number_of_groups=group_by.number_of_groups,
        objects_per_group=group_by.objects_per_group,
    )


def rerank_pb(rerank: Any) -> search_get_pb2.Rerank | None:
    """``rerank`` as the ``Rerank`` message."""
    check_instance(rerank, Rerank, "rerank", "a Rerank")
    if rerank is None:
        return None
    return search_get_pb2.Rerank(property=rerank.prop, query=rerank.query)


def _decay_pb(message: Any, decay: Any) -> Any:
    """A time or numeric decay function as its ``message``: the two share their fields."""
    return message(
        property=decay.property,
        origin=decay.origin,
        scale=decay.scale,
        offset=decay.offset,
        curve=None if decay.curve is None else _CURVES[decay.curve],
        decay_value=decay.decay_value,
    )


def boost_pb(boost: Any) -> search_get_pb2.Boost | None:
    """``boost`` (made by ``Boost``) as the ``Boost`` message."""
    check_instance(boost, _Boost, "boost", "made by Boost (e.g. Boost.filter(...))")
    if boost is None:
        return None
    if boost.weight is not None and not 0.0 <= boost.weight <= 1.0:
        raise invalid("boost.weight", "must be between 0 and 1", boost.weight)
    out = _B(weight=boost.weight, depth=boost.depth)
    for cond in boost.conditions:
        c = out.conditions.add()
        if cond.weight is not None:
            c.weight = cond.weight
        if cond.filter is not None:
            c.filter.CopyFrom(filters_pb(cond.filter))
        elif cond.time_decay is not None:
            c.time_decay.CopyFrom(_decay_pb(_B.TimeDecayFunction, cond.time_decay))
        elif cond.numeric_decay is not None:
            c.numeric_decay.CopyFrom(_decay_pb(_B.NumericDecayFunction, cond.numeric_decay))
        elif cond.property_value is not None:
            v = cond.property_value
            c.property_value.CopyFrom(
                _B.PropertyValueFunction(
                    property=v.property,
                    modifier=None if v.modifier is None else _MODIFIERS[v.modifier],
                )
            )
    return out


def selection_pb(diversity_selection: Any) -> base_search_pb2.Selection | None:
    """``diversity_selection`` (``Diversity.mmr(...)``) as the ``Selection`` message."""
    check_instance(diversity_selection, MMR, "diversity_selection", "made by Diversity.mmr(...)")
    if diversity_selection is None:
        return None
    return base_search_pb2.Selection(
        mmr=base_search_pb2.Selection.MMR(
            limit=diversity_selection.limit, balance=diversity_selection.balance
        )
    )


def bm25_operator_pb(operator: Any, field: str) -> base_search_pb2.SearchOperatorOptions | None:
    """A ``BM25Operator`` as ``SearchOperatorOptions``."""
    if operator is None:
        return None
    if not isinstance(operator, BM25OperatorOptions) or not operator.operator:
        raise invalid(field, "must be made by BM25Operator (or_, and_, and_cross)", operator)
    # Each operator's name is its wire operator's.
    out = _OPERATOR(operator=f"OPERATOR_{operator.operator.upper()}")
    if isinstance(operator, BM25OperatorOr):
        out.minimum_or_tokens_match = operator.minimum_should_match
    return out


# ---------------------------------------------------------------------------------- vectors


def _vector_pb(vector: Any, field: str, version: Version) -> base_pb2.Vectors:
    if isinstance(vector, _ListOfVectorsQuery):
        raise invalid(field, "NearVector.list_of_vectors needs a target name: {name: ...}", vector)
    if is_multi_vector(vector) and not _at_least(version, _VECTORS_FIELD):
        raise invalid(field, "multi-vector queries need Weaviate 1.29 or newer", None)
    packed, kind = pack_any_vector(vector, field)
    return base_pb2.Vectors(vector_bytes=packed, type=kind)  # type: ignore[arg-type]


def _one_vector_into(message: Any, vector: Any, field: str, version: Version) -> None:
    """Put one vector or multi-vector into ``message`` (NearVector or Hybrid), in the field
    the server reads."""
    vec = _vector_pb(vector, field, version)
    if _at_least(version, _VECTORS_FIELD):
        message.vectors.append(vec)
    else:
        message.vector_bytes = vec.vector_bytes


def targets_pb(
    target_vector: Any, order: Sequence[str] | None = None
) -> base_search_pb2.Targets | None:
    """The ``Targets`` of a vector search: None, a name, a list of names, or a combination from
    ``TargetVectors`` (weights expanded per query vector). ``order`` is the order of the vectors
    of a ``{name: vector}`` query, which the targets follow."""
    if target_vector is None:
        return None if order is None else base_search_pb2.Targets(target_vectors=list(order))
    if isinstance(target_vector, _MultiTargetVectorJoin):
        names = list(target_vector.target_vectors)
        if order is not None:
            _same_targets(names, order)
            names = list(order)
        out = base_search_pb2.Targets(combination=_COMBINATION[target_vector.combination])
        weights = target_vector.weights
        if weights is None:
            out.target_vectors.extend(names)
            return out
        for name in names:
            if name not in weights:
                raise invalid("target_vector", f"has no weight for {name!r}", dict(weights))
            weight = weights[name]
            for w in weight if isinstance(weight, tuple) else (weight,):
                out.weights_for_targets.append(
                    base_search_pb2.WeightsForTarget(target=name, weight=float(w))
                )
                out.target_vectors.append(name)
        return out
    names = _names(target_vector, "target_vector")
    if order is not None:
        _same_targets(names, order)
    return base_search_pb2.Targets(target_vectors=names)


def _same_targets(names: Sequence[str], order: Sequence[str]) -> None:
    missing = [n for n in dict.fromkeys(names) if n not in order]
    if missing:
        raise invalid("near_vector", f"has no vector for target(s) {missing}", list(order))
    extra = [n for n in order if n not in names]
    if extra:
        raise invalid("target_vector", f"does not name {extra}, which the vectors name", names)


def _vector_for_targets(
    named: Mapping[str, Any], field: str, version: Version
) -> list[base_search_pb2.VectorForTarget]:
    if not named:
        raise invalid(field, "must name at least one vector", named)
    out: list[base_search_pb2.VectorForTarget] = []
    for name, value in named.items():
        if not isinstance(name, str) or not name:
            raise invalid(field, "keys must be target vector names", name)
        sub = f"{field}[{name!r}]"
        if isinstance(value, _ListOfVectorsQuery):
            # Several vectors go as one multi-vector; several multi-vectors one by one.
            parts = (
                [(list(value.vectors), sub)]
                if value.dimensionality == "1D"
                else [(v, f"{sub}[{i}]") for i, v in enumerate(value.vectors)]
            )
            vectors = [
                base_pb2.Vectors(name=name, vector_bytes=pack_multi_vector(v, f), type=_MULTI)
                for v, f in parts
            ]
            if not _at_least(version, _VECTORS_FIELD):
                raise invalid(sub, "lists of query vectors need Weaviate 1.29 or newer", None)
        else:
            vec = _vector_pb(value, sub, version)
            vec.name = name
            vectors = [vec]
        if _at_least(version, _VECTORS_FIELD):
            out.append(base_search_pb2.VectorForTarget(name=name, vectors=vectors))
        else:
            out.append(
                base_search_pb2.VectorForTarget(name=name, vector_bytes=vectors[0].vector_bytes)
            )
    return out


@utf8_arguments
def near_vector_pb(
    near_vector: Any,
    *,
    certainty: Any = None,
    distance: Any = None,
    target_vector: Any = None,
    diversity_selection: Any = None,
    version: Version = UNKNOWN,
    field: str = "near_vector",
) -> base_search_pb2.NearVector:
    """The ``NearVector`` operator: a vector, a multi-vector, or ``{name: vector,
    multi-vector or NearVector.list_of_vectors(...)}``."""
    out = base_search_pb2.NearVector(
        selection=selection_pb(diversity_selection), **_certainty_distance(certainty, distance)
    )
    if isinstance(near_vector, Mapping):
        out.vector_for_targets.extend(_vector_for_targets(near_vector, field, version))
        targets = targets_pb(target_vector, order=list(near_vector))
    else:
        if near_vector is None:
            raise invalid(field, "a vector is required", near_vector)
        _one_vector_into(out, near_vector, field, version)
        targets = targets_pb(target_vector)
    if targets is not None:
        out.targets.CopyFrom(targets)
    return out


def _vector_search(
    target_vector: Any, diversity_selection: Any, certainty: Any, distance: Any
) -> dict[str, Any]:
    """The arguments every near<X> operator shares, as its message's fields."""
    return {
        "targets": targets_pb(target_vector),
        "selection": selection_pb(diversity_selection),
        **_certainty_distance(certainty, distance),
    }


@utf8_arguments
def near_object_pb(
    near_object: Any,
    *,
    certainty: Any = None,
    distance: Any = None,
    target_vector: Any = None,
    diversity_selection: Any = None,
) -> base_search_pb2.NearObject:
    """The ``NearObject`` operator: the uuid of the object whose vector is the query."""
    return base_search_pb2.NearObject(
        id=uuid_str(near_object, "near_object"),
        **_vector_search(target_vector, diversity_selection, certainty, distance),
    )


def _move_pb(move: Any, field: str) -> base_search_pb2.NearTextSearch.Move | None:
    check_instance(move, Move, field, "a Move")
    if move is None:
        return None
    return base_search_pb2.NearTextSearch.Move(
        force=move.force, concepts=move.concepts or (), uuids=move.objects or ()
    )


def _text_list(query: Any, field: str) -> list[str]:
    texts = [query] if isinstance(query, str) else query
    if (
        isinstance(texts, Sequence)
        and texts
        and all(isinstance(q, str) and q.strip() for q in texts)
    ):
        return list(texts)
    raise invalid(field, "must be a non-empty text or a non-empty list of them", query)


@utf8_arguments
def near_text_pb(
    query: Any,
    *,
    certainty: Any = None,
    distance: Any = None,
    move_to: Any = None,
    move_away: Any = None,
    target_vector: Any = None,
    diversity_selection: Any = None,
) -> base_search_pb2.NearTextSearch:
    """The ``NearTextSearch`` operator: the text(s) the collection's vectorizer embeds."""
    return base_search_pb2.NearTextSearch(
        query=_text_list(query, "query"),
        move_to=_move_pb(move_to, "move_to"),
        move_away=_move_pb(move_away, "move_away"),
        **_vector_search(target_vector, diversity_selection, certainty, distance),
    )


@utf8_arguments
def near_media_pb(
    media: str,
    media_type: Any,
    *,
    certainty: Any = None,
    distance: Any = None,
    target_vector: Any = None,
    diversity_selection: Any = None,
) -> tuple[str, Any]:
    """The near<Media> operator of ``media_type`` for base64 ``media``, with the name of its
    ``SearchRequest`` field (``near_image``, ``near_audio``, ...)."""
    try:
        kind = NearMediaType(media_type)
    except ValueError:
        raise invalid("media_type", "must be a NearMediaType", media_type) from None
    field, message, media_field = _MEDIA[kind]
    check_str(media, "media", allow_empty=False)
    return field, message(
        **{media_field: media},
        **_vector_search(target_vector, diversity_selection, certainty, distance),
    )


@utf8_arguments
def bm25_pb(
    query: Any, query_properties: Any = None, operator: Any = None
) -> base_search_pb2.BM25 | None:
    """The ``BM25`` operator; None when ``query`` is None (a plain fetch then)."""
    check_instance(query, str, "query", "a str")
    if query is None:
        return None
    return base_search_pb2.BM25(
        query=query,
        properties=_opt_names(query_properties, "query_properties"),
        search_operator=bm25_operator_pb(operator, "operator"),
    )


@utf8_arguments
def hybrid_pb(
    query: Any,
    *,
    alpha: Any = None,
    vector: Any = None,
    query_properties: Any = None,
    fusion_type: Any = None,
    max_vector_distance: Any = None,
    bm25_operator: Any = None,
    target_vector: Any = None,
    diversity_selection: Any = None,
    version: Version = UNKNOWN,
) -> base_search_pb2.Hybrid | None:
    """The ``Hybrid`` operator: keyword ``query`` and a vector (given, a sub-search, or the
    query's embedding), blended by ``alpha`` (0 = keyword only, 1 = vector only; None = the
    server's default). Without a query the search is vector-only (alpha 1); without query and
    vector it is a plain fetch (None)."""
    if query is not None and not isinstance(query, str):
        raise invalid("query", "must be a str or None", query)
    a = _opt_float(alpha, "alpha")
    if a is not None and not 0.0 <= a <= 1.0:
        raise invalid("alpha", "must be between 0 and 1", alpha)
    if query is None and vector is None:
        return None
    if query is None:
        a = 1.0
    hybrid = base_search_pb2.Hybrid(
        query=query or "",
        properties=_opt_names(query_properties, "query_properties"),
        bm25_search_operator=bm25_operator_pb(bm25_operator, "bm25_operator"),
        selection=selection_pb(diversity_selection),
    )
    if _at_least(version, _ALPHA_PARAM):
        hybrid.use_alpha_param = True
        if a is not None:
            hybrid.alpha_param = a
    else:
        hybrid.alpha = _LEGACY_ALPHA if a is None else a
    if fusion_type is not None:
        try:
            hybrid.fusion_type = _FUSION[HybridFusion(fusion_type)]
        except ValueError:
            raise invalid("fusion_type", "must be a HybridFusion", fusion_type) from None
    d = _opt_float(max_vector_distance, "max_vector_distance")
    if d is not None:
        hybrid.vector_distance = d
    targets = targets_pb(target_vector)
    if isinstance(vector, _HybridNearText):
        hybrid.near_text.CopyFrom(
            near_text_pb(
                vector.text,
                certainty=vector.certainty,
                distance=vector.distance,
                move_to=vector.move_to,
                move_away=vector.move_away,
            )
        )
    elif isinstance(vector, _HybridNearVector):
        sub = near_vector_pb(
            vector.vector,
            certainty=vector.certainty,
            distance=vector.distance,
            target_vector=target_vector,
            version=version,
            field="vector",
        )
        targets = sub.targets if sub.HasField("targets") else targets
        sub.ClearField("targets")  # a sub-search's targets stay unset: the hybrid's count
        hybrid.near_vector.CopyFrom(sub)
    elif isinstance(vector, Mapping):
        hybrid.near_vector.vector_for_targets.extend(_vector_for_targets(vector, "vector", version))
        targets = targets_pb(target_vector, order=list(vector))
    elif vector is not None:
        _one_vector_into(hybrid, vector, "vector", version)
    if targets is not None:
        hybrid.targets.CopyFrom(targets)
    return hybrid


def id_filter_pb(uuid: Any, field: str = "uuid") -> base_pb2.Filters:
    """The filter ``id == uuid``."""
    return base_pb2.Filters(
        operator=base_pb2.Filters.OPERATOR_EQUAL,
        value_text=uuid_str(uuid, field),
        target=base_pb2.FilterTarget(property="_id"),
    )


def ids_filter_pb(ids: Any, field: str = "ids") -> base_pb2.Filters | None:
    """The filter ``id in ids`` (None for no ids: the caller answers without asking)."""
    if isinstance(ids, (str, bytes, uuid_lib.UUID)) or not isinstance(ids, Iterable):
        raise invalid(field, "must be an iterable of UUIDs", ids)
    texts = list(dict.fromkeys(uuid_str(u, f"{field}[{i}]") for i, u in enumerate(ids)))
    if not texts:
        return None
    if len(texts) == 1:
        return id_filter_pb(texts[0], field)
    return base_pb2.Filters(
        operator=base_pb2.Filters.OPERATOR_CONTAINS_ANY,
        value_text_array=base_pb2.TextArray(values=texts),
        target=base_pb2.FilterTarget(property="_id"),
    )


# ---------------------------------------------------------------------------------- request


class ReplyShape(NamedTuple):
    """What a search asked for, so the reply parser decodes that and nothing else.

    Attributes:
        metadata: decode the metadata (``return_metadata`` or ``rerank`` given).
        properties: decode the properties (False for ``return_properties=[]`` / False).
        references: decode references (``return_references`` given).
        vectors: decode vectors (``include_vector`` given).
        group_by: the reply is grouped.
        generative: the results carry generated text.
        single: ``fetch_object_by_id``: the first object, with its times.
    """

    metadata: bool = False
    properties: bool = True
    references: bool = False
    vectors: bool = False
    group_by: bool = False
    generative: bool = False
    single: bool = False


def _filters(filters: Any) -> base_pb2.Filters | None:
    if filters is None or isinstance(filters, base_pb2.Filters):
        return filters
    if not isinstance(filters, _Filters):
        raise invalid("filters", "must be a filter built with Filter", filters)
    return filters_pb(filters)


@utf8_arguments
def search_request(
    scope: CollectionScope,
    *,
    limit: Any = None,
    offset: Any = None,
    after: Any = None,
    auto_limit: Any = None,
    filters: Any = None,
    sort: Any = None,
    group_by: Any = None,
    rerank: Any = None,
    boost: Any = None,
    include_vector: Any = False,
    return_metadata: Any = None,
    return_properties: Any = None,
    return_references: Any = None,
    generative: generative_pb2.GenerativeSearch | None = None,
    properties_model: type | None = None,
    references_model: type | None = None,
    metadata_always: MetadataQuery | None = None,
    single: bool = False,
    **operator: Any,
) -> tuple[search_get_pb2.SearchRequest, ReplyShape]:
    """The ``SearchRequest`` of any search kind and the shape of its reply.

    The shared arguments are checked and converted here once; ``operator`` is at most one
    search operator by its ``SearchRequest`` field name (``near_vector=near_vector_pb(...)``,
    ``hybrid_search=``, ``bm25_search=``, ``near_image=``, ...). ``properties_model`` and
    ``references_model`` are the collection handle's data models, used when the query names no
    properties / references of its own. ``filters`` is a Filter (or an encoded ``Filters``).

    Raises:
        WeaviateInvalidInputError: an argument is invalid; nothing is sent.
    """
    ops = {k: v for k, v in operator.items() if v is not None}
    if len(ops) > 1:
        raise invalid("operator", "a search has at most one search operator", sorted(ops))
    after_str = "" if after is None else uuid_str(after, "after")
    if after_str and ops:
        raise invalid("after", "cursor paging works only without a search operator")
    # ``after`` with offset, sort or filters is the server's to refuse (WeaviateQueryError, as
    # with the official client).
    if isinstance(include_vector, list):
        include_vector = tuple(include_vector)
    if (return_properties is None or return_properties is True) and properties_model is not None:
        return_properties = properties_model
    if return_references is None and references_model is not None:
        return_references = references_model
    metadata = metadata_pb(return_metadata, include_vector, always=metadata_always)
    request = search_get_pb2.SearchRequest(
        collection=scope.name,
        tenant=scope.tenant or "",
        consistency_level=consistency_level_pb(scope.consistency_level),  # type: ignore[arg-type]
        limit=_count(limit, "limit"),
        offset=_count(offset, "offset"),
        autocut=_count(auto_limit, "auto_limit"),
        after=after_str,
        properties=properties_pb(return_properties, return_references),
        metadata=metadata,
        filters=_filters(filters),
        sort_by=sort_pb(sort),
        group_by=group_by_pb(group_by),
        rerank=rerank_pb(rerank),
        boost=boost_pb(boost),
        generative=generative,
        uses_127_api=True,
        **ops,
    )
    shape = ReplyShape(
        metadata=return_metadata is not None or rerank is not None or single,
        properties=not (return_properties is False or return_properties == []),
        references=return_references is not None,
        vectors=bool(include_vector),
        group_by=group_by is not None,
        generative=generative is not None,
        single=single,
    )
    return request, shape


# ---------------------------------------------------------------------------------- replies


def _timestamp(value: int) -> dt.datetime:
    # Some server versions sent nanoseconds in these millisecond fields.
    seconds = value / 1000.0 if value < 10**13 else value / 1e9
    return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)


_new = object.__new__
_set = object.__setattr__
_SAFE = uuid_lib.SafeUUID.unknown


def _uuid(md: search_get_pb2.MetadataResult) -> uuid_lib.UUID:
    raw = md.id_as_bytes
    if len(raw) != 16:
        return uuid_lib.UUID(md.id)
    # UUID(bytes=...) checks and converts its argument in Python; the id is the server's.
    u = _new(uuid_lib.UUID)
    _set(u, "int", int.from_bytes(raw, "big"))
    _set(u, "is_safe", _SAFE)
    return u


def _vectors(md: search_get_pb2.MetadataResult) -> VectorsReturn:
    """The object's vectors, decoded now: results are plain dataclasses, read through
    ``obj.__dict__``, ``vars()`` and ``asdict()`` as much as through ``obj.vector``, so a vector
    kept packed until first read would show its packed form there."""
    data = md.vector_bytes
    named = md.vectors
    if not named:
        if data:
            return {"default": unpack_vector(data)}
        if md.vector:  # servers before 1.22 sent floats
            return {"default": list(md.vector)}
        return {}
    out: VectorsReturn = {}
    if data:
        out["default"] = unpack_vector(data)
    for v in named:
        out[v.name] = (
            unpack_multi_vector(v.vector_bytes)
            if v.type == _MULTI
            else unpack_vector(v.vector_bytes)
        )
    return out


def _metadata(md: search_get_pb2.MetadataResult) -> MetadataReturn:
    return MetadataReturn(
        _timestamp(md.creation_time_unix) if md.creation_time_unix_present else None,
        _timestamp(md.last_update_time_unix) if md.last_update_time_unix_present else None,
        md.distance if md.distance_present else None,
        md.certainty if md.certainty_present else None,
        md.score if md.score_present else None,
        md.explain_score if md.explain_score_present else None,
        md.is_consistent if md.is_consistent_present else None,
        md.rerank_score if md.rerank_score_present else None,
    )


def _references(props: search_get_pb2.PropertiesResult) -> dict[str, Any] | None:
    if not props.ref_props:
        return {} if props.ref_props_requested else None
    out: dict[str, Any] = {}
    for ref in props.ref_props:
        objects = [
            Object(
                _uuid(p.metadata),
                _metadata(p.metadata),
                decode_properties(p.non_ref_props),
                _references(p),
                _vectors(p.metadata),
                p.target_collection,
            )
            for p in ref.properties
        ]
        existing = out.get(ref.prop_name)
        if existing is not None:  # one multi-target property followed into several targets
            objects = existing.objects + objects
        out[ref.prop_name] = _CrossReference(objects)
    return out


def _fields(
    result: search_get_pb2.SearchResult, shape: ReplyShape, collection: str
) -> tuple[Any, ...]:
    """uuid, properties, references, vector and collection of one result, as asked for."""
    md = result.metadata
    props = result.properties
    return (
        _uuid(md),
        decode_properties(props.non_ref_props) if shape.properties else {},
        _references(props) if shape.references else None,
        _vectors(md) if shape.vectors else {},
        props.target_collection or collection,
    )


def _profile(reply: search_get_pb2.SearchReply) -> QueryProfileReturn | None:
    if not reply.HasField("query_profile"):
        return None
    return QueryProfileReturn(
        shards=[
            ShardProfileReturn(
                name=shard.name,
                node=shard.node,
                searches={
                    key: SearchProfileReturn(details=dict(profile.details))
                    for key, profile in shard.searches.items()
                },
            )
            for shard in reply.query_profile.shards
        ]
    )


def _generative_metadata(reply: generative_pb2.GenerativeReply) -> Any:
    if not reply.HasField("metadata"):
        return None
    kind = reply.metadata.WhichOneof("kind")
    return None if kind is None else getattr(reply.metadata, kind)


def _single(result: search_get_pb2.SearchResult) -> tuple[str | None, GenerativeSingle | None]:
    values = result.generative.values
    if values:
        v = values[0]
        debug = v.debug if v.HasField("debug") and v.debug.full_prompt else None
        return v.result, GenerativeSingle(
            debug=debug, metadata=_generative_metadata(v), text=v.result
        )
    md = result.metadata
    if md.generative_present:  # servers before 1.27.14
        return md.generative, GenerativeSingle(debug=None, metadata=None, text=md.generative)
    return None, None


def _grouped(reply: search_get_pb2.SearchReply) -> tuple[str | None, GenerativeGrouped | None]:
    values = reply.generative_grouped_results.values
    if values:
        v = values[0]
        return v.result, GenerativeGrouped(metadata=_generative_metadata(v), text=v.result)
    # Grouped queries (group_by) and servers before 1.27.14 answer in the deprecated field.
    text = reply.generative_grouped_result
    if text:
        return text, GenerativeGrouped(metadata=None, text=text)
    return None, None


def _group_objects(
    group: search_get_pb2.GroupByResult, shape: ReplyShape, collection: str
) -> list[GroupByObject[Any, Any]]:
    out: list[GroupByObject[Any, Any]] = []
    for result in group.objects:
        uid, props, refs, vec, coll = _fields(result, shape, collection)
        md = result.metadata
        meta = GroupByMetadataReturn(
            md.distance if shape.metadata and md.distance_present else None
        )
        out.append(GroupByObject(uid, meta, props, refs, vec, coll, group.name))
    return out


def _groups(
    reply: search_get_pb2.SearchReply, shape: ReplyShape, collection: str
) -> dict[str, Any]:
    groups: dict[str, Any] = {}
    for g in reply.group_by_results:
        rerank = g.rerank.score if g.HasField("rerank") else None
        objects = _group_objects(g, shape, collection)
        common = (g.name, g.min_distance, g.max_distance, g.number_of_objects, objects, rerank)
        if shape.generative:
            if g.generative_result.values:
                generated: str | None = g.generative_result.values[0].result
            elif g.HasField("generative"):
                generated = g.generative.result
            else:
                generated = None
            groups[g.name] = GenerativeGroup(*common, generated)
        else:
            groups[g.name] = Group(*common)
    return groups


def parse_reply(reply: search_get_pb2.SearchReply, shape: ReplyShape, collection: str) -> Any:
    """The result of a search reply as its ``shape`` says: ``QueryReturn``, ``GroupByReturn``,
    ``GenerativeReturn``, ``GenerativeGroupByReturn`` or, for ``fetch_object_by_id``, an
    ``ObjectSingleReturn`` or None. ``collection`` names objects whose result does not.

    Raises:
        ResponseCannotBeDecodedError: a value of the reply cannot be read (an id that is no
            uuid, a date that is no date, vector bytes of a wrong length).
    """
    try:
        return _parse_reply(reply, shape, collection)
    except WeaviateBaseError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, struct.error) as bad:
        raise ResponseCannotBeDecodedError._with(
            f"the search reply holds a value that cannot be read: {bad!r:.300}"
        ) from bad


def _parse_reply(reply: search_get_pb2.SearchReply, shape: ReplyShape, collection: str) -> Any:
    if shape.single:
        if not reply.results:
            return None
        result = reply.results[0]
        uid, props, refs, vec, coll = _fields(result, shape, collection)
        md = result.metadata
        times = MetadataSingleObjectReturn(
            _timestamp(md.creation_time_unix),
            _timestamp(md.last_update_time_unix),
            md.is_consistent if md.is_consistent_present else None,
        )
        return ObjectSingleReturn(uid, times, props, refs, vec, coll)
    profile = _profile(reply) if reply.HasField("query_profile") else None
    if shape.group_by:
        groups = _groups(reply, shape, collection)
        members = [o for g in groups.values() for o in g.objects]
        if shape.generative:
            grouped_text, _ = _grouped(reply)
            return GenerativeGroupByReturn(members, groups, grouped_text, profile)
        return GroupByReturn(members, groups, profile)
    with_metadata = shape.metadata
    if shape.generative:
        gen_objects: list[GenerativeObject[Any, Any]] = []
        for result in reply.results:
            uid, props, refs, vec, coll = _fields(result, shape, collection)
            generated, single = _single(result)
            gen_objects.append(
                GenerativeObject(
                    generated,
                    single,
                    uid,
                    _metadata(result.metadata) if with_metadata else MetadataReturn(),
                    props,
                    refs,
                    vec,
                    coll,
                )
            )
        grouped_text, grouped = _grouped(reply)
        return GenerativeReturn(grouped_text, gen_objects, grouped, profile)
    objects: list[Object[Any, Any]] = []
    append = objects.append
    properties, references, vectors = shape.properties, shape.references, shape.vectors
    for result in reply.results:
        md = result.metadata
        props = result.properties
        append(
            Object(
                _uuid(md),
                _metadata(md) if with_metadata else MetadataReturn(),
                decode_properties(props.non_ref_props) if properties else {},
                _references(props) if references else None,
                _vectors(md) if vectors else {},
                props.target_collection or collection,
            )
        )
    return QueryReturn(objects, profile)
