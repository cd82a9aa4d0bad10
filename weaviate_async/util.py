"""Small helpers users know from the official client: deterministic UUIDs, UUID and vector checks.

Example:
    >>> generate_uuid5({"title": "Hello"})
    >>> get_valid_uuid("3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b")
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Sequence
from typing import Any

from weaviate_async.exceptions import WeaviateInvalidInputError

__all__ = ["generate_uuid5", "get_valid_uuid", "get_vector"]


def generate_uuid5(identifier: Any, namespace: Any = "") -> str:
    """A UUID5 made from ``namespace`` and ``identifier`` (their ``str()``), so the same input
    always gives the same id: re-importing data then replaces objects instead of duplicating them.
    """
    return str(uuid_lib.uuid5(uuid_lib.NAMESPACE_DNS, str(namespace) + str(identifier)))


def get_valid_uuid(uuid: str | uuid_lib.UUID) -> str:
    """Return ``uuid`` in canonical form.

    Raises:
        WeaviateInvalidInputError: it is not a UUID (the field is ``uuid``).
    """
    if isinstance(uuid, uuid_lib.UUID):
        return str(uuid)
    if not isinstance(uuid, str):
        raise WeaviateInvalidInputError(
            f"uuid must be a str or uuid.UUID, got {type(uuid).__name__}", field="uuid"
        )
    try:
        return str(uuid_lib.UUID(uuid))
    except ValueError:
        raise WeaviateInvalidInputError(
            f"uuid is not a valid UUID: {uuid!r}", field="uuid"
        ) from None


def get_vector(vector: Sequence[float] | Any) -> list[float]:
    """Return ``vector`` (a list, tuple, numpy array, or anything with ``tolist()``) as a list of
    floats.

    Raises:
        WeaviateInvalidInputError: it is not a flat sequence of numbers.
    """
    if hasattr(vector, "tolist"):
        vector = vector.tolist()
    if isinstance(vector, (str, bytes)) or not isinstance(vector, Sequence):
        raise WeaviateInvalidInputError(
            f"vector must be a sequence of numbers, got {type(vector).__name__}", field="vector"
        )
    try:
        return [float(v) for v in vector]
    except (TypeError, ValueError):
        raise WeaviateInvalidInputError("vector must hold only numbers", field="vector") from None
