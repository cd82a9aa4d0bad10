"""The collection-level settings (inverted index, multi-tenancy, replication, sharding, object
time-to-live) and the ``Configure`` / ``Reconfigure`` namespaces, as tables for
``tools/gen_collection_config.py``.

An option (:class:`Opt`) is written once: its field type, JSON key, check, the factory
argument's annotation and default, and its docstring line. A model (:class:`Model`) lists the
options it holds (a name, or ``name:variant`` to take another row of the catalog); its
``__attrs_post_init__`` runs the options' checks in order, then ``post``. Factories are
:class:`factory_tables.F` rows rendered by ``tools/gen_factories.py``; where a factory's ``doc``
says ``ARGS`` it gets an ``Args:`` section from its parameters' docstring lines (a
namespace's ``args`` replaces a line for its factories). ``SECTIONS`` lists the parts of the
class JSON that create and update write, ``CONFIG_*`` what ``classes/config.py`` imports,
exports and aliases, ``ENUMS`` the configuration enums. The rules a row cannot say are
hand-written in ``weaviate_async/classes/_collection_rules.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factory_tables import F


@dataclass(frozen=True)
class Opt:
    """One option: a field of a model and an argument of its factories."""

    type: str
    #: the JSON key or ``/`` path; "" for a field that is not sent
    key: str
    #: statements checking it: ``{v}`` is the field's value, ``{n}`` its name
    check: str = ""
    doc: str = ""
    #: the factory argument's annotation and default (the field's type and None when empty)
    arg: str = ""
    default: str = "None"
    #: a whole ``attrs.field(...)`` expression instead of ``keyed(key)``
    field: str = ""
    #: a comment written above the field
    note: str = ""
    #: the enum the argument is converted to (by name or value; None stays None)
    enum: str = ""


@dataclass(frozen=True)
class Model:
    """A builder class (``attrs.define``) made of options."""

    cls: str
    doc: str
    #: the options, comma-separated
    opts: str
    #: ``to_json`` (a create) or ``merge_with_existing`` (an update) and its docstring
    method: str
    method_doc: str
    bases: str = ""
    #: class-level lines before the fields (comments, class variables)
    body: str = ""
    #: statements after the options' checks
    post: str = ""
    #: the official client's attribute names (its JSON keys) read and write the fields
    official: bool = True
    #: a subclass that only renames its base (``opts`` empty)
    same_as: str = ""
    #: immutable (``attrs.frozen``)
    frozen: bool = False
    #: the module users import it from, when not the generated one (its ``__module__``)
    module: str = ""
    #: option -> its line in the ``Attributes:`` section (``ATTRS`` in ``doc``), when not the
    #: option's own docstring line
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Space:
    """A class of factories (or module functions when ``cls`` is empty)."""

    cls: str
    doc: str
    #: factory method -> its return annotation
    returns: dict[str, str]
    factories: list[F]
    #: class attributes before the factories (``Generative = _Generative``)
    attrs: str = ""
    #: parameter -> the docstring line it has in this namespace's factories
    args: dict[str, str] = field(default_factory=dict)


_B = "check_bool({v}, {n!r})"
_POS = "check_int({v}, {n!r}, minimum=0)"
_ONE = "check_int({v}, {n!r}, minimum=1)"
_WORDS = "check_str_list({v}, {n!r})"
_REPLACED = """\
# an update's new async_config replaces the whole asyncConfig, so omitted options go
# back to the server's defaults"""

