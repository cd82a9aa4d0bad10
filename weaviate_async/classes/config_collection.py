"""Collection-level configuration builders and the pure functions that build schema requests.

``Configure.inverted_index / multi_tenancy / replication / sharding / text_analyzer / ObjectTTL``
build the pieces of a collection; :func:`collection_create_json` assembles them into the body of
``POST /v1/schema``. ``Reconfigure.*`` builds the mutable subset, and :func:`collection_update_json`
merges those changes into the collection's current class JSON for ``PUT /v1/schema/{name}``.
Everything here is pure: no I/O.
"""

from __future__ import annotations

import copy
import datetime
import warnings
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, ClassVar

import attrs

from weaviate_async._validate import (
    check_bool,
    check_collection_name,
    check_float,
    check_instance,
    check_int,
    check_property_name,
    check_str,
    check_str_list,
    check_vector_name,
    invalid,
    to_opt_enum,
)
from weaviate_async.classes._config_base import (
    _GenerativeProvider,
    _RerankerProvider,
    _VectorConfigCreate,
    _VectorIndexConfigCreate,
    _VectorizerConfigCreate,
    official_names,
)
from weaviate_async.classes._json_keys import (
    json_aliases,
    json_keys,
    key_metadata,
    keyed,
    keyed_json,
    merge_keyed,
)
from weaviate_async.classes.config_index import (
    _VectorConfigUpdate,
    _VectorIndexConfigHNSWCreate,
    _VectorIndexConfigUpdate,
)
from weaviate_async.classes.config_properties import (
    DataType,
    Property,
    ReferenceProperty,
    StopwordsCreate,
    StopwordsPreset,
    TextAnalyzerConfigCreate,
)
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


class ReplicationDeletionStrategy(str, Enum):
    """How replicas resolve a conflict between a deleted and an existing object.

    Attributes:
        DELETE_ON_CONFLICT: the deletion wins.
        NO_AUTOMATED_RESOLUTION: nothing is resolved automatically.
        TIME_BASED_RESOLUTION: the most recent change wins.
    """

    DELETE_ON_CONFLICT = "DeleteOnConflict"
    NO_AUTOMATED_RESOLUTION = "NoAutomatedResolution"
    TIME_BASED_RESOLUTION = "TimeBasedResolution"


validate_vector_name = check_vector_name
"""Check a named vector's name (``/[_A-Za-z][_0-9A-Za-z]{0,229}/``) and return it."""


def text_analyzer(
    ascii_fold: bool | None = None,
    ascii_fold_ignore: list[str] | None = None,
    stopword_preset: StopwordsPreset | str | None = None,
) -> TextAnalyzerConfigCreate:
    """Per-property text analysis for ``Property(text_analyzer=...)``.

    Args:
        ascii_fold: fold accents to base letters (``école`` matches ``ecole``).
        ascii_fold_ignore: characters excluded from folding; needs ``ascii_fold=True``.
        stopword_preset: a built-in preset or one defined with
            ``Configure.inverted_index(stopword_presets=...)``; needs word tokenization.
    """
    return TextAnalyzerConfigCreate(
        ascii_fold=ascii_fold, ascii_fold_ignore=ascii_fold_ignore, stopword_preset=stopword_preset
    )


# --------------------------------------------------------------------------------------------
# Inverted index
# --------------------------------------------------------------------------------------------


def _preset(value: Any) -> StopwordsPreset | None:
    return to_opt_enum(StopwordsPreset, value, "stopwords_preset")


def _check_presets(value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Mapping):
        raise invalid("stopword_presets", "must be a dict of preset name to list of words", value)
    for key, words in value.items():
        if not isinstance(key, str) or not key.strip():
            raise invalid("stopword_presets", "preset names must be non-empty str", key)
        check_str_list(words, "stopword_presets")
        if not words or any(not w.strip() for w in words):
            raise invalid(
                "stopword_presets",
                f"preset {key!r} must list at least one non-empty word",
                words,
            )


