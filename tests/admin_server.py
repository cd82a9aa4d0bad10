"""One server for the export and tokenization tests (async and generated sync modules share it):
export enabled to a temporary directory, and the optional tokenizers (gse, gse_ch, kagome_ja,
kagome_kr) switched on. Started on first use, stopped at exit with every embedded server."""

from __future__ import annotations

import tempfile
from pathlib import Path

from weaviate_async.embedded import DEFAULT_MODULES, EmbeddedOptions, EmbeddedServer

_server: EmbeddedServer | None = None
_export_dir: Path | None = None


def admin_server() -> tuple[EmbeddedServer, Path]:
    """The shared server and the directory its filesystem exports are written to."""
    global _server, _export_dir
    if _server is None or not _server.is_running():
        _export_dir = Path(tempfile.mkdtemp(prefix="weaviate-async-export-"))
        _server = EmbeddedServer(
            EmbeddedOptions(
                modules=DEFAULT_MODULES,
                additional_env_vars={
                    "EXPORT_ENABLED": "true",
                    "EXPORT_DEFAULT_PATH": str(_export_dir),
                    "ENABLE_TOKENIZER_GSE": "true",
                    "ENABLE_TOKENIZER_GSE_CH": "true",
                    "ENABLE_TOKENIZER_KAGOME_JA": "true",
                    "ENABLE_TOKENIZER_KAGOME_KR": "true",
                },
            )
        ).start()
    assert _export_dir is not None
    return _server, _export_dir
