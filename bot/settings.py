"""Configuration, read from the environment and from .env (see .env.example)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import PositiveInt, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


class Settings(BaseSettings):
    """Everything the bot can be told from outside; built once in __main__ and passed in."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
    )

    discord_token: SecretStr | None = None
    discord_guild_id: int | None = None
    ask_channel_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    owner_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    """Who may use /reload; empty: the application's owner (or team) in the Developer Portal."""
    watch_data: bool = False
    """Reload the data file by itself when it changes (checked every few seconds)."""
    data_path: Path | None = None
    log_level: LogLevel = "INFO"
    shard_count: PositiveInt | Literal["auto"] | None = None
    """Run as discord.py's AutoShardedBot: a number of shards, or auto (Discord's advice)."""

    @field_validator("ask_channel_ids", "owner_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """ASK_CHANNEL_IDS=123,456 (commas or spaces), as people write it in .env."""
        if isinstance(value, str):
            return {part for part in value.replace(",", " ").split() if part}
        return value
