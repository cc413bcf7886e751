"""Logging set up once, with the token kept out of every line written."""

from __future__ import annotations

import logging
import sys

from bot.settings import Settings

REDACTED = "[DISCORD_TOKEN]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactToken(logging.Filter):
    """Replaces the token wherever it would appear in a log line (message, arguments, traceback).

    discord.py does not log it, and neither does the bot; this is the second lock on the door.
    """

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, REDACTED), None
        if (
            record.exc_info
            and record.exc_info[1] is not None
            and self.token in str(record.exc_info[1])
        ):
            record.exc_text = (
                logging.Formatter().formatException(record.exc_info).replace(self.token, REDACTED)
            )
            record.exc_info = None
        return True


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    if settings.discord_token is not None:
        handler.addFilter(RedactToken(settings.discord_token.get_secret_value()))
    logging.basicConfig(level=settings.log_level, handlers=[handler], force=True)
