"""Rate limits and bounded state over long runs."""

from __future__ import annotations

from bot.discord_app.client import BudgetBot
from bot.discord_app.cooldown import UserCooldown
from bot.discord_app.views import OwnedView
from bot.settings import Settings
from knowledge import load_knowledge


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_over_the_limit_one_notice_then_silence_until_it_resets():
    clock = Clock()
    limit = UserCooldown(rate=2, per=10, clock=clock)
    assert [limit.verdict(7) for _ in range(5)] == ["ok", "ok", "notice", "silent", "silent"]
    assert limit.verdict(8) == "ok"  # other keys are not affected
    clock.now += 11
    assert [limit.verdict(7) for _ in range(4)] == ["ok", "ok", "notice", "silent"]


def test_ten_thousand_users_keep_the_state_bounded():
    limit = UserCooldown(rate=1, per=60, max_users=100)
    for user in range(10_000):
        limit.verdict(user)
        limit.verdict(user)  # over the limit: noticed
    assert len(limit) == 100
    assert len(limit._noticed) <= 100  # the notice memory goes with the bucket


async def test_ten_thousand_answers_keep_at_most_the_cap_of_live_buttons():
    bot = BudgetBot(
        Settings(_env_file=None), load_knowledge(), message_content=False, max_live_views=50
    )
    views = [OwnedView(owner_id=i, timeout=300) for i in range(10_000)]
    for view in views:
        bot.track(view)
    assert len(bot.live_views) == 50
    assert all(view.is_finished() for view in views[:-50])
    assert not any(view.is_finished() for view in views[-50:])
    await bot.close()