OPTS: dict[str, Opt] = {
    # inverted index
    "bm25_b": Opt(
        "float | None",
        "bm25/b",
        "check_float({v}, {n!r}, minimum=0.0, maximum=1.0)",
        "BM25 ``b`` in [0, 1] (default 0.75); set together with ``bm25_k1``.",
    ),
    "bm25_k1": Opt(
        "float | None",
        "bm25/k1",
        "check_float({v}, {n!r}, minimum=0.0)",
        "BM25 ``k1`` >= 0 (default 1.2); set together with ``bm25_b``.",
    ),
    "bm25_k1:pair": Opt(
        "float | None",
        "bm25/k1",
        "check_float({v}, {n!r}, minimum=0.0)\ncheck_bm25_pair(self.bm25_b, {v})",
    ),
    "cleanup_interval_seconds": Opt(
        "int | None", "cleanupIntervalSeconds", _POS, "seconds between index cleanups (default 60)."
    ),
    "index_timestamps": Opt(
        "bool | None",
        "indexTimestamps",
        _B,
        "index creation/update times, for filtering on them.",
    ),
    "index_property_length": Opt(
        "bool | None",
        "indexPropertyLength",
        _B,
        "index property lengths, for filtering on them.",
    ),
    "index_null_state": Opt(
        "bool | None", "indexNullState", _B, "index null state, for ``is_none`` filters."
    ),
    "stopwords_preset": Opt(
        "StopwordsPreset | None",
        "stopwords/preset",
        doc="``en`` (default) or ``none``.",
        arg="StopwordsPreset | str | None",
        enum="StopwordsPreset",
    ),
    "stopwords_additions": Opt(
        "list[str] | None", "stopwords/additions", _WORDS, "words added to the preset."
    ),
    "stopwords_removals": Opt(
        "list[str] | None", "stopwords/removals", _WORDS, "words removed from the preset."
    ),
    "stopword_presets": Opt(
        "dict[str, list[str]] | None",
        "stopwordPresets",
        "check_presets({v})",
        "named stopword lists for properties' text analyzers (1.37+).",
    ),
    # multi-tenancy
    "enabled:tenancy": Opt(
        "bool",
        "enabled",
        "check_flag({v}, {n!r})",
        "turn multi-tenancy on (default True).",
        default="True",
        field='keyed("enabled", default=True)',
    ),
    "auto_tenant_creation": Opt(
        "bool | None", "autoTenantCreation", _B, "create missing tenants on insert."
    ),
    "auto_tenant_activation": Opt(
        "bool | None", "autoTenantActivation", _B, "activate inactive tenants when accessed."
    ),
    # replication
    "factor": Opt(
        "int | None", "factor", _ONE, "number of replicas (>= 1; at most the number of nodes)."
    ),
    "async_enabled": Opt("bool | None", "asyncEnabled", _B, "enable async replication."),
    "deletion_strategy": Opt(
        "ReplicationDeletionStrategy | None",
        "deletionStrategy",
        doc="how deletion conflicts are resolved.",
        arg="ReplicationDeletionStrategy | str | None",
        enum="ReplicationDeletionStrategy",
    ),
    "async_config": Opt(
        "_AsyncReplicationConfigCreate | None",
        "asyncConfig",
        "check_instance({v}, _AsyncReplicationConfigCreate, {n!r}, "
        '"built with Configure.Replication.async_config()")',
        "``Configure.Replication.async_config(...)`` tuning.",
        note=_REPLACED,
    ),
    "async_config:update": Opt(
        "_AsyncReplicationConfigCreate | None",
        "asyncConfig",
        "check_instance({v}, _AsyncReplicationConfigCreate, {n!r}, "
        '"built with Reconfigure.Replication.async_config()")',
        note=_REPLACED,
    ),
    # async replication tuning
    "max_workers": Opt(
        "int | None",
        "maxWorkers",
        _POS,
        "removed by the server in 1.37.3 (warns; ignored by newer servers).",
    ),
    "hashtree_height": Opt(
        "int | None", "hashtreeHeight", _POS, "height of the hash tree used for diffing."
    ),
    "frequency": Opt("int | None", "frequency", _POS, "base diff frequency, in milliseconds."),
    "frequency_while_propagating": Opt(
        "int | None",
        "frequencyWhilePropagating",
        _POS,
        "diff frequency while propagating, in milliseconds.",
    ),
    "alive_nodes_checking_frequency": Opt(
        "int | None",
        "aliveNodesCheckingFrequency",
        _POS,
        "removed by the server in 1.37.3 (warns).",
    ),
    "logging_frequency": Opt(
        "int | None", "loggingFrequency", _POS, "status log interval, in seconds."
    ),
    "diff_batch_size": Opt("int | None", "diffBatchSize", _POS, "object keys per diff batch."),
    "diff_per_node_timeout": Opt(
        "int | None", "diffPerNodeTimeout", _POS, "diff timeout per node, in seconds."
    ),
    "pre_propagation_timeout": Opt(
        "int | None", "prePropagationTimeout", _POS, "pre-propagation timeout, in seconds."
    ),
    "propagation_timeout": Opt(
        "int | None", "propagationTimeout", _POS, "propagation timeout per batch, in seconds."
    ),
    "propagation_limit": Opt("int | None", "propagationLimit", _POS, "objects propagated per run."),
    "propagation_delay": Opt(
        "int | None",
        "propagationDelay",
        _POS,
        "delay before new objects propagate, in milliseconds.",
    ),
    "propagation_concurrency": Opt(
        "int | None", "propagationConcurrency", _POS, "concurrent propagation workers."
    ),
    "propagation_batch_size": Opt(
        "int | None", "propagationBatchSize", _POS, "objects per propagation batch."
    ),
    # sharding
    "virtual_per_physical": Opt(
        "int | None", "virtualPerPhysical", _ONE, "virtual shards per physical shard."
    ),
    "desired_count": Opt("int | None", "desiredCount", _ONE, "physical shards wanted."),
    "desired_virtual_count": Opt(
        "int | None", "desiredVirtualCount", _ONE, "virtual shards wanted."
    ),
    "actual_count": Opt(
        "int | None",
        "",
        doc="read-only on the server; accepted for compatibility, warns, not sent.",
    ),
    "actual_virtual_count": Opt(
        "int | None", "", doc="read-only on the server; accepted, warns, not sent."
    ),
    # object time-to-live
    "enabled:ttl": Opt("bool", "enabled", field='keyed("enabled", default=True)'),
    "enabled:ttl_update": Opt(
        "bool", "enabled", "check_flag({v}, {n!r})", field='keyed("enabled", default=attrs.NOTHING)'
    ),
    "delete_on": Opt(
        "str",
        "deleteOn",
        "check_str({v}, {n!r}, allow_empty=False)",
        field='keyed("deleteOn", default=attrs.NOTHING)',
    ),
    "delete_on:update": Opt(
        "str | None", "deleteOn", 'check_str({v}, "property_name", allow_empty=False)'
    ),
    "default_ttl": Opt("int | None", "defaultTtl", 'check_int({v}, "time_to_live")'),
    "filter_expired_objects": Opt(
        "bool | None",
        "filterExpiredObjects",
        _B,
        "hide expired objects not yet deleted from results.",
    ),
    # a property's text analyzer
    "ascii_fold": Opt(
        "bool | None",
        "asciiFold",
        _B,
        "fold accents to base letters (``école`` matches ``ecole``).",
    ),
    "ascii_fold_ignore": Opt(
        "list[str] | None",
        "asciiFoldIgnore",
        "check_fold_ignore({v})",
        "characters excluded from folding; needs ``ascii_fold=True``.",
    ),
    "stopword_preset": Opt(
        "StopwordsPreset | str | None",
        "stopwordPreset",
        "check_stopword_preset({v})",
        doc="a built-in preset or one defined with\n"
        "``Configure.inverted_index(stopword_presets=...)``; needs word tokenization.",
    ),
    # a stopword list
    "preset": Opt(
        "StopwordsPreset | None",
        "preset",
        doc="``en`` or ``none`` (None: the server's default, ``en``).",
        enum="StopwordsPreset",
    ),
    "additions": Opt(
        "list[str] | None", "additions", _WORDS, "words treated as stopwords on top of the preset."
    ),
    "removals": Opt(
        "list[str] | None",
        "removals",
        _WORDS,
        "words of the preset that are not treated as stopwords.",
    ),
}