@attrs.frozen(kw_only=True)
class _BM25:
    """BM25 parameters as the official models name them (``bm25.b``, ``bm25.k1``)."""

    b: float | None
    k1: float | None


def _bm25(cfg: Any) -> _BM25 | None:
    if cfg.bm25_b is None and cfg.bm25_k1 is None:
        return None
    return _BM25(b=cfg.bm25_b, k1=cfg.bm25_k1)


def _stopwords(cfg: Any) -> StopwordsCreate:
    return StopwordsCreate(
        preset=cfg.stopwords_preset,
        additions=cfg.stopwords_additions,
        removals=cfg.stopwords_removals,
    )


def _set_stopwords(cfg: Any, value: StopwordsCreate | None) -> None:
    stop = value or StopwordsCreate()
    cfg.stopwords_preset = stop.preset
    cfg.stopwords_additions = stop.additions
    cfg.stopwords_removals = stop.removals


@attrs.define(kw_only=True)
class _InvertedIndexConfigCreate:
    """The inverted index settings of a new collection (``invertedIndexConfig``)."""

    # bm25_b and bm25_k1 are checked to be set together, so ``bm25`` is whole or absent
    bm25_b: float | None = keyed("bm25/b")
    bm25_k1: float | None = keyed("bm25/k1")
    cleanup_interval_seconds: int | None = keyed("cleanupIntervalSeconds")
    index_timestamps: bool | None = keyed("indexTimestamps")
    index_property_length: bool | None = keyed("indexPropertyLength")
    index_null_state: bool | None = keyed("indexNullState")
    stopwords_preset: StopwordsPreset | None = attrs.field(
        default=None, converter=_preset, metadata=key_metadata("stopwords/preset")
    )
    stopwords_additions: list[str] | None = keyed("stopwords/additions")
    stopwords_removals: list[str] | None = keyed("stopwords/removals")
    stopword_presets: dict[str, list[str]] | None = keyed("stopwordPresets")

    def __attrs_post_init__(self) -> None:
        check_float(self.bm25_b, "bm25_b", minimum=0.0, maximum=1.0)
        check_float(self.bm25_k1, "bm25_k1", minimum=0.0)
        if (self.bm25_b is None) != (self.bm25_k1 is None):
            raise invalid(
                "bm25_b" if self.bm25_b is None else "bm25_k1",
                "bm25_b and bm25_k1 must be set together",
            )
        check_int(self.cleanup_interval_seconds, "cleanup_interval_seconds", minimum=0)
        for name in ("index_timestamps", "index_property_length", "index_null_state"):
            check_bool(getattr(self, name), name)
        check_str_list(self.stopwords_additions, "stopwords_additions")
        check_str_list(self.stopwords_removals, "stopwords_removals")
        _check_presets(self.stopword_presets)

    @property
    def bm25(self) -> _BM25 | None:
        """BM25 ``b`` and ``k1`` (official: ``bm25``), None when left to the server."""
        return _bm25(self)

    @bm25.setter
    def bm25(self, value: _BM25 | None) -> None:
        self.bm25_b, self.bm25_k1 = (None, None) if value is None else (value.b, value.k1)

    @property
    def stopwords(self) -> StopwordsCreate:
        """The stopwords (official: ``stopwords``)."""
        return _stopwords(self)

    @stopwords.setter
    def stopwords(self, value: StopwordsCreate) -> None:
        _set_stopwords(self, value)

    def to_json(self) -> dict[str, Any]:
        """The ``invertedIndexConfig`` object."""
        return keyed_json(self)


