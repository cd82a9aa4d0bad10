"""Reading a JSON array file an element at a time: the same objects as a whole read, whatever
the buffer size cuts through (strings, escapes, numbers, literals), typed errors for input that
is not an array of objects, and memory that does not follow the file's size."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io.json_array import iter_json_array
from weaviate_async.io.sources import chunks

_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_rows = st.lists(st.dictionaries(st.text(max_size=8), _values, max_size=5), max_size=12)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    rows=_rows,
    indent=st.sampled_from([None, 0, 2]),
    ascii_only=st.booleans(),
    block=st.sampled_from([1, 2, 3, 5, 17, 4096]),
)
def test_any_array_of_objects_reads_as_a_whole_read_does(
    rows: list[dict[str, Any]], indent: int | None, ascii_only: bool, block: int
) -> None:
    text = json.dumps(rows, indent=indent, ensure_ascii=ascii_only)
    assert list(iter_json_array(io.StringIO(text), "f.json", block=block)) == rows


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "got nothing"),
        ("  [", "not closed"),
        ('[{"a": 1}', "not closed"),
        ('[{"a": 1},]', "element 1: not JSON"),
        ("[1]", "element 0: expected an object, got int"),
        ('[{"a": 1} {"b": 2}]', "element 1: ',' expected"),
        ('[{"a": 1}] x', "after the array's end"),
        ('[{"a": tru}]', "element 0: not JSON"),
        ('[{"a": "open}]', "element 0: not JSON"),
        ('{"a": 1', "not JSON"),
        ('"text"', "expected a JSON array of objects"),
    ],
)
@pytest.mark.parametrize("block", [1, 4, 1 << 20])
def test_what_is_not_an_array_of_objects_is_a_typed_error(text: str, says: str, block: int) -> None:
    with pytest.raises(WeaviateInvalidInputError, match=r"f\.json") as caught:
        list(iter_json_array(io.StringIO(text), "f.json", block=block))
    assert says in str(caught.value)


def test_a_single_object_or_an_objects_document_is_read_whole() -> None:
    assert list(iter_json_array(io.StringIO(' {"a": 1}'), "f")) == [{"a": 1}]
    assert list(iter_json_array(io.StringIO('{"objects": [{"a": 1}, {"a": 2}]}'), "f")) == [
        {"a": 1},
        {"a": 2},
    ]


def test_an_element_larger_than_the_buffer_is_read_whole() -> None:
    row = {"text": "x" * 50_000, "vector": [0.5] * 2_000}
    text = json.dumps([row, row])
    assert list(iter_json_array(io.StringIO(text), "f", block=64)) == [row, row]


def _traced_peak(path: Path, rows: int) -> int:
    row = json.dumps({"title": "t", "vector": [0.123456789] * 64})
    with path.open("w") as out:
        out.write("[")
        out.write(",\n".join(row for _ in range(rows)))
        out.write("]")
    tracemalloc.start()
    try:
        read = sum(
            len(chunk.rows) for chunk in chunks(path, fmt=None, chunk_rows=500, vector_columns=None)
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read == rows
    return peak


def test_memory_does_not_follow_the_array_files_size(tmp_path: Path) -> None:
    # chunks of 500 rows from a file four times the size of another: the traced peak (a chunk,
    # the 1 MB buffer) stays where it was
    small = _traced_peak(tmp_path / "small.json", 4_000)
    large = _traced_peak(tmp_path / "large.json", 16_000)
    assert large < small * 1.3, (small, large)
