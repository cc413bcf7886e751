"""Connection faults end to end: the real bot, on the real discord.py client, against the fake
Discord while its gateway drops or asks for a reconnect and its REST routes answer 429 or 5xx.

Every test asserts on what the fake recorded: the handshakes (RESUME or IDENTIFY), each
attempt of a failed request, and that the question was answered exactly once with the right
figure. "Exactly once" is checked after a barrier (a later command answered on the same
gateway connection), so a duplicate answer would have arrived by then; nothing sleeps.
"""

from __future__ import annotations

import pytest

from tests.bot.discord_app.conftest import StartBot
from tests.fake_discord import FakeDiscord
from tests.fake_discord.records import FakeMessage, InteractionCallback, InteractionHandle
from tests.source_table import AREA_TOTALS, SUBPREFECTURE_TOTALS

WAIT = 10.0
"""Seconds any single wait may take: generous for a loaded machine, short for a hang."""
SORACHI = "6,615千円"
KUSHIRO_NEMURO = f"{AREA_TOTALS['釧路・根室連携地域']:,}千円"
DEFERRED = 5


def test_the_expected_figure_is_the_documents() -> None:
    """6,615千円 is what the document's own rows add up to for 空知."""
    assert f"{SUBPREFECTURE_TOTALS['空知']:,}千円" == SORACHI


async def barrier(fake: FakeDiscord) -> None:
    """A later command answered: every event dispatched before it has been handled."""
    handle = await fake.slash("about", {}, user=fake.bob)
    await handle.response(timeout=WAIT)


async def ask_total(fake: FakeDiscord, region: str = "空知") -> InteractionHandle:
    handle = await fake.slash("total", {"region": region})
    await handle.response(timeout=WAIT)
    return handle


def assert_sorachi(response: InteractionCallback | FakeMessage) -> None:
    [embed] = response.embeds
    assert embed["title"] == "空知総合振興局（道央広域連携地域）の予算合計"
    assert f"{SORACHI}（約662万円）" in embed["description"]


def assert_answered_once(fake: FakeDiscord, handle: InteractionHandle) -> None:
    """One callback accepted, one successful callback request, one message for it."""
    assert len(handle.callbacks) == 1, handle
    accepted = [
        r
        for r in fake.requests_to("POST", f"/interactions/{handle.id}/*/callback")
        if r.status < 300
    ]
    assert len(accepted) == 1, accepted
    assert [m.interaction_id for m in fake.bot_messages()].count(handle.id) == 1


def replies_to(fake: FakeDiscord, question: FakeMessage) -> list[FakeMessage]:
    return [m for m in fake.bot_messages() if m.reference_id == question.id]


# -- the gateway -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", [None, 4000], ids=["abrupt", "close-4000"])
async def test_a_dropped_gateway_resumes_and_the_next_command_is_answered_once(
    fake_discord: FakeDiscord, start_bot: StartBot, code: int | None
):
    async with start_bot():
        before = await ask_total(fake_discord, "石狩")
        await fake_discord.drop_gateway(code=code, timeout=WAIT)
        handle = await fake_discord.slash("total", {"region": "空知"})
        response = await handle.response(timeout=WAIT)
        await barrier(fake_discord)
    assert (fake_discord.gateway_resumes, len(fake_discord.identifies)) == (1, 1)
    assert_sorachi(response)
    assert_answered_once(fake_discord, handle)
    assert_answered_once(fake_discord, before)  # the RESUME replayed nothing already handled


