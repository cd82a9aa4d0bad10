"""Properties and references of a collection: the builders users pass to ``collections.create``.

:class:`Property` describes a data property (its name, data type, indexes, tokenization, text
analysis and how vectorizers treat it); :class:`ReferenceProperty` describes a cross-reference to
one or several collections. Both validate their arguments when they are built and serialize to the
server's property JSON with ``to_json``.

The small validation helpers at the bottom of this module are shared by the other configuration
builders, so that every builder reports invalid input the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any, TypeVar

import attrs

from weaviate_async.exceptions import WeaviateInvalidInputError

__all__ = [
    "DataType",
    "Property",
    "ReferenceProperty",
    "StopwordsPreset",
    "TextAnalyzerConfigCreate",
    "Tokenization",
]


class DataType(str, Enum):
    """The data types of a property, spelled as the server spells them.

    Attributes:
        TEXT: text. TEXT_ARRAY: list of texts.
        INT: integer. INT_ARRAY: list of integers.
        NUMBER: float. NUMBER_ARRAY: list of floats.
        BOOL: boolean. BOOL_ARRAY: list of booleans.
        DATE: RFC 3339 date. DATE_ARRAY: list of dates.
        UUID: uuid. UUID_ARRAY: list of uuids.
        GEO_COORDINATES: latitude and longitude.
        PHONE_NUMBER: phone number.
        BLOB: base64-encoded binary data. BLOB_HASH: a hash of binary data.
        OBJECT: a nested object. OBJECT_ARRAY: a list of nested objects.
    """

    TEXT = "text"
    TEXT_ARRAY = "text[]"
    INT = "int"
    INT_ARRAY = "int[]"
    BOOL = "boolean"
    BOOL_ARRAY = "boolean[]"
    NUMBER = "number"
    NUMBER_ARRAY = "number[]"
    DATE = "date"
    DATE_ARRAY = "date[]"
    UUID = "uuid"
    UUID_ARRAY = "uuid[]"
    GEO_COORDINATES = "geoCoordinates"
    BLOB = "blob"
    BLOB_HASH = "blobHash"
    PHONE_NUMBER = "phoneNumber"
    OBJECT = "object"
    OBJECT_ARRAY = "object[]"


class Tokenization(str, Enum):
    """How the inverted index splits text of ``text`` and ``text[]`` properties into tokens.

    Attributes:
        WORD: alphanumeric words, lowercased (the server's default).
        WHITESPACE: split on whitespace, case kept.
        LOWERCASE: split on whitespace, lowercased.
        FIELD: the whole value as one token, trimmed.
        TRIGRAM: rolling three-character sequences.
        GSE: the ``gse`` tokenizer (Chinese and Japanese; server flag needed).
        KAGOME_JA: the Kagome tokenizer with a Japanese dictionary (server flag needed).
        KAGOME_KR: the Kagome tokenizer with a Korean dictionary (server flag needed).
        GSE_CH: the ``gse`` tokenizer for Chinese (server flag needed).
    """

    WORD = "word"
    WHITESPACE = "whitespace"
    LOWERCASE = "lowercase"
    FIELD = "field"
    GSE = "gse"
    TRIGRAM = "trigram"
    KAGOME_JA = "kagome_ja"
    KAGOME_KR = "kagome_kr"
    GSE_CH = "gse_ch"


class StopwordsPreset(str, Enum):
    """Built-in stopword lists.

    Attributes:
        EN: English stopwords (the server's default).
        NONE: no stopwords.
    """

    NONE = "none"
    EN = "en"


# --------------------------------------------------------------------------------------------
# Validation helpers shared by the configuration builders
# --------------------------------------------------------------------------------------------

_E = TypeVar("_E", bound=Enum)


def _invalid(field: str, reason: str, value: Any = ...) -> WeaviateInvalidInputError:
    """Build the error raised for an invalid argument; the message names the field."""
    got = "" if value is ... else f" (got {value!r})"
    return WeaviateInvalidInputError(f"Invalid argument {field!r}: {reason}{got}", field=field)


def _check_bool(value: Any, field: str) -> None:
    """Raise unless ``value`` is None or a bool."""
    if value is not None and not isinstance(value, bool):
        raise _invalid(field, "must be a bool", value)


def _check_int(
    value: Any, field: str, *, minimum: int | None = None, maximum: int | None = None
) -> None:
    """Raise unless ``value`` is None or an int (not a bool) within the bounds."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise _invalid(field, "must be an int", value)
    if minimum is not None and value < minimum:
        raise _invalid(field, f"must be >= {minimum}", value)
    if maximum is not None and value > maximum:
        raise _invalid(field, f"must be <= {maximum}", value)


def _check_float(
    value: Any, field: str, *, minimum: float | None = None, maximum: float | None = None
) -> None:
    """Raise unless ``value`` is None or a finite real number within the bounds."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _invalid(field, "must be a number", value)
    if value != value or value in (float("inf"), float("-inf")):
        raise _invalid(field, "must be finite", value)
    if minimum is not None and value < minimum:
        raise _invalid(field, f"must be >= {minimum}", value)
    if maximum is not None and value > maximum:
        raise _invalid(field, f"must be <= {maximum}", value)


def _check_str(value: Any, field: str, *, allow_empty: bool = True) -> None:
    """Raise unless ``value`` is None or a str (non-empty unless ``allow_empty``)."""
    if value is None:
        return
    if not isinstance(value, str):
        raise _invalid(field, "must be a str", value)
    if not allow_empty and not value.strip():
        raise _invalid(field, "must not be empty", value)


def _check_str_list(value: Any, field: str) -> None:
    """Raise unless ``value`` is None or a list/tuple of str."""
    if value is None:
        return
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise _invalid(field, "must be a list of str", value)
    for item in value:
        if not isinstance(item, str):
            raise _invalid(field, "must be a list of str", value)


def _to_enum(enum: type[_E], value: Any, field: str) -> _E:
    """Convert ``value`` (a member or its value) to a member of ``enum``, or raise."""
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in enum)
        raise _invalid(field, f"must be one of {allowed}", value) from None


def _to_opt_enum(enum: type[_E], value: Any, field: str) -> _E | None:
    """Like :func:`_to_enum`, letting None through."""
    return None if value is None else _to_enum(enum, value, field)


def _enum_value(value: Enum | str) -> str:
    """The wire string of an enum member or a plain string."""
    return str(value.value) if isinstance(value, Enum) else value


def _check_instance(value: Any, types: type | tuple[type, ...], field: str, what: str) -> None:
    """Raise unless ``value`` is None or an instance of ``types``."""
    if value is not None and not isinstance(value, types):
        raise _invalid(field, f"must be {what}", value)


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

_PROPERTY_NAME_RE = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,230}")
_NESTED_PROPERTY_NAME_RE = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")
_COLLECTION_NAME_RE = re.compile(r"[A-Z][_0-9A-Za-z]{0,254}")
#: Names the server refuses for top-level properties; ``vector`` is refused by the official
#: client as well, because it clashes with the object's vector in results.
RESERVED_PROPERTY_NAMES = frozenset({"_additional", "_id", "id", "vector"})
#: Suffixes the server keeps for its internal index buckets.
RESERVED_PROPERTY_NAME_SUFFIXES = (
    "_searchable",
    "_rangeable",
    "_temp",
    "__meta_count",
    "_propertyLength",
    "_nullState",
)


def _capitalize_first_letter(name: str) -> str:
    """Uppercase the first letter of a collection name, as the server and official client do."""
    return name[:1].upper() + name[1:]


def _validate_collection_name(name: Any, field: str = "name") -> str:
    """Check a collection name and return it with its first letter uppercased."""
    if not isinstance(name, str):
        raise _invalid(field, "a collection name must be a str", name)
    fixed = _capitalize_first_letter(name)
    if not _COLLECTION_NAME_RE.fullmatch(fixed):
        raise _invalid(
            field,
            "a collection name must match /^[A-Z][_0-9A-Za-z]{0,254}$/ "
            "(a letter first, then up to 254 letters, digits or underscores)",
            name,
        )
    return fixed


def _validate_top_level_property_name(name: str, field: str = "name") -> None:
    """Checks that apply to a property placed directly on a collection (not nested)."""
    if not _PROPERTY_NAME_RE.fullmatch(name):
        raise _invalid(
            field,
            "a property name must match /[_A-Za-z][_0-9A-Za-z]{0,230}/",
            name,
        )
    if name in RESERVED_PROPERTY_NAMES:
        raise _invalid(field, f"{name!r} is a reserved property name", name)
    for suffix in RESERVED_PROPERTY_NAME_SUFFIXES:
        if name.endswith(suffix):
            raise _invalid(
                field, f"the suffix {suffix!r} is reserved for the server's internal indexes", name
            )


# --------------------------------------------------------------------------------------------
# Text analyzer
# --------------------------------------------------------------------------------------------


def _check_fold_ignore(inst: TextAnalyzerConfigCreate, _a: Any, value: Any) -> None:
    _check_str_list(value, "ascii_fold_ignore")
    if value is None:
        return
    for ch in value:
        if len(ch) != 1:
            raise _invalid("ascii_fold_ignore", "each entry must be a single character", ch)


@attrs.frozen(kw_only=True)
class TextAnalyzerConfigCreate:
    """Per-property text analysis (``textAnalyzer``) for ``text`` and ``text[]`` properties.

    Build it with ``Configure.text_analyzer(...)``. Immutable once the property exists.

    Attributes:
        ascii_fold: fold accents to their base letters when indexing and searching.
        ascii_fold_ignore: characters that are not folded; needs ``ascii_fold=True``.
        stopword_preset: a built-in preset (``en``, ``none``) or a preset name defined with
            ``Configure.inverted_index(stopword_presets=...)``; needs word tokenization.
    """

    ascii_fold: bool | None = attrs.field(default=None)
    ascii_fold_ignore: list[str] | None = attrs.field(default=None, validator=_check_fold_ignore)
    stopword_preset: StopwordsPreset | str | None = attrs.field(default=None)

    @ascii_fold.validator
    def _v_fold(self, _a: Any, value: Any) -> None:
        _check_bool(value, "ascii_fold")

    @stopword_preset.validator
    def _v_preset(self, _a: Any, value: Any) -> None:
        if not isinstance(value, StopwordsPreset):
            _check_str(value, "stopword_preset", allow_empty=False)

    def __attrs_post_init__(self) -> None:
        if self.ascii_fold_ignore is not None and self.ascii_fold is not True:
            raise _invalid(
                "ascii_fold_ignore", "can only be set when ascii_fold=True", self.ascii_fold_ignore
            )

    def to_json(self) -> dict[str, Any]:
        """The ``textAnalyzer`` object of the property JSON."""
        out: dict[str, Any] = {}
        if self.ascii_fold is not None:
            out["asciiFold"] = self.ascii_fold
        if self.ascii_fold_ignore is not None:
            out["asciiFoldIgnore"] = list(self.ascii_fold_ignore)
        if self.stopword_preset is not None:
            out["stopwordPreset"] = _enum_value(self.stopword_preset)
        return out


# --------------------------------------------------------------------------------------------
# Property
# --------------------------------------------------------------------------------------------

_TEXT_TYPES = frozenset({DataType.TEXT, DataType.TEXT_ARRAY})
_RANGE_TYPES = frozenset({DataType.INT, DataType.NUMBER, DataType.DATE})
_OBJECT_TYPES = frozenset({DataType.OBJECT, DataType.OBJECT_ARRAY})
_BLOB_TYPES = frozenset({DataType.BLOB, DataType.BLOB_HASH})
#: Tokenizations the server allows on nested properties.
_NESTED_TOKENIZATIONS = frozenset(
    {Tokenization.WORD, Tokenization.WHITESPACE, Tokenization.LOWERCASE, Tokenization.FIELD}
)


def _conv_data_type(value: Any) -> DataType:
    return _to_enum(DataType, value, "data_type")


def _conv_tokenization(value: Any) -> Tokenization | None:
    return _to_opt_enum(Tokenization, value, "tokenization")


def _conv_nested(value: Any) -> list[Property] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, Property) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(p, Property) for p in items):
        raise _invalid("nested_properties", "must be a Property or a list of Property", value)
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

    name: str = attrs.field()
    data_type: DataType = attrs.field(converter=_conv_data_type)
    description: str | None = attrs.field(default=None)
    index_filterable: bool | None = attrs.field(default=None)
    index_searchable: bool | None = attrs.field(default=None)
    index_range_filters: bool | None = attrs.field(default=None)
    nested_properties: list[Property] | None = attrs.field(default=None, converter=_conv_nested)
    skip_vectorization: bool = attrs.field(default=False)
    text_analyzer: TextAnalyzerConfigCreate | None = attrs.field(default=None)
    tokenization: Tokenization | None = attrs.field(default=None, converter=_conv_tokenization)
    vectorize_property_name: bool = attrs.field(default=True)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not _NESTED_PROPERTY_NAME_RE.fullmatch(self.name):
            raise _invalid("name", "a property name must match /[_A-Za-z][_0-9A-Za-z]*/", self.name)
        _check_str(self.description, "description")
        for fname in ("index_filterable", "index_searchable", "index_range_filters"):
            _check_bool(getattr(self, fname), fname)
        for fname in ("skip_vectorization", "vectorize_property_name"):
            if not isinstance(getattr(self, fname), bool):
                raise _invalid(fname, "must be a bool", getattr(self, fname))
        _check_instance(
            self.text_analyzer,
            TextAnalyzerConfigCreate,
            "text_analyzer",
            "built with Configure.text_analyzer()",
        )
        dt = self.data_type
        if dt in _OBJECT_TYPES:
            if not self.nested_properties:
                raise _invalid(
                    "nested_properties",
                    f"at least one nested property is required for data type {dt.value!r}",
                    self.nested_properties,
                )
        elif self.nested_properties is not None:
            raise _invalid(
                "nested_properties",
                f"only allowed for data types 'object' and 'object[]', not {dt.value!r}",
                self.nested_properties,
            )
        if self.tokenization is not None and dt not in _TEXT_TYPES:
            raise _invalid(
                "tokenization",
                f"only allowed for data types 'text' and 'text[]', not {dt.value!r}",
                self.tokenization.value,
            )
        if self.index_searchable and dt not in _TEXT_TYPES:
            raise _invalid(
                "index_searchable",
                f"only allowed for data types 'text' and 'text[]', not {dt.value!r}",
                True,
            )
        if self.index_range_filters and dt not in _RANGE_TYPES:
            raise _invalid(
                "index_range_filters",
                f"only allowed for data types 'int', 'number' and 'date', not {dt.value!r}",
                True,
            )
        if self.index_filterable and dt in _BLOB_TYPES:
            raise _invalid("index_filterable", f"not allowed for data type {dt.value!r}", True)
        if self.text_analyzer is not None:
            if dt not in _TEXT_TYPES:
                raise _invalid(
                    "text_analyzer",
                    f"only allowed for data types 'text' and 'text[]', not {dt.value!r}",
                )
            if self.text_analyzer.stopword_preset is not None and self.tokenization not in (
                None,
                Tokenization.WORD,
            ):
                raise _invalid(
                    "text_analyzer",
                    "a stopword_preset needs word tokenization",
                    self.tokenization.value if self.tokenization else None,
                )
        seen: set[str] = set()
        for nested in self.nested_properties or ():
            if nested.name in seen:
                raise _invalid(
                    "nested_properties", f"the name {nested.name!r} is used twice", nested.name
                )
            seen.add(nested.name)
            if nested.tokenization is not None and nested.tokenization not in _NESTED_TOKENIZATIONS:
                raise _invalid(
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
        out: dict[str, Any] = {"name": self.name, "dataType": [self.data_type.value]}
        if self.description is not None:
            out["description"] = self.description
        if self.index_filterable is not None:
            out["indexFilterable"] = self.index_filterable
        if self.index_searchable is not None:
            out["indexSearchable"] = self.index_searchable
        if self.index_range_filters is not None:
            out["indexRangeFilters"] = self.index_range_filters
        if self.tokenization is not None:
            out["tokenization"] = self.tokenization.value
        if self.text_analyzer is not None:
            out["textAnalyzer"] = self.text_analyzer.to_json()
        if self.nested_properties is not None:
            out["nestedProperties"] = [p.to_json(nested=True) for p in self.nested_properties]
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
        return _validate_collection_name(value, "target_collection")
    if isinstance(value, (list, tuple)) and value:
        return [_validate_collection_name(v, "target_collection") for v in value]
    raise _invalid(
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
    description: str | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise _invalid("name", "must be a str", self.name)
        _validate_top_level_property_name(self.name)
        _check_str(self.description, "description")

    @property
    def target_collections(self) -> list[str]:
        """The target collections as a list."""
        t = self.target_collection
        return [t] if isinstance(t, str) else list(t)

    @staticmethod
    def MultiTarget(
        name: str, target_collections: Sequence[str], description: str | None = None
    ) -> ReferenceProperty:
        """A reference to several collections (the official ``ReferenceProperty.MultiTarget``)."""
        if isinstance(target_collections, str):
            raise _invalid("target_collections", "must be a list of names", target_collections)
        return ReferenceProperty(
            name=name, target_collection=list(target_collections), description=description
        )

    def to_json(self) -> dict[str, Any]:
        """The server's property JSON (``dataType`` lists the target collections)."""
        out: dict[str, Any] = {"name": self.name, "dataType": self.target_collections}
        if self.description is not None:
            out["description"] = self.description
        return out
