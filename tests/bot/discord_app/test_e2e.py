"""The real bot, on the real discord.py client, against the fake Discord on 127.0.0.1.

Assertions are on the exact payloads the bot sends; expected figures come from the document's
rows (tests/source_table.py), never from the code under test.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import discord

from bot.discord_app import app
from bot.discord_app.client import make_bot
from bot.discord_app.cooldown import UserCooldown
from bot.settings import Settings
from knowledge import load_knowledge
from tests.bot.discord_app.conftest import StartBot
from tests.bot.discord_app.test_limits import within_limits
from tests.fake_discord import FakeDiscord
from tests.fake_discord.records import iter_components
from tests.source_table import AREA_TOTALS, ROWS, SUBPREFECTURE_TOTALS

NO_PINGS: dict[str, list[str]] = {"parse": []}
COMMAND_NAMES = {
    "total": "合計",
    "search": "検索",
    "list": "一覧",
    "top": "上位",
    "compare": "比較",
    "ask": "質問",
    "about": "概要",
    "help": "ヘルプ",
    "chart": "グラフ",
    "export": "書き出し",
    "browse": "たどる",
    "reload": "再読み込み",  # owners only, outside the registry
}
STRING, INTEGER, BOOLEAN = 3, 4, 5


def button(components: list[dict[str, Any]], label: str) -> str:
    found = [c["custom_id"] for c in iter_components(components) if c.get("label") == label]
    assert found, f"no button {label!r} in {components}"
    return str(found[0])


def amount(total: int) -> str:
    return f"{total:,}千円"


async def test_commands_are_synced_with_japanese_localizations(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        synced = {c["name"]: c for c in fake_discord.commands()}
    assert set(synced) == set(COMMAND_NAMES)
    for name, japanese in COMMAND_NAMES.items():
        command = synced[name]
        assert command["name_localizations"] == {"ja": japanese}
        assert command["description"]
        assert command["description_localizations"]["ja"]
        for option in command.get("options", []):
            assert option["description"]
            assert option["description_localizations"]["ja"]
            assert option["name_localizations"]["ja"]
    total = {o["name"]: o for o in synced["total"]["options"]}
    assert (
        total["region"]["type"],
        total["region"]["autocomplete"],
        total["region"].get("required", False),
    ) == (STRING, True, False)
    assert total["region"]["name_localizations"] == {"ja": "地域"}
    assert total["private"]["type"] == BOOLEAN
    top = {o["name"]: o for o in synced["top"]["options"]}
    assert (top["n"]["type"], top["n"]["min_value"], top["n"]["max_value"]) == (INTEGER, 1, 50)
    assert [c["value"] for c in top["by"]["choices"]] == ["measure", "subprefecture", "area"]
    assert top["by"]["choices"][1]["name_localizations"] == {"ja": "振興局"}
    compare = [(o["name"], o.get("required", False)) for o in synced["compare"]["options"]]
    assert compare[:4] == [("a", True), ("b", True), ("c", False), ("d", False)]
    assert synced["search"]["options"][0]["name"] == "query"
    assert synced["search"]["options"][0]["required"] is True
    assert synced["ask"]["options"][0]["name"] == "question"


async def test_a_guild_id_syncs_the_commands_to_that_guild(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot(guild=True):
        in_guild = {c["name"] for c in fake_discord.commands(fake_discord.guild)}
    assert in_guild == set(COMMAND_NAMES)


async def test_total_sorachi_is_answered_with_6615(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        handle = await fake_discord.slash("total", {"region": "空知"})
        response = await handle.response()
    assert response.type == 4
    assert not response.ephemeral
    assert response.data["allowed_mentions"] == NO_PINGS
    [embed] = response.embeds
    assert embed["title"] == "空知総合振興局（道央広域連携地域）の予算合計"
    assert f"{amount(SUBPREFECTURE_TOTALS['空知'])}（約662万円）" in embed["description"]
    assert embed["footer"]["text"].startswith("出典: 連携地域別政策展開方針")
    assert "令和3年度予算・単位 千円" in embed["footer"]["text"]
    assert len(handle.callbacks) == 1


async def test_every_area_total_through_slash_commands(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot(cooldown=UserCooldown(rate=100)):
        for area, total in AREA_TOTALS.items():
            response = await (await fake_discord.slash("total", {"region": area})).response()
            assert response.embeds, (area, response.data)
            assert amount(total) in response.embeds[0]["description"]


async def test_autocomplete_from_kana_and_romaji(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        kana = await fake_discord.autocomplete("total", "region", "そら")
        romaji = await fake_discord.autocomplete("list", "region", "kushiro")
        everything = await fake_discord.autocomplete("compare", "a", "")
    assert kana[0] == {"name": "空知総合振興局（そらち）", "value": "空知総合振興局"}
    assert [c["value"] for c in romaji][:2] == ["釧路・根室連携地域", "釧路総合振興局"]
    assert len(everything) == 6 + 14
    assert all(len(c["name"]) < 100 for c in everything)


async def test_a_long_list_pages_with_buttons_only_the_asker_can_press(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        handle = await fake_discord.slash("list", {}, user=fake_discord.alice)
        response = await handle.response()
        message = await handle.final_message()
        first = response.embeds[0]
        assert first["footer"]["text"].endswith("1/6ページ")  # 31 measures, 6 a page
        next_id = button(message.components, "次へ ▶")
        turned = await (
            await fake_discord.click(message, next_id, user=fake_discord.alice)
        ).response()
        assert turned.type == 7
        assert turned.embeds[0]["footer"]["text"].endswith("2/6ページ")
        assert turned.embeds[0]["fields"][0]["name"] == f"【{ROWS[6].measure}】"
        refused = await (
            await fake_discord.click(message, next_id, user=fake_discord.bob)
        ).response()
    assert refused.ephemeral
    assert refused.content == "このボタンは質問した人だけが使えます。"


async def test_a_private_answer_can_be_shared(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        handle = await fake_discord.slash("total", {"region": "道南", "private": True})
        response = await handle.response()
        assert response.ephemeral
        message = await handle.final_message()
        share_id = button(message.components, "チャンネルに共有")
        shared = await (await fake_discord.click(message, share_id)).response()
        await handle.final_message(lambda m: bool((m.component(share_id) or {}).get("disabled")))
    assert shared.type == 4
    assert not shared.ephemeral
    assert amount(AREA_TOTALS["道南連携地域"]) in shared.embeds[0]["description"]
    assert shared.data["allowed_mentions"] == NO_PINGS


async def test_a_mention_is_answered_as_a_reply_by_the_ask_engine(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        question = await fake_discord.post_message(
            "エゾシカの事業っていくら？", mentions=[fake_discord.bot_user]
        )
        answer = await fake_discord.wait_for_message(reference=question)
    ezoshika = sum(r.budget for r in ROWS if "エゾシカ" in r.measure)
    [embed] = answer.embeds
    assert amount(ezoshika) in embed["description"]
    assert {f["name"] for f in embed["fields"]} == {
        f"【{r.measure}】" for r in ROWS if "エゾシカ" in r.measure
    }
    [sent] = [r for r in fake_discord.requests_to("POST", "/channels/*/messages") if r.json]
    assert sent.json["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert int(sent.json["message_reference"]["message_id"]) == question.id


async def test_everyone_in_a_question_pings_nobody(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        question = await fake_discord.post_message(
            f"@everyone @here <@{fake_discord.bob.id}> 空知の予算は？",
            mentions=[fake_discord.bot_user, fake_discord.bob],
        )
        answer = await fake_discord.wait_for_message(reference=question)
        handle = await fake_discord.slash("search", {"query": "@everyone エゾシカ"})
        response = await handle.response()
    assert amount(SUBPREFECTURE_TOTALS["空知"]) in answer.embeds[0]["description"]
    assert all(
        r.json["allowed_mentions"]["parse"] == []
        for r in fake_discord.requests_to("POST", "/channels/*/messages")
    )
    assert response.data["allowed_mentions"] == NO_PINGS
    assert not answer.payload.get("mention_everyone")


async def test_messages_that_do_not_mention_the_bot_are_ignored(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        await fake_discord.post_message("空知の予算は？")
        question = await fake_discord.post_message("石狩は？", mentions=[fake_discord.bot_user])
        await fake_discord.wait_for_message(reference=question)
    assert len(fake_discord.bot_messages()) == 1


async def test_an_unknown_region_gets_a_private_did_you_mean(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        response = await (await fake_discord.slash("total", {"region": "空地"})).response()
    assert response.ephemeral
    assert "もしかして: 空知総合振興局" in response.embeds[0]["description"]


async def test_the_cooldown_answers_kindly(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot(cooldown=UserCooldown(rate=2, per=60)):
        first = [await (await fake_discord.slash("about", {})).response() for _ in range(2)]
        third = await (await fake_discord.slash("about", {})).response()
        other_user = await (await fake_discord.slash("about", {}, user=fake_discord.bob)).response()
    assert all(r.embeds for r in first)
    assert third.ephemeral
    assert third.content.startswith("少し間をあけてから")
    assert other_user.embeds


async def test_a_slow_answer_is_deferred_then_filled_in(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot(defer_after=0.0):
        handle = await fake_discord.slash("compare", {"a": "空知", "b": "石狩"})
        response = await handle.response()
        final = await handle.final_message()
    assert response.type == 5
    sorachi, ishikari = SUBPREFECTURE_TOTALS["空知"], SUBPREFECTURE_TOTALS["石狩"]
    assert [f["name"] for f in final.embeds[0]["fields"][:2]] == ["空知総合振興局", "石狩振興局"]
    assert amount(ishikari - sorachi) in final.embeds[0]["fields"][2]["value"]


async def test_too_long_data_arrives_trimmed(
    fake_discord: FakeDiscord, start_bot: StartBot, tmp_path: Path
):
    long = "長" * 3000
    text = (
        "表\n\n道北連携地域\n\n(単位：千円)\n\n地域区分\t主なプロジェクト\t主な施策\tR3 予算額\n"
        + "".join(f"上川\t{long}{i}\t【{long}{i}】 {long}\t{i + 1}\n" for i in range(30))
    )
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    async with start_bot(data_path=path):
        pages = []
        for kind, options in (
            ("list", {}),
            ("search", {"query": "長"}),
            ("total", {"region": "上川"}),
        ):
            handle = await fake_discord.slash(kind, options)
            pages.append((await handle.response()).embeds[0])
    for page in pages:
        assert within_limits(discord.Embed.from_dict(page))


async def test_ask_command_and_help(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        ask = await (await fake_discord.slash("ask", {"question": "釧根っていくら？"})).response()
        unclear = await (await fake_discord.slash("ask", {"question": "こんにちは"})).response()
        help_ = await (await fake_discord.slash("help", {})).response()
    assert amount(AREA_TOTALS["釧路・根室連携地域"]) in ask.embeds[0]["description"]
    assert unclear.embeds[0]["title"] == "使い方"
    assert len(help_.embeds[0]["fields"]) == len(COMMAND_NAMES) - 1  # all but the owners" /reload


async def test_startup_falls_back_when_the_content_intent_is_refused(
    fake_discord: FakeDiscord, caplog: Any
):
    fake_discord.gateway.disallowed_intents = discord.Intents(message_content=True).value
    settings = Settings(
        _env_file=None,
        discord_token=fake_discord.token,
        ask_channel_ids=frozenset({1}),
        discord_guild_id=fake_discord.guild.id,
    )
    task = asyncio.create_task(app.main(settings, load_knowledge()))
    try:
        await fake_discord.wait_until(
            lambda: fake_discord.identifies or None, "an accepted IDENTIFY"
        )
        await fake_discord.wait_until(
            lambda: fake_discord.commands(fake_discord.guild) or None, "the guild sync"
        )
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert not fake_discord.identifies[0]["intents"] & discord.Intents(message_content=True).value
    assert any("MESSAGE CONTENT INTENT" in r.getMessage() for r in caplog.records)


async def test_page_buttons_stop_after_the_timeout(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot(view_timeout=0.2):
        handle = await fake_discord.slash("list", {})
        await handle.response()

        def all_disabled(message: Any) -> bool:
            buttons = [c for c in iter_components(message.components) if c.get("type") == 2]
            return bool(buttons) and all(c.get("disabled") for c in buttons)

        expired = await handle.final_message(all_disabled)
    assert expired.edited


async def test_every_message_in_an_ask_channel_with_the_content_intent(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    channel = fake_discord.questions
    async with start_bot(ask_channels=frozenset({channel.id}), message_content=True):
        question = await fake_discord.post_message("石狩の予算合計は？", channel=channel)
        answer = await fake_discord.wait_for_message(channel=channel, reference=question)
        await fake_discord.post_message("ありがとうございます", channel=channel)
        elsewhere = await fake_discord.post_message("空知の予算は？", channel=fake_discord.general)
        last = await fake_discord.post_message("十勝は？", channel=channel)
        await fake_discord.wait_for_message(channel=channel, reference=last)
    assert amount(SUBPREFECTURE_TOTALS["石狩"]) in answer.embeds[0]["description"]
    assert fake_discord.intents is not None
    assert fake_discord.intents & discord.Intents(message_content=True).value
    answered = {m.reference_id for m in fake_discord.bot_messages()}
    assert answered == {question.id, last.id}
    assert elsewhere.id not in answered


async def test_the_token_appears_in_no_log_and_no_payload(
    fake_discord: FakeDiscord, start_bot: StartBot, caplog: Any
):
    caplog.set_level("DEBUG")
    async with start_bot():
        await (await fake_discord.slash("total", {"region": "空知"})).response()
        question = await fake_discord.post_message("help", mentions=[fake_discord.bot_user])
        await fake_discord.wait_for_message(reference=question)
    token = fake_discord.token
    assert caplog.records
    assert all(token not in r.getMessage() for r in caplog.records)
    assert all(token not in repr(r.json) for r in fake_discord.requests)


async def test_a_wrong_token_is_one_clear_line(fake_discord: FakeDiscord, caplog: Any):
    settings = Settings(_env_file=None, discord_token="not-the-token")
    assert await app.main(settings, load_knowledge()) == 2
    [record] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert "DISCORD_TOKEN が正しくありません" in record.getMessage()
    assert record.exc_info is None


async def test_an_unclear_question_offers_buttons_that_answer_it(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        handle = await fake_discord.slash("ask", {"question": "空地の予算"})
        response = await handle.response()
        assert response.embeds[0]["title"] == "確認させてください"
        message = await handle.final_message()
        choice = button(message.components, "1. 空知総合振興局の予算合計")
        picked = await (
            await fake_discord.click(message, choice, user=fake_discord.alice)
        ).response()
    assert picked.type == 7
    assert amount(SUBPREFECTURE_TOTALS["空知"]) in picked.embeds[0]["description"]
    assert picked.embeds[0]["author"]["name"] == "対象: 空知総合振興局 ・ 集計: 合計"


async def test_a_mention_states_what_it_understood(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        question = await fake_discord.post_message(
            "釧根っていくら？", mentions=[fake_discord.bot_user]
        )
        answer = await fake_discord.wait_for_message(reference=question)
    [embed] = answer.embeds
    assert embed["author"]["name"] == "対象: 釧路・根室連携地域 ・ 集計: 合計"
    assert amount(AREA_TOTALS["釧路・根室連携地域"]) in embed["description"]


async def test_chart_arrives_as_an_attached_png(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        handle = await fake_discord.slash("chart", {})
        response = await handle.response()
        message = await handle.final_message()
    assert response.type in (4, 5)
    assert message.files["chart.png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert message.embeds[0]["image"]["url"] == "attachment://chart.png"


async def test_export_arrives_as_csv_and_json(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        handle = await fake_discord.slash("export", {})
        await handle.response()
        message = await handle.final_message()
    [csv_name] = [name for name in message.files if name.endswith(".csv")]
    [json_name] = [name for name in message.files if name.endswith(".json")]
    rows = message.files[csv_name].decode("utf-8-sig").strip().split("\r\n")[1:]
    assert len(rows) == 31
    assert sum(int(r.split(",")[-2]) for r in rows) == 115_135  # the budget column
    assert '"total_thousand_yen": 115135' in message.files[json_name].decode("utf-8")


async def test_browse_drills_down_and_back(fake_discord: FakeDiscord, start_bot: StartBot):
    async with start_bot():
        handle = await fake_discord.slash("browse", {})
        await handle.response()
        message = await handle.final_message()
        [menu] = [c for c in iter_components(message.components) if c.get("type") == 3]
        assert [o["value"] for o in menu["options"]] == list(AREA_TOTALS)
        area = await (
            await fake_discord.click(message, menu["custom_id"], values=["道南連携地域"])
        ).response()
        assert area.type == 7
        assert area.embeds[0]["title"] == "道南連携地域の振興局"
        message = await handle.final_message(lambda m: "道南" in m.embeds[0]["title"])
        [menu] = [c for c in iter_components(message.components) if c.get("type") == 3]
        sub = await (
            await fake_discord.click(message, menu["custom_id"], values=["渡島"])
        ).response()
        assert {f["name"] for f in sub.embeds[0]["fields"]} == {
            f"【{r.measure}】" for r in ROWS if r.subprefecture == "渡島"
        }
        message = await handle.final_message(lambda m: "渡島" in m.embeds[0]["title"])
        back = await (
            await fake_discord.click(message, button(message.components, "◀ 戻る"))
        ).response()
    assert back.embeds[0]["title"] == "道南連携地域の振興局"


async def test_a_browse_panel_keeps_working_after_a_restart(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        handle = await fake_discord.slash("browse", {"panel": True})
        await handle.response()
        panel = await handle.final_message()
    async with start_bot():  # a new process: nothing of the first bot's views in memory
        [menu] = [c for c in iter_components(panel.components) if c.get("type") == 3]
        opened = await (
            await fake_discord.click(
                panel, menu["custom_id"], values=["十勝連携地域"], user=fake_discord.bob
            )
        ).response()
    assert opened.type == 4
    assert opened.ephemeral  # the panel stays as it is for everyone else
    assert opened.embeds[0]["title"] == "十勝連携地域の振興局"


async def test_shard_count_runs_discords_own_auto_sharding(fake_discord: FakeDiscord):
    settings = Settings(_env_file=None, discord_token=fake_discord.token, shard_count="auto")
    bot = make_bot(settings, load_knowledge(), message_content=False, guild_ready_timeout=0.05)
    assert isinstance(bot, discord.AutoShardedClient)
    async with fake_discord.running(bot):
        response = await (await fake_discord.slash("total", {"region": "空知"})).response()
    assert amount(SUBPREFECTURE_TOTALS["空知"]) in response.embeds[0]["description"]
    assert fake_discord.requests_to("GET", "/gateway/bot")  # the shard count asked of Discord
    assert fake_discord.identifies[0]["shard"] == [0, 1]
    plain = make_bot(
        Settings(_env_file=None, discord_token="x"), load_knowledge(), message_content=False
    )
    assert not isinstance(plain, discord.AutoShardedClient)


async def test_chat_spam_gets_one_notice_then_silence(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot(cooldown=UserCooldown(rate=3, per=60)):
        sent = [
            await fake_discord.post_message(f"空知の予算は？{i}", mentions=[fake_discord.bot_user])
            for i in range(6)
        ]
        await fake_discord.wait_for_message(reference=sent[3])  # the notice
        for question in sent[:3]:  # answers are computed off the loop: they may come after it
            await fake_discord.wait_for_message(reference=question)
        probe = await fake_discord.post_message(
            "石狩は？", mentions=[fake_discord.bot_user], author=fake_discord.bob
        )
        await fake_discord.wait_for_message(reference=probe)  # others are still answered
    replies = {m.reference_id: m for m in fake_discord.bot_messages()}
    assert [s.id in replies for s in sent] == [True, True, True, True, False, False]
    assert replies[sent[3].id].content == "質問が続いているので、少し間をあけてからもう一度どうぞ。"
    assert all(replies[s.id].embeds for s in sent[:3])


async def test_plain_questions_of_every_plan_kind_in_discord(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    """A share, a pick, where, a count of projects and another year, asked in chat and by
    /ask: each reply states the figure computed here from the document's rows."""
    iburi_share = SUBPREFECTURE_TOTALS["胆振"] / sum(r.budget for r in ROWS) * 100
    second = sorted((r for r in ROWS if r.subprefecture == "釧路"), key=lambda r: -r.budget)[1]
    projects = len({r.project for r in ROWS})
    async with start_bot():
        share = await fake_discord.post_message(
            "胆振は全体の何％？", mentions=[fake_discord.bot_user]
        )
        share_reply = await fake_discord.wait_for_message(reference=share)
        pick = await (
            await fake_discord.slash("ask", {"question": "釧路で2番目に大きい施策は？"})
        ).response()
        where = await (
            await fake_discord.slash("ask", {"question": "エゾシカの事業はどこ？"})
        ).response()
        count = await (
            await fake_discord.slash("ask", {"question": "プロジェクトって全部で何個あるの？"})
        ).response()
        year = await (
            await fake_discord.slash("ask", {"question": "令和4年度の予算は？"})
        ).response()
    [embed] = share_reply.embeds
    assert f"{iburi_share:.1f}%" in embed["description"]
    assert embed["author"]["name"].startswith("対象: 胆振総合振興局")
    page = pick.embeds[0]
    assert second.measure in page["description"]
    assert amount(second.budget) in page["description"]
    places = {r.subprefecture for r in ROWS if "エゾシカ" in r.measure}
    assert sorted(f["name"][:2] for f in where.embeds[0]["fields"]) == sorted(places)
    assert f"{projects}種類" in count.embeds[0]["title"]
    assert "令和3年度" in year.embeds[0]["description"]
    for reply in (pick, where, count):
        assert "出典" in reply.embeds[0]["footer"]["text"]


