"""The prompts of a generative search (``SinglePrompt``, ``GroupedTask``), generated into
``weaviate_async/classes/_generative_prompts.py`` by ``tools/gen_models.py``.

Each prompt is a frozen class whose fields are checked (or converted) when it is built; a field
is written once here (``FIELDS``: annotation, attrs field, docstring line) and each class lists
the fields it has. ``GenerativeParameters`` (``tools/factory_tables/generative_runtime.py``)
builds them; the checks are hand-written in ``weaviate_async/classes/_generative_runtime.py``.
"""

from __future__ import annotations

from factory_tables.model_rows import Class, Field, Target, Text

_BOOL = "attrs.field(default=False, validator=attrs_check(check_bool, required=True))"
_NAMES = "tuple[str, ...] | None"

#: field -> (annotation, attrs field, docstring line with ``{what}`` for the prompt's kind)
FIELDS: dict[str, tuple[str, str, str]] = {
    "prompt": (
        "str",
        "attrs.field(validator=attrs_check(check_str, required=True))",
        "the {what}.",
    ),
    "non_blob_properties": (
        _NAMES,
        "attrs.field(default=None, converter=_non_blob_properties)",
        "the properties whose values are given to the task (None: all).",
    ),
    "image_properties": (
        _NAMES,
        "attrs.field(default=None, converter=_image_properties)",
        "blob properties sent as images{each}.",
    ),
    "images": (
        "tuple[BLOB_INPUT, ...] | None",
        "attrs.field(default=None, converter=_images)",
        "images sent with {the}.",
    ),
    "metadata": (
        "bool",
        _BOOL,
        "ask the provider for usage metadata (``Generative{kind}.metadata``).",
    ),
    "debug": ("bool", _BOOL, "return the full prompt as sent (``GenerativeSingle.debug``)."),
}


def _prompt_class(name: str, summary: str, fields: tuple[str, ...], **words: str) -> Class:
    lines = [f"    {f}: {FIELDS[f][2].format(**words)}" for f in fields]
    doc = f"{summary}\n\nAttributes:\n" + "\n".join(lines) + "\n"
    return Class(
        name,
        doc,
        fields=tuple(Field(f, FIELDS[f][0], FIELDS[f][1]) for f in fields),
        decorator="@attrs.frozen(kw_only=True)",
    )


TARGETS = (
    Target(
        path="weaviate_async/classes/_generative_prompts.py",
        doc="""The prompts of a generative search: a prompt per object and a task over all results.

:mod:`.generative` re-exports them under their public names; ``GenerativeParameters`` builds
them.""",
        header="""
from __future__ import annotations

import attrs

from weaviate_async._validate import attrs_check, check_bool, check_str
from weaviate_async.classes._generative_runtime import (
    _image_properties,
    _images,
    _non_blob_properties,
)
from weaviate_async.classes._value_types import BLOB_INPUT

__all__ = ["GroupedTask", "SinglePrompt"]
""",
        items=(
            _prompt_class(
                "_SinglePrompt",
                "A prompt run once per result object (``single_prompt=``); ``{property}``\n"
                "placeholders are filled from each object.",
                ("prompt", "image_properties", "images", "metadata", "debug"),
                what="prompt",
                each=" with each prompt",
                the="each prompt",
                kind="Single",
            ),
            _prompt_class(
                "_GroupedTask",
                "A task run once over all the results (``grouped_task=``).",
                ("prompt", "non_blob_properties", "image_properties", "images", "metadata"),
                what="task",
                each="",
                the="the task",
                kind="Grouped",
            ),
            Text(
                """
#: A single prompt with options, as ``GenerativeParameters.single_prompt`` builds it.
SinglePrompt = _SinglePrompt
#: A grouped task with options, as ``GenerativeParameters.grouped_task`` builds it.
GroupedTask = _GroupedTask
"""
            ),
        ),
    ),
)
