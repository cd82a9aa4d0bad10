"""Helpers users know from the official client's ``weaviate.util``: deterministic UUIDs, UUID and
vector checks, base64 encoding of files and images, beacon and version helpers.

Bad arguments raise :class:`~weaviate_async.exceptions.WeaviateInvalidInputError` (a
``ValueError``) naming the argument, as every input check of this client does.

Examples:
    >>> generate_uuid5({"title": "Hello"})
    >>> get_valid_uuid("weaviate://localhost/Article/3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b")
    '3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b'
    >>> file_encoder_b64("cat.jpg")  # base64 text for a blob property or a near_image search
"""

from __future__ import annotations

import base64
import io
import numbers
import os
import re
import uuid as uuid_lib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from weaviate_async._validate import check_float, invalid, uuid_str

__all__ = [
    "BYTES_PER_CHUNK",
    "MAXIMUM_MINOR_VERSION_DELTA",
    "MINIMUM_NO_WARNING_VERSION",
    "check_batch_result",
    "escape_string",
    "file_decoder_b64",
    "file_encoder_b64",
    "generate_uuid5",
    "get_domain_from_weaviate_url",
    "get_valid_uuid",
    "get_vector",
    "image_decoder_b64",
    "image_encoder_b64",
    "is_object_url",
    "is_weaviate_client_too_old",
    "is_weaviate_domain",
    "is_weaviate_object_url",
    "is_weaviate_too_old",
    "parse_blob",
    "parse_version_string",
    "strip_newlines",
]

#: Bytes read per step when encoding a file: a multiple of 3, so that the base64 of the chunks
#: joins into the base64 of the whole file.
BYTES_PER_CHUNK = 65535
#: How many minor releases a client may lag the latest before it should be upgraded.
MAXIMUM_MINOR_VERSION_DELTA = 3
#: Servers older than this should be upgraded: the oldest version this client connects to
#: (``weaviate_async.connect.connection.MIN_SERVER_VERSION``).
MINIMUM_NO_WARNING_VERSION = "v1.27.0"

_BEACON_PREFIX = "weaviate://"
_DOMAIN_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_TLD = re.compile(r"[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}")
_VERSION = re.compile(r"v?(\d+)\.(\d+)")


# --------------------------------------------------------------------------------------------
# UUIDs and beacons
# --------------------------------------------------------------------------------------------


def generate_uuid5(identifier: Any, namespace: Any = "") -> str:
    """A UUID5 made from ``namespace`` and ``identifier`` (their ``str()``), so the same input
    always gives the same id: re-importing data then replaces objects instead of duplicating them.

    Examples:
        >>> generate_uuid5("article-1") == generate_uuid5("article-1")
        True
    """
    return str(uuid_lib.uuid5(uuid_lib.NAMESPACE_DNS, str(namespace) + str(identifier)))


def _is_uuid(text: str) -> bool:
    try:
        uuid_lib.UUID(text)
    except ValueError:
        return False
    return True


def _is_domain(host: str) -> bool:
    labels = host.rstrip(".").split(".")
    return (
        len(labels) >= 2
        and all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
        and _TLD.fullmatch(labels[-1]) is not None
    )


def is_weaviate_object_url(url: str) -> bool:
    """Whether ``url`` is a beacon: ``weaviate://localhost/<uuid>`` or
    ``weaviate://<host>/<Collection>/<uuid>`` (host ``localhost`` or a domain name).

    Examples:
        >>> is_weaviate_object_url("weaviate://localhost/Article/3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b")
        True
    """
    if not isinstance(url, str) or not url.startswith(_BEACON_PREFIX):
        return False
    parts = url[len(_BEACON_PREFIX) :].split("/")
    if len(parts) not in (2, 3):
        return False
    if parts[0] != "localhost" and not _is_domain(parts[0]):
        return False
    return _is_uuid(parts[-1])


def is_object_url(url: str) -> bool:
    """Whether ``url`` is the REST path of an object: ``[scheme://host]/v1/objects/<uuid>`` or
    ``.../v1/objects/<Collection>/<uuid>`` (only the path and the UUID are checked).

    Examples:
        >>> is_object_url("http://localhost:8080/v1/objects/3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b")
        True
    """
    halves = url.split("/v1/")
    if len(halves) != 2:
        return False
    parts = halves[1].split("/")
    return len(parts) in (2, 3) and parts[0] == "objects" and _is_uuid(parts[-1])


