"""Plain data for the fake Discord world: ids, users, roles, channels, the guild, uploads.

These are deliberately small dataclasses; turning them into Discord JSON lives in
``payloads.py`` so the shapes discord.py parses are all in one place.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

DISCORD_EPOCH_MS = 1_420_070_400_000
"""Discord's epoch (2015-01-01), the zero point of every snowflake timestamp."""

# Permission bits we need to compute member and app permissions.
ADMINISTRATOR = 1 << 3
ALL_PERMISSIONS = (1 << 51) - 1
EVERYONE_PERMISSIONS = (
    (1 << 6)  # add reactions
    | (1 << 10)  # view channel
    | (1 << 11)  # send messages
    | (1 << 14)  # embed links
    | (1 << 15)  # attach files
    | (1 << 16)  # read message history
    | (1 << 17)  # mention everyone
    | (1 << 31)  # use application commands
)

# Gateway intents that change what the fake sends (values from Discord's docs).
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15

# Message flags the fake interprets.
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7


def to_iso(moment: dt.datetime) -> str:
    """Format a timestamp the way Discord does (ISO 8601 with microseconds and offset)."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def snowflake_time(snowflake: int) -> dt.datetime:
    """Creation time encoded in a snowflake, used for message timestamps."""
    return dt.datetime.fromtimestamp(((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000, tz=dt.UTC)


class Snowflakes:
    """Generates strictly increasing, real-looking snowflakes.

    Ids sort by creation time like on Discord, so "messages after X" is a simple comparison.
    """

    def __init__(self, *, worker: int = 1, process: int = 0) -> None:
        self._worker = worker & 0x1F
        self._process = process & 0x1F
        self._increment = itertools.count()
        self._last = 0
        self._lock = threading.Lock()

    def next(self, at: dt.datetime | None = None) -> int:
        """Return a new snowflake for ``at`` (default: now), never repeating an earlier one."""
        moment = at or dt.datetime.now(dt.UTC)
        ms = int(moment.timestamp() * 1000) - DISCORD_EPOCH_MS
        with self._lock:
            value = (
                (ms << 22)
                | (self._worker << 17)
                | (self._process << 12)
                | (next(self._increment) & 0xFFF)
            )
            if value <= self._last:
                value = self._last + 1
            self._last = value
        return value


@dataclass(eq=False)
class FakeUser:
    """A Discord user (human or bot) known to the fake."""

    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    @property
    def mention(self) -> str:
        """The mention markup Discord clients insert into message content."""
        return f"<@{self.id}>"


@dataclass(eq=False)
class FakeRole:
    """A guild role; the @everyone role shares the guild's id, as on Discord."""

    id: int
    name: str
    permissions: int
    position: int = 0
    color: int = 0
    managed: bool = False
    bot_id: int | None = None
    mentionable: bool = False

    @property
    def mention(self) -> str:
        """Role mention markup."""
        return f"<@&{self.id}>"


@dataclass(eq=False)
class FakeChannel:
    """A channel: guild text channel (type 0), category (4) or DM (1)."""

    id: int
    name: str
    type: int = 0
    guild_id: int | None = None
    position: int = 0
    topic: str | None = None
    parent_id: int | None = None
    recipients: list[FakeUser] = field(default_factory=list)

    @property
    def mention(self) -> str:
        """Channel mention markup."""
        return f"<#{self.id}>"

    @property
    def is_dm(self) -> bool:
        """Whether this is a private channel (gateway intents and permissions differ)."""
        return self.type == 1


@dataclass(eq=False)
class FakeMember:
    """A user's membership in the test guild."""

    user: FakeUser
    roles: list[FakeRole]
    joined_at: dt.datetime
    nick: str | None = None


@dataclass(eq=False)
class FakeGuild:
    """The single test guild: its roles, channels and members."""

    id: int
    name: str
    owner_id: int
    preferred_locale: str
    roles: list[FakeRole]
    channels: list[FakeChannel]
    members: list[FakeMember]
    created_at: dt.datetime

    @property
    def everyone(self) -> FakeRole:
        """The @everyone role (same id as the guild)."""
        return next(role for role in self.roles if role.id == self.id)

    def member(self, user_id: int) -> FakeMember | None:
        """The member for ``user_id``, or None if the user is not in the guild."""
        return next((m for m in self.members if m.user.id == user_id), None)

    def channel(self, name_or_id: str | int) -> FakeChannel:
        """Look a channel up by name or id; raises KeyError so typos fail loudly."""
        for channel in self.channels:
            if name_or_id in (channel.id, channel.name):
                return channel
        raise KeyError(f"no channel {name_or_id!r} in guild {self.name!r}")

    def role(self, name_or_id: str | int) -> FakeRole:
        """Look a role up by name or id."""
        for role in self.roles:
            if name_or_id in (role.id, role.name):
                return role
        raise KeyError(f"no role {name_or_id!r} in guild {self.name!r}")

    def permissions_for(self, user_id: int) -> int:
        """Guild-level permissions (no channel overwrites), enough for interaction payloads."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.member(user_id)
        value = self.everyone.permissions
        for role in member.roles if member else []:
            value |= role.permissions
        return ALL_PERMISSIONS if value & ADMINISTRATOR else value


@dataclass(eq=False)
class Upload:
    """A file the client uploaded in a multipart request (``files[n]`` part)."""

    field: str
    filename: str
    content_type: str
    data: bytes

    @property
    def index(self) -> int | None:
        """The ``n`` of a ``files[n]`` field, which the payload's attachments refer to."""
        if self.field.startswith("files[") and self.field.endswith("]"):
            try:
                return int(self.field[6:-1])
            except ValueError:
                return None
        return None


@dataclass(eq=False)
class RecordedRequest:
    """One REST request the client made, kept in arrival order for assertions."""

    method: str
    path: str
    route: str | None
    query: dict[str, str]
    json: Any
    uploads: list[Upload]
    status: int = 0
    injected: bool = False

    def __repr__(self) -> str:
        return (
            f"<{self.method} {self.path} -> {self.status}{' (injected)' if self.injected else ''}>"
        )
