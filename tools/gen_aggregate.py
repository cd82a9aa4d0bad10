"""Generate ``collection.aggregate`` from one table.

Usage::

    python tools/gen_aggregate.py           # (re)write weaviate_async/collections/aggregate.py
    python tools/gen_aggregate.py --check   # exit 1 when it differs from what the table makes

Eight kinds of aggregation share their tail of arguments, and each has three typing overloads
(``AggregateReturn`` without ``group_by``, ``AggregateGroupByReturn`` with it, the union when
it is only known as a union), as ``collection.query`` has (``tools/gen_search.py``). So the
parameters (annotation, default, documentation) and the methods (parameter order, as in the
official client, and the search builder each calls) are written once, here, and the module is
generated. Its behaviour lives in hand-written code: the search builders and the request path
of ``weaviate_async/collections/_aggregate.py`` and the request builders of
``weaviate_async/wire/aggregate.py``.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_search import REPO, format_module

TARGET = "weaviate_async/collections/aggregate.py"
REQUIRED = object()
WIDTH = 100


@dataclass(frozen=True)
class Param:
    """One parameter: its annotation, default (``REQUIRED``: none) and documentation."""

    annotation: str
    default: object
    doc: str


_NEAREST = "aggregate at most this many nearest objects."
_ONE_TARGET = "the named vector to search (one name: an aggregation searches one)."

P: dict[str, Param] = {
    "near_vector": Param(
        "NearVectorInputType",
        REQUIRED,
        "the query vector (or multi-vector), or ``{name: vector}``.",
    ),
    "near_object": Param("UUID", REQUIRED, "the uuid of the object."),
    "near_image": Param(
        "BLOB_INPUT",
        REQUIRED,
        "the image: base64 text, a path or a file opened in binary mode.",
    ),
    "media": Param(
        "BLOB_INPUT",
        REQUIRED,
        "the medium: base64 text, a path or a file opened in binary mode.",
    ),
    "media_type": Param(
        "NearMediaType",
        REQUIRED,
        '``NearMediaType`` or its value: ``"audio"``, ``"depth"``, ``"image"``, ``"imu"``, '
        '``"thermal"``, ``"video"``.',
    ),
    "certainty": Param(
        "NUMBER | None",
        None,
        "only objects at least this similar (0 to 1; cosine distance only).",
    ),
    "distance": Param("NUMBER | None", None, "only objects at most this far."),
    "move_to": Param("Move | None", None, "move the query towards concepts or objects (``Move``)."),
    "move_away": Param(
        "Move | None", None, "move the query away from concepts or objects (``Move``)."
    ),
    "alpha": Param(
        "NUMBER | None",
        None,
        "the weight of the vector ranking, 0 (keyword only) to 1 (vector only).",
    ),
    "vector": Param(
        "HybridVectorType | None",
        None,
        "the vector part instead of the query's embedding: a vector, or a sub-search "
        "(``HybridVector.near_text(...)`` / ``HybridVector.near_vector(...)``).",
    ),
    "query_properties": Param(
        "list[str] | None",
        None,
        "the properties to search by keyword (sent, but see above).",
    ),
    "object_limit": Param("int | None", None, _NEAREST),
    "bm25_operator": Param(
        "BM25OperatorOptions | None",
        None,
        "how keyword tokens must match (``BM25OperatorFactory...``).",
    ),
    "filters": Param(
        "FilterReturn | None", None, "only objects that pass this filter (``Filter...``)."
    ),
    "group_by": Param(
        "str | GroupByAggregate | None",
        None,
        "a property name or ``GroupByAggregate``: one result per value.",
    ),
    "target_vector": Param("str | None", None, _ONE_TARGET),
    "max_vector_distance": Param(
        "float | None", None, "only objects at most this far from the query vector."
    ),
    "total_count": Param("bool", True, "include the number of objects aggregated."),
    "return_metrics": Param(
        "PropertiesMetrics | None",
        None,
        "the statistics to compute (``Metrics(property).x()``, or a list).",
    ),
}

_NEAR_TAIL = (
    "certainty",
    "distance",
    "object_limit",
    "filters",
    "group_by",
    "target_vector",
    "total_count",
    "return_metrics",
)
_SEARCH_ARGS = ("certainty", "distance", "object_limit", "target_vector")
_AGGREGATE_ARGS = ("object_limit", "filters", "group_by", "total_count", "return_metrics")


@dataclass(frozen=True)
class Method:
    """One kind of aggregation.

    ``search`` names the hand-written builder of its search (``_AggregateBase.<search>``),
    called with the positional parameters and the keywords ``search_args``; its result and
    the tail of arguments go to ``_AggregateBase._aggregate``. ``run`` instead names a
    hand-written method that does the whole aggregation (called with every parameter)."""

    name: str
    positional: tuple[str, ...]
    keywords: tuple[str, ...]
    summary: str
    notes: tuple[str, ...] = ()
    example: tuple[str, ...] = ()
    search: str | None = None
    search_args: tuple[str, ...] = ()
    run: str | None = None
    params: dict[str, Param] = field(default_factory=dict)  # this method's own wording

    def param(self, name: str) -> Param:
        return self.params.get(name) or P[name]


def _near(name: str, positional: tuple[str, ...], summary: str, **kw: object) -> Method:
    method = Method(
        name=name,
        positional=positional,
        keywords=_NEAR_TAIL,
        summary=summary,
        search=f"_{name}_search",
        search_args=_SEARCH_ARGS,
    )
    return replace(method, **kw)  # type: ignore[arg-type]


METHODS: list[Method] = [
    Method(
        name="over_all",
        positional=(),
        keywords=("filters", "group_by", "total_count", "return_metrics"),
        summary="Aggregate every object of the collection (that passes ``filters``).",
        example=(
            ">>> res = await collection.aggregate.over_all(",
            '...     filters=Filter.by_property("year").greater_than(2000),',
            '...     return_metrics=Metrics("rating").number(mean=True),',
            "... )",
            '>>> res.total_count, res.properties["rating"].mean',
        ),
    ),
    _near(
        "near_vector",
        ("near_vector",),
        "Aggregate the objects nearest to a vector.",
        example=(
            ">>> res = await collection.aggregate.near_vector(",
            '...     [0.1, 0.9], object_limit=50, return_metrics=Metrics("price").number()',
            "... )",
        ),
        params={"target_vector": Param("TargetVectorJoinType | None", None, _ONE_TARGET)},
    ),
    _near(
        "near_object",
        ("near_object",),
        "Aggregate the objects nearest to an object of the collection (by its vector).",
    ),
    _near(
        "near_text",
        ("query",),
        "Aggregate the objects nearest to a text, vectorized by the collection's vectorizer.",
        keywords=(*_NEAR_TAIL[:2], "move_to", "move_away", *_NEAR_TAIL[2:]),
        search_args=(*_SEARCH_ARGS[:2], "move_to", "move_away", *_SEARCH_ARGS[2:]),
        example=(
            ">>> res = await collection.aggregate.near_text(",
            '...     "animals in movies", distance=0.3, return_metrics=Metrics("points").integer()',
            "... )",
        ),
        params={
            "query": Param(
                "str | list[str]", REQUIRED, "the text, or several texts vectorized together."
            )
        },
    ),
    _near(
        "near_image",
        ("near_image",),
        "Aggregate the objects nearest to an image, vectorized by the collection's "
        "multi-modal vectorizer.",
    ),
    _near(
        "near_media",
        ("media", "media_type"),
        "Aggregate the objects nearest to a medium (image, audio, video, depth, thermal or IMU "
        "data), vectorized by the collection's multi-modal vectorizer.",
        notes=(
            "Not in the official client's ``aggregate`` (its ``query.near_media`` has this "
            "shape); the server's Aggregate RPC takes every medium.",
        ),
    ),
    Method(
        name="hybrid",
        positional=("query",),
        keywords=(
            "alpha",
            "vector",
            "query_properties",
            "object_limit",
            "bm25_operator",
            "filters",
            "group_by",
            "target_vector",
            "max_vector_distance",
            "total_count",
            "return_metrics",
        ),
        summary="Aggregate the objects a hybrid search finds: keyword (BM25) and vector "
        "rankings fused.",
        notes=(
            "Without ``vector`` the query is vectorized, and the server then needs "
            "``object_limit`` (or ``max_vector_distance``) to bound the vector search.",
            "Weaviate's keyword part searches every ``text`` property (not "
            "``query_properties``, nor ``text[]``); before 1.39.3 the server applies "
            "``filters`` to the vector part only.",
        ),
        example=(
            ">>> res = await collection.aggregate.hybrid(",
            '...     "apple pie", alpha=0.5, object_limit=20,',
            '...     return_metrics=Metrics("rating").number(),',
            "... )",
        ),
        search="_hybrid_search",
        search_args=(
            "alpha",
            "vector",
            "query_properties",
            "bm25_operator",
            "target_vector",
            "max_vector_distance",
        ),
        params={
            "query": Param("str | None", REQUIRED, "the keyword query (None: vector search only)."),
            "object_limit": Param("int | None", None, "aggregate at most this many objects."),
            "target_vector": Param("str | None", None, "the named vector to search."),
        },
    ),
    Method(
        name="bm25",
        positional=("query",),
        keywords=("object_limit", "bm25_operator", "group_by", "total_count", "return_metrics"),
        summary="Aggregate the objects a keyword (BM25) search finds.",
        notes=(
            "Not in the official client. The server's Aggregate RPC has no BM25 operator, so "
            "this is a hybrid search with ``alpha=0``, which ranks by BM25 alone and does not "
            "vectorize the query; like every hybrid aggregation without a vector it needs "
            "``object_limit``.",
            "Weaviate v1.39 runs the keyword part of an aggregation over every ``text`` "
            "property (not ``text[]``), whatever properties are named, and applies no filters "
            "to it: this method therefore takes neither ``query_properties`` nor ``filters``.",
        ),
        example=(
            '>>> res = await collection.aggregate.bm25("apple", object_limit=100)',
            ">>> res.total_count  # objects mentioning apple, up to 100",
        ),
        run="_bm25_aggregate",
        params={
            "query": Param("str", REQUIRED, "the keyword query."),
            "object_limit": Param(
                "int", REQUIRED, "aggregate at most this many of the best matches (required)."
            ),
            "bm25_operator": Param(
                "BM25OperatorOptions | None",
                None,
                "how tokens must match (``BM25OperatorFactory...``).",
            ),
        },
    ),
]

#: The typing overloads of every method: ``group_by``'s annotation and the result.
OVERLOADS = (
    ("Literal[None]", "AggregateReturn"),
    ("str | GroupByAggregate", "AggregateGroupByReturn"),
    (None, "AggregateReturn | AggregateGroupByReturn"),
)


# ------------------------------------------------------------------------------- emitters


def parameters(method: Method, group_by: str | None = None) -> list[str]:
    """The parameters of ``method``'s signature; ``group_by`` overrides that annotation
    (and leaves it without a default when it is not optional)."""
    out = ["self"]
    for name in method.positional:
        out.append(f"{name}: {method.param(name).annotation}")
    out.append("*")
    for name in method.keywords:
        param = method.param(name)
        annotation = param.annotation if group_by is None or name != "group_by" else group_by
        optional = param.default is not REQUIRED and not (
            name == "group_by" and group_by is not None and "None" not in group_by
        )
        out.append(f"{name}: {annotation}" + (f" = {param.default!r}" if optional else ""))
    return out


def signature(method: Method, params: list[str], result: str, body: str) -> str:
    return f"    async def {method.name}({', '.join(params)}) -> {result}:{body}"


def _wrap(text: str, hang: str = "", first: str = "") -> list[str]:
    """``text`` wrapped to the docstring's width (8 spaces in), continuation lines hung by
    ``hang``, the first line preceded by ``first`` (the opening quotes, an indent)."""
    return textwrap.wrap(
        text,
        width=WIDTH - 8,
        initial_indent=first,
        subsequent_indent=hang,
        break_on_hyphens=False,
        break_long_words=False,
    )


def docstring(method: Method) -> str:
    lines = _wrap(method.summary, first='"""')
    for note in method.notes:
        lines += ["", *_wrap(note)]
    lines += ["", "Args:"]
    for name in (*method.positional, *method.keywords):
        lines += _wrap(f"{name}: {method.param(name).doc}", hang=" " * 8, first=" " * 4)
    lines += [
        "",
        "Returns:",
        "    An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.",
        "",
        "Raises:",
        "    WeaviateInvalidInputError: an argument is invalid (nothing is sent).",
        "    WeaviateQueryError: the server failed the aggregation (its message included).",
    ]
    if method.example:
        lines += ["", "Examples:", *("    " + line for line in method.example)]
    body = "\n".join(("        " + line) if line else "" for line in lines)
    return f'{body}\n        """\n'


