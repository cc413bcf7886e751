"""FakeDiscord: the loopback server plus the API tests use to act as Discord users.

The real, unmodified discord.py client talks to it over HTTP and a websocket on 127.0.0.1.
The only change made to discord.py is where it connects (see :meth:`FakeDiscord.redirect_discord`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import web

from . import payloads
from .faults import Fault, FaultPlan
from .gateway import OP_RECONNECT, GatewayServer, GatewaySession
from .models import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_MESSAGE_CONTENT,
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
    RecordedRequest,
    Upload,
)
from .records import MODAL, FakeMessage, InteractionHandle
from .rest import (
    APPLICATION_COMMAND,
    APPLICATION_COMMAND_AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    RestApi,
)
from .state import FakeState

log = logging.getLogger(__name__)

JSON = dict[str, Any]
ClientT = TypeVar("ClientT", bound=discord.Client)
T = TypeVar("T")
MessageRef = FakeMessage | int
SELECT_TYPES = {3, 5, 6, 7, 8}


class _ErrorCollector(logging.Handler):
    """Collects discord.py ERROR records: a test fails if the bot swallowed an exception."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class FakeDiscord:
    """A fake Discord (REST + gateway) on 127.0.0.1 with a random port.

    Start it with ``async with FakeDiscord() as fake`` (or the ``fake_discord`` fixture), run a
    client with ``async with fake.running(bot)``, then drive it with :meth:`slash`,
    :meth:`click`, :meth:`post_message`... and assert on what was recorded.
    """

    def __init__(
        self,
        *,
        locale: str = "ja",
        heartbeat_interval_ms: int = 1000,
        default_timeout: float = 5.0,
        interaction_deadline: float | None = 3.0,
        enforce_message_content_intent: bool = True,
    ) -> None:
        self.state = FakeState(locale=locale, default_timeout=default_timeout)
        self.faults = FaultPlan()
        self.gateway = GatewayServer(self.state, heartbeat_interval_ms=heartbeat_interval_ms)
        self.rest = RestApi(self.state, self.faults, interaction_deadline=interaction_deadline)
        self.state.event_sink = self._echo_event
        self.enforce_message_content_intent = enforce_message_content_intent
        self.allow_unknown_routes = False
        self.client_errors: list[logging.LogRecord] = []
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind 127.0.0.1 on a free port and serve REST, gateway and attachment routes."""
        app = web.Application(middlewares=[self.rest.middleware], client_max_size=64 * 1024 * 1024)
        app.add_routes(self.rest.routes())
        app.router.add_get("/", self.gateway.handle)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        self.state.base_url = self.http_url
        self.state.gateway_url = self.gateway_url
        self.gateway.url = self.gateway_url
        log.info("fake discord listening on %s", self.http_url)

    async def stop(self) -> None:
        """Close gateway sockets, then the HTTP server."""
        if self._runner is None:
            return
        await self.gateway.close_all()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def http_url(self) -> str:
        """Base HTTP URL, e.g. ``http://127.0.0.1:54321``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """What ``discord.http.Route.BASE`` must be set to."""
        return f"{self.http_url}/api/v{payloads.API_VERSION}"

    @property
    def gateway_url(self) -> str:
        """Gateway websocket URL (also the READY ``resume_gateway_url``)."""
        return f"ws://127.0.0.1:{self.port}/"

    @contextlib.contextmanager
    def redirect_discord(self) -> Iterator[None]:
        """Point discord.py at the fake: ``Route.BASE`` and ``DiscordWebSocket.DEFAULT_GATEWAY``.

        discord.py 2.7's ``Client.connect`` does not ask ``GET /gateway/bot`` (only
        AutoShardedClient does); it opens ``DEFAULT_GATEWAY``, so both class attributes are
        swapped and restored afterwards.
        """
        route_base = discord.http.Route.BASE
        default_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            discord.http.Route.BASE = route_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = default_gateway

    @contextlib.asynccontextmanager
    async def running(
        self,
        client: ClientT,
        *,
        timeout: float = 10.0,
        fail_on_errors: bool = True,
    ) -> AsyncIterator[ClientT]:
        """Log ``client`` in with the fake token, wait for on_ready, and close it afterwards.

        discord.py waits ``guild_ready_timeout`` (default 2s) after the last GUILD_CREATE
        before READY, so construct test clients with e.g. ``guild_ready_timeout=0.05``.
        With ``fail_on_errors`` any ERROR logged by discord.py (an exception swallowed in an
        event or command handler) fails the test on exit.
        """
        collector = _ErrorCollector()
        discord_logger = logging.getLogger("discord")
        discord_logger.addHandler(collector)
        connect_task: asyncio.Task[None] | None = None
        try:
            await client.login(self.state.token)
            connect_task = asyncio.create_task(
                client.connect(reconnect=True), name="fake-client-connect"
            )
            ready_task = asyncio.create_task(client.wait_until_ready(), name="fake-client-ready")
            done, _ = await asyncio.wait(
                {connect_task, ready_task}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if ready_task not in done:
                ready_task.cancel()
                if connect_task in done:
                    connect_task.result()
                    raise RuntimeError("client.connect() returned before READY")
                raise TimeoutError(f"client was not ready within {timeout}s")
            yield client
        finally:
            await client.close()
            if connect_task is not None:
                try:
                    await asyncio.wait_for(connect_task, timeout=5)
                except TimeoutError:
                    log.warning("client.connect() did not finish after close()")
                except Exception:
                    log.exception("client.connect() failed")
                    raise
            discord_logger.removeHandler(collector)
            self.client_errors.extend(collector.records)
        if fail_on_errors and collector.records:
            details = "\n".join(
                f"{r.name}: {r.getMessage()}" + (f" ({r.exc_info[1]!r})" if r.exc_info else "")
                for r in collector.records
            )
            raise AssertionError(f"discord.py logged errors while running:\n{details}")

    # -- world -----------------------------------------------------------------------------

    @property
    def token(self) -> str:
        """The bot token the fake accepts."""
        return self.state.token

    @property
    def bot_user(self) -> FakeUser:
        """The bot's own user (its id is also the application id)."""
        return self.state.bot_user

    @property
    def application_id(self) -> int:
        """The application id reported by ``/oauth2/applications/@me`` and READY."""
        return self.state.application_id

    @property
    def alice(self) -> FakeUser:
        """Human test user, guild owner with the Admin role."""
        return self.state.alice

    @property
    def bob(self) -> FakeUser:
        """Human test user without roles."""
        return self.state.bob

    @property
    def guild(self) -> FakeGuild:
        """The test guild."""
        return self.state.guild

    @property
    def general(self) -> FakeChannel:
        """The default text channel."""
        return self.state.guild.channel("general")

    @property
    def questions(self) -> FakeChannel:
        """The second text channel (``#budget-questions``)."""
        return self.state.guild.channel("budget-questions")

    def channel(self, name_or_id: str | int) -> FakeChannel:
        """A guild channel by name or id."""
        return self.state.guild.channel(name_or_id)

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        """The DM channel between the bot and ``user``."""
        return self.state.dm_channel(user)

    # -- records ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every REST request, in arrival order."""
        return self.state.requests

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        """Requests to routes the fake does not implement (answered 404/405)."""
        return self.state.unknown_requests

    def requests_to(self, method: str, pattern: str) -> list[RecordedRequest]:
        """Recorded requests whose method and path (below /api/v10) match a glob."""
        probe = Fault(method.upper(), pattern, 0, 0, 0.0, False)
        return [r for r in self.state.requests if probe.matches(r.method, r.path)]

    @property
    def messages(self) -> list[FakeMessage]:
        """Every message (users' and bot's), oldest first."""
        return list(self.state.messages.values())

    def bot_messages(self, channel: FakeChannel | None = None) -> list[FakeMessage]:
        """Messages the bot created (REST, interaction responses, follow-ups), oldest first."""
        return self.state.bot_messages(channel.id if channel else None)

    @property
    def interactions(self) -> list[InteractionHandle]:
        """Every interaction dispatched, oldest first."""
        return list(self.state.interactions.values())

    def commands(self, guild: FakeGuild | None = None) -> list[JSON]:
        """Commands as stored by the last bulk overwrite (global, or for ``guild``)."""
        return list(self.state.commands.get(guild.id if guild else None, []))

    def command(self, name: str, *, guild: FakeGuild | None = None, kind: int = 1) -> JSON:
        """One synced command by name (guild scope falls back to global)."""
        return self.state.find_command(name, kind=kind, guild_id=guild.id if guild else None)

    @property
    def command_syncs(self) -> list[tuple[int | None, list[JSON]]]:
        """Raw bulk-overwrite bodies as (guild id or None, commands), in order."""
        return self.state.command_syncs

    @property
    def identifies(self) -> list[JSON]:
        """IDENTIFY payloads received, in order."""
        return self.gateway.identifies

    @property
    def intents(self) -> int | None:
        """Intents value of the most recent IDENTIFY."""
        return int(self.gateway.identifies[-1]["intents"]) if self.gateway.identifies else None

    @property
    def gateway_resumes(self) -> int:
        """How many RESUMEs succeeded."""
        return self.gateway.resumes

    @property
    def typing_channels(self) -> list[int]:
        """Channel ids of every typing trigger, in order."""
        return self.state.typing

    def assert_clean(self) -> None:
        """Fail if the client hit unknown routes or a fake handler crashed."""
        problems = [f"unknown route: {r.method} {r.path}" for r in self.state.unknown_requests]
        if self.allow_unknown_routes:
            problems = []
        problems += [f"fake server error:\n{e}" for e in self.state.server_errors]
        if problems:
            raise AssertionError("fake discord saw problems:\n" + "\n".join(problems))

    # -- waiting ---------------------------------------------------------------------------

    async def wait_for_message(
        self,
        channel: FakeChannel | None = None,
        *,
        reference: MessageRef | None = None,
        after: MessageRef | None = None,
        author: FakeUser | None = None,
        predicate: Callable[[FakeMessage], bool] | None = None,
        timeout: float | None = None,
    ) -> FakeMessage:
        """The first live message by ``author`` (default: the bot) matching all filters.

        Already-sent messages count, so call it after the action that triggers the reply.
        """
        author_id = (author or self.state.bot_user).id
        reference_id = _message_id(reference)
        after_id = _message_id(after)

        def check() -> FakeMessage | None:
            for message in self.state.messages.values():
                if (
                    not message.deleted
                    and message.author_id == author_id
                    and (channel is None or message.channel_id == channel.id)
                    and (reference_id is None or message.reference_id == reference_id)
                    and (after_id is None or message.id > after_id)
                    and (predicate is None or predicate(message))
                ):
                    return message
            return None

        def describe() -> str:
            recent = [m for m in self.state.messages.values() if m.author_id == author_id][-5:]
            return (
                f"a message (channel={channel.name if channel else None}, "
                f"reference={reference_id}, after={after_id}); "
                f"recent messages by that author: {recent}"
            )

        return await self.state.notifier.wait_for(check, describe, timeout)

    async def wait_until(
        self,
        check: Callable[[], T | None],
        description: str,
        *,
        timeout: float | None = None,
    ) -> T:
        """Wait (re-checking after every change the fake records) until ``check()`` is not None."""
        return await self.state.notifier.wait_for(check, description, timeout)

    @property
    def interaction_deadline(self) -> float | None:
        """Seconds a bot has for the initial callback (Discord: 3); None disables the check."""
        return self.rest.interaction_deadline

    @interaction_deadline.setter
    def interaction_deadline(self, value: float | None) -> None:
        self.rest.interaction_deadline = value

    async def wait_for_commands(
        self, guild: FakeGuild | None = None, *, timeout: float | None = None
    ) -> list[JSON]:
        """Wait until commands were synced for the scope and return them."""
        scope = guild.id if guild else None
        return await self.state.notifier.wait_for(
            lambda: list(self.state.commands[scope]) if scope in self.state.commands else None,
            f"a command sync for {'guild ' + str(scope) if scope else 'global scope'}",
            timeout,
        )

    async def wait_for_session(
        self, *, since: int = 0, timeout: float | None = None
    ) -> GatewaySession:
        """Wait for more than ``since`` IDENTIFY+RESUME handshakes; return the connected session."""

        def check() -> GatewaySession | None:
            if self.gateway.resumes + len(self.gateway.identifies) <= since:
                return None
            return next((s for s in self.gateway.sessions.values() if s.connection), None)

        return await self.state.notifier.wait_for(check, "a gateway IDENTIFY or RESUME", timeout)

    # -- acting as Discord and its users ---------------------------------------------------

    async def dispatch(self, event: str, data: JSON) -> None:
        """Send a raw gateway dispatch to every live session (for events not wrapped here)."""
        self._require_session()
        self.gateway.broadcast(event, data)

    async def slash(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: FakeUser | None = None,
        channel: FakeChannel | None = None,
        locale: str | None = None,
    ) -> InteractionHandle:
        """Invoke a synced chat-input command; ``name`` may be ``"group sub"``.

        Option values are typed from the synced definition: ints for integer options,
        FakeUser/FakeChannel/FakeRole for user/channel/role, ``(filename, bytes)`` for attachments.
        """
        channel = channel or self.general
        data = self._command_data(name, options or {}, channel, focused=None)
        return self._dispatch_interaction(
            APPLICATION_COMMAND, data, user=user, channel=channel, locale=locale
        )

    async def autocomplete(
        self,
        name: str,
        option: str,
        value: Any,
        options: Mapping[str, Any] | None = None,
        *,
        user: FakeUser | None = None,
        channel: FakeChannel | None = None,
        locale: str | None = None,
        timeout: float | None = None,
    ) -> list[JSON]:
        """Type ``value`` into ``option`` of a command and return the choices the bot offered."""
        channel = channel or self.general
        data = self._command_data(name, options or {}, channel, focused=(option, value))
        handle = self._dispatch_interaction(
            APPLICATION_COMMAND_AUTOCOMPLETE, data, user=user, channel=channel, locale=locale
        )
        return await handle.choices(timeout)

    async def click(
        self,
        message: MessageRef,
        custom_id: str,
        *,
        user: FakeUser | None = None,
        values: Sequence[Any] | None = None,
        locale: str | None = None,
    ) -> InteractionHandle:
        """Click a button (or pick select ``values``) on a message the bot sent."""
        target = self._message(message)
        component = target.component(custom_id)
        if component is None:
            raise LookupError(f"no component {custom_id!r} on {target!r}; has {target.custom_ids}")
        if component.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled; a user cannot use it")
        kind = int(component["type"])
        data: JSON = {"custom_id": custom_id, "component_type": kind}
        if kind in SELECT_TYPES:
            data |= self._select_values(component, list(values or []))
        elif values:
            raise ValueError(f"component {custom_id!r} (type {kind}) takes no values")
        channel = self.state.channel(target.channel_id)
        return self._dispatch_interaction(
            MESSAGE_COMPONENT, data, user=user, channel=channel, locale=locale, message=target
        )

    async def submit_modal(
        self,
        handle: InteractionHandle,
        values: Mapping[str, str | Sequence[str]],
        *,
        user: FakeUser | None = None,
        locale: str | None = None,
    ) -> InteractionHandle:
        """Fill in and submit the modal the bot answered ``handle`` with (callback type 9)."""
        callback = await handle.response()
        if callback.type != MODAL:
            raise AssertionError(
                f"interaction {handle.id} was answered with {callback.type}, not a modal"
            )
        data = {
            "custom_id": callback.data["custom_id"],
            "components": _modal_submission(callback.components, values),
        }
        user = user or self.state.users[int(self.state.interaction_user(handle)["id"])]
        channel = self.state.channel(handle.channel_id)
        return self._dispatch_interaction(
            MODAL_SUBMIT,
            data,
            user=user,
            channel=channel,
            locale=locale,
            message=handle.component_message,
        )

    async def post_message(
        self,
        content: str = "",
        *,
        author: FakeUser | None = None,
        channel: FakeChannel | None = None,
        mentions: Sequence[FakeUser] = (),
        attachments: Sequence[tuple[str, bytes]] = (),
        reference: MessageRef | None = None,
    ) -> FakeMessage:
        """A user posts a message (MESSAGE_CREATE).

        Mentioned users are put into the content as ``<@id>`` (if not already there) and into the
        ``mentions`` array, as Discord does. Without the MESSAGE_CONTENT intent the bot receives
        empty content unless it is mentioned or it is a DM, also as Discord does.
        """
        self._require_session()
        for user in mentions:
            if user.mention not in content and f"<@!{user.id}>" not in content:
                content = f"{user.mention} {content}".strip()
        uploads = [
            Upload(
                field=f"files[{index}]",
                filename=filename,
                content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
                data=data,
            )
            for index, (filename, data) in enumerate(attachments)
        ]
        body: JSON = {"content": content}
        if reference is not None:
            body["message_reference"] = {"message_id": str(_message_id(reference))}
        return self.state.create_message(
            channel=channel or self.general,
            author=author or self.alice,
            body=body,
            uploads=uploads,
            source="user",
        )

    # -- faults ----------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        path: str,
        *,
        status: int = 429,
        count: int = 1,
        retry_after: float = 0.05,
        is_global: bool = False,
    ) -> Fault:
        """Make the next ``count`` matching REST calls fail with 429 (rate limit) or 5xx.

        ``path`` is a glob below /api/v10, e.g. ``"/interactions/*/callback"``. Note discord.py
        sleeps 1s, 3s, ... before retrying a 5xx.
        """
        return self.faults.add(
            method, path, status=status, count=count, retry_after=retry_after, is_global=is_global
        )

    async def drop_gateway(
        self, *, wait: bool = True, code: int | None = None, timeout: float | None = None
    ) -> None:
        """Cut the gateway connection (abruptly, or with close ``code``).

        The session stays resumable: events dispatched meanwhile are buffered and replayed on
        RESUME. With ``wait`` this returns once the client has resumed or re-identified.
        """
        since = self.gateway.resumes + len(self.gateway.identifies)
        if not await self.gateway.drop(code=code):
            raise RuntimeError("no gateway connection to drop; is a client running?")
        if wait:
            await self.wait_for_session(since=since, timeout=timeout)

    async def request_reconnect(self, *, wait: bool = True, timeout: float | None = None) -> None:
        """Send opcode 7 RECONNECT, which discord.py answers by reconnecting and resuming."""
        since = self.gateway.resumes + len(self.gateway.identifies)
        if not self.gateway.send_op(OP_RECONNECT):
            raise RuntimeError("no gateway connection; is a client running?")
        if wait:
            await self.wait_for_session(since=since, timeout=timeout)

    # -- internals -------------------------------------------------------------------------

    def _require_session(self) -> None:
        if not self.gateway.live_sessions():
            raise RuntimeError("no identified gateway session; start a client with fake.running()")

    def _echo_event(self, event: str, data: JSON) -> None:
        """Events caused by REST calls or users, filtered per session by its intents."""
        if event.startswith("MESSAGE_"):
            self.gateway.broadcast(event, data, transform=self._message_for_session)
        else:
            self.gateway.broadcast(event, data)

    def _message_for_session(self, session: GatewaySession, data: JSON) -> JSON | None:
        intents = session.intents
        is_dm = "guild_id" not in data
        if not intents & (INTENT_DIRECT_MESSAGES if is_dm else INTENT_GUILD_MESSAGES):
            return None
        bot_id = str(self.state.bot_user.id)
        if (
            is_dm
            or not self.enforce_message_content_intent
            or intents & INTENT_MESSAGE_CONTENT
            or "author" not in data
            or data["author"]["id"] == bot_id
            or any(m["id"] == bot_id for m in data.get("mentions", []))
        ):
            return data
        return data | {"content": "", "embeds": [], "attachments": [], "components": []}

    def _message(self, ref: MessageRef) -> FakeMessage:
        message = ref if isinstance(ref, FakeMessage) else self.state.messages.get(ref)
        if message is None or message.deleted:
            raise LookupError(f"message {ref!r} does not exist (or was deleted)")
        return message

    def _dispatch_interaction(
        self,
        interaction_type: int,
        data: JSON,
        *,
        user: FakeUser | None,
        channel: FakeChannel,
        locale: str | None,
        message: FakeMessage | None = None,
    ) -> InteractionHandle:
        self._require_session()
        handle = self.state.new_interaction(
            interaction_type=interaction_type,
            data=data,
            user=user or self.alice,
            channel=channel,
            locale=locale,
            message=message,
        )
        self.gateway.broadcast("INTERACTION_CREATE", handle.payload)
        return handle

    def _command_data(
        self,
        path: str,
        values: Mapping[str, Any],
        channel: FakeChannel,
        *,
        focused: tuple[str, Any] | None,
    ) -> JSON:
        """Build ``data`` for a chat-input command from what the client synced."""
        parts = path.split()
        command = self.state.find_command(parts[0], kind=1, guild_id=channel.guild_id)
        definitions: list[JSON] = command.get("options") or []
        container: list[JSON] = []
        data: JSON = {"id": command["id"], "name": command["name"], "type": 1, "options": container}
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        for part in parts[1:]:
            sub = next((o for o in definitions if o["name"] == part and o["type"] in (1, 2)), None)
            if sub is None:
                names = [o["name"] for o in definitions if o["type"] in (1, 2)]
                raise LookupError(f"{path!r}: no subcommand {part!r}; available: {names}")
            node: JSON = {"name": part, "type": sub["type"], "options": []}
            container.append(node)
            container = node["options"]
            definitions = sub.get("options") or []
        if any(o["type"] in (1, 2) for o in definitions):
            names = [o["name"] for o in definitions]
            raise ValueError(f"{path!r} needs a subcommand: one of {names}")
        resolved: JSON = {}
        merged = dict(values)
        if focused is not None:
            merged[focused[0]] = focused[1]
        for key, value in merged.items():
            definition = next((o for o in definitions if o["name"] == key), None)
            if definition is None:
                raise LookupError(
                    f"{path!r} has no option {key!r}; options: {[o['name'] for o in definitions]}"
                )
            option: JSON = {"name": key, "type": definition["type"]}
            if focused is not None and key == focused[0]:
                option |= {"value": value, "focused": True}
            else:
                option["value"] = self._option_value(definition, value, resolved)
            container.append(option)
        if focused is None:
            missing = [
                o["name"] for o in definitions if o.get("required") and o["name"] not in merged
            ]
            if missing:
                raise ValueError(f"{path!r}: required option(s) missing: {missing}")
        if resolved:
            data["resolved"] = resolved
        return data

    def _convert_option(self, definition: JSON, value: Any, resolved: JSON) -> Any:
        """Convert a test value to the JSON type Discord sends for this option type."""
        kind = int(definition["type"])
        if kind == 3:
            return str(value)
        if kind == 4:
            if isinstance(value, bool) or int(value) != value:
                raise TypeError(f"{definition['name']!r} is an integer option, got {value!r}")
            return int(value)
        if kind == 10:
            return float(value)
        if kind == 5:
            return bool(value)
        if kind in (6, 7, 8, 9):
            return str(self._resolve(value, resolved, kind))
        if kind == 11:
            return str(self._resolve_attachment(value, resolved))
        raise TypeError(f"option {definition['name']!r} has unsupported type {kind}")

    def _option_value(self, definition: JSON, value: Any, resolved: JSON) -> Any:
        """The typed option value, checked against choices and limits like Discord's UI does."""
        kind = int(definition["type"])
        name = definition["name"]
        converted = self._convert_option(definition, value, resolved)
        choices = definition.get("choices")
        if choices and converted not in [c["value"] for c in choices]:
            raise ValueError(f"{converted!r} is not a choice of {name!r}: {choices}")
        if kind in (4, 10):
            low, high = definition.get("min_value"), definition.get("max_value")
            if (low is not None and converted < low) or (high is not None and converted > high):
                raise ValueError(f"{converted!r} is outside [{low}, {high}] for {name!r}")
        if kind == 3:
            low, high = definition.get("min_length"), definition.get("max_length")
            if (low is not None and len(converted) < low) or (
                high is not None and len(converted) > high
            ):
                raise ValueError(f"{converted!r} violates the length limits of {name!r}")
        return converted

    def _resolve(self, value: Any, resolved: JSON, kind: int) -> int:
        """Add a user/member, role or channel to ``resolved``; return its id."""
        guild = self.state.guild
        if isinstance(value, FakeUser) or (kind in (6, 9) and int(value) in self.state.users):
            user = value if isinstance(value, FakeUser) else self.state.users[int(value)]
            resolved.setdefault("users", {})[str(user.id)] = payloads.user_payload(user)
            member = guild.member(user.id)
            if member is not None:
                resolved.setdefault("members", {})[str(user.id)] = payloads.member_payload(
                    member, guild, include_user=False, permissions=guild.permissions_for(user.id)
                )
            return user.id
        if isinstance(value, FakeRole) or kind in (8, 9):
            role = value if isinstance(value, FakeRole) else guild.role(int(value))
            resolved.setdefault("roles", {})[str(role.id)] = payloads.role_payload(role)
            return role.id
        channel = value if isinstance(value, FakeChannel) else self.state.channel(int(value))
        resolved.setdefault("channels", {})[str(channel.id)] = payloads.channel_payload(channel) | {
            "permissions": str(guild.permissions_for(self.state.alice.id))
        }
        return channel.id

    def _resolve_attachment(self, value: Any, resolved: JSON) -> int:
        filename, data = value
        upload = Upload(
            "files[0]",
            filename,
            mimetypes.guess_type(filename)[0] or "application/octet-stream",
            data,
        )
        attachment_id = self.state.ids.next()
        self.state.attachments[attachment_id] = upload
        url = self.state.attachment_url(self.general.id, attachment_id, filename)
        resolved.setdefault("attachments", {})[str(attachment_id)] = payloads.attachment_payload(
            attachment_id=attachment_id, upload=upload, url=url
        ) | {"ephemeral": True}
        return attachment_id

    def _select_values(self, component: JSON, values: list[Any]) -> JSON:
        kind = int(component["type"])
        low = component.get("min_values", 1)
        high = component.get("max_values", 1)
        if not low <= len(values) <= high:
            raise ValueError(
                f"select {component['custom_id']!r} takes {low}..{high} values, got {len(values)}"
            )
        if kind == 3:
            allowed = [o["value"] for o in component.get("options") or []]
            unknown = [v for v in values if v not in allowed]
            if unknown:
                raise ValueError(
                    f"{unknown} are not options of {component['custom_id']!r}: {allowed}"
                )
            return {"values": [str(v) for v in values]}
        resolved: JSON = {}
        option_kind = {5: 6, 6: 8, 7: 9, 8: 7}[kind]
        ids = [str(self._resolve(v, resolved, option_kind)) for v in values]
        return {"values": ids, "resolved": resolved}


def _message_id(ref: MessageRef | None) -> int | None:
    if ref is None:
        return None
    return ref.id if isinstance(ref, FakeMessage) else int(ref)


def _modal_submission(
    components: list[JSON], values: Mapping[str, str | Sequence[str]]
) -> list[JSON]:
    """Mirror a modal's layout with the user's values, as Discord submits it."""
    submitted: list[JSON] = []
    for component in components:
        kind = component.get("type")
        if kind == 1:
            submitted.append(
                {"type": 1, "components": _modal_submission(component["components"], values)}
            )
        elif kind == 18:
            inner = _modal_submission([component["component"]], values)
            submitted.append({"type": 18, "component": inner[0]})
        elif kind == 4:
            value = values.get(component["custom_id"], component.get("value") or "")
            submitted.append({"type": 4, "custom_id": component["custom_id"], "value": str(value)})
        elif kind in SELECT_TYPES:
            picked = values.get(component["custom_id"], [])
            picked = [picked] if isinstance(picked, str) else list(picked)
            submitted.append({"type": kind, "custom_id": component["custom_id"], "values": picked})
        else:
            submitted.append({"type": kind})
    return submitted
