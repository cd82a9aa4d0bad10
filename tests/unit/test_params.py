"""Connection parameters and configuration validation (pure)."""

from __future__ import annotations

import pytest

from weaviate_async.config import AdditionalConfig, ConnectionConfig, Proxies, Timeout
from weaviate_async.connect import ConnectionParams
from weaviate_async.connect.connection import parse_version
from weaviate_async.connect.helpers import _cloud_params
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.util import generate_uuid5, get_valid_uuid, get_vector


def test_from_url() -> None:
    p = ConnectionParams.from_url("https://example.org", grpc_port=50051, grpc_secure=True)
    assert (p.http.host, p.http.port, p.http.secure) == ("example.org", 443, True)
    assert p.http.url == "https://example.org:443"
    assert (p.grpc.port, p.grpc.secure) == (50051, True)


@pytest.mark.parametrize("url", ["example.org", "ftp://x:1", "http://"])
def test_from_url_rejects_bad_urls(url: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        ConnectionParams.from_url(url, grpc_port=1)
    assert info.value.field == "url"


@pytest.mark.parametrize("port", [0, 70000, -1, True, "80"])
def test_bad_port_names_the_field(port: object) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        ConnectionParams.from_params("h", port, False, "h", 1, False)  # type: ignore[arg-type]
    assert info.value.field == "port"


def test_timeout_validation_and_tuple_form() -> None:
    # the official client's tuple form: (query, insert)
    assert AdditionalConfig(timeout=(3, 40)).timeout == Timeout(query=3, insert=40)
    with pytest.raises(WeaviateInvalidInputError) as info:
        Timeout(query=0)
    assert info.value.field == "timeout.query"
    with pytest.raises(WeaviateInvalidInputError):
        ConnectionConfig(grpc_channels=0)


def test_proxy_string_applies_to_every_protocol() -> None:
    assert AdditionalConfig(proxies="http://p:3128").proxies == Proxies(
        http="http://p:3128", https="http://p:3128", grpc="http://p:3128"
    )


def test_cloud_params() -> None:
    p = _cloud_params("https://abc.c0.europe-west3.gcp.weaviate.cloud/")
    assert p.http.host == "abc.c0.europe-west3.gcp.weaviate.cloud" and p.http.port == 443
    assert p.grpc.host == "grpc-abc.c0.europe-west3.gcp.weaviate.cloud" and p.grpc.secure
    assert _cloud_params("abc.weaviate.cloud").http.host == "abc.weaviate.cloud"
    with pytest.raises(WeaviateInvalidInputError):
        _cloud_params(" ")


@pytest.mark.parametrize(
    ("text", "version"),
    [("1.39.0", (1, 39, 0)), ("v1.27.3-rc.1", (1, 27, 3)), ("1.30", (1, 30, 0))],
)
def test_parse_version(text: str, version: tuple[int, int, int]) -> None:
    assert parse_version(text) == version


def test_util() -> None:
    assert generate_uuid5("a") == generate_uuid5("a") != generate_uuid5("b")
    assert get_valid_uuid("3F4C7A9E-1B2D-4E5F-8A9B-0C1D2E3F4A5B") == (
        "3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b"
    )
    with pytest.raises(WeaviateInvalidInputError):
        get_valid_uuid("nope")
    assert get_vector((1, 2.5)) == [1.0, 2.5]
    with pytest.raises(WeaviateInvalidInputError):
        get_vector(["x"])


def test_grpc_transport_setting_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WEAVIATE_ASYNC_GRPC_TRANSPORT", raising=False)
    assert AdditionalConfig().resolved_grpc_transport == "grpclib"
    monkeypatch.setenv("WEAVIATE_ASYNC_GRPC_TRANSPORT", "GRPCIO")
    assert AdditionalConfig().resolved_grpc_transport == "grpcio"
    # the config wins over the environment
    assert AdditionalConfig(grpc_transport="grpclib").resolved_grpc_transport == "grpclib"
    monkeypatch.setenv("WEAVIATE_ASYNC_GRPC_TRANSPORT", "h2o")
    with pytest.raises(WeaviateInvalidInputError) as env_info:
        _ = AdditionalConfig().resolved_grpc_transport
    assert env_info.value.field == "WEAVIATE_ASYNC_GRPC_TRANSPORT"
    with pytest.raises(WeaviateInvalidInputError) as info:
        AdditionalConfig(grpc_transport="grpc")  # type: ignore[arg-type]
    assert info.value.field == "grpc_transport"


def test_grpcio_refuses_unverified_tls_before_opening_anything() -> None:
    from weaviate_async.config import TLSConfig
    from weaviate_async.connect.grpcio_channel import check_usable

    check_usable(secure=False, tls=TLSConfig(verify=False))  # plain gRPC: nothing to verify
    with pytest.raises(WeaviateInvalidInputError) as info:
        check_usable(secure=True, tls=TLSConfig(verify=False))
    assert info.value.field == "tls.verify"


def test_proxy_url_for_grpcio_keeps_the_credentials_out_of_display() -> None:
    from weaviate_async.connect.grpc_proxy import parse_proxy_url

    proxy = parse_proxy_url("http://us%40er:p%3Ass@proxy.local:3128")
    assert proxy.url == "http://us%40er:p%3Ass@proxy.local:3128"
    assert proxy.display == "http://proxy.local:3128"
    assert parse_proxy_url("proxy.local:8080").url == "http://proxy.local:8080"