_ASYNC_OPTS = [
    "max_workers",
    "hashtree_height",
    "frequency",
    "frequency_while_propagating",
    "alive_nodes_checking_frequency",
    "logging_frequency",
    "diff_batch_size",
    "diff_per_node_timeout",
    "pre_propagation_timeout",
    "propagation_timeout",
    "propagation_limit",
    "propagation_delay",
    "propagation_concurrency",
    "propagation_batch_size",
]
_REPLICATION = "factor, async_enabled, deletion_strategy, async_config"

MODELS = [
    Model(
        "_InvertedIndexConfigCreate",
        "The inverted index settings of a new collection (``invertedIndexConfig``).",
        "bm25_b, bm25_k1:pair, cleanup_interval_seconds, index_timestamps, index_property_length, "
        "index_null_state, stopwords_preset, stopwords_additions, stopwords_removals, "
        "stopword_presets",
        "to_json",
        "The ``invertedIndexConfig`` object.",
        bases="_InvertedIndexParts",
    ),
    Model(
        "_InvertedIndexConfigUpdate",
        "Changes of the inverted index (bm25, stopwords, cleanup interval, stopword presets).",
        "bm25_b, bm25_k1, cleanup_interval_seconds, stopwords_preset, stopwords_additions, "
        "stopwords_removals, stopword_presets",
        "merge_with_existing",
        "Return ``current`` (an ``invertedIndexConfig``) with the changes applied.",
        bases="_InvertedIndexParts",
        body="_bm25_optional = False",
    ),
    Model(
        "_MultiTenancyConfigCreate",
        "Multi-tenancy settings of a new collection (``multiTenancyConfig``).",
        "enabled:tenancy, auto_tenant_creation, auto_tenant_activation",
        "to_json",
        "The ``multiTenancyConfig`` object.",
    ),
    Model(
        "_MultiTenancyConfigUpdate",
        "Changes of the multi-tenancy flags (enabling multi-tenancy itself is immutable).",
        "auto_tenant_creation, auto_tenant_activation",
        "merge_with_existing",
        "Return ``current`` (a ``multiTenancyConfig``) with the changes applied.",
    ),
    Model(
        "_AsyncReplicationConfigCreate",
        "Tuning of asynchronous replication (``replicationConfig.asyncConfig``).",
        ", ".join(_ASYNC_OPTS),
        "to_json",
        "The ``asyncConfig`` object.",
        post="warn_removed_async_fields(self)",
    ),
    Model(
        "_AsyncReplicationConfigUpdate",
        "New async replication tuning; it replaces the whole ``asyncConfig``.",
        "",
        "",
        "",
        same_as="_AsyncReplicationConfigCreate",
    ),
    Model(
        "_ReplicationConfigCreate",
        "Replication settings of a new collection (``replicationConfig``).",
        _REPLICATION,
        "to_json",
        "The ``replicationConfig`` object.",
    ),
    Model(
        "_ReplicationConfigUpdate",
        "Changes of replication (factor, async replication, deletion strategy).",
        "factor, async_enabled, deletion_strategy, async_config:update",
        "merge_with_existing",
        """Return ``current`` (a ``replicationConfig``) with the changes applied.

A new ``async_config`` replaces the previous one, so omitted options go back to the
server's defaults. ``async_enabled`` leaves ``asyncConfig`` alone (servers 1.38+ ignore
the flag and run async replication anyway, so the tuning stays meaningful).
""",
    ),
    Model(
        "_ShardingConfigCreate",
        "Sharding settings of a new collection (``shardingConfig``).",
        "virtual_per_physical, desired_count, desired_virtual_count",
        "to_json",
        "The ``shardingConfig`` object.",
        body="""\
#: the sharding key, strategy and hash function: the server's only values, not sent
key: ClassVar[str] = "_id"
strategy: ClassVar[str] = "hash"
function: ClassVar[str] = "murmur3"
""",
    ),
    Model(
        "_ObjectTTLConfigCreate",
        "Object time-to-live settings of a new collection (``objectTtlConfig``).",
        "enabled:ttl, delete_on, default_ttl, filter_expired_objects",
        "to_json",
        "The ``objectTtlConfig`` object.",
        post="check_ttl(self.delete_on, self.default_ttl, required=True)",
    ),
    Model(
        "_ObjectTTLConfigUpdate",
        "Changes of the object time-to-live settings.",
        "enabled:ttl_update, delete_on:update, default_ttl, filter_expired_objects",
        "merge_with_existing",
        "Return ``current`` (an ``objectTtlConfig``) with the changes applied.",
        post="check_ttl(self.delete_on, self.default_ttl, required=False)",
    ),
]

