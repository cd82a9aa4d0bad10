"""A filter given as JSON, in the shape of Weaviate's REST ``where`` filter, made into a
:class:`~weaviate_async.classes.query.Filter`.

``{"path": ["year"], "operator": "GreaterThan", "valueInt": 2000}``, and ``And`` / ``Or`` /
``Not`` with ``operands``. ``path`` may be a plain name; ``id`` (or ``_id``) filters by uuid,
``_creationTimeUnix`` / ``_lastUpdateTimeUnix`` by time; a longer path goes through references
(``["author", "Author", "name"]``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from weaviate_async.classes.query import Filter
from weaviate_async.exceptions import WeaviateInvalidInputError

__all__ = ["parse_where"]

_VALUE_KEYS = (
    "valueText",
    "valueString",
    "valueInt",
    "valueNumber",
    "valueBoolean",
    "valueDate",
    "valueTextArray",
    "valueStringArray",
    "valueIntArray",
    "valueNumberArray",
    "valueBooleanArray",
    "valueDateArray",
    "valueGeoRange",
)

#: the REST operator -> the method of a filter target
_METHODS = {
    "Equal": "equal",
    "NotEqual": "not_equal",
    "LessThan": "less_than",
    "LessThanEqual": "less_or_equal",
    "GreaterThan": "greater_than",
    "GreaterThanEqual": "greater_or_equal",
    "Like": "like",
    "ContainsAny": "contains_any",
    "ContainsAll": "contains_all",
    "ContainsNone": "contains_none",
    "IsNull": "is_none",
    "WithinGeoRange": "within_geo_range",
}


def parse_where(data: Any, field: str = "filter") -> Any:
    """The filter of a REST ``where`` object (parsed JSON)."""
    if not isinstance(data, Mapping):
        raise WeaviateInvalidInputError(f"{field}: expected a JSON object, got {data!r}")
    operator = data.get("operator")
    if operator in ("And", "Or", "Not"):
        operands = data.get("operands")
        if not isinstance(operands, list) or not operands:
            raise WeaviateInvalidInputError(f"{field}: {operator} needs a list of operands")
        parts = [parse_where(o, f"{field}.operands[{i}]") for i, o in enumerate(operands)]
        if operator == "Not":
            if len(parts) != 1:
                raise WeaviateInvalidInputError(f"{field}: Not takes one operand")
            return Filter.not_(parts[0])
        return Filter.all_of(parts) if operator == "And" else Filter.any_of(parts)
    method = _METHODS.get(str(operator))
    if method is None:
        raise WeaviateInvalidInputError(
            f"{field}.operator: expected And, Or, Not or one of {sorted(_METHODS)}, got {operator!r}"
        )
    values = [key for key in _VALUE_KEYS if key in data]
    if len(values) != 1:
        raise WeaviateInvalidInputError(
            f"{field}: expected exactly one value key ({', '.join(_VALUE_KEYS)}), got {values}"
        )
    value = data[values[0]]
    if values[0] == "valueGeoRange":
        value = _geo_range(value, field)
    call = getattr(_target(data.get("path"), field), method, None)
    if call is None:
        raise WeaviateInvalidInputError(
            f"{field}: {operator} does not apply to {data.get('path')!r}"
        )
    return call(**value) if method == "within_geo_range" else call(value)


def _geo_range(value: Any, field: str) -> dict[str, Any]:
    from weaviate_async.classes.data import GeoCoordinate

    try:
        point = value["geoCoordinates"]
        return {
            "coordinate": GeoCoordinate(latitude=point["latitude"], longitude=point["longitude"]),
            "distance": float(value["distance"]["max"]),
        }
    except (KeyError, TypeError) as exc:
        raise WeaviateInvalidInputError(
            f"{field}.valueGeoRange: expected geoCoordinates and distance.max ({exc})"
        ) from exc


def _target(path: Any, field: str) -> Any:
    if isinstance(path, str):
        path = [path]
    if not isinstance(path, list) or not path or not all(isinstance(p, str) for p in path):
        raise WeaviateInvalidInputError(f"{field}.path: expected a name or a list of names")
    if len(path) == 1:
        name = path[0]
        if name in ("id", "_id"):
            return Filter.by_id()
        if name == "_creationTimeUnix":
            return Filter.by_creation_time()
        if name == "_lastUpdateTimeUnix":
            return Filter.by_update_time()
        return Filter.by_property(name)
    if len(path) % 2 == 0:
        raise WeaviateInvalidInputError(
            f"{field}.path: a reference path is reference, collection, ..., property"
        )
    target: Any = Filter.by_ref(path[0])
    rest = path[2:]
    while len(rest) > 1:
        target = target.by_ref(rest[0])
        rest = rest[2:]
    return target.by_property(rest[0])
