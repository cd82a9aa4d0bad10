"""How the columns of a file map onto a collection's objects.

The default layout is what :func:`~weaviate_async.io.export_collection` writes and
:func:`~weaviate_async.io.import_file` reads, so an export imports back with no options: a
``uuid`` column holds each object's uuid, a ``vector`` column its default vector, a
``vector.NAME`` column its named vector ``NAME``, a ``ref.NAME`` column the uuids its
reference property ``NAME`` points to, and every other column the property of the same name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from weaviate_async.exceptions import WeaviateInvalidInputError

__all__ = ["Layout"]

#: Prefixes of the columns that are not properties, in the default layout.
VECTOR_PREFIX = "vector."
REFERENCE_PREFIX = "ref."


def _names(field: str, value: Sequence[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    names = tuple(value)
    if not all(isinstance(name, str) and name for name in names):
        raise WeaviateInvalidInputError(f"Layout.{field}: expected column names, got {value!r}")
    return names


def _uuid_from(value: Sequence[str] | str | None) -> tuple[str, ...]:
    return _names("uuid_from", value)


def _include(value: Sequence[str] | str | None) -> tuple[str, ...] | None:
    return None if value is None else _names("include", value)


def _exclude(value: Sequence[str] | str | None) -> tuple[str, ...]:
    return _names("exclude", value)


@attrs.frozen(kw_only=True)
class Layout:
    """Which column is what.

    Attributes:
        uuid_column: the column of the objects' uuids (ignored when absent from the file).
        uuid_from: columns whose values make a deterministic uuid5 instead, so that importing
            the same rows again replaces the objects rather than duplicating them.
        vector_column: the column of the default vector (ignored when absent).
        vector_columns: named vectors: vector name -> column (``vector.NAME`` columns are
            found without it).
        reference_columns: reference property -> column of uuids (``ref.NAME`` columns are
            found without it).
        properties: column -> property, for columns whose names differ from the property's.
        include: only these property columns (None: every column that is not one of the above).
        exclude: columns to leave out.
        tenant_column: the column naming each row's tenant.
    """

    uuid_column: str = "uuid"
    uuid_from: tuple[str, ...] = attrs.field(default=(), converter=_uuid_from)
    vector_column: str = "vector"
    vector_columns: Mapping[str, str] = attrs.field(factory=dict)
    reference_columns: Mapping[str, str] = attrs.field(factory=dict)
    properties: Mapping[str, str] = attrs.field(factory=dict)
    include: tuple[str, ...] | None = attrs.field(default=None, converter=_include)
    exclude: tuple[str, ...] = attrs.field(default=(), converter=_exclude)
    tenant_column: str | None = None

    def plan(self, columns: Sequence[str]) -> ColumnPlan:
        """Sort the columns of a file into uuid, vectors, references, tenant and properties."""
        present = set(columns)
        vectors: dict[str, str] = {}
        references: dict[str, str] = {}
        properties: dict[str, str] = {}
        special: set[str] = set(self.exclude)
        uuid_column = self.uuid_column if self.uuid_column in present else None
        if uuid_column:
            special.add(uuid_column)
        missing = [c for c in self.uuid_from if c not in present]
        if missing:
            raise WeaviateInvalidInputError(
                f"Layout.uuid_from: column(s) {missing} are not in the data (it has {sorted(present)})"
            )
        if self.vector_column in present:
            vectors[""] = self.vector_column
            special.add(self.vector_column)
        for name, column in self.vector_columns.items():
            _require(present, column, "vector_columns")
            vectors[name] = column
            special.add(column)
        for name, column in self.reference_columns.items():
            _require(present, column, "reference_columns")
            references[name] = column
            special.add(column)
        if self.tenant_column is not None:
            _require(present, self.tenant_column, "tenant_column")
            special.add(self.tenant_column)
        for column in columns:
            if column in special:
                continue
            if column.startswith(VECTOR_PREFIX) and column not in self.properties:
                vectors.setdefault(column[len(VECTOR_PREFIX) :], column)
            elif column.startswith(REFERENCE_PREFIX) and column not in self.properties:
                references.setdefault(column[len(REFERENCE_PREFIX) :], column)
            elif self.include is None or column in self.include:
                properties[column] = self.properties.get(column, column)
        return ColumnPlan(
            uuid=uuid_column,
            uuid_from=self.uuid_from,
            vectors=vectors,
            references=references,
            properties=properties,
            tenant=self.tenant_column,
        )


def _require(present: set[str], column: str, field: str) -> None:
    if column not in present:
        raise WeaviateInvalidInputError(
            f"Layout.{field}: column {column!r} is not in the data (it has {sorted(present)})"
        )


@attrs.frozen
class ColumnPlan:
    """The columns of one file sorted by role (see :meth:`Layout.plan`).

    Attributes:
        uuid: the uuid column, or None.
        uuid_from: columns of the deterministic uuid5.
        vectors: vector name ("" for the default vector) -> column.
        references: reference property -> column.
        properties: column -> property.
        tenant: the tenant column, or None.
    """

    uuid: str | None
    uuid_from: tuple[str, ...]
    vectors: Mapping[str, str]
    references: Mapping[str, str]
    properties: Mapping[str, str]
    tenant: str | None
