"""Rate limits for slash commands and chat questions (per user, per channel), bounded memory."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Literal

from discord.app_commands import Cooldown

RATE = 5
PER_SECONDS = 10.0
CHANNEL_RATE = 20
CHANNEL_PER_SECONDS = 60.0
MAX_USERS = 10_000

Verdict = Literal["ok", "notice", "silent"]


class UserCooldown:
    """At most `rate` requests per `per` seconds for each key (a user id, a channel id).

    Buckets live in an LRU map of at most `max_users` entries, so a long run with many users
    never grows without bound; an evicted key simply starts with a full bucket.
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
        self._buckets: OrderedDict[Hashable, Cooldown] = OrderedDict()
        self._noticed: set[Hashable] = set()

    def retry_after(self, key: Hashable) -> float | None:
        """Seconds to wait when the key is over the limit; None (and counted) otherwise."""
        bucket = self._buckets.pop(key, None) or Cooldown(self.rate, self.per)
        self._buckets[key] = bucket
        while len(self._buckets) > self.max_users:
            evicted, _ = self._buckets.popitem(last=False)
            self._noticed.discard(evicted)
        return bucket.update_rate_limit(self._clock())

    def verdict(self, key: Hashable) -> Verdict:
        """ok; or, over the limit, "notice" the first time (tell them once) and "silent" after,
        until the bucket refills: a spammer gets one polite line, not one per message."""
        if self.retry_after(key) is None:
            self._noticed.discard(key)
            return "ok"
        if key in self._noticed:
            return "silent"
        self._noticed.add(key)
        return "notice"

    def __len__(self) -> int:
        return len(self._buckets)
