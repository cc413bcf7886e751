from __future__ import annotations

import logging

import pytest

from bot.errors import INTERNAL_MESSAGE, error_answer
from knowledge.errors import UnknownRegionError


def test_domain_errors_become_their_own_message():
    answer = error_answer(UnknownRegionError("空地", ["空知総合振興局"]), input_line="空地")
    assert (answer.error, answer.suggestions, answer.input) == (
        "unknown_region",
        ["空知総合振興局"],
        "空地",
    )
    assert "もしかして: 空知総合振興局" in answer.message


def test_bugs_become_a_short_message_and_a_logged_traceback(caplog: pytest.LogCaptureFixture):
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.ERROR):
            answer = error_answer(exc)
    assert (answer.error, answer.message) == ("internal", INTERNAL_MESSAGE)
    assert "boom" not in answer.message
    [record] = caplog.records
    assert record.exc_info is not None
