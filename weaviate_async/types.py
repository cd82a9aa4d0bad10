"""Type aliases of values users pass and get back, as the official client names them.

The names of the official ``weaviate.types`` (``UUID``, ``UUIDS``, ``NUMBER``, ``VECTORS``,
``INCLUDE_VECTOR``, ...), and the property value types of ``weaviate.collections.classes.types``
(``WeaviateField``, ``WeaviateProperties``, ``PhoneNumberType``), the query input type
``NearVectorInputType`` and the roles input type ``PermissionsInputType`` (defined with the
permissions in :mod:`weaviate_async.rbac.models`), so that annotations written for the official client keep working.

Examples:
    >>> from weaviate_async.types import UUID, WeaviateProperties
    >>> def row(uuid: UUID, props: WeaviateProperties) -> None: ...
"""

# The aliases keep typing.Union/List/Tuple/Dict: the string forward references of the recursive
# WeaviateField need Union, and DATATYPE_TO_PYTHON_TYPE must hold the very objects the official
# client's table holds (typing.List[str] does not compare equal to list[str]).
# ruff: noqa: UP006, UP007, UP035

from __future__ import annotations

import datetime
import uuid as uuid_package
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Dict, List, Tuple, TypeAlias, Union

from weaviate_async.classes._value_types import (
    BLOB_INPUT,
    PhoneNumberType,
    TenantCreateInputType,
    TenantInputType,
    TenantOutputType,
    TenantUpdateInputType,
    WeaviateField,
    WeaviateProperties,
)

if TYPE_CHECKING:
    from weaviate_async.models.rbac import PermissionsInputType

__all__ = [
    "BEACON",
    "BLOB_INPUT",
    "DATATYPE_TO_PYTHON_TYPE",
    "DATE",
    "GEO_COORDINATES",
    "INCLUDE_VECTOR",
    "NUMBER",
    "NearVectorInputType",
    "PRIMITIVE",
    "PYTHON_TYPE_TO_DATATYPE",
    "PermissionsInputType",
    "PhoneNumberType",
    "TIME",
    "TenantCreateInputType",
    "TenantInputType",
    "TenantOutputType",
    "TenantUpdateInputType",
    "UUID",
    "UUIDS",
    "VECTORS",
    "WeaviateField",
    "WeaviateProperties",
]

#: A date property value (an aware ``datetime``; naive ones are taken as UTC).
DATE: TypeAlias = datetime.datetime
#: The same as ``DATE``, for times of creation and update.
TIME: TypeAlias = datetime.datetime
#: A UUID as users pass it: a ``uuid.UUID`` or its string form.
UUID: TypeAlias = Union[str, uuid_package.UUID]
#: One UUID or several.
UUIDS: TypeAlias = Union[Sequence[UUID], UUID]
#: An int or a float.
NUMBER: TypeAlias = Union[int, float]
#: ``(latitude, longitude)``.
GEO_COORDINATES: TypeAlias = Tuple[float, float]
#: One vector, or vectors by name (a named multi-vector is a list of vectors).
VECTORS: TypeAlias = Union[
    Mapping[str, Union[Sequence[NUMBER], Sequence[Sequence[NUMBER]]]], Sequence[NUMBER]
]
#: ``include_vector`` of queries: all vectors (True), none (False), or some by name.
INCLUDE_VECTOR: TypeAlias = Union[bool, str, List[str]]
#: The prefix of a reference beacon.
BEACON = "weaviate://localhost/"
#: A single (non-list) property value.
PRIMITIVE: TypeAlias = Union[str, int, float, bool, datetime.datetime, uuid_package.UUID]

#: The Python type of each server data type.
DATATYPE_TO_PYTHON_TYPE = {
    "text": str,
    "int": int,
    "text[]": List[str],
    "int[]": List[int],
    "boolean": bool,
    "boolean[]": List[bool],
    "number": float,
    "number[]": List[float],
    "date": datetime.datetime,
    "date[]": List[datetime.datetime],
    "geoCoordinates": GEO_COORDINATES,
    "object": Dict[str, PRIMITIVE],
    "object[]": List[Dict[str, PRIMITIVE]],
}
#: The server data type of each Python type of :data:`DATATYPE_TO_PYTHON_TYPE`.
PYTHON_TYPE_TO_DATATYPE = {value: key for key, value in DATATYPE_TO_PYTHON_TYPE.items()}

#: What ``near_vector`` searches with: one vector, one multi-vector, or ``{target name: vector or
#: multi-vector}`` to search several named vectors.
NearVectorInputType: TypeAlias = Union[
    Sequence[NUMBER],
    Sequence[Sequence[NUMBER]],
    Mapping[str, Union[Sequence[NUMBER], Sequence[Sequence[NUMBER]]]],
]


def __getattr__(name: str) -> Any:
    # The roles input type lives with the permission models, whose import costs ~35 ms; this
    # module is imported by every search, so it is loaded on first use.
    if name == "PermissionsInputType":
        from weaviate_async.models.rbac import PermissionsInputType

        return PermissionsInputType
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
