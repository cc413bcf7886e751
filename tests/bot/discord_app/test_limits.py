"""Discord's limits, applied in one place: nothing the data or a user types can exceed them."""

from __future__ import annotations

import discord

from bot.discord_app import limits


def sizes(embed: discord.Embed) -> dict[str, int]:
    return {
        "title": limits.size(embed.title or ""),
        "description": limits.size(embed.description or ""),
        "fields": len(embed.fields),
        "field_name": max((limits.size(f.name or "") for f in embed.fields), default=0),
        "field_value": max((limits.size(f.value or "") for f in embed.fields), default=0),
        "footer": limits.size(embed.footer.text or ""),
        "total": limits.size(embed.title or "")
        + limits.size(embed.description or "")
        + limits.size(embed.footer.text or "")
        + limits.size(embed.author.name or "")
        + sum(limits.size(f"{f.name}{f.value}") for f in embed.fields),
    }


def within_limits(embed: discord.Embed) -> bool:
    s = sizes(embed)
    return (
        s["title"] <= 256
        and s["description"] <= 4096
        and s["fields"] <= 25
        and s["field_name"] <= 256
        and s["field_value"] <= 1024
        and s["footer"] <= 2048
        and s["total"] <= 6000
    )


def test_size_counts_utf16_units():
    assert limits.size("空知") == 2
    assert limits.size("🦌") == 2


def test_clip_marks_the_cut_and_keeps_surrogate_pairs_whole():
    assert limits.clip("短い", 10) == "短い"
    cut = limits.clip("🦌" * 10, 5)
    assert cut == "🦌🦌…"
    assert limits.size(cut) <= 5


def test_an_oversized_embed_is_fitted():
    huge = discord.Embed(title="題" * 1000, description="説" * 10_000)
    huge.set_footer(text="出" * 5000)
    for i in range(40):
        huge.add_field(name=f"項目{i}" * 100, value="値" * 3000)
    fitted = limits.fit_embed(huge)
    assert within_limits(fitted)
    assert fitted.title is not None
    assert fitted.title.endswith("…")
    last = fitted.fields[-1]
    assert last.value is not None
    assert last.value.startswith("ほか ")


def test_many_small_fields_keep_25_and_count_the_rest():
    embed = discord.Embed(title="t")
    for i in range(30):
        embed.add_field(name=str(i), value="v")
    fitted = limits.fit_embed(embed)
    assert len(fitted.fields) == 25
    assert fitted.fields[-1].value == "ほか 6 件（表示しきれません）"


def test_a_small_embed_is_unchanged():
    embed = discord.Embed(title="空知", description="6,615千円")
    embed.add_field(name="a", value="b")
    assert limits.fit_embed(embed).to_dict() == embed.to_dict()


def test_empty_field_texts_become_a_blank_discord_accepts():
    embed = discord.Embed(title="t")
    embed.add_field(name="", value="")
    field = limits.fit_embed(embed).fields[0]
    assert (field.name, field.value) == (limits.BLANK, limits.BLANK)


def test_content_and_custom_id():
    assert limits.size(limits.content("あ" * 5000) or "") <= 2000
    assert limits.size(limits.custom_id("x" * 500)) <= 100
