"""The one error handler: domain errors become answers a person can act on; bugs get logged."""

from __future__ import annotations

import logging

from knowledge.answers import ErrorAnswer
from knowledge.errors import KnowledgeError

log = logging.getLogger(__name__)

INTERNAL_MESSAGE = "内部エラーが起きました。同じ質問でもう一度試すか、管理者に知らせてください。"


def error_answer(exc: Exception, *, input_line: str | None = None) -> ErrorAnswer:
    """The answer to show for a failed request; unexpected errors are logged with a traceback."""
    if isinstance(exc, KnowledgeError):
        return ErrorAnswer(
            error=exc.code, message=str(exc), suggestions=list(exc.suggestions), input=input_line
        )
    log.error("unexpected error while answering %r", input_line, exc_info=exc)
    return ErrorAnswer(error="internal", message=INTERNAL_MESSAGE, input=input_line)