@attrs.define(kw_only=True)
class _InvertedIndexConfigUpdate:
    """Changes of the inverted index (bm25, stopwords, cleanup interval, stopword presets)."""

    bm25_b: float | None = keyed("bm25/b")
    bm25_k1: float | None = keyed("bm25/k1")
    cleanup_interval_seconds: int | None = keyed("cleanupIntervalSeconds")
    stopwords_preset: StopwordsPreset | None = attrs.field(
        default=None, converter=_preset, metadata=key_metadata("stopwords/preset")
    )
    stopwords_additions: list[str] | None = keyed("stopwords/additions")
    stopwords_removals: list[str] | None = keyed("stopwords/removals")
    stopword_presets: dict[str, list[str]] | None = keyed("stopwordPresets")

    def __attrs_post_init__(self) -> None:
        check_float(self.bm25_b, "bm25_b", minimum=0.0, maximum=1.0)
        check_float(self.bm25_k1, "bm25_k1", minimum=0.0)
        check_int(self.cleanup_interval_seconds, "cleanup_interval_seconds", minimum=0)
        check_str_list(self.stopwords_additions, "stopwords_additions")
        check_str_list(self.stopwords_removals, "stopwords_removals")
        _check_presets(self.stopword_presets)

    @property
    def bm25(self) -> _BM25:
        """BM25 ``b`` and ``k1`` changes (official: ``bm25``); each None stays unchanged."""
        return _BM25(b=self.bm25_b, k1=self.bm25_k1)

    @bm25.setter
    def bm25(self, value: _BM25 | None) -> None:
        self.bm25_b, self.bm25_k1 = (None, None) if value is None else (value.b, value.k1)

    @property
    def stopwords(self) -> StopwordsCreate:
        """The stopwords changes (official: ``stopwords``); each None part stays unchanged."""
        return _stopwords(self)

    @stopwords.setter
    def stopwords(self, value: StopwordsCreate | None) -> None:
        _set_stopwords(self, value)

    def merge_with_existing(self, current: dict[str, Any]) -> dict[str, Any]:
        """Return ``current`` (an ``invertedIndexConfig``) with the changes applied."""
        return merge_keyed(self, current)


# --------------------------------------------------------------------------------------------
# Multi-tenancy
# --------------------------------------------------------------------------------------------


@attrs.define(kw_only=True)
class _MultiTenancyConfigCreate:
    """Multi-tenancy settings of a new collection (``multiTenancyConfig``)."""

    enabled: bool = keyed("enabled", default=True)
    auto_tenant_creation: bool | None = keyed("autoTenantCreation")
    auto_tenant_activation: bool | None = keyed("autoTenantActivation")

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.enabled, bool):
            raise invalid("enabled", "must be a bool", self.enabled)
        check_bool(self.auto_tenant_creation, "auto_tenant_creation")
        check_bool(self.auto_tenant_activation, "auto_tenant_activation")

    def to_json(self) -> dict[str, Any]:
        """The ``multiTenancyConfig`` object."""
        return keyed_json(self)


@attrs.define(kw_only=True)
class _MultiTenancyConfigUpdate:
    """Changes of the multi-tenancy flags (enabling multi-tenancy itself is immutable)."""

    auto_tenant_creation: bool | None = keyed("autoTenantCreation")
    auto_tenant_activation: bool | None = keyed("autoTenantActivation")

    def __attrs_post_init__(self) -> None:
        check_bool(self.auto_tenant_creation, "auto_tenant_creation")
        check_bool(self.auto_tenant_activation, "auto_tenant_activation")

    def merge_with_existing(self, current: dict[str, Any]) -> dict[str, Any]:
        """Return ``current`` (a ``multiTenancyConfig``) with the changes applied."""
        return merge_keyed(self, current)


# --------------------------------------------------------------------------------------------
# Replication
# --------------------------------------------------------------------------------------------

_REMOVED_ASYNC_FIELDS = ("max_workers", "alive_nodes_checking_frequency")


