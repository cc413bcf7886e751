"""The fake gateway: HELLO, IDENTIFY/READY, heartbeats, RESUME with replay, member chunks.

discord.py 2.7 connects to ``DiscordWebSocket.DEFAULT_GATEWAY`` with
``?v=10&encoding=json&compress=zlib-stream`` (``zstd-stream`` when zstandard is importable).
With zlib-stream every frame is a chunk of ONE zlib stream per connection, each ending in a
``Z_SYNC_FLUSH`` marker (``00 00 ff ff``), which is exactly what the client buffers for.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import importlib.util
import json
import logging
import secrets
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from . import payloads
from .models import INTENT_GUILD_MEMBERS

if TYPE_CHECKING:
    from .state import FakeState

log = logging.getLogger(__name__)

JSON = dict[str, Any]

# Gateway opcodes.
OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_PRESENCE_UPDATE = 3
OP_VOICE_STATE_UPDATE = 4
OP_RESUME = 6
OP_RECONNECT = 7
OP_REQUEST_GUILD_MEMBERS = 8
OP_INVALID_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11

# Gateway close codes the fake uses.
CLOSE_UNKNOWN_OPCODE = 4001
CLOSE_DECODE_ERROR = 4002
CLOSE_NOT_AUTHENTICATED = 4003
CLOSE_AUTHENTICATION_FAILED = 4004
CLOSE_ALREADY_AUTHENTICATED = 4005
CLOSE_INVALID_API_VERSION = 4012
CLOSE_INVALID_INTENTS = 4013
CLOSE_DISALLOWED_INTENTS = 4014

MAX_REPLAY = 10_000


class _Compressor:
    """Per-connection transport compression matching the client's ``compress`` query."""

    def __init__(self, mode: str | None) -> None:
        self.mode = mode
        self._zlib = zlib.compressobj() if mode == "zlib-stream" else None
        self._zstd: Any = None
        if mode == "zstd-stream":
            self._zstd = _zstd_compressor()

    def encode(self, text: str) -> bytes | str:
        """Compress one gateway message; plain text when no compression was requested."""
        raw = text.encode()
        if self._zlib is not None:
            return self._zlib.compress(raw) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
        if self._zstd is not None:
            return bytes(self._zstd(raw))
        return text


def _zstd_compressor() -> Callable[[bytes], bytes]:
    """A streaming zstd compressor flushing a block per message (only if discord.py uses zstd).

    discord.py prefers the ``zstandard`` package, else the 3.14+ stdlib ``compression.zstd``;
    the fake uses whichever is importable, loaded lazily so zlib-only setups need neither.
    """
    if importlib.util.find_spec("zstandard") is not None:
        zstandard: Any = importlib.import_module("zstandard")
        stream = zstandard.ZstdCompressor().compressobj()
        flush_block = zstandard.COMPRESSOBJ_FLUSH_BLOCK
        return lambda raw: bytes(stream.compress(raw) + stream.flush(flush_block))
    zstd: Any = importlib.import_module("compression.zstd")
    compressor = zstd.ZstdCompressor()
    return lambda raw: bytes(compressor.compress(raw, mode=compressor.FLUSH_BLOCK))


@dataclass(eq=False)
class GatewaySession:
    """An identified session: survives dropped connections so RESUME can replay events."""

    session_id: str
    identify: JSON
    seq: int = 0
    events: list[tuple[int, str, JSON]] = field(default_factory=list)
    connection: GatewayConnection | None = None
    invalidated: bool = False

    @property
    def intents(self) -> int:
        """Intents the client identified with."""
        return int(self.identify.get("intents") or 0)

    def dispatch(self, event: str, data: JSON) -> int:
        """Number, buffer and (if connected) send one dispatch; returns its sequence."""
        self.seq += 1
        self.events.append((self.seq, event, data))
        del self.events[:-MAX_REPLAY]
        if self.connection is not None:
            self.connection.send({"op": OP_DISPATCH, "t": event, "s": self.seq, "d": data})
        return self.seq


