"""Secrets out of sight, the pure parts: :mod:`weaviate_async.connect._secrets` (hidden reprs,
never-indexed HPACK encoding, hpack's block log), the reprs of options and integrations, the
command line's header parsing, and the leak checker of tests/integration/test_secrets.py
(it finds a secret on each channel, so a clean result means something)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from hpack import Decoder, Encoder
from hpack.struct import NeverIndexedHeaderTuple
from rich.pretty import pretty_repr

from tests.leak_check import DebugLogs, Evidence
from weaviate_async.cli.connect import Target
from weaviate_async.connect._network import grpc_metadata, request_headers, user_headers
from weaviate_async.connect._secrets import (
    HpackBlockFilter,
    NeverIndexingEncoder,
    Secret,
    SecretHeader,
    hidden_headers,
    install_hpack_filter,
    is_secret_header,
    secret_metadata,
)
from weaviate_async.connect.grpc_proxy import parse_proxy_url
from weaviate_async.connect.integrations import Integrations
from weaviate_async.connect.params import AdditionalConfig, Proxies
from weaviate_async.exceptions import WeaviateInvalidInputError

KEY = "s3cret-unit-0123456789abcdef"
LONG = "eyJ" + "a" * 500  # a JWT-sized token: longer than rich's 80-character cut
SECRETS = (KEY, LONG)


def test_secret_is_the_same_string_but_hides_in_repr() -> None:
    value = Secret(KEY)
    assert value == KEY and hash(value) == hash(KEY)
    assert f"{value}" == KEY and str(value) == KEY and format(value, "") == KEY
    assert value.encode() == KEY.encode()
    assert repr(value) == "'***'"
    assert KEY not in repr([("authorization", value)])
    assert KEY not in repr({"x-openai-api-key": value})
    # rich shows a slice of a long string: the slice is a secret too
    assert LONG[:40] not in pretty_repr([Secret(LONG)], max_string=80)
    assert isinstance(Secret(LONG)[:10], Secret) and Secret(LONG)[:3] == "eyJ"


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("authorization", True),
        ("Proxy-Authorization", True),
        ("X-OpenAI-Api-Key", True),
        ("X-Aws-Secret-Key", True),
        ("X-Aws-Session-Token", True),
        (b"x-cohere-api-key", True),
        ("Cookie", True),
        ("X-OpenAI-Organization", False),
        ("X-OpenAI-Baseurl", False),
        ("user-agent", False),
        ("content-type", False),
    ],
)
def test_secret_headers_are_known_by_name(name: str | bytes, secret: bool) -> None:
    assert is_secret_header(name) is secret


def test_metadata_and_headers_hide_secret_values() -> None:
    metadata = grpc_metadata({"X-OpenAI-Api-Key": KEY, "X-OpenAI-Organization": "org"}, "Bearer k")
    assert ("x-openai-organization", "org") in metadata
    assert ("x-openai-api-key", KEY) in metadata and ("authorization", "Bearer k") in metadata
    assert KEY not in repr(metadata) and "Bearer k" not in repr(metadata)
    assert "org" in repr(metadata)
    assert all(
        isinstance(entry, SecretHeader) for entry in metadata if entry[0] != "x-openai-organization"
    )
    again = secret_metadata([(str(k), str(v)) for k, v in metadata])
    assert again == metadata and KEY not in repr(again)
    headers = user_headers({"X-Cohere-Api-Key": KEY}, with_credentials=False, stacklevel=1)
    assert headers == {"X-Cohere-Api-Key": KEY} and KEY not in repr(headers)
    assert KEY not in repr(hidden_headers({"authorization": KEY}))


def test_rest_headers_are_the_connections_credentials_and_proxy_headers() -> None:
    base = {"content-type": "application/json", "X-OpenAI-Api-Key": Secret(KEY)}
    merged = request_headers(base, Secret("Bearer t"), {"Proxy-Authorization": Secret("Basic p")})
    assert merged == {**base, "authorization": "Bearer t", "Proxy-Authorization": "Basic p"}
    assert request_headers(base, None, None) == base
    assert request_headers(base, None, None) is not base


def _decoded(block: bytes) -> list[tuple[bytes, bytes]]:
    return list(Decoder().decode(block, raw=True))


def test_encoder_sends_secret_headers_never_indexed() -> None:
    headers = [
        (":method", "POST"),
        ("authorization", "Bearer " + KEY),
        ("x-openai-api-key", KEY),
        ("user-agent", "grpc-python"),
    ]
    encoder = NeverIndexingEncoder()
    decoded = _decoded(encoder.encode(headers))
    assert [type(h) is NeverIndexedHeaderTuple for h in decoded] == [False, True, True, False]
    table = list(encoder.header_table.dynamic_entries)
    assert (b"user-agent", b"grpc-python") in table
    assert all(KEY.encode() not in value for _, value in table)
    # Again and again (the representation is kept per connection), with fresh tokens too.
    encoder, decoder = NeverIndexingEncoder(), Decoder()
    for token in ["Bearer " + KEY] * 3 + [f"Bearer {KEY}-{i}" for i in range(40)]:
        block = encoder.encode([("authorization", token), ("user-agent", "grpc-python")])
        first = decoder.decode(block, raw=True)[0]
        assert type(first) is NeverIndexedHeaderTuple and first[1] == token.encode()
    assert len(encoder.__dict__["_literals"]) <= 32
    assert all(KEY.encode() not in value for _, value in encoder.header_table.dynamic_entries)
    # A plain encoder (what grpclib's connections had) indexes them: the table holds the key.
    plain = Encoder()
    plain.encode(headers)
    assert any(KEY.encode() in value for _, value in plain.header_table.dynamic_entries)


@pytest.fixture
def hpack_debug() -> Iterator[DebugLogs]:
    install_hpack_filter()
    with DebugLogs() as logs:
        yield logs


def test_hpack_debug_log_never_holds_a_secret_header(hpack_debug: DebugLogs) -> None:
    headers = [("authorization", "Bearer " + KEY), ("x-cohere-api-key", KEY), ("te", "trailers")]
    NeverIndexingEncoder().encode(headers)
    evidence = Evidence()
    evidence.add_logs(hpack_debug)
    huffman = Encoder().huffman_coder.encode(KEY.encode())
    block_records = [r for r in hpack_debug.records if "Encoded header block" in str(r.msg)]
    assert block_records and b"<redacted>" in block_records[0].args[0]  # type: ignore[index]
    for record in hpack_debug.records:
        for arg in record.args or ():  # type: ignore[union-attr]
            if isinstance(arg, bytes):
                assert huffman not in arg
    evidence.assert_clean([KEY])
    assert "trailers" in " ".join(evidence.texts["log:hpack.hpack"])


def test_hpack_debug_log_of_a_plain_encoder_shows_the_secret(hpack_debug: DebugLogs) -> None:
    """Why the client needs its encoder: hpack's own log of an indexed header."""
    Encoder().encode([("authorization", "Bearer " + KEY)])
    evidence = Evidence()
    evidence.add_logs(hpack_debug)
    assert evidence.leaks([KEY])


