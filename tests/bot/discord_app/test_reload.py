"""Safe data reload: a good file swaps in whole, a bad one leaves the old data answering."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from tests.bot.discord_app.conftest import StartBot
from tests.fake_discord import FakeDiscord

FIXTURES = Path(__file__).parent.parent.parent / "knowledge" / "fixtures"
SMALL_TOTAL = 1000 + 2500 + 500 + 12 + 7  # valid_small.txt, read off the fixture


async def total_text(fake: FakeDiscord) -> str:
    response = await (await fake.slash("total", {})).response()
    return str(response.embeds[0]["description"])


async def test_an_owner_reloads_a_good_file(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
):
    data = tmp_path / "data.txt"
    shutil.copy(FIXTURES / "valid_small.txt", data)
    async with start_bot(data_path=data):
        assert f"{SMALL_TOTAL:,}千円" in await total_text(fake_discord)
        data.write_text(
            data.read_text(encoding="utf-8").replace("\t7\n", "\t1,007\n"), encoding="utf-8"
        )
        handle = await fake_discord.slash("reload", {}, user=fake_discord.alice)  # the app's owner
        final = await handle.final_message()
        assert final.ephemeral
        assert "再読み込みしました" in final.content
        assert f"{SMALL_TOTAL + 1000:,}千円" in await total_text(fake_discord)


async def test_a_bad_file_is_refused_with_its_line_and_the_old_data_stays(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
):
    data = tmp_path / "data.txt"
    shutil.copy(FIXTURES / "valid_small.txt", data)
    async with start_bot(data_path=data):
        data.write_text(
            data.read_text(encoding="utf-8").replace("\t500\n", "\tabc\n"), encoding="utf-8"
        )
        final = await (
            await fake_discord.slash("reload", {}, user=fake_discord.alice)
        ).final_message()
        assert "再読み込みできませんでした" in final.content
        assert f"{data}:12: 予算額「abc」が数値ではありません" in final.content
        assert f"{SMALL_TOTAL:,}千円" in await total_text(fake_discord)


async def test_others_are_refused(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        response = await (await fake_discord.slash("reload", {}, user=fake_discord.bob)).response()
    assert response.ephemeral
    assert response.content == "このコマンドはボットの管理者だけが使えます。"


async def test_the_watcher_reloads_and_tells_the_owner_about_a_bad_file(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
):
    data = tmp_path / "data.txt"
    shutil.copy(FIXTURES / "valid_small.txt", data)
    async with start_bot(data_path=data, watch=True, watch_every=0.05) as bot:
        first = bot.knowledge
        data.write_text(
            data.read_text(encoding="utf-8").replace("\t7\n", "\t8\n"), encoding="utf-8"
        )
        async with asyncio.timeout(5):  # the watcher looks every 0.05 s
            while bot.knowledge is first:
                await asyncio.sleep(0.02)
        assert bot.knowledge.total().total_thousand_yen == SMALL_TOTAL + 1
        data.write_text("壊れたファイル\n", encoding="utf-8")
        dm = await fake_discord.wait_for_message(
            channel=fake_discord.dm_channel(fake_discord.alice)
        )
        assert "再読み込みできませんでした" in dm.content
        assert bot.knowledge.total().total_thousand_yen == SMALL_TOTAL + 1  # still answering
