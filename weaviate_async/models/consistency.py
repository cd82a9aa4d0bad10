"""How many replicas must answer: :class:`ConsistencyLevel`, in a module of its own so that the
collection scope (:mod:`weaviate_async.models.scope`) can use it without the configuration
builders."""

from __future__ import annotations

from enum import Enum

__all__ = ["ConsistencyLevel"]


class ConsistencyLevel(str, Enum):
    """How many replicas must answer a read or acknowledge a write.

    Attributes:
        ONE: one replica.
        QUORUM: a majority, ``n/2 + 1`` replicas.
        ALL: every replica.
    """

    ALL = "ALL"
    ONE = "ONE"
    QUORUM = "QUORUM"
