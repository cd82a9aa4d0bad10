"""The hand-written part of the vector index builders: their bases, shared checks and merges.

The builders themselves (their fields, JSON keys, the checks of each option) and the factories
of ``Configure.VectorIndex`` and ``Reconfigure.VectorIndex`` are generated into
:mod:`weaviate_async.classes.config_index` from ``tools/factory_tables/index.py``. What is not
one row of that table lives here: how a quantizer is placed in ``vectorIndexConfig``, which
quantizers an index takes, and how an update is merged into the server's current index object.
"""

from __future__ import annotations

import warnings
from typing import Any

import attrs

from weaviate_async._validate import check_instance, invalid
from weaviate_async.classes._config_base import _VectorIndexConfigCreate, official_names
from weaviate_async.classes._index_enums import VectorIndexType
from weaviate_async.classes._json_keys import keyed, keyed_json, merge_keyed

__all__ = [
    "BIT_COMPRESSION_DEPRECATION",
    "_QuantizerConfigCreate",
    "_QuantizerConfigUpdate",
    "_UncompressedConfigCreate",
    "_VectorConfigUpdate",
    "_VectorIndexConfigSkipCreate",
    "_VectorIndexConfigUpdate",
]

#: The official client's deprecation of PQ's ``bit_compression`` (Dep019), word for word, so that
#: a program's warning filters match: the server ignores the option, and neither client sends it.
BIT_COMPRESSION_DEPRECATION = (
    "Dep019: The `bit_compression` argument in `PQConfig` is deprecated and will be removed by "
    "Q4 2024."
)


def _bit_compression_deprecated(value: bool | None) -> None:
    if value is not None:
        warnings.warn(BIT_COMPRESSION_DEPRECATION, DeprecationWarning, stacklevel=3)


def _refuse_unless(ok: bool, field: str, reason: str, value: Any = ...) -> None:
    """Raise the invalid-argument error of ``field`` unless ``ok`` (a check across options)."""
    if not ok:
        raise invalid(field, reason, value)


@attrs.define(kw_only=True)
class _QuantizerConfigCreate:
    """Base of the quantizer builders used when creating a vector index."""

    def quantizer_name(self) -> str:
        """The key of this quantizer in ``vectorIndexConfig`` (``pq``, ``bq``, ``sq``, ``rq``)."""
        raise NotImplementedError

    def to_json(self) -> Any:
        """The value stored under ``vectorIndexConfig[quantizer_name()]``: the quantizer's
        object with ``enabled: true``."""
        return keyed_json(self, {"enabled": True})


def _quantizer_key(quantizer: Any) -> str:
    """A quantizer's key in ``vectorIndexConfig``: its own name."""
    name: str = quantizer.quantizer_name()
    return name


def encoding_name_of(encoding: Any) -> str:
    """The key of a multi-vector ``encoding`` in the ``multivector`` object."""
    name: str = encoding.encoding_name()
    return name


@attrs.define(kw_only=True)
class _UncompressedConfigCreate(_QuantizerConfigCreate):
    """No quantization, overriding a server-wide default quantization."""

    def quantizer_name(self) -> str:
        """``skipDefaultQuantization``."""
        return "skipDefaultQuantization"

    def to_json(self) -> bool:
        """``true``."""
        return True


def _check_rq_bits(
    quantizer: Any, rq: type[Any], allowed: tuple[int | None, ...], reason: str
) -> None:
    """Refuse an RQ quantizer (of type ``rq``) with bits the index does not take."""
    if isinstance(quantizer, rq) and quantizer.bits not in allowed:
        raise invalid("bits", reason, quantizer.bits)


def _check_stage(value: Any, stage: type, name: str, builder: str) -> None:
    """Check a stage of a dynamic index (``hnsw``/``flat``), built by ``builder``."""
    check_instance(value, stage, name, f"built with {builder}.VectorIndex.{name}()")


@attrs.define(kw_only=True)
class _VectorIndexConfigSkipCreate(_VectorIndexConfigCreate):
    """No vector index at all (``skip: true`` on an HNSW index)."""

    def index_type(self) -> str:
        """``hnsw``."""
        return VectorIndexType.HNSW.value

    @staticmethod
    def vector_index_type() -> VectorIndexType:
        """The index type as a :class:`VectorIndexType` member (the official client's spelling)."""
        return VectorIndexType.HNSW

    def to_json(self) -> dict[str, Any]:
        """``{"skip": true}``."""
        return {"skip": True}

    @property
    def skip(self) -> bool:
        """Always True: the vectors are stored without an index (official field name)."""
        return True


# --------------------------------------------------------------------------------------------
# Updates
# --------------------------------------------------------------------------------------------

_QUANTIZER_KEYS = ("pq", "bq", "sq", "rq")


