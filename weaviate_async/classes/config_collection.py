"""Collection-level configuration builders and the pure functions that build schema requests.

``Configure.inverted_index / multi_tenancy / replication / sharding / text_analyzer / ObjectTTL``
build the pieces of a collection; :func:`collection_create_json` assembles them into the body of
``POST /v1/schema``. ``Reconfigure.*`` builds the mutable subset, and :func:`collection_update_json`
merges those changes into the collection's current class JSON for ``PUT /v1/schema/{name}``.
Everything here is pure: no I/O.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from weaviate_async._validate import (
    check_collection_name,
    check_instance,
    check_property_name,
    check_str,
    check_vector_name,
    invalid,
)
from weaviate_async.classes._collection_models import (
    SECTIONS,
    _AsyncReplicationConfigCreate,
    _AsyncReplicationConfigUpdate,
    _InvertedIndexConfigCreate,
    _InvertedIndexConfigUpdate,
    _MultiTenancyConfigCreate,
    _MultiTenancyConfigUpdate,
    _ObjectTTL,
    _ObjectTTLConfigCreate,
    _ObjectTTLConfigUpdate,
    _ObjectTTLUpdate,
    _Replication,
    _ReplicationConfigCreate,
    _ReplicationConfigUpdate,
    _ReplicationUpdate,
    _ShardingConfigCreate,
    text_analyzer,
)
from weaviate_async.classes._collection_rules import (
    ASYNC_ENABLED_DEPRECATION,
    DELETE_ON_CREATION,
    DELETE_ON_UPDATE,
    warn_async_enabled,
)
from weaviate_async.classes._config_base import (
    _GenerativeProvider,
    _RerankerProvider,
    _VectorConfigCreate,
    _VectorIndexConfigCreate,
    _VectorizerConfigCreate,
)
from weaviate_async.classes._config_enums import ReplicationDeletionStrategy
from weaviate_async.classes.config_index import (
    _VectorConfigUpdate,
    _VectorIndexConfigHNSWCreate,
    _VectorIndexConfigUpdate,
)
from weaviate_async.classes.config_properties import DataType, Property, ReferenceProperty
from weaviate_async.models.consistency import ConsistencyLevel

__all__ = [
    "ConsistencyLevel",
    "ReplicationDeletionStrategy",
    "_AsyncReplicationConfigCreate",
    "_AsyncReplicationConfigUpdate",
    "_InvertedIndexConfigCreate",
    "_InvertedIndexConfigUpdate",
    "_MultiTenancyConfigCreate",
    "_MultiTenancyConfigUpdate",
    "_ObjectTTL",
    "_ObjectTTLConfigCreate",
    "_ObjectTTLConfigUpdate",
    "_ObjectTTLUpdate",
    "_Replication",
    "_ReplicationConfigCreate",
    "_ReplicationConfigUpdate",
    "_ReplicationUpdate",
    "_ShardingConfigCreate",
    "collection_create_json",
    "collection_update_json",
    "dropped_vectors_warning",
    "ASYNC_ENABLED_DEPRECATION",
    "SERVER_DEFAULT_INDEX_VERSION",
    "text_analyzer",
    "validate_vector_name",
    "warn_async_enabled",
    "without_dropped_vectors",
]


validate_vector_name = check_vector_name
"""Check a named vector's name (``/[_A-Za-z][_0-9A-Za-z]{0,229}/``) and return it."""


# --------------------------------------------------------------------------------------------
# Recreating a collection whose vector indexes were dropped
# --------------------------------------------------------------------------------------------


def dropped_vectors_warning(names: Sequence[str]) -> str:
    """The official client's warning (4.24) when a create leaves dropped vectors out."""
    return (
        f"Col001: The vector config(s) {list(names)} have no vector index (their index was "
        "dropped\n            with `collection.config.delete_vector_index()`) and their data "
        "cannot be restored. The collection\n            will be created without these "
        "vectors; inserts and queries targeting them will fail until the\n            vectors "
        "are added again with `collection.config.add_vector()`."
    )


