"""Generate ``collection.query`` and ``collection.generate`` from one table.

Usage::

    python tools/gen_search.py           # (re)write the two namespace modules
    python tools/gen_search.py --check   # exit 1 when they differ from what the table makes

The two namespaces repeat themselves: ten search kinds, each with a dozen shared arguments, the
generative ones once more with the four generative arguments, and each method with the typing
overloads that give ``QueryReturn`` or ``GroupByReturn`` (or their generative forms) by
``group_by``, and the data model types by ``return_properties`` / ``return_references``. So
the parameters (annotation, default, documentation) and the methods (parameter order, as in
the official client, and the operator each builds) are written once, here, and the modules are
generated: ``weaviate_async/collections/query.py`` and ``weaviate_async/collections/generate.py``.
Their behaviour lives in hand-written code: the operator builders and the reply parser of
``weaviate_async/wire/search.py`` and the shared path of ``collections/_search.py``.

A method's operator is data (:class:`Operator`: the builder of ``wire.search``, its arguments,
the request field), as are the arguments it hands the shared path (:class:`Method`); small
emitter functions (:func:`_operator`, :func:`_prelude`, :func:`_shared_args`) write them as code.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REQUIRED = object()


@dataclass(frozen=True)
class Param:
    annotation: str
    default: object
    doc: str


P: dict[str, Param] = {
    "near_vector": Param(
        "NearVectorInputType",
        REQUIRED,
        "the query vector: a vector (list, tuple, numpy array), a multi-vector, or "
        "``{target name: vector, multi-vector or NearVector.list_of_vectors(...)}`` to search "
        "several named vectors.",
    ),
    "near_object": Param(
        "UUID", REQUIRED, "the uuid of the object whose vector is the query (it is found too)."
    ),
    "near_text_query": Param(
        "str | list[str]",
        REQUIRED,
        "the text (or texts) to search for; the collection's vectorizer embeds it.",
    ),
    "near_image": Param(
        "BLOB_INPUT",
        REQUIRED,
        "the image: base64 text, a path, or a file opened in binary mode (files are read in a "
        "worker thread).",
    ),
    "media": Param(
        "BLOB_INPUT",
        REQUIRED,
        "the media: base64 text, a path, or a file opened in binary mode (files are read in a "
        "worker thread).",
    ),
    "media_type": Param(
        "NearMediaType",
        REQUIRED,
        "the kind of media (``NearMediaType.AUDIO``, ``VIDEO``, ``IMAGE``, ``DEPTH``, "
        "``THERMAL``, ``IMU``).",
    ),
    "keyword_query": Param(
        "str | None",
        REQUIRED,
        "the keywords; None fetches objects without ranking.",
    ),
    "hybrid_query": Param(
        "str | None",
        REQUIRED,
        "the keywords; None makes the search vector-only (``vector`` is then required).",
    ),
    "uuid": Param("UUID", REQUIRED, "the uuid of the object."),
    "ids": Param("Iterable[UUID]", REQUIRED, "the uuids of the objects (duplicates count once)."),
    "single_prompt": Param(
        "str | _SinglePrompt | None",
        None,
        "a prompt run once per object; ``{property}`` placeholders take its values "
        "(``GenerativeParameters.single_prompt(...)`` adds images, metadata and debug).",
    ),
    "grouped_task": Param(
        "str | _GroupedTask | None",
        None,
        "a task run once over all the results (``GenerativeParameters.grouped_task(...)`` "
        "adds properties, images and metadata).",
    ),
    "grouped_properties": Param(
        "list[str] | None",
        None,
        "the properties given to a text ``grouped_task`` (None: all).",
    ),
    "generative_provider": Param(
        "_GenerativeConfigRuntime | None",
        None,
        "the provider for this call (``GenerativeConfig.<module>(...)``); None: the "
        "collection's generative module.",
    ),
    "certainty": Param(
        "NUMBER | None",
        None,
        "only objects at least this similar (0..1; cosine distance only). Not with distance.",
    ),
    "distance": Param("NUMBER | None", None, "only objects at most this far from the query."),
    "move_to": Param("Move | None", None, "move the query towards these concepts or objects."),
    "move_away": Param("Move | None", None, "move the query away from these concepts or objects."),
    "alpha": Param(
        "NUMBER | None",
        None,
        "the vector search's share: 0 = keyword only, 1 = vector only (None: the server's "
        "default, 0.75).",
    ),
    "vector": Param(
        "HybridVectorType | None",
        None,
        "the vector part: a vector, ``{target: vector}``, or a sub-search "
        "(``HybridVector.near_text`` / ``near_vector``); None: the query's embedding.",
    ),
    "query_properties": Param(
        "list[str] | None",
        None,
        'the properties the keyword search reads (``"title^2"`` boosts one); None: every '
        "text property.",
    ),
    "fusion_type": Param(
        "HybridFusion | None",
        None,
        "how the two rankings are fused (None: the server's ``RELATIVE_SCORE``).",
    ),
    "max_vector_distance": Param(
        "NUMBER | None",
        None,
        "leave out objects farther than this from the query vector.",
    ),
    "limit": Param("int | None", None, "at most this many objects (None: the server's default)."),
    "offset": Param("int | None", None, "skip this many first."),
    "after": Param(
        "UUID | None",
        None,
        "cursor paging: only objects after this uuid, in uuid order (not with offset or sort).",
    ),
    "operator": Param(
        "BM25OperatorOptions | None",
        None,
        "how many query tokens must match (``BM25Operator.or_(n)``, ``and_()``, "
        "``and_cross()``); None: any.",
    ),
    "bm25_operator": Param(
        "BM25OperatorOptions | None",
        None,
        "how many query tokens the keyword part must match (``BM25Operator...``).",
    ),
    "auto_limit": Param(
        "int | None",
        None,
        "autocut: end the results after this many jumps in score or distance.",
    ),
    "filters": Param(
        "_Filters | None",
        None,
        "only objects matching this filter (built with ``Filter``).",
    ),
    "sort": Param(
        "Sorting | None",
        None,
        "the order of the objects (``Sort.by_property(...)``, chainable).",
    ),
    "group_by": Param(
        "GroupBy | None",
        None,
        "group the results by a property; the result is then grouped (``groups``).",
    ),
    "rerank": Param(
        "Rerank | None",
        None,
        "rerank the results with the collection's reranker module (``rerank_score`` in the "
        "metadata).",
    ),
    "boost": Param(
        "BoostReturn | None",
        None,
        "re-score the candidates without removing any (``Boost...``; server 1.38 or newer).",
    ),
    "target_vector": Param(
        "TargetVectorJoinType | None",
        None,
        "the named vector(s) to search, or how to combine several (``TargetVectors...``).",
    ),
    "include_vector": Param(
        "INCLUDE_VECTOR",
        False,
        "the vectors to return: True (all), a name or a list of names.",
    ),
    "return_metadata": Param(
        "METADATA | None",
        None,
        "the metadata to return: a ``MetadataQuery`` or a list of its field names (None: none).",
    ),
    "return_properties": Param(
        "PROPERTIES | bool | type[TProperties] | None",
        None,
        "the properties to return: names, ``QueryNested`` for object fields, or a TypedDict "
        "(None or True: all but blobs, or the handle's data model; False or []: none).",
    ),
    "return_references": Param(
        "REFERENCES | type[TReferences] | None",
        None,
        "the references to follow (``QueryReference``, ``QueryReference.MultiTarget``, or a "
        "TypedDict of ``CrossReference`` keys); None: none, or the handle's data model.",
    ),
    "diversity_selection": Param(
        "MMR | None",
        None,
        "select a diverse subset of the results (``Diversity.mmr(...)``; server 1.37 or "
        "newer, not on multi-vectors).",
    ),
}

#: Positional parameters by public name -> table key.
ALIASES = {
    "query": {"near_text": "near_text_query", "bm25": "keyword_query", "hybrid": "hybrid_query"},
}

_NEAR_TAIL = (
    "limit",
    "offset",
    "auto_limit",
    "filters",
    "group_by",
    "rerank",
    "boost",
    "target_vector",
    "include_vector",
    "return_metadata",
    "return_properties",
    "return_references",
    "diversity_selection",
)
_GENERATIVE = ("single_prompt", "grouped_task", "grouped_properties", "generative_provider")


@dataclass(frozen=True)
class Operator:
    """The search operator a method builds: ``wire.<builder>(<args>, <keyword>=<keyword>...)``,
    in the request field ``field`` (None: the builder gives the field with the message).
    ``media_type`` names the ``NearMediaType`` member passed after the arguments."""

    builder: str
    args: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    field: str | None = None
    media_type: str | None = None
    version: bool = False  # the server's version is passed (``version=self._version``)


@dataclass(frozen=True)
class Method:
    """One search method: its parameters (public names, in the official order), the operator it
    builds and what it hands the shared path (``_SearchNamespace._execute``) besides the shared
    arguments."""

    name: str
    positional: tuple[str, ...]
    keywords: tuple[str, ...]
    summary: str
    operator: Operator | None = None  # None: no search operator (a plain fetch)
    blob: str | None = None  # a media parameter, read to base64 before the operator is built
    execute: tuple[str, ...] = ()  # more parameters _execute takes by the same name
    renamed: tuple[tuple[str, str], ...] = ()  # (_execute's keyword, our parameter)
    by_ids: bool = False  # a filter on the ``ids``, and all of them unless ``limit`` says less
    single: bool = False  # one object by ``uuid``, with the metadata a single object has
    example: tuple[str, ...] = ()  # the arguments of an example call
    positional_defaults: tuple[str, ...] = ()  # positional parameters with a default


_NEAR_OPERATOR = ("certainty", "distance", "target_vector", "diversity_selection")


def _near(
    name: str, summary: str, positional: tuple[str, ...], operator: Operator, **kw: Any
) -> Method:
    keywords = ("certainty", "distance", *_NEAR_TAIL)
    return Method(name, positional, keywords, summary, operator, **kw)


METHODS: list[Method] = [
    Method(
        name="fetch_objects",
        positional=(),
        keywords=(
            "limit",
            "offset",
            "after",
            "filters",
            "sort",
            "include_vector",
            "return_metadata",
            "return_properties",
            "return_references",
        ),
        summary="Objects without ranking: in uuid order, or as ``sort`` says.",
        execute=("after", "sort"),
        example=(
            'filters=Filter.by_property("year").greater_than(2000)',
            'sort=Sort.by_property("year", ascending=False)',
            "limit=10",
        ),
    ),
    Method(
        name="fetch_objects_by_ids",
        positional=("ids",),
        keywords=(
            "limit",
            "offset",
            "after",
            "sort",
            "include_vector",
            "return_metadata",
            "return_properties",
            "return_references",
        ),
        summary=(
            "The objects with these uuids (those that exist). Without ``limit`` all of them "
            "are returned, not the server's default number."
        ),
        execute=("after", "sort"),
        by_ids=True,
    ),
    Method(
        name="fetch_object_by_id",
        positional=("uuid", "include_vector"),
        positional_defaults=("include_vector",),
        keywords=("return_properties", "return_references"),
        summary=(
            "The object with this uuid, or None when there is none. Its metadata always holds "
            "the creation and last update times (and whether the replicas agree)."
        ),
        single=True,
    ),
    _near(
        "near_vector",
        "Objects nearest to a vector (or to several named vectors).",
        ("near_vector",),
        Operator("near_vector_pb", ("near_vector",), _NEAR_OPERATOR, "near_vector", version=True),
        example=("[0.1, 0.2, 0.3]", "limit=5", "return_metadata=MetadataQuery(distance=True)"),
    ),
    _near(
        "near_object",
        "Objects nearest to an object of the collection.",
        ("near_object",),
        Operator("near_object_pb", ("near_object",), _NEAR_OPERATOR, "near_object"),
    ),
    Method(
        name="near_text",
        positional=("query",),
        keywords=("certainty", "distance", "move_to", "move_away", *_NEAR_TAIL),
        summary="Objects nearest to a text, embedded by the collection's vectorizer module.",
        operator=Operator(
            "near_text_pb",
            ("query",),
            (*_NEAR_OPERATOR[:2], "move_to", "move_away", *_NEAR_OPERATOR[2:]),
            "near_text",
        ),
        example=('"cute animals"', "limit=3"),
    ),
    _near(
        "near_image",
        "Objects nearest to an image, embedded by the collection's multi-modal module.",
        ("near_image",),
        Operator("near_media_pb", ("near_image",), _NEAR_OPERATOR, media_type="IMAGE"),
        blob="near_image",
    ),
    _near(
        "near_media",
        "Objects nearest to a piece of media (audio, video, image, depth, thermal or IMU "
        "data), embedded by the collection's multi-modal module.",
        ("media", "media_type"),
        Operator("near_media_pb", ("media", "media_type"), _NEAR_OPERATOR),
        blob="media",
    ),
    Method(
        name="bm25",
        positional=("query",),
        keywords=(
            "query_properties",
            "limit",
            "offset",
            "operator",
            "auto_limit",
            "filters",
            "group_by",
            "rerank",
            "boost",
            "include_vector",
            "return_metadata",
            "return_properties",
            "return_references",
        ),
        summary="Keyword search (BM25) over the text properties.",
        operator=Operator("bm25_pb", ("query", "query_properties", "operator"), (), "bm25_search"),
        renamed=(("bm25_operator", "operator"),),
        example=('"fox"', 'query_properties=["title^2", "body"]'),
    ),
    Method(
        name="hybrid",
        positional=("query",),
        keywords=(
            "alpha",
            "vector",
            "query_properties",
            "fusion_type",
            "max_vector_distance",
            "limit",
            "offset",
            "bm25_operator",
            "auto_limit",
            "filters",
            "group_by",
            "rerank",
            "boost",
            "diversity_selection",
            "target_vector",
            "include_vector",
            "return_metadata",
            "return_properties",
            "return_references",
        ),
        summary="Hybrid search: keyword (BM25) and vector search, fused into one ranking.",
        operator=Operator(
            "hybrid_pb",
            ("query",),
            (
                "alpha",
                "vector",
                "query_properties",
                "fusion_type",
                "max_vector_distance",
                "bm25_operator",
                "target_vector",
                "diversity_selection",
            ),
            "hybrid_search",
            version=True,
        ),
        execute=("bm25_operator",),
        example=('"fox"', "alpha=0.5", 'filters=Filter.by_property("year").less_than(2000)'),
    ),
]

# ---------------------------------------------------------------------------------- typing

PROPS_VARIANTS = [
    ("return_properties: PROPERTIES | bool | None = None", "Properties"),
    ("return_properties: type[TProperties]", "TProperties"),
]
REFS_VARIANTS = [
    ("return_references: None = None", "References"),
    ("return_references: REFERENCES", "CrossReferences"),
    ("return_references: type[TReferences]", "TReferences"),
]
GROUP_VARIANTS = [("group_by: None = None", False), ("group_by: GroupBy", True)]


@dataclass(frozen=True)
class Namespace:
    key: str  # "query" / "generate"
    cls: str
    module: str
    generative: bool


NAMESPACES = [
    Namespace("query", "_QueryCollectionAsync", "weaviate_async/collections/query.py", False),
    Namespace(
        "generate", "_GenerateCollectionAsync", "weaviate_async/collections/generate.py", True
    ),
]


def _key(method: str, name: str) -> str:
    return ALIASES.get(name, {}).get(method, name)


def _default(value: object) -> str:
    return repr(value)


def _result(ns: Namespace, method: Method, grouped: bool, p: str, r: str) -> str:
    if method.name == "fetch_object_by_id":
        return f"ObjectSingleReturn[{p}, {r}] | None"
    if ns.generative:
        base = "GenerativeGroupByReturn" if grouped else "GenerativeReturn"
    else:
        base = "GroupByReturn" if grouped else "QueryReturn"
    return f"{base}[{p}, {r}]"


def _impl_result(ns: Namespace, method: Method) -> str:
    tv = "Properties, References, TProperties, TReferences"
    if method.name == "fetch_object_by_id":
        return f"QuerySingleReturn[{tv}]"
    grouped = "group_by" in method.keywords
    if ns.generative:
        return f"GenerativeSearchReturnType[{tv}]" if grouped else f"GenerativeReturnType[{tv}]"
    return f"QuerySearchReturnType[{tv}]" if grouped else f"QueryReturnType[{tv}]"


def _params(ns: Namespace, method: Method, overrides: dict[str, str]) -> list[str]:
    out = ["self"]
    for name in method.positional:
        param = P[_key(method.name, name)]
        if name in method.positional_defaults:
            out.append(f"{name}: {param.annotation} = {_default(param.default)}")
        else:
            out.append(f"{name}: {param.annotation}")
    out.append("*")
    keywords = list(method.keywords)
    if ns.generative:
        keywords = [*_GENERATIVE, *keywords]
    for name in keywords:
        if name in overrides:
            out.append(overrides[name])
            continue
        param = P[_key(method.name, name)]
        out.append(f"{name}: {param.annotation} = {_default(param.default)}")
    if out[-1] == "*":
        out.pop()
    return out


def _signature(name: str, params: list[str], result: str, body: str) -> str:
    joined = ", ".join(params)
    return f"    async def {name}({joined}) -> {result}:{body}"


def _docstring(ns: Namespace, method: Method) -> str:
    names = [*method.positional]
    if ns.generative:
        names += list(_GENERATIVE)
    names += list(method.keywords)
    lines = [method.summary, "", "Args:"]
    for name in names:
        lines.append(f"    {name}: {P[_key(method.name, name)].doc}")
    lines.append("")
    lines.append("Returns:")
    if method.name == "fetch_object_by_id":
        lines.append("    An ``ObjectSingleReturn``, or None.")
    elif ns.generative:
        if "group_by" in method.keywords:
            lines.append(
                "    A ``GenerativeReturn`` (objects with their generated text, and the grouped "
                "task's), or a ``GenerativeGroupByReturn`` when ``group_by`` is given."
            )
        else:
            lines.append(
                "    A ``GenerativeReturn``: objects with their generated text, and the grouped "
                "task's."
            )
    elif "group_by" in method.keywords:
        lines.append("    A ``QueryReturn``, or a ``GroupByReturn`` when ``group_by`` is given.")
    else:
        lines.append("    A ``QueryReturn``.")
    lines += [
        "",
        "Raises:",
        "    WeaviateInvalidInputError: an argument is invalid; nothing is sent.",
    ]
    if method.name not in ("fetch_objects", "fetch_objects_by_ids", "fetch_object_by_id"):
        lines.append(
            "    WeaviateUnsupportedFeatureError: the server is too old for an argument "
            "(boost, diversity_selection, query profiling, ...)."
        )
    lines.append("    WeaviateQueryError: the server failed the search (its message included).")
    if method.example:
        call_args = list(method.example)
        if ns.generative:
            call_args.append('single_prompt="Summarize {title}"')
        lines += ["", "Examples:", f"    >>> await collection.{ns.key}.{method.name}("]
        lines += [f"    ...     {arg}," for arg in call_args]
        lines.append("    ... )")
    wrapped: list[str] = []
    for line in lines:
        indent = len(line) - len(line.lstrip())
        wrapped += textwrap.wrap(
            line,
            width=100 - 8,
            subsequent_indent=" " * (indent + 4),
            break_on_hyphens=False,
            break_long_words=False,
        ) or [""]
    body = "\n".join(("        " + line) if line else "" for line in wrapped)
    return f'        """{body.lstrip()}\n        """\n'


def _operator(method: Method) -> str:
    """The operator expression: ``{field: wire.builder(...)}`` (``{}`` without an operator)."""
    op = method.operator
    if op is None:
        return "{}"
    args = ["media_b64" if arg == method.blob else arg for arg in op.args]
    if op.media_type is not None:
        args.append(f"NearMediaType.{op.media_type}")
    args += [f"{name}={name}" for name in op.keywords]
    if op.version:
        args.append("version=self._version")
    call = f"wire.{op.builder}({', '.join(args)})"
    return f"dict([{call}])" if op.field is None else f"{{'{op.field}': {call}}}"


def _prelude(ns: Namespace, method: Method, result: str) -> list[str]:
    """Statements before the operator is built: the media read, the ids filter."""
    if method.blob is not None:
        return [f'media_b64 = await self._blob({method.blob}, "{method.blob}")']
    if method.by_ids:
        return [
            "id_filter = wire.ids_filter_pb(ids)",
            "if limit is None and id_filter is not None:",
            "    limit = max(1, len(id_filter.value_text_array.values))",
            "if id_filter is None:",
            f"    empty: {result} = self._empty({_shared_args(ns, method, empty=True)})",
            "    return empty",
        ]
    return []


def _body(ns: Namespace, method: Method) -> str:
    # The result goes through a variable of the declared type: the shared search path returns
    # Any, and mypy --strict refuses to return an Any from a function with a real return type.
    result = _impl_result(ns, method)
    out = ["        " + line for line in _prelude(ns, method, result)]
    if ns.generative:
        out.append(
            "        generative = await self._generative(single_prompt, grouped_task, "
            "grouped_properties, generative_provider)"
        )
    out.append(
        f'        found: {result} = await self._execute("{ns.key}.{method.name}", '
        f"{_operator(method)}, {_shared_args(ns, method)})"
    )
    out.append("        return found")
    return "\n".join(out) + "\n"


_SHARED = (
    "limit",
    "offset",
    "auto_limit",
    "filters",
    "group_by",
    "rerank",
    "boost",
    "include_vector",
    "return_metadata",
    "return_properties",
    "return_references",
)


def _shared_args(ns: Namespace, method: Method, empty: bool = False) -> str:
    """The keyword arguments of ``_execute`` (``empty``: of ``_empty``, the result of a search
    that cannot find anything, which takes no operator)."""
    parts = [f"{n}={n}" for n in _SHARED if n in method.keywords or n in method.positional]
    if "diversity_selection" in method.keywords and not empty:
        parts.append("diversity_selection=diversity_selection")
    parts += [f"{n}={n}" for n in method.execute]
    if not empty:
        parts += [f"{keyword}={param}" for keyword, param in method.renamed]
        if method.by_ids:
            parts.append("filters=id_filter")
        if method.single:
            parts += [
                "limit=1",
                "filters=wire.id_filter_pb(uuid)",
                "metadata_always=SINGLE_METADATA",
                "single=True",
            ]
        if ns.generative:
            parts.append("generative=generative")
    return ", ".join(parts)


def _method(ns: Namespace, method: Method) -> str:
    out: list[str] = []
    grouped = "group_by" in method.keywords
    groups = GROUP_VARIANTS if grouped else [(None, False)]
    for (g_text, is_grouped), (p_text, p_type), (r_text, r_type) in product(
        groups, PROPS_VARIANTS, REFS_VARIANTS
    ):
        overrides = {"return_properties": p_text, "return_references": r_text}
        if g_text is not None:
            overrides["group_by"] = g_text
        params = _params(ns, method, overrides)
        result = _result(ns, method, is_grouped, p_type, r_type)
        out.append("    @overload\n" + _signature(method.name, params, result, " ..."))
    params = _params(ns, method, {})
    # Arguments whose type is only known as a union (a GroupBy | None variable) get the union.
    out.append(
        "    @overload\n" + _signature(method.name, params, _impl_result(ns, method), " ...")
    )
    impl = _signature(method.name, params, _impl_result(ns, method), "\n")
    body = _body(ns, method)
    if not _blocking(ns, method):
        out.append(impl + _docstring(ns, method) + body)
        return "\n\n".join(out)
    out.append(f'    @sync_via("_{method.name}_blocking")\n' + impl + _docstring(ns, method) + body)
    blocking = _signature(
        f"_{method.name}_blocking", params, _impl_result(ns, method), "\n"
    ).replace("    async def ", "    def ", 1)
    doc = (
        f'        """``{method.name}`` for the blocking facade, in the caller\'s thread '
        '(thread-safe)."""\n'
    )
    out.append(blocking + doc + body.replace("await self._execute(", "self._execute_blocking("))
    return "\n\n".join(out)