#: the parts of the class JSON set by one argument of create (and of update): the argument, the
#: JSON key, the create and update builders, the factory named in errors
SECTIONS = [
    ("inverted_index_config", "invertedIndexConfig", "_InvertedIndexConfig", "inverted_index"),
    ("multi_tenancy_config", "multiTenancyConfig", "_MultiTenancyConfig", "multi_tenancy"),
    ("replication_config", "replicationConfig", "_ReplicationConfig", "replication"),
    ("sharding_config", "shardingConfig", "_ShardingConfig", "sharding"),
    ("object_ttl_config", "objectTtlConfig", "_ObjectTTLConfig", "ObjectTTL.*"),
]

_TTL = "time_to_live: int | datetime.timedelta"
_TTL_UPDATE = "time_to_live: int | datetime.timedelta | None = None"
_OFFSET = "ttl_offset: int | datetime.timedelta | None = None"
_SECONDS = 'default_ttl=seconds(time_to_live, "time_to_live"), filter_expired_objects=filter_expired_objects)'
_CREATE_TTL = "_ObjectTTLConfigCreate("
_UPDATE_TTL = "_ObjectTTLConfigUpdate(enabled=True, "

SPACES = [
    Space(
        "",
        "",
        {"text_analyzer": "TextAnalyzerConfigCreate"},
        [
            F(
                "text_analyzer",
                "ascii_fold, ascii_fold_ignore, stopword_preset",
                "TextAnalyzerConfigCreate(**)",
                "Per-property text analysis for ``Property(text_analyzer=...)``.\n\nARGS",
                raw=True,
            )
        ],
    ),
    Space(
        "_Replication",
        "``Configure.Replication``: async replication tuning.",
        {"async_config": "_AsyncReplicationConfigCreate"},
        [
            F(
                "async_config",
                "*, " + ", ".join(_ASYNC_OPTS),
                "_AsyncReplicationConfigCreate(**)",
                "Tune async replication (server 1.36+). None keeps each server default.\n\nARGS",
                raw=True,
            )
        ],
    ),
    Space(
        "_ReplicationUpdate",
        "``Reconfigure.Replication``: new async replication tuning.",
        {"async_config": "_AsyncReplicationConfigUpdate"},
        [
            F(
                "async_config",
                "*, " + ", ".join(_ASYNC_OPTS),
                "_AsyncReplicationConfigUpdate(**)",
                "New async replication tuning; it replaces the current one (see ``Configure``).",
                raw=True,
            )
        ],
    ),
    Space(
        "_ObjectTTL",
        "``Configure.ObjectTTL``: delete objects automatically after a time.",
        dict.fromkeys(
            ["delete_by_update_time", "delete_by_creation_time", "delete_by_date_property"],
            "_ObjectTTLConfigCreate",
        ),
        [
            F(
                "delete_by_update_time",
                f"{_TTL}, filter_expired_objects",
                f"{_CREATE_TTL}delete_on=DELETE_ON_UPDATE, {_SECONDS}",
                "Delete objects ``time_to_live`` after their last update.\n\nARGS",
                raw=True,
            ),
            F(
                "delete_by_creation_time",
                f"{_TTL}, filter_expired_objects",
                f"{_CREATE_TTL}delete_on=DELETE_ON_CREATION, {_SECONDS}",
                "Delete objects ``time_to_live`` after their creation.\n\nARGS",
                raw=True,
            ),
            F(
                "delete_by_date_property",
                f"property_name: str, {_OFFSET}, filter_expired_objects",
                f"{_CREATE_TTL}delete_on=property_name, default_ttl=0 if offset is None else "
                "offset, filter_expired_objects=filter_expired_objects)",
                "Delete objects when the date in ``property_name`` (plus ``ttl_offset``) has "
                "passed.\n\nARGS",
                raw=True,
                pre='check_str(property_name, "property_name", allow_empty=False)\n'
                'offset = seconds(ttl_offset, "ttl_offset")',
            ),
        ],
        args={
            "time_to_live": "seconds (or a timedelta), positive.",
            "property_name": "a ``date`` property of the collection.",
            "ttl_offset": "seconds (or a timedelta) added to the date; may be negative. Default 0.",
        },
    ),
    Space(
        "_ObjectTTLUpdate",
        "``Reconfigure.ObjectTTL``: change or disable object time-to-live.",
        {
            "disable": "_ObjectTTLConfigUpdate",
            "delete_by_update_time": "_ObjectTTLConfigUpdate",
            "delete_by_creation_time": "_ObjectTTLConfigUpdate",
            "delete_by_date_property": "_ObjectTTLConfigUpdate",
        },
        [
            F(
                "disable",
                "",
                "_ObjectTTLConfigUpdate(enabled=False)",
                "Turn object time-to-live off.",
                raw=True,
            ),
            F(
                "delete_by_update_time",
                f"{_TTL_UPDATE}, filter_expired_objects",
                f"{_UPDATE_TTL}delete_on=DELETE_ON_UPDATE, {_SECONDS}",
                "Delete objects ``time_to_live`` after their last update.\n\nARGS",
                raw=True,
            ),
            F(
                "delete_by_creation_time",
                f"{_TTL_UPDATE}, filter_expired_objects",
                f"{_UPDATE_TTL}delete_on=DELETE_ON_CREATION, {_SECONDS}",
                "Delete objects ``time_to_live`` after their creation.\n\nARGS",
                raw=True,
            ),
            F(
                "delete_by_date_property",
                f"property_name: str | None = None, {_OFFSET}, filter_expired_objects",
                f"{_UPDATE_TTL}delete_on=property_name, "
                'default_ttl=seconds(ttl_offset, "ttl_offset"), '
                "filter_expired_objects=filter_expired_objects)",
                "Delete objects when the date in ``property_name`` (plus ``ttl_offset``) has "
                "passed.\n\nARGS",
                raw=True,
            ),
        ],
        args={
            "time_to_live": "seconds (or a timedelta); None keeps the current value.",
            "property_name": "a ``date`` property; None keeps the current one.",
            "ttl_offset": "seconds (or a timedelta); None keeps the current value, 0 resets it.",
        },
    ),
]

