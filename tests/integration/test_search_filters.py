"""Filters as a property: random filter trees over the typed dataset of tests/search_data.py,
each sent to the real server (through the blocking client; the async one shares the encoder)
and compared with the same predicate evaluated in Python over the inserted objects."""

from __future__ import annotations

import datetime as dt
import fnmatch
import uuid as uuid_lib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.search_data import (
    BASE_TIME,
    LABELS,
    N_ITEMS,
    WORDS,
    Dataset,
    create_dataset,
    drop_dataset,
)
from weaviate_async.classes.query import Filter
from weaviate_async.embedded import EmbeddedServer

Pred = Callable[[dict[str, Any], uuid_lib.UUID], bool]
Case = tuple[Any, Pred, str]


@pytest.fixture(scope="module")
def data(server: EmbeddedServer) -> Iterator[Dataset]:
    ds = create_dataset(server, "F" + uuid_lib.uuid4().hex[:8])
    yield ds
    drop_dataset(server, ds)


_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "equal": lambda a, b: a == b,
    "not_equal": lambda a, b: a != b,
    "less_than": lambda a, b: a < b,
    "less_or_equal": lambda a, b: a <= b,
    "greater_than": lambda a, b: a > b,
    "greater_or_equal": lambda a, b: a >= b,
}


def _compare(prop: str, op: str, value: Any) -> Case:
    def pred(p: dict[str, Any], _: uuid_lib.UUID) -> bool:
        if p.get(prop) is None:
            return op == "not_equal"  # a null differs from every value
        return _OPS[op](p[prop], value)

    return getattr(Filter.by_property(prop), op)(value), pred, f"{prop} {op} {value!r}"


_ints = st.builds(
    _compare, st.just("count"), st.sampled_from(list(_OPS)), st.integers(-2, N_ITEMS + 1)
)
_prices = st.builds(
    _compare,
    st.just("price"),
    st.sampled_from(list(_OPS)),
    st.integers(0, 14).map(lambda k: 1.0 + k * 0.75)
    | st.floats(0.0, 12.0).map(lambda f: round(f, 1)),
)
_dates = st.builds(
    _compare,
    st.just("when"),
    st.sampled_from(list(_OPS)),
    st.integers(-5, 5 * N_ITEMS + 5).map(lambda h: BASE_TIME + dt.timedelta(hours=h)),
)
_bools = st.builds(_compare, st.just("ok"), st.sampled_from(["equal", "not_equal"]), st.booleans())
_labels = st.builds(
    _compare, st.just("label"), st.sampled_from(["equal", "not_equal"]), st.sampled_from(LABELS)
)


def _null(flag: bool) -> Case:
    return (
        Filter.by_property("price").is_none(flag),
        lambda p, _: ("price" not in p) == flag,
        f"price is_none {flag}",
    )


def _like(pattern: str) -> Case:
    # field tokenization: the whole value matches, case-sensitively
    return (
        Filter.by_property("label").like(pattern),
        lambda p, _: fnmatch.fnmatchcase(p["label"], pattern),
        f"label like {pattern!r}",
    )


def _title_word(word: str) -> Case:
    # word tokenization: the filter matches objects holding the word as a token
    return (
        Filter.by_property("title").equal(word),
        lambda p, _: word in p["title"].split(),
        f"title has {word!r}",
    )


def _contains(prop: str, how: str, values: list[Any]) -> Case:
    def pred(p: dict[str, Any], _: uuid_lib.UUID) -> bool:
        have = p[prop] if isinstance(p[prop], list) else [p[prop]]
        if how == "contains_any":
            return any(v in have for v in values)
        if how == "contains_all":
            return all(v in have for v in values)
        return not any(v in have for v in values)

    return getattr(Filter.by_property(prop), how)(values), pred, f"{prop} {how} {values}"


_word_sets = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True)
_tags = st.builds(
    _contains,
    st.just("tags"),
    st.sampled_from(["contains_any", "contains_all", "contains_none"]),
    _word_sets,
)
_ranks = st.builds(
    _contains,
    st.just("ranks"),
    st.sampled_from(["contains_any", "contains_all", "contains_none"]),
    st.lists(st.integers(0, 7), min_size=1, max_size=3, unique=True),
)
_count_in = st.builds(
    _contains,
    st.just("count"),
    st.just("contains_any"),
    st.lists(st.integers(0, N_ITEMS), min_size=1, max_size=4, unique=True),
)


