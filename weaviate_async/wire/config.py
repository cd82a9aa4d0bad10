"""Parsing of a collection's configuration from the server's replies, into the read models.

``GET /v1/schema/{name}`` (:func:`collection_config_from_json`, or the simple view),
``GET /v1/schema`` (:func:`collection_configs_from_json`) and ``GET /v1/schema/{name}/shards``
(:func:`shard_statuses_from_json`). The read models (``classes/config_models.py``) declare each
JSON key once, as field metadata; this module reads those keys with one cattrs converter, and
the few parts that are not one key to one field (the enabled quantizer, MUVERA, the object TTL's
names, the first data type, modules, named vectors) with the functions below. Options the
server returns but that have no field go to each model's ``extra``; values of an enum that this
client does not know are kept as plain strings, so a newer server never breaks parsing.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar

import attrs
import cattrs

from weaviate_async.classes._config_models_json import _is_enum, _is_model
from weaviate_async.classes._json_keys import conversions, json_keys
from weaviate_async.classes.config_collection import ConsistencyLevel, ReplicationDeletionStrategy
from weaviate_async.classes.config_index import (
    PQEncoderDistribution,
    PQEncoderType,
    VectorDistances,
    VectorFilterStrategy,
    VectorIndexType,
)
from weaviate_async.classes.config_models import (
    _QUANTIZERS,
    CollectionConfig,
    CollectionConfigSimple,
    GenerativeConfig,
    InvertedIndexConfig,
    MultiTenancyConfig,
    MultiVectorConfig,
    MuveraConfig,
    NamedVectorConfig,
    NamedVectorizerConfig,
    ObjectTTLConfig,
    PropertyConfig,
    ReferencePropertyConfig,
    ReplicationConfig,
    RerankerConfig,
    ShardingConfig,
    ShardStatus,
    VectorIndexConfig,
    VectorIndexConfigDynamic,
    VectorIndexConfigFlat,
    VectorIndexConfigHFresh,
    VectorIndexConfigHNSW,
    VectorIndexConfigNone,
    VectorizerConfig,
)
from weaviate_async.classes.config_module_names import GenerativeSearches, Rerankers, Vectorizers
from weaviate_async.classes.config_properties import DataType, StopwordsPreset, Tokenization
from weaviate_async.exceptions import ResponseCannotBeDecodedError

__all__ = [
    "collection_config_from_json",
    "collection_config_simple_from_json",
    "collection_configs_from_json",
    "shard_statuses_from_json",
]

_T = TypeVar("_T")
_E = TypeVar("_E", bound=Enum)

#: The one converter that reads every read model.
_reader = cattrs.Converter()


def _make_structure(cls: type[Any]) -> Callable[[Any, Any], Any]:
    types = {f.name: f.type for f in attrs.fields(cls)}
    fields = [
        (name, key, types[name], conversions(cls, name)[0])
        for name, key in json_keys(cls)
        if isinstance(key, str)
    ]
    has_extra = "extra" in attrs.fields_dict(cls)
    prepare = _PREPARE.get(cls)

    def structure(data: Any, _: Any) -> Any:
        if not isinstance(data, Mapping):
            raise ResponseCannotBeDecodedError._with(
                f"expected a JSON object for {cls.__name__}, got {type(data).__name__}"
            )
        rest = dict(data)
        kwargs: dict[str, Any] = prepare(rest) if prepare is not None else {}
        for name, key, typ, read in fields:
            if key in rest:
                value = rest.pop(key)
                if value is not None and read is not None:
                    value = read(value)
                if value is not None:
                    kwargs[name] = _reader.structure(value, typ)
        if has_extra:
            kwargs["extra"] = rest
        return cls(**kwargs)

    return structure


def _known(enum: type[_E], name: str) -> _E | str:
    """``name`` as a member of ``enum`` when it is one of its values, else ``name`` itself (a
    value from a newer server, kept as a plain string)."""
    try:
        return enum(name)
    except ValueError:
        return name


def _structure_enum(value: Any, cls: type[Enum]) -> Any:
    return _known(cls, value)


_reader.register_structure_hook_func(_is_enum, _structure_enum)
# a duration is sent in seconds
_reader.register_structure_hook(datetime.timedelta, lambda v, _: datetime.timedelta(seconds=v))
for _enum in (
    ConsistencyLevel,
    DataType,
    PQEncoderDistribution,
    PQEncoderType,
    ReplicationDeletionStrategy,
    StopwordsPreset,
    Tokenization,
    VectorDistances,
    VectorFilterStrategy,
    VectorIndexType,
):
    _reader.register_structure_hook(_enum, _structure_enum)

_reader.register_structure_hook_factory(_is_model, _make_structure)


# --------------------------------------------------------------------------------------------
# The parts that are not one key to one field
# --------------------------------------------------------------------------------------------


def _prepare_multi_vector(d: dict[str, Any]) -> dict[str, Any]:
    d.pop("enabled", None)
    muvera = d.get("muvera")
    if isinstance(muvera, Mapping) and muvera.get("enabled"):
        d.pop("muvera")
        return {"encoding": _reader.structure(muvera, MuveraConfig)}
    return {}


def _take_quantizer(d: dict[str, Any]) -> dict[str, Any]:
    """Pop the enabled quantizer and the enabled multi-vector settings out of an index JSON."""
    kwargs: dict[str, Any] = {}
    for key, cls in _QUANTIZERS:
        q = d.get(key)
        if isinstance(q, Mapping) and q.get("enabled"):
            d.pop(key)
            body = {k: v for k, v in q.items() if k != "enabled"}
            kwargs["quantizer"] = _reader.structure(body, cls)
            break
    mv = d.get("multivector")
    if isinstance(mv, Mapping) and mv.get("enabled"):
        d.pop("multivector")
        kwargs["multi_vector"] = _reader.structure(mv, MultiVectorConfig)
    return kwargs


#: what each model takes out of its JSON before the keyed fields are read
_PREPARE: dict[type[Any], Callable[[dict[str, Any]], dict[str, Any]]] = {
    MultiVectorConfig: _prepare_multi_vector,
    VectorIndexConfigHNSW: _take_quantizer,
    VectorIndexConfigFlat: _take_quantizer,
    VectorIndexConfigHFresh: _take_quantizer,
}


_INDEX_MODELS: dict[str, type[Any]] = {
    "hnsw": VectorIndexConfigHNSW,
    "flat": VectorIndexConfigFlat,
    "dynamic": VectorIndexConfigDynamic,
    "hfresh": VectorIndexConfigHFresh,
}


def _index_from_json(index_type: Any, config: Any) -> VectorIndexConfig | None:
    cls = _INDEX_MODELS.get(index_type) if isinstance(index_type, str) else None
    if cls is None or not isinstance(config, Mapping):
        return None
    result: VectorIndexConfig = _reader.structure(config, cls)
    return result


def _named_vector_from_json(data: Mapping[str, Any]) -> NamedVectorConfig:
    rest = dict(data)
    vectorizer = rest.pop("vectorizer", None) or {"none": {}}
    module, settings = next(iter(vectorizer.items())) if vectorizer else ("none", {})
    model = dict(settings or {})
    props = model.pop("properties", None)
    index: VectorIndexConfig | None
    if rest.get("vectorIndexType") == VectorIndexType.NONE.value:
        # a dropped index: the server sends no settings (or leftovers, kept in ``extra``)
        rest.pop("vectorIndexType")
        index = VectorIndexConfigNone()
    else:
        index = _index_from_json(rest.get("vectorIndexType"), rest.get("vectorIndexConfig"))
        if index is not None:
            rest.pop("vectorIndexType", None)
            rest.pop("vectorIndexConfig", None)
    return NamedVectorConfig(
        vectorizer=NamedVectorizerConfig(
            vectorizer=_known(Vectorizers, module), model=model, source_properties=props
        ),
        vector_index_config=index,
        extra=rest,
    )


_reader.register_structure_hook(NamedVectorConfig, lambda d, _: _named_vector_from_json(d))


def _is_primitive(prop: Mapping[str, Any]) -> bool:
    dt = prop.get("dataType")
    first = dt[0] if isinstance(dt, list) and dt else ""
    return not (isinstance(first, str) and first[:1].isupper())


def _property_from_json(prop: Mapping[str, Any], legacy_vectorizer: str | None) -> PropertyConfig:
    p: PropertyConfig = _reader.structure(prop, PropertyConfig)
    if legacy_vectorizer is not None and legacy_vectorizer != "none":
        entry = (p.vectorizer_configs or {}).get(legacy_vectorizer)
        p = attrs.evolve(p, vectorizer=legacy_vectorizer, vectorizer_config=entry)
    return p


def _modules(
    schema: Mapping[str, Any],
) -> tuple[GenerativeConfig | None, RerankerConfig | None, VectorizerConfig | None, dict[str, Any]]:
    """Split ``moduleConfig`` into generative, reranker, legacy vectorizer and the rest."""
    mc = dict(schema.get("moduleConfig") or {})
    generative = reranker = vectorizer = None
    gen_keys = [k for k in mc if "generative" in k]
    if len(gen_keys) == 1:
        generative = GenerativeConfig(
            generative=_known(GenerativeSearches, gen_keys[0]),
            model=dict(mc.pop(gen_keys[0]) or {}),
        )
    rr_keys = [k for k in mc if "reranker" in k]
    if len(rr_keys) == 1:
        reranker = RerankerConfig(
            reranker=_known(Rerankers, rr_keys[0]), model=dict(mc.pop(rr_keys[0]) or {})
        )
    legacy = schema.get("vectorizer")
    if isinstance(legacy, str) and legacy != "none" and legacy in mc:
        model = dict(mc.pop(legacy) or {})
        vcn = bool(model.pop("vectorizeClassName", False))
        vectorizer = VectorizerConfig(
            vectorizer=_known(Vectorizers, legacy), model=model, vectorize_collection_name=vcn
        )
    return generative, reranker, vectorizer, mc


_CLASS_KEYS = (
    "class",
    "description",
    "moduleConfig",
    "properties",
    "invertedIndexConfig",
    "multiTenancyConfig",
    "objectTtlConfig",
    "replicationConfig",
    "shardingConfig",
    "vectorIndexType",
    "vectorIndexConfig",
    "vectorizer",
    "vectorConfig",
)


def _structure_collection(schema: Any, _: Any) -> CollectionConfig:
    if not isinstance(schema, Mapping) or not isinstance(schema.get("class"), str):
        raise ResponseCannotBeDecodedError._with("expected a collection (class) JSON object")
    conv = _reader
    generative, reranker, vectorizer_cfg, other_modules = _modules(schema)
    named = schema.get("vectorConfig")
    has_named = isinstance(named, Mapping) and len(named) > 0
    legacy = schema.get("vectorizer")
    legacy_vectorizer = legacy if isinstance(legacy, str) and not has_named else None
    if has_named and legacy not in (None, "none") and isinstance(legacy, str):
        # both a legacy vectorizer and named vectors: keep the legacy one too
        legacy_vectorizer = legacy
    props_json = [p for p in schema.get("properties") or [] if isinstance(p, Mapping)]
    properties = [_property_from_json(p, legacy_vectorizer) for p in props_json if _is_primitive(p)]
    references = [
        conv.structure(p, ReferencePropertyConfig) for p in props_json if not _is_primitive(p)
    ]
    index_type = schema.get("vectorIndexType")
    index = _index_from_json(index_type, schema.get("vectorIndexConfig"))
    extra = {k: copy.deepcopy(v) for k, v in schema.items() if k not in _CLASS_KEYS}
    if other_modules:
        extra["moduleConfig"] = other_modules
    if index is None and "vectorIndexConfig" in schema:
        extra["vectorIndexConfig"] = schema["vectorIndexConfig"]
        if index_type is not None:
            extra["vectorIndexType"] = index_type
    mt = schema.get("multiTenancyConfig")
    sharding = schema.get("shardingConfig")
    ttl = schema.get("objectTtlConfig")
    return CollectionConfig(
        name=schema["class"],
        description=schema.get("description"),
        generative_config=generative,
        inverted_index_config=conv.structure(
            schema.get("invertedIndexConfig") or {}, InvertedIndexConfig
        ),
        multi_tenancy_config=conv.structure(mt or {}, MultiTenancyConfig),
        object_ttl_config=conv.structure(ttl, ObjectTTLConfig) if ttl else None,
        properties=properties,
        references=references,
        replication_config=conv.structure(schema.get("replicationConfig") or {}, ReplicationConfig),
        reranker_config=reranker,
        sharding_config=conv.structure(sharding, ShardingConfig) if sharding else None,
        vector_index_config=index,
        vector_index_type=conv.structure(index_type, VectorIndexType)
        if index is not None
        else None,
        vectorizer_config=vectorizer_cfg,
        vectorizer=_known(Vectorizers, legacy)
        if isinstance(legacy, str) and not has_named
        else None,
        vector_config={str(k): _named_vector_from_json(v) for k, v in named.items()}
        if has_named and isinstance(named, Mapping)
        else None,
        extra=extra,
    )


_reader.register_structure_hook(CollectionConfig, _structure_collection)
_reader.register_structure_hook(
    CollectionConfigSimple, lambda d, _: _structure_collection(d, None).to_simple()
)


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def _parse(data: Any, cls: type[_T]) -> _T:
    try:
        return _reader.structure(data, cls)
    except ResponseCannotBeDecodedError:
        raise
    except Exception as e:  # a malformed reply must surface as a typed error
        raise ResponseCannotBeDecodedError._with(
            f"the server's {cls.__name__} JSON could not be decoded: {e}"
        ) from e


def collection_config_from_json(schema: Any) -> CollectionConfig:
    """Parse one class JSON (``GET /v1/schema/{name}``)."""
    return _parse(schema, CollectionConfig)


def collection_config_simple_from_json(schema: Any) -> CollectionConfigSimple:
    """Parse one class JSON into the simple view."""
    return _parse(schema, CollectionConfigSimple)


def collection_configs_from_json(
    schema: Any, *, simple: bool = False
) -> dict[str, CollectionConfig] | dict[str, CollectionConfigSimple]:
    """Parse ``GET /v1/schema`` (``{"classes": [...]}``) into configs keyed by name."""
    classes = (schema or {}).get("classes") or [] if isinstance(schema, Mapping) else None
    if not isinstance(classes, list) or not all(
        isinstance(c, Mapping) and isinstance(c.get("class"), str) for c in classes
    ):
        raise ResponseCannotBeDecodedError._with(
            'expected the schema JSON object: {"classes": [{"class": name, ...}, ...]}'
        )
    if simple:
        return {c["class"]: collection_config_simple_from_json(c) for c in classes}
    return {c["class"]: collection_config_from_json(c) for c in classes}


def shard_statuses_from_json(data: Any) -> list[ShardStatus]:
    """Parse ``GET /v1/schema/{name}/shards``."""
    if not isinstance(data, list):
        raise ResponseCannotBeDecodedError._with("expected a list of shard statuses")
    return [_parse(s, ShardStatus) for s in data]