def without_dropped_vectors(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (a class JSON to create) without the named vectors whose index was dropped.

    The server refuses ``vectorIndexType: none`` on create, and giving such a vector a real
    index would silently bring back what was dropped, so the entry goes (with a UserWarning).

    Raises:
        WeaviateInvalidInputError: every named vector was dropped: a create without named
            vectors would make the server apply its default vectorizer and index.
    """
    vectors = schema.get("vectorConfig")
    if not isinstance(vectors, Mapping):
        return schema
    dropped = [
        name
        for name, vc in vectors.items()
        if isinstance(vc, Mapping) and vc.get("vectorIndexType") == "none"
    ]
    if not dropped:
        return schema
    remaining = {name: vc for name, vc in vectors.items() if name not in dropped}
    if not remaining:
        raise invalid(
            "config",
            f"every vector of this configuration ({dropped}) has vectorIndexType 'none' (its "
            "index was dropped with collection.config.delete_vector_index()); without them "
            "the server would apply its default vector index instead. Give at least one vector "
            "a real index first",
            dropped,
        )
    warnings.warn(dropped_vectors_warning(dropped), UserWarning, stacklevel=3)
    return {**schema, "vectorConfig": remaining}


# --------------------------------------------------------------------------------------------
# The create request
# --------------------------------------------------------------------------------------------


def _as_list(value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    raise invalid(field, "must be a list", value)


#: Servers from this version give a vector created without ``vectorIndexType`` their own default
#: index (``DEFAULT_VECTOR_INDEX``); older ones refuse the empty field.
SERVER_DEFAULT_INDEX_VERSION = (1, 37, 5)


def _default_vector_config(emit_default_index_type: bool = True) -> dict[str, Any]:
    entry: dict[str, Any] = {"vectorizer": {"none": {}}}
    if emit_default_index_type:
        entry["vectorIndexType"] = "hnsw"
    return {"default": entry}


def _vector_config_json(
    vector_config: _VectorConfigCreate | Sequence[_VectorConfigCreate],
    field: str,
    emit_default_index_type: bool = True,
) -> dict[str, Any]:
    items = [vector_config] if isinstance(vector_config, _VectorConfigCreate) else vector_config
    if not isinstance(items, (list, tuple)) or not items:
        raise invalid(field, "must be a vector config or a non-empty list of them", vector_config)
    single = len(items) == 1
    out: dict[str, Any] = {}
    for vc in items:
        if not isinstance(vc, _VectorConfigCreate):
            raise invalid(field, "entries must be built with Configure.Vectors / MultiVectors", vc)
        if vc.name is None and not single:
            raise invalid(field, "every vector needs a name when several are configured")
        name = validate_vector_name(vc.name or "default", field)
        if name in out:
            raise invalid(field, f"the vector name {name!r} is used twice", name)
        entry = vc.to_json()
        if "vectorIndexType" not in entry and emit_default_index_type:
            entry["vectorIndexType"] = "hnsw"
        out[name] = entry
    return out


def _check_one_vector_form(vector_config: Any, vectorizer_config: Any, index_config: Any) -> None:
    if vector_config is not None and (vectorizer_config is not None or index_config is not None):
        raise invalid(
            "vector_config",
            "cannot be combined with vectorizer_config or vector_index_config; use one form",
        )


def collection_create_json(
    name: str,
    *,
    description: str | None = None,
    properties: Sequence[Property] | None = None,
    references: Sequence[ReferenceProperty] | None = None,
    vector_config: _VectorConfigCreate | Sequence[_VectorConfigCreate] | None = None,
    vectorizer_config: _VectorizerConfigCreate | Sequence[_VectorConfigCreate] | None = None,
    vector_index_config: _VectorIndexConfigCreate | None = None,
    generative_config: _GenerativeProvider | None = None,
    reranker_config: _RerankerProvider | None = None,
    inverted_index_config: _InvertedIndexConfigCreate | None = None,
    multi_tenancy_config: _MultiTenancyConfigCreate | None = None,
    replication_config: _ReplicationConfigCreate | None = None,
    sharding_config: _ShardingConfigCreate | None = None,
    object_ttl_config: _ObjectTTLConfigCreate | None = None,
    emit_default_index_type: bool = True,
) -> dict[str, Any]:
    """Build the body of ``POST /v1/schema`` for a new collection.

    ``vector_config`` (``Configure.Vectors`` / ``MultiVectors``) is the current way to set
    vectors; ``vectorizer_config`` (a legacy ``Configure.Vectorizer`` or a list of named
    vectors) and ``vector_index_config`` are the older forms and cannot be combined with it.
    When none is given, one self-provided vector named ``default`` is configured, as the
    official client does. The collection name's first letter is uppercased.
    ``emit_default_index_type`` False leaves out the ``hnsw`` index type of vectors configured
    without an index, so that the server applies its own default (servers 1.37.5+, as the
    official client does for them).

    Raises:
        WeaviateInvalidInputError: an argument is invalid or arguments conflict.
    """
    cls: dict[str, Any] = {"class": check_collection_name(name)}
    check_str(description, "description")
    if description is not None:
        cls["description"] = description

    module_config: dict[str, Any] = {}
    vectorizers: list[str] = []

    _check_one_vector_form(vector_config, vectorizer_config, vector_index_config)
    if vector_index_config is not None and not isinstance(
        vector_index_config, _VectorIndexConfigCreate
    ):
        raise invalid(
            "vector_index_config",
            "must be built with Configure.VectorIndex",
            vector_index_config,
        )
    if vector_config is not None:
        cls["vectorConfig"] = _vector_config_json(
            vector_config, "vector_config", emit_default_index_type
        )
        vectorizers = [next(iter(v["vectorizer"])) for v in cls["vectorConfig"].values()]
    elif isinstance(vectorizer_config, _VectorizerConfigCreate):
        module = vectorizer_config.module
        cls["vectorizer"] = module
        vectorizers = [module]
        if module != "none":
            module_config[module] = vectorizer_config.to_json()
        if vector_index_config is not None or emit_default_index_type:
            index = vector_index_config or _VectorIndexConfigHNSWCreate()
            cls["vectorIndexType"] = index.index_type()
            cls["vectorIndexConfig"] = index.to_json()
    elif vectorizer_config is not None:
        if vector_index_config is not None:
            raise invalid(
                "vector_index_config",
                "cannot be combined with named vectors in vectorizer_config; set each "
                "vector's index instead",
            )
        cls["vectorConfig"] = _vector_config_json(
            vectorizer_config, "vectorizer_config", emit_default_index_type
        )
        vectorizers = [next(iter(v["vectorizer"])) for v in cls["vectorConfig"].values()]
    elif vector_index_config is not None:
        cls["vectorizer"] = "none"
        cls["vectorIndexType"] = vector_index_config.index_type()
        cls["vectorIndexConfig"] = vector_index_config.to_json()
    else:
        cls["vectorConfig"] = _default_vector_config(emit_default_index_type)

    for field, provider, kind in (
        ("generative_config", generative_config, _GenerativeProvider),
        ("reranker_config", reranker_config, _RerankerProvider),
    ):
        if provider is None:
            continue
        if not isinstance(provider, kind):
            what = "Configure.Generative" if kind is _GenerativeProvider else "Configure.Reranker"
            raise invalid(field, f"must be built with {what}", provider)
        module_config[provider.module] = provider.to_json()
    if module_config:
        cls["moduleConfig"] = module_config

    given = {
        "inverted_index_config": inverted_index_config,
        "multi_tenancy_config": multi_tenancy_config,
        "replication_config": replication_config,
        "sharding_config": sharding_config,
        "object_ttl_config": object_ttl_config,
    }
    for section in SECTIONS:
        check_instance(
            given[section.field],
            section.create,
            section.field,
            f"built with Configure.{section.builder}()",
        )
    if sharding_config is not None and multi_tenancy_config and multi_tenancy_config.enabled:
        raise invalid("sharding_config", "cannot be set on a collection with multi-tenancy enabled")
    for section in SECTIONS:
        value = given[section.field]
        # the object TTL is written last, once the properties it may name are checked
        if value is not None and section.field != "object_ttl_config":
            cls[section.key] = value.to_json()

    props = _as_list(properties, "properties")
    refs = _as_list(references, "references")
    seen: set[str] = set()
    out_props: list[dict[str, Any]] = []
    for p in props:
        if not isinstance(p, Property):
            raise invalid("properties", "entries must be Property (use references= for refs)", p)
        check_property_name(p.name, "properties")
        if p.name in seen:
            raise invalid("properties", f"the property name {p.name!r} is used twice", p.name)
        seen.add(p.name)
        out_props.append(p.to_json(vectorizers))
    for r in refs:
        if not isinstance(r, ReferenceProperty):
            raise invalid("references", "entries must be ReferenceProperty", r)
        if r.name in seen:
            raise invalid("references", f"the property name {r.name!r} is used twice", r.name)
        seen.add(r.name)
        out_props.append(r.to_json())
    if out_props:
        cls["properties"] = out_props

    if object_ttl_config is not None:
        delete_on = object_ttl_config.delete_on
        if delete_on not in (DELETE_ON_CREATION, DELETE_ON_UPDATE):
            date_props = {p.name for p in props if p.data_type == DataType.DATE}
            if delete_on not in date_props:
                raise invalid(
                    "object_ttl_config",
                    f"delete_on property {delete_on!r} must be a 'date' property of the collection",
                    delete_on,
                )
        cls["objectTtlConfig"] = object_ttl_config.to_json()
    return cls


# --------------------------------------------------------------------------------------------
# The update request
# --------------------------------------------------------------------------------------------


def _update_index(current: dict[str, Any], update: _VectorIndexConfigUpdate, where: str) -> None:
    """Apply ``update`` to ``current`` (a dict holding vectorIndexType/vectorIndexConfig)."""
    if not isinstance(update, _VectorIndexConfigUpdate):
        raise invalid(where, "must be built with Reconfigure.VectorIndex", update)
    existing = current.get("vectorIndexType")
    if existing == "none":
        raise invalid(
            where,
            "the vector has no index any more: it was dropped with "
            "collection.config.delete_vector_index() and cannot be updated; once the drop is "
            "done, a new vector of that name can be added with collection.config.add_vector()",
            existing,
        )
    if existing is not None and existing != update.index_type():
        raise invalid(
            where,
            f"the vector index type is immutable: the index is {existing!r}, the update is for "
            f"{update.index_type()!r} (recreate the collection to change it)",
            update.index_type(),
        )
    current["vectorIndexConfig"] = update.merge_with_existing(
        current.get("vectorIndexConfig") or {}
    )


def collection_update_json(
    current: Mapping[str, Any],
    *,
    description: str | None = None,
    property_descriptions: Mapping[str, str] | None = None,
    inverted_index_config: _InvertedIndexConfigUpdate | None = None,
    multi_tenancy_config: _MultiTenancyConfigUpdate | None = None,
    replication_config: _ReplicationConfigUpdate | None = None,
    object_ttl_config: _ObjectTTLConfigUpdate | None = None,
    vector_index_config: _VectorIndexConfigUpdate | None = None,
    vectorizer_config: _VectorIndexConfigUpdate | Sequence[_VectorConfigUpdate] | None = None,
    vector_config: _VectorConfigUpdate | Sequence[_VectorConfigUpdate] | None = None,
    generative_config: _GenerativeProvider | None = None,
    reranker_config: _RerankerProvider | None = None,
) -> dict[str, Any]:
    """Merge changes into ``current`` (the class JSON from ``GET /v1/schema/{name}``).

    Returns a new dict, the body of ``PUT /v1/schema/{name}``; ``current`` is not modified.
    A new generative or reranker module replaces the previous one.

    Raises:
        WeaviateInvalidInputError: an argument is invalid, names a missing property or vector,
            or asks for a change the server cannot make (index type, quantizer swap).
    """
    out: dict[str, Any] = copy.deepcopy(dict(current))
    _check_one_vector_form(vector_config, vectorizer_config, vector_index_config)
    check_str(description, "description")
    if description is not None:
        out["description"] = description
    if property_descriptions is not None:
        if not isinstance(property_descriptions, Mapping):
            raise invalid("property_descriptions", "must be a dict", property_descriptions)
        by_name = {p.get("name"): p for p in out.get("properties") or []}
        for pname, pdesc in property_descriptions.items():
            if pname not in by_name:
                raise invalid(
                    "property_descriptions", f"the collection has no property {pname!r}", pname
                )
            check_str(pdesc, "property_descriptions")
            by_name[pname]["description"] = pdesc
    changes = {
        "inverted_index_config": inverted_index_config,
        "multi_tenancy_config": multi_tenancy_config,
        "replication_config": replication_config,
        "object_ttl_config": object_ttl_config,
    }
    for section in SECTIONS:
        if section.update is not None:
            check_instance(
                changes[section.field], section.update, section.field, "built with Reconfigure"
            )
    for section in SECTIONS:
        change = changes.get(section.field)
        if change is not None:
            out[section.key] = change.merge_with_existing(out.get(section.key) or {})

    def legacy_index(update: _VectorIndexConfigUpdate, field: str) -> None:
        if "vectorIndexConfig" not in out and out.get("vectorConfig"):
            raise invalid(
                field,
                "the collection uses named vectors; use vector_config="
                "Reconfigure.Vectors.update(name=..., vector_index_config=...)",
            )
        _update_index(out, update, field)

    def named_updates(updates: Any, field: str) -> None:
        items = [updates] if isinstance(updates, _VectorConfigUpdate) else updates
        if not isinstance(items, (list, tuple)):
            raise invalid(field, "must be Reconfigure.Vectors.update(...) or a list of them")
        vectors = out.get("vectorConfig") or {}
        for vc in items:
            if not isinstance(vc, _VectorConfigUpdate):
                raise invalid(field, "entries must be built with Reconfigure.Vectors.update", vc)
            if vc.name not in vectors:
                raise invalid(field, f"the collection has no vector named {vc.name!r}", vc.name)
            _update_index(vectors[vc.name], vc.vector_index_config, field)

    if vector_index_config is not None:
        legacy_index(vector_index_config, "vector_index_config")
    if vectorizer_config is not None:
        if isinstance(vectorizer_config, _VectorIndexConfigUpdate):
            legacy_index(vectorizer_config, "vectorizer_config")
        else:
            named_updates(vectorizer_config, "vectorizer_config")
    if vector_config is not None:
        named_updates(vector_config, "vector_config")

    for field, provider, kind, marker in (
        ("generative_config", generative_config, _GenerativeProvider, "generative"),
        ("reranker_config", reranker_config, _RerankerProvider, "reranker"),
    ):
        if provider is None:
            continue
        if not isinstance(provider, kind):
            raise invalid(field, "must be built with Reconfigure.Generative / Reranker", provider)
        mc = {k: v for k, v in (out.get("moduleConfig") or {}).items() if marker not in k}
        mc[provider.module] = provider.to_json()
        out["moduleConfig"] = mc
    return out
