"""Vector index builders: ``Configure.VectorIndex`` and ``Reconfigure.VectorIndex``.

Create builders (hnsw, flat, dynamic, hfresh, none) subclass the shared
:class:`~weaviate_async.classes._config_base._VectorIndexConfigCreate` and serialize to the
``vectorIndexConfig`` object of the class JSON. Update builders hold only the options the server
lets a running collection change, and merge them into the current ``vectorIndexConfig``.
Every option is checked when the builder is called; the server's own limits (maxConnections
4..2047, RQ bits, the quantizers each index supports, ...) are checked here too.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from enum import Enum
from typing import Any, ClassVar

import attrs

from weaviate_async._validate import (
    check_bool,
    check_instance,
    check_int,
    invalid,
    to_opt_enum,
)
from weaviate_async.classes._config_base import _VectorIndexConfigCreate, official_names
from weaviate_async.classes._json_keys import (
    json_aliases,
    key_metadata,
    keyed,
    keyed_json,
    merge_keyed,
)

__all__ = [
    "MultiVectorAggregation",
    "PQEncoderDistribution",
    "PQEncoderType",
    "VectorDistances",
    "VectorFilterStrategy",
    "VectorIndexType",
    "_BQConfigCreate",
    "_BQConfigUpdate",
    "_MultiVectorConfigCreate",
    "_MuveraConfigCreate",
    "_PQConfigCreate",
    "_PQConfigUpdate",
    "_QuantizerConfigCreate",
    "_QuantizerConfigUpdate",
    "_RQConfigCreate",
    "_RQConfigUpdate",
    "_SQConfigCreate",
    "_SQConfigUpdate",
    "_UncompressedConfigCreate",
    "_VectorConfigUpdate",
    "_VectorIndex",
    "_VectorIndexConfigDynamicCreate",
    "_VectorIndexConfigDynamicUpdate",
    "_VectorIndexConfigFlatCreate",
    "_VectorIndexConfigFlatUpdate",
    "_VectorIndexConfigHFreshCreate",
    "_VectorIndexConfigHFreshUpdate",
    "_VectorIndexConfigHNSWCreate",
    "_VectorIndexConfigHNSWUpdate",
    "_VectorIndexConfigSkipCreate",
    "_VectorIndexConfigUpdate",
    "_VectorIndexUpdate",
    "_VectorsUpdate",
    "_with_multi_vector",
]


class VectorDistances(str, Enum):
    """Distance metrics of a vector index.

    Attributes:
        COSINE: cosine distance (the server's default).
        DOT: negative dot product.
        L2_SQUARED: squared euclidean distance.
        HAMMING: hamming distance.
        MANHATTAN: manhattan (L1) distance.
    """

    COSINE = "cosine"
    DOT = "dot"
    L2_SQUARED = "l2-squared"
    HAMMING = "hamming"
    MANHATTAN = "manhattan"


class VectorFilterStrategy(str, Enum):
    """How HNSW searches when a filter is set.

    Attributes:
        SWEEPING: normal ANN search that skips non-matching nodes.
        ACORN: multi-hop search for matching candidates (the server's default).
        PATHSEER: chooses per query between sweeping and multi-hop search (servers newer than
            1.39; 1.39 refuses it).
    """

    SWEEPING = "sweeping"
    ACORN = "acorn"
    PATHSEER = "pathseer"


class VectorIndexType(str, Enum):
    """The vector index types of the server.

    Attributes:
        HNSW: hierarchical navigable small world graph.
        FLAT: brute-force index.
        DYNAMIC: flat that turns into hnsw past a threshold.
        HFRESH: the disk-friendly HFresh index.
        NONE: the vector's index was dropped (``collection.config.delete_vector_index``); the
            server reports it, a vector cannot be configured with it.
    """

    HNSW = "hnsw"
    FLAT = "flat"
    DYNAMIC = "dynamic"
    HFRESH = "hfresh"
    NONE = "none"


class PQEncoderType(str, Enum):
    """The product quantization encoder.

    Attributes:
        KMEANS: k-means encoder (the server's default).
        TILE: tile encoder.
    """

    KMEANS = "kmeans"
    TILE = "tile"


class PQEncoderDistribution(str, Enum):
    """The distribution assumed by the tile PQ encoder.

    Attributes:
        LOG_NORMAL: log-normal (the server's default).
        NORMAL: normal.
    """

    LOG_NORMAL = "log-normal"
    NORMAL = "normal"


class MultiVectorAggregation(str, Enum):
    """How a multi-vector index aggregates per-token similarities.

    Attributes:
        MAX_SIM: late interaction maximum similarity (the only one the server has).
    """

    MAX_SIM = "maxSim"


def _field_order(
    *names: str,
) -> Callable[[type, list[attrs.Attribute[Any]]], list[attrs.Attribute[Any]]]:
    """An attrs ``field_transformer`` that lists a builder's fields (inherited ones too) in order.

    A builder that takes part of its fields from a shared base keeps the field order (and so
    the repr, which error messages quote) it had before the base was shared.
    """

    def transform(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
        if sorted(f.name for f in fields) != sorted(names):
            raise TypeError(f"{cls.__name__}: field order {names} does not match its fields")
        return sorted(fields, key=lambda f: names.index(f.name))

    return transform


def _distance(value: Any) -> VectorDistances | None:
    return to_opt_enum(VectorDistances, value, "distance_metric")


def _filter_strategy(value: Any) -> VectorFilterStrategy | None:
    return to_opt_enum(VectorFilterStrategy, value, "filter_strategy")


# --------------------------------------------------------------------------------------------
# Quantizers (create)
# --------------------------------------------------------------------------------------------


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


def _pq_type(value: Any) -> PQEncoderType | None:
    return to_opt_enum(PQEncoderType, value, "encoder_type")


def _pq_distribution(value: Any) -> PQEncoderDistribution | None:
    return to_opt_enum(PQEncoderDistribution, value, "encoder_distribution")


# Each quantizer's options that both its create and its update builder take live in one base
# (``_PQConfig`` ...). These bases are not slotted: an update builder also inherits ``enabled``
# from the slotted ``_QuantizerConfigUpdate``, and Python cannot combine two slotted bases that
# both hold fields.


#: The official client's deprecation of PQ's ``bit_compression`` (Dep019), word for word, so that
#: a program's warning filters match: the server ignores the option, and neither client sends it.
BIT_COMPRESSION_DEPRECATION = (
    "Dep019: The `bit_compression` argument in `PQConfig` is deprecated and will be removed by "
    "Q4 2024."
)


def _bit_compression_deprecated(value: bool | None) -> None:
    if value is not None:
        warnings.warn(BIT_COMPRESSION_DEPRECATION, DeprecationWarning, stacklevel=3)


@attrs.define(kw_only=True, slots=False)
class _PQConfig:
    """The product quantization options of ``_PQConfigCreate`` and ``_PQConfigUpdate``."""

    bit_compression: bool | None = keyed("bitCompression")
    centroids: int | None = keyed("centroids")
    # the encoder goes last, after an update's ``enabled``: type first, then distribution
    encoder_distribution: PQEncoderDistribution | None = attrs.field(
        default=None,
        converter=_pq_distribution,
        metadata=key_metadata("encoder/distribution", order=3),
    )
    encoder_type: PQEncoderType | None = attrs.field(
        default=None, converter=_pq_type, metadata=key_metadata("encoder/type", order=2)
    )
    segments: int | None = keyed("segments")
    training_limit: int | None = keyed("trainingLimit")

    def _check_common(self) -> None:
        check_bool(self.bit_compression, "bit_compression")
        check_int(self.centroids, "centroids", minimum=1, maximum=65536)
        check_int(self.segments, "segments", minimum=0)
        check_int(self.training_limit, "training_limit", minimum=1)


@attrs.define(kw_only=True, slots=False)
class _BQConfig:
    """The binary quantization options of ``_BQConfigCreate`` and ``_BQConfigUpdate``."""

    rescore_limit: int | None = keyed("rescoreLimit")

    def _check_common(self) -> None:
        check_int(self.rescore_limit, "rescore_limit", minimum=-1)


@attrs.define(kw_only=True, slots=False)
class _SQConfig:
    """The scalar quantization options of ``_SQConfigCreate`` and ``_SQConfigUpdate``."""

    rescore_limit: int | None = keyed("rescoreLimit")
    training_limit: int | None = keyed("trainingLimit")

    def _check_common(self) -> None:
        check_int(self.rescore_limit, "rescore_limit", minimum=-1)
        check_int(self.training_limit, "training_limit", minimum=1)


_RQ_BITS = (1, 4, 8)


@attrs.define(kw_only=True, slots=False)
class _RQConfig:
    """The rotational quantization options of ``_RQConfigCreate`` and ``_RQConfigUpdate``."""

    # bits is sent before rescoreLimit (the update builder takes rescore_limit first) and
    # after a create's cache. Weaviate v1.39.0 does not read centering or trainingLimit (it
    # accepts and drops them); newer servers do, and the official client sends them the same.
    bits: int | None = keyed("bits", order=-1)
    rescore_limit: int | None = keyed("rescoreLimit")
    centering: bool | None = keyed("centering")
    training_limit: int | None = keyed("trainingLimit")

    def _check_common(self) -> None:
        check_int(self.bits, "bits")
        if self.bits is not None and self.bits not in _RQ_BITS:
            raise invalid("bits", "RQ bits must be 1, 4 or 8", self.bits)
        check_int(self.rescore_limit, "rescore_limit", minimum=-1)
        check_bool(self.centering, "centering")
        check_int(self.training_limit, "training_limit", minimum=1)


@attrs.define(kw_only=True)
class _CachedQuantizerConfigCreate(_QuantizerConfigCreate):
    """Base of the create builders with a ``cache`` option (bq, sq, rq)."""

    cache: bool | None = keyed("cache", order=-2)

    def __attrs_post_init__(self) -> None:
        check_bool(self.cache, "cache")
        self._check_common()

    def _check_common(self) -> None:
        """Check the quantizer's other options (its shared base, e.g. ``_BQConfig``, does)."""


@attrs.define(kw_only=True)
class _PQConfigCreate(_PQConfig, _QuantizerConfigCreate):
    """Product quantization settings (``pq``)."""

    def __attrs_post_init__(self) -> None:
        self._check_common()

    def quantizer_name(self) -> str:
        """``pq``."""
        return "pq"


@attrs.define(kw_only=True)
class _BQConfigCreate(_BQConfig, _CachedQuantizerConfigCreate):
    """Binary quantization settings (``bq``)."""

    def quantizer_name(self) -> str:
        """``bq``."""
        return "bq"


@attrs.define(kw_only=True)
class _SQConfigCreate(_SQConfig, _CachedQuantizerConfigCreate):
    """Scalar quantization settings (``sq``)."""

    def quantizer_name(self) -> str:
        """``sq``."""
        return "sq"


@attrs.define(kw_only=True)
class _RQConfigCreate(_RQConfig, _CachedQuantizerConfigCreate):
    """Rotational quantization settings (``rq``)."""

    def quantizer_name(self) -> str:
        """``rq``."""
        return "rq"


@attrs.define(kw_only=True)
class _UncompressedConfigCreate(_QuantizerConfigCreate):
    """No quantization, overriding a server-wide default quantization."""

    def quantizer_name(self) -> str:
        """``skipDefaultQuantization``."""
        return "skipDefaultQuantization"

    def to_json(self) -> bool:
        """``true``."""
        return True


# --------------------------------------------------------------------------------------------
# Multi-vector
# --------------------------------------------------------------------------------------------


@attrs.define(kw_only=True)
class _MuveraConfigCreate:
    """The MUVERA encoding of a multi-vector index."""

    ksim: int | None = keyed("ksim")
    dprojections: int | None = keyed("dprojections")
    repetitions: int | None = keyed("repetitions")

    def __attrs_post_init__(self) -> None:
        check_int(self.ksim, "ksim", minimum=1, maximum=10)
        check_int(self.dprojections, "dprojections", minimum=1)
        check_int(self.repetitions, "repetitions", minimum=1)

    @staticmethod
    def encoding_name() -> str:
        """``muvera``, the key of the encoding in the ``multivector`` object."""
        return "muvera"

    @staticmethod
    def encoding_name_of(encoding: _MuveraConfigCreate) -> str:
        """The key of ``encoding`` in the ``multivector`` object."""
        return encoding.encoding_name()

    def to_json(self) -> dict[str, Any]:
        """The ``muvera`` object with ``enabled: true``."""
        return keyed_json(self, {"enabled": True})


def _aggregation(value: Any) -> MultiVectorAggregation | None:
    return to_opt_enum(MultiVectorAggregation, value, "aggregation")


@attrs.define(kw_only=True)
class _MultiVectorConfigCreate:
    """Multi-vector (late interaction) settings of an HNSW index."""

    aggregation: MultiVectorAggregation | None = attrs.field(
        default=None, converter=_aggregation, metadata=key_metadata("aggregation")
    )
    encoding: _MuveraConfigCreate | None = keyed(_MuveraConfigCreate.encoding_name_of)

    def __attrs_post_init__(self) -> None:
        check_instance(
            self.encoding,
            _MuveraConfigCreate,
            "encoding",
            "built with Configure.VectorIndex.MultiVector.Encoding.muvera()",
        )

    def to_json(self) -> dict[str, Any]:
        """The ``multivector`` object with ``enabled: true``."""
        return keyed_json(self, {"enabled": True})


# --------------------------------------------------------------------------------------------
# Index builders (create)
# --------------------------------------------------------------------------------------------


def _check_quantizer(
    index: str, quantizer: Any, allowed: tuple[type[_QuantizerConfigCreate], ...]
) -> None:
    if quantizer is None:
        return
    if not isinstance(quantizer, _QuantizerConfigCreate):
        raise invalid("quantizer", "must be built with Configure.VectorIndex.Quantizer", quantizer)
    if not isinstance(quantizer, allowed):
        names = ", ".join(
            q().quantizer_name() for q in allowed if q is not _UncompressedConfigCreate
        )
        raise invalid(
            "quantizer",
            f"the {index} index supports only these quantizers: {names} (or none())",
            quantizer.quantizer_name(),
        )


def _check_multi_vector(value: Any) -> None:
    check_instance(
        value,
        _MultiVectorConfigCreate,
        "multi_vector",
        "built with Configure.VectorIndex.MultiVector.multi_vector()",
    )


_IntLimits = dict[str, tuple[int | None, int | None]]


def _check_limits(builder: object, limits: _IntLimits) -> None:
    """Check the int options named in ``limits`` (name: (minimum, maximum)) in that order."""
    for name, (lo, hi) in limits.items():
        check_int(getattr(builder, name), name, minimum=lo, maximum=hi)


# Each index's options that both its create and its update builder take live in one base
# (``_HNSWConfig`` ...), with the checks of those options.


@attrs.define(kw_only=True)
class _HNSWConfig:
    """The HNSW options of ``_VectorIndexConfigHNSWCreate`` and ``_VectorIndexConfigHNSWUpdate``."""

    _INT_LIMITS: ClassVar[_IntLimits] = {
        "dynamic_ef_factor": (0, None),
        "dynamic_ef_min": (0, None),
        "dynamic_ef_max": (0, None),
        "ef": (-1, None),
        "flat_search_cutoff": (0, None),
        "vector_cache_max_objects": (0, None),
    }

    dynamic_ef_factor: int | None = keyed("dynamicEfFactor")
    dynamic_ef_min: int | None = keyed("dynamicEfMin")
    dynamic_ef_max: int | None = keyed("dynamicEfMax")
    ef: int | None = keyed("ef")
    flat_search_cutoff: int | None = keyed("flatSearchCutoff")
    filter_strategy: VectorFilterStrategy | None = attrs.field(
        default=None, converter=_filter_strategy, metadata=key_metadata("filterStrategy")
    )
    vector_cache_max_objects: int | None = keyed("vectorCacheMaxObjects")

    def _check_common(self) -> None:
        _check_limits(self, self._INT_LIMITS)


@attrs.define(kw_only=True)
class _FlatConfig:
    """The flat options of ``_VectorIndexConfigFlatCreate`` and ``_VectorIndexConfigFlatUpdate``."""

    vector_cache_max_objects: int | None = keyed("vectorCacheMaxObjects")

    def _check_common(self) -> None:
        check_int(self.vector_cache_max_objects, "vector_cache_max_objects", minimum=0)


@attrs.define(kw_only=True)
class _DynamicConfig:
    """The dynamic index options of its create and update builders (the stages differ in type)."""

    threshold: int | None = keyed("threshold")

    def _check_common(
        self, hnsw: Any, flat: Any, stage_types: tuple[type, type], builder: str
    ) -> None:
        """Check ``threshold`` and that the stages were built by ``builder`` (Configure/Reconfigure)."""
        check_int(self.threshold, "threshold", minimum=0)
        for name, value, stage_type in (
            ("hnsw", hnsw, stage_types[0]),
            ("flat", flat, stage_types[1]),
        ):
            check_instance(value, stage_type, name, f"built with {builder}.VectorIndex.{name}()")


@attrs.define(kw_only=True)
class _HFreshConfig:
    """The HFresh options of ``_VectorIndexConfigHFreshCreate`` and its update builder."""

    _INT_LIMITS: ClassVar[_IntLimits] = {
        "max_posting_size_kb": (8, 1024),
        "search_probe": (1, None),
    }

    max_posting_size_kb: int | None = keyed("maxPostingSizeKB")
    search_probe: int | None = keyed("searchProbe")

    def _check_common(self) -> None:
        _check_limits(self, self._INT_LIMITS)


@attrs.define(kw_only=True)
class _VectorIndexConfigSkipCreate(_VectorIndexConfigCreate):
    """No vector index at all (``skip: true`` on an HNSW index)."""

    def index_type(self) -> str:
        """``hnsw``."""
        return VectorIndexType.HNSW.value

    def to_json(self) -> dict[str, Any]:
        """``{"skip": true}``."""
        return {"skip": True}

    @property
    def skip(self) -> bool:
        """Always True: the vectors are stored without an index (official field name)."""
        return True


@attrs.define(
    kw_only=True,
    field_transformer=_field_order(
        "cleanup_interval_seconds",
        "distance_metric",
        "dynamic_ef_factor",
        "dynamic_ef_max",
        "dynamic_ef_min",
        "ef",
        "ef_construction",
        "filter_strategy",
        "flat_search_cutoff",
        "max_connections",
        "vector_cache_max_objects",
        "quantizer",
        "multi_vector",
    ),
)
class _VectorIndexConfigHNSWCreate(_HNSWConfig, _VectorIndexConfigCreate):
    """HNSW index settings; None leaves the server's default."""

    _INT_LIMITS: ClassVar[_IntLimits] = dict(
        sorted(
            {
                **_HNSWConfig._INT_LIMITS,
                "cleanup_interval_seconds": (0, None),
                "ef_construction": (4, None),
                "max_connections": (4, 2047),
            }.items()
        )
    )

    cleanup_interval_seconds: int | None = keyed("cleanupIntervalSeconds")
    distance_metric: VectorDistances | None = attrs.field(
        default=None, converter=_distance, metadata=key_metadata("distance")
    )
    ef_construction: int | None = keyed("efConstruction")
    max_connections: int | None = keyed("maxConnections")
    quantizer: _QuantizerConfigCreate | None = keyed(_quantizer_key)
    multi_vector: _MultiVectorConfigCreate | None = keyed("multivector")

    def __attrs_post_init__(self) -> None:
        self._check_common()
        if (
            self.dynamic_ef_min is not None
            and self.dynamic_ef_max is not None
            and self.dynamic_ef_min > self.dynamic_ef_max
        ):
            raise invalid("dynamic_ef_min", "must not exceed dynamic_ef_max", self.dynamic_ef_min)
        _check_quantizer(
            "hnsw",
            self.quantizer,
            (
                _PQConfigCreate,
                _BQConfigCreate,
                _SQConfigCreate,
                _RQConfigCreate,
                _UncompressedConfigCreate,
            ),
        )
        _check_multi_vector(self.multi_vector)

    def index_type(self) -> str:
        """``hnsw``."""
        return VectorIndexType.HNSW.value

    def to_json(self) -> dict[str, Any]:
        """The ``vectorIndexConfig`` object."""
        return keyed_json(self)


@attrs.define(
    kw_only=True,
    field_transformer=_field_order("distance_metric", "vector_cache_max_objects", "quantizer"),
)
class _VectorIndexConfigFlatCreate(_FlatConfig, _VectorIndexConfigCreate):
    """Flat index settings; None leaves the server's default."""

    distance_metric: VectorDistances | None = attrs.field(
        default=None, converter=_distance, metadata=key_metadata("distance")
    )
    quantizer: _QuantizerConfigCreate | None = keyed(_quantizer_key)

    def __attrs_post_init__(self) -> None:
        self._check_common()
        _check_quantizer(
            "flat", self.quantizer, (_BQConfigCreate, _RQConfigCreate, _UncompressedConfigCreate)
        )
        if isinstance(self.quantizer, _RQConfigCreate) and self.quantizer.bits not in (
            None,
            1,
            8,
        ):
            raise invalid("bits", "the flat index supports RQ bits 1 or 8", self.quantizer.bits)

    def index_type(self) -> str:
        """``flat``."""
        return VectorIndexType.FLAT.value

    def to_json(self) -> dict[str, Any]:
        """The ``vectorIndexConfig`` object."""
        return keyed_json(self)


@attrs.define(
    kw_only=True, field_transformer=_field_order("distance_metric", "threshold", "hnsw", "flat")
)
class _VectorIndexConfigDynamicCreate(_DynamicConfig, _VectorIndexConfigCreate):
    """Dynamic index settings: a flat index that becomes HNSW past ``threshold`` objects."""

    distance_metric: VectorDistances | None = attrs.field(
        default=None, converter=_distance, metadata=key_metadata("distance")
    )
    hnsw: _VectorIndexConfigHNSWCreate | None = keyed("hnsw")
    flat: _VectorIndexConfigFlatCreate | None = keyed("flat")

    def __attrs_post_init__(self) -> None:
        self._check_common(
            self.hnsw,
            self.flat,
            (_VectorIndexConfigHNSWCreate, _VectorIndexConfigFlatCreate),
            "Configure",
        )
        if self.hnsw is not None and self.hnsw.multi_vector is not None:
            raise invalid("hnsw", "multi-vector is not supported by the dynamic index")

    def index_type(self) -> str:
        """``dynamic``."""
        return VectorIndexType.DYNAMIC.value

    def to_json(self) -> dict[str, Any]:
        """The ``vectorIndexConfig`` object."""
        return keyed_json(self)


@attrs.define(
    kw_only=True,
    field_transformer=_field_order(
        "distance_metric",
        "max_posting_size_kb",
        "replicas",
        "search_probe",
        "quantizer",
        "multi_vector",
    ),
)
class _VectorIndexConfigHFreshCreate(_HFreshConfig, _VectorIndexConfigCreate):
    """HFresh index settings; None leaves the server's default."""

    _INT_LIMITS: ClassVar[_IntLimits] = dict(
        sorted({**_HFreshConfig._INT_LIMITS, "replicas": (1, 10)}.items())
    )

    distance_metric: VectorDistances | None = attrs.field(
        default=None, converter=_distance, metadata=key_metadata("distance")
    )
    replicas: int | None = keyed("replicas")
    quantizer: _QuantizerConfigCreate | None = keyed(_quantizer_key)
    # sent as for the other indexes (official 4.24); the server decides what it accepts
    multi_vector: _MultiVectorConfigCreate | None = keyed("multivector")

    def __attrs_post_init__(self) -> None:
        if self.distance_metric not in (None, VectorDistances.COSINE, VectorDistances.L2_SQUARED):
            raise invalid(
                "distance_metric",
                "the hfresh index supports only 'cosine' and 'l2-squared'",
                self.distance_metric.value if self.distance_metric else None,
            )
        self._check_common()
        _check_quantizer("hfresh", self.quantizer, (_RQConfigCreate,))
        if isinstance(self.quantizer, _RQConfigCreate) and self.quantizer.bits not in (None, 1):
            raise invalid("bits", "the hfresh index supports only 1-bit RQ", self.quantizer.bits)
        _check_multi_vector(self.multi_vector)

    def index_type(self) -> str:
        """``hfresh``."""
        return VectorIndexType.HFRESH.value

    def to_json(self) -> dict[str, Any]:
        """The ``vectorIndexConfig`` object."""
        return keyed_json(self)


def _with_multi_vector(
    index: _VectorIndexConfigCreate | None, multi_vector: _MultiVectorConfigCreate
) -> _VectorIndexConfigCreate:
    """Return ``index`` (an HNSW builder, or None for the defaults) with multi-vector enabled.

    Used by the multi-vector factories (``Configure.MultiVectors``): multi-vectors go on an HNSW
    or (as the official client 4.24 sends it) an HFresh index; flat and dynamic are refused.
    """
    _check_multi_vector(multi_vector)
    if index is None:
        return _VectorIndexConfigHNSWCreate(multi_vector=multi_vector)
    if not isinstance(index, (_VectorIndexConfigHNSWCreate, _VectorIndexConfigHFreshCreate)):
        raise invalid(
            "vector_index_config",
            "multi-vectors need an HNSW or HFresh index (Configure.VectorIndex.hnsw/hfresh())",
            index.index_type(),
        )
    return attrs.evolve(index, multi_vector=multi_vector)


# --------------------------------------------------------------------------------------------
# Factories (create)
# --------------------------------------------------------------------------------------------


class _VectorIndexMultivectorEncoding:
    """Encodings of a multi-vector index."""

    @staticmethod
    def muvera(
        ksim: int | None = None,
        dprojections: int | None = None,
        repetitions: int | None = None,
    ) -> _MuveraConfigCreate:
        """MUVERA encoding: multi-vectors become fixed-size vectors.

        Args:
            ksim: number of SimHash hyperplanes (at most 10). Server default: 4.
            dprojections: dimension of each projection. Server default: 16.
            repetitions: number of repetitions. Server default: 10.
        """
        return _MuveraConfigCreate(ksim=ksim, dprojections=dprojections, repetitions=repetitions)


class _VectorIndexMultiVector:
    """Multi-vector settings of an HNSW index."""

    Encoding = _VectorIndexMultivectorEncoding

    @staticmethod
    def multi_vector(
        encoding: _MuveraConfigCreate | None = None,
        aggregation: MultiVectorAggregation | str | None = None,
    ) -> _MultiVectorConfigCreate:
        """Enable multi-vectors (late interaction).

        Args:
            encoding: an encoding such as ``Encoding.muvera()``; None for raw multi-vectors.
            aggregation: the aggregation; the server's default is ``maxSim``.
        """
        if encoding is not None:
            warnings.warn(
                "MultiVector.multi_vector(encoding=...) is deprecated: give the encoding to "
                "Configure.MultiVectors.<module>(encoding=...)",
                DeprecationWarning,
                stacklevel=2,
            )
        return _MultiVectorConfigCreate(encoding=encoding, aggregation=aggregation)


class _VectorIndexQuantizer:
    """Quantizers of a vector index (``Configure.VectorIndex.Quantizer``)."""

    @staticmethod
    def pq(
        bit_compression: bool | None = None,
        centroids: int | None = None,
        encoder_distribution: PQEncoderDistribution | str | None = None,
        encoder_type: PQEncoderType | str | None = None,
        segments: int | None = None,
        training_limit: int | None = None,
    ) -> _PQConfigCreate:
        """Product quantization (HNSW only).

        Args:
            bit_compression: deprecated (a DeprecationWarning when given); not sent, as the
                server ignores it.
            centroids: centroids per segment (server default 256).
            encoder_distribution: tile encoder distribution (server default log-normal).
            encoder_type: kmeans or tile (server default kmeans).
            segments: number of segments; 0 lets the server choose.
            training_limit: objects used to train the codebook (server default 100000).
        """
        _bit_compression_deprecated(bit_compression)
        return _PQConfigCreate(
            centroids=centroids,
            encoder_distribution=encoder_distribution,
            encoder_type=encoder_type,
            segments=segments,
            training_limit=training_limit,
        )

    @staticmethod
    def bq(cache: bool | None = None, rescore_limit: int | None = None) -> _BQConfigCreate:
        """Binary quantization.

        Args:
            cache: cache the compressed vectors (flat index).
            rescore_limit: candidates rescored with full vectors (flat index).
        """
        return _BQConfigCreate(cache=cache, rescore_limit=rescore_limit)

    @staticmethod
    def sq(
        cache: bool | None = None,
        rescore_limit: int | None = None,
        training_limit: int | None = None,
    ) -> _SQConfigCreate:
        """Scalar quantization (HNSW only).

        Args:
            cache: cache the compressed vectors.
            rescore_limit: candidates rescored with full vectors (server default 20).
            training_limit: objects used for training (server default 100000).
        """
        return _SQConfigCreate(
            cache=cache, rescore_limit=rescore_limit, training_limit=training_limit
        )

    @staticmethod
    def rq(
        cache: bool | None = None,
        bits: int | None = None,
        rescore_limit: int | None = None,
        centering: bool | None = None,
        training_limit: int | None = None,
    ) -> _RQConfigCreate:
        """Rotational quantization.

        Args:
            cache: cache the compressed vectors (flat index).
            bits: bits per dimension, 1, 4 or 8 (server default 8; flat: 1 or 8; hfresh: 1).
            rescore_limit: candidates rescored with full vectors.
            centering: RQ centering on or off (read by servers newer than v1.39.0, which
                accepts and ignores it).
            training_limit: objects RQ trains on (likewise ignored by v1.39.0).
        """
        return _RQConfigCreate(
            cache=cache,
            bits=bits,
            rescore_limit=rescore_limit,
            centering=centering,
            training_limit=training_limit,
        )

    @staticmethod
    def none() -> _UncompressedConfigCreate:
        """No quantization, even when the server sets a default quantization."""
        return _UncompressedConfigCreate()


class _VectorIndex:
    """Vector index builders (``Configure.VectorIndex``)."""

    MultiVector = _VectorIndexMultiVector
    Quantizer = _VectorIndexQuantizer

    @staticmethod
    def none() -> _VectorIndexConfigSkipCreate:
        """Do not index the vectors (``skip: true``); vector search is then unavailable."""
        return _VectorIndexConfigSkipCreate()

    @staticmethod
    def hnsw(
        cleanup_interval_seconds: int | None = None,
        distance_metric: VectorDistances | str | None = None,
        dynamic_ef_factor: int | None = None,
        dynamic_ef_max: int | None = None,
        dynamic_ef_min: int | None = None,
        ef: int | None = None,
        ef_construction: int | None = None,
        filter_strategy: VectorFilterStrategy | str | None = None,
        flat_search_cutoff: int | None = None,
        max_connections: int | None = None,
        vector_cache_max_objects: int | None = None,
        quantizer: _QuantizerConfigCreate | None = None,
        multi_vector: _MultiVectorConfigCreate | None = None,
    ) -> _VectorIndexConfigHNSWCreate:
        """An HNSW index. None leaves the server's default for each option.

        Args:
            cleanup_interval_seconds: seconds between cleanups of deleted nodes (default 300).
            distance_metric: the distance (default cosine).
            dynamic_ef_factor: factor of the dynamic ef (default 8).
            dynamic_ef_max: upper bound of the dynamic ef (default 500).
            dynamic_ef_min: lower bound of the dynamic ef (default 100).
            ef: search list size; -1 for dynamic ef (default -1).
            ef_construction: build list size, at least 4 (default 128).
            filter_strategy: sweeping or acorn (default acorn).
            flat_search_cutoff: filter size under which search is flat (default 40000).
            max_connections: graph degree, 4..2047 (default 32).
            vector_cache_max_objects: vectors cached in memory (default 1e12).
            quantizer: ``Quantizer.pq/bq/sq/rq/none()``.
            multi_vector: ``MultiVector.multi_vector(...)`` for multi-vector embeddings.
        """
        if multi_vector is not None:
            warnings.warn(
                "VectorIndex.hnsw(multi_vector=...) is deprecated: give it to "
                "Configure.MultiVectors.<module>(multi_vector_config=...)",
                DeprecationWarning,
                stacklevel=2,
            )
        return _VectorIndexConfigHNSWCreate(
            cleanup_interval_seconds=cleanup_interval_seconds,
            distance_metric=distance_metric,
            dynamic_ef_factor=dynamic_ef_factor,
            dynamic_ef_max=dynamic_ef_max,
            dynamic_ef_min=dynamic_ef_min,
            ef=ef,
            ef_construction=ef_construction,
            filter_strategy=filter_strategy,
            flat_search_cutoff=flat_search_cutoff,
            max_connections=max_connections,
            vector_cache_max_objects=vector_cache_max_objects,
            quantizer=quantizer,
            multi_vector=multi_vector,
        )

    @staticmethod
    def flat(
        distance_metric: VectorDistances | str | None = None,
        vector_cache_max_objects: int | None = None,
        quantizer: _BQConfigCreate | _RQConfigCreate | _UncompressedConfigCreate | None = None,
    ) -> _VectorIndexConfigFlatCreate:
        """A flat (brute force) index.

        Args:
            distance_metric: the distance (default cosine).
            vector_cache_max_objects: compressed vectors cached in memory (default 1e12).
            quantizer: ``Quantizer.bq()``, ``Quantizer.rq(bits=1|8)`` or ``Quantizer.none()``.
        """
        return _VectorIndexConfigFlatCreate(
            distance_metric=distance_metric,
            vector_cache_max_objects=vector_cache_max_objects,
            quantizer=quantizer,
        )

    @staticmethod
    def dynamic(
        distance_metric: VectorDistances | str | None = None,
        threshold: int | None = None,
        hnsw: _VectorIndexConfigHNSWCreate | None = None,
        flat: _VectorIndexConfigFlatCreate | None = None,
    ) -> _VectorIndexConfigDynamicCreate:
        """A dynamic index: flat until ``threshold`` objects, then HNSW (needs async indexing).

        Args:
            distance_metric: the distance (default cosine).
            threshold: objects at which the index turns into HNSW (default 10000).
            hnsw: settings of the HNSW stage.
            flat: settings of the flat stage.
        """
        return _VectorIndexConfigDynamicCreate(
            distance_metric=distance_metric, threshold=threshold, hnsw=hnsw, flat=flat
        )

    @staticmethod
    def hfresh(
        distance_metric: VectorDistances | str | None = None,
        max_posting_size_kb: int | None = None,
        replicas: int | None = None,
        search_probe: int | None = None,
        quantizer: _RQConfigCreate | None = None,
        multi_vector: _MultiVectorConfigCreate | None = None,
    ) -> _VectorIndexConfigHFreshCreate:
        """An HFresh index.

        Args:
            distance_metric: cosine or l2-squared (default cosine).
            max_posting_size_kb: posting list size, 8..1024 (default 48).
            replicas: replicas of each vector, 1..10 (default 4).
            search_probe: postings probed per search (default 256).
            quantizer: ``Quantizer.rq(bits=1)`` (the only one HFresh has; on by default).
            multi_vector: refused: HFresh has no multi-vector support.
        """
        return _VectorIndexConfigHFreshCreate(
            distance_metric=distance_metric,
            max_posting_size_kb=max_posting_size_kb,
            replicas=replicas,
            search_probe=search_probe,
            quantizer=quantizer,
            multi_vector=multi_vector,
        )


# --------------------------------------------------------------------------------------------
# Updates
# --------------------------------------------------------------------------------------------

_QUANTIZER_KEYS = ("pq", "bq", "sq", "rq")


@attrs.define(kw_only=True)
class _QuantizerConfigUpdate:
    """Base of the quantizer update builders."""

    # after the options when the server's object lacks it (and before PQ's encoder)
    enabled: bool = keyed("enabled", default=True, order=1)

    def __attrs_post_init__(self) -> None:
        check_bool(self.enabled, "enabled")
        self._check_common()

    def _check_common(self) -> None:
        """Check the quantizer's other options (its shared base, e.g. ``_BQConfig``, does)."""

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


@attrs.define(kw_only=True)
class _PQConfigUpdate(_PQConfig, _QuantizerConfigUpdate):
    """Product quantization changes."""

    def quantizer_name(self) -> str:
        """``pq``."""
        return "pq"


@attrs.define(kw_only=True)
class _BQConfigUpdate(_BQConfig, _QuantizerConfigUpdate):
    """Binary quantization changes."""

    def quantizer_name(self) -> str:
        """``bq``."""
        return "bq"


@attrs.define(kw_only=True)
class _SQConfigUpdate(_SQConfig, _QuantizerConfigUpdate):
    """Scalar quantization changes."""

    def quantizer_name(self) -> str:
        """``sq``."""
        return "sq"


@attrs.define(
    kw_only=True,
    field_transformer=_field_order(
        "enabled", "rescore_limit", "bits", "centering", "training_limit"
    ),
)
class _RQConfigUpdate(_RQConfig, _QuantizerConfigUpdate):
    """Rotational quantization changes."""

    def quantizer_name(self) -> str:
        """``rq``."""
        return "rq"


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


def _check_quantizer_update(
    index: str, quantizer: Any, allowed: tuple[type[_QuantizerConfigUpdate], ...]
) -> None:
    if quantizer is None:
        return
    if not isinstance(quantizer, _QuantizerConfigUpdate):
        raise invalid(
            "quantizer", "must be built with Reconfigure.VectorIndex.Quantizer", quantizer
        )
    if not isinstance(quantizer, allowed):
        raise invalid(
            "quantizer",
            f"the {index} index cannot use the {quantizer.quantizer_name()!r} quantizer",
            quantizer.quantizer_name(),
        )


@attrs.define(kw_only=True)
class _VectorIndexConfigHNSWUpdate(_HNSWConfig, _VectorIndexConfigUpdate):
    """The mutable HNSW options."""

    quantizer: _QuantizerConfigUpdate | None = None

    def __attrs_post_init__(self) -> None:
        self._check_common()
        _check_quantizer_update(
            "hnsw",
            self.quantizer,
            (_PQConfigUpdate, _BQConfigUpdate, _SQConfigUpdate, _RQConfigUpdate),
        )

    def index_type(self) -> str:
        """``hnsw``."""
        return VectorIndexType.HNSW.value

    def quantizer_update(self) -> _QuantizerConfigUpdate | None:
        """The quantizer change, if any."""
        return self.quantizer


@attrs.define(kw_only=True)
class _VectorIndexConfigFlatUpdate(_FlatConfig, _VectorIndexConfigUpdate):
    """The mutable flat index options."""

    quantizer: _BQConfigUpdate | _RQConfigUpdate | None = None

    def __attrs_post_init__(self) -> None:
        self._check_common()
        _check_quantizer_update("flat", self.quantizer, (_BQConfigUpdate, _RQConfigUpdate))

    def index_type(self) -> str:
        """``flat``."""
        return VectorIndexType.FLAT.value

    def quantizer_update(self) -> _QuantizerConfigUpdate | None:
        """The quantizer change, if any."""
        return self.quantizer


@attrs.define(kw_only=True)
class _VectorIndexConfigDynamicUpdate(_DynamicConfig, _VectorIndexConfigUpdate):
    """The mutable dynamic index options."""

    hnsw: _VectorIndexConfigHNSWUpdate | None = None
    flat: _VectorIndexConfigFlatUpdate | None = None
    quantizer: _BQConfigUpdate | None = None

    def __attrs_post_init__(self) -> None:
        self._check_common(
            self.hnsw,
            self.flat,
            (_VectorIndexConfigHNSWUpdate, _VectorIndexConfigFlatUpdate),
            "Reconfigure",
        )
        _check_quantizer_update("dynamic", self.quantizer, (_BQConfigUpdate,))

    def index_type(self) -> str:
        """``dynamic``."""
        return VectorIndexType.DYNAMIC.value

    def merge_with_existing(self, index_json: dict[str, Any]) -> dict[str, Any]:
        """Apply the changes, including those of the hnsw and flat stages."""
        out = super().merge_with_existing(index_json)
        if self.quantizer is not None:
            # a dynamic index's quantizer lives in both stages
            for stage in ("hnsw", "flat"):
                sub = out.get(stage)
                if isinstance(sub, dict):
                    self.quantizer.merge_with_existing(sub)
            out.pop("bq", None)
        if self.hnsw is not None:
            out["hnsw"] = self.hnsw.merge_with_existing(out.get("hnsw") or {})
        if self.flat is not None:
            out["flat"] = self.flat.merge_with_existing(out.get("flat") or {})
        return out


@attrs.define(kw_only=True)
class _VectorIndexConfigHFreshUpdate(_HFreshConfig, _VectorIndexConfigUpdate):
    """The mutable HFresh options."""

    quantizer: _RQConfigUpdate | None = None

    def __attrs_post_init__(self) -> None:
        self._check_common()
        _check_quantizer_update("hfresh", self.quantizer, (_RQConfigUpdate,))
        if self.quantizer is not None and (
            not self.quantizer.enabled or self.quantizer.bits not in (None, 1)
        ):
            raise invalid("quantizer", "the hfresh index always uses 1-bit RQ")

    def index_type(self) -> str:
        """``hfresh``."""
        return VectorIndexType.HFRESH.value

    def quantizer_update(self) -> _QuantizerConfigUpdate | None:
        """The quantizer change, if any."""
        return self.quantizer


class _VectorIndexQuantizerUpdate:
    """Quantizer changes (``Reconfigure.VectorIndex.Quantizer``)."""

    @staticmethod
    def pq(
        bit_compression: bool | None = None,
        centroids: int | None = None,
        encoder_distribution: PQEncoderDistribution | str | None = None,
        encoder_type: PQEncoderType | str | None = None,
        segments: int | None = None,
        training_limit: int | None = None,
        enabled: bool = True,
    ) -> _PQConfigUpdate:
        """Enable or change product quantization of an HNSW index.

        Args:
            bit_compression: deprecated (a DeprecationWarning when given); not sent.
            centroids: centroids per segment.
            encoder_distribution: tile encoder distribution.
            encoder_type: kmeans or tile.
            segments: number of segments.
            training_limit: objects used for training.
            enabled: enable (default) or disable PQ.
        """
        _bit_compression_deprecated(bit_compression)
        return _PQConfigUpdate(
            centroids=centroids,
            encoder_distribution=encoder_distribution,
            encoder_type=encoder_type,
            segments=segments,
            training_limit=training_limit,
            enabled=enabled,
        )

    @staticmethod
    def bq(rescore_limit: int | None = None, enabled: bool = True) -> _BQConfigUpdate:
        """Enable or change binary quantization.

        Args:
            rescore_limit: candidates rescored with full vectors.
            enabled: enable (default) or disable BQ.
        """
        return _BQConfigUpdate(rescore_limit=rescore_limit, enabled=enabled)

    @staticmethod
    def sq(
        rescore_limit: int | None = None,
        training_limit: int | None = None,
        enabled: bool = True,
    ) -> _SQConfigUpdate:
        """Enable or change scalar quantization of an HNSW index.

        Args:
            rescore_limit: candidates rescored with full vectors.
            training_limit: objects used for training.
            enabled: enable (default) or disable SQ.
        """
        return _SQConfigUpdate(
            rescore_limit=rescore_limit, training_limit=training_limit, enabled=enabled
        )

    @staticmethod
    def rq(
        rescore_limit: int | None = None,
        enabled: bool = True,
        bits: int | None = None,
        centering: bool | None = None,
        training_limit: int | None = None,
    ) -> _RQConfigUpdate:
        """Enable or change rotational quantization.

        Args:
            rescore_limit: candidates rescored with full vectors.
            enabled: enable (default) or disable RQ.
            bits: bits per dimension (1, 4 or 8).
            centering: RQ centering on or off (read by servers newer than v1.39.0, which
                accepts and ignores it).
            training_limit: objects RQ trains on (likewise ignored by v1.39.0).
        """
        return _RQConfigUpdate(
            rescore_limit=rescore_limit,
            enabled=enabled,
            bits=bits,
            centering=centering,
            training_limit=training_limit,
        )


class _VectorIndexUpdate:
    """Vector index changes (``Reconfigure.VectorIndex``)."""

    Quantizer = _VectorIndexQuantizerUpdate

    @staticmethod
    def hnsw(
        dynamic_ef_factor: int | None = None,
        dynamic_ef_min: int | None = None,
        dynamic_ef_max: int | None = None,
        ef: int | None = None,
        flat_search_cutoff: int | None = None,
        filter_strategy: VectorFilterStrategy | str | None = None,
        vector_cache_max_objects: int | None = None,
        quantizer: _QuantizerConfigUpdate | None = None,
    ) -> _VectorIndexConfigHNSWUpdate:
        """Change the mutable options of an HNSW index (None keeps the current value).

        Args:
            dynamic_ef_factor: factor of the dynamic ef.
            dynamic_ef_min: lower bound of the dynamic ef.
            dynamic_ef_max: upper bound of the dynamic ef.
            ef: search list size (-1 for dynamic).
            flat_search_cutoff: filter size under which search is flat.
            filter_strategy: sweeping or acorn.
            vector_cache_max_objects: vectors cached in memory.
            quantizer: ``Reconfigure.VectorIndex.Quantizer.*`` to enable or tune a quantizer.
        """
        return _VectorIndexConfigHNSWUpdate(
            dynamic_ef_factor=dynamic_ef_factor,
            dynamic_ef_min=dynamic_ef_min,
            dynamic_ef_max=dynamic_ef_max,
            ef=ef,
            flat_search_cutoff=flat_search_cutoff,
            filter_strategy=filter_strategy,
            vector_cache_max_objects=vector_cache_max_objects,
            quantizer=quantizer,
        )

    @staticmethod
    def flat(
        vector_cache_max_objects: int | None = None,
        quantizer: _BQConfigUpdate | _RQConfigUpdate | None = None,
    ) -> _VectorIndexConfigFlatUpdate:
        """Change the mutable options of a flat index.

        Args:
            vector_cache_max_objects: compressed vectors cached in memory.
            quantizer: ``Quantizer.bq()`` or ``Quantizer.rq()``.
        """
        return _VectorIndexConfigFlatUpdate(
            vector_cache_max_objects=vector_cache_max_objects, quantizer=quantizer
        )

    @staticmethod
    def dynamic(
        *,
        threshold: int | None = None,
        hnsw: _VectorIndexConfigHNSWUpdate | None = None,
        flat: _VectorIndexConfigFlatUpdate | None = None,
        quantizer: _BQConfigUpdate | None = None,
    ) -> _VectorIndexConfigDynamicUpdate:
        """Change the mutable options of a dynamic index.

        Args:
            threshold: objects at which the index turns into HNSW.
            hnsw: changes of the HNSW stage.
            flat: changes of the flat stage.
            quantizer: ``Quantizer.bq()`` applied to both stages.
        """
        return _VectorIndexConfigDynamicUpdate(
            threshold=threshold, hnsw=hnsw, flat=flat, quantizer=quantizer
        )

    @staticmethod
    def hfresh(
        max_posting_size_kb: int | None = None,
        search_probe: int | None = None,
        quantizer: _RQConfigUpdate | None = None,
    ) -> _VectorIndexConfigHFreshUpdate:
        """Change the mutable options of an HFresh index.

        Args:
            max_posting_size_kb: posting list size (8..1024).
            search_probe: postings probed per search.
            quantizer: ``Quantizer.rq(...)`` to tune the 1-bit RQ.
        """
        return _VectorIndexConfigHFreshUpdate(
            max_posting_size_kb=max_posting_size_kb, search_probe=search_probe, quantizer=quantizer
        )


# --------------------------------------------------------------------------------------------
# Named vector updates
# --------------------------------------------------------------------------------------------


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


class _VectorsUpdate:
    """Changes of named vectors (``Reconfigure.Vectors``)."""

    @staticmethod
    def update(
        *,
        name: str | None = None,
        vector_index_config: _VectorIndexConfigUpdate,
    ) -> _VectorConfigUpdate:
        """Change the index of a named vector (the only mutable part of a vector).

        Args:
            name: the vector's name; None for ``default``.
            vector_index_config: ``Reconfigure.VectorIndex.hnsw/flat/dynamic/hfresh(...)``.
        """
        return _VectorConfigUpdate(name=name or "default", vector_index_config=vector_index_config)


# The official client's attribute names of the index builders (its pydantic fields) are the
# server's JSON keys.
for _keyed_cls in (
    _VectorIndexConfigHNSWCreate,
    _VectorIndexConfigFlatCreate,
    _VectorIndexConfigDynamicCreate,
    _VectorIndexConfigHFreshCreate,
    _VectorIndexConfigHNSWUpdate,
    _VectorIndexConfigFlatUpdate,
    _VectorIndexConfigHFreshUpdate,
):
    official_names(**json_aliases(_keyed_cls))(_keyed_cls)
official_names(vectorIndexConfig="vector_index_config")(_VectorConfigUpdate)


def _index_type_of(kind: VectorIndexType) -> staticmethod[[], VectorIndexType]:
    def vector_index_type() -> VectorIndexType:
        """The index type as a :class:`VectorIndexType` member (the official client's spelling)."""
        return kind

    return staticmethod(vector_index_type)


for _cls, _kind in (
    (_VectorIndexConfigSkipCreate, VectorIndexType.HNSW),
    (_VectorIndexConfigHNSWCreate, VectorIndexType.HNSW),
    (_VectorIndexConfigFlatCreate, VectorIndexType.FLAT),
    (_VectorIndexConfigDynamicCreate, VectorIndexType.DYNAMIC),
    (_VectorIndexConfigHFreshCreate, VectorIndexType.HFRESH),
    (_VectorIndexConfigHNSWUpdate, VectorIndexType.HNSW),
    (_VectorIndexConfigFlatUpdate, VectorIndexType.FLAT),
    (_VectorIndexConfigDynamicUpdate, VectorIndexType.DYNAMIC),
    (_VectorIndexConfigHFreshUpdate, VectorIndexType.HFRESH),
):
    _cls.vector_index_type = _index_type_of(_kind)  # type: ignore[method-assign]
