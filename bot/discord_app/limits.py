"""Discord's size limits, enforced in this one place for every message the bot sends.

Lengths are counted in UTF-16 code units, as Discord's own clients count them; that is never
less than Python's len(), so a text cut here fits whatever Discord counts.
"""

from __future__ import annotations

import discord

CONTENT = 2000
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
CUSTOM_ID = 100
BUTTON_LABEL = 80
CHOICES = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100

ELLIPSIS = "…"
BLANK = "\u200b"  # Discord refuses empty field names and values


def size(text: str) -> int:
    """Length as Discord counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clip(text: str, limit: int) -> str:
    """The text cut to `limit`, ending in … when cut; never splits a surrogate pair."""
    if size(text) <= limit:
        return text
    kept: list[str] = []
    used = size(ELLIPSIS)
    for char in text:
        cost = size(char)
        if used + cost > limit:
            break
        kept.append(char)
        used += cost
    return "".join(kept) + ELLIPSIS


def content(text: str | None) -> str | None:
    return None if text is None else clip(text, CONTENT)


def custom_id(text: str) -> str:
    return clip(text, CUSTOM_ID)


def _embed_size(embed: discord.Embed) -> int:
    parts = [
        embed.title or "",
        embed.description or "",
        embed.footer.text or "",
        embed.author.name or "",
    ]
    parts += [f"{field.name}{field.value}" for field in embed.fields]
    return sum(size(part) for part in parts)


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """A copy of the embed within every per-field limit and the 6000 total.

    Fields past the 25th, or past the total, are dropped and counted in a last field, so a
    reader knows the list goes on; the description is cut last.
    """
    fitted = embed.copy()
    if fitted.title:
        fitted.title = clip(fitted.title, TITLE)
    if fitted.description:
        fitted.description = clip(fitted.description, DESCRIPTION)
    if fitted.footer.text:
        fitted.set_footer(text=clip(fitted.footer.text, FOOTER), icon_url=fitted.footer.icon_url)
    if fitted.author.name:
        fitted.set_author(name=clip(fitted.author.name, AUTHOR), url=fitted.author.url)
    fields = [
        (clip(f.name or BLANK, FIELD_NAME), clip(f.value or BLANK, FIELD_VALUE), bool(f.inline))
        for f in embed.fields
    ]
    fitted.clear_fields()
    kept = fields if len(fields) <= FIELDS else fields[: FIELDS - 1]  # a slot for "ほか N 件"
    for name, value, inline in kept:
        fitted.add_field(name=name, value=value, inline=inline)
    note = size(ELLIPSIS) + size("ほか 99999 件（表示しきれません）")
    while (
        fitted.fields
        and _embed_size(fitted) + (note if len(fitted.fields) < len(fields) else 0) > EMBED_TOTAL
    ):
        fitted.remove_field(len(fitted.fields) - 1)
    if dropped := len(fields) - len(fitted.fields):
        fitted.add_field(
            name=ELLIPSIS, value=f"ほか {dropped} 件（表示しきれません）", inline=False
        )
    overflow = _embed_size(fitted) - EMBED_TOTAL
    if overflow > 0 and fitted.description:
        fitted.description = clip(fitted.description, max(size(fitted.description) - overflow, 1))
    return fitted


def fit_view(view: discord.ui.View) -> discord.ui.View:
    """Buttons with labels and custom ids Discord accepts."""
    for item in view.children:
        if isinstance(item, discord.ui.Button):
            if item.label:
                item.label = clip(item.label, BUTTON_LABEL)
            if item.custom_id and not item.url:
                item.custom_id = custom_id(item.custom_id)
    return view
