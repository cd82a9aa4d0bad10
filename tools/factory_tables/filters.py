"""``Filter`` and its builders, generated into ``weaviate_async/classes/filters.py`` by
``tools/gen_filters.py``.

Every target kind (a property or its length, the id, the creation / update time, a reference
count) offers a subset of the operators; an operator is written once here (its official
method name and the server's operator) and each kind gives its parameter, its value type and
one line of docs per operator. The checks and the filter tree are hand-written in
``weaviate_async/classes/_filter_core.py``. The targets a filter starts from are written once
too and appear twice: as static methods of ``Filter`` and as steps of a reference path
(``FilterByRef``).
"""

from __future__ import annotations

from factory_tables.surface import Cls, Method, Surface

DOC = """Filters: which objects a query, an aggregation or ``delete_many`` works on.

Build them from :class:`Filter` and combine them with ``&`` (and), ``|`` (or) and ``~`` (not),
or with :meth:`Filter.all_of`, :meth:`Filter.any_of` and :meth:`Filter.not_`. Every filter is an
immutable value checked when it is built: a value the server cannot compare (a ``like`` on a
number, an empty list for ``contains_any``, a list mixing kinds, NaN, ...) raises
:class:`WeaviateInvalidInputError` at once, naming the argument and the filtered property.

Examples:
    >>> from weaviate_async.classes.query import Filter
    >>> f = Filter.by_property("price").less_than(10) & Filter.by_property("tags").contains_any(
    ...     ["sale", "new"]
    ... )
    >>> f = f | ~Filter.by_ref("author").by_property("name").like("A*")
    >>> await collection.data.delete_many(where=f, dry_run=True)

Values are kept in the form they are sent: dates as RFC 3339 text, uuids as canonical text, lists
as tuples (a list of ints and floats becomes floats).
"""

HEADER = """
from __future__ import annotations

import datetime as dt
import uuid as uuid_lib
from collections.abc import Sequence
from typing import TypeAlias

from weaviate_async.classes._filter_core import (
    _DATE,
    _INT,
    FilterValues,
    FilterValuesList,
    _FilterBase,
    _Filters as _Filters,
    _FilterValue as _FilterValue,
    _Hop,
    _IdTests,
    _leaf,
    _Operator,
    _PropertyTests,
    _RefPath,
    _combine,
    _CountRef,
    _FilterAnd,
    _FilterOr,
    _name,
    _not,
    _path,
    _ref_hop,
)
from weaviate_async.classes.data import GeoCoordinate

__all__ = [
    "Filter",
    "FilterByCount",
    "FilterByCreationTime",
    "FilterById",
    "FilterByProperty",
    "FilterByRef",
    "FilterByUpdateTime",
    "FilterReturn",
    "FilterValues",
    "FilterValuesList",
]
"""

#: method -> the server's operator (a member of ``_Operator``)
OPERATORS = {
    "is_none": "IS_NULL",
    "contains_any": "CONTAINS_ANY",
    "contains_all": "CONTAINS_ALL",
    "contains_none": "CONTAINS_NONE",
    "equal": "EQUAL",
    "not_equal": "NOT_EQUAL",
    "less_than": "LESS_THAN",
    "less_or_equal": "LESS_THAN_EQUAL",
    "greater_than": "GREATER_THAN",
    "greater_or_equal": "GREATER_THAN_EQUAL",
    "like": "LIKE",
    "within_geo_range": "WITHIN_GEO_RANGE",
}
LIST_OPERATORS = ("contains_any", "contains_all", "contains_none")


def operators(one: str, many: str, call: str, docs: dict[str, str]) -> list[Method]:
    """One method per operator of ``docs`` (in its order): a list operator takes the parameter
    ``many`` (``"name: type"``), the others ``one``; ``call`` is the returned expression, with
    ``{op}`` for the operator and ``{arg}`` for the parameter's name."""
    out = []
    for method, doc in docs.items():
        param = many if method in LIST_OPERATORS else one
        arg = param.partition(":")[0]
        body = "return " + call.format(op=f"_Operator.{OPERATORS[method]}", arg=arg)
        out.append(Method(method, param, "_Filters", doc, body))
    return out