def _length(op: str, n: int) -> Case:
    return (
        getattr(Filter.by_property("tags", length=True), op)(n),
        lambda p, _: _OPS[op](len(p["tags"]), n),
        f"len(tags) {op} {n}",
    )


def _leaves(data: Dataset) -> st.SearchStrategy[Case]:
    ids = [i.uuid for i in data.items]
    refs = sorted({i.props["ref_id"] for i in data.items}, key=str)

    def by_id(uid: uuid_lib.UUID, negate: bool) -> Case:
        f = Filter.by_id().not_equal(uid) if negate else Filter.by_id().equal(uid)
        return f, (lambda _p, u: (u != uid) if negate else (u == uid)), f"id {negate} {uid}"

    def ids_any(uids: list[uuid_lib.UUID]) -> Case:
        return Filter.by_id().contains_any(uids), lambda _p, u: u in uids, f"id in {uids}"

    def ref_id(uid: uuid_lib.UUID) -> Case:
        return (
            Filter.by_property("ref_id").equal(uid),
            lambda p, _: p["ref_id"] == uid,
            f"ref_id == {uid}",
        )

    return st.one_of(
        _ints,
        _prices,
        _dates,
        _bools,
        _labels,
        st.builds(_null, st.booleans()),
        st.builds(_like, st.sampled_from(["r*", "*e*", "?ed", "Red", "a*e", "*u?y", "*"])),
        st.builds(_title_word, st.sampled_from(WORDS)),
        _tags,
        _ranks,
        _count_in,
        st.builds(
            _length,
            st.sampled_from(["equal", "greater_than", "less_or_equal"]),
            st.integers(0, 4),
        ),
        st.builds(by_id, st.sampled_from(ids), st.booleans()),
        st.builds(ids_any, st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True)),
        st.builds(ref_id, st.sampled_from(refs)),
    )


def _combine(children: st.SearchStrategy[Case]) -> st.SearchStrategy[Case]:
    def all_of(cases: list[Case]) -> Case:
        return (
            Filter.all_of([c[0] for c in cases]),
            lambda p, u: all(c[1](p, u) for c in cases),
            "all(" + ", ".join(c[2] for c in cases) + ")",
        )

    def any_of(cases: list[Case]) -> Case:
        return (
            Filter.any_of([c[0] for c in cases]),
            lambda p, u: any(c[1](p, u) for c in cases),
            "any(" + ", ".join(c[2] for c in cases) + ")",
        )

    def not_(case: Case) -> Case:
        return Filter.not_(case[0]), lambda p, u: not case[1](p, u), f"not({case[2]})"

    def operators(a: Case, b: Case, how: int) -> Case:
        if how == 0:
            return a[0] & b[0], lambda p, u: a[1](p, u) and b[1](p, u), f"({a[2]} & {b[2]})"
        if how == 1:
            return a[0] | b[0], lambda p, u: a[1](p, u) or b[1](p, u), f"({a[2]} | {b[2]})"
        return ~a[0], lambda p, u: not a[1](p, u), f"~{a[2]}"

    pieces = st.lists(children, min_size=1, max_size=3)
    return st.one_of(
        st.builds(all_of, pieces),
        st.builds(any_of, pieces),
        st.builds(not_, children),
        st.builds(operators, children, children, st.integers(0, 2)),
    )


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_random_filter_trees_match_python(
    sync_client: Any, data: Dataset, draw: st.DataObject
) -> None:
    tree = st.recursive(_leaves(data), _combine, max_leaves=6)
    filters, pred, text = draw.draw(tree)
    res = sync_client.collections.use(data.items_name).query.fetch_objects(
        filters=filters, limit=N_ITEMS + 10, return_properties=[]
    )
    got = {o.uuid for o in res.objects}
    expected = {i.uuid for i in data.items if pred(i.props, i.uuid)}
    assert got == expected, text