def _call(func: str, positional: tuple[str, ...], keywords: tuple[str, ...]) -> str:
    args = [*positional, *(f"{name}={name}" for name in keywords)]
    return f"{func}({', '.join(args)})"


def body(method: Method) -> str:
    """Call the method's hand-written builder, then the shared request path (or the
    hand-written method that does the whole aggregation)."""
    if method.run is not None:
        call = _call(f"self.{method.run}", method.positional, method.keywords)
        return f"        return await {call}\n"
    lines = []
    search = "None"
    if method.search is not None:
        call = _call(f"self.{method.search}", method.positional, method.search_args)
        lines.append(f"        search = await {call}")
        search = "search"
    tail = tuple(name for name in _AGGREGATE_ARGS if name in method.keywords)
    lines.append(
        "        return await "
        + _call("self._aggregate", (repr(method.name), search), tail).replace("'", '"')
    )
    return "\n".join(lines) + "\n"


def method_text(method: Method) -> str:
    out = []
    for group_by, result in OVERLOADS:
        params = parameters(method, group_by or P["group_by"].annotation)
        out.append("    @overload\n" + signature(method, params, result, " ..."))
    impl = signature(method, parameters(method), OVERLOADS[-1][1], "\n")
    out.append(impl + docstring(method) + body(method))
    return "\n\n".join(out)


