"""The fake REST API under /api/v10: the routes discord.py 2.7 calls for a typical bot.

A middleware records every request (JSON or multipart, with uploaded bytes), serves scripted
faults, checks the bot token, turns :class:`DiscordError` into Discord's JSON errors and
answers unknown routes with a Discord-shaped 404 while remembering them for the test.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import traceback
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

from . import payloads
from .faults import FaultPlan, fault_response
from .models import FLAG_EPHEMERAL, FLAG_LOADING, RecordedRequest, Upload
from .records import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE_MESSAGE,
    MODAL,
    PONG,
    UPDATE_MESSAGE,
    FakeMessage,
    InteractionCallback,
    InteractionHandle,
)
from .validation import DiscordError, check_autocomplete, check_commands, check_modal

if TYPE_CHECKING:
    from .state import FakeState

log = logging.getLogger(__name__)

JSON = dict[str, Any]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

API_PREFIX = f"/api/v{payloads.API_VERSION}"
UNKNOWN_APPLICATION = 10002
UNKNOWN_WEBHOOK = 10015
UNKNOWN_INTERACTION = 10062
MISSING_ACCESS = 50001
ALREADY_ACKNOWLEDGED = 40060
NO_AUTH_PREFIXES = ("/interactions/", "/webhooks/", "/gateway")
BODY_KEY: web.RequestKey[Any] = web.RequestKey("fake_discord_body")
UPLOADS_KEY: web.RequestKey[list[Upload]] = web.RequestKey("fake_discord_uploads", list)

# Interaction types (what the user did), as opposed to callback types (how the bot answered).
PING = 1
APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
APPLICATION_COMMAND_AUTOCOMPLETE = 4
MODAL_SUBMIT = 5


def json_response(data: Any, status: int = 200) -> web.Response:
    """JSON with exactly ``Content-Type: application/json`` (discord.py compares it verbatim)."""
    return web.Response(
        status=status,
        body=json.dumps(data, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json"},
    )


def error_response(error: DiscordError) -> web.Response:
    """Discord's error body for a DiscordError."""
    return json_response(
        payloads.error_payload(error.code, error.message, error.errors), error.status
    )


async def parse_body(request: web.Request) -> tuple[Any, list[Upload]]:
    """Decode a JSON or multipart (``payload_json`` + ``files[n]``) request body."""
    content_type = request.content_type
    if content_type.startswith("multipart/"):
        body: Any = None
        uploads: list[Upload] = []
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader):
                continue
            data = await part.read(decode=False)
            if part.name == "payload_json":
                body = json.loads(data)
            else:
                uploads.append(
                    Upload(
                        field=part.name or "",
                        filename=part.filename or part.name or "file",
                        content_type=part.headers.get("Content-Type", "application/octet-stream"),
                        data=bytes(data),
                    )
                )
        return body, uploads
    raw = await request.read()
    if not raw:
        return None, []
    if content_type == "application/json":
        return json.loads(raw), []
    return raw.decode(errors="replace"), []