def _blocking(ns: Namespace, method: Method) -> bool:
    """Whether the blocking facade runs this search in the caller's thread (``@sync_via``):
    every query search whose arguments need no I/O of their own (media files are read in a
    worker thread of the loop; generative searches stay on the loop)."""
    return not ns.generative and method.blob is None


HEADER = '''"""``collection.{key}``: {what}

Generated by ``tools/gen_search.py`` from its table of parameters and methods; change the
table and regenerate (``python tools/gen_search.py``), not this file. Every method builds its
search operator with :mod:`weaviate_async.wire.search` and runs through the shared path of
:mod:`weaviate_async.collections._search`; the signatures follow the official client's
``_{official}``, with typing overloads that give {grouped} when ``group_by``
is given and the data model types of ``return_properties`` / ``return_references``.

Examples:
    >>> {example}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Generic, overload

from weaviate_async._twin import sync_via, twin
from weaviate_async.classes.search import NearMediaType
from weaviate_async.collections._search import SINGLE_METADATA, _SearchNamespace
from weaviate_async.typevars import Properties, References, TProperties, TReferences
from weaviate_async.wire import search as wire

if TYPE_CHECKING:
    from weaviate_async.classes.boost import BoostReturn
    from weaviate_async.classes.filters import _Filters
    from weaviate_async.classes.generative import (
        _GenerativeConfigRuntime,
        _GroupedTask,
        _SinglePrompt,
    )
    from weaviate_async.classes.internal import (
        CrossReferences,
        GenerativeGroupByReturn,
        GenerativeReturn,
        GenerativeReturnType,
        GenerativeSearchReturnType,
        GroupByReturn,
        ObjectSingleReturn,
        QueryReturn,
        QueryReturnType,
        QuerySearchReturnType,
        QuerySingleReturn,
    )
    from weaviate_async.classes.search import (
        INCLUDE_VECTOR,
        METADATA,
        MMR,
        PROPERTIES,
        REFERENCES,
        BM25OperatorOptions,
        GroupBy,
        HybridFusion,
        HybridVectorType,
        Move,
        NearVectorInputType,
        Rerank,
        Sorting,
        TargetVectorJoinType,
    )
    from weaviate_async.types import BLOB_INPUT, NUMBER, UUID

__all__ = ["{cls}"]


@twin
class {cls}(Generic[Properties, References], _SearchNamespace):
    """{doc}

    Obtained as ``collection.{key}``; a tenant and a consistency level come from the handle
    (``collection.with_tenant(...)``, ``with_consistency_level(...)``).
    """
'''