class GatewayConnection:
    """One websocket; outgoing frames go through a queue so they keep their order."""

    def __init__(
        self, ws: web.WebSocketResponse, request: web.Request, compress: str | None
    ) -> None:
        self.ws = ws
        self.request = request
        self.compressor = _Compressor(compress)
        self.session: GatewaySession | None = None
        self.heartbeats = 0
        self.closed_by_server = False
        self._queue: asyncio.Queue[JSON | None] = asyncio.Queue()
        self._writer = asyncio.create_task(self._write_loop(), name="fake-gateway-writer")

    def send(self, payload: JSON) -> None:
        """Queue a gateway message for sending."""
        self._queue.put_nowait(payload)

    async def _write_loop(self) -> None:
        while (payload := await self._queue.get()) is not None:
            if self.ws.closed:
                return
            frame = self.compressor.encode(json.dumps(payload, separators=(",", ":")))
            try:
                if isinstance(frame, bytes):
                    await self.ws.send_bytes(frame)
                else:
                    await self.ws.send_str(frame)
            except (ConnectionError, RuntimeError) as exc:
                log.debug("gateway write failed, connection is gone: %r", exc)
                return

    async def close(self, code: int, message: str = "") -> None:
        """Flush queued frames, then close with ``code`` (a Discord close code)."""
        self.closed_by_server = True
        self._queue.put_nowait(None)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._writer, timeout=2)
        await self.ws.close(code=code, message=message.encode())

    def abort(self) -> None:
        """Kill the TCP connection without a close frame, like a network failure."""
        self.closed_by_server = True
        self._queue.put_nowait(None)
        transport = self.request.transport
        if transport is not None:
            transport.abort()

    async def finish(self) -> None:
        """Stop the writer task (used once the socket is closed)."""
        self._queue.put_nowait(None)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._writer, timeout=2)
        if not self._writer.done():
            self._writer.cancel()


