"""Credentials, as in the official client's ``weaviate.auth``.

Examples:
    >>> from weaviate_async.auth import Auth
    >>> Auth.api_key("my-key")
"""

from weaviate_async.connect.auth import (
    SCOPES,
    Auth,
    AuthApiKey,
    AuthBearerToken,
    AuthClientCredentials,
    AuthClientPassword,
    AuthCredentials,
    OidcAuth,
)

__all__ = [
    "Auth",
    "AuthApiKey",
    "AuthBearerToken",
    "AuthClientCredentials",
    "AuthClientPassword",
    "AuthCredentials",
    "OidcAuth",
    "SCOPES",
]
