"""Aggregations: what to compute (``Metrics``, ``GroupByAggregate``) and what comes back
(``AggregateReturn``, ``AggregateGroupByReturn`` and the per-property results).

``Metrics(prop).<type>(...)`` chooses the statistics of one property; with no flag set, every
statistic of that type is computed. The results are dataclasses, as in the official client, so
``dataclasses.asdict`` and ``vars`` work on them. A statistic that was not asked for (or that
has no value, such as the mean of no objects) is None.

Examples:
    >>> from weaviate_async.classes.aggregate import GroupByAggregate, Metrics
    >>> res = await collection.aggregate.over_all(
    ...     return_metrics=[Metrics("price").number(mean=True), Metrics("title").text()],
    ...     group_by=GroupByAggregate(prop="category", limit=10),
    ... )
    >>> {g.grouped_by.value: g.properties["price"].mean for g in res.groups}
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TypeAlias

import attrs

from weaviate_async._validate import attrs_check, check_bool, check_int, check_str, invalid
from weaviate_async.classes.data import GeoCoordinate

__all__ = [
    "AProperties",
    "AggregateBoolean",
    "AggregateDate",
    "AggregateGroup",
    "AggregateGroupByReturn",
    "AggregateInteger",
    "AggregateNumber",
    "AggregateReference",
    "AggregateResult",
    "AggregateReturn",
    "AggregateText",
    "GroupByAggregate",
    "GroupedBy",
    "GroupedByValue",
    "Metrics",
    "PropertiesMetrics",
    "TopOccurrence",
]

_flag = attrs_check(check_bool, required=True)
_name = attrs_check(check_str, required=True, allow_empty=False)


# ---------------------------------------------------------------------------------- requests


@attrs.frozen(kw_only=True)
class _MetricsBase:
    property_name: str = attrs.field(validator=_name)
    count: bool = attrs.field(validator=_flag)


@attrs.frozen(kw_only=True)
class _MetricsText(_MetricsBase):
    """The statistics of a ``text`` / ``text[]`` property (made by ``Metrics(p).text()``)."""

    top_occurrences_count: bool = attrs.field(validator=_flag)
    top_occurrences_value: bool = attrs.field(validator=_flag)
    limit: int | None = attrs.field(validator=attrs_check(check_int, minimum=1))


@attrs.frozen(kw_only=True)
class _MetricsNum(_MetricsBase):
    maximum: bool = attrs.field(validator=_flag)
    mean: bool = attrs.field(validator=_flag)
    median: bool = attrs.field(validator=_flag)
    minimum: bool = attrs.field(validator=_flag)
    mode: bool = attrs.field(validator=_flag)
    sum_: bool = attrs.field(validator=_flag)


@attrs.frozen(kw_only=True)
class _MetricsInteger(_MetricsNum):
    """The statistics of an ``int`` / ``int[]`` property (made by ``Metrics(p).integer()``)."""


@attrs.frozen(kw_only=True)
class _MetricsNumber(_MetricsNum):
    """The statistics of a ``number`` / ``number[]`` property (``Metrics(p).number()``)."""


@attrs.frozen(kw_only=True)
class _MetricsBoolean(_MetricsBase):
    """The statistics of a ``boolean`` / ``boolean[]`` property (``Metrics(p).boolean()``)."""

    percentage_false: bool = attrs.field(validator=_flag)
    percentage_true: bool = attrs.field(validator=_flag)
    total_false: bool = attrs.field(validator=_flag)
    total_true: bool = attrs.field(validator=_flag)


@attrs.frozen(kw_only=True)
class _MetricsDate(_MetricsBase):
    """The statistics of a ``date`` / ``date[]`` property (``Metrics(p).date_()``)."""

    maximum: bool = attrs.field(validator=_flag)
    median: bool = attrs.field(validator=_flag)
    minimum: bool = attrs.field(validator=_flag)
    mode: bool = attrs.field(validator=_flag)


@attrs.frozen(kw_only=True)
class _MetricsReference:
    """The statistics of a reference property (``Metrics(p).reference()``)."""

    property_name: str = attrs.field(validator=_name)
    pointing_to: bool = attrs.field(validator=_flag)


_Metrics: TypeAlias = (
    _MetricsText
    | _MetricsInteger
    | _MetricsNumber
    | _MetricsDate
    | _MetricsBoolean
    | _MetricsReference
)
#: What ``return_metrics`` accepts: the metrics of one property, or a list of them.
PropertiesMetrics: TypeAlias = _Metrics | list[_Metrics]


@attrs.frozen(kw_only=True)
class GroupByAggregate:
    """Group an aggregation by the values of a property: one result per value.

    Array properties make a group per element value; a reference property groups by the
    referenced object's beacon.

    Attributes:
        prop: the property to group by.
        limit: at most this many groups, the largest (None: the server's default, 100).

    Examples:
        >>> await collection.aggregate.over_all(group_by=GroupByAggregate(prop="genre", limit=3))
    """

    prop: str = attrs.field(validator=_name)
    limit: int | None = attrs.field(default=None, validator=attrs_check(check_int, minimum=1))


class Metrics:
    """The statistics to compute for one property: ``Metrics("price").number(mean=True)``.

    Call the method of the property's data type (``text``, ``integer``, ``number``,
    ``boolean``, ``date_``, ``reference``); without arguments it asks for every statistic of
    that type.

    Examples:
        >>> Metrics("title").text(top_occurrences_value=True, limit=3)
        >>> Metrics("year").integer(minimum=True, maximum=True)
    """

    def __init__(self, property_: str) -> None:
        check_str(property_, "property_", allow_empty=False)
        if property_ is None:
            raise invalid("property_", "is required", property_)
        self.__property = property_

    def __repr__(self) -> str:
        return f"Metrics({self.__property!r})"

    def text(
        self,
        count: bool = False,
        top_occurrences_count: bool = False,
        top_occurrences_value: bool = False,
        limit: int | None = None,
        min_occurrences: int | None = None,
    ) -> _MetricsText:
        """Statistics of a ``text`` or ``text[]`` property (every one when none is chosen).

        Args:
            count: the number of values (of every object's array, for ``text[]``).
            top_occurrences_count: how often each of the most frequent values occurs.
            top_occurrences_value: the most frequent values themselves.
            limit: how many of the most frequent values (the server's default is 5).
            min_occurrences: deprecated name of ``limit``.

        Raises:
            WeaviateInvalidInputError: ``limit`` and ``min_occurrences`` are both given, or
                an argument has the wrong type.
        """
        if min_occurrences is not None:
            if limit is not None:
                raise invalid(
                    "min_occurrences", "cannot be combined with limit; use limit", min_occurrences
                )
            warnings.warn(
                "Metrics.text(min_occurrences=...) is deprecated; use limit=...",
                DeprecationWarning,
                stacklevel=2,
            )
            limit = min_occurrences
        if not (count or top_occurrences_count or top_occurrences_value):
            count = top_occurrences_count = top_occurrences_value = True
        return _MetricsText(
            property_name=self.__property,
            count=count,
            top_occurrences_count=top_occurrences_count,
            top_occurrences_value=top_occurrences_value,
            limit=limit,
        )

    def integer(
        self,
        count: bool = False,
        maximum: bool = False,
        mean: bool = False,
        median: bool = False,
        minimum: bool = False,
        mode: bool = False,
        sum_: bool = False,
    ) -> _MetricsInteger:
        """Statistics of an ``int`` or ``int[]`` property (every one when none is chosen).

        Args:
            count: the number of values.
            maximum: the largest value.
            mean: the arithmetic mean.
            median: the median (the mean of the two middle values for an even count).
            minimum: the smallest value.
            mode: the most frequent value.
            sum_: the sum.
        """
        flags = _all_if_none(
            count=count,
            maximum=maximum,
            mean=mean,
            median=median,
            minimum=minimum,
            mode=mode,
            sum_=sum_,
        )
        return _MetricsInteger(property_name=self.__property, **flags)

    def number(
        self,
        count: bool = False,
        maximum: bool = False,
        mean: bool = False,
        median: bool = False,
        minimum: bool = False,
        mode: bool = False,
        sum_: bool = False,
    ) -> _MetricsNumber:
        """Statistics of a ``number`` or ``number[]`` property (every one when none is chosen).

        Args:
            count: the number of values.
            maximum: the largest value.
            mean: the arithmetic mean.
            median: the median (the mean of the two middle values for an even count).
            minimum: the smallest value.
            mode: the most frequent value.
            sum_: the sum.
        """
        flags = _all_if_none(
            count=count,
            maximum=maximum,
            mean=mean,
            median=median,
            minimum=minimum,
            mode=mode,
            sum_=sum_,
        )
        return _MetricsNumber(property_name=self.__property, **flags)

    def boolean(
        self,
        count: bool = False,
        percentage_false: bool = False,
        percentage_true: bool = False,
        total_false: bool = False,
        total_true: bool = False,
    ) -> _MetricsBoolean:
        """Statistics of a ``boolean`` or ``boolean[]`` property (every one when none is chosen).

        Args:
            count: the number of values.
            percentage_false: the share of false values, from 0 to 1.
            percentage_true: the share of true values, from 0 to 1.
            total_false: the number of false values.
            total_true: the number of true values.
        """
        flags = _all_if_none(
            count=count,
            percentage_false=percentage_false,
            percentage_true=percentage_true,
            total_false=total_false,
            total_true=total_true,
        )
        return _MetricsBoolean(property_name=self.__property, **flags)

    def date_(
        self,
        count: bool = False,
        maximum: bool = False,
        median: bool = False,
        minimum: bool = False,
        mode: bool = False,
    ) -> _MetricsDate:
        """Statistics of a ``date`` or ``date[]`` property (every one when none is chosen).

        The results are the server's RFC 3339 strings, e.g. ``"2024-01-31T12:00:00Z"``.

        Args:
            count: the number of values.
            maximum: the latest date.
            median: the median date (midway between the two middle dates for an even count).
            minimum: the earliest date.
            mode: the most frequent date.
        """
        flags = _all_if_none(
            count=count, maximum=maximum, median=median, minimum=minimum, mode=mode
        )
        return _MetricsDate(property_name=self.__property, **flags)

    def reference(self, pointing_to: bool = False) -> _MetricsReference:
        """Statistics of a reference property.

        Args:
            pointing_to: the collections the references point to (the server answers with
                collection names, not object uuids). Asked for when not given.
        """
        flags = _all_if_none(pointing_to=pointing_to)
        return _MetricsReference(property_name=self.__property, **flags)


def _all_if_none(**flags: bool) -> dict[str, bool]:
    """The flags as given, or all True when none is set (the official client's rule)."""
    for name, value in flags.items():
        check_bool(value, name)
    if any(flags.values()):
        return flags
    return dict.fromkeys(flags, True)


# ---------------------------------------------------------------------------------- results


@dataclass
class AggregateInteger:
    """The statistics of an ``int`` property; None where not asked for or without a value."""

    count: int | None
    maximum: int | None
    mean: float | None
    median: float | None
    minimum: int | None
    mode: int | None
    sum_: int | None


@dataclass
class AggregateNumber:
    """The statistics of a ``number`` property; None where not asked for or without a value."""

    count: int | None
    maximum: float | None
    mean: float | None
    median: float | None
    minimum: float | None
    mode: float | None
    sum_: float | None


@dataclass
class TopOccurrence:
    """One of the most frequent values of a text property and how often it occurs."""

    count: int | None
    value: str | None


@dataclass
class AggregateText:
    """The statistics of a ``text`` property: the count and the most frequent values, most
    frequent first (ties in alphabetical order)."""

    count: int | None
    top_occurrences: list[TopOccurrence]


@dataclass
class AggregateBoolean:
    """The statistics of a ``boolean`` property; percentages are fractions from 0 to 1."""

    count: int | None
    percentage_false: float | None
    percentage_true: float | None
    total_false: int | None
    total_true: int | None


@dataclass
class AggregateReference:
    """The statistics of a reference property: the collections its references point to."""

    pointing_to: list[str] | None


@dataclass
class AggregateDate:
    """The statistics of a ``date`` property, as the server's RFC 3339 strings."""

    count: int | None
    maximum: str | None
    median: str | None
    minimum: str | None
    mode: str | None


#: The statistics of one property.
AggregateResult: TypeAlias = (
    AggregateInteger
    | AggregateNumber
    | AggregateText
    | AggregateBoolean
    | AggregateDate
    | AggregateReference
)
#: The statistics by property name.
AProperties: TypeAlias = dict[str, AggregateResult]


@dataclass
class AggregateReturn:
    """The result of an aggregation without ``group_by``.

    Attributes:
        properties: the statistics by property name (those of ``return_metrics``).
        total_count: the number of objects aggregated (None unless ``total_count=True``).
    """

    properties: AProperties
    total_count: int | None


#: The value of a group: a property value, or one element of an array property's values.
GroupedByValue: TypeAlias = (
    str
    | int
    | float
    | bool
    | list[str]
    | list[int]
    | list[float]
    | list[bool]
    | GeoCoordinate
    | None
)


@dataclass
class GroupedBy:
    """The value a group stands for.

    Attributes:
        prop: the property grouped by.
        value: its value in this group. The server sends the values of ``int`` properties as
            floats, dates as RFC 3339 strings and references as beacons.
    """

    prop: str
    value: GroupedByValue


@dataclass
class AggregateGroup:
    """The result of one group of an aggregation with ``group_by``.

    Attributes:
        grouped_by: the property and the value of this group.
        properties: the statistics of the group's objects by property name.
        total_count: the number of objects in the group (None unless ``total_count=True``).
    """

    grouped_by: GroupedBy
    properties: AProperties
    total_count: int | None


@dataclass
class AggregateGroupByReturn:
    """The result of an aggregation with ``group_by``: one entry per group, the largest first
    (the order of groups of equal size is the server's)."""

    groups: list[AggregateGroup]