@attrs.define(kw_only=True)
class _AsyncReplicationConfigCreate:
    """Tuning of asynchronous replication (``replicationConfig.asyncConfig``)."""

    max_workers: int | None = keyed("maxWorkers")
    hashtree_height: int | None = keyed("hashtreeHeight")
    frequency: int | None = keyed("frequency")
    frequency_while_propagating: int | None = keyed("frequencyWhilePropagating")
    alive_nodes_checking_frequency: int | None = keyed("aliveNodesCheckingFrequency")
    logging_frequency: int | None = keyed("loggingFrequency")
    diff_batch_size: int | None = keyed("diffBatchSize")
    diff_per_node_timeout: int | None = keyed("diffPerNodeTimeout")
    pre_propagation_timeout: int | None = keyed("prePropagationTimeout")
    propagation_timeout: int | None = keyed("propagationTimeout")
    propagation_limit: int | None = keyed("propagationLimit")
    propagation_delay: int | None = keyed("propagationDelay")
    propagation_concurrency: int | None = keyed("propagationConcurrency")
    propagation_batch_size: int | None = keyed("propagationBatchSize")

    def __attrs_post_init__(self) -> None:
        for name, _ in json_keys(type(self)):
            check_int(getattr(self, name), name, minimum=0)
        for name in _REMOVED_ASYNC_FIELDS:
            if getattr(self, name) is not None:
                warnings.warn(
                    f"{name!r} was removed from the server's schema in v1.37.3; "
                    "newer servers ignore it",
                    DeprecationWarning,
                    stacklevel=4,
                )

    def to_json(self) -> dict[str, Any]:
        """The ``asyncConfig`` object."""
        return keyed_json(self)


class _AsyncReplicationConfigUpdate(_AsyncReplicationConfigCreate):
    """New async replication tuning; it replaces the whole ``asyncConfig``."""

    __slots__ = ()


#: The official client's deprecation of ``async_enabled`` (4.24), word for word: servers 1.38+
#: dropped ``asyncEnabled`` from the schema and decide async replication themselves.
ASYNC_ENABLED_DEPRECATION = (
    "Dep030: The `async_enabled` argument in `Configure.replication` / "
    "`Reconfigure.replication` is deprecated.\n"
    "            On Weaviate v1.38 and newer the `asyncEnabled` field no longer exists in the "
    "server schema: it is silently dropped,\n"
    "            and whether async replication runs is decided server-side, on by default for "
    "any collection with a replication\n"
    "            factor > 1 unless the `ASYNC_REPLICATION_DISABLED` runtime override is set.\n"
    "            On older servers the argument still takes effect, but it is deprecated and "
    "will be removed in a future release."
)


def warn_async_enabled() -> None:
    """Warn that ``async_enabled`` is deprecated (DeprecationWarning, the official text)."""
    warnings.warn(ASYNC_ENABLED_DEPRECATION, DeprecationWarning, stacklevel=3)


def _deletion_strategy(value: Any) -> ReplicationDeletionStrategy | None:
    return to_opt_enum(ReplicationDeletionStrategy, value, "deletion_strategy")


@attrs.define(kw_only=True)
class _ReplicationConfigCreate:
    """Replication settings of a new collection (``replicationConfig``)."""

    factor: int | None = keyed("factor")
    async_enabled: bool | None = keyed("asyncEnabled")
    deletion_strategy: ReplicationDeletionStrategy | None = attrs.field(
        default=None, converter=_deletion_strategy, metadata=key_metadata("deletionStrategy")
    )
    # an update's new async_config replaces the whole asyncConfig, so omitted options go
    # back to the server's defaults
    async_config: _AsyncReplicationConfigCreate | None = keyed("asyncConfig")

    def __attrs_post_init__(self) -> None:
        check_int(self.factor, "factor", minimum=1)
        check_bool(self.async_enabled, "async_enabled")
        check_instance(
            self.async_config,
            _AsyncReplicationConfigCreate,
            "async_config",
            "built with Configure.Replication.async_config()",
        )

    def to_json(self) -> dict[str, Any]:
        """The ``replicationConfig`` object."""
        return keyed_json(self)


