"""How the read models of a collection's configuration become the server's JSON again.

The read models themselves (``classes/config_models.py``) are generated from a table; this
module holds what they share: the base :class:`_Model` with ``to_dict()`` (one cattrs
converter, :data:`_converter`), the ``extra`` field, the conversions of the fields whose JSON
form differs from their value, and the mixins of the models whose JSON is not one key to one
field (the enabled quantizer, MUVERA, named vectors, modules, the whole collection).
"""

from __future__ import annotations

import copy
import datetime
import warnings
from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs
import cattrs

from weaviate_async._validate import enum_value
from weaviate_async.classes._json_keys import conversions, json_keys, keyed
from weaviate_async.classes.config_index import BIT_COMPRESSION_DEPRECATION, VectorIndexType
from weaviate_async.classes.config_properties import DataType

#: The one converter that writes every read model back as JSON (``to_dict()``).
_converter = cattrs.Converter()


def _extra() -> Any:
    """The ``extra`` field: JSON keys without a field, kept verbatim."""
    return attrs.field(factory=dict, repr=False)


class _Model:
    """Mixin of the read models: ``to_dict()`` through the shared converter."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The server's JSON for this configuration."""
        out: dict[str, Any] = _converter.unstructure(self)
        return out


# --------------------------------------------------------------------------------------------
# Generic hooks: keyed fields, ``extra``, and per-class adjustments
# --------------------------------------------------------------------------------------------


def _is_model(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, _Model) and attrs.has(cls)


def _make_unstructure(cls: type[Any]) -> Callable[[Any], Any]:
    whole: Callable[[Any], dict[str, Any]] | None = getattr(cls, "_to_json", None)
    if whole is not None:
        # the model writes its JSON itself (not one key to one field)
        return whole
    # read models name every key (no key is a function of the value, as a quantizer's is)
    fields = [
        (name, key, conversions(cls, name)[1] or _converter.unstructure)
        for name, key in json_keys(cls)
        if isinstance(key, str)
    ]
    has_extra = "extra" in attrs.fields_dict(cls)
    finish: Callable[[Any, dict[str, Any]], None] | None = getattr(cls, "_finish", None)

    def unstructure(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = copy.deepcopy(obj.extra) if has_extra else {}
        for name, key, write in fields:
            value = getattr(obj, name)
            if value is not None:
                out[key] = write(value)
        if finish is not None:
            finish(obj, out)
        return out

    return unstructure


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Enum)


_converter.register_unstructure_hook_func(_is_enum, lambda value: value.value)
_converter.register_unstructure_hook_factory(_is_model, _make_unstructure)


# --------------------------------------------------------------------------------------------
# Fields whose JSON form differs from their value
# --------------------------------------------------------------------------------------------

_DELETE_ON_NAMES = {"_creationTimeUnix": "creationTime", "_lastUpdateTimeUnix": "updateTime"}
_DELETE_ON_KEYS = {v: k for k, v in _DELETE_ON_NAMES.items()}


def _number(value: Any) -> Any:
    """``value`` when it is a number (seconds), else None: the reply's entry is ignored."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _seconds(value: datetime.timedelta) -> int:
    return int(value.total_seconds())


def _delete_on_name(value: Any) -> str | None:
    return _DELETE_ON_NAMES.get(value, value) if isinstance(value, str) else None


def _delete_on_key(value: str) -> str:
    return _DELETE_ON_KEYS.get(value, value)


def _first(value: Any) -> Any:
    """The first entry of the server's ``dataType`` list (a primitive property has one)."""
    return value[0] if isinstance(value, list) and value else value


def _type_list(value: DataType | str) -> list[str]:
    return [enum_value(value)]


def _data_type() -> Any:
    """The ``dataType`` field, written after the other keys as the server lists it last."""
    return keyed("dataType", order=1, default=DataType.TEXT, read=_first, write=_type_list)


# --------------------------------------------------------------------------------------------
# Mixins of the models whose JSON is not one key to one field
# --------------------------------------------------------------------------------------------


class _PQ(_Model):
    """Mixin of ``PQConfig``: the deprecated ``bit_compression``."""

    __slots__ = ()
    if TYPE_CHECKING:
        internal_bit_compression: Any

    @property
    def bit_compression(self) -> bool:
        """Whether bit compression is on (deprecated by the server)."""
        warnings.warn(BIT_COMPRESSION_DEPRECATION, DeprecationWarning, stacklevel=2)
        return bool(self.internal_bit_compression)


class _MultiVector(_Model):
    """Mixin of ``MultiVectorConfig``: the MUVERA encoding under ``muvera``."""

    __slots__ = ()
    if TYPE_CHECKING:
        encoding: Any

    def _finish(self, out: dict[str, Any]) -> None:
        out["enabled"] = True
        if self.encoding is not None:
            out["muvera"] = self.encoding.to_dict()


class _Index(_Model):
    """Mixin of the HNSW, flat and HFresh index models: the enabled quantizer under its own
    key (the quantizer models name it, ``_json_name``) and the multi-vector settings."""

    __slots__ = ()
    if TYPE_CHECKING:
        quantizer: Any
        multi_vector: Any

    def _finish(self, out: dict[str, Any]) -> None:
        q = self.quantizer
        if q is not None:
            out[q._json_name] = {**q.to_dict(), "enabled": True}
        if self.multi_vector is not None:
            out["multivector"] = self.multi_vector.to_dict()


