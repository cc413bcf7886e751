"""Shared fixtures. The fake Discord server's fixtures come in as a plugin."""

pytest_plugins = ["tests.fake_discord.plugin"]
