"""The fake's world and its records: users, the guild, messages, interactions, synced commands.

REST handlers, the gateway and the test-side API all mutate this one object; every change
calls ``notifier.notify()`` so tests waiting on a condition re-check it.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import mimetypes
import re
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from . import payloads
from .models import (
    ADMINISTRATOR,
    EVERYONE_PERMISSIONS,
    FLAG_EPHEMERAL,
    FLAG_LOADING,
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeRole,
    FakeUser,
    RecordedRequest,
    Snowflakes,
    Upload,
)
from .records import FakeMessage, InteractionHandle, Notifier
from .validation import DiscordError, check_message_body

log = logging.getLogger(__name__)

JSON = dict[str, Any]
EventSink = Callable[[str, JSON], None]

USER_MENTION = re.compile(r"<@!?(\d{15,21})>")
ROLE_MENTION = re.compile(r"<@&(\d{15,21})>")

# Flags a client may set when creating/editing: suppress embeds, suppress notifications,
# components v2, plus ephemeral which only interaction responses may use.
SETTABLE_FLAGS = (1 << 2) | (1 << 12) | (1 << 15)

UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008
CANNOT_EDIT_OTHERS = 50005

WORLD_EPOCH = dt.datetime(2023, 4, 1, 9, 0, tzinfo=dt.UTC)
"""Fixed creation time for world entities so their ids look the same in every run."""


class FakeState:
    """Everything the fake Discord knows, plus the records tests assert on."""

    def __init__(self, *, locale: str, default_timeout: float) -> None:
        self.ids = Snowflakes(worker=1)
        self.notifier = Notifier(default_timeout)
        self.default_locale = locale
        self.base_url = ""
        self.gateway_url = ""
        self.event_sink: EventSink = lambda _event, _data: None

        world = Snowflakes(worker=2)

        def at(minutes: int) -> int:
            return world.next(WORLD_EPOCH + dt.timedelta(minutes=minutes))

        self.alice = FakeUser(at(0), "alice", "Alice")
        self.bob = FakeUser(at(1), "bob", "Bob")
        self.bot_user = FakeUser(at(2), "fake-bot", "Fake Bot", bot=True)
        self.application_id = self.bot_user.id
        self.application_name = "Fake Bot"
        self.application_flags = (1 << 15) | (1 << 19)  # members / message content "limited"
        self.token = (
            base64.b64encode(str(self.bot_user.id).encode()).decode().rstrip("=")
            + ".FakeTs."
            + secrets.token_urlsafe(27)
        )

        guild_id = at(3)
        everyone = FakeRole(guild_id, "@everyone", EVERYONE_PERMISSIONS)
        admin = FakeRole(at(4), "Admin", ADMINISTRATOR, position=2, color=0xE74C3C)
        bot_role = FakeRole(
            at(5),
            "Fake Bot",
            EVERYONE_PERMISSIONS,
            position=1,
            managed=True,
            bot_id=self.bot_user.id,
        )
        category = FakeChannel(at(6), "Text Channels", type=4, guild_id=guild_id)
        general = FakeChannel(
            at(7), "general", guild_id=guild_id, position=0, parent_id=category.id, topic="General"
        )
        questions = FakeChannel(
            at(8),
            "budget-questions",
            guild_id=guild_id,
            position=1,
            parent_id=category.id,
            topic="Ask the bot",
        )
        joined = WORLD_EPOCH + dt.timedelta(days=1)
        self.guild = FakeGuild(
            id=guild_id,
            name="Fake Hokkaido",
            owner_id=self.alice.id,
            preferred_locale=locale,
            roles=[everyone, admin, bot_role],
            channels=[category, general, questions],
            members=[
                FakeMember(self.alice, [admin], joined),
                FakeMember(self.bob, [], joined),
                FakeMember(self.bot_user, [bot_role], joined),
            ],
            created_at=WORLD_EPOCH,
        )
        self.users: dict[int, FakeUser] = {u.id: u for u in (self.alice, self.bob, self.bot_user)}
        self.channels: dict[int, FakeChannel] = {c.id: c for c in self.guild.channels}

        self.messages: dict[int, FakeMessage] = {}
        self.attachments: dict[int, Upload] = {}
        self.interactions: dict[int, InteractionHandle] = {}
        self.interactions_by_token: dict[str, InteractionHandle] = {}
        self.commands: dict[int | None, list[JSON]] = {}
        self.command_syncs: list[tuple[int | None, list[JSON]]] = []
        self.requests: list[RecordedRequest] = []
        self.unknown_requests: list[RecordedRequest] = []
        self.server_errors: list[str] = []
        self.typing: list[int] = []
        self.reactions: list[tuple[int, str]] = []

    # -- lookups ---------------------------------------------------------------------------

    def channel(self, channel_id: int) -> FakeChannel:
        """A known channel, or Discord's 404 Unknown Channel."""
        try:
            return self.channels[channel_id]
        except KeyError:
            raise DiscordError(404, UNKNOWN_CHANNEL, "Unknown Channel") from None

    def message(self, channel_id: int, message_id: int) -> FakeMessage:
        """A live message in ``channel_id``, or Discord's 404 Unknown Message."""
        message = self.messages.get(message_id)
        if message is None or message.deleted or message.channel_id != channel_id:
            raise DiscordError(404, UNKNOWN_MESSAGE, "Unknown Message")
        return message

    def guild_of(self, channel: FakeChannel) -> FakeGuild | None:
        """The guild a channel belongs to (None for DMs)."""
        return self.guild if channel.guild_id == self.guild.id else None

    def attachment_url(self, channel_id: int, attachment_id: int, filename: str) -> str:
        """URL of an uploaded file on the fake's CDN route."""
        return f"{self.base_url}/attachments/{channel_id}/{attachment_id}/{filename}"

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        """The (lazily created) DM channel between the bot and ``user``."""
        for channel in self.channels.values():
            if channel.is_dm and channel.recipients and channel.recipients[0].id == user.id:
                return channel
        channel = FakeChannel(self.ids.next(), f"dm-{user.username}", type=1, recipients=[user])
        self.channels[channel.id] = channel
        return channel

    def bot_messages(self, channel_id: int | None = None) -> list[FakeMessage]:
        """Messages the bot created, oldest first, optionally in one channel."""
        return [
            m
            for m in self.messages.values()
            if m.author_id == self.bot_user.id
            and (channel_id is None or m.channel_id == channel_id)
        ]

    # -- messages --------------------------------------------------------------------------

    def store_uploads(
        self, channel_id: int, specs: list[JSON] | None, uploads: list[Upload]
    ) -> tuple[list[JSON], dict[int, Upload]]:
        """Turn ``attachments`` entries + ``files[n]`` parts into attachment objects."""
        by_index = {u.index: u for u in uploads if u.index is not None}
        if specs is None:
            specs = [{"id": index} for index in sorted(by_index)]
        result: list[JSON] = []
        stored: dict[int, Upload] = {}
        for spec in specs:
            try:
                upload = by_index.get(int(spec.get("id", -1)))
            except (TypeError, ValueError):
                upload = None
            if upload is None:
                continue
            attachment_id = self.ids.next()
            if spec.get("filename"):
                upload.filename = str(spec["filename"])
            guessed = mimetypes.guess_type(upload.filename)[0]
            upload.content_type = guessed or upload.content_type
            self.attachments[attachment_id] = upload
            stored[attachment_id] = upload
            url = self.attachment_url(channel_id, attachment_id, upload.filename)
            result.append(
                payloads.attachment_payload(
                    attachment_id=attachment_id,
                    upload=upload,
                    url=url,
                    description=spec.get("description"),
                )
            )
        return result, stored

    def mentions_in(
        self, content: str, guild: FakeGuild | None
    ) -> tuple[list[FakeUser], list[int]]:
        """Users and roles mentioned in content, which Discord mirrors in ``mentions``."""
        users: list[FakeUser] = []
        for match in USER_MENTION.finditer(content):
            user = self.users.get(int(match.group(1)))
            if user is not None and user not in users:
                users.append(user)
        roles: list[int] = []
        if guild is not None:
            known = {r.id for r in guild.roles}
            roles = [int(m.group(1)) for m in ROLE_MENTION.finditer(content)]
            roles = [r for r in dict.fromkeys(roles) if r in known]
        return users, roles

    def create_message(
        self,
        *,
        channel: FakeChannel,
        author: FakeUser,
        body: JSON,
        uploads: list[Upload],
        source: str,
        message_type: int = payloads.MESSAGE_DEFAULT,
        extra_flags: int = 0,
        interaction: InteractionHandle | None = None,
        validate: bool = True,
    ) -> FakeMessage:
        """Create a message from a REST-style body, record it and echo it on the gateway."""
        if validate:
            check_message_body(body, uploads, creating=True, initial_flags=extra_flags)
        guild = self.guild_of(channel)
        content = str(body.get("content") or "")
        mentioned, roles = self.mentions_in(content, guild)
        allowed_flags = SETTABLE_FLAGS | (FLAG_EPHEMERAL if interaction else 0)
        flags = (int(body.get("flags") or 0) & allowed_flags) | extra_flags
        message_id = self.ids.next()
        attachments, stored = self.store_uploads(channel.id, body.get("attachments"), uploads)
        reference = self._resolve_reference(channel, body.get("message_reference"))
        if reference is not None:
            message_type = payloads.MESSAGE_REPLY
            replied = self.users.get(reference.author_id)
            allowed = body.get("allowed_mentions") or {}
            if (
                replied is not None
                and allowed.get("replied_user", True)
                and replied not in mentioned
            ):
                mentioned.append(replied)
        payload = payloads.message_payload(
            message_id=message_id,
            channel=channel,
            guild=guild,
            author=author,
            content=content,
            message_type=message_type,
            flags=flags,
            embeds=[{"type": "rich", **e} for e in body.get("embeds") or []],
            components=list(body.get("components") or []),
            attachments=attachments,
            mentions=mentioned,
            mention_roles=roles,
            webhook_id=self.application_id if interaction else None,
            application_id=self.application_id if interaction or author.bot else None,
            tts=bool(body.get("tts")),
        )
        if reference is not None:
            payload["message_reference"] = {
                "type": 0,
                "message_id": str(reference.id),
                "channel_id": str(reference.channel_id),
                **({"guild_id": str(guild.id)} if guild else {}),
            }
            payload["referenced_message"] = {
                k: v for k, v in reference.payload.items() if k != "referenced_message"
            }
        if interaction is not None:
            payload["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": self.interaction_user(interaction),
                "authorizing_integration_owners": interaction.payload.get(
                    "authorizing_integration_owners", {}
                ),
            }
        message = FakeMessage(
            payload=payload,
            source=source,
            interaction_id=interaction.id if interaction else None,
            uploads=stored,
        )
        self.messages[message.id] = message
        log.debug("created %r in #%s", message, channel.name)
        if not flags & FLAG_EPHEMERAL:
            self.event_sink("MESSAGE_CREATE", payload)
        self.notifier.notify()
        return message

    def edit_message(self, message: FakeMessage, body: JSON, uploads: list[Upload]) -> FakeMessage:
        """Apply a PATCH-style edit, keeping the previous version in ``history``."""
        check_message_body(body, uploads, creating=False, initial_flags=message.flags)
        previous = dict(message.payload)
        payload = dict(message.payload)
        if "content" in body:
            payload["content"] = str(body["content"] or "")
            guild = self.guild_of(self.channel(message.channel_id))
            mentioned, roles = self.mentions_in(payload["content"], guild)
            payload["mentions"] = payloads.mention_payloads(mentioned, guild)
            payload["mention_roles"] = [str(r) for r in roles]
        if "embeds" in body:
            payload["embeds"] = [{"type": "rich", **e} for e in body["embeds"] or []]
        if "components" in body:
            payload["components"] = list(body["components"] or [])
        if body.get("flags") is not None:
            keep = message.flags & ~SETTABLE_FLAGS
            payload["flags"] = keep | (int(body["flags"]) & SETTABLE_FLAGS)
        payload["flags"] = int(payload.get("flags") or 0) & ~FLAG_LOADING
        kept = payload.get("attachments") or []
        if "attachments" in body and body["attachments"] is not None:
            existing = {a["id"]: a for a in kept}
            kept = [
                existing[str(s["id"])] for s in body["attachments"] if str(s.get("id")) in existing
            ]
            new_specs = [s for s in body["attachments"] if str(s.get("id")) not in existing]
            added, stored = self.store_uploads(message.channel_id, new_specs, uploads)
        else:
            added, stored = self.store_uploads(message.channel_id, None, uploads)
        payload["attachments"] = [*kept, *added]
        message.uploads.update(stored)
        payload["edited_timestamp"] = payloads.now_iso()
        message.history.append(previous)
        message.payload = payload
        if not message.ephemeral:
            self.event_sink("MESSAGE_UPDATE", payload)
        self.notifier.notify()
        return message

    def delete_message(self, message: FakeMessage) -> None:
        """Mark a message deleted and tell the gateway, as Discord does."""
        message.deleted = True
        if not message.ephemeral:
            data: JSON = {"id": str(message.id), "channel_id": str(message.channel_id)}
            if "guild_id" in message.payload:
                data["guild_id"] = message.payload["guild_id"]
            self.event_sink("MESSAGE_DELETE", data)
        self.notifier.notify()

    def _resolve_reference(
        self, channel: FakeChannel, reference: JSON | None
    ) -> FakeMessage | None:
        if not reference or not reference.get("message_id"):
            return None
        target_channel = int(reference.get("channel_id") or channel.id)
        message = self.messages.get(int(reference["message_id"]))
        if message is not None and not message.deleted and message.channel_id == target_channel:
            return message
        if reference.get("fail_if_not_exists", True):
            raise DiscordError(
                400,
                50035,
                "Invalid Form Body",
                {
                    "message_reference": {
                        "_errors": [
                            {"code": "REPLIES_UNKNOWN_MESSAGE", "message": "Unknown message"}
                        ]
                    }
                },
            )
        return None

    def interaction_user(self, interaction: InteractionHandle) -> JSON:
        """The user object of whoever triggered ``interaction``."""
        member = interaction.payload.get("member")
        user: JSON = member["user"] if member else interaction.payload["user"]
        return user

    # -- interactions ----------------------------------------------------------------------

    def new_interaction(
        self,
        *,
        interaction_type: int,
        data: JSON | None,
        user: FakeUser,
        channel: FakeChannel,
        locale: str | None,
        message: FakeMessage | None = None,
    ) -> InteractionHandle:
        """Build, record and return an interaction (the caller dispatches it)."""
        guild = self.guild_of(channel)
        interaction_id = self.ids.next()
        token = "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(96)
        app_permissions = guild.permissions_for(self.bot_user.id) if guild else 0
        payload = payloads.interaction_payload(
            interaction_id=interaction_id,
            token=token,
            application_id=self.application_id,
            interaction_type=interaction_type,
            data=data,
            guild=guild,
            channel=channel,
            user=user,
            locale=locale or self.default_locale,
            app_permissions=app_permissions,
            message=message.payload if message else None,
        )
        handle = InteractionHandle(
            payload=payload, notifier=self.notifier, component_message=message
        )
        self.interactions[handle.id] = handle
        self.interactions_by_token[handle.token] = handle
        return handle

    # -- commands --------------------------------------------------------------------------

    def overwrite_commands(self, guild_id: int | None, submitted: Iterable[JSON]) -> list[JSON]:
        """Bulk overwrite like Discord: same (type, name) keeps its id, others get new ids."""
        previous = {(int(c.get("type", 1)), c["name"]): c for c in self.commands.get(guild_id, [])}
        submitted = list(submitted)
        result: list[JSON] = []
        for command in submitted:
            kind = int(command.get("type", 1))
            old = previous.get((kind, command["name"]))
            stored: JSON = {
                "type": kind,
                "description": "",
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                "name_localizations": None,
                "description_localizations": None,
                "contexts": None,
                "integration_types": [0],
                **command,
                "id": old["id"] if old else str(self.ids.next()),
                "application_id": str(self.application_id),
                "version": str(self.ids.next()),
            }
            if guild_id is not None:
                stored["guild_id"] = str(guild_id)
            if kind != 1:
                stored["description"] = ""
            result.append(stored)
        self.commands[guild_id] = result
        self.command_syncs.append((guild_id, submitted))
        self.notifier.notify()
        return result

    def find_command(self, name: str, *, kind: int, guild_id: int | None) -> JSON:
        """A synced command by name: guild commands first, then global, like the client's tree."""
        scopes = [guild_id, None] if guild_id is not None else [None]
        for scope in scopes:
            for command in self.commands.get(scope, []):
                if command["name"] == name and int(command.get("type", 1)) == kind:
                    return command
        synced = {scope: [c["name"] for c in commands] for scope, commands in self.commands.items()}
        raise LookupError(f"command {name!r} (type {kind}) was never synced; synced: {synced}")