class GatewayServer:
    """Accepts gateway websockets and routes dispatches to identified sessions."""

    def __init__(self, state: FakeState, *, heartbeat_interval_ms: int) -> None:
        self.state = state
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.url = ""
        self.sessions: dict[str, GatewaySession] = {}
        self.connections: list[GatewayConnection] = []
        self.identifies: list[JSON] = []
        self.resumes = 0
        self.connects = 0
        self.queries: list[dict[str, str]] = []
        self.presence_updates: list[JSON] = []
        self.disallowed_intents = 0

    # -- dispatching -----------------------------------------------------------------------

    def live_sessions(self) -> list[GatewaySession]:
        """Sessions that still receive events (connected or resumable)."""
        return [s for s in self.sessions.values() if not s.invalidated]

    def broadcast(
        self,
        event: str,
        data: JSON,
        *,
        transform: Callable[[GatewaySession, JSON], JSON | None] | None = None,
    ) -> None:
        """Dispatch to every live session; ``transform`` may tailor or drop it per session."""
        for session in self.live_sessions():
            tailored = transform(session, data) if transform else data
            if tailored is not None:
                session.dispatch(event, tailored)

    # -- faults ----------------------------------------------------------------------------

    async def drop(self, *, code: int | None = None) -> int:
        """Cut every open connection (abruptly, or with close ``code``); returns how many.

        Sessions are detached first, so anything dispatched from now on is buffered for RESUME.
        """
        dropped = list(self.connections)
        for connection in dropped:
            if connection.session is not None:
                connection.session.connection = None
            if code is None:
                connection.abort()
        if code is not None:
            await asyncio.gather(*(c.close(code, "fake gateway drop") for c in dropped))
        return len(dropped)

    def send_op(self, op: int, data: Any = None) -> int:
        """Send a non-dispatch opcode (e.g. RECONNECT) to every open connection."""
        for connection in self.connections:
            connection.send({"op": op, "d": data})
        return len(self.connections)

    async def close_all(self) -> None:
        """Close every connection with 1001 (going away) on shutdown."""
        for connection in list(self.connections):
            await connection.close(1001, "fake discord shutting down")

    # -- websocket handler -----------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """aiohttp handler for the gateway websocket."""
        ws = web.WebSocketResponse(compress=False, max_msg_size=0, heartbeat=None)
        await ws.prepare(request)
        query = dict(request.query)
        self.queries.append(query)
        compress = query.get("compress")
        connection = GatewayConnection(ws, request, compress)
        self.connections.append(connection)
        self.connects += 1
        log.debug("gateway connection %d opened with %s", self.connects, query)
        try:
            if query.get("v") != str(payloads.API_VERSION):
                await connection.close(CLOSE_INVALID_API_VERSION, "Invalid API version")
            elif query.get("encoding", "json") != "json":
                await connection.close(CLOSE_DECODE_ERROR, "Only json encoding is faked")
            elif compress not in (None, "zlib-stream", "zstd-stream"):
                await connection.close(CLOSE_DECODE_ERROR, f"Unknown compression {compress}")
            else:
                connection.send(
                    {
                        "op": OP_HELLO,
                        "d": {
                            "heartbeat_interval": self.heartbeat_interval_ms,
                            "_trace": ['["fake-gateway",{"micros":1}]'],
                        },
                    }
                )
                await self._receive_loop(connection)
        finally:
            await self._closed(connection)
        return ws

    async def _receive_loop(self, connection: GatewayConnection) -> None:
        async for message in connection.ws:
            if message.type is not WSMsgType.TEXT:
                await connection.close(CLOSE_DECODE_ERROR, "Expected text frames")
                return
            try:
                frame = json.loads(message.data)
                op = frame["op"]
            except (ValueError, KeyError, TypeError):
                await connection.close(CLOSE_DECODE_ERROR, "Decode error")
                return
            if not await self._handle_op(connection, op, frame.get("d")):
                return

    async def _handle_op(self, connection: GatewayConnection, op: int, data: Any) -> bool:
        """Handle one client opcode; False means the connection was closed."""
        if op == OP_HEARTBEAT:
            connection.heartbeats += 1
            connection.send({"op": OP_HEARTBEAT_ACK, "d": None})
        elif op == OP_IDENTIFY:
            return await self._identify(connection, data)
        elif op == OP_RESUME:
            return await self._resume(connection, data)
        elif connection.session is None:
            await connection.close(CLOSE_NOT_AUTHENTICATED, "Not authenticated")
            return False
        elif op == OP_REQUEST_GUILD_MEMBERS:
            self._member_chunk(connection.session, data)
        elif op == OP_PRESENCE_UPDATE:
            self.presence_updates.append(data)
        elif op == OP_VOICE_STATE_UPDATE:
            log.debug("ignoring voice state update %s", data)
        else:
            await connection.close(CLOSE_UNKNOWN_OPCODE, f"Unknown opcode {op}")
            return False
        return True

    async def _identify(self, connection: GatewayConnection, data: JSON) -> bool:
        state = self.state
        if connection.session is not None:
            await connection.close(CLOSE_ALREADY_AUTHENTICATED, "Already authenticated")
            return False
        if data.get("token") != state.token:
            await connection.close(CLOSE_AUTHENTICATION_FAILED, "Authentication failed")
            return False
        intents = data.get("intents")
        if not isinstance(intents, int) or intents < 0:
            await connection.close(CLOSE_INVALID_INTENTS, "Invalid intent(s)")
            return False
        if intents & self.disallowed_intents:
            await connection.close(CLOSE_DISALLOWED_INTENTS, "Disallowed intent(s)")
            return False
        self.identifies.append(data)
        session = GatewaySession(session_id=secrets.token_hex(16), identify=data)
        self.sessions[session.session_id] = session
        session.connection = connection
        connection.session = session
        session.dispatch(
            "READY",
            payloads.ready_payload(
                bot_user=state.bot_user,
                application_id=state.application_id,
                application_flags=state.application_flags,
                session_id=session.session_id,
                resume_gateway_url=self.url,
                guilds=[state.guild],
                shard=data.get("shard"),
            ),
        )
        members = (
            state.guild.members
            if intents & INTENT_GUILD_MEMBERS
            else [m for m in state.guild.members if m.user.id == state.bot_user.id]
        )
        session.dispatch(
            "GUILD_CREATE", payloads.guild_create_payload(state.guild, members=members)
        )
        log.debug("session %s identified with intents %d", session.session_id, intents)
        state.notifier.notify()
        return True

    async def _resume(self, connection: GatewayConnection, data: JSON) -> bool:
        session = self.sessions.get(str(data.get("session_id")))
        if (
            session is None
            or session.invalidated
            or data.get("token") != self.state.token
            or connection.session is not None
        ):
            connection.send({"op": OP_INVALID_SESSION, "d": False})
            return True
        if session.connection is not None and session.connection is not connection:
            session.connection.abort()
        session.connection = connection
        connection.session = session
        last_seen = int(data.get("seq") or 0)
        replayed = [(s, e, d) for s, e, d in session.events if s > last_seen]
        for seq, event, payload in replayed:
            connection.send({"op": OP_DISPATCH, "t": event, "s": seq, "d": payload})
        session.dispatch("RESUMED", {"_trace": ['["fake-gateway",{"micros":1}]']})
        self.resumes += 1
        log.debug(
            "session %s resumed after seq %d, replayed %d",
            session.session_id,
            last_seen,
            len(replayed),
        )
        self.state.notifier.notify()
        return True

    def _member_chunk(self, session: GatewaySession, data: JSON) -> None:
        guild = self.state.guild
        members = list(guild.members)
        if data.get("user_ids"):
            wanted = {int(u) for u in data["user_ids"]}
            members = [m for m in members if m.user.id in wanted]
        elif data.get("query"):
            prefix = str(data["query"]).lower()
            members = [m for m in members if m.user.username.lower().startswith(prefix)]
        if data.get("limit"):
            members = members[: int(data["limit"])]
        chunk: JSON = {
            "guild_id": str(guild.id),
            "members": [payloads.member_payload(m, guild) for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        session.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    async def _closed(self, connection: GatewayConnection) -> None:
        with contextlib.suppress(ValueError):
            self.connections.remove(connection)
        session = connection.session
        if session is not None and session.connection is connection:
            session.connection = None
            # Discord invalidates a session the client closed with 1000/1001.
            if not connection.closed_by_server and connection.ws.close_code in (1000, 1001):
                session.invalidated = True
        await connection.finish()
        log.debug("gateway connection closed (code %s)", connection.ws.close_code)
        self.state.notifier.notify()
