"""The re-export modules of ``weaviate_async/classes``, ``weaviate_async/outputs`` and
``weaviate_async/config``, the table ``tools/gen_reexports.py`` generates them from.

The official client has modules that only gather names defined elsewhere, at the paths programs
import them from (``weaviate.outputs.query``, ``weaviate.classes.tenants`` ...). Ours are the
same: one :class:`Reexport` per module, with its docstring and, per module the names come from
(relative to ``weaviate_async``), the names, separated by white space (``Name:Alias`` imports
``Name`` under another name). Each name is written once here; the generated module imports it
and lists it in ``__all__``.
"""

from __future__ import annotations

from dataclasses import dataclass

from factory_tables.rbac import KINDS


@dataclass(frozen=True)
class Reexport:
    """One re-export module: see the module docstring."""

    module: str  # the path below weaviate_async, without ".py"
    doc: str
    names: dict[str, str]


@dataclass(frozen=True)
class Package:
    """A package ``__init__`` whose submodules (and ``lazy`` names, by source module) load on
    first access, so that importing the package stays cheap."""

    path: str
    doc: str
    submodules: str
    lazy: tuple[tuple[str, str], ...] = ()


#: what ``weaviate.outputs.rbac`` holds: the permission kinds read back (the official module
#: leaves the MCP one out: it stays at ``rbac.models``), and who holds a role
RBAC_OUTPUTS = " ".join(k.output for k in KINDS if k.enum != "MCPAction") + (
    " GroupAssignment PermissionsOutputType RoleScope UserAssignment"
)

