"""Run clients in a process where only loopback is reachable, and record every address tried.

``python -m tests.socket_guard SPEC_JSON`` installs an audit hook (``sys.addaudithook``) before
any client is imported: each ``socket.getaddrinfo`` and ``socket.connect`` is recorded, and one
aimed anywhere but loopback waits ``delay`` seconds (an unreachable network: packets dropped,
not refused) and then fails with ``OSError(ENETUNREACH)``; the made-up cloud cluster's names
(the server of the ``*-cloud`` cases, down) fail at once. ``"guard": false`` records without
refusing (the baseline). grpcio's sockets are made in C, out of the audit hook's sight, so the
process's own TCP sockets are also read from ``/proc`` after the calls: every peer must be the
server.

SPEC: ``{"guard", "delay", "http_port", "grpc_port", "collection", "cases"}``; a case names a
client and a helper (``sync-local``, ``sync-custom``, ``sync-client``, ``sync-cloud``,
``async-local``, ``async-custom``, ``async-use``, ``async-cloud``, ``official-local``, and
``probe-pypi``, a plain call to the package index that shows what the guard records). Prints
one JSON object: per case the seconds to connect (twice where the server is reachable: the
first connect of the process pays the imports), whether the calls worked, the error of a cloud connect, and the addresses tried.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
import time
from typing import Any

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "ip6-localhost"}
CLUSTER = "procs-guard-test.weaviate.cloud"
CLUSTER_HOSTS = {CLUSTER, f"grpc-{CLUSTER}"}

tried: list[list[Any]] = []
_spec: dict[str, Any] = {}


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return False
    return host in LOOPBACK_NAMES or host.startswith("127.") or host == "::ffff:127.0.0.1"


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.getaddrinfo":
        host = args[0]
    elif event == "socket.connect":
        address = args[1]
        if not isinstance(address, tuple):  # a Unix socket: not the network
            return
        host = address[0]
    else:
        return
    if isinstance(host, bytes):
        host = host.decode()
    tried.append([event, host])
    if host is None or _is_loopback(host) or not _spec.get("guard"):
        return
    if host not in CLUSTER_HOSTS:  # the cloud server's own names stand for a server down
        time.sleep(float(_spec.get("delay", 0)))
    raise OSError(errno.ENETUNREACH, f"{host}: unreachable in this test")


def _tcp_peers() -> list[str]:
    """Remote "ip:port" of this process's TCP sockets (IPv4 and IPv6), from /proc."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    peers = []
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        with open(table) as f:
            next(f)
            for line in f:
                fields = line.split()
                if fields[9] not in inodes or fields[2].endswith(":0000"):
                    continue
                address, port = fields[2].split(":")
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    ip = socket.inet_ntop(socket.AF_INET, raw[::-1])
                else:
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    ip = socket.inet_ntop(socket.AF_INET6, words)
                peers.append(f"{ip}:{int(port, 16)}")
    return peers


def _sync_case(helper: str, spec: dict[str, Any]) -> dict[str, Any]:
    import weaviate_sync
    from weaviate_sync.classes.init import Auth

    http, grpc, name = spec["http_port"], spec["grpc_port"], spec["collection"]

    def connect() -> Any:
        if helper == "local":
            return weaviate_sync.connect_to_local(port=http, grpc_port=grpc)
        if helper == "custom":
            return weaviate_sync.connect_to_custom(
                http_host="127.0.0.1",
                http_port=http,
                http_secure=False,
                grpc_host="127.0.0.1",
                grpc_port=grpc,
                grpc_secure=False,
            )
        if helper == "client":
            c = weaviate_sync.WeaviateClient(
                connection_params=weaviate_sync.connect.ConnectionParams.from_params(
                    http_host="localhost",
                    http_port=http,
                    http_secure=False,
                    grpc_host="localhost",
                    grpc_port=grpc,
                    grpc_secure=False,
                )
            )
            c.connect()
            return c
        return weaviate_sync.connect_to_weaviate_cloud(
            CLUSTER, auth_credentials=Auth.api_key("guard-test-key")
        )

    return _run(connect, lambda c: _sync_calls(c, name), lambda c: c.close(), helper)