# --------------------------------------------------------------------------------------------
# weaviate_async/classes/config.py: the module users import
# --------------------------------------------------------------------------------------------

CONFIG_DOC = """Collection configuration: the module users import.

Examples:
    >>> from weaviate_async.classes.config import Configure, Property, DataType
    >>> await client.collections.create(
    ...     "Article",
    ...     properties=[Property(name="title", data_type=DataType.TEXT)],
    ...     vector_config=Configure.Vectors.self_provided(),
    ...     inverted_index_config=Configure.inverted_index(bm25_b=0.7, bm25_k1=1.1),
    ... )

``Configure`` builds every part of a new collection; ``Reconfigure`` builds the parts a running
collection can change (``collection.config.update``). Builders check their arguments when called
and raise :class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming the field.
"""

#: module -> the names config.py takes from it; a leading ``-`` keeps a name out of ``__all__``
CONFIG_IMPORTS = {
    "weaviate_async.classes._config_base": "_GenerativeProvider _RerankerProvider "
    "_VectorConfigCreate _VectorIndexConfigCreate _VectorizerConfigCreate",
    "weaviate_async.classes.config_collection": "ConsistencyLevel ReplicationDeletionStrategy "
    "-_AsyncReplicationConfigCreate -_AsyncReplicationConfigUpdate -_InvertedIndexConfigCreate "
    "-_InvertedIndexConfigUpdate -_MultiTenancyConfigCreate -_MultiTenancyConfigUpdate "
    "-_ObjectTTL -_ObjectTTLConfigCreate -_ObjectTTLConfigUpdate -_ObjectTTLUpdate "
    "-_Replication -_ReplicationConfigCreate -_ReplicationConfigUpdate -_ReplicationUpdate "
    "-_ShardingConfigCreate -text_analyzer",
    "weaviate_async.classes._collection_rules": "-warn_async_enabled -warn_read_only",
    "weaviate_async.classes.config_generative": "-_Generative",
    "weaviate_async.classes.config_index": "MultiVectorAggregation PQEncoderDistribution "
    "PQEncoderType VectorDistances VectorFilterStrategy VectorIndexType _VectorConfigUpdate "
    "-_VectorIndex -_VectorIndexConfigDynamicCreate -_VectorIndexConfigDynamicUpdate "
    "-_VectorIndexConfigFlatCreate -_VectorIndexConfigFlatUpdate -_VectorIndexConfigHFreshCreate "
    "-_VectorIndexConfigHFreshUpdate -_VectorIndexConfigHNSWCreate -_VectorIndexConfigHNSWUpdate "
    "-_VectorIndexConfigSkipCreate -_VectorIndexConfigUpdate -_VectorIndexUpdate -_VectorsUpdate",
    "weaviate_async.classes.config_models": "AsyncReplicationConfig BM25Config BQConfig "
    "CollectionConfig CollectionConfigSimple GenerativeConfig InvertedIndexConfig "
    "MultiTenancyConfig MultiVectorConfig MuveraConfig NamedVectorConfig NamedVectorizerConfig "
    "NestedProperty ObjectTTLConfig PQConfig PQEncoderConfig PropertyConfig "
    "PropertyVectorizerConfig ReferencePropertyConfig ReplicationConfig RerankerConfig RQConfig "
    "ShardingConfig ShardStatus ShardTypes SQConfig StopwordsConfig TextAnalyzerConfig "
    "VectorConfig VectorIndexConfigDynamic VectorIndexConfigFlat VectorIndexConfigHFresh "
    "VectorIndexConfigHNSW VectorizerConfig",
    "weaviate_async.classes.config_module_names": "GenerativeSearches Rerankers Vectorizers",
    "weaviate_async.classes.config_properties": "DataType IndexName Property ReferenceProperty "
    "StopwordsCreate StopwordsPreset TextAnalyzerConfigCreate Tokenization "
    "-_ReferencePropertyMultiTarget",
    "weaviate_async.classes.config_rerankers": "-_Reranker",
    "weaviate_async.classes.config_vectorizers": "Multi2VecField -_MultiVectors -_NamedVectors "
    "-_Vectorizer -_Vectors",
    "weaviate_async.connect.integrations": "Integrations",
}

