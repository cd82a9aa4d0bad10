"""The cluster: ``client.cluster`` (:class:`_ClusterAsync`) with its replica operations
(``client.cluster.replications``), at the official client's ``weaviate.cluster`` path.

The models are in :mod:`weaviate_async.cluster.models` (replication, RAFT statistics) and
:mod:`weaviate_async.cluster.nodes` (nodes and shards), also at ``weaviate_async.outputs.cluster``
and ``weaviate_async.outputs.replication``.

Examples:
    >>> nodes = await client.cluster.nodes(output="verbose")
"""

from __future__ import annotations

from weaviate_async.cluster.namespace import _ClusterAsync

__all__ = ["_ClusterAsync"]
