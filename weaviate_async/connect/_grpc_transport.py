"""Which gRPC transport a connection gets: the one place that names the implementations."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from weaviate_async.connect._transport import GrpcTransport
    from weaviate_async.connect.grpc_proxy import ProxyURL
    from weaviate_async.connect.params import AdditionalConfig, ConnectionParams

__all__ = ["open_grpc_transport"]


def open_grpc_transport(
    params: ConnectionParams, config: AdditionalConfig, proxy: ProxyURL | None
) -> GrpcTransport:
    """The transport ``config.grpc_transport`` names, opened (channels connect on first use)."""
    if config.resolved_grpc_transport == "grpcio":
        from weaviate_async.connect._grpcio import GrpcioTransport

        return GrpcioTransport(params, config, proxy)
    from weaviate_async.connect._grpclib import GrpclibPool

    return GrpclibPool(params, config, proxy)
