"""Which CAs a secure grpcio channel trusts without ``ca_bundle`` (pure; the TLS handshake
itself is tested against a real server in tests/integration/test_tls_proxy.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from weaviate_async.connect.grpcio_channel import default_root_certificates


def test_the_default_verify_file_of_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pem = tmp_path / "roots.pem"
    pem.write_bytes(b"-----BEGIN CERTIFICATE-----\nroots\n-----END CERTIFICATE-----\n")
    monkeypatch.delenv("GRPC_DEFAULT_SSL_ROOTS_FILE_PATH", raising=False)
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    assert default_root_certificates() == pem.read_bytes()


def test_grpcs_own_roots_file_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "absent.pem"))
    assert default_root_certificates() is None  # no file: grpcio's own roots
    monkeypatch.setenv("GRPC_DEFAULT_SSL_ROOTS_FILE_PATH", str(tmp_path / "grpc.pem"))
    assert default_root_certificates() is None  # grpcio reads that variable itself
