"""The one place that chooses the gRPC transport: :mod:`._grpclib` (the default) or
:mod:`.grpcio_channel` (``AdditionalConfig(grpc_transport="grpcio")``). It sits above both
implementations and the interface they share (:mod:`._transport`), so none of them imports
another; the connection calls :func:`open_grpc_transport` and never asks which it got."""

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
        from weaviate_async.connect.grpcio_channel import GrpcioTransport

        return GrpcioTransport(params, config, proxy)
    from weaviate_async.connect._grpclib import GrpclibPool

    return GrpclibPool(params, config, proxy)