@attrs.define(kw_only=True)
class _ReplicationConfigUpdate:
    """Changes of replication (factor, async replication, deletion strategy)."""

    factor: int | None = keyed("factor")
    async_enabled: bool | None = keyed("asyncEnabled")
    deletion_strategy: ReplicationDeletionStrategy | None = attrs.field(
        default=None, converter=_deletion_strategy, metadata=key_metadata("deletionStrategy")
    )
    # an update's new async_config replaces the whole asyncConfig, so omitted options go
    # back to the server's defaults
    async_config: _AsyncReplicationConfigCreate | None = keyed("asyncConfig")

    def __attrs_post_init__(self) -> None:
        check_int(self.factor, "factor", minimum=1)
        check_bool(self.async_enabled, "async_enabled")
        check_instance(
            self.async_config,
            _AsyncReplicationConfigCreate,
            "async_config",
            "built with Reconfigure.Replication.async_config()",
        )

    def merge_with_existing(self, current: dict[str, Any]) -> dict[str, Any]:
        """Return ``current`` (a ``replicationConfig``) with the changes applied.

        A new ``async_config`` replaces the previous one, so omitted options go back to the
        server's defaults. ``async_enabled`` leaves ``asyncConfig`` alone (servers 1.38+ ignore
        the flag and run async replication anyway, so the tuning stays meaningful).
        """
        return merge_keyed(self, current)


class _Replication:
    """``Configure.Replication``: async replication tuning."""

    @staticmethod
    def async_config(
        *,
        max_workers: int | None = None,
        hashtree_height: int | None = None,
        frequency: int | None = None,
        frequency_while_propagating: int | None = None,
        alive_nodes_checking_frequency: int | None = None,
        logging_frequency: int | None = None,
        diff_batch_size: int | None = None,
        diff_per_node_timeout: int | None = None,
        pre_propagation_timeout: int | None = None,
        propagation_timeout: int | None = None,
        propagation_limit: int | None = None,
        propagation_delay: int | None = None,
        propagation_concurrency: int | None = None,
        propagation_batch_size: int | None = None,
    ) -> _AsyncReplicationConfigCreate:
        """Tune async replication (server 1.36+). None keeps each server default.

        Args:
            max_workers: removed by the server in 1.37.3 (warns; ignored by newer servers).
            hashtree_height: height of the hash tree used for diffing.
            frequency: base diff frequency, in milliseconds.
            frequency_while_propagating: diff frequency while propagating, in milliseconds.
            alive_nodes_checking_frequency: removed by the server in 1.37.3 (warns).
            logging_frequency: status log interval, in seconds.
            diff_batch_size: object keys per diff batch.
            diff_per_node_timeout: diff timeout per node, in seconds.
            pre_propagation_timeout: pre-propagation timeout, in seconds.
            propagation_timeout: propagation timeout per batch, in seconds.
            propagation_limit: objects propagated per run.
            propagation_delay: delay before new objects propagate, in milliseconds.
            propagation_concurrency: concurrent propagation workers.
            propagation_batch_size: objects per propagation batch.
        """
        return _AsyncReplicationConfigCreate(
            max_workers=max_workers,
            hashtree_height=hashtree_height,
            frequency=frequency,
            frequency_while_propagating=frequency_while_propagating,
            alive_nodes_checking_frequency=alive_nodes_checking_frequency,
            logging_frequency=logging_frequency,
            diff_batch_size=diff_batch_size,
            diff_per_node_timeout=diff_per_node_timeout,
            pre_propagation_timeout=pre_propagation_timeout,
            propagation_timeout=propagation_timeout,
            propagation_limit=propagation_limit,
            propagation_delay=propagation_delay,
            propagation_concurrency=propagation_concurrency,
            propagation_batch_size=propagation_batch_size,
        )


