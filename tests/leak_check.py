"""Collect everything a program may show of its secrets, and grep it.

:class:`Evidence` gathers text by channel (``"repr"``, ``"log"``, ``"exception"``,
``"traceback-locals"``, ``"rich-locals"``, ``"cli"``, ...): what a person or a tool would see
or record. :meth:`Evidence.leaks` greps every text of every channel for each secret (and the
forms it travels in, such as the base64 of a basic credential). Another channel is one more
:meth:`Evidence.add` call (the spans of an in-memory OpenTelemetry exporter, for instance, as
``evidence.add("span", repr(span.attributes))``).

:class:`DebugLogs` turns on DEBUG for the root logger and every library logger underneath the
client (hpack, h2, grpclib, aiohttp, asyncio, urllib3, ...) and keeps every record.
"""

from __future__ import annotations

import base64
import logging
import traceback
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["LIBRARY_LOGGERS", "DebugLogs", "Evidence", "secret_forms"]

#: The loggers of the libraries the client runs on (and its own), all put at DEBUG.
LIBRARY_LOGGERS = (
    "",
    "weaviate_async",
    "weaviate_sync",
    "weaviate-client",
    "hpack",
    "hpack.hpack",
    "hpack.table",
    "h2",
    "grpclib",
    "grpc",
    "aiohttp",
    "aiohttp.client",
    "aiohttp.internal",
    "asyncio",
    "urllib3",
    "multidict",
    "charset_normalizer",
)


def secret_forms(secret: str) -> list[str]:
    """``secret`` and the encodings it may travel in."""
    return [secret, base64.b64encode(secret.encode()).decode()]


class Evidence:
    """Text captured per channel, grepped for secrets by :meth:`leaks`."""

    def __init__(self) -> None:
        self.texts: dict[str, list[str]] = defaultdict(list)

    def add(self, channel: str, text: str) -> None:
        """One more text seen on ``channel``."""
        self.texts[channel].append(text)

    def add_object(self, channel: str, obj: object) -> None:
        """``repr``, ``str`` and rich's pretty form of ``obj``."""
        from rich.pretty import pretty_repr

        self.add(channel, repr(obj))
        self.add(channel, str(obj))
        # rich walks attrs classes and dataclasses field by field (its pretty printer, its
        # tracebacks' locals).
        self.add(f"{channel}:rich", pretty_repr(obj, max_string=80))

    def add_internals(self, channel: str, obj: object) -> None:
        """:meth:`add_object`, and the ``repr`` of each attribute (what a debugger's variable
        view shows one level down)."""
        self.add_object(channel, obj)
        for name, value in _attributes(obj):
            self.add(f"{channel}.{name}", repr(value))

    def add_exception(self, channel: str, exc: BaseException) -> None:
        """Everything an error reporter records of ``exc``: its text, repr and notes, the
        formatted traceback (with the chain), the traceback with every frame's locals (as
        Sentry does), and rich's traceback with locals (as ``rich.traceback.install(
        show_locals=True)`` and typer print it)."""
        self.add(f"{channel}:str", str(exc))
        self.add(f"{channel}:repr", repr(exc))
        for note in getattr(exc, "__notes__", ()) or ():
            self.add(f"{channel}:notes", str(note))
        for name, value in _attributes(exc):
            self.add(f"{channel}:attr.{name}", repr(value))
        self.add(f"{channel}:traceback", "".join(traceback.format_exception(exc)))
        locals_text = "".join(
            traceback.TracebackException.from_exception(exc, capture_locals=True).format()
        )
        self.add(f"{channel}:traceback-locals", locals_text)
        self.add(f"{channel}:rich-locals", _rich_traceback(exc))

    def add_logs(self, logs: DebugLogs) -> None:
        """Every record of ``logs``: the formatted line (with any exception and its locals),
        the message template and each argument's repr and str."""
        formatter = logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
        for record in logs.records:
            channel = f"log:{record.name}"
            self.add(channel, formatter.format(record))
            self.add(channel, str(record.msg))
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            for arg in args:
                self.add(channel, repr(arg))
                self.add(channel, str(arg))
            if record.exc_info and record.exc_info[1] is not None:
                self.add_exception(channel, record.exc_info[1])

    def leaks(self, secrets: Iterable[str]) -> list[str]:
        """Where a secret appears: ``channel: ...excerpt...`` for each hit, empty if none."""
        found = []
        for secret in secrets:
            for form in secret_forms(secret):
                for channel, texts in self.texts.items():
                    for text in texts:
                        at = text.find(form)
                        if at >= 0:
                            excerpt = text[max(0, at - 120) : at + len(form) + 40]
                            found.append(f"{channel}: ...{excerpt}...")
                            break
        return found

    def assert_clean(self, secrets: Iterable[str]) -> None:
        """Fail with every place a secret appears."""
        leaks = self.leaks(secrets)
        assert not leaks, "secrets leaked:\n" + "\n".join(leaks[:20])

    def count(self) -> int:
        """How many texts were captured (a test checks it grepped something)."""
        return sum(len(texts) for texts in self.texts.values())


def _attributes(obj: object) -> Iterator[tuple[str, Any]]:
    try:
        items = list(vars(obj).items())
    except TypeError:
        items = []
    for slot in getattr(type(obj), "__slots__", ()) or ():
        if hasattr(obj, slot):
            items.append((slot, getattr(obj, slot)))
    yield from items


def _rich_traceback(exc: BaseException) -> str:
    # What rich's Traceback(show_locals=True) prints of each frame's locals (its pretty-printed
    # nodes, with its default limits), without the cost of laying out the panels.
    from rich.traceback import Traceback

    trace = Traceback.extract(type(exc), exc, exc.__traceback__, show_locals=True)
    lines = []
    for stack in trace.stacks:
        lines.append(f"{stack.exc_type}: {stack.exc_value}")
        for frame in stack.frames:
            lines.append(f"{frame.filename}:{frame.lineno} in {frame.name}")
            for name, node in (frame.locals or {}).items():
                lines.append(f"    {name} = {node.render(max_width=100)}")
    return "\n".join(lines)


class DebugLogs(logging.Handler):
    """A handler on the root logger keeping every record, with the root and
    :data:`LIBRARY_LOGGERS` (and every logger that exists) at DEBUG while in use."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self._saved: list[tuple[logging.Logger, int, bool]] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``record``."""
        self.records.append(record)

    def __enter__(self) -> DebugLogs:
        names = set(LIBRARY_LOGGERS) | set(logging.root.manager.loggerDict)
        for name in sorted(names):
            logger = logging.getLogger(name)
            self._saved.append((logger, logger.level, logger.disabled))
            logger.setLevel(logging.DEBUG)
            logger.disabled = False
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        logging.getLogger().removeHandler(self)
        for logger, level, disabled in self._saved:
            logger.setLevel(level)
            logger.disabled = disabled
        self._saved.clear()

    def names(self) -> set[str]:
        """The loggers that emitted something."""
        return {record.name for record in self.records}
