"""Models used when creating a client, as in the official client's ``weaviate.classes.init``.

Examples:
    >>> from weaviate_async.classes.init import Auth, AdditionalConfig, Timeout
"""

from weaviate_async.connect.auth import Auth
from weaviate_async.connect.params import AdditionalConfig, GrpcConfig, Proxies, Timeout

__all__ = ["AdditionalConfig", "Auth", "GrpcConfig", "Proxies", "Timeout"]
