"""Models of the data users write: objects for ``insert_many``, references for
``reference_add_many``, and special values.

Examples:
    >>> from weaviate_async.classes.data import DataObject, GeoCoordinate
    >>> DataObject(
    ...     properties={"title": "Hello", "where": GeoCoordinate(latitude=52.37, longitude=4.89)},
    ...     vector=[0.1, 0.2, 0.3],
    ... )
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeAlias

import attrs
from typing_extensions import TypeVar

from weaviate_async._validate import attrs_check, check_float, check_str, invalid, uuid_str

__all__ = [
    "DataObject",
    "DataReference",
    "DataReferenceMulti",
    "DataReferences",
    "GeoCoordinate",
    "PhoneNumber",
    "ReferenceToMulti",
]

# Covariant with a None default, as the official DataObject's: a bare ``DataObject`` in an
# annotation passes a strict type checker, and DataObject[MyProps, None] is a DataObject[Any].
P = TypeVar("P", bound=Any | None, covariant=True, default=None)
R = TypeVar("R", bound=Any | None, covariant=True, default=None)

#: A UUID as users pass it: a ``uuid.UUID`` or its string form.
UUID = str | uuid_lib.UUID


def _check_coordinate(low: float, high: float) -> Any:
    return attrs_check(check_float, minimum=low, maximum=high, required=True)


@attrs.frozen(kw_only=True)
class GeoCoordinate:
    """A point on earth, the value of a ``geoCoordinates`` property.

    Attributes:
        latitude: degrees north, -90 to 90.
        longitude: degrees east, -180 to 180.
    """

    latitude: float = attrs.field(validator=_check_coordinate(-90.0, 90.0))
    longitude: float = attrs.field(validator=_check_coordinate(-180.0, 180.0))

    def _to_dict(self) -> dict[str, float]:
        return {"latitude": float(self.latitude), "longitude": float(self.longitude)}


@attrs.frozen(kw_only=True)
class PhoneNumber:
    """A phone number to write to a ``phoneNumber`` property; the server parses and formats it.

    Attributes:
        number: the number as typed, national (with ``default_country``) or international.
        default_country: ISO 3166-1 alpha-2 country code for national numbers, e.g. ``"NL"``.
    """

    number: str = attrs.field(validator=attrs_check(check_str, required=True, allow_empty=False))
    default_country: str | None = attrs.field(default=None, validator=attrs_check(check_str))

    def _to_dict(self) -> dict[str, str]:
        out = {"input": self.number}
        if self.default_country is not None:
            out["defaultCountry"] = self.default_country
        return out


@attrs.frozen(kw_only=True)
class _PhoneNumber(PhoneNumber):
    """A phone number as the server returns it: the input and its parsed forms."""

    country_code: int = 0
    international_formatted: str = ""
    national: int = 0
    national_formatted: str = ""
    valid: bool = False


def _uuids_str(value: Any, field: str) -> list[str]:
    if isinstance(value, (str, uuid_lib.UUID)):
        return [uuid_str(value, field)]
    if not isinstance(value, Sequence):
        raise invalid(field, "must be a UUID or a list of UUIDs", value)
    return [uuid_str(item, f"{field}[{i}]") for i, item in enumerate(value)]


@attrs.frozen(kw_only=True)
class ReferenceToMulti:
    """References to objects of one target collection of a multi-target reference property.

    Attributes:
        uuids: one UUID or a list of them.
        target_collection: the collection the objects are in.
    """

    uuids: UUID | Sequence[UUID]
    target_collection: str

    @property
    def uuids_str(self) -> list[str]:
        """The UUIDs as canonical strings."""
        return _uuids_str(self.uuids, "uuids")


#: What a reference property of ``insert`` / ``DataObject`` and ``reference_replace`` accept.
ReferenceInput = UUID | Sequence[UUID] | ReferenceToMulti
#: One target, for ``reference_add`` / ``reference_delete``.
SingleReferenceInput = UUID | ReferenceToMulti
#: References of one object, by reference property name.
ReferenceInputs = Mapping[str, ReferenceInput]


@attrs.frozen
class DataObject(Generic[P, R]):
    """One object for ``insert_many``: its properties and, optionally, uuid, vector(s) and
    references.

    Attributes:
        properties: the property values by name.
        uuid: the object's id; a random one is made when None.
        vector: one vector (list, tuple or numpy array), or named vectors as a dict
            ``{name: vector}`` (a named multi-vector is a list of vectors).
        references: reference property name -> UUID, list of UUIDs or :class:`ReferenceToMulti`.
    """

    properties: P = None  # type: ignore[assignment]
    uuid: UUID | None = None
    vector: Any = None
    references: R = None  # type: ignore[assignment]


@attrs.frozen
class DataReferenceMulti:
    """References from one object of this collection to objects of ``target_collection``,
    through a multi-target reference property (for ``reference_add_many``).

    Attributes:
        from_property: the reference property of the source object.
        from_uuid: the source object, in the collection the call is made on.
        to_uuid: one target uuid or a list of them.
        target_collection: the collection the targets are in.
    """

    from_property: str
    from_uuid: UUID
    to_uuid: UUID | Sequence[UUID]
    target_collection: str


@attrs.frozen
class DataReference:
    """References from one object of this collection to other objects, through a
    single-target reference property (for ``reference_add_many``).

    ``DataReference.MultiTarget`` is :class:`DataReferenceMulti`, for multi-target properties.

    Attributes:
        from_property: the reference property of the source object.
        from_uuid: the source object, in the collection the call is made on.
        to_uuid: one target uuid or a list of them.

    Examples:
        >>> await collection.data.reference_add_many(
        ...     [DataReference(from_property="author", from_uuid=book, to_uuid=person)]
        ... )
    """

    MultiTarget: ClassVar[type[DataReferenceMulti]] = DataReferenceMulti

    from_property: str
    from_uuid: UUID
    to_uuid: UUID | Sequence[UUID]


#: What ``reference_add_many`` accepts in its list.
DataReferences: TypeAlias = DataReference | DataReferenceMulti