PROPERTY = Cls(
    "_FilterByProperty",
    "Tests on a property (or its length): from :meth:`Filter.by_property`.",
    bases="_PropertyTests",
    body="__slots__ = ()",
    methods=[
        Method(
            "is_none",
            "val: bool",
            "_Filters",
            """The property has no value (``val=True``) or has one (``val=False``).

The collection needs ``index_null_state`` in its inverted index configuration.
""",
            "return self._is_none(val)",
        ),
        *operators(
            "val: FilterValues",
            "val: FilterValuesList",
            "self._test({op}, {arg})",
            {
                "contains_any": "The property (a list, or text split into tokens) holds at "
                "least one of ``val``.",
                "contains_all": "The property holds every value of ``val``.",
                "contains_none": "The property holds none of ``val``.",
                "equal": "The property equals ``val`` (for a list property: one of its values "
                "equals ``val``).",
                "not_equal": "The property does not equal ``val``.",
                "less_than": "The property is less than ``val``.",
                "less_or_equal": "The property is less than or equal to ``val``.",
                "greater_than": "The property is greater than ``val``.",
                "greater_or_equal": "The property is greater than or equal to ``val``.",
            },
        ),
        Method(
            "like",
            "val: str",
            "_Filters",
            """The text property matches the pattern ``val``: ``*`` is any run of characters,
``?`` exactly one.

Examples:
    >>> Filter.by_property("title").like("*fox*")
""",
            "return self._like(val)",
        ),
        Method(
            "within_geo_range",
            "coordinate: GeoCoordinate, distance: float",
            "_Filters",
            """The geo-coordinates property lies within ``distance`` meters of ``coordinate``.

Examples:
    >>> Filter.by_property("place").within_geo_range(
    ...     GeoCoordinate(latitude=52.37, longitude=4.89), distance=2000.0
    ... )
""",
            "return self._geo(coordinate, distance)",
        ),
    ],
)

TIME = Cls(
    "_FilterByTime",
    "Tests on the creation or last update time (aware datetimes).",
    bases="_FilterBase",
    body="__slots__ = ()",
    methods=operators(
        "date: dt.datetime",
        "dates: Sequence[dt.datetime]",
        '_leaf(self._target, {op}, {arg}, "{arg}", _DATE)',
        {
            "contains_any": "The time is one of ``dates``.",
            "contains_none": "The time is none of ``dates``.",
            "equal": "The time equals ``date`` (to the millisecond the server keeps).",
            "not_equal": "The time differs from ``date``.",
            "less_than": "The time is before ``date``.",
            "less_or_equal": "The time is at or before ``date``.",
            "greater_than": "The time is after ``date``.",
            "greater_or_equal": "The time is at or after ``date``.",
        },
    ),
)


def time_class(name: str, what: str, meth: str, target: str) -> Cls:
    """A time builder: the creation or the last update time, tested by ``target``."""
    return Cls(
        name,
        f"Tests on the {what}: from :meth:`Filter.{meth}`. The collection needs\n"
        "``index_timestamps`` in its inverted index configuration.",
        bases="_FilterByTime",
        body="__slots__ = ()",
        methods=[
            Method(
                "__init__",
                "hops: tuple[_Hop, ...] = ()",
                "None",
                "",
                f'super().__init__(_path(hops, "{target}"))',
            )
        ],
    )


ID = Cls(
    "_FilterById",
    "Tests on the object's id: from :meth:`Filter.by_id`.",
    bases="_IdTests",
    body="__slots__ = ()",
    methods=[
        *operators(
            "uuid: str | uuid_lib.UUID",
            "uuids: Sequence[str | uuid_lib.UUID]",
            "self._many({op}, {arg})",
            {
                "contains_any": "The id is one of ``uuids``.",
                "contains_none": "The id is none of ``uuids``.",
            },
        ),
        *operators(
            "uuid: str | uuid_lib.UUID",
            "",
            "self._one({op}, {arg})",
            {"equal": "The id is ``uuid``.", "not_equal": "The id is not ``uuid``."},
        ),
    ],
)

COUNT = Cls(
    "_FilterByCount",
    "Tests on the number of references of a reference property: from\n:meth:`Filter.by_ref_count`.",
    bases="_FilterBase",
    body="__slots__ = ()",
    methods=[
        Method(
            "__init__",
            "link_on: str, hops: tuple[_Hop, ...] = ()",
            "None",
            "",
            'super().__init__(_path(hops, _CountRef(link_on=_name(link_on, "link_on"))))',
        ),
        *operators(
            "count: int",
            "",
            '_leaf(self._target, {op}, {arg}, "{arg}", _INT)',
            {
                "equal": "There are exactly ``count`` references.",
                "not_equal": "There are not exactly ``count`` references.",
                "less_than": "There are fewer than ``count`` references.",
                "less_or_equal": "There are at most ``count`` references.",
                "greater_than": "There are more than ``count`` references.",
                "greater_or_equal": "There are at least ``count`` references.",
            },
        ),
    ],
)

