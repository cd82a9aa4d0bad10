"""Re-exports :mod:`weaviate_async.models.users` at the official ``weaviate.users.users`` path.

The objects are defined there, below the wire layer that reads them from the server's
replies; this module gives programs the path they import from.
"""

from __future__ import annotations

from weaviate_async.models.users import (
    USER_TYPE,
    USER_TYPE_DB,
    USER_TYPE_OIDC,
    OwnUser,
    UserBase,
    UserDB,
    UserOIDC,
)

__all__ = [
    "USER_TYPE",
    "USER_TYPE_DB",
    "USER_TYPE_OIDC",
    "OwnUser",
    "UserBase",
    "UserDB",
    "UserOIDC",
]
