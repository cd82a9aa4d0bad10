"""The version gates against the real server under test (``WEAVIATE_VERSION``).

On the pinned server every gate is open and the features' own tests run. On an older server
(``nox -s tests_servers``) those tests are skipped by their ``min_server`` mark, and this test
asserts instead that the client refuses each such feature before sending anything.
"""

from __future__ import annotations

import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION
from tests.version_gates import GATES, run_gated
from weaviate_async.connect.connection import parse_version
from weaviate_async.exceptions import WeaviateUnsupportedFeatureError


async def test_features_newer_than_the_server_are_refused_before_sending(
    client: weaviate_async.WeaviateAsyncClient,
) -> None:
    conn = client._connection
    assert conn is not None
    running = conn.server_version
    assert running == parse_version(SERVER_VERSION)
    assert not await client.collections.exists("C")
    for feature, minimum, call in GATES:
        if running < parse_version(minimum):
            with pytest.raises(WeaviateUnsupportedFeatureError) as info:
                await run_gated(call, client)
            assert feature.lower() in info.value.feature.lower()
            assert info.value.minimum_version == minimum
            assert info.value.server_version == ".".join(map(str, running))
        else:
            conn.require_version(feature, minimum)  # open: the feature's own tests run
    # the refused creations, property additions and updates sent nothing
    assert not await client.collections.exists("C")