#: the official client's public names of the builder types (4.24): each is the class our
#: builders return, so isinstance checks, annotations and direct use work on both
CONFIG_ALIASES = {
    "GenerativeProvider": "_GenerativeProvider",
    "RerankerProvider": "_RerankerProvider",
    "InvertedIndexConfigCreate": "_InvertedIndexConfigCreate",
    "InvertedIndexConfigUpdate": "_InvertedIndexConfigUpdate",
    "MultiTenancyConfigCreate": "_MultiTenancyConfigCreate",
    "MultiTenancyConfigUpdate": "_MultiTenancyConfigUpdate",
    "ObjectTTLConfigCreate": "_ObjectTTLConfigCreate",
    "ObjectTTLConfigUpdate": "_ObjectTTLConfigUpdate",
    # the base of both reference builders (ours: ReferenceProperty, which MultiTarget extends)
    "ReferencePropertyBase": "ReferenceProperty",
    "ReferencePropertyMultiTarget": "_ReferencePropertyMultiTarget",
    "ReplicationConfigCreate": "_ReplicationConfigCreate",
    "ReplicationConfigUpdate": "_ReplicationConfigUpdate",
    "ShardingConfigCreate": "_ShardingConfigCreate",
    "VectorConfigCreate": "_VectorConfigCreate",
    "VectorConfigUpdate": "_VectorConfigUpdate",
    "VectorIndexConfigCreate": "_VectorIndexConfigCreate",
    "VectorIndexConfigUpdate": "_VectorIndexConfigUpdate",
    "VectorIndexConfigSkipCreate": "_VectorIndexConfigSkipCreate",
    "VectorIndexConfigHNSWCreate": "_VectorIndexConfigHNSWCreate",
    "VectorIndexConfigHNSWUpdate": "_VectorIndexConfigHNSWUpdate",
    "VectorIndexConfigFlatCreate": "_VectorIndexConfigFlatCreate",
    "VectorIndexConfigFlatUpdate": "_VectorIndexConfigFlatUpdate",
    "VectorIndexConfigDynamicCreate": "_VectorIndexConfigDynamicCreate",
    "VectorIndexConfigDynamicUpdate": "_VectorIndexConfigDynamicUpdate",
    "VectorIndexConfigHFreshCreate": "_VectorIndexConfigHFreshCreate",
    "VectorIndexConfigHFreshUpdate": "_VectorIndexConfigHFreshUpdate",
}

_INVERTED = (
    "bm25_b, bm25_k1, cleanup_interval_seconds, stopwords_additions, stopwords_preset, "
    "stopwords_removals, stopword_presets"
)

