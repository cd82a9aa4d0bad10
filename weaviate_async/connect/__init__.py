"""Connection parameters and the transport (``ConnectionParams``, ``ProtocolParams``)."""

from weaviate_async.connect.params import ConnectionParams, ProtocolParams

__all__ = ["ConnectionParams", "ProtocolParams"]