class _ReplicationUpdate:
    """``Reconfigure.Replication``: new async replication tuning."""

    @staticmethod
    def async_config(
        *,
        max_workers: int | None = None,
        hashtree_height: int | None = None,
        frequency: int | None = None,
        frequency_while_propagating: int | None = None,
        alive_nodes_checking_frequency: int | None = None,
        logging_frequency: int | None = None,
        diff_batch_size: int | None = None,
        diff_per_node_timeout: int | None = None,
        pre_propagation_timeout: int | None = None,
        propagation_timeout: int | None = None,
        propagation_limit: int | None = None,
        propagation_delay: int | None = None,
        propagation_concurrency: int | None = None,
        propagation_batch_size: int | None = None,
    ) -> _AsyncReplicationConfigUpdate:
        """New async replication tuning; it replaces the current one (see ``Configure``)."""
        return _AsyncReplicationConfigUpdate(
            max_workers=max_workers,
            hashtree_height=hashtree_height,
            frequency=frequency,
            frequency_while_propagating=frequency_while_propagating,
            alive_nodes_checking_frequency=alive_nodes_checking_frequency,
            logging_frequency=logging_frequency,
            diff_batch_size=diff_batch_size,
            diff_per_node_timeout=diff_per_node_timeout,
            pre_propagation_timeout=pre_propagation_timeout,
            propagation_timeout=propagation_timeout,
            propagation_limit=propagation_limit,
            propagation_delay=propagation_delay,
            propagation_concurrency=propagation_concurrency,
            propagation_batch_size=propagation_batch_size,
        )


# --------------------------------------------------------------------------------------------
# Sharding
# --------------------------------------------------------------------------------------------


@attrs.define(kw_only=True)
class _ShardingConfigCreate:
    """Sharding settings of a new collection (``shardingConfig``)."""

    #: the sharding key, strategy and hash function: the server's only values, not sent
    key: ClassVar[str] = "_id"
    strategy: ClassVar[str] = "hash"
    function: ClassVar[str] = "murmur3"

    virtual_per_physical: int | None = keyed("virtualPerPhysical")
    desired_count: int | None = keyed("desiredCount")
    desired_virtual_count: int | None = keyed("desiredVirtualCount")

    def __attrs_post_init__(self) -> None:
        check_int(self.virtual_per_physical, "virtual_per_physical", minimum=1)
        check_int(self.desired_count, "desired_count", minimum=1)
        check_int(self.desired_virtual_count, "desired_virtual_count", minimum=1)

    def to_json(self) -> dict[str, Any]:
        """The ``shardingConfig`` object."""
        return keyed_json(self)


# --------------------------------------------------------------------------------------------
# Object time-to-live
# --------------------------------------------------------------------------------------------

_DELETE_ON_CREATION = "_creationTimeUnix"
_DELETE_ON_UPDATE = "_lastUpdateTimeUnix"


def _seconds(value: Any, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, datetime.timedelta):
        return int(value.total_seconds())
    check_int(value, field)
    return int(value)


@attrs.define(kw_only=True)
class _ObjectTTLConfigCreate:
    """Object time-to-live settings of a new collection (``objectTtlConfig``)."""

    enabled: bool = keyed("enabled", default=True)
    delete_on: str = keyed("deleteOn", default=attrs.NOTHING)
    default_ttl: int | None = keyed("defaultTtl")
    filter_expired_objects: bool | None = keyed("filterExpiredObjects")

    def __attrs_post_init__(self) -> None:
        check_str(self.delete_on, "delete_on", allow_empty=False)
        check_int(self.default_ttl, "time_to_live")
        check_bool(self.filter_expired_objects, "filter_expired_objects")
        if self.delete_on in (_DELETE_ON_CREATION, _DELETE_ON_UPDATE) and (
            self.default_ttl is None or self.default_ttl <= 0
        ):
            raise invalid("time_to_live", "must be a positive number of seconds", self.default_ttl)

    def to_json(self) -> dict[str, Any]:
        """The ``objectTtlConfig`` object."""
        return keyed_json(self)


@attrs.define(kw_only=True)
class _ObjectTTLConfigUpdate:
    """Changes of the object time-to-live settings."""

    enabled: bool = keyed("enabled", default=attrs.NOTHING)
    delete_on: str | None = keyed("deleteOn")
    default_ttl: int | None = keyed("defaultTtl")
    filter_expired_objects: bool | None = keyed("filterExpiredObjects")

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.enabled, bool):
            raise invalid("enabled", "must be a bool", self.enabled)
        check_str(self.delete_on, "property_name", allow_empty=False)
        check_int(self.default_ttl, "time_to_live")
        check_bool(self.filter_expired_objects, "filter_expired_objects")
        if (
            self.delete_on in (_DELETE_ON_CREATION, _DELETE_ON_UPDATE)
            and self.default_ttl is not None
            and self.default_ttl <= 0
        ):
            raise invalid("time_to_live", "must be a positive number of seconds", self.default_ttl)

    def merge_with_existing(self, current: dict[str, Any]) -> dict[str, Any]:
        """Return ``current`` (an ``objectTtlConfig``) with the changes applied."""
        return merge_keyed(self, current)


