"""The hand-written checks of the text analyzer builder (``TextAnalyzerConfigCreate``, generated
into :mod:`weaviate_async.classes._property_parts`) that a table row cannot say."""

from __future__ import annotations

from typing import Any

from weaviate_async._validate import check_str, check_str_list, invalid
from weaviate_async.classes._config_enums import StopwordsPreset


def check_fold_ignore(value: Any) -> None:
    """``ascii_fold_ignore``: a list of single characters."""
    check_str_list(value, "ascii_fold_ignore")
    for ch in value or ():
        if len(ch) != 1:
            raise invalid("ascii_fold_ignore", "each entry must be a single character", ch)


def check_stopword_preset(value: Any) -> None:
    """``stopword_preset``: a built-in preset or the non-empty name of one defined on the
    collection."""
    if not isinstance(value, StopwordsPreset):
        check_str(value, "stopword_preset", allow_empty=False)


def check_fold_needed(ascii_fold: Any, ignore: Any) -> None:
    """Characters kept from folding only make sense when folding is on."""
    if ignore is not None and ascii_fold is not True:
        raise invalid("ascii_fold_ignore", "can only be set when ascii_fold=True", ignore)
