"""Properties and references of a collection: the builders users pass to ``collections.create``.

:class:`Property` describes a data property (its name, data type, indexes, tokenization, text
analysis and how vectorizers treat it); :class:`ReferenceProperty` describes a cross-reference to
one or several collections. Both validate their arguments when they are built and serialize to the
server's property JSON with ``to_json``.

Arguments are checked with the package's validation kit (:mod:`weaviate_async._validate`), so
every builder reports invalid input the same way. The enums and the stopword and text analyzer
builders are generated from a table (``_config_enums``, ``_property_parts``) and exported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Literal

import attrs

from weaviate_async._validate import (
    check_bool,
    check_collection_name,
    check_instance,
    check_property_name,
    check_str,
    invalid,
    to_enum,
    to_opt_enum,
)
from weaviate_async.classes._config_enums import DataType, StopwordsPreset, Tokenization
from weaviate_async.classes._json_keys import key_metadata, keyed, keyed_json
from weaviate_async.classes._property_parts import StopwordsCreate, TextAnalyzerConfigCreate

__all__ = [
    "DataType",
    "IndexName",
    "Property",
    "PropertyType",
    "ReferenceProperty",
    "StopwordsCreate",
    "StopwordsPreset",
    "TextAnalyzerConfigCreate",
    "Tokenization",
]


IndexName = Literal["searchable", "filterable", "rangeFilters"]
"""A property index that ``collection.config.delete_property_index`` can drop."""

_NESTED_PROPERTY_NAME_RE = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")


# --------------------------------------------------------------------------------------------
# Property
# --------------------------------------------------------------------------------------------

_TEXT_TYPES = frozenset({DataType.TEXT, DataType.TEXT_ARRAY})
_RANGE_TYPES = frozenset({DataType.INT, DataType.NUMBER, DataType.DATE})
_OBJECT_TYPES = frozenset({DataType.OBJECT, DataType.OBJECT_ARRAY})
_BLOB_TYPES = frozenset({DataType.BLOB, DataType.BLOB_HASH})
_TEXT = "'text' and 'text[]'"
#: the arguments only some data types allow: (argument, those types, how errors name them)
_TYPE_LIMITS = (
    ("tokenization", _TEXT_TYPES, _TEXT),
    ("index_searchable", _TEXT_TYPES, _TEXT),
    ("index_range_filters", _RANGE_TYPES, "'int', 'number' and 'date'"),
)
#: Tokenizations the server allows on nested properties.
_NESTED_TOKENIZATIONS = frozenset(
    {Tokenization.WORD, Tokenization.WHITESPACE, Tokenization.LOWERCASE, Tokenization.FIELD}
)


def _conv_data_type(value: Any) -> DataType:
    return to_enum(DataType, value, "data_type")


def _conv_tokenization(value: Any) -> Tokenization | None:
    return to_opt_enum(Tokenization, value, "tokenization")


def _conv_nested(value: Any) -> list[Property] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, Property) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(p, Property) for p in items):
        raise invalid("nested_properties", "must be a Property or a list of Property", value)
    return list(items)


@attrs.frozen(kw_only=True)
class Property:
    """A data property of a collection.

    Attributes:
        name: the property name, required; ``/[_A-Za-z][_0-9A-Za-z]{0,230}/``.
        data_type: the data type, required (a :class:`DataType` or its server spelling).
        description: a description of the property.
        index_filterable: build the filterable (roaring bitmap) index. Server default: True.
        index_searchable: build the searchable (BM25) index; text types only. Server default:
            True for text types.
        index_range_filters: build the range index; ``int``, ``number`` and ``date`` only.
        nested_properties: the properties of an ``object`` / ``object[]`` property (required for
            those types, refused for others).
        skip_vectorization: leave this property out of the vectorizers' input. Default False.
        text_analyzer: text analysis options (``Configure.text_analyzer``); text types only.
        tokenization: the tokenization of a text property; text types only.
        vectorize_property_name: let vectorizers include the property name. Default True.
    """

    # name and dataType open the property's JSON (to_json); the rest follow their keys, with
    # tokenization, textAnalyzer and nestedProperties last, in that order
    name: str = attrs.field()
    data_type: DataType = attrs.field(converter=_conv_data_type)
    description: str | None = keyed("description")
    index_filterable: bool | None = keyed("indexFilterable")
    index_searchable: bool | None = keyed("indexSearchable")
    index_range_filters: bool | None = keyed("indexRangeFilters")
    nested_properties: list[Property] | None = attrs.field(
        default=None, converter=_conv_nested, metadata=key_metadata("nestedProperties", order=3)
    )
    skip_vectorization: bool = attrs.field(default=False)
    text_analyzer: TextAnalyzerConfigCreate | None = keyed("textAnalyzer", order=2)
    tokenization: Tokenization | None = attrs.field(
        default=None, converter=_conv_tokenization, metadata=key_metadata("tokenization", order=1)
    )
    vectorize_property_name: bool = attrs.field(default=True)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not _NESTED_PROPERTY_NAME_RE.fullmatch(self.name):
            raise invalid("name", "a property name must match /[_A-Za-z][_0-9A-Za-z]*/", self.name)
        check_str(self.description, "description")
        for fname in ("index_filterable", "index_searchable", "index_range_filters"):
            check_bool(getattr(self, fname), fname)
        for fname in ("skip_vectorization", "vectorize_property_name"):
            if not isinstance(getattr(self, fname), bool):
                raise invalid(fname, "must be a bool", getattr(self, fname))
        check_instance(
            self.text_analyzer,
            TextAnalyzerConfigCreate,
            "text_analyzer",
            "built with Configure.text_analyzer()",
        )
        dt = self.data_type
        if dt in _OBJECT_TYPES:
            if not self.nested_properties:
                raise invalid(
                    "nested_properties",
                    f"at least one nested property is required for data type {dt.value!r}",
                    self.nested_properties,
                )
        elif self.nested_properties is not None:
            raise invalid(
                "nested_properties",
                f"only allowed for data types 'object' and 'object[]', not {dt.value!r}",
                self.nested_properties,
            )
        for fname, allowed, named in _TYPE_LIMITS:
            value = getattr(self, fname)
            if value is not None and value is not False and dt not in allowed:
                raise invalid(
                    fname,
                    f"only allowed for data types {named}, not {dt.value!r}",
                    getattr(value, "value", value),
                )
        if self.index_filterable and dt in _BLOB_TYPES:
            raise invalid("index_filterable", f"not allowed for data type {dt.value!r}", True)
        if self.text_analyzer is not None:
            if dt not in _TEXT_TYPES:
                raise invalid(
                    "text_analyzer", f"only allowed for data types {_TEXT}, not {dt.value!r}"
                )
            if self.text_analyzer.stopword_preset is not None and self.tokenization not in (
                None,
                Tokenization.WORD,
            ):
                raise invalid(
                    "text_analyzer",
                    "a stopword_preset needs word tokenization",
                    self.tokenization.value if self.tokenization else None,
                )
        seen: set[str] = set()
        for nested in self.nested_properties or ():
            if nested.name in seen:
                raise invalid(
                    "nested_properties", f"the name {nested.name!r} is used twice", nested.name
                )
            seen.add(nested.name)
            if nested.tokenization is not None and nested.tokenization not in _NESTED_TOKENIZATIONS:
                raise invalid(
                    "nested_properties",
                    f"nested property {nested.name!r}: tokenization "
                    f"{nested.tokenization.value!r} is not allowed on nested properties",
                )

    def to_json(self, vectorizers: Iterable[str] = (), *, nested: bool = False) -> dict[str, Any]:
        """The server's property JSON.

        Args:
            vectorizers: the vectorizer modules of the collection (legacy vectorizer and every
                named vector's module). ``skip_vectorization`` and ``vectorize_property_name``
                are written under ``moduleConfig[module]`` for each of them, since each
                vectorizer reads its own entry; ``none`` is left out.
            nested: serialize as a nested property (no moduleConfig).
        """
        # a nested property's to_json() has no vectorizers, so no moduleConfig
        out = keyed_json(self, {"name": self.name, "dataType": [self.data_type.value]})
        if not nested:
            modules = [m for m in dict.fromkeys(vectorizers) if m and m != "none"]
            if modules:
                out["moduleConfig"] = {
                    m: {
                        "skip": self.skip_vectorization,
                        "vectorizePropertyName": self.vectorize_property_name,
                    }
                    for m in modules
                }
        return out


# --------------------------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------------------------


def _conv_targets(value: Any) -> str | list[str]:
    if isinstance(value, str):
        return check_collection_name(value, "target_collection")
    if isinstance(value, (list, tuple)) and value:
        return [check_collection_name(v, "target_collection") for v in value]
    raise invalid(
        "target_collection", "must be a collection name or a non-empty list of names", value
    )


@attrs.frozen(kw_only=True)
class ReferenceProperty:
    """A cross-reference property pointing to one collection, or to several.

    Attributes:
        name: the property name, required.
        target_collection: the target collection's name, or a list of names for a
            multi-target reference. First letters are uppercased like the server does.
        description: a description of the property.
    """

    name: str = attrs.field()
    target_collection: str | list[str] = attrs.field(converter=_conv_targets)
    description: str | None = keyed("description")

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise invalid("name", "must be a str", self.name)
        check_property_name(self.name)
        check_str(self.description, "description")

    @property
    def target_collections(self) -> list[str]:
        """The target collections as a list."""
        t = self.target_collection
        return [t] if isinstance(t, str) else list(t)

    def to_json(self) -> dict[str, Any]:
        """The server's property JSON (``dataType`` lists the target collections)."""
        return keyed_json(self, {"name": self.name, "dataType": self.target_collections})

    #: A reference to several collections: ``ReferenceProperty.MultiTarget(name=...,
    #: target_collections=[...])`` (set below, once the class exists).
    MultiTarget: ClassVar[type[_ReferencePropertyMultiTarget]]


@attrs.frozen(kw_only=True, init=False)
class _ReferencePropertyMultiTarget(ReferenceProperty):
    """A reference property to several collections, built as in the official client:
    ``ReferenceProperty.MultiTarget(name="refs", target_collections=["A", "B"])``.

    It is a :class:`ReferenceProperty` whose ``target_collection`` is the list of names.
    """

    def __init__(
        self, *, name: str, target_collections: Sequence[str], description: str | None = None
    ) -> None:
        if isinstance(target_collections, str) or not isinstance(target_collections, (list, tuple)):
            raise invalid("target_collections", "must be a list of names", target_collections)
        self.__attrs_init__(
            name=name, target_collection=list(target_collections), description=description
        )


ReferenceProperty.MultiTarget = _ReferencePropertyMultiTarget

#: Any entry of ``collections.create(properties=..., references=...)``.
PropertyType = Property | ReferenceProperty | _ReferencePropertyMultiTarget
