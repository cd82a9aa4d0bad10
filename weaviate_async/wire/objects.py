"""REST bodies of single-object writes (insert, replace, update). Pure functions.

The server takes an object's tenant in the body of these calls (``POST /objects``, ``PUT`` and
``PATCH /objects/{class}/{id}``) and refuses a tenant given only as a query parameter; the
consistency level is a query parameter (``CollectionScope.consistency_params``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from weaviate_async._validate import invalid
from weaviate_async.models.scope import CollectionScope
from weaviate_async.wire.unencodable import nesting_error
from weaviate_async.wire.values import references_json, rest_vector_fields, to_json_properties

__all__ = ["object_body"]


def _properties(properties: Any, required: bool) -> dict[str, Any]:
    if properties is None and not required:
        return {}
    if not isinstance(properties, Mapping):
        raise invalid("properties", "must be a mapping of property names to values", properties)
    try:
        return to_json_properties(properties)
    except RecursionError:
        # deeper than Python's stack: the official client's JSON encoder fails there too
        raise nesting_error(properties, "properties", "JSON") from None


def object_body(
    scope: CollectionScope,
    *,
    properties: Any,
    references: Any = None,
    vector: Any = None,
    uuid: str | None = None,
    properties_required: bool = True,
) -> dict[str, Any]:
    """The JSON body of one object: class, id, properties with references as beacons,
    vector(s) and the scope's tenant.

    Args:
        scope: the collection and tenant written to.
        properties: property values by name (None only when not ``properties_required``).
        references: reference property name -> UUID, list of UUIDs or ReferenceToMulti.
        vector: one vector, or named vectors ``{name: vector or multi-vector}``.
        uuid: the object's id (canonical text), or None to leave it out (PATCH).
        properties_required: whether ``properties`` must be given (insert, replace).

    Raises:
        WeaviateInvalidInputError: an argument is invalid; the field names it.
    """
    props = _properties(properties, properties_required)
    if references is not None:
        refs = references_json(references)
        for name in refs:
            if name in props:
                raise invalid(f"references.{name}", "is given in properties as well")
        props.update(refs)
    body: dict[str, Any] = {"class": scope.name, "properties": props}
    if uuid is not None:
        body["id"] = uuid
    if vector is not None:
        body.update(rest_vector_fields(vector))
    if scope.tenant is not None:
        body["tenant"] = scope.tenant
    return body