def _sync_calls(c: Any, name: str) -> bool:
    c.get_meta()
    c.collections.exists(name)
    page = c.collections.use(name).query.fetch_objects(limit=2)
    return len(page.objects) == 2 and c.is_ready()


def _async_case(helper: str, spec: dict[str, Any]) -> dict[str, Any]:
    import asyncio

    import weaviate_async
    from weaviate_async.classes.init import Auth

    http, grpc, name = spec["http_port"], spec["grpc_port"], spec["collection"]
    loop = asyncio.new_event_loop()

    async def connect() -> Any:
        if helper == "local":
            return await weaviate_async.connect_to_local(port=http, grpc_port=grpc)
        if helper == "custom":
            return await weaviate_async.connect_to_custom(
                http_host="127.0.0.1",
                http_port=http,
                http_secure=False,
                grpc_host="127.0.0.1",
                grpc_port=grpc,
                grpc_secure=False,
            )
        if helper == "use":
            c = weaviate_async.use_async_with_local(port=http, grpc_port=grpc)
            await c.connect()
            return c
        return await weaviate_async.connect_to_weaviate_cloud(
            CLUSTER, auth_credentials=Auth.api_key("guard-test-key")
        )

    async def calls(c: Any) -> bool:
        await c.get_meta()
        await c.collections.exists(name)
        page = await c.collections.use(name).query.fetch_objects(limit=2)
        return len(page.objects) == 2 and bool(await c.is_ready())

    try:
        return _run(
            lambda: loop.run_until_complete(connect()),
            lambda c: loop.run_until_complete(calls(c)),
            lambda c: loop.run_until_complete(c.close()),
            helper,
        )
    finally:
        loop.close()


def _probe_case(helper: str, spec: dict[str, Any]) -> dict[str, Any]:
    """What a hidden call looks like to the guard: the package index asked, as the official
    client does on connect, with the black hole shortened to 0.5 s."""
    import urllib.request

    delay = _spec.get("delay")
    _spec["delay"] = 0.5
    start_index = len(tried)
    started = time.monotonic()
    try:
        urllib.request.urlopen("https://pypi.org/pypi/weaviate-client/json", timeout=10)
    except OSError as exc:
        error: str | None = f"{type(exc).__name__}: {exc}"
    else:
        error = None
    finally:
        _spec["delay"] = delay
    return {
        "connect_seconds": [time.monotonic() - started],
        "calls_ok": None,
        "error": error,
        "tried": tried[start_index:],
    }


def _official_case(helper: str, spec: dict[str, Any]) -> dict[str, Any]:
    import weaviate  # the official client: calibrates the guard (it asks pypi.org on connect)

    http, grpc, name = spec["http_port"], spec["grpc_port"], spec["collection"]
    return _run(
        lambda: weaviate.connect_to_local(port=http, grpc_port=grpc),
        lambda c: _sync_calls(c, name),
        lambda c: c.close(),
        "official",
    )


def _run(connect: Any, calls: Any, close: Any, helper: str) -> dict[str, Any]:
    result: dict[str, Any] = {"connect_seconds": [], "calls_ok": None, "error": None}
    start_index = len(tried)
    # A second connect, with the imports paid, is timed apart; a refused one is not repeated.
    for _ in range(2 if helper in ("local", "custom", "client", "use") else 1):
        started = time.monotonic()
        try:
            client = connect()
        except Exception as exc:
            result["connect_seconds"].append(time.monotonic() - started)
            result["error"] = f"{type(exc).__module__}.{type(exc).__name__}: {exc}"
            continue
        result["connect_seconds"].append(time.monotonic() - started)
        try:
            result["calls_ok"] = bool(calls(client))
            result["peers"] = _tcp_peers()
        finally:
            close(client)
    result["tried"] = tried[start_index:]
    return result


def main() -> None:
    _spec.update(json.loads(sys.argv[1]))
    sys.addaudithook(_hook)  # before any client is imported
    out: dict[str, Any] = {}
    for case in _spec["cases"]:
        kind, helper = case.split("-", 1)
        runner = {
            "sync": _sync_case,
            "async": _async_case,
            "official": _official_case,
            "probe": _probe_case,
        }[kind]
        out[case] = runner(helper, _spec)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
