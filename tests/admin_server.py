"""Servers shared by an async test module and its generated sync twin, started on first use and
stopped at exit (with every embedded server):

* ``admin_server()``: export enabled to a temporary directory, and the optional tokenizers
  (gse, gse_ch, kagome_ja, kagome_kr) switched on;
* ``offload_server()``: the ``offload-s3`` module, offloading to a local S3 emulator (moto's
  server, on loopback), so that tenants can be offloaded without any network.
"""

from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import SERVER_VERSION
from weaviate_async.embedded import DEFAULT_MODULES, EmbeddedOptions, EmbeddedServer

_server: EmbeddedServer | None = None
_export_dir: Path | None = None
_offload: EmbeddedServer | None = None


def admin_server() -> tuple[EmbeddedServer, Path]:
    """The shared server and the directory its filesystem exports are written to."""
    global _server, _export_dir
    if _server is None or not _server.is_running():
        _export_dir = Path(tempfile.mkdtemp(prefix="weaviate-async-export-"))
        atexit.register(shutil.rmtree, _export_dir, ignore_errors=True)
        _server = EmbeddedServer(
            EmbeddedOptions(
                version=SERVER_VERSION,
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _start_s3() -> str:
    """moto's S3 emulator on a free loopback port; its URL once it accepts connections."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    atexit.register(proc.terminate)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the S3 emulator exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the S3 emulator did not start within 60 s")


def offload_server() -> EmbeddedServer:
    """The shared server with ``offload-s3`` writing to a local S3 emulator."""
    global _offload
    if _offload is None or not _offload.is_running():
        endpoint = _start_s3()
        _offload = EmbeddedServer(
            EmbeddedOptions(
                version=SERVER_VERSION,
                modules=(*DEFAULT_MODULES, "offload-s3"),
                additional_env_vars={
                    "OFFLOAD_S3_ENDPOINT": endpoint,
                    "OFFLOAD_S3_BUCKET_AUTO_CREATE": "true",
                    "AWS_ACCESS_KEY_ID": "test-key",
                    "AWS_SECRET_ACCESS_KEY": "test-secret",
                    "AWS_REGION": "us-east-1",
                },
            )
        ).start()
    return _offload
