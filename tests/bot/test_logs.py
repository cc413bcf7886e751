from __future__ import annotations

import logging

from bot.logs import REDACTED, RedactToken

TOKEN = "MTIzNDU2Nzg5.fake.token-for-tests"


def test_the_token_is_redacted_from_messages_arguments_and_tracebacks():
    logger = logging.getLogger("test.redact")
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep()
    handler.addFilter(RedactToken(TOKEN))
    logger.addHandler(handler)
    try:
        logger.warning("connecting with %s", TOKEN)
        try:
            raise RuntimeError(f"bad {TOKEN}")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    formatted = [logging.Formatter().format(r) for r in records]
    assert all(TOKEN not in line for line in formatted)
    assert REDACTED in formatted[0]
    assert REDACTED in formatted[1]