MODULES = (
    Reexport(
        "typevars",
        """The type variables of generic collections: a handle's properties and references types,
defined in :mod:`weaviate_async.classes._typevars` (see there) so that the models of ``classes``
take them from below.

Examples:
    >>> from weaviate_async.typevars import Properties, References
    >>> class Handle(Generic[Properties, References]): ...
""",
        {
            "classes._typevars": (
                "DProperties IReferences NProperties Properties QProperties References "
                "TProperties TReferences"
            ),
        },
    ),
    Reexport(
        "config",
        """Client configuration, as in the official client's ``weaviate.config``.

Examples:
    >>> from weaviate_async.config import AdditionalConfig, Timeout
    >>> AdditionalConfig(timeout=Timeout(query=10))
""",
        {
            "connect.params": (
                "AdditionalConfig ConnectionConfig GrpcConfig Proxies RetryConfig Timeout TLSConfig"
            ),
        },
    ),
    Reexport(
        "classes/backup",
        """What backup calls take, at the official ``weaviate.classes.backup`` path: the backends, the
options of a backup and of a restore, the compression levels and the locations.

Examples:
    >>> from weaviate_async.classes.backup import BackupConfigCreate, BackupStorage
""",
        {
            "models.backup": "BackupCompressionLevel BackupConfigCreate BackupConfigRestore BackupStorage",
            "models.backup_location": "BackupLocation BackupLocationType",
        },
    ),
    Reexport(
        "classes/debug",
        """What ``client.debug`` returns, at the official ``weaviate.classes.debug`` path.

Examples:
    >>> from weaviate_async.classes.debug import DebugRESTObject
""",
        {
            "models.debug": "DebugRESTObject",
        },
    ),
    Reexport(
        "classes/export",
        """What ``client.export.create`` takes, at the official ``weaviate.classes.export`` path.

Examples:
    >>> from weaviate_async.classes.export import ExportFileFormat, ExportStorage
""",
        {
            "models.export": "ExportFileFormat ExportStorage",
        },
    ),
    Reexport(
        "classes/generate",
        """Generative search arguments at the official ``weaviate.classes.generate`` path: the
provider for one call and prompts with options.

Examples:
    >>> from weaviate_async.classes.generate import GenerativeConfig, GenerativeParameters
    >>> await collection.generate.bm25(
    ...     "cat",
    ...     single_prompt=GenerativeParameters.single_prompt("Translate {title}", debug=True),
    ...     generative_provider=GenerativeConfig.dummy(),
    ... )
""",
        {
            "classes.generative": "GenerativeConfig GenerativeParameters",
        },
    ),
    Reexport(
        "classes/generics",
        """Generic data models of collections at the official ``weaviate.classes.generics`` path:
references and nested objects in a ``TypedDict`` of a collection's properties.

Examples:
    >>> class Author(TypedDict):
    ...     name: str
    >>> class Book(TypedDict):
    ...     title: str
    ...     author: CrossReference[Author]
""",
        {
            "classes.internal": "CrossReference CrossReferenceAnnotation Nested",
        },
    ),
    Reexport(
        "classes/init",
        """Models used when creating a client, as in the official client's ``weaviate.classes.init``.

Examples:
    >>> from weaviate_async.classes.init import Auth, AdditionalConfig, Timeout
""",
        {
            "connect.auth": "Auth",
            "connect.params": "AdditionalConfig GrpcConfig Proxies Timeout",
        },
    ),
    Reexport(
        "classes/query",
        """Search arguments at the official ``weaviate.classes.query`` path: filters, sorting, grouping,
reranking, boosting, diversity, target-vector combinations, hybrid sub-searches, what to
return, and the runtime generative provider.

Examples:
    >>> from weaviate_async.classes.query import Filter, MetadataQuery, Sort
    >>> await collection.query.fetch_objects(
    ...     filters=Filter.by_property("year").less_than(2000),
    ...     sort=Sort.by_property("year", ascending=False),
    ...     return_metadata=MetadataQuery(creation_time=True),
    ... )
""",
        {
            "classes.aggregate": "Metrics",
            "classes.boost": "Boost BoostReturn",
            "classes.data": "GeoCoordinate",
            "classes.filters": "Filter FilterReturn",
            "classes.generative": "GenerativeConfig",
            "classes.search": (
                "METADATA PROPERTIES PROPERTY Diversity GroupBy HybridFusion HybridVector "
                "MetadataQuery Move NearMediaType NearVector QueryNested QueryReference Rerank Sort "
                "TargetVectors BM25OperatorFactory:BM25Operator"
            ),
        },
    ),
    Reexport(
        "classes/rbac",
        """Permission builders for roles, at the official ``weaviate.classes.rbac`` path.

Examples:
    >>> from weaviate_async.classes.rbac import Permissions, RoleScope
    >>> perms = [
    ...     Permissions.collections(collection="Article", read_config=True),
    ...     Permissions.data(collection="Article", read=True, create=True),
    ...     Permissions.roles(role="*", read=True, scope=RoleScope.MATCH),
    ... ]
    >>> await client.roles.create(role_name="article-editor", permissions=perms)
""",
        {
            "models.rbac": "Actions Permissions PermissionsInputType RoleScope",
        },
    ),
    Reexport(
        "classes/replication",
        """What replica operations take, at the official ``weaviate.classes.replication`` path.

Examples:
    >>> from weaviate_async.classes.replication import ReplicationType
    >>> await client.cluster.replicate(
    ...     collection="Article", shard=shard, source_node="node1", target_node="node2",
    ...     replication_type=ReplicationType.MOVE,
    ... )
""",
        {
            "models.cluster": "ReplicationType",
        },
    ),
    Reexport(
        "classes/tenants",
        """Tenants of a multi-tenant collection, at the official ``weaviate.classes.tenants`` path.

A tenant is ``ACTIVE`` (loaded, queryable), ``INACTIVE`` (on the node's disk, not loaded) or
``OFFLOADED`` (moved to cloud storage by an offload module); ``OFFLOADING`` and ``ONLOADING`` are
the transitions the server reports while it moves a tenant's files. The older names ``HOT``,
``COLD`` and ``FROZEN`` are accepted as input and become ``ACTIVE``, ``INACTIVE`` and
``OFFLOADED`` (with a ``DeprecationWarning``), as in the official client.

Examples:
    >>> from weaviate_async.classes.tenants import Tenant, TenantActivityStatus
    >>> await collection.tenants.create([
    ...     "tenantA",
    ...     Tenant(name="tenantB", activity_status=TenantActivityStatus.INACTIVE),
    ... ])
""",
        {
            "classes._tenants": (
                "Tenant TenantActivityStatus TenantCreate TenantCreateActivityStatus TenantUpdate "
                "TenantUpdateActivityStatus"
            ),
            "classes._value_types": "TenantCreateInputType TenantUpdateInputType",
        },
    ),
    Reexport(
        "classes/tokenization",
        """What ``client.tokenization`` takes and returns, at the official
``weaviate.classes.tokenization`` path.

Examples:
    >>> from weaviate_async.classes.tokenization import StopwordsCreate, Tokenization
""",
        {
            "classes.config_models": "StopwordsConfig",
            "classes.config_properties": "StopwordsCreate StopwordsPreset TextAnalyzerConfigCreate Tokenization",
            "models.tokenization": "TokenizeResult",
        },
    ),
    Reexport(
        "outputs/aggregate",
        """What aggregations return, at the official ``weaviate.outputs.aggregate`` path.

Examples:
    >>> from weaviate_async.outputs.aggregate import AggregateReturn, AggregateGroupByReturn
""",
        {
            "classes.aggregate": (
                "AggregateBoolean AggregateDate AggregateGroup AggregateGroupByReturn "
                "AggregateInteger AggregateNumber AggregateReference AggregateResult AggregateReturn "
                "AggregateText GroupedBy TopOccurrence"
            ),
        },
    ),
    Reexport(
        "outputs/backup",
        """What backup calls return, at the official ``weaviate.outputs.backup`` path.

Examples:
    >>> from weaviate_async.outputs.backup import BackupReturn, BackupStatus
""",
        {
            "models.backup": "BackupReturn BackupStatus BackupStatusReturn BackupStorage",
        },
    ),
    Reexport(
        "outputs/batch",
        """What batch writes return (``insert_many``, batch contexts), at the official
``weaviate.outputs.batch`` path.

Examples:
    >>> from weaviate_async.outputs.batch import BatchObjectReturn
""",
        {
            "classes.batch": "BatchObjectReturn BatchReferenceReturn BatchResult ErrorObject ErrorReference",
        },
    ),
    Reexport(
        "outputs/cluster",
        """What cluster calls return, at the official ``weaviate.outputs.cluster`` path: nodes and
shards (``cluster.nodes``), sharding states and RAFT statistics.

Examples:
    >>> from weaviate_async.outputs.cluster import NodeVerbose, ShardingState
""",
        {
            "models.cluster": (
                "ClusterStatistics NodeStatistics RaftConfigurationMember RaftStats ShardingState "
                "ShardReplicas"
            ),
            "models.nodes": "Node NodeMinimal NodeVerbose Shard Shards Stats",
        },
    ),
    Reexport(
        "outputs/config",
        """The read models of a collection's configuration (``collection.config.get()``,
``collections.list_all()``), at the official ``weaviate.outputs.config`` path.

Examples:
    >>> from weaviate_async.outputs.config import CollectionConfig
    >>> cfg: CollectionConfig = await collection.config.get()
""",
        {
            "classes.config_collection": "ReplicationDeletionStrategy",
            "classes.config_index": (
                "PQEncoderDistribution PQEncoderType VectorDistances VectorFilterStrategy "
                "VectorIndexType"
            ),
            "classes.config_models": (
                "AsyncReplicationConfig BM25Config BQConfig CollectionConfig CollectionConfigSimple "
                "GenerativeConfig InvertedIndexConfig MultiTenancyConfig MultiVectorConfig "
                "MuveraConfig NamedVectorConfig NamedVectorizerConfig NestedProperty ObjectTTLConfig "
                "PQConfig PQEncoderConfig PropertyConfig PropertyVectorizerConfig "
                "ReferencePropertyConfig ReplicationConfig RerankerConfig RQConfig ShardingConfig "
                "ShardStatus ShardTypes SQConfig StopwordsConfig TextAnalyzerConfig VectorConfig "
                "VectorIndexConfigDynamic VectorIndexConfigFlat VectorIndexConfigHFresh "
                "VectorIndexConfigHNSW VectorIndexConfigNone VectorizerConfig"
            ),
            "classes.config_module_names": "GenerativeSearches Rerankers Vectorizers",
            "classes.config_properties": "PropertyType",
            "models.consistency": "ConsistencyLevel",
        },
    ),
    Reexport(
        "outputs/data",
        """What ``collection.data`` returns beyond the batch results, at the official
``weaviate.outputs.data`` path.

Examples:
    >>> from weaviate_async.outputs.data import DeleteManyReturn
""",
        {
            "classes.batch": "DeleteManyObject DeleteManyReturn Error RefError",
        },
    ),
    Reexport(
        "outputs/export",
        """What ``client.export`` returns, at the official ``weaviate.outputs.export`` path.

Examples:
    >>> from weaviate_async.outputs.export import ExportStatus, ExportStatusReturn
""",
        {
            "models.export": (
                "ExportCreateReturn ExportStatus ExportStatusReturn ExportStorage ShardExportStatus "
                "ShardProgress"
            ),
        },
    ),
    Reexport(
        "outputs/generate",
        """Generative search inputs as returned by their builders, at the official
``weaviate.outputs.generate`` path.

Examples:
    >>> from weaviate_async.outputs.generate import GenerativeConfigRuntime, SinglePrompt
""",
        {
            "classes.generative": "GenerativeConfigRuntime GroupedTask SinglePrompt",
        },
    ),
    Reexport(
        "outputs/query",
        """What searches return (objects, groups, metadata, generated text, profiles) and the types of
their inputs, at the official ``weaviate.outputs.query`` path.

Examples:
    >>> from weaviate_async.outputs.query import QueryReturn, Object, GroupByReturn
""",
        {
            "classes.data": "GeoCoordinate ReferenceInput ReferenceInputs",
            "classes.filters": (
                "FilterByCreationTime FilterById FilterByProperty FilterByRef FilterByUpdateTime "
                "FilterReturn"
            ),
            "classes.internal": (
                "GenerativeGroup GenerativeGroupByReturn GenerativeGroupByReturnType "
                "GenerativeNearMediaReturnType GenerativeObject GenerativeReturn GenerativeReturnType "
                "GenerativeSearchReturnType Group GroupByObject GroupByReturn GroupByReturnType "
                "MetadataReturn MetadataSingleObjectReturn Object ObjectSingleReturn "
                "QueryNearMediaReturnType QueryProfileReturn QueryReturn QueryReturnType "
                "QuerySingleReturn SearchProfileReturn ShardProfileReturn"
            ),
            "classes.search": (
                "MMR BM25OperatorAnd BM25OperatorAndCross BM25OperatorOr ListOfVectorsQuery "
                "NearVectorInputType Sorting TargetVectorJoinType"
            ),
            "types": "PhoneNumberType WeaviateField WeaviateProperties",
        },
    ),
    Reexport(
        "outputs/rbac",
        """The permission models read back from roles, at the official ``weaviate.outputs.rbac``
path (:class:`~weaviate_async.rbac.models.Role` holds them, by kind).

Examples:
    >>> from weaviate_async.outputs.rbac import DataPermissionOutput
    >>> role = await client.roles.get("reader")
    >>> [p for p in role.permissions if isinstance(p, DataPermissionOutput)]
""",
        {
            "models.rbac": RBAC_OUTPUTS,
        },
    ),
    Reexport(
        "outputs/replication",
        """What replica operations return, at the official ``weaviate.outputs.replication`` path.

Examples:
    >>> from weaviate_async.outputs.replication import ReplicateOperationState
""",
        {
            "models.cluster": (
                "ReplicateOperation ReplicateOperations ReplicateOperationState "
                "ReplicateOperationStatus ReplicateOperationWithHistory "
                "ReplicateOperationWithoutHistory"
            ),
        },
    ),
    Reexport(
        "outputs/tenants",
        """What ``collection.tenants`` returns, at the official ``weaviate.outputs.tenants`` path.

Examples:
    >>> from weaviate_async.outputs.tenants import Tenant, TenantActivityStatus
""",
        {
            "classes._tenants": "Tenant TenantActivityStatus",
            "types": "TenantOutputType",
        },
    ),
    Reexport(
        "outputs/tokenization",
        """What ``client.tokenization`` returns, at the official ``weaviate.outputs.tokenization``
path.

Examples:
    >>> from weaviate_async.outputs.tokenization import TokenizeResult
""",
        {
            "models.tokenization": "TokenizeResult",
        },
    ),
    Reexport(
        "outputs/users",
        """The users ``client.users`` returns, at the official ``weaviate.outputs.users`` path.

Examples:
    >>> from weaviate_async.outputs.users import UserDB
    >>> users: list[UserDB] = await client.users.db.list_all()
""",
        {
            "models.rbac": "UserTypes",
            "models.users": "OwnUser UserDB",
        },
    ),
    Reexport(
        "tokenization/models",
        """What ``client.tokenization`` returns: :class:`TokenizeResult` (at the official
``weaviate.tokenization.models`` path).

The objects are defined in :mod:`weaviate_async.models.tokenization`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.
""",
        {
            "models.tokenization": "TokenizeResult",
        },
    ),
    Reexport(
        "aliases/alias",
        """What ``client.alias`` reads return: :class:`AliasReturn` (at the official
``weaviate.aliases.alias`` path).

The objects are defined in :mod:`weaviate_async.models.aliases`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.
""",
        {
            "models.aliases": "AliasReturn",
        },
    ),
    Reexport(
        "debug/types",
        """What ``client.debug`` returns: :class:`DebugRESTObject` (at the official
``weaviate.debug.types`` path).

The objects are defined in :mod:`weaviate_async.models.debug`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.
""",
        {
            "models.debug": "DebugRESTObject",
        },
    ),
)

