"""Builders for the Discord JSON objects the fake sends.

Shapes follow Discord's API docs and were checked against what discord.py 2.7 reads
(e.g. ``Interaction._from_data`` needs ``attachment_size_limit``, members need ``user``,
``flags`` and ``roles``; ``json_or_text`` only decodes an exact ``application/json``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from typing import Any

from .models import (
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeRole,
    FakeUser,
    Upload,
    snowflake_time,
    to_iso,
)

log = logging.getLogger(__name__)

JSON = dict[str, Any]

API_VERSION = 10
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
"""Per-file upload limit of an unboosted guild, reported in interactions."""

# Message types used by the fake.
MESSAGE_DEFAULT = 0
MESSAGE_REPLY = 19
MESSAGE_CHAT_INPUT_COMMAND = 20


def user_payload(user: FakeUser) -> JSON:
    """A public user object."""
    return {
        "id": str(user.id),
        "username": user.username,
        "discriminator": "0",
        "global_name": user.global_name,
        "avatar": None,
        "avatar_decoration_data": None,
        "banner": None,
        "accent_color": None,
        "bot": user.bot,
        "system": False,
        "public_flags": 0,
        "flags": 0,
        "primary_guild": None,
        "collectibles": None,
    }


def current_user_payload(user: FakeUser) -> JSON:
    """The ``GET /users/@me`` / READY user: the public user plus account fields."""
    return {
        **user_payload(user),
        "verified": True,
        "mfa_enabled": False,
        "locale": "en-US",
        "email": None,
        "premium_type": 0,
        "bio": "",
    }


def role_payload(role: FakeRole) -> JSON:
    """A role object; managed bot roles carry ``tags.bot_id`` like the real integration role."""
    data: JSON = {
        "id": str(role.id),
        "name": role.name,
        "color": role.color,
        "colors": {"primary_color": role.color, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": role.position,
        "permissions": str(role.permissions),
        "managed": role.managed,
        "mentionable": role.mentionable,
        "flags": 0,
    }
    if role.bot_id is not None:
        data["tags"] = {"bot_id": str(role.bot_id)}
    return data


def channel_payload(channel: FakeChannel) -> JSON:
    """A channel object for a text channel, category or DM."""
    if channel.is_dm:
        return {
            "id": str(channel.id),
            "type": 1,
            "last_message_id": None,
            "flags": 0,
            "recipients": [user_payload(u) for u in channel.recipients],
        }
    data: JSON = {
        "id": str(channel.id),
        "type": channel.type,
        "guild_id": str(channel.guild_id),
        "name": channel.name,
        "position": channel.position,
        "permission_overwrites": [],
        "parent_id": str(channel.parent_id) if channel.parent_id else None,
        "nsfw": False,
        "flags": 0,
    }
    if channel.type == 0:
        data |= {"topic": channel.topic, "last_message_id": None, "rate_limit_per_user": 0}
    return data


def member_payload(
    member: FakeMember,
    guild: FakeGuild,
    *,
    include_user: bool = True,
    permissions: int | None = None,
) -> JSON:
    """A guild member; interaction members also carry their computed ``permissions``."""
    data: JSON = {
        "nick": member.nick,
        "avatar": None,
        "banner": None,
        "roles": [str(r.id) for r in member.roles if r.id != guild.id],
        "joined_at": to_iso(member.joined_at),
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if include_user:
        data["user"] = user_payload(member.user)
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def guild_create_payload(guild: FakeGuild, *, members: Iterable[FakeMember]) -> JSON:
    """GUILD_CREATE data; ``members`` depends on the GUILD_MEMBERS intent, as on Discord."""
    member_list = list(members)
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": str(guild.owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 1,
        "default_message_notifications": 1,
        "explicit_content_filter": 2,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "premium_progress_bar_enabled": False,
        "preferred_locale": guild.preferred_locale,
        "features": [],
        "application_id": None,
        "system_channel_id": str(guild.channels[0].id) if guild.channels else None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "safety_alerts_channel_id": None,
        "vanity_url_code": None,
        "max_members": 500000,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "widget_enabled": False,
        "incidents_data": None,
        "latest_onboarding_question_id": None,
        "roles": [role_payload(r) for r in guild.roles],
        "emojis": [],
        "stickers": [],
        "joined_at": to_iso(guild.created_at),
        "large": False,
        "unavailable": False,
        "lazy": True,
        "member_count": len(guild.members),
        "members": [member_payload(m, guild) for m in member_list],
        "channels": [channel_payload(c) for c in guild.channels],
        "threads": [],
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "embedded_activities": [],
    }


def ready_payload(
    *,
    bot_user: FakeUser,
    application_id: int,
    application_flags: int,
    session_id: str,
    resume_gateway_url: str,
    guilds: Iterable[FakeGuild],
    shard: list[int] | None,
) -> JSON:
    """READY data: guilds start unavailable and arrive later as GUILD_CREATE."""
    data: JSON = {
        "v": API_VERSION,
        "user": current_user_payload(bot_user),
        "user_settings": {},
        "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
        "guild_join_requests": [],
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "session_id": session_id,
        "session_type": "normal",
        "resume_gateway_url": resume_gateway_url,
        "application": {"id": str(application_id), "flags": application_flags},
        "geo_ordered_rtc_regions": ["japan", "hongkong", "singapore"],
        "auth": {},
        "_trace": ['["fake-discord-gateway",{"micros":1}]'],
    }
    if shard is not None:
        data["shard"] = shard
    return data


def application_payload(
    *, application_id: int, name: str, bot_user: FakeUser, owner: FakeUser, flags: int
) -> JSON:
    """``GET /oauth2/applications/@me``: no interactions endpoint URL, so events use the gateway."""
    return {
        "id": str(application_id),
        "name": name,
        "icon": None,
        "description": "Fake application used by end-to-end tests",
        "summary": "",
        "type": None,
        "hook": True,
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": hashlib.sha256(str(application_id).encode()).hexdigest(),
        "owner": user_payload(owner),
        "team": None,
        "flags": flags,
        "bot": user_payload(bot_user),
        "interactions_endpoint_url": None,
        "redirect_uris": [],
        "tags": [],
        "approximate_guild_count": 1,
        "integration_types_config": {"0": {}},
    }


def attachment_payload(
    *, attachment_id: int, upload: Upload, url: str, description: str | None = None
) -> JSON:
    """An attachment object whose URL is served by the fake's own CDN route."""
    data: JSON = {
        "id": str(attachment_id),
        "filename": upload.filename,
        "size": len(upload.data),
        "url": url,
        "proxy_url": url,
        "content_type": upload.content_type,
    }
    if description is not None:
        data["description"] = description
    return data