async def test_a_command_sent_while_the_gateway_is_down_is_replayed_and_answered_once(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        await fake_discord.drop_gateway(wait=False)
        handle = await fake_discord.slash("total", {"region": "空知"})  # buffered for RESUME
        response = await handle.response(timeout=WAIT)
        await barrier(fake_discord)
    assert (fake_discord.gateway_resumes, len(fake_discord.identifies)) == (1, 1)
    assert_sorachi(response)
    assert_answered_once(fake_discord, handle)


async def test_a_session_that_cannot_resume_identifies_again(
    fake_discord: FakeDiscord, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
):
    """The gateway forgot the session (INVALID_SESSION on RESUME): a new IDENTIFY, then the
    bot answers as before."""

    async def identify_now(shard_id: int | None, *, initial: bool) -> None:
        """discord.py's own hook waits 5 s before every IDENTIFY but the first."""

    async with start_bot() as bot:
        monkeypatch.setattr(bot, "before_identify_hook", identify_now)
        for session in fake_discord.gateway.sessions.values():
            session.invalidated = True
        await fake_discord.drop_gateway(timeout=WAIT)
        await fake_discord.wait_until(
            lambda: len(fake_discord.identifies) >= 2 or None, "a second IDENTIFY", timeout=WAIT
        )
        await fake_discord.wait_for_session(timeout=WAIT)
        handle = await fake_discord.slash("total", {"region": "空知"})
        response = await handle.response(timeout=WAIT)
        await barrier(fake_discord)
    assert (fake_discord.gateway_resumes, len(fake_discord.identifies)) == (0, 2)
    assert_sorachi(response)
    assert_answered_once(fake_discord, handle)


async def test_a_reconnect_request_is_resumed_and_a_mention_answered(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        await fake_discord.request_reconnect(timeout=WAIT)
        question = await fake_discord.post_message(
            "釧根っていくら？", mentions=[fake_discord.bot_user]
        )
        answer = await fake_discord.wait_for_message(reference=question, timeout=WAIT)
        await barrier(fake_discord)
    assert (fake_discord.gateway_resumes, len(fake_discord.identifies)) == (1, 1)
    [embed] = answer.embeds
    assert embed["author"]["name"] == "対象: 釧路・根室連携地域 ・ 集計: 合計"
    assert KUSHIRO_NEMURO in embed["description"]
    assert replies_to(fake_discord, question) == [answer]


# -- REST faults -----------------------------------------------------------------------------


@pytest.mark.parametrize("is_global", [False, True], ids=["route", "global"])
async def test_a_rate_limited_callback_is_retried_and_answered_once(
    fake_discord: FakeDiscord, start_bot: StartBot, is_global: bool
):
    async with start_bot():
        fault = fake_discord.fail_next(
            "POST", "/interactions/*/callback", status=429, retry_after=0.3, is_global=is_global
        )
        handle = await fake_discord.slash("total", {"region": "空知"})
        response = await handle.response(timeout=WAIT)
        await barrier(fake_discord)
    assert fault.exhausted
    attempts = fake_discord.requests_to("POST", f"/interactions/{handle.id}/*/callback")
    assert [(r.status, r.injected) for r in attempts] == [(429, True), (200, False)]
    assert_sorachi(response)
    assert_answered_once(fake_discord, handle)


async def test_a_failing_reply_to_a_mention_is_retried_and_arrives_once(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    """A 500 on POST /channels/{id}/messages: discord.py waits (1 s) and sends it again."""
    async with start_bot():
        fault = fake_discord.fail_next("POST", "/channels/*/messages", status=500)
        question = await fake_discord.post_message(
            "空知の予算は？", mentions=[fake_discord.bot_user]
        )
        answer = await fake_discord.wait_for_message(reference=question, timeout=WAIT)
        await barrier(fake_discord)
    assert fault.exhausted
    attempts = fake_discord.requests_to("POST", f"/channels/{question.channel_id}/messages")
    assert [(r.status, r.injected) for r in attempts] == [(500, True), (200, False)]
    assert attempts[0].json == attempts[1].json  # the same reply, sent again
    assert_sorachi(answer)
    assert replies_to(fake_discord, question) == [answer]


async def test_a_rate_limited_edit_of_a_deferred_answer_is_retried(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    """A slow answer is deferred, and its edit into place meets a 429: retried, shown once."""
    async with start_bot(defer_after=0.0):
        fault = fake_discord.fail_next(
            "PATCH", "/webhooks/*/messages/@original", status=429, retry_after=0.2
        )
        handle = await fake_discord.slash("total", {"region": "空知"})
        response = await handle.response(timeout=WAIT)
        final = await handle.final_message(timeout=WAIT)
        await barrier(fake_discord)
    assert response.type == DEFERRED
    assert fault.exhausted
    edits = fake_discord.requests_to("PATCH", f"/webhooks/*/{handle.token}/messages/@original")
    assert [(r.status, r.injected) for r in edits] == [(429, True), (200, False)]
    assert_sorachi(final)
    assert_answered_once(fake_discord, handle)
