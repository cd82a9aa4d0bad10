"""The property value, blob and tenant type aliases that models of ``classes`` use, defined
below them; :mod:`weaviate_async.types` re-exports them at the official paths (see there).
"""

# typing.Union, as in weaviate_async.types: the recursive WeaviateField's string forward
# references need it.
# ruff: noqa: UP007

from __future__ import annotations

import datetime
import uuid as uuid_package
from collections.abc import Mapping, Sequence
from io import BufferedReader
from pathlib import Path
from typing import TypeAlias, Union

from weaviate_async.classes._tenants import Tenant, TenantCreate, TenantUpdate
from weaviate_async.classes.data import GeoCoordinate, PhoneNumber, _PhoneNumber

__all__ = [
    "BLOB_INPUT",
    "PhoneNumberType",
    "TenantCreateInputType",
    "TenantInputType",
    "TenantOutputType",
    "TenantUpdateInputType",
    "WeaviateField",
    "WeaviateProperties",
]

#: A blob to send: base64 text, a path to a file, or a file opened in binary mode.
BLOB_INPUT: TypeAlias = Union[str, Path, BufferedReader]

#: A phone number as the server returns it (the input and its parsed forms).
PhoneNumberType: TypeAlias = _PhoneNumber

#: One property value of any data type, as written or read.
WeaviateField: TypeAlias = Union[
    str,  # text
    bool,  # boolean
    int,  # int
    float,  # number
    datetime.datetime,  # date
    uuid_package.UUID,  # uuid
    GeoCoordinate,  # geoCoordinates
    PhoneNumber,  # phoneNumber (written, and as read: PhoneNumberType)
    Mapping[str, "WeaviateField"],  # object
    Sequence[str],  # text[]
    Sequence[bool],  # boolean[]
    Sequence[int],  # int[]
    Sequence[float],  # number[]
    Sequence[datetime.datetime],  # date[]
    Sequence[uuid_package.UUID],  # uuid[]
    Sequence[Mapping[str, "WeaviateField"]],  # object[]
    None,  # null
]
#: The properties of an object: name -> value.
WeaviateProperties: TypeAlias = Mapping[str, WeaviateField]

#: A tenant given by name or as a ``Tenant``.
TenantInputType: TypeAlias = Union[str, Tenant]
#: A tenant to create: a name, a ``Tenant`` (ACTIVE or INACTIVE) or a ``TenantCreate``.
TenantCreateInputType: TypeAlias = Union[str, Tenant, TenantCreate]
#: A tenant to update: a ``Tenant`` (ACTIVE, INACTIVE or OFFLOADED) or a ``TenantUpdate``.
TenantUpdateInputType: TypeAlias = Union[Tenant, TenantUpdate]
#: What ``collection.tenants.get()`` and its siblings return, by tenant name.
TenantOutputType: TypeAlias = Tenant
