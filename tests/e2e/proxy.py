"""A small round-robin HTTP proxy on loopback, in front of several `kanebot run --webhook` replicas, as nginx or
caddy would be in production: each request goes to the next replica; a replica that refuses the connection (it is
down) is skipped for the next one; a replica that dies before answering gets the caller a 502, and Telegram (here,
the test) sends the update again.

    python -m tests.e2e.proxy LISTEN_PORT BACKEND_PORT [BACKEND_PORT …]

Prints "proxy listening on http://127.0.0.1:PORT" once it accepts connections. One request per connection to a
replica (Connection: close), the whole answer relayed; bodies are at most MAX_BODY bytes, as the replicas' own.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import signal
import sys

HOST = "127.0.0.1"
MAX_BODY = 1024 * 1024
MAX_HEADER = 64 * 1024
SECONDS = 30.0


class RoundRobin:
    def __init__(self, backends: list[int]) -> None:
        self.backends = backends
        self._next = itertools.cycle(range(len(backends)))
        self.requests = [0] * len(backends)  # how many each replica answered

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    return
                answer = await self._forward(request)
                writer.write(answer)
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, TimeoutError):
            return
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()

    async def _forward(self, request: bytes) -> bytes:
        for _ in range(len(self.backends)):
            index = next(self._next)
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(HOST, self.backends[index]), timeout=SECONDS
                )
            except (OSError, TimeoutError):
                continue  # down: the next replica takes it
            try:
                writer.write(request)
                await writer.drain()
                answer = await asyncio.wait_for(reader.read(), timeout=SECONDS)
            except (OSError, TimeoutError):
                answer = b""
            finally:
                writer.close()
                with contextlib.suppress(OSError):
                    await writer.wait_closed()
            if not answer:  # the replica died before answering: the update may or may not be kept
                return _status(502, "Bad Gateway")
            self.requests[index] += 1
            return answer
        return _status(502, "Bad Gateway")


async def _read_request(reader: asyncio.StreamReader) -> bytes | None:
    """One request, rewritten to close the connection to the replica after its answer; None at the end."""
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=SECONDS)
    except asyncio.IncompleteReadError:
        return None
    if len(head) > MAX_HEADER:
        raise ValueError("headers too long")
    lines = head.decode("latin-1").split("\r\n")
    kept = [lines[0]]
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if not name or name.strip().lower() in {"connection", "keep-alive"}:
            continue
        if name.strip().lower() == "content-length":
            length = int(value.strip())
        kept.append(line)
    if length > MAX_BODY:
        raise ValueError("body too long")
    body = await asyncio.wait_for(reader.readexactly(length), timeout=SECONDS) if length else b""
    return ("\r\n".join([*kept, "Connection: close"]) + "\r\n\r\n").encode("latin-1") + body


def _status(code: int, reason: str) -> bytes:
    return f"HTTP/1.1 {code} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode()


async def serve(port: int, backends: list[int], ready: asyncio.Event | None = None) -> None:
    proxy = RoundRobin(backends)
    server = await asyncio.start_server(proxy.handle, HOST, port, limit=MAX_HEADER)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(number, stop.set)
    async with server:
        print(f"proxy listening on http://{HOST}:{port}", flush=True)
        if ready is not None:
            ready.set()
        await stop.wait()
    print(f"proxy: requests per replica {proxy.requests}", flush=True)


def main(argv: list[str]) -> int:
    if len(argv) < 2 or not all(arg.isdigit() for arg in argv):
        print("usage: python -m tests.e2e.proxy LISTEN_PORT BACKEND_PORT [BACKEND_PORT …]", file=sys.stderr)
        return 2
    asyncio.run(serve(int(argv[0]), [int(arg) for arg in argv[1:]]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