class _ObjectTTL:
    """``Configure.ObjectTTL``: delete objects automatically after a time."""

    @staticmethod
    def delete_by_update_time(
        time_to_live: int | datetime.timedelta,
        filter_expired_objects: bool | None = None,
    ) -> _ObjectTTLConfigCreate:
        """Delete objects ``time_to_live`` after their last update.

        Args:
            time_to_live: seconds (or a timedelta), positive.
            filter_expired_objects: hide expired objects not yet deleted from results.
        """
        return _ObjectTTLConfigCreate(
            delete_on=_DELETE_ON_UPDATE,
            default_ttl=_seconds(time_to_live, "time_to_live"),
            filter_expired_objects=filter_expired_objects,
        )

    @staticmethod
    def delete_by_creation_time(
        time_to_live: int | datetime.timedelta,
        filter_expired_objects: bool | None = None,
    ) -> _ObjectTTLConfigCreate:
        """Delete objects ``time_to_live`` after their creation.

        Args:
            time_to_live: seconds (or a timedelta), positive.
            filter_expired_objects: hide expired objects not yet deleted from results.
        """
        return _ObjectTTLConfigCreate(
            delete_on=_DELETE_ON_CREATION,
            default_ttl=_seconds(time_to_live, "time_to_live"),
            filter_expired_objects=filter_expired_objects,
        )

    @staticmethod
    def delete_by_date_property(
        property_name: str,
        ttl_offset: int | datetime.timedelta | None = None,
        filter_expired_objects: bool | None = None,
    ) -> _ObjectTTLConfigCreate:
        """Delete objects when the date in ``property_name`` (plus ``ttl_offset``) has passed.

        Args:
            property_name: a ``date`` property of the collection.
            ttl_offset: seconds (or a timedelta) added to the date; may be negative. Default 0.
            filter_expired_objects: hide expired objects not yet deleted from results.
        """
        check_str(property_name, "property_name", allow_empty=False)
        offset = _seconds(ttl_offset, "ttl_offset")
        return _ObjectTTLConfigCreate(
            delete_on=property_name,
            default_ttl=0 if offset is None else offset,
            filter_expired_objects=filter_expired_objects,
        )


class _ObjectTTLUpdate:
    """``Reconfigure.ObjectTTL``: change or disable object time-to-live."""

    @staticmethod
    def disable() -> _ObjectTTLConfigUpdate:
        """Turn object time-to-live off."""
        return _ObjectTTLConfigUpdate(enabled=False)

    @staticmethod
    def delete_by_update_time(
        time_to_live: int | datetime.timedelta | None = None,
        filter_expired_objects: bool | None = None,
    ) -> _ObjectTTLConfigUpdate:
        """Delete objects ``time_to_live`` after their last update.

        Args:
            time_to_live: seconds (or a timedelta); None keeps the current value.
            filter_expired_objects: hide expired objects not yet deleted from results.
        """
        return _ObjectTTLConfigUpdate(
            enabled=True,
            delete_on=_DELETE_ON_UPDATE,
            default_ttl=_seconds(time_to_live, "time_to_live"),
            filter_expired_objects=filter_expired_objects,
        )

    @staticmethod
    def delete_by_creation_time(
        time_to_live: int | datetime.timedelta | None = None,
        filter_expired_objects: bool | None = None,
    ) -> _ObjectTTLConfigUpdate:
        """Delete objects ``time_to_live`` after their creation.

        Args:
            time_to_live: seconds (or a timedelta); None keeps the current value.
            filter_expired_objects: hide expired objects not yet deleted from results.
        """
        return _ObjectTTLConfigUpdate(
            enabled=True,
            delete_on=_DELETE_ON_CREATION,
            default_ttl=_seconds(time_to_live, "time_to_live"),
            filter_expired_objects=filter_expired_objects,
        )

    @staticmethod
    def delete_by_date_property(
        property_name: str | None = None,
        ttl_offset: int | datetime.timedelta | None = None,
        filter_expired_objects: bool | None = None,
    ) -> _ObjectTTLConfigUpdate:
        """Delete objects when the date in ``property_name`` (plus ``ttl_offset``) has passed.

        Args:
            property_name: a ``date`` property; None keeps the current one.
            ttl_offset: seconds (or a timedelta); None keeps the current value, 0 resets it.
            filter_expired_objects: hide expired objects not yet deleted from results.
        """
        return _ObjectTTLConfigUpdate(
            enabled=True,
            delete_on=property_name,
            default_ttl=_seconds(ttl_offset, "ttl_offset"),
            filter_expired_objects=filter_expired_objects,
        )