async def test_top_with_a_budget_range_shows_exactly_the_measures_in_it(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    """/top min:300 max:500 (万円, inclusive) ranks the measures of 3,000 to 5,000千円."""
    inside = sorted((r for r in ROWS if 3000 <= r.budget <= 5000), key=lambda r: -r.budget)
    assert 1 < len(inside) < 10  # one page, fewer than asked for
    async with start_bot():
        synced = {c["name"]: c for c in fake_discord.commands()}
        handle = await fake_discord.slash("top", {"n": 10, "min": 300, "max": 500})
        response = await handle.response()
    for name in ("top", "search"):
        options = {o["name"]: o for o in synced[name]["options"]}
        for option, japanese in (("min", "下限万円"), ("max", "上限万円")):
            assert options[option]["type"] == INTEGER
            assert options[option]["min_value"] == 0
            assert options[option].get("required", False) is False
            assert options[option]["name_localizations"] == {"ja": japanese}
            assert "万円" in options[option]["description_localizations"]["ja"]
            assert "万円" in options[option]["description"]
    assert not response.ephemeral
    [embed] = response.embeds
    assert embed["title"] == (
        f"予算が大きい施策 上位{len(inside)}件（全{len(inside)}件・予算3,000千円以上5,000千円以下）"
    )
    assert embed["description"].splitlines() == [
        f"{i}. **{amount(r.budget)}** 【{r.measure}】 {r.subprefecture}"
        for i, r in enumerate(inside, start=1)
    ]


async def test_search_with_a_minimum_above_the_maximum_is_told_privately(
    fake_discord: FakeDiscord, start_bot: StartBot
):
    async with start_bot():
        kept = await (
            await fake_discord.slash("search", {"query": "エゾシカ", "min": 200})
        ).response()
        wrong = await (
            await fake_discord.slash("search", {"query": "エゾシカ", "min": 500, "max": 100})
        ).response()
    expected = [r for r in ROWS if "エゾシカ" in r.measure and r.budget >= 2000]
    assert kept.embeds[0]["title"] == "「エゾシカ」の検索結果（予算2,000千円以上）"
    values = [f["value"].split("\n")[0] for f in kept.embeds[0]["fields"]]
    assert len(values) == len(expected) == 1
    assert all(v.startswith(f"{amount(r.budget)}（") for v, r in zip(values, expected, strict=True))
    assert wrong.ephemeral
    assert "予算の下限が上限を上回っています" in str(wrong.data)