@attrs.define(kw_only=True)
class _QuantizerConfigUpdate:
    """Base of the quantizer update builders."""

    # after the options when the server's object lacks it (and before PQ's encoder)
    enabled: bool = keyed("enabled", default=True, order=1)

    def quantizer_name(self) -> str:
        """The key of this quantizer in ``vectorIndexConfig``."""
        raise NotImplementedError

    def changes(self) -> dict[str, Any]:
        """The keys to set in the quantizer's object, other than ``enabled``."""
        out = keyed_json(self)
        del out["enabled"]
        return out

    def merge_with_existing(self, index_json: dict[str, Any]) -> None:
        """Apply the change to ``index_json`` (a ``vectorIndexConfig`` object) in place.

        Raises:
            WeaviateInvalidInputError: another quantizer is enabled already (changing the
                quantizer of an index needs a new collection).
        """
        name = self.quantizer_name()
        if self.enabled:
            for other in _QUANTIZER_KEYS:
                cur = index_json.get(other)
                if other != name and isinstance(cur, dict) and cur.get("enabled"):
                    raise invalid(
                        "quantizer",
                        f"the index uses the {other!r} quantizer already; a quantizer cannot be "
                        "replaced by another one (recreate the collection instead)",
                        name,
                    )
        current = index_json.get(name)
        index_json[name] = merge_keyed(self, current if isinstance(current, dict) else {})


def _check_quantizer(index: str, quantizer: Any, allowed: tuple[type, ...]) -> None:
    """Refuse a quantizer that is not a builder of the ``allowed`` kind (create or update) or
    that the ``index`` does not take."""
    if quantizer is None:
        return
    update = issubclass(allowed[0], _QuantizerConfigUpdate)
    base, ns = (
        (_QuantizerConfigUpdate, "Reconfigure") if update else (_QuantizerConfigCreate, "Configure")
    )
    if not isinstance(quantizer, base):
        raise invalid("quantizer", f"must be built with {ns}.VectorIndex.Quantizer", quantizer)
    if isinstance(quantizer, allowed):
        return
    name = quantizer.quantizer_name()
    if update:
        raise invalid("quantizer", f"the {index} index cannot use the {name!r} quantizer", name)
    names = ", ".join(q().quantizer_name() for q in allowed if q is not _UncompressedConfigCreate)
    reason = f"the {index} index supports only these quantizers: {names} (or none())"
    raise invalid("quantizer", reason, name)


@attrs.define(kw_only=True)
class _VectorIndexConfigUpdate:
    """Base of the vector index update builders."""

    def index_type(self) -> str:
        """The ``vectorIndexType`` this update applies to."""
        raise NotImplementedError

    @staticmethod
    def vector_index_type() -> VectorIndexType:
        """The index type as a :class:`VectorIndexType` member (the official client's spelling);
        each index update builder defines it."""
        raise NotImplementedError

    def changes(self) -> dict[str, Any]:
        """The top-level keys to set in ``vectorIndexConfig``."""
        return keyed_json(self)

    @property
    def quantizer(self) -> Any:
        """The quantizer change (official field name); None when the update has none."""
        return None

    def quantizer_update(self) -> _QuantizerConfigUpdate | None:
        """The quantizer change, if any."""
        return None

    def merge_with_existing(self, index_json: dict[str, Any]) -> dict[str, Any]:
        """Return a copy of ``index_json`` (a ``vectorIndexConfig``) with the changes applied."""
        out = merge_keyed(self, index_json)
        q = self.quantizer_update()
        if q is not None:
            q.merge_with_existing(out)
        return out


def _merge_dynamic(update: Any, out: dict[str, Any]) -> dict[str, Any]:
    """Apply the quantizer and stage changes of a dynamic index update to ``out`` (a copy of
    the current ``vectorIndexConfig`` with the update's own keys written)."""
    if update.quantizer is not None:
        # a dynamic index's quantizer lives in both stages
        for stage in ("hnsw", "flat"):
            sub = out.get(stage)
            if isinstance(sub, dict):
                update.quantizer.merge_with_existing(sub)
        out.pop("bq", None)
    if update.hnsw is not None:
        out["hnsw"] = update.hnsw.merge_with_existing(out.get("hnsw") or {})
    if update.flat is not None:
        out["flat"] = update.flat.merge_with_existing(out.get("flat") or {})
    return out


@official_names(vectorIndexConfig="vector_index_config")
@attrs.define(kw_only=True)
class _VectorConfigUpdate:
    """A change of the index of one named vector."""

    name: str = "default"
    vector_index_config: _VectorIndexConfigUpdate

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise invalid("name", "must be a non-empty str", self.name)
        if not isinstance(self.vector_index_config, _VectorIndexConfigUpdate):
            raise invalid(
                "vector_index_config",
                "must be built with Reconfigure.VectorIndex.*",
                self.vector_index_config,
            )