#: What a filter starts from: (method, parameters, returned class, the builder's arguments
#: after the hops, its docs on ``Filter``, its docs as a step of a reference path). A
#: ``by_ref`` step adds a hop instead: its "class" is the hop, made by ``_ref_hop``.
TARGETS = [
    (
        "by_ref",
        "link_on: str",
        "hop",
        '_ref_hop(link_on, "link_on")',
        "Test the objects referenced by the reference property ``link_on``.",
        "Follow the reference property ``link_on`` of the referenced objects.",
    ),
    (
        "by_ref_multi_target",
        "{link}: str, target_collection: str",
        "hop",
        '_ref_hop({link}, "{link}", target_collection)',
        "Test the objects of ``target_collection`` referenced by the multi-target reference\n"
        "property ``link_on``.",
        "Follow the multi-target reference property ``reference`` into\n``target_collection``.",
    ),
    (
        "by_ref_count",
        "link_on: str",
        "_FilterByCount",
        "link_on",
        "Test the number of references in the reference property ``link_on``.",
        "Test the number of references in ``link_on`` of the referenced objects.",
    ),
    (
        "by_id",
        "",
        "_FilterById",
        "",
        "Test the object's id.",
        "Test the ids of the referenced objects.",
    ),
    (
        "by_creation_time",
        "",
        "_FilterByCreationTime",
        "",
        "Test the object's creation time.",
        "Test the creation times of the referenced objects.",
    ),
    (
        "by_update_time",
        "",
        "_FilterByUpdateTime",
        "",
        "Test the object's last update time.",
        "Test the last update times of the referenced objects.",
    ),
    (
        "by_property",
        "name: str, length: bool = False",
        "_FilterByProperty",
        "name, length",
        "Test the property ``name`` or, with ``length=True``, its length (the number of\n"
        "characters or list items; the collection needs ``index_property_length``).",
        "Test a property (or, with ``length=True``, its length) of the referenced objects.",
    ),
]


def targets(on_ref: bool) -> list[Method]:
    """The target methods of ``FilterByRef`` (``on_ref``) or of ``Filter``: the official
    ``by_ref_multi_target`` names its first parameter ``link_on`` on ``Filter`` and
    ``reference`` on a path."""
    out = []
    for method, params, cls, args, doc, ref_doc in TARGETS:
        link = "reference" if on_ref else "link_on"
        params, args = params.format(link=link), args.format(link=link)
        if cls == "hop":
            hops = f"(*self._hops, {args})" if on_ref else f"({args},)"
            body, returns = f"return _FilterByRef({hops})", "_FilterByRef"
        else:
            hops = "self._hops" if on_ref else ""
            body = f"return {cls}({', '.join(a for a in (args, hops) if a)})"
            returns = cls
        out.append(
            Method(
                method,
                params,
                returns,
                ref_doc if on_ref else doc,
                body,
                "" if on_ref else "static",
            )
        )
    return out


REF = Cls(
    "_FilterByRef",
    """A path through reference properties: from :meth:`Filter.by_ref` or
:meth:`Filter.by_ref_multi_target`. Each step returns a new path; end it with a test on
the referenced objects (``by_property``, ``by_id``, ``by_ref_count``, times).

Examples:
    >>> Filter.by_ref("author").by_ref("publisher").by_property("name").equal("ACME")
""",
    bases="_RefPath",
    body="__slots__ = ()",
    methods=targets(on_ref=True),
)

FILTER = Cls(
    "Filter",
    """Where filters start: pick what to test, then how.

Examples:
    >>> Filter.by_property("year").greater_or_equal(2020)
    >>> Filter.by_id().contains_any([uid1, uid2])
    >>> Filter.by_creation_time().less_than(datetime(2024, 1, 1, tzinfo=timezone.utc))
    >>> Filter.by_ref_count("authors").greater_than(1)
    >>> Filter.all_of([f1, f2]) | Filter.not_(f3)
""",
    methods=[
        Method(
            "__init__",
            "",
            "None",
            "",
            'raise TypeError("Filter is not instantiated: use its static methods, e.g. Filter.by_id()")',
        ),
        *targets(on_ref=False),
        Method(
            "all_of",
            "filters: Sequence[_Filters]",
            "_Filters",
            "Every one of ``filters`` holds (one filter is returned as it is).",
            "items = _combine(filters)\nreturn items[0] if len(items) == 1 else _FilterAnd(items)",
            "static",
        ),
        Method(
            "any_of",
            "filters: Sequence[_Filters]",
            "_Filters",
            "At least one of ``filters`` holds (one filter is returned as it is).",
            "items = _combine(filters)\nreturn items[0] if len(items) == 1 else _FilterOr(items)",
            "static",
        ),
        Method(
            "not_",
            "filter_: _Filters",
            "_Filters",
            "``filter_`` does not hold.",
            "return _not(filter_)",
            "static",
        ),
    ],
)

FOOTER = """
#: What the ``Filter`` builders return and ``filters=`` / ``where=`` accept.
FilterReturn: TypeAlias = _Filters
FilterByProperty: TypeAlias = _FilterByProperty
FilterById: TypeAlias = _FilterById
FilterByCreationTime: TypeAlias = _FilterByCreationTime
FilterByUpdateTime: TypeAlias = _FilterByUpdateTime
FilterByRef: TypeAlias = _FilterByRef
FilterByCount: TypeAlias = _FilterByCount
"""

MODULE = Surface(
    path="weaviate_async/classes/filters.py",
    doc=DOC,
    header=HEADER,
    classes=[
        PROPERTY,
        TIME,
        time_class(
            "_FilterByCreationTime", "creation time", "by_creation_time", "_creationTimeUnix"
        ),
        time_class(
            "_FilterByUpdateTime", "last update time", "by_update_time", "_lastUpdateTimeUnix"
        ),
        ID,
        COUNT,
        REF,
        FILTER,
    ],
    footer=FOOTER,
)
