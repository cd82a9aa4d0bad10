"""The objects of a JSON array file, one at a time, without reading the file whole.

JSON has no record separator, so the array is decoded element by element with the standard
library's incremental decoder (``raw_decode``, its C scanner) over a text buffer refilled from
the file: memory holds one buffer and the element being decoded, whatever the file's size.
A document that is not an array (one object, or ``{"objects": [...]}`` as some dumps write)
is read whole: it has no elements to stream.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import orjson

from weaviate_async.exceptions import WeaviateInvalidInputError

__all__ = ["iter_json_array"]

_BLOCK = 1 << 20  # characters read at a time
_SPACE = " \t\n\r"


def iter_json_array(text: IO[str], name: str, block: int = _BLOCK) -> Iterator[dict[str, Any]]:
    """Each object of the JSON array in ``text`` (``name`` names the input in errors).

    Raises:
        WeaviateInvalidInputError: the input is not JSON, or not an array of objects (the
            element's 0-based number is given).
    """
    reader = _Buffer(text, block)
    if not reader.skip_space():
        raise WeaviateInvalidInputError(f"{name}: expected a JSON array of objects, got nothing")
    if reader.peek() != "[":
        yield from _document(reader.rest(), name)
        return
    reader.pos += 1
    decoder = json.JSONDecoder()
    number = 0
    while True:
        if not reader.skip_space():
            raise WeaviateInvalidInputError(f"{name}: the array is not closed (']' missing)")
        if reader.peek() == "]":
            reader.pos += 1
            if reader.skip_space():
                raise WeaviateInvalidInputError(f"{name}: text after the array's end")
            return
        if number:
            if reader.peek() != ",":
                raise WeaviateInvalidInputError(f"{name}: element {number}: ',' expected")
            reader.pos += 1
            if not reader.skip_space():
                raise WeaviateInvalidInputError(f"{name}: the array is not closed (']' missing)")
        value = reader.decode(decoder, f"{name}: element {number}")
        if not isinstance(value, dict):
            raise WeaviateInvalidInputError(
                f"{name}: element {number}: expected an object, got {type(value).__name__}"
            )
        yield value
        number += 1


class _Buffer:
    """A text buffer over a stream, refilled as the decoding reaches its end."""

    def __init__(self, text: IO[str], block: int) -> None:
        self._text = text
        self._block = block
        self.data = ""
        self.pos = 0
        self.eof = False

    def _more(self, block: int) -> bool:
        if self.eof:
            return False
        piece = self._text.read(block)
        if not piece:
            self.eof = True
            return False
        self.data = self.data[self.pos :] + piece
        self.pos = 0
        return True

    def skip_space(self) -> bool:
        """Move past white space; False at the end of the input."""
        while True:
            data, pos = self.data, self.pos
            while pos < len(data) and data[pos] in _SPACE:
                pos += 1
            self.pos = pos
            if pos < len(data):
                return True
            if not self._more(self._block):
                return False

    def peek(self) -> str:
        return self.data[self.pos]

    def rest(self) -> str:
        return self.data[self.pos :] + self._text.read()

    def decode(self, decoder: json.JSONDecoder, where: str) -> Any:
        """The value that starts at the position, reading more of the input as needed."""
        block = self._block
        while True:
            try:
                value, end = decoder.raw_decode(self.data, self.pos)
            except json.JSONDecodeError as exc:
                # Only a value cut by the buffer's end is worth more input: an error well
                # before the end is an error of the file itself. (An unterminated string
                # reports where the string starts, not where the buffer ends.)
                cut = exc.pos >= len(self.data) - 8 or exc.msg.startswith("Unterminated string")
                if not cut or not self._more(block):
                    raise WeaviateInvalidInputError(f"{where}: not JSON ({exc.msg})") from exc
                block *= 2  # an element larger than a block: read in larger steps
                continue
            self.pos = end
            return value


def _document(text: str, name: str) -> Iterator[dict[str, Any]]:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise WeaviateInvalidInputError(f"{name}: not JSON ({exc})") from exc
    if isinstance(data, dict):  # one object, or {"objects": [...]}
        data = data.get("objects", [data]) if len(data) == 1 else [data]
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise WeaviateInvalidInputError(f"{name}: expected a JSON array of objects")
    yield from data