def render(ns: Namespace) -> str:
    if ns.generative:
        what = (
            "retrieval-augmented generation: every search kind of ``collection.query``, whose "
            "results a generative module turns into text (per object, and over all of them)."
        )
        example = (
            'res = await collection.generate.near_text("cats", single_prompt="Describe '
            '{name}", grouped_task="What do they share?")'
        )
        doc = "Generative searches on one collection."
        grouped = "``GenerativeGroupByReturn``"
        official = "GenerateCollectionAsync"
    else:
        what = "search the objects of one collection over gRPC."
        example = (
            "res = await collection.query.near_vector([0.1, 0.2], limit=3, "
            'return_metadata=["distance"])'
        )
        doc = "Searches on one collection."
        grouped = "``GroupByReturn``"
        official = "QueryCollectionAsync"
    text = HEADER.format(
        key=ns.key,
        what=what,
        cls=ns.cls,
        doc=doc,
        example=example,
        grouped=grouped,
        official=official,
    )
    methods = [m for m in METHODS if not (ns.generative and m.name == "fetch_object_by_id")]
    text += "\n" + "\n\n".join(_method(ns, m) for m in methods) + "\n"
    if not ns.generative:
        text = text.replace(
            "    from weaviate_async.classes.generative import (\n"
            "        _GenerativeConfigRuntime,\n        _GroupedTask,\n        _SinglePrompt,\n"
            "    )\n",
            "",
        )
    return text


