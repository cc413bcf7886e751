"""End-to-end proof that an unmodified discord.py bot runs against the fake Discord.

The bot here is a small stand-in defined in this file (not the project's bot): it exercises
slash commands with typed options, embeds, ephemeral and deferred responses, autocomplete,
buttons, selects, modals, mention replies, files, gateway drops and rate limits.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import AsyncIterator

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fake_discord import FakeDiscord

log = logging.getLogger(__name__)

JA = {
    "budget": "予算",
    "Show the budget of a fiscal year": "年度の予算を表示します",
    "year": "年度",
    "Fiscal year, e.g. 2024": "会計年度 (例: 2024)",
}
CITIES = {
    "sapporo": "札幌市",
    "asahikawa": "旭川市",
    "hakodate": "函館市",
    "kushiro": "釧路市",
    "obihiro": "帯広市",
}
CSV = b"year,amount\n2024,1200\n"


class JaTranslator(app_commands.Translator):
    """Japanese names/descriptions, so the sync carries ``name_localizations['ja']``."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale is discord.Locale.japanese:
            return JA.get(string.message)
        return None


class VoteView(discord.ui.View):
    """A button that edits its message and a select that answers ephemerally."""

    def __init__(self) -> None:
        super().__init__(timeout=None)
        self.voters: list[str] = []

    @discord.ui.button(label="Yes", custom_id="vote:yes", style=discord.ButtonStyle.success)
    async def yes(
        self, interaction: discord.Interaction, button: discord.ui.Button[VoteView]
    ) -> None:
        self.voters.append(interaction.user.name)
        await interaction.response.edit_message(
            content=f"Votes: {len(self.voters)} ({', '.join(self.voters)})", view=self
        )

    @discord.ui.select(
        custom_id="vote:pick",
        options=[discord.SelectOption(label=label, value=value) for value, label in CITIES.items()],
    )
    async def pick(
        self, interaction: discord.Interaction, select: discord.ui.Select[VoteView]
    ) -> None:
        await interaction.response.send_message(f"picked {select.values[0]}", ephemeral=True)


class Feedback(discord.ui.Modal, title="Feedback"):
    """A one-field modal."""

    text: discord.ui.TextInput[Feedback] = discord.ui.TextInput(
        label="Comment", custom_id="comment"
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks: {self.text.value}", ephemeral=True)


class StandInBot(commands.Bot):
    """A minimal bot using the features the real project bot will need."""

    def __init__(self, *, intents: discord.Intents | None = None) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents or discord.Intents.default(),
            guild_ready_timeout=0.05,  # discord.py waits this long after GUILD_CREATE for READY
        )
        self.seen: list[discord.Message] = []
        register_commands(self)

    async def setup_hook(self) -> None:
        await self.tree.set_translator(JaTranslator())
        await self.tree.sync()

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        self.seen.append(message)
        if self.user is None or self.user not in message.mentions:
            return
        async with message.channel.typing():
            if message.attachments:
                attachment = message.attachments[0]
                data = await attachment.read()
                lines = data.count(b"\n")
                await message.reply(
                    f"{attachment.filename}: {lines} lines",
                    file=discord.File(io.BytesIO(data.upper()), "upper.txt"),
                )
                return
            text = message.content.replace(self.user.mention, "").strip()
            await message.reply(f"{message.author.display_name}: {text}")


