"""A per-user cooldown shared by slash commands and chat questions, with bounded memory."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from discord.app_commands import Cooldown

RATE = 5
PER_SECONDS = 10.0
MAX_USERS = 10_000


class UserCooldown:
    """At most `rate` requests per `per` seconds for each user.

    Buckets live in an LRU map of at most `max_users` entries, so a long run with many users
    never grows without bound; an evicted user simply starts with a full bucket.
    """

    def __init__(
        self,
        rate: int = RATE,
        per: float = PER_SECONDS,
        *,
        max_users: int = MAX_USERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate, self.per, self.max_users, self._clock = rate, per, max_users, clock
        self._buckets: OrderedDict[int, Cooldown] = OrderedDict()

    def retry_after(self, user_id: int) -> float | None:
        """Seconds to wait when the user is over the limit; None (and counted) otherwise."""
        bucket = self._buckets.pop(user_id, None) or Cooldown(self.rate, self.per)
        self._buckets[user_id] = bucket
        while len(self._buckets) > self.max_users:
            self._buckets.popitem(last=False)
        return bucket.update_rate_limit(self._clock())

    def __len__(self) -> int:
        return len(self._buckets)