class RestApi:
    """Route handlers over the shared :class:`FakeState`."""

    def __init__(
        self, state: FakeState, faults: FaultPlan, *, interaction_deadline: float | None
    ) -> None:
        self.state = state
        self.faults = faults
        self.interaction_deadline = interaction_deadline

    # -- plumbing --------------------------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        """Every REST route the fake implements."""
        p = API_PREFIX
        app = p + "/applications/{app_id}"
        hook = p + "/webhooks/{app_id}/{token}"
        channel = p + "/channels/{channel_id}"
        message = channel + "/messages/{message_id}"
        guild = p + "/guilds/{guild_id}"
        return [
            web.get(p + "/gateway", self.get_gateway),
            web.get(p + "/gateway/bot", self.get_gateway_bot),
            web.get(p + "/users/@me", self.get_me),
            web.post(p + "/users/@me/channels", self.create_dm),
            web.get(p + "/users/{user_id}", self.get_user),
            web.get(p + "/oauth2/applications/@me", self.get_application),
            web.get(p + "/applications/@me", self.get_application),
            web.get(app + "/commands", self.get_commands),
            web.put(app + "/commands", self.put_commands),
            web.get(app + "/guilds/{guild_id}/commands", self.get_commands),
            web.put(app + "/guilds/{guild_id}/commands", self.put_commands),
            web.post(p + "/interactions/{interaction_id}/{token}/callback", self.callback),
            web.post(hook, self.execute_webhook),
            web.get(hook + "/messages/{message_id}", self.get_webhook_message),
            web.patch(hook + "/messages/{message_id}", self.edit_webhook_message),
            web.delete(hook + "/messages/{message_id}", self.delete_webhook_message),
            web.get(channel, self.get_channel),
            web.get(channel + "/messages", self.get_messages),
            web.post(channel + "/messages", self.create_message),
            web.get(message, self.get_message),
            web.patch(message, self.edit_message),
            web.delete(message, self.delete_message),
            web.post(channel + "/typing", self.typing),
            web.put(message + "/reactions/{emoji}/@me", self.add_reaction),
            web.delete(message + "/reactions/{emoji}/@me", self.remove_reaction),
            web.get(guild, self.get_guild),
            web.get(guild + "/channels", self.get_guild_channels),
            web.get(guild + "/roles", self.get_roles),
            web.get(guild + "/members/{user_id}", self.get_member),
            web.get("/attachments/{channel_id}/{attachment_id}/{filename}", self.cdn_attachment),
        ]

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Record, fault-inject, authenticate and error-map every /api request."""
        if not request.path.startswith(API_PREFIX + "/"):
            return await handler(request)
        state = self.state
        api_path = request.path[len(API_PREFIX) :]
        resource = request.match_info.route.resource
        template = getattr(resource, "canonical", None)
        route = template[len(API_PREFIX) :] if template else None
        body, uploads = await parse_body(request)
        record = RecordedRequest(
            method=request.method,
            path=api_path,
            route=route,
            query=dict(request.query),
            json=body,
            uploads=uploads,
        )
        state.requests.append(record)
        response = await self._respond(request, handler, record, body, uploads)
        if response.status < 400 and "X-RateLimit-Limit" not in response.headers:
            response.headers.update(self._ratelimit_headers(route or api_path))
        response.headers.setdefault("Via", "1.1 google")
        record.status = response.status
        state.notifier.notify()
        return response

    async def _respond(
        self,
        request: web.Request,
        handler: Handler,
        record: RecordedRequest,
        body: Any,
        uploads: list[Upload],
    ) -> web.StreamResponse:
        state = self.state
        http_exception = request.match_info.http_exception
        if http_exception is not None:
            state.unknown_requests.append(record)
            log.warning("fake discord: unknown route %s %s", request.method, record.path)
            status = http_exception.status
            reason = "Method Not Allowed" if status == 405 else "Not Found"
            return json_response(payloads.error_payload(0, f"{status}: {reason}"), status)
        fault = self.faults.take(request.method, record.path)
        if fault is not None:
            record.injected = True
            return fault_response(fault, record.route or record.path)
        authorized = request.headers.get("Authorization") == f"Bot {state.token}"
        if not authorized and not record.path.startswith(NO_AUTH_PREFIXES):
            return json_response(payloads.error_payload(0, "401: Unauthorized"), 401)
        request[BODY_KEY] = body
        request[UPLOADS_KEY] = uploads
        try:
            return await handler(request)
        except DiscordError as error:
            log.info("fake discord: %s %s -> %s", request.method, record.path, error)
            return error_response(error)
        except web.HTTPException:
            raise
        except Exception:
            log.exception("fake discord: handler crashed for %s %s", request.method, record.path)
            state.server_errors.append(traceback.format_exc())
            return json_response(payloads.error_payload(0, "500: Internal Server Error"), 500)

    @staticmethod
    def _ratelimit_headers(route: str) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": "50",
            "X-RateLimit-Remaining": "49",
            "X-RateLimit-Reset": f"{time.time() + 1:.3f}",
            "X-RateLimit-Reset-After": "1.000",
            "X-RateLimit-Bucket": hashlib.sha1(route.encode()).hexdigest()[:32],
        }

    @staticmethod
    def _body(request: web.Request) -> JSON:
        body = request.get(BODY_KEY)
        return body if isinstance(body, dict) else {}

    @staticmethod
    def _uploads(request: web.Request) -> list[Upload]:
        return request.get(UPLOADS_KEY) or []

    @staticmethod
    def _id(request: web.Request, name: str) -> int:
        try:
            return int(request.match_info[name])
        except ValueError:
            raise DiscordError(400, 50035, "Invalid Form Body", {name: {"_errors": []}}) from None

    # -- gateway, users, application -------------------------------------------------------

    async def get_gateway(self, request: web.Request) -> web.Response:
        """``GET /gateway``."""
        return json_response({"url": self.state.gateway_url})

    async def get_gateway_bot(self, request: web.Request) -> web.Response:
        """``GET /gateway/bot`` (AutoShardedClient asks for shard count and URL)."""
        return json_response(
            {
                "url": self.state.gateway_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 86_400_000,
                    "max_concurrency": 1,
                },
            }
        )

    async def get_me(self, request: web.Request) -> web.Response:
        """``GET /users/@me``: what ``Client.login`` validates the token with."""
        return json_response(payloads.current_user_payload(self.state.bot_user))

    async def get_user(self, request: web.Request) -> web.Response:
        """``GET /users/{id}``."""
        user = self.state.users.get(self._id(request, "user_id"))
        if user is None:
            raise DiscordError(404, 10013, "Unknown User")
        return json_response(payloads.user_payload(user))

    async def create_dm(self, request: web.Request) -> web.Response:
        """``POST /users/@me/channels``: open (or reuse) a DM channel."""
        user = self.state.users.get(int(self._body(request).get("recipient_id") or 0))
        if user is None:
            raise DiscordError(404, 10013, "Unknown User")
        return json_response(payloads.channel_payload(self.state.dm_channel(user)))

    async def get_application(self, request: web.Request) -> web.Response:
        """``GET /oauth2/applications/@me``: ``Client.login`` reads the application id here."""
        state = self.state
        return json_response(
            payloads.application_payload(
                application_id=state.application_id,
                name=state.application_name,
                bot_user=state.bot_user,
                owner=state.alice,
                flags=state.application_flags,
            )
        )

    # -- application commands --------------------------------------------------------------

    def _command_scope(self, request: web.Request) -> int | None:
        if self._id(request, "app_id") != self.state.application_id:
            raise DiscordError(404, UNKNOWN_APPLICATION, "Unknown Application")
        if "guild_id" not in request.match_info:
            return None
        guild_id = self._id(request, "guild_id")
        if guild_id != self.state.guild.id:
            raise DiscordError(403, MISSING_ACCESS, "Missing Access")
        return guild_id

    async def get_commands(self, request: web.Request) -> web.Response:
        """``GET`` global or guild commands."""
        return json_response(self.state.commands.get(self._command_scope(request), []))

    async def put_commands(self, request: web.Request) -> web.Response:
        """Bulk overwrite (``CommandTree.sync``): validated, stored, ids kept per name."""
        scope = self._command_scope(request)
        body = request.get(BODY_KEY)
        if not isinstance(body, list):
            raise DiscordError(400, 50035, "Invalid Form Body", {"_errors": []})
        check_commands(body)
        return json_response(self.state.overwrite_commands(scope, body))

    # -- interactions ----------------------------------------------------------------------

    def _interaction(self, request: web.Request) -> InteractionHandle:
        handle = self.state.interactions.get(self._id(request, "interaction_id"))
        if handle is None or handle.token != request.match_info["token"]:
            raise DiscordError(404, UNKNOWN_INTERACTION, "Unknown interaction")
        return handle

    async def callback(self, request: web.Request) -> web.Response:
        """``POST /interactions/{id}/{token}/callback``: the bot's one initial response."""
        handle = self._interaction(request)
        try:
            return await self._callback(request, handle)
        except DiscordError as error:
            handle.rejected.append(
                (error.status, payloads.error_payload(error.code, error.message, error.errors))
            )
            raise

    async def _callback(self, request: web.Request, handle: InteractionHandle) -> web.Response:
        state = self.state
        waited = time.monotonic() - handle.dispatched_at
        if self.interaction_deadline is not None and waited > self.interaction_deadline:
            log.warning(
                "interaction %d answered after %.2fs: rejected like Discord", handle.id, waited
            )
            raise DiscordError(404, UNKNOWN_INTERACTION, "Unknown interaction")
        if handle.callbacks:
            raise DiscordError(
                400, ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged."
            )
        body = self._body(request)
        uploads = self._uploads(request)
        kind = int(body.get("type", 0))
        data: JSON = dict(body.get("data") or {})
        channel = state.channel(handle.channel_id)
        message: FakeMessage | None = None
        message_type = (
            payloads.MESSAGE_CHAT_INPUT_COMMAND
            if handle.type == APPLICATION_COMMAND
            else payloads.MESSAGE_DEFAULT
        )
        allowed = {
            PING: {PONG},
            APPLICATION_COMMAND: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, MODAL},
            MESSAGE_COMPONENT: {
                CHANNEL_MESSAGE,
                DEFERRED_CHANNEL_MESSAGE,
                DEFERRED_UPDATE_MESSAGE,
                UPDATE_MESSAGE,
                MODAL,
            },
            APPLICATION_COMMAND_AUTOCOMPLETE: {AUTOCOMPLETE_RESULT},
            MODAL_SUBMIT: {
                CHANNEL_MESSAGE,
                DEFERRED_CHANNEL_MESSAGE,
                DEFERRED_UPDATE_MESSAGE,
                UPDATE_MESSAGE,
            },
        }
        if kind not in allowed.get(handle.type, set()):
            raise DiscordError(
                400,
                50035,
                "Invalid Form Body",
                {
                    "type": {
                        "_errors": [
                            {
                                "code": "INTERACTION_RESPONSE_TYPE_INVALID",
                                "message": "Invalid response type",
                            }
                        ]
                    }
                },
            )
        if kind == CHANNEL_MESSAGE:
            message = state.create_message(
                channel=channel,
                author=state.bot_user,
                body=data,
                uploads=uploads,
                source="interaction",
                message_type=message_type,
                interaction=handle,
            )
            handle.original = message
        elif kind == DEFERRED_CHANNEL_MESSAGE:
            message = state.create_message(
                channel=channel,
                author=state.bot_user,
                body={"content": "", "flags": data.get("flags", 0) & FLAG_EPHEMERAL},
                uploads=[],
                source="interaction",
                message_type=message_type,
                extra_flags=FLAG_LOADING,
                interaction=handle,
                validate=False,
            )
            handle.original = message
        elif kind in (DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE):
            if handle.component_message is None:
                raise DiscordError(400, 50035, "Invalid Form Body", {"type": {"_errors": []}})
            message = handle.component_message
            if kind == UPDATE_MESSAGE:
                state.edit_message(message, data, uploads)
        elif kind == AUTOCOMPLETE_RESULT:
            check_autocomplete({"data": data} | data)
        elif kind == MODAL:
            check_modal({"data": data} | data)
        handle.callbacks.append(InteractionCallback(kind, data, uploads, message))
        log.debug("interaction %d answered with type %d", handle.id, kind)
        state.notifier.notify()
        if request.query.get("with_response", "").lower() not in ("1", "true"):
            return web.Response(status=204)
        return json_response(
            payloads.interaction_callback_payload(
                interaction_id=handle.id,
                interaction_type=handle.type,
                response_type=kind,
                message=message.payload
                if message is not None and kind != DEFERRED_UPDATE_MESSAGE
                else None,
            )
        )

    def _webhook(self, request: web.Request) -> InteractionHandle:
        """The interaction behind an interaction webhook; 404 Unknown Webhook before the ack."""
        handle = self.state.interactions_by_token.get(request.match_info["token"])
        if (
            handle is None
            or self._id(request, "app_id") != self.state.application_id
            or not handle.callbacks
        ):
            raise DiscordError(404, UNKNOWN_WEBHOOK, "Unknown Webhook")
        return handle

    def _webhook_message(self, request: web.Request, handle: InteractionHandle) -> FakeMessage:
        raw = request.match_info["message_id"]
        if raw == "@original":
            message = handle.original_message
        else:
            message = self.state.messages.get(self._id(request, "message_id"))
            if (
                message is not None
                and message.interaction_id != handle.id
                and message is not handle.component_message
            ):
                message = None
        if message is None or message.deleted:
            raise DiscordError(404, 10008, "Unknown Message")
        return message

    async def execute_webhook(self, request: web.Request) -> web.Response:
        """Follow-up message. Right after a defer, Discord edits the loading message instead."""
        handle = self._webhook(request)
        state = self.state
        body = self._body(request)
        uploads = self._uploads(request)
        original = handle.original
        if original is not None and original.loading:
            message = state.edit_message(
                original, {k: v for k, v in body.items() if k != "flags"}, uploads
            )
        else:
            message = state.create_message(
                channel=state.channel(handle.channel_id),
                author=state.bot_user,
                body=body,
                uploads=uploads,
                source="followup",
                message_type=(
                    payloads.MESSAGE_CHAT_INPUT_COMMAND
                    if handle.type == APPLICATION_COMMAND
                    else payloads.MESSAGE_DEFAULT
                ),
                interaction=handle,
            )
        handle.followup_messages.append(message)
        state.notifier.notify()
        if request.query.get("wait", "").lower() in ("1", "true"):
            return json_response(message.payload)
        return web.Response(status=204)

    async def get_webhook_message(self, request: web.Request) -> web.Response:
        """``GET .../messages/@original`` or a follow-up."""
        handle = self._webhook(request)
        return json_response(self._webhook_message(request, handle).payload)

    async def edit_webhook_message(self, request: web.Request) -> web.Response:
        """``PATCH .../messages/@original`` or a follow-up (ends a deferred "thinking")."""
        handle = self._webhook(request)
        message = self._webhook_message(request, handle)
        self.state.edit_message(message, self._body(request), self._uploads(request))
        return json_response(message.payload)

    async def delete_webhook_message(self, request: web.Request) -> web.Response:
        """``DELETE .../messages/@original`` or a follow-up."""
        handle = self._webhook(request)
        self.state.delete_message(self._webhook_message(request, handle))
        return web.Response(status=204)

    # -- channels and messages -------------------------------------------------------------

    async def get_channel(self, request: web.Request) -> web.Response:
        """``GET /channels/{id}``."""
        return json_response(
            payloads.channel_payload(self.state.channel(self._id(request, "channel_id")))
        )

    async def get_messages(self, request: web.Request) -> web.Response:
        """``GET /channels/{id}/messages`` (history), newest first like Discord."""
        channel = self.state.channel(self._id(request, "channel_id"))
        limit = min(int(request.query.get("limit", 50)), 100)
        before = int(request.query.get("before", 0)) or None
        after = int(request.query.get("after", 0)) or None
        found = [
            m
            for m in self.state.messages.values()
            if m.channel_id == channel.id
            and not m.deleted
            and not m.ephemeral
            and (before is None or m.id < before)
            and (after is None or m.id > after)
        ]
        found.sort(key=lambda m: m.id, reverse=True)
        return json_response([m.payload for m in found[:limit]])

    async def create_message(self, request: web.Request) -> web.Response:
        """``POST /channels/{id}/messages``: send, reply (``message_reference``), upload files."""
        state = self.state
        message = state.create_message(
            channel=state.channel(self._id(request, "channel_id")),
            author=state.bot_user,
            body=self._body(request),
            uploads=self._uploads(request),
            source="channel",
        )
        return json_response(message.payload)

    async def get_message(self, request: web.Request) -> web.Response:
        """``GET /channels/{id}/messages/{id}``."""
        message = self.state.message(
            self._id(request, "channel_id"), self._id(request, "message_id")
        )
        return json_response(message.payload)

    async def edit_message(self, request: web.Request) -> web.Response:
        """``PATCH /channels/{id}/messages/{id}``: only the bot's own messages, as on Discord."""
        state = self.state
        message = state.message(self._id(request, "channel_id"), self._id(request, "message_id"))
        if message.author_id != state.bot_user.id:
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        state.edit_message(message, self._body(request), self._uploads(request))
        return json_response(message.payload)

    async def delete_message(self, request: web.Request) -> web.Response:
        """``DELETE /channels/{id}/messages/{id}``."""
        state = self.state
        state.delete_message(
            state.message(self._id(request, "channel_id"), self._id(request, "message_id"))
        )
        return web.Response(status=204)

    async def typing(self, request: web.Request) -> web.Response:
        """``POST /channels/{id}/typing``: counted so tests can see ``async with typing()``."""
        channel = self.state.channel(self._id(request, "channel_id"))
        self.state.typing.append(channel.id)
        return web.Response(status=204)

    async def add_reaction(self, request: web.Request) -> web.Response:
        """``PUT .../reactions/{emoji}/@me``: stored on the message payload."""
        state = self.state
        message = state.message(self._id(request, "channel_id"), self._id(request, "message_id"))
        emoji = request.match_info["emoji"]
        state.reactions.append((message.id, emoji))
        reactions = message.payload.setdefault("reactions", [])
        name, _, emoji_id = emoji.partition(":")
        if not any(r["emoji"]["name"] == name for r in reactions):
            reactions.append(
                {
                    "count": 1,
                    "count_details": {"burst": 0, "normal": 1},
                    "me": True,
                    "me_burst": False,
                    "burst_colors": [],
                    "emoji": {"id": emoji_id or None, "name": name},
                }
            )
        return web.Response(status=204)

    async def remove_reaction(self, request: web.Request) -> web.Response:
        """``DELETE .../reactions/{emoji}/@me``."""
        state = self.state
        message = state.message(self._id(request, "channel_id"), self._id(request, "message_id"))
        name = request.match_info["emoji"].partition(":")[0]
        message.payload["reactions"] = [
            r for r in message.payload.get("reactions", []) if r["emoji"]["name"] != name
        ]
        return web.Response(status=204)

    # -- guild -----------------------------------------------------------------------------

    def _guild(self, request: web.Request) -> None:
        if self._id(request, "guild_id") != self.state.guild.id:
            raise DiscordError(404, 10004, "Unknown Guild")

    async def get_guild(self, request: web.Request) -> web.Response:
        """``GET /guilds/{id}`` (REST guilds carry no members or channels)."""
        self._guild(request)
        data = payloads.guild_create_payload(self.state.guild, members=[])
        for key in ("members", "channels", "threads", "presences", "voice_states", "joined_at"):
            data.pop(key, None)
        return json_response(data)

    async def get_guild_channels(self, request: web.Request) -> web.Response:
        """``GET /guilds/{id}/channels``."""
        self._guild(request)
        return json_response([payloads.channel_payload(c) for c in self.state.guild.channels])

    async def get_roles(self, request: web.Request) -> web.Response:
        """``GET /guilds/{id}/roles``."""
        self._guild(request)
        return json_response([payloads.role_payload(r) for r in self.state.guild.roles])

    async def get_member(self, request: web.Request) -> web.Response:
        """``GET /guilds/{id}/members/{user_id}``."""
        self._guild(request)
        member = self.state.guild.member(self._id(request, "user_id"))
        if member is None:
            raise DiscordError(404, 10007, "Unknown Member")
        return json_response(payloads.member_payload(member, self.state.guild))

    # -- CDN -------------------------------------------------------------------------------

    async def cdn_attachment(self, request: web.Request) -> web.Response:
        """Serve uploaded bytes so ``Attachment.read()`` works against the fake."""
        raw_id = request.match_info["attachment_id"]
        upload = self.state.attachments.get(int(raw_id)) if raw_id.isdigit() else None
        if upload is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=upload.data, headers={"Content-Type": upload.content_type})
