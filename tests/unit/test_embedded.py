"""Binary provisioning order and failure report (no server started here)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from weaviate_async.embedded import EmbeddedOptions, find_binary
from weaviate_async.exceptions import WeaviateEmbeddedError


def _fake_binary(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_explicit_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = _fake_binary(tmp_path / "a" / "weaviate-server")
    env = _fake_binary(tmp_path / "b" / "weaviate-server")
    monkeypatch.setenv("WEAVIATE_BINARY", str(env))
    assert find_binary(EmbeddedOptions(binary_path=str(explicit))) == explicit


def test_environment_then_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = _fake_binary(tmp_path / "b" / "weaviate-server")
    monkeypatch.setenv("WEAVIATE_BINARY", str(env))
    monkeypatch.setenv("WEAVIATE_ASYNC_CACHE", str(tmp_path / "cache"))
    assert find_binary(EmbeddedOptions()) == env
    monkeypatch.delenv("WEAVIATE_BINARY")
    cached = _fake_binary(tmp_path / "cache" / "v1.2.3" / "weaviate-server")
    assert find_binary(EmbeddedOptions(version="1.2.3")) == cached
    assert find_binary(EmbeddedOptions(version="v1.2.3")) == cached


def test_nothing_works_lists_every_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEAVIATE_ASYNC_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("WEAVIATE_BINARY", str(tmp_path / "missing"))
    options = EmbeddedOptions(
        version="9.9.9",
        binary_path=str(tmp_path / "nope"),
        allow_download=False,
        allow_go_build=False,
    )
    with pytest.raises(WeaviateEmbeddedError) as info:
        find_binary(options)
    text = str(info.value)
    for step in (
        "binary_path=",
        "WEAVIATE_BINARY=",
        "cache",
        "download: disabled",
        "go install: disabled",
    ):
        assert step in text
    assert "go install github.com/weaviate/weaviate/cmd/weaviate-server@v9.9.9" in text


def test_go_install_failure_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A `go` on the PATH that fails: the report carries its output.
    bindir = tmp_path / "bin"
    _fake_binary(bindir / "go").write_text("#!/bin/sh\necho 'module lookup disabled' >&2\nexit 3\n")
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("WEAVIATE_ASYNC_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("WEAVIATE_BINARY", raising=False)
    with pytest.raises(WeaviateEmbeddedError) as info:
        find_binary(EmbeddedOptions(version="9.9.8", allow_download=False))
    assert "exit 3" in str(info.value) and "module lookup disabled" in str(info.value)
