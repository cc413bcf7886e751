"""Embeds are built through cards.py, which imports discord only when an embed is drawn."""

from __future__ import annotations

import subprocess
import sys

import discord

from bot.formatting import cards


def imports_discord(code: str) -> bool:
    probe = f"import sys; {code}; print('discord' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return result.stdout.strip() == "True"


def test_every_kind_text_and_files_without_discord():
    assert not imports_discord(
        "import bot.formatting.kinds, bot.files; from bot.formatting.text import render_text; "
        "from knowledge import load_knowledge; k = load_knowledge(); "
        "render_text(k.total('空知'), k.source); bot.files.files_for(k.export('空知'), k.source)"
    )


def test_drawing_an_embed_imports_discord():
    assert imports_discord("from bot.formatting import cards; cards.embed('t', None, cards.BLUE)")


def test_an_embed_is_a_discord_embed_with_the_colour_asked():
    page = cards.embed("題", "本文", cards.PURPLE)
    assert isinstance(page, discord.Embed)
    assert (page.title, page.description) == ("題", "本文")
    assert page.colour == discord.Colour.from_rgb(0x7B, 0x4F, 0xD1)


def test_escape_keeps_what_people_typed_as_typed():
    assert cards.escape("*a* _b_ `c`") == "\\*a\\* \\_b\\_ \\`c\\`"