# ------------------------------------------------------------------ the handle's iterator

#: ``collection.iterator``: its parameters (the official order; ``*`` before the keywords)
#: with their documentation; its overloads are the return_properties x return_references
#: variants of the searches, whose pages it fetches with ``query.fetch_objects``.
ITERATOR_PARAMS: list[tuple[str, str, str]] = [
    (
        "include_vector: INCLUDE_VECTOR = False",
        "include_vector",
        "the vectors: True (all), a name or a list of names; False: none.",
    ),
    (
        "return_metadata: METADATA | None = None",
        "return_metadata",
        "the metadata of each object (a MetadataQuery or a list of field names); none by default.",
    ),
    ("*", "", ""),
    (
        "return_properties: PROPERTIES | bool | type[TProperties] | None = None",
        "return_properties",
        "the properties of each object: names, ``QueryNested`` or a TypedDict; all but blobs "
        "and references by default (or the handle's data model).",
    ),
    (
        "return_references: REFERENCES | type[TReferences] | None = None",
        "return_references",
        "the references to follow (``QueryReference``, a list of them or a TypedDict); none "
        "by default.",
    ),
    (
        "after: UUID | None = None",
        "after",
        "start after the object with this uuid (a cursor from an earlier iteration).",
    ),
    (
        "cache_size: int | None = None",
        "cache_size",
        "how many objects each request fetches (default 100).",
    ),
]
#: The overloads' return_properties without a data model (the iterator takes no bool here).
ITERATOR_PLAIN_PROPERTIES = "return_properties: PROPERTIES | None = None"
ITERATOR_MODULE = "weaviate_async/collections/_iterator_method.py"
ITERATOR_DOC = """Every object of this collection (of this handle's tenant) exactly once, in the order
of their uuids: ``async for obj in collection.iterator(): ...``.

Objects are fetched ``cache_size`` at a time, each page from the uuid of the last
object seen (a cursor), so memory stays bounded and no object comes twice. Every
argument is checked here, before anything is sent; each ``async for`` over the result
starts again from ``after``.

Args:
{args}

Returns:
    The objects (``Object``), fetched as ``async for`` goes.

Raises:
    WeaviateInvalidInputError: an argument is invalid (raised here; nothing is sent).
    WeaviateQueryError: the server failed a page (raised while iterating).

Examples:
    >>> async for obj in collection.iterator(include_vector=True, cache_size=500):
    ...     print(obj.uuid, obj.properties["title"], obj.vector)
"""
ITERATOR_HEADER = '''"""``collection.iterator``: the method of the collection handle, with its typing overloads.

Generated by ``tools/gen_search.py`` from its table (the iterator's parameters, and the
return_properties / return_references variants of the searches); change the table and
regenerate (``python tools/gen_search.py``), not this file. ``CollectionAsync`` inherits it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Literal, overload

from weaviate_async.typevars import Properties, References, TProperties, TReferences

if TYPE_CHECKING:
    from weaviate_async.classes.internal import CrossReferences
    from weaviate_async.classes.search import INCLUDE_VECTOR, METADATA, PROPERTIES, REFERENCES
    from weaviate_async.collections.iterator import _ObjectAIterator
    from weaviate_async.collections.query import _QueryCollectionAsync
    from weaviate_async.types import UUID

__all__ = ["_IteratorMethod"]


class _IteratorMethod(Generic[Properties, References]):
    """The ``iterator`` of :class:`~weaviate_async.collections.collection.CollectionAsync`."""

    if TYPE_CHECKING:

        @property
        def query(self) -> _QueryCollectionAsync[Properties, References]:
            """The handle's searches, which the iterator pages with."""
            ...
'''


