"""The users that ``client.users`` returns, at the official ``weaviate.users.users`` path.

The objects are defined in :mod:`weaviate_async.models.users`, below the wire layer that
reads them from the server's replies; this module is the path programs import them from.

Examples:
    >>> me = await client.users.get_my_user()
    >>> me.user_id, sorted(me.roles)
    >>> user = await client.users.db.get(user_id="ingest-bot")
    >>> user.active, user.role_names
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
