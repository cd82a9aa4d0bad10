"""tools/gen_wire.py: the generated record modules are current, and what they generate keeps
the shape of the table (every metric kind's flags are its method's arguments and its request
class's fields, every record's fields in table order)."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "gen_wire.py"
sys.path.insert(0, str(REPO / "tools"))

from factory_tables import aggregate_classes as agg  # noqa: E402
from factory_tables.records import Record  # noqa: E402

from weaviate_async.classes import _batch_records, _internal_records, aggregate  # noqa: E402
from weaviate_async.classes.aggregate import Metrics  # noqa: E402


@pytest.mark.source_tree
def test_the_generated_modules_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind", agg.KINDS, ids=lambda k: k.method)
def test_a_metric_kind_takes_its_flags_and_keeps_them(kind: agg.MetricKind) -> None:
    method = getattr(Metrics("p"), kind.method)
    params = list(inspect.signature(method).parameters)
    flags = [f.name for f in kind.flags]
    assert params == flags + [e.name for e in kind.extra]
    made = method()
    assert type(made).__name__ == kind.metric
    fields = [f.name for f in attrs.fields(type(made))]
    assert fields == ["property_name", *flags, *(e.name for e in kind.extra if e.field)]
    assert all(getattr(made, f) is True for f in flags)  # none chosen: every one
    one = method(**{flags[-1]: True})
    assert [getattr(one, f) for f in flags] == [False] * (len(flags) - 1) + [True]


def _records(module: object) -> list[Record]:
    found = []
    for value in vars(module).values():
        if isinstance(value, Record):
            found.append(value)
        elif isinstance(value, tuple):
            found += [v for v in value if isinstance(v, Record)]
    return found


@pytest.mark.parametrize(
    ("table", "module"),
    [
        ("aggregate_classes", aggregate),
        ("batch_classes", _batch_records),
        ("internal_classes", _internal_records),
    ],
)
def test_records_have_the_fields_of_their_table(table: str, module: object) -> None:
    records = _records(importlib.import_module(f"factory_tables.{table}"))
    assert records
    for rec in records:
        cls = getattr(module, rec.name)
        if rec.style == "attrs":
            names = [f.name for f in attrs.fields(cls)]
        else:
            names = [f.name for f in dataclasses.fields(cls)]
        own = [f.name for f in rec.fields]
        assert names[len(names) - len(own) :] == own, rec.name


def test_the_hand_written_rules_keep_their_errors_and_warning() -> None:
    """The generated ``Metrics`` calls ``classes/_metric_flags.py``: the same checks, and the
    deprecation warning still points at the caller's line."""
    from weaviate_async.exceptions import WeaviateInvalidInputError

    with pytest.warns(DeprecationWarning, match="limit") as caught:
        assert Metrics("t").text(min_occurrences=3).limit == 3
    assert caught[0].filename == __file__
    with pytest.raises(WeaviateInvalidInputError, match="count"):
        Metrics("t").text(count=1)  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="property_"):
        Metrics(None)  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="count"):
        Metrics("t").text(count=None, top_occurrences_value=True)  # type: ignore[arg-type]