def render_iterator() -> str:
    """The module of ``collection.iterator``: an overload per return_properties x
    return_references variant, one for unions, and the method."""
    refs = {"return_references: None = None": "return_references: Literal[None] = None"}
    out: list[str] = []
    for (p_text, p_type), (r_text, r_type) in product(PROPS_VARIANTS, REFS_VARIANTS):
        over = {
            "return_properties": p_text.replace(PROPS_VARIANTS[0][0], ITERATOR_PLAIN_PROPERTIES),
            "return_references": refs.get(r_text, r_text),
        }
        params = ["self", *(over.get(name, text) for text, name, _ in ITERATOR_PARAMS)]
        result = f"_ObjectAIterator[{p_type}, {r_type}]"
        out.append(f"    @overload\n    def iterator({', '.join(params)}) -> {result}: ...")
    params = ["self", *(text for text, _, _ in ITERATOR_PARAMS)]
    signature = f"    def iterator({', '.join(params)}) -> _ObjectAIterator[Any, Any]:"
    out.append("    @overload\n" + signature + " ...")
    args = "\n".join(
        textwrap.fill(
            f"{name}: {doc}", width=88, initial_indent="    ", subsequent_indent="        "
        )
        for _, name, doc in ITERATOR_PARAMS
        if name
    )
    doc = textwrap.indent(ITERATOR_DOC.format(args=args), "        ").lstrip()
    keywords = "".join(f"{name}={name}, " for _, name, _ in ITERATOR_PARAMS if name)
    body = (
        f'        """{doc}        """\n'
        "        from weaviate_async.collections.iterator import _ObjectAIterator\n\n"
        f"        return _ObjectAIterator(self.query, {keywords})\n"
    )
    out.append(signature + "\n" + body)
    return ITERATOR_HEADER + "\n" + "\n\n".join(out)


def _ruff() -> str:
    candidate = Path(sys.executable).parent / "ruff"
    return str(candidate) if candidate.exists() else "ruff"


def format_module(text: str, rel: str) -> str:
    """``text`` as ruff would leave it at ``rel`` in the repository (imports sorted, formatted)."""
    ruff = _ruff()
    fixed = subprocess.run(
        [ruff, "check", "--fix", "--quiet", "--exit-zero", "--stdin-filename", rel, "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout
    return subprocess.run(
        [ruff, "format", "--quiet", "--stdin-filename", rel, "-"],
        input=fixed,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the files are stale")
    args = parser.parse_args()
    stale = 0
    outputs = [(ns.module, render(ns)) for ns in NAMESPACES]
    outputs.append((ITERATOR_MODULE, render_iterator()))
    for module, source in outputs:
        path = REPO / module
        text = format_module(source, module)
        current = path.read_text() if path.exists() else ""
        if text == current:
            continue
        if args.check:
            stale += 1
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(True), text.splitlines(True), module, "generated", n=1
                )
            )
        else:
            path.write_text(text)
            print(f"wrote {module}")
    if stale:
        print(f"{stale} generated module(s) stale: run python tools/gen_search.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
