"""The command line's pure parts: the JSON where filter, the connection target (its URL and
headers, an API key never shown), JSON output of result objects; and that importing the
package imports neither typer nor rich."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import uuid as uuid_lib

import pytest

from weaviate_async.classes.config import StopwordsPreset
from weaviate_async.classes.query import Filter
from weaviate_async.cli.connect import Target
from weaviate_async.cli.output import plain
from weaviate_async.cli.where import parse_where
from weaviate_async.exceptions import WeaviateInvalidInputError


def test_importing_the_client_imports_no_cli_library() -> None:
    code = "import sys, weaviate_async, weaviate_sync; print(sorted({'typer', 'rich'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_where_filters_become_filter_objects() -> None:
    got = parse_where(
        {
            "operator": "And",
            "operands": [
                {"path": ["year"], "operator": "GreaterThanEqual", "valueInt": 2000},
                {"path": "title", "operator": "Like", "valueText": "a*"},
            ],
        }
    )
    want = Filter.all_of(
        [Filter.by_property("year").greater_or_equal(2000), Filter.by_property("title").like("a*")]
    )
    assert got == want
    assert parse_where(
        {"path": ["id"], "operator": "Equal", "valueText": "7b9e2a3c-8d1e-4f5a-9b2c-3d4e5f6a7b8c"}
    ) == Filter.by_id().equal("7b9e2a3c-8d1e-4f5a-9b2c-3d4e5f6a7b8c")
    assert parse_where(
        {"path": ["author", "Author", "name"], "operator": "Equal", "valueText": "x"}
    ) == Filter.by_ref("author").by_property("name").equal("x")
    assert parse_where(
        {"operator": "Not", "operands": [{"path": "x", "operator": "IsNull", "valueBoolean": True}]}
    ) == Filter.not_(Filter.by_property("x").is_none(True))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ([], "filter"),
        ({"operator": "Between", "path": "x", "valueInt": 1}, "filter.operator"),
        ({"operator": "Equal", "path": "x"}, "exactly one value key"),
        ({"operator": "And", "operands": []}, "operands"),
        ({"operator": "Equal", "path": ["a", "B"], "valueInt": 1}, "filter.path"),
        (
            {"operator": "Or", "operands": [{"operator": "Equal", "path": 3, "valueInt": 1}]},
            r"filter\.operands\[0\]\.path",
        ),
    ],
)
def test_bad_where_filters_name_the_field(data: object, field: str) -> None:
    with pytest.raises(WeaviateInvalidInputError, match=field):
        parse_where(data)


def test_target_parses_the_url_and_hides_the_key() -> None:
    assert Target("https://example.org").address() == ("example.org", 443, True)
    assert Target("http://127.0.0.1:8081").address() == ("127.0.0.1", 8081, False)
    assert Target("localhost:9000").address() == ("localhost", 9000, False)
    with pytest.raises(WeaviateInvalidInputError, match="--url"):
        Target("ftp://x").address()
    with pytest.raises(WeaviateInvalidInputError, match="--to"):
        Target("ftp://x").address("--to")
    target = Target(api_key="sekrit-123", headers=("X-Openai-Api-Key: abc",))
    assert target.header_map() == {"X-Openai-Api-Key": "abc"}
    assert "sekrit-123" not in repr(target) and "hidden" in repr(target)
    with pytest.raises(WeaviateInvalidInputError, match="--header"):
        Target(headers=("no colon",)).header_map()


def test_plain_makes_results_json_ready() -> None:
    u = uuid_lib.uuid4()
    when = dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc)
    assert plain({"u": u, "when": when, "preset": StopwordsPreset.EN, "xs": (1, 2)}) == {
        "u": str(u),
        "when": "2024-01-02T00:00:00+00:00",
        "preset": "en",
        "xs": [1, 2],
    }
