"""The users ``client.users`` returns, at the official ``weaviate.outputs.users`` path.

Examples:
    >>> from weaviate_async.outputs.users import UserDB
    >>> users: list[UserDB] = await client.users.db.list_all()
"""

from __future__ import annotations

from weaviate_async.models.rbac import UserTypes
from weaviate_async.models.users import OwnUser, UserDB

__all__ = ["OwnUser", "UserDB", "UserTypes"]
