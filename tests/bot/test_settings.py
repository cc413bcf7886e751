from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings


def test_explicit_values():
    settings = Settings(
        _env_file=None, discord_token="abc", data_path=Path("/tmp/x.txt"), log_level="INFO"
    )
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == "abc"
    assert "abc" not in repr(settings)


def test_empty_values_mean_unset(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DISCORD_TOKEN", "")
    monkeypatch.setenv("DATA_PATH", "")
    settings = Settings(_env_file=None)
    assert (settings.discord_token, settings.data_path) == (None, None)


def test_dotenv_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for name in ("DISCORD_TOKEN", "DATA_PATH", "LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    env = tmp_path / ".env"
    env.write_text("DATA_PATH=/data/r4.txt\nLOG_LEVEL=DEBUG\n", encoding="utf-8")
    settings = Settings(_env_file=env)
    assert (settings.data_path, settings.log_level) == (Path("/data/r4.txt"), "DEBUG")
