"""Property values between files and the collection: what a file holds (Arrow's Python values,
JSON, CSV text) made into what the collection's data types take, and back for export.

Pure functions; the data types come from the collection's configuration.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid as uuid_lib
from collections.abc import Callable, Mapping
from typing import Any

import orjson

from weaviate_async.classes.data import GeoCoordinate, PhoneNumber

__all__ = ["export_value", "importer_for", "schema_types"]

Convert = Callable[[Any], Any]

_UTC = dt.timezone.utc


def schema_types(properties: Any) -> dict[str, Any]:
    """Property name -> (data type text, nested schema) from a collection's properties."""
    out: dict[str, Any] = {}
    for prop in properties or ():
        kind = getattr(prop.data_type, "value", prop.data_type)
        nested = getattr(prop, "nested_properties", None)
        out[prop.name] = (kind, schema_types(nested) if nested else None)
    return out


def _text_json(value: Any) -> Any:
    # CSV cells hold arrays, objects, points and numbers as JSON text
    if isinstance(value, str):
        return orjson.loads(value)
    return value


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=_UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=_UTC)
    if isinstance(value, str) and len(value) > 10 and value[10] == " ":
        # Arrow's CSV writer (and SQL dumps) put a space between date and time: RFC 3339 has T
        return f"{value[:10]}T{value[11:]}"
    return value


def _uuid(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray)) and len(value) == 16:
        return str(uuid_lib.UUID(bytes=bytes(value)))
    return value


def _geo(value: Any) -> Any:
    value = _text_json(value)
    if isinstance(value, Mapping):
        return GeoCoordinate(latitude=value["latitude"], longitude=value["longitude"])
    return value


def _phone(value: Any) -> Any:
    value = _text_json(value) if isinstance(value, str) and value.startswith("{") else value
    if isinstance(value, str):
        return PhoneNumber(number=value)
    if isinstance(value, Mapping):
        number = value.get("input", value.get("number"))
        country = value.get("defaultCountry", value.get("default_country"))
        return PhoneNumber(number=number, default_country=country)
    return value


def _blob(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _each(convert: Convert) -> Convert:
    def many(value: Any) -> Any:
        value = _text_json(value)
        if isinstance(value, list):
            return [convert(item) for item in value]
        return value

    return many


def _nested(schema: Mapping[str, Any] | None) -> Convert:
    convert = {name: importer_for(kind, sub) for name, (kind, sub) in (schema or {}).items()}

    def nested(value: Any) -> Any:
        value = _text_json(value)
        if not isinstance(value, Mapping):
            return value
        # Arrow structs hold every field; a missing nested property is a null there
        return {
            key: convert[key](item) if key in convert else item
            for key, item in value.items()
            if item is not None
        }

    return nested


def _same(value: Any) -> Any:
    return value


def _number(value: Any) -> Any:
    return _text_json(value) if isinstance(value, str) else value


def importer_for(kind: str, nested: Mapping[str, Any] | None = None) -> Convert:
    """The conversion of a file's value into a value of the data type ``kind``."""
    if kind == "object":
        return _nested(nested)
    if kind == "object[]":
        return _each(_nested(nested))
    single = {
        "date": _date,
        "uuid": _uuid,
        "geoCoordinates": _geo,
        "phoneNumber": _phone,
        "blob": _blob,
        "int": _number,
        "number": _number,
        "boolean": _number,
    }
    if kind.endswith("[]"):
        return _each(single.get(kind[:-2], _same))
    return single.get(kind, _same)


def export_value(value: Any) -> Any:
    """A property value as read from the server, made into a plain value a file can hold
    (uuids as text, points and phone numbers as small dicts, nested values alike)."""
    if value is None or isinstance(value, (str, int, float, bool, dt.datetime)):
        return value
    if isinstance(value, uuid_lib.UUID):
        return str(value)
    if isinstance(value, GeoCoordinate):
        return {"latitude": value.latitude, "longitude": value.longitude}
    if isinstance(value, PhoneNumber):
        return {"input": value.number, "defaultCountry": value.default_country}
    if isinstance(value, Mapping):
        return {key: export_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [export_value(item) for item in value]
    return value
