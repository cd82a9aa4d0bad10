"""Programs written for the official client type-check under ``mypy --strict`` with ours.

Each program below is written against the official ``weaviate`` package, as its users write them:
unannotated handles (``client.collections.get("Article")``), results indexed by property name,
bare generic names in annotations (``List[DataObject]``). Each is checked three ways in ONE mypy
run (about ten seconds, cold cache): as written (the control: a program the official client's
types reject is not a fair test), with ``import weaviate_sync as weaviate`` and, for the async
programs, ``import weaviate_async as weaviate``. Both of ours must be as clean as the control.

A last program holds one deliberate mistake, which mypy must report for every package: a check
that passes because every type became ``Any`` would prove nothing.

It runs mypy in a subprocess on the installed packages (marker ``mypy``; deselect it with
``-m "not mypy"`` for a quicker unit run). The type variables behind those results (variance,
bound, PEP 696 default) are compared with the official ones directly, too.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import textwrap
import types
import typing
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("weaviate", reason="the official client (the `test` extra) is the control")


#: name -> a program for the blocking client, importing ``weaviate``.
SYNC = {
    "get_fetch": """
        client = weaviate.connect_to_local()
        coll = client.collections.get("Article")
        res = coll.query.fetch_objects(limit=2)
        print(res.objects[0].properties["title"], res.objects[0].uuid)
        client.close()
        """,
    "use_search": """
        from weaviate.classes.query import Filter, MetadataQuery

        with weaviate.connect_to_local() as client:
            articles = client.collections.use("Article")
            res = articles.query.near_vector(
                near_vector=[0.1, 0.2],
                limit=3,
                return_metadata=MetadataQuery(distance=True),
                filters=Filter.by_property("title").equal("a"),
            )
            for o in res.objects:
                print(o.properties["title"], o.metadata.distance)
            hits = articles.query.hybrid(query="x", alpha=0.5).objects
            kw = articles.query.bm25(query="x", return_properties=["title"])
            print(len(hits), kw.objects)
            one = articles.query.fetch_object_by_id("e7a4a5b0-1b6f-4b65-9c1a-0e0d5a3f6c11")
            if one is not None:
                print(one.properties)
        """,
    "group_by": """
        from weaviate.classes.query import GroupBy

        with weaviate.connect_to_local() as client:
            c = client.collections.use("Article")
            grouped = c.query.near_text(
                query="x", group_by=GroupBy(prop="title", objects_per_group=2, number_of_groups=3)
            )
            for name, group in grouped.groups.items():
                print(name, group.objects[0].properties)
        """,
    "generate": """
        with weaviate.connect_to_local() as client:
            c = client.collections.get("Article")
            res = c.generate.near_text(
                query="x", single_prompt="Say {title}", grouped_task="Sum up", limit=2
            )
            print(res.generative, res.objects[0].generative)
            again = c.generate.fetch_objects(single_prompt="hi")
            print(again.objects[0].properties["title"])
        """,
    "iterator": """
        with weaviate.connect_to_local() as client:
            c = client.collections.get("Article")
            for obj in c.iterator():
                print(obj.uuid, obj.properties["title"])
            for obj2 in c.iterator(include_vector=True, cache_size=50):
                print(obj2.vector)
        """,
    "batch": """
        with weaviate.connect_to_local() as client:
            c = client.collections.get("Article")
            with c.batch.dynamic() as batch:
                batch.add_object(properties={"title": "a"})
                if batch.number_errors > 0:
                    print("errors")
            print(c.batch.failed_objects)
            with client.batch.fixed_size(batch_size=100) as b2:
                b2.add_object(collection="Article", properties={"title": "b"})
                b2.add_reference(
                    from_uuid="e7a4a5b0-1b6f-4b65-9c1a-0e0d5a3f6c11",
                    from_property="cites",
                    to="e7a4a5b0-1b6f-4b65-9c1a-0e0d5a3f6c12",
                    from_collection="Article",
                )
        """,
    "data": """
        from typing import List

        from weaviate.classes.data import DataObject

        def show(o: DataObject) -> None:
            print(o.uuid)

        with weaviate.connect_to_local() as client:
            c = client.collections.get("Article")
            uid = c.data.insert({"title": "a", "count": 3})
            c.data.update(uuid=uid, properties={"title": "b"})
            objs = [DataObject(properties={"title": "c"}, uuid=uid)]
            result = c.data.insert_many(objs)
            print(result.uuids, result.has_errors, result.errors)
            later: List[DataObject] = []
            print(show, later)
            c.data.delete_by_id(uid)
        """,
    "aggregate": """
        with weaviate.connect_to_local() as client:
            c = client.collections.get("Article")
            agg = c.aggregate.over_all(total_count=True)
            n: int | None = agg.total_count
            print(n, agg.properties)
        """,
    "create": """
        from weaviate.classes.config import ConsistencyLevel, Configure, DataType, Property

        with weaviate.connect_to_local() as client:
            c = client.collections.create(
                "Article",
                properties=[Property(name="title", data_type=DataType.TEXT)],
                vector_config=Configure.Vectors.self_provided(),
            )
            t = c.with_tenant("A").with_consistency_level(ConsistencyLevel.ONE)
            print(t.name, t.query.fetch_objects().objects)
            for name, config in client.collections.list_all().items():
                print(name, config.name)
        """,
}

#: name -> a program for the async client, importing ``weaviate``.
ASYNC = {
    "namespaces": """
        import asyncio

        async def main() -> None:
            client = weaviate.use_async_with_local()
            await client.connect()
            coll = client.collections.get("Article")
            res = await coll.query.fetch_objects(limit=2)
            print(res.objects[0].properties["title"])
            gen = await coll.generate.near_text(query="x", single_prompt="Say {title}")
            print(gen.objects[0].generative)
            async for obj in coll.iterator():
                print(obj.properties["title"])
            uid = await coll.data.insert({"title": "a"})
            agg = await coll.aggregate.over_all(total_count=True)
            print(uid, agg.total_count)
            await client.close()

        asyncio.run(main())
        """,
    "context_and_batch": """
        async def main() -> None:
            async with weaviate.use_async_with_local() as client:
                c = client.collections.use("Article")
                r = await c.query.bm25(query="x", limit=1)
                for o in r.objects:
                    print(o.properties.get("title"))
                async with c.batch.stream() as batch:
                    await batch.add_object(properties={"title": "a"})
                async with client.batch.stream() as b2:
                    await b2.add_object(collection="Article", properties={"title": "a"})
                print(c.batch.failed_objects)
        """,
}

#: A property value is not an int: each package must say so (one error, an [assignment]).
MISTAKES = {
    "sync": """
        with weaviate.connect_to_local() as client:
            res = client.collections.get("Article").query.fetch_objects()
            wrong: int = res.objects[0].properties
        """,
    "async": """
        async def main() -> None:
            async with weaviate.use_async_with_local() as client:
                res = await client.collections.get("Article").query.fetch_objects()
                wrong: int = res.objects[0].properties
        """,
}


def _program(package: str, body: str) -> str:
    head = "import weaviate\n" if package == "weaviate" else f"import {package} as weaviate\n"
    text = textwrap.dedent(body)
    if package != "weaviate":
        text = re.sub(r"^(\s*)from weaviate\.", rf"\1from {package}.", text, flags=re.MULTILINE)
    return head + text


def _write_programs(root: Path) -> dict[str, str]:
    """Writes every program under ``root``; file name -> the package it imports."""
    files: dict[str, str] = {}
    for kind, programs, ours in (
        ("sync", SYNC, "weaviate_sync"),
        ("async", ASYNC, "weaviate_async"),
    ):
        for name, body in {**programs, "mistake": MISTAKES[kind]}.items():
            for package in ("weaviate", ours):
                file = f"{kind}_{name}__{package}.py"
                (root / file).write_text(_program(package, body), encoding="utf-8")
                files[file] = package
    return files


@pytest.mark.mypy
def test_official_programs_pass_mypy_strict(tmp_path: Path) -> None:
    programs = tmp_path / "programs"
    programs.mkdir()
    files = _write_programs(programs)
    # An empty configuration: the project's own [tool.mypy] must not leak into the check.
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(config),
            "--strict",
            "--python-version",
            "3.10",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--no-error-summary",
            "--show-error-codes",
            str(programs),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert not run.stderr.strip(), run.stderr
    errors: dict[str, list[str]] = {file: [] for file in files}
    for line in run.stdout.splitlines():
        match = re.match(r".*?([^/\\]+\.py):\d+: error: ", line)
        assert match, f"unexpected mypy output: {line}"
        errors[match.group(1)].append(line)

    problems = []
    for file, package in sorted(files.items()):
        found = errors[file]
        if "_mistake__" in file:
            if len(found) != 1 or "[assignment]" not in found[0]:
                problems.append(f"{file}: expected one [assignment] error, got {found}")
        elif found and package == "weaviate":
            problems.append(f"{file}: the control is not a valid official program: {found}")
        elif found:
            problems.append(f"{file}: {found}")
    assert problems == []


def _shape(tv: Any, weaviate_properties: Any) -> tuple[Any, ...]:
    """A type variable's variance, bound and default, comparable across the two packages (the
    official ``WeaviateProperties`` holds the official models, ours ours: it stands as a name)."""

    def norm(t: Any) -> Any:
        if t is weaviate_properties:
            return "WeaviateProperties"
        origin = typing.get_origin(t)
        if origin in (typing.Union, types.UnionType):
            return ("Union", frozenset(norm(a) for a in typing.get_args(t)))
        if origin is not None:
            return (origin, tuple(norm(a) for a in typing.get_args(t)))
        return t

    # typing.TypeVar has no defaults before Python 3.13 (typing_extensions' has).
    has_default = getattr(tv, "has_default", lambda: False)()
    return (
        tv.__covariant__,
        tv.__contravariant__,
        norm(tv.__bound__),
        has_default,
        norm(tv.__default__) if has_default else None,
    )


@pytest.mark.parametrize(
    ("official_module", "our_module", "name"),
    [
        *(
            ("weaviate.collections.classes.types", "collections.classes.types", name)
            for name in (
                "Properties",
                "TProperties",
                "DProperties",
                "QProperties",
                "NProperties",
                "References",
                "IReferences",
                "TReferences",
                "P",
                "R",
                "M",
                "T",
                "QP",
                "QR",
            )
        ),
        ("weaviate.collections.classes.data", "classes.data", "P"),
        ("weaviate.collections.classes.data", "classes.data", "R"),
    ],
)
def test_type_variables_as_official(official_module: str, our_module: str, name: str) -> None:
    """Variance, bound and default (PEP 696) of each public type variable, as the official's: a
    default decides whether an unannotated handle or a bare generic name passes a strict check."""
    official = importlib.import_module(official_module)
    ours = importlib.import_module(f"weaviate_async.{our_module}")
    from weaviate.collections.classes.types import WeaviateProperties as theirs_wp

    from weaviate_async.types import WeaviateProperties as ours_wp

    assert _shape(getattr(ours, name), ours_wp) == _shape(getattr(official, name), theirs_wp)