CONFIG_SPACES = [
    Space(
        "_NamedVectorsUpdate",
        "``Reconfigure.NamedVectors``: the older spelling of ``Reconfigure.Vectors``.",
        {"update": "_VectorConfigUpdate"},
        [
            F(
                "update",
                "name: str, *, vector_index_config: _VectorIndexConfigUpdate",
                "_VectorConfigUpdate(**)",
                "Change the index of the named vector ``name``.\n\nARGS",
                raw=True,
            )
        ],
        args={
            "name": "the vector's name.",
            "vector_index_config": "``Reconfigure.VectorIndex.hnsw/flat/dynamic/hfresh(...)``.",
        },
    ),
    Space(
        "Configure",
        """Builders for ``collections.create(...)``.

Each static method or nested namespace builds one argument: ``inverted_index`` for
``inverted_index_config``, ``Vectors.*`` for ``vector_config``, ``Generative.*`` for
``generative_config`` and so on.""",
        {
            "inverted_index": "_InvertedIndexConfigCreate",
            "multi_tenancy": "_MultiTenancyConfigCreate",
            "replication": "_ReplicationConfigCreate",
            "sharding": "_ShardingConfigCreate",
        },
        [
            F(
                "inverted_index",
                "bm25_b, bm25_k1, cleanup_interval_seconds, index_timestamps, "
                "index_property_length, index_null_state, stopwords_preset, stopwords_additions, "
                "stopwords_removals, stopword_presets",
                "_InvertedIndexConfigCreate(**)",
                "The keyword (inverted) index settings; None leaves each server default.\n\nARGS",
                raw=True,
            ),
            F(
                "multi_tenancy",
                "enabled: bool = True, auto_tenant_creation, auto_tenant_activation",
                "_MultiTenancyConfigCreate(**)",
                "Multi-tenancy settings.\n\nARGS",
                raw=True,
            ),
            F(
                "replication",
                _REPLICATION,
                "_ReplicationConfigCreate(**)",
                """Replication settings.

ARGS

``async_enabled`` is deprecated (DeprecationWarning): servers 1.38+ drop it and run
async replication for every collection with a factor above 1.""",
                raw=True,
                pre="if async_enabled is not None:\n    warn_async_enabled()",
            ),
            F(
                "sharding",
                "virtual_per_physical, desired_count, actual_count, desired_virtual_count, "
                "actual_virtual_count",
                "_ShardingConfigCreate(virtual_per_physical=virtual_per_physical, "
                "desired_count=desired_count, desired_virtual_count=desired_virtual_count)",
                "Sharding settings (not with multi-tenancy).\n\nARGS",
                raw=True,
                pre="warn_read_only(actual_count=actual_count, "
                "actual_virtual_count=actual_virtual_count)",
            ),
        ],
        attrs="""\
Generative = _Generative
Reranker = _Reranker
Vectorizer = _Vectorizer
VectorIndex = _VectorIndex
NamedVectors = _NamedVectors
Vectors = _Vectors
MultiVectors = _MultiVectors
ObjectTTL = _ObjectTTL
Replication = _Replication

text_analyzer = staticmethod(text_analyzer)
""",
        args={"enabled": "turn multi-tenancy on (default True)."},
    ),
    Space(
        "Reconfigure",
        "Builders for ``collection.config.update(...)``: only what a collection can change.",
        {
            "inverted_index": "_InvertedIndexConfigUpdate",
            "replication": "_ReplicationConfigUpdate",
            "multi_tenancy": "_MultiTenancyConfigUpdate",
        },
        [
            F(
                "inverted_index",
                _INVERTED,
                "_InvertedIndexConfigUpdate(**)",
                "Change the inverted index; None keeps each current value.\n\nARGS",
                raw=True,
            ),
            F(
                "replication",
                "factor, async_enabled, deletion_strategy, "
                "async_config: _AsyncReplicationConfigUpdate | None = None",
                "_ReplicationConfigUpdate(**)",
                """Change replication; None keeps each current value.

ARGS

``async_enabled`` is deprecated (DeprecationWarning), as in ``Configure.replication``.""",
                raw=True,
                pre="if async_enabled is not None:\n    warn_async_enabled()",
            ),
            F(
                "multi_tenancy",
                "auto_tenant_creation, auto_tenant_activation",
                "_MultiTenancyConfigUpdate(**)",
                "Change the multi-tenancy flags; None keeps each current value.\n\nARGS",
                raw=True,
            ),
        ],
        attrs="""\
NamedVectors = _NamedVectorsUpdate
Vectors = _VectorsUpdate
VectorIndex = _VectorIndexUpdate
Generative = _Generative
Reranker = _Reranker
ObjectTTL = _ObjectTTLUpdate
Replication = _ReplicationUpdate
""",
        args={
            "bm25_b": "BM25 ``b`` in [0, 1].",
            "bm25_k1": "BM25 ``k1`` >= 0.",
            "cleanup_interval_seconds": "seconds between index cleanups.",
            "stopwords_additions": "words added to the preset (replaces the current list).",
            "stopwords_preset": "``en`` or ``none``.",
            "stopwords_removals": "words removed from the preset (replaces the current list).",
            "stopword_presets": "the whole map of named stopword lists (replaces it).",
            "factor": "number of replicas.",
            "async_enabled": "enable or disable async replication.",
            "async_config": "``Reconfigure.Replication.async_config(...)``; replaces the current.",
        },
    ),
]

# --------------------------------------------------------------------------------------------
# weaviate_async/classes/_config_enums.py: the enums of collection configuration (re-exported
# by config_properties and config_collection)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnumClass:
    """A ``str`` enum: its members as (name, value, docstring line)."""

    cls: str
    doc: str
    members: list[tuple[str, str, str]]
    #: the module users import it from (its ``__module__``)
    module: str = "weaviate_async.classes.config_properties"