def _index_type(index: Any) -> str | None:
    return None if index is None else str(index.vector_index_type())


class _NamedVector(_Model):
    """Mixin of ``NamedVectorConfig``: its vectorizer under the module's name, its index."""

    __slots__ = ()
    if TYPE_CHECKING:
        vectorizer: Any
        vector_index_config: Any
        extra: dict[str, Any]

    @property
    def vector_index_type(self) -> str | None:
        """The index type (``hnsw``, ``flat``, ...)."""
        return _index_type(self.vector_index_config)

    def _to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = copy.deepcopy(self.extra)
        settings = copy.deepcopy(self.vectorizer.model)
        if self.vectorizer.source_properties is not None:
            settings["properties"] = list(self.vectorizer.source_properties)
        out["vectorizer"] = {enum_value(self.vectorizer.vectorizer): settings}
        index_type = _index_type(self.vector_index_config)
        if index_type == VectorIndexType.NONE.value:
            # as the server reports a dropped index: the type alone, no settings
            out["vectorIndexType"] = index_type
            out.pop("vectorIndexConfig", None)
        elif index_type is not None:
            out["vectorIndexType"] = index_type
            out["vectorIndexConfig"] = self.vector_index_config.to_dict()
        return out


class _Property(_Model):
    """Mixin of ``PropertyConfig``: the legacy vectorizer's entry under ``moduleConfig``."""

    __slots__ = ()
    if TYPE_CHECKING:
        vectorizer: str | None
        vectorizer_config: Any

    def _finish(self, out: dict[str, Any]) -> None:
        if self.vectorizer_config is not None and self.vectorizer is not None:
            mc = out.setdefault("moduleConfig", {})
            mc.setdefault(self.vectorizer, self.vectorizer_config.to_dict())


def _module_config_to_json(cfg: Any, other: Mapping[str, Any]) -> dict[str, Any]:
    mc: dict[str, Any] = copy.deepcopy(dict(other))
    vectorizer, generative, reranker = (
        cfg.vectorizer_config,
        cfg.generative_config,
        cfg.reranker_config,
    )
    if vectorizer is not None:
        mc[enum_value(vectorizer.vectorizer)] = {
            **copy.deepcopy(vectorizer.model),
            "vectorizeClassName": vectorizer.vectorize_collection_name,
        }
    if generative is not None:
        mc[enum_value(generative.generative)] = copy.deepcopy(generative.model)
    if reranker is not None:
        mc[enum_value(reranker.reranker)] = copy.deepcopy(reranker.model)
    return mc


def _vectors_and_properties(cfg: Any, out: dict[str, Any]) -> None:
    """The tail of a class JSON, shared by both views: vectorizer, named vectors, object TTL
    (the simple view's place for it) and the properties with the references."""
    if cfg.vectorizer is not None:
        out["vectorizer"] = enum_value(cfg.vectorizer)
    if cfg.vector_config is not None:
        out["vectorConfig"] = {k: v.to_dict() for k, v in cfg.vector_config.items()}
    if cfg.object_ttl_config is not None and "objectTtlConfig" not in out:
        out["objectTtlConfig"] = cfg.object_ttl_config.to_dict()
    out["properties"] = [p.to_dict() for p in cfg.properties] + [
        r.to_dict() for r in cfg.references
    ]


class _CollectionSimple(_Model):
    """Mixin of ``CollectionConfigSimple``: the class JSON of the parts it holds."""

    __slots__ = ()

    def _to_json(self) -> dict[str, Any]:
        cfg: Any = self
        out: dict[str, Any] = {"class": cfg.name}
        if cfg.description is not None:
            out["description"] = cfg.description
        mc = _module_config_to_json(cfg, {})
        if mc:
            out["moduleConfig"] = mc
        _vectors_and_properties(cfg, out)
        return out


class _Collection(_Model):
    """Mixin of ``CollectionConfig``: the whole class JSON, ``extra`` included."""

    __slots__ = ()

    def _to_json(self) -> dict[str, Any]:
        cfg: Any = self
        out: dict[str, Any] = copy.deepcopy(cfg.extra)
        out.pop("moduleConfig", None)
        out["class"] = cfg.name
        if cfg.description is not None:
            out["description"] = cfg.description
        mc = _module_config_to_json(cfg, cfg.extra.get("moduleConfig") or {})
        if mc:
            out["moduleConfig"] = mc
        out["invertedIndexConfig"] = cfg.inverted_index_config.to_dict()
        out["multiTenancyConfig"] = cfg.multi_tenancy_config.to_dict()
        out["replicationConfig"] = cfg.replication_config.to_dict()
        if cfg.sharding_config is not None and not cfg.multi_tenancy_config.enabled:
            out["shardingConfig"] = cfg.sharding_config.to_dict()
        if cfg.object_ttl_config is not None:
            out["objectTtlConfig"] = cfg.object_ttl_config.to_dict()
        if cfg.vector_index_config is not None:
            out["vectorIndexType"] = cfg.vector_index_config.vector_index_type()
            out["vectorIndexConfig"] = cfg.vector_index_config.to_dict()
        _vectors_and_properties(cfg, out)
        return out