def get_valid_uuid(uuid: str | uuid_lib.UUID) -> str:
    """``uuid`` in canonical form; a beacon or an object URL gives the UUID it ends with.

    Args:
        uuid: a ``uuid.UUID``, its string form, a beacon
            (``weaviate://localhost/Article/<uuid>``) or an object URL
            (``http://localhost:8080/v1/objects/<uuid>``).

    Raises:
        WeaviateInvalidInputError: it is none of these (the field is ``uuid``).

    Examples:
        >>> get_valid_uuid("http://localhost:8080/v1/objects/3F4C7A9E-1B2D-4E5F-8A9B-0C1D2E3F4A5B")
        '3f4c7a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b'
    """
    if isinstance(uuid, str) and (is_weaviate_object_url(uuid) or is_object_url(uuid)):
        return uuid_str(uuid.rsplit("/", 1)[-1], "uuid")
    return uuid_str(uuid, "uuid")


def get_domain_from_weaviate_url(url: str) -> str:
    """The host of a beacon: ``weaviate://localhost/Article/<uuid>`` -> ``localhost``."""
    return url[len(_BEACON_PREFIX) :].split("/")[0]


def is_weaviate_domain(url: str) -> bool:
    """Whether ``url`` is on a Weaviate-operated domain (``weaviate.io``, ``weaviate.cloud``,
    ``semi.technology``), as Weaviate Cloud clusters are."""
    lowered = url.lower()
    return any(domain in lowered for domain in ("weaviate.io", "semi.technology", "weaviate.cloud"))


# --------------------------------------------------------------------------------------------
# Vectors
# --------------------------------------------------------------------------------------------


def _as_list(vector: Any) -> list[Any]:
    """A list from a list, tuple, numpy array, torch or TensorFlow tensor, or pandas or polars
    series (the kinds the official client accepts, and tuples)."""
    if isinstance(vector, (list, tuple)):
        return list(vector)
    converters: tuple[Callable[[Any], Any], ...] = (
        lambda v: v.squeeze().tolist(),  # numpy, torch
        lambda v: v.numpy().squeeze().tolist(),  # TensorFlow
        lambda v: v.to_list(),  # pandas, polars
    )
    for convert in converters:
        try:
            out = convert(vector)
        except AttributeError:
            continue
        if isinstance(out, list):
            return out
    raise invalid(
        "vector",
        "must be a list, tuple, numpy array, torch or TensorFlow tensor, or pandas or polars "
        "series of numbers",
        vector,
    )


def get_vector(vector: Sequence[float] | Any) -> list[float] | list[list[float]]:
    """``vector`` as a list of numbers (a multi-vector: a list of such lists), ready to send.

    Args:
        vector: a list, tuple, numpy array, torch or TensorFlow tensor, or pandas or polars
            series; numpy and tensors are squeezed (a ``(1, n)`` array gives one vector).

    Raises:
        WeaviateInvalidInputError: not one of these, or an entry is not a finite number.

    Examples:
        >>> get_vector(numpy.array([[0.1, 0.2]]))
        [0.1, 0.2]
    """
    values = _as_list(vector)
    if values and all(isinstance(row, (list, tuple)) for row in values):
        return [_numbers(row, f"vector[{i}]") for i, row in enumerate(values)]
    return _numbers(values, "vector")


def _numbers(values: Sequence[Any], field: str) -> list[float]:
    out: list[float] = []
    for i, value in enumerate(values):
        # numpy scalars (float32, int64) are numbers.Real without being float or int
        number = (
            float(value)
            if isinstance(value, numbers.Real) and not isinstance(value, bool)
            else value
        )
        if number is None:
            raise invalid(f"{field}[{i}]", "must be a finite number", value)
        check_float(number, f"{field}[{i}]")
        out.append(number)
    return out


# --------------------------------------------------------------------------------------------
# Files and images as base64
# --------------------------------------------------------------------------------------------


def _chunks(stream: io.BufferedReader) -> Iterator[bytes]:
    while chunk := stream.read(BYTES_PER_CHUNK):
        yield chunk


def _encode_stream(stream: io.BufferedReader) -> str:
    return "".join(base64.b64encode(chunk).decode("ascii") for chunk in _chunks(stream))


def _existing_file(path: str | Path, field: str) -> Path:
    file = Path(path)
    if not file.is_file():
        raise invalid(field, "no file found at this path", str(path))
    return file