HEADER = '''"""``collection.aggregate``: statistics over the objects of one collection, over gRPC.

Generated by ``tools/gen_aggregate.py`` from its table of parameters and methods; change the
table and regenerate (``python tools/gen_aggregate.py``), not this file. Each method aggregates
a set of objects: every object (``over_all``), or those a search finds (``near_vector``,
``near_object``, ``near_text``, ``near_image``, ``near_media``, ``hybrid``, ``bm25``), narrowed
by ``filters``; optionally per group of a property's values (``group_by``). The searches are
built, and the request is sent, by :mod:`weaviate_async.collections._aggregate`;
``collection.length()`` is the same request asking only for the count.

Examples:
    >>> from weaviate_async.classes.aggregate import GroupByAggregate, Metrics
    >>> agg = client.collections.use("Article").aggregate
    >>> res = await agg.over_all(return_metrics=Metrics("words").integer(mean=True))
    >>> res.total_count, res.properties["words"].mean
    >>> by_year = await agg.over_all(group_by=GroupByAggregate(prop="year", limit=5))
    >>> [(g.grouped_by.value, g.total_count) for g in by_year.groups]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload

from weaviate_async._twin import twin
from weaviate_async.collections._aggregate import _AggregateBase

if TYPE_CHECKING:
    from weaviate_async.classes.aggregate import (
        AggregateGroupByReturn,
        AggregateReturn,
        GroupByAggregate,
        PropertiesMetrics,
    )
    from weaviate_async.classes.data import UUID
    from weaviate_async.classes.filters import FilterReturn
    from weaviate_async.classes.search import (
        BM25OperatorOptions,
        HybridVectorType,
        Move,
        NearMediaType,
        TargetVectorJoinType,
    )
    from weaviate_async.types import BLOB_INPUT, NUMBER, NearVectorInputType

__all__ = ["_AggregateCollectionAsync"]


@twin
class _AggregateCollectionAsync(_AggregateBase):
    """Aggregations over one collection (of the handle's tenant). Obtained as
    ``collection.aggregate``."""
'''


def render() -> str:
    return HEADER + "\n" + "\n\n".join(method_text(m) for m in METHODS) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the file is stale")
    args = parser.parse_args(argv)
    path = REPO / TARGET
    text = format_module(render(), TARGET)
    current = path.read_text() if path.exists() else ""
    if text == current:
        return 0
    if args.check:
        sys.stdout.writelines(
            difflib.unified_diff(
                current.splitlines(True), text.splitlines(True), TARGET, "generated", n=1
            )
        )
        print(f"{TARGET} is stale: run python tools/gen_aggregate.py", file=sys.stderr)
        return 1
    path.write_text(text)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
