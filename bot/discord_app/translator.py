"""Japanese command and option names through discord.py's Translator.

The registry's Japanese names and descriptions ride along as `locale_str` extras (ja=...), so a
client set to Japanese shows /合計, /検索, /一覧 ... and the translations have one source.
"""

from __future__ import annotations

import discord
from discord import app_commands


class RegistryTranslator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,  # noqa: ARG002 - extras carry the Japanese
    ) -> str | None:
        if locale is not discord.Locale.japanese:
            return None
        japanese = string.extras.get("ja")
        return japanese if isinstance(japanese, str) else None


def ja(english: str, japanese: str) -> app_commands.locale_str:
    """A string Discord shows in English by default and in Japanese to Japanese clients."""
    return app_commands.locale_str(english, ja=japanese)