def test_hpack_filter_leaves_other_records_alone() -> None:
    record = logging.LogRecord(
        "hpack.hpack", logging.DEBUG, __file__, 1, "Encoded %s", (b"x",), None
    )
    assert HpackBlockFilter().filter(record) and record.args == (b"x",)


def test_option_and_integration_reprs_hide_credentials() -> None:
    proxies = Proxies(http=f"http://user:{KEY}@proxy:3128", grpc="http://proxy:3128")
    config = AdditionalConfig(proxies=proxies)
    for shown in (repr(proxies), repr(config), pretty_repr(config), pretty_repr(proxies)):
        assert KEY not in shown
    assert "http://user:***@proxy:3128" in repr(proxies)
    assert proxies.http == f"http://user:{KEY}@proxy:3128"
    openai = Integrations.openai(api_key=KEY, organization="org-visible")
    assert KEY not in repr(openai) and KEY not in pretty_repr(openai)
    assert "org-visible" in repr(openai)
    parsed = parse_proxy_url(f"http://user:{KEY}@proxy:3128")
    assert KEY not in repr(parsed) and KEY not in repr(parsed.headers)


def test_command_line_header_error_does_not_echo_the_value() -> None:
    target = Target(headers=(f"X-OpenAI-Api-Key={KEY}",))
    with pytest.raises(WeaviateInvalidInputError) as info:
        target.header_map()
    assert KEY not in str(info.value) and "--header" in str(info.value)


def _fails_holding(index: int, hidden: bool) -> None:
    # The secret comes from a global: no frame of the test holds it but this one's metadata.
    metadata = [("authorization", Secret(SECRETS[index]) if hidden else SECRETS[index])]
    raise RuntimeError(f"failed with {len(metadata)} headers")


def _captured(index: int, hidden: bool) -> Evidence:
    evidence = Evidence()
    try:
        _fails_holding(index, hidden)
    except RuntimeError as exc:
        evidence.add_exception("error", exc)
    return evidence


@pytest.mark.parametrize("index", [0, 1])
def test_the_leak_checker_finds_a_secret_in_locals(index: int) -> None:
    leaks = _captured(index, hidden=False).leaks([SECRETS[index][:60]])
    assert any("traceback-locals" in leak for leak in leaks)
    assert any("rich-locals" in leak for leak in leaks)
    hidden = _captured(index, hidden=True)
    hidden.assert_clean([SECRETS[index][:60]])
    assert "failed with 1 headers" in "".join(hidden.texts["error:traceback"])


def test_the_leak_checker_reads_log_arguments_and_objects() -> None:
    with DebugLogs() as logs:
        logging.getLogger("some.library").debug("sending %s", {"authorization": KEY})
    evidence = Evidence()
    evidence.add_logs(logs)
    assert evidence.leaks([KEY])

    class Holder:
        def __init__(self) -> None:
            self.headers = {"x-openai-api-key": KEY}

    internals = Evidence()
    internals.add_internals("holder", Holder())
    assert internals.leaks([KEY]) and not Evidence().leaks([KEY])


def test_the_trace_context_is_sent_as_a_literal_that_is_never_indexed() -> None:
    # traceparent differs on every request: it must decode right and leave the dynamic table
    # (where the call's other headers are compressed against earlier ones) as it was
    encoder = NeverIndexingEncoder()
    decoder = Decoder()
    base = [(":method", "POST"), (":path", "/weaviate.v1.Weaviate/Search"), ("te", "trailers")]
    decoder.decode(encoder.encode(base))
    table = list(encoder.header_table.dynamic_entries)
    for n in range(3):
        parent = f"00-{n:032x}-{n + 1:016x}-01"
        headers = [*base, ("traceparent", parent), ("tracestate", f"k={n}")]
        decoded = decoder.decode(encoder.encode(headers))
        assert decoded == headers
        assert list(encoder.header_table.dynamic_entries) == table