ENUMS = [
    EnumClass(
        "DataType",
        "The data types of a property, spelled as the server spells them.",
        [
            ("TEXT", "text", "text."),
            ("TEXT_ARRAY", "text[]", "list of texts."),
            ("INT", "int", "integer."),
            ("INT_ARRAY", "int[]", "list of integers."),
            ("BOOL", "boolean", "boolean."),
            ("BOOL_ARRAY", "boolean[]", "list of booleans."),
            ("NUMBER", "number", "float."),
            ("NUMBER_ARRAY", "number[]", "list of floats."),
            ("DATE", "date", "RFC 3339 date."),
            ("DATE_ARRAY", "date[]", "list of dates."),
            ("UUID", "uuid", "uuid."),
            ("UUID_ARRAY", "uuid[]", "list of uuids."),
            ("GEO_COORDINATES", "geoCoordinates", "latitude and longitude."),
            ("BLOB", "blob", "base64-encoded binary data."),
            ("BLOB_HASH", "blobHash", "a hash of binary data."),
            ("PHONE_NUMBER", "phoneNumber", "phone number."),
            ("OBJECT", "object", "a nested object."),
            ("OBJECT_ARRAY", "object[]", "a list of nested objects."),
        ],
    ),
    EnumClass(
        "Tokenization",
        "How the inverted index splits text of ``text`` and ``text[]`` properties into tokens.",
        [
            ("WORD", "word", "alphanumeric words, lowercased (the server's default)."),
            ("WHITESPACE", "whitespace", "split on whitespace, case kept."),
            ("LOWERCASE", "lowercase", "split on whitespace, lowercased."),
            ("FIELD", "field", "the whole value as one token, trimmed."),
            ("GSE", "gse", "the ``gse`` tokenizer (Chinese and Japanese; server flag needed)."),
            ("TRIGRAM", "trigram", "rolling three-character sequences."),
            (
                "KAGOME_JA",
                "kagome_ja",
                "the Kagome tokenizer with a Japanese dictionary (server flag needed).",
            ),
            (
                "KAGOME_KR",
                "kagome_kr",
                "the Kagome tokenizer with a Korean dictionary (server flag needed).",
            ),
            ("GSE_CH", "gse_ch", "the ``gse`` tokenizer for Chinese (server flag needed)."),
        ],
    ),
    EnumClass(
        "StopwordsPreset",
        "Built-in stopword lists.",
        [
            ("NONE", "none", "no stopwords."),
            ("EN", "en", "English stopwords (the server's default)."),
        ],
    ),
    EnumClass(
        "ReplicationDeletionStrategy",
        "How replicas resolve a conflict between a deleted and an existing object.",
        [
            ("DELETE_ON_CONFLICT", "DeleteOnConflict", "the deletion wins."),
            (
                "NO_AUTOMATED_RESOLUTION",
                "NoAutomatedResolution",
                "nothing is resolved automatically.",
            ),
            ("TIME_BASED_RESOLUTION", "TimeBasedResolution", "the most recent change wins."),
        ],
        module="weaviate_async.classes.config_collection",
    ),
]


# --------------------------------------------------------------------------------------------
# weaviate_async/classes/_property_parts.py: the value builders of properties (re-exported by
# config_properties)
# --------------------------------------------------------------------------------------------

_PROPERTIES = "weaviate_async.classes.config_properties"

PROPERTY_MODELS = [
    Model(
        "StopwordsCreate",
        """A stopword list: a preset, with words added to and removed from it.

The ``stopwords`` part of the inverted index (``Configure.inverted_index`` builds it from
its ``stopwords_*`` arguments), and the stopwords argument of tokenization requests.

ATTRS

Examples:
    >>> StopwordsCreate(preset=StopwordsPreset.EN, additions=["via"], removals=["a"])
""",
        "preset, additions, removals",
        "to_json",
        "The ``stopwords`` object, holding only what was set.",
        official=False,
        frozen=True,
        module=_PROPERTIES,
    ),
    Model(
        "TextAnalyzerConfigCreate",
        """Per-property text analysis (``textAnalyzer``) for ``text`` and ``text[]`` properties.

Build it with ``Configure.text_analyzer(...)``. Immutable once the property exists.

ATTRS
""",
        "ascii_fold, ascii_fold_ignore, stopword_preset",
        "to_json",
        "The ``textAnalyzer`` object of the property JSON.",
        post="check_fold_needed(self.ascii_fold, self.ascii_fold_ignore)",
        official=False,
        frozen=True,
        module=_PROPERTIES,
        attributes={
            "ascii_fold": "fold accents to their base letters when indexing and searching.",
            "ascii_fold_ignore": "characters that are not folded; needs ``ascii_fold=True``.",
            "stopword_preset": "a built-in preset (``en``, ``none``) or a preset name defined "
            "with\n``Configure.inverted_index(stopword_presets=...)``; needs word tokenization.",
        },
    ),
]