# The official client's attribute names of these builders (its pydantic fields) are the
# server's JSON keys.
for _keyed_cls in (
    _InvertedIndexConfigCreate,
    _InvertedIndexConfigUpdate,
    _MultiTenancyConfigCreate,
    _MultiTenancyConfigUpdate,
    _AsyncReplicationConfigCreate,
    _ReplicationConfigCreate,
    _ReplicationConfigUpdate,
    _ShardingConfigCreate,
    _ObjectTTLConfigCreate,
    _ObjectTTLConfigUpdate,
):
    official_names(**json_aliases(_keyed_cls))(_keyed_cls)


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


@attrs.frozen
class _Section:
    """A part of the class JSON set by one argument of create (and of update when mutable)."""

    field: str
    key: str
    create: type
    update: type | None
    builder: str


#: the collection-level parts, in the order create and update write them
_SECTIONS = (
    _Section(
        "inverted_index_config",
        "invertedIndexConfig",
        _InvertedIndexConfigCreate,
        _InvertedIndexConfigUpdate,
        "inverted_index",
    ),
    _Section(
        "multi_tenancy_config",
        "multiTenancyConfig",
        _MultiTenancyConfigCreate,
        _MultiTenancyConfigUpdate,
        "multi_tenancy",
    ),
    _Section(
        "replication_config",
        "replicationConfig",
        _ReplicationConfigCreate,
        _ReplicationConfigUpdate,
        "replication",
    ),
    _Section("sharding_config", "shardingConfig", _ShardingConfigCreate, None, "sharding"),
    _Section(
        "object_ttl_config",
        "objectTtlConfig",
        _ObjectTTLConfigCreate,
        _ObjectTTLConfigUpdate,
        "ObjectTTL.*",
    ),
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

    if vector_config is not None and (
        vectorizer_config is not None or vector_index_config is not None
    ):
        raise invalid(
            "vector_config",
            "cannot be combined with vectorizer_config or vector_index_config; use one form",
        )
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
    for section in _SECTIONS:
        check_instance(
            given[section.field],
            section.create,
            section.field,
            f"built with Configure.{section.builder}()",
        )
    if sharding_config is not None and multi_tenancy_config and multi_tenancy_config.enabled:
        raise invalid("sharding_config", "cannot be set on a collection with multi-tenancy enabled")
    for section in _SECTIONS:
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
        if delete_on not in (_DELETE_ON_CREATION, _DELETE_ON_UPDATE):
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
    if vector_config is not None and (
        vectorizer_config is not None or vector_index_config is not None
    ):
        raise invalid(
            "vector_config",
            "cannot be combined with vectorizer_config or vector_index_config; use one form",
        )
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
    for section in _SECTIONS:
        if section.update is not None:
            check_instance(
                changes[section.field], section.update, section.field, "built with Reconfigure"
            )
    for section in _SECTIONS:
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