def register_commands(bot: StandInBot) -> None:
    """Attach the stand-in slash commands to ``bot.tree``."""

    @bot.tree.command(name="budget", description="Show the budget of a fiscal year")
    @app_commands.describe(year="Fiscal year, e.g. 2024")
    async def budget(
        interaction: discord.Interaction, year: app_commands.Range[int, 2000, 2100]
    ) -> None:
        japanese = interaction.locale is discord.Locale.japanese
        embed = discord.Embed(title=f"{year}年度予算" if japanese else f"Budget {year}")
        embed.add_field(name="total", value="1200")
        embed.set_footer(text=type(year).__name__)
        await interaction.response.send_message(embed=embed)

    @bot.tree.command(description="Only you can see this")
    async def secret(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ssh", ephemeral=True)

    @bot.tree.command(description="Defers, then follows up and edits the follow-up")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        message = await interaction.followup.send("working...", wait=True)
        await message.edit(content="done")

    @bot.tree.command(description="Look up a city")
    async def city(interaction: discord.Interaction, name: str) -> None:
        await interaction.response.send_message(CITIES.get(name, "unknown"))

    @city.autocomplete("name")
    async def city_name(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        japanese = interaction.locale is discord.Locale.japanese
        return [
            app_commands.Choice(name=label if japanese else value.title(), value=value)
            for value, label in CITIES.items()
            if current.lower() in value
        ]

    @bot.tree.command(description="Start a vote")
    async def vote(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("Votes: 0", view=VoteView())

    @bot.tree.command(description="Send a CSV")
    async def export(interaction: discord.Interaction) -> None:
        await interaction.response.send_message(
            "here", file=discord.File(io.BytesIO(CSV), "budget-2024.csv")
        )

    @bot.tree.command(description="Open a modal")
    async def feedback(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(Feedback())

    @bot.tree.command(description="Sends a message Discord rejects")
    async def toolong(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("x" * 2001)

    @bot.tree.command(description="Takes too long to answer")
    async def sleepy(interaction: discord.Interaction) -> None:
        await asyncio.sleep(0.3)
        await interaction.response.send_message("too late")

    report = app_commands.Group(name="report", description="Reports")

    @report.command(name="city", description="Report on a city for someone")
    @app_commands.choices(
        name=[app_commands.Choice(name=label, value=value) for value, label in CITIES.items()]
    )
    async def report_city(
        interaction: discord.Interaction, name: app_commands.Choice[str], who: discord.Member
    ) -> None:
        await interaction.response.send_message(f"{name.name} for {who.display_name}")

    bot.tree.add_command(report)

    @bot.tree.command(description="Calls a route the fake does not implement")
    async def emojis(interaction: discord.Interaction) -> None:
        assert interaction.guild is not None
        try:
            await interaction.guild.fetch_emojis()
        except discord.NotFound:
            await interaction.response.send_message("no emojis route")


@pytest.fixture
async def bot(fake_discord: FakeDiscord) -> AsyncIterator[StandInBot]:
    """The stand-in bot, logged in to the fake and READY."""
    async with fake_discord.running(StandInBot()) as client:
        yield client


async def test_login_ready_and_guild_available(fake_discord: FakeDiscord) -> None:
    intents = discord.Intents.default()
    intents.members = True
    async with fake_discord.running(StandInBot(intents=intents)) as client:
        assert client.is_ready()
        assert client.user is not None
        assert client.user.id == fake_discord.bot_user.id
        assert client.application_id == fake_discord.application_id
        guild = client.get_guild(fake_discord.guild.id)
        assert guild is not None
        assert not guild.unavailable
        assert {c.name for c in guild.text_channels} == {"general", "budget-questions"}
        # The members intent gets the member list (chunked at startup), as on Discord.
        assert guild.chunked
        alice = guild.get_member(fake_discord.alice.id)
        assert alice is not None
        assert "Admin" in [r.name for r in alice.roles]
    assert fake_discord.intents == intents.value
    assert fake_discord.identifies[0]["token"] == fake_discord.token
    query = fake_discord.gateway.queries[0]
    assert query["v"] == "10"
    assert query["compress"] in ("zlib-stream", "zstd-stream")
    login = [(r.method, r.route) for r in fake_discord.requests[:2]]
    assert login == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me")]


async def test_command_sync_is_recorded_with_japanese_localizations(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    names = {c["name"] for c in fake_discord.commands()}
    assert {"budget", "secret", "slow", "city", "vote", "export", "feedback"} <= names
    budget = fake_discord.command("budget")
    assert budget["description"] == "Show the budget of a fiscal year"
    assert budget["name_localizations"] == {"ja": "予算"}
    assert budget["description_localizations"] == {"ja": "年度の予算を表示します"}
    (year,) = budget["options"]
    assert (year["name"], year["type"], year["required"]) == ("year", 4, True)
    assert year["name_localizations"] == {"ja": "年度"}
    assert (year["min_value"], year["max_value"]) == (2000, 2100)

    guild = discord.Object(fake_discord.guild.id)
    bot.tree.copy_global_to(guild=guild)
    synced = await bot.tree.sync(guild=guild)
    assert {c.name for c in synced} == names
    assert {c["name"] for c in fake_discord.commands(fake_discord.guild)} == names
    assert [scope for scope, _ in fake_discord.command_syncs] == [None, fake_discord.guild.id]
    # Re-syncing keeps ids, like Discord's bulk overwrite.
    before = fake_discord.command("budget")["id"]
    await bot.tree.sync()
    assert fake_discord.command("budget")["id"] == before


async def test_invalid_localized_name_fails_sync(fake_discord: FakeDiscord) -> None:
    class BadTranslator(app_commands.Translator):
        async def translate(
            self,
            string: app_commands.locale_str,
            locale: discord.Locale,
            context: app_commands.TranslationContextTypes,
        ) -> str | None:
            return (
                "予算 表示"
                if locale is discord.Locale.japanese and string.message == "ping"
                else None
            )

    client = commands.Bot(
        command_prefix="!", intents=discord.Intents.none(), guild_ready_timeout=0.05
    )

    @client.tree.command(description="Ping")
    async def ping(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong")

    async with fake_discord.running(client):
        await client.tree.set_translator(BadTranslator())
        with pytest.raises(app_commands.CommandSyncFailure, match="name_localizations"):
            await client.tree.sync()
    assert fake_discord.commands() == []


async def test_slash_with_integer_option_answers_with_embed(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    handle = await fake_discord.slash("budget", {"year": 2024})
    assert handle.data["options"] == [{"name": "year", "type": 4, "value": 2024}]
    response = await handle.response()
    assert response.type == 4
    assert not response.ephemeral
    (embed,) = response.embeds
    assert embed["title"] == "2024年度予算"
    assert embed["footer"]["text"] == "int"
    message = await handle.final_message()
    assert message.embeds[0]["fields"] == [{"name": "total", "value": "1200", "inline": True}]
    assert message.payload["interaction_metadata"]["user"]["id"] == str(fake_discord.alice.id)

    english = await fake_discord.slash(
        "budget", {"year": 2030}, user=fake_discord.bob, locale="en-US"
    )
    assert (await english.response()).embeds[0]["title"] == "Budget 2030"


async def test_subcommand_with_choice_and_user_option(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    handle = await fake_discord.slash("report city", {"name": "obihiro", "who": fake_discord.bob})
    (sub,) = handle.data["options"]
    assert (sub["name"], sub["type"]) == ("city", 1)
    assert handle.data["resolved"]["users"][str(fake_discord.bob.id)]["username"] == "bob"
    assert (await handle.response()).content == "帯広市 for Bob"
    with pytest.raises(ValueError, match="not a choice"):
        await fake_discord.slash("report city", {"name": "tokyo", "who": fake_discord.bob})
    with pytest.raises(ValueError, match="outside"):
        await fake_discord.slash("budget", {"year": 1999})


async def test_ephemeral_response_has_flag_64(fake_discord: FakeDiscord, bot: StandInBot) -> None:
    handle = await fake_discord.slash("secret", user=fake_discord.bob)
    response = await handle.response()
    assert response.flags & 64
    message = await handle.final_message()
    assert message.ephemeral
    assert message.content == "ssh"


async def test_deferred_response_then_followup_edit(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    handle = await fake_discord.slash("slow")
    response = await handle.response()
    assert response.type == 5
    final = await handle.final_message(lambda m: m.content == "done")
    assert not final.loading
    (followup,) = await handle.followups()
    # Discord turns the first follow-up after a defer into an edit of the "thinking" message.
    assert followup is final
    assert [h["content"] for h in final.history] == ["", "working..."]
    assert fake_discord.requests_to("PATCH", f"/webhooks/*/{handle.token}/messages/{final.id}")
    assert len(handle.callbacks) == 1


async def test_autocomplete_returns_choices(fake_discord: FakeDiscord, bot: StandInBot) -> None:
    choices = await fake_discord.autocomplete("city", "name", "sa")
    assert choices == [
        {"name": "札幌市", "value": "sapporo"},
        {"name": "旭川市", "value": "asahikawa"},
    ]
    english = await fake_discord.autocomplete("city", "name", "hak", locale="en-US")
    assert english == [{"name": "Hakodate", "value": "hakodate"}]
    handle = await fake_discord.slash("city", {"name": "hakodate"})
    assert (await handle.response()).content == "函館市"


async def test_button_click_edits_message_and_select_answers(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    handle = await fake_discord.slash("vote")
    message = await handle.final_message()
    assert message.custom_ids == ["vote:yes", "vote:pick"]

    click = await fake_discord.click(message, "vote:yes", user=fake_discord.bob)
    assert click.payload["message"]["id"] == str(message.id)
    response = await click.response()
    assert response.type == 7
    updated = await click.final_message()
    assert updated is message
    assert updated.content == "Votes: 1 (bob)"
    assert updated.edited

    second = await fake_discord.click(message, "vote:yes", user=fake_discord.alice)
    assert (await second.final_message()).content == "Votes: 2 (bob, alice)"

    pick = await fake_discord.click(message, "vote:pick", values=["kushiro"])
    answer = await pick.response()
    assert (answer.type, answer.content, answer.ephemeral) == (4, "picked kushiro", True)


async def test_modal_submit(fake_discord: FakeDiscord, bot: StandInBot) -> None:
    handle = await fake_discord.slash("feedback")
    modal = await handle.response()
    assert modal.type == 9
    assert modal.data["title"] == "Feedback"
    submitted = await fake_discord.submit_modal(handle, {"comment": "よい"})
    assert (await submitted.response()).content == "thanks: よい"


async def test_mention_gets_a_reply_with_message_reference(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    posted = await fake_discord.post_message(
        "今年の予算は?", author=fake_discord.bob, mentions=[fake_discord.bot_user]
    )
    assert posted.content == f"{fake_discord.bot_user.mention} 今年の予算は?"
    assert posted.payload["mentions"][0]["id"] == str(fake_discord.bot_user.id)
    reply = await fake_discord.wait_for_message(channel=fake_discord.general, reference=posted)
    assert reply.content == "Bob: 今年の予算は?"
    assert reply.payload["type"] == 19
    assert reply.payload["message_reference"]["message_id"] == str(posted.id)
    assert reply.payload["referenced_message"]["id"] == str(posted.id)
    assert fake_discord.typing_channels == [fake_discord.general.id]

    # Without the message content intent the bot sees no content unless mentioned.
    seen = asyncio.ensure_future(
        bot.wait_for(
            "message", check=lambda m: m.content == "" and m.author.name == "alice", timeout=5
        )
    )
    plain = await fake_discord.post_message("not for the bot")
    assert (await seen).id == plain.id
    replies = [m for m in fake_discord.bot_messages() if m.reference_id is not None]
    assert replies == [reply]


async def test_files_arrive_with_their_bytes(fake_discord: FakeDiscord, bot: StandInBot) -> None:
    handle = await fake_discord.slash("export")
    response = await handle.response()
    (upload,) = response.uploads
    assert (upload.filename, upload.data) == ("budget-2024.csv", CSV)
    message = await handle.final_message()
    assert message.files == {"budget-2024.csv": CSV}
    assert message.attachments[0]["content_type"] == "text/csv"

    posted = await fake_discord.post_message(
        "count", mentions=[fake_discord.bot_user], attachments=[("data.txt", b"a\nb\nc\n")]
    )
    reply = await fake_discord.wait_for_message(reference=posted)
    assert reply.content == "data.txt: 3 lines"
    assert reply.files == {"upper.txt": b"A\nB\nC\n"}


async def test_dropped_gateway_resumes_and_replays_missed_events(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    await fake_discord.drop_gateway(wait=False)
    # Dispatched while the client is disconnected: buffered and replayed on RESUME.
    missed = await fake_discord.slash("budget", {"year": 2025})
    assert (await missed.response()).embeds[0]["title"] == "2025年度予算"
    assert fake_discord.gateway_resumes == 1

    await fake_discord.drop_gateway()
    assert fake_discord.gateway_resumes == 2
    later = await fake_discord.slash("budget", {"year": 2026})
    assert (await later.response()).embeds[0]["title"] == "2026年度予算"
    # Opcode 7 RECONNECT and a server close with 4000 are also resumed.
    await fake_discord.request_reconnect()
    await fake_discord.drop_gateway(code=4000)
    assert fake_discord.gateway_resumes == 4
    assert len(fake_discord.identifies) == 1  # resumed every time, never re-identified
    last = await fake_discord.slash("budget", {"year": 2027})
    assert (await last.response()).embeds[0]["title"] == "2027年度予算"
    assert bot.is_ready()


async def test_rate_limited_callback_is_retried_and_answered_once(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    fault = fake_discord.fail_next("POST", "/interactions/*/callback", status=429, retry_after=0.2)
    handle = await fake_discord.slash("budget", {"year": 2024})
    response = await handle.response()
    assert response.embeds[0]["title"] == "2024年度予算"
    assert fault.exhausted
    attempts = fake_discord.requests_to("POST", f"/interactions/{handle.id}/*/callback")
    assert [(r.status, r.injected) for r in attempts] == [(429, True), (200, False)]
    assert len(handle.callbacks) == 1
    assert [m.interaction_id for m in fake_discord.bot_messages()] == [handle.id]


async def test_rate_limited_and_failing_channel_messages_are_retried(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    # discord.py sleeps 1 + 2 * attempt seconds after a 5xx, so fail the first attempt with 500.
    fake_discord.fail_next("POST", "/channels/*/messages", status=500)
    fake_discord.fail_next("POST", "/channels/*/messages", status=429, retry_after=0.05)
    posted = await fake_discord.post_message("hi", mentions=[fake_discord.bot_user])
    reply = await fake_discord.wait_for_message(reference=posted)
    assert reply.content == "Alice: hi"
    statuses = [r.status for r in fake_discord.requests_to("POST", "/channels/*/messages")]
    assert statuses == [500, 429, 200]
    assert len(fake_discord.bot_messages()) == 1


async def test_discord_limits_and_deadlines_are_enforced(fake_discord: FakeDiscord) -> None:
    fake_discord.interaction_deadline = 0.1
    async with fake_discord.running(StandInBot(), fail_on_errors=False):
        too_long = await fake_discord.slash("toolong")
        with pytest.raises(AssertionError, match="Must be 2000 or fewer"):
            await too_long.response()
        late = await fake_discord.slash("sleepy")
        with pytest.raises(AssertionError, match="Unknown interaction"):
            await late.response()
    assert not too_long.callbacks
    assert not late.callbacks
    errors = " ".join(str(r.exc_info[1]) for r in fake_discord.client_errors if r.exc_info)
    assert "50035" in errors
    assert "10062" in errors


async def test_unknown_routes_are_answered_404_and_recorded(
    fake_discord: FakeDiscord, bot: StandInBot
) -> None:
    fake_discord.allow_unknown_routes = True
    handle = await fake_discord.slash("emojis")
    assert (await handle.response()).content == "no emojis route"
    (unknown,) = fake_discord.unknown_requests
    assert (unknown.method, unknown.path) == ("GET", f"/guilds/{fake_discord.guild.id}/emojis")
    assert unknown.status == 404