def file_encoder_b64(file_or_file_path: str | Path | io.BufferedReader) -> str:
    """The base64 text of a file, for a ``blob`` property or a ``near_image`` /
    ``near_media`` search. Read in chunks, so large files are not held twice in memory.

    Args:
        file_or_file_path: a path (``str`` or ``Path``), or a file opened in binary mode; an
            open file is read from its position and not closed.

    Raises:
        WeaviateInvalidInputError: the path is not a file, or the argument is of another type.
    """
    if isinstance(file_or_file_path, io.BufferedReader):
        return _encode_stream(file_or_file_path)
    if isinstance(file_or_file_path, (str, Path)):
        with _existing_file(file_or_file_path, "file_or_file_path").open("rb") as stream:
            return _encode_stream(stream)
    raise invalid(
        "file_or_file_path",
        "must be a path (str or pathlib.Path) or a file opened in binary mode",
        file_or_file_path,
    )


def image_encoder_b64(image_or_image_path: str | io.BufferedReader) -> str:
    """The base64 text of an image file: a path (``str``) or a file opened in binary mode.

    Raises:
        WeaviateInvalidInputError: the path is not a file, or the argument is of another type.
    """
    if not isinstance(image_or_image_path, (str, io.BufferedReader)):
        raise invalid(
            "image_or_image_path",
            "must be a path (str) or a file opened in binary mode",
            image_or_image_path,
        )
    if isinstance(image_or_image_path, str):
        _existing_file(image_or_image_path, "image_or_image_path")
    return file_encoder_b64(image_or_image_path)


def file_decoder_b64(encoded_file: str) -> bytes:
    """The bytes of a base64-encoded file (e.g. a ``blob`` property as returned)."""
    return base64.b64decode(encoded_file.encode("utf-8"))


def image_decoder_b64(encoded_image: str) -> bytes:
    """The bytes of a base64-encoded image."""
    return file_decoder_b64(encoded_image)


def parse_blob(media: str | Path | io.BufferedReader) -> str:
    """A blob argument as base64 text: a path to an existing file (``str`` or ``Path``) or an
    open binary file is encoded; any other string is taken as base64 already.

    Raises:
        WeaviateInvalidInputError: ``media`` is of another type, or a ``Path`` to no file.
    """
    if isinstance(media, str):
        # os.path.isfile answers False for text too long to be a path (base64 usually is);
        # Path.is_file raises OSError (ENAMETOOLONG) there.
        return file_encoder_b64(media) if os.path.isfile(media) else media
    if isinstance(media, (Path, io.BufferedReader)):
        return file_encoder_b64(media)
    raise invalid(
        "media", "must be base64 text, a path (str or pathlib.Path) or a binary file", media
    )


# --------------------------------------------------------------------------------------------
# Versions, strings, batch results
# --------------------------------------------------------------------------------------------


def parse_version_string(ver_str: str) -> tuple[int, int]:
    """``(major, minor)`` of a version such as ``"v1.39.0"``, ``"1.39"`` or ``"1"`` (the patch
    level is left out).

    Raises:
        WeaviateInvalidInputError: no version can be read from it.
    """
    text = ver_str if "." in ver_str else ver_str + ".0"
    match = _VERSION.match(text)
    if match is None:
        raise invalid("ver_str", "must look like '(v)x.y.z', e.g. 'v1.39.0' or '1.39.0'", ver_str)
    return int(match.group(1)), int(match.group(2))


def is_weaviate_too_old(current_version_str: str) -> bool:
    """Whether a server of this version should be upgraded: older than
    :data:`MINIMUM_NO_WARNING_VERSION` (major and minor compared)."""
    return parse_version_string(current_version_str) < parse_version_string(
        MINIMUM_NO_WARNING_VERSION
    )


def is_weaviate_client_too_old(current_version_str: str, latest_version_str: str) -> bool:
    """Whether a client of version ``current_version_str`` lags ``latest_version_str`` by more
    than :data:`MAXIMUM_MINOR_VERSION_DELTA` minor releases; False when either is unreadable."""
    try:
        current = parse_version_string(current_version_str)
        major, minor = parse_version_string(latest_version_str)
    except ValueError:
        return False
    return current < (major, max(minor - MAXIMUM_MINOR_VERSION_DELTA, 0))


def strip_newlines(s: str) -> str:
    """``s`` with each newline replaced by a space."""
    return s.replace("\n", " ")


def escape_string(value: str) -> str:
    """``value`` percent-encoded for use as one URL path segment (``/`` included)."""
    return quote(value, safe="")


def check_batch_result(results: list[dict[str, Any]] | None) -> None:
    """Print the errors of a REST batch reply (``POST /v1/batch/objects``), one line per failed
    object; nothing for None or a reply without errors."""
    for result in results or []:
        errors = (result.get("result") or {}).get("errors")
        if errors and "error" in errors:
            print(errors)