PACKAGES: tuple[Package, ...] = (
    Package(
        "outputs",
        """Return types by area, at the official client's ``weaviate.outputs`` paths.

Each submodule re-exports the models an area's operations return (and the types they are built
from), so that ``from weaviate.outputs.config import CollectionConfig`` moves over as
``from weaviate_async.outputs.config import CollectionConfig``: every submodule the official
client has (see ``__all__``).

Examples:
    >>> from weaviate_async.outputs.config import CollectionConfig, PropertyConfig
""",
        "aggregate backup batch cluster config data export generate query rbac replication "
        "tenants tokenization users",
    ),
    Package(
        "tokenization",
        """Tokenization (``client.tokenization``): how the server splits text into the tokens of its
inverted index and of queries, for a tokenization kind or for one property. ``models`` holds
:class:`~weaviate_async.tokenization.models.TokenizeResult`, ``namespace`` the operations.

Examples:
    >>> from weaviate_async.classes.tokenization import Tokenization
    >>> (await client.tokenization.text("The quick fox", Tokenization.WORD)).query
    ['quick', 'fox']
""",
        "models namespace",
        (("models.tokenization", "TokenizeResult"),),
    ),
    Package(
        "aliases",
        """Collection aliases (``client.alias``): another name for a collection, usable wherever a
collection name is, and re-pointed to another collection in one step. ``alias`` holds the
model (:class:`~weaviate_async.aliases.alias.AliasReturn`), ``namespace`` the operations.

Examples:
    >>> await client.alias.create(alias_name="Articles", target_collection="ArticlesV1")
    >>> await client.alias.update(alias_name="Articles", new_target_collection="ArticlesV2")
""",
        "alias namespace",
    ),
    Package(
        "debug",
        """Debugging aids (``client.debug``): reading an object over REST, without a search. ``types``
holds the model (:class:`~weaviate_async.debug.types.DebugRESTObject`), ``namespace`` the
operations.

Examples:
    >>> obj = await client.debug.get_object_over_rest("Article", uuid)
""",
        "namespace types",
    ),
)