def error_payload(code: int, message: str, errors: JSON | None = None) -> JSON:
    """Discord's JSON error body (``code`` is the JSON error code, not the HTTP status)."""
    data: JSON = {"code": code, "message": message}
    if errors:
        data["errors"] = errors
    return data


def mention_payloads(users: Iterable[FakeUser], guild: FakeGuild | None) -> list[JSON]:
    """The ``mentions`` array: users, each with a partial ``member`` in guild channels."""
    result: list[JSON] = []
    for user in users:
        mention = user_payload(user)
        if guild is not None and (member := guild.member(user.id)) is not None:
            mention["member"] = member_payload(member, guild, include_user=False)
        result.append(mention)
    return result


def message_payload(
    *,
    message_id: int,
    channel: FakeChannel,
    guild: FakeGuild | None,
    author: FakeUser,
    content: str,
    message_type: int = MESSAGE_DEFAULT,
    flags: int = 0,
    embeds: list[JSON] | None = None,
    components: list[JSON] | None = None,
    attachments: list[JSON] | None = None,
    mentions: Iterable[FakeUser] = (),
    mention_roles: Iterable[int] = (),
    webhook_id: int | None = None,
    application_id: int | None = None,
    tts: bool = False,
) -> JSON:
    """A message object; guild messages carry the author's partial ``member`` like the gateway."""
    data: JSON = {
        "id": str(message_id),
        "type": message_type,
        "channel_id": str(channel.id),
        "author": user_payload(author),
        "content": content,
        "timestamp": to_iso(snowflake_time(message_id)),
        "edited_timestamp": None,
        "tts": tts,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [str(r) for r in mention_roles],
        "attachments": attachments or [],
        "embeds": embeds or [],
        "components": components or [],
        "pinned": False,
        "flags": flags,
    }
    if guild is not None:
        data["guild_id"] = str(guild.id)
        member = guild.member(author.id)
        if member is not None and webhook_id is None:
            data["member"] = member_payload(member, guild, include_user=False)
    data["mentions"] = mention_payloads(mentions, guild)
    if webhook_id is not None:
        data["webhook_id"] = str(webhook_id)
    if application_id is not None:
        data["application_id"] = str(application_id)
    return data


def interaction_payload(
    *,
    interaction_id: int,
    token: str,
    application_id: int,
    interaction_type: int,
    data: JSON | None,
    guild: FakeGuild | None,
    channel: FakeChannel,
    user: FakeUser,
    locale: str,
    app_permissions: int,
    message: JSON | None = None,
) -> JSON:
    """An INTERACTION_CREATE payload with every field discord.py's Interaction reads."""
    payload: JSON = {
        "id": str(interaction_id),
        "application_id": str(application_id),
        "type": interaction_type,
        "token": token,
        "version": 1,
        "locale": locale,
        "app_permissions": str(app_permissions),
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        "channel": channel_payload(channel),
        "channel_id": str(channel.id),
    }
    if data is not None:
        payload["data"] = data
    if guild is not None:
        member = guild.member(user.id)
        if member is None:
            raise ValueError(f"user {user.username!r} is not a member of {guild.name!r}")
        payload |= {
            "guild_id": str(guild.id),
            "guild": {"id": str(guild.id), "locale": guild.preferred_locale, "features": []},
            "guild_locale": guild.preferred_locale,
            "member": member_payload(member, guild, permissions=guild.permissions_for(user.id)),
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
        }
    else:
        payload |= {
            "user": user_payload(user),
            "authorizing_integration_owners": {"0": str(user.id)},
            "context": 1,
        }
    if message is not None:
        payload["message"] = message
    return payload


def interaction_callback_payload(
    *,
    interaction_id: int,
    interaction_type: int,
    response_type: int,
    message: JSON | None,
) -> JSON:
    """The ``with_response=1`` answer to an interaction callback (discord.py always asks for it)."""
    callback: JSON = {"id": str(interaction_id), "type": interaction_type}
    if message is not None:
        callback |= {
            "response_message_id": message["id"],
            "response_message_loading": bool(message["flags"] & (1 << 7)),
            "response_message_ephemeral": bool(message["flags"] & (1 << 6)),
        }
    resource: JSON = {"type": response_type}
    if message is not None:
        resource["message"] = message
    return {"interaction": callback, "resource": resource}


def now_iso() -> str:
    """Current time in Discord's timestamp format (for ``edited_timestamp``)."""
    return to_iso(dt.datetime.now(dt.UTC))
