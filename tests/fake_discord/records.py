"""What the fake remembers about messages and interactions, and how tests wait for it.

Every wait goes through :class:`Notifier`: state changes call ``notify()`` and waiters re-check
their condition, with a timeout, so tests never sleep for a fixed time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .models import FLAG_EPHEMERAL, FLAG_LOADING, Upload

log = logging.getLogger(__name__)

T = TypeVar("T")
JSON = dict[str, Any]

# Interaction callback types (Discord's "interaction callback type").
PONG = 1
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
DEFERRED_UPDATE_MESSAGE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
MODAL = 9


class Notifier:
    """Wakes waiters whenever the fake's recorded state changes.

    ``notify`` is synchronous so any code running on the loop can call it; ``wait_for``
    re-evaluates a check after each change until it returns something other than None.
    """

    def __init__(self, default_timeout: float) -> None:
        self.default_timeout = default_timeout
        self._waiters: set[asyncio.Event] = set()

    def notify(self) -> None:
        """Tell every waiter that something changed."""
        for event in self._waiters:
            event.set()

    async def wait_for(
        self,
        check: Callable[[], T | None],
        what: str | Callable[[], str],
        timeout: float | None = None,
    ) -> T:
        """Return ``check()`` as soon as it is not None; raise TimeoutError describing ``what``."""
        limit = self.default_timeout if timeout is None else timeout
        try:
            async with asyncio.timeout(limit):
                while True:
                    result = check()
                    if result is not None:
                        return result
                    event = asyncio.Event()
                    self._waiters.add(event)
                    try:
                        await event.wait()
                    finally:
                        self._waiters.discard(event)
        except TimeoutError:
            description = what() if callable(what) else what
            raise TimeoutError(f"timed out after {limit:.1f}s waiting for {description}") from None


def iter_components(components: list[JSON]) -> Iterator[JSON]:
    """Walk a component tree (action rows, v2 containers, sections, labels) depth first."""
    for component in components:
        yield component
        yield from iter_components(component.get("components") or [])
        for key in ("component", "accessory"):
            child = component.get(key)
            if isinstance(child, dict):
                yield from iter_components([child])


@dataclass(eq=False)
class FakeMessage:
    """A message in the fake's world: sent by the bot (REST/interaction) or posted by a test user.

    ``payload`` is the current Discord message object; ``history`` keeps earlier versions so a
    test can tell an edit happened.
    """

    payload: JSON
    source: str
    interaction_id: int | None = None
    uploads: dict[int, Upload] = field(default_factory=dict)
    history: list[JSON] = field(default_factory=list)
    deleted: bool = False

    def __repr__(self) -> str:
        return f"<FakeMessage id={self.id} source={self.source} content={self.content!r}>"

    @property
    def id(self) -> int:
        """Message snowflake."""
        return int(self.payload["id"])

    @property
    def channel_id(self) -> int:
        """Channel the message is in."""
        return int(self.payload["channel_id"])

    @property
    def author_id(self) -> int:
        """Author's user id (the bot's id for bot and interaction messages)."""
        return int(self.payload["author"]["id"])

    @property
    def content(self) -> str:
        """Current text content."""
        return str(self.payload.get("content") or "")

    @property
    def embeds(self) -> list[JSON]:
        """Current embeds as Discord JSON."""
        return list(self.payload.get("embeds") or [])

    @property
    def components(self) -> list[JSON]:
        """Current top-level components as Discord JSON."""
        return list(self.payload.get("components") or [])

    @property
    def attachments(self) -> list[JSON]:
        """Current attachment objects."""
        return list(self.payload.get("attachments") or [])

    @property
    def files(self) -> dict[str, bytes]:
        """Bytes of the current attachments by filename, as uploaded."""
        result: dict[str, bytes] = {}
        for attachment in self.attachments:
            upload = self.uploads.get(int(attachment["id"]))
            if upload is not None:
                result[attachment["filename"]] = upload.data
        return result

    @property
    def flags(self) -> int:
        """Message flags (64 = ephemeral, 128 = loading)."""
        return int(self.payload.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        """Whether only the invoking user can see this message."""
        return bool(self.flags & FLAG_EPHEMERAL)

    @property
    def loading(self) -> bool:
        """Whether this is a deferred "thinking..." message not yet edited."""
        return bool(self.flags & FLAG_LOADING)

    @property
    def reference_id(self) -> int | None:
        """Id of the message this one replies to, if any."""
        reference = self.payload.get("message_reference")
        if reference and reference.get("message_id"):
            return int(reference["message_id"])
        return None

    @property
    def edited(self) -> bool:
        """Whether the message was edited after creation."""
        return bool(self.history)

    @property
    def custom_ids(self) -> list[str]:
        """custom_ids of every interactive component, for quick assertions."""
        return [c["custom_id"] for c in iter_components(self.components) if "custom_id" in c]

    def component(self, custom_id: str) -> JSON | None:
        """The component with ``custom_id`` anywhere in the component tree."""
        return next(
            (c for c in iter_components(self.components) if c.get("custom_id") == custom_id),
            None,
        )


@dataclass(eq=False)
class InteractionCallback:
    """One accepted ``POST /interactions/{id}/{token}/callback``."""

    type: int
    data: JSON
    uploads: list[Upload]
    message: FakeMessage | None

    @property
    def content(self) -> str:
        """Content sent with the callback (empty for defers)."""
        return str(self.data.get("content") or "")

    @property
    def embeds(self) -> list[JSON]:
        """Embeds sent with the callback."""
        return list(self.data.get("embeds") or [])

    @property
    def components(self) -> list[JSON]:
        """Components sent with the callback (or the modal's components)."""
        return list(self.data.get("components") or [])

    @property
    def flags(self) -> int:
        """Flags sent with the callback."""
        return int(self.data.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        """Whether the response was marked ephemeral (flag 64)."""
        return bool(self.flags & FLAG_EPHEMERAL)

    @property
    def choices(self) -> list[JSON]:
        """Autocomplete choices (type 8)."""
        return list(self.data.get("choices") or [])


class InteractionHandle:
    """A dispatched interaction seen from the test: its payload and all the bot answered."""

    def __init__(
        self,
        *,
        payload: JSON,
        notifier: Notifier,
        component_message: FakeMessage | None = None,
    ) -> None:
        self.payload = payload
        self.id = int(payload["id"])
        self.token: str = payload["token"]
        self.type: int = payload["type"]
        self.channel_id = int(payload["channel_id"])
        self.dispatched_at = time.monotonic()
        self.callbacks: list[InteractionCallback] = []
        self.rejected: list[tuple[int, JSON]] = []
        self.followup_messages: list[FakeMessage] = []
        self.original: FakeMessage | None = None
        self.component_message = component_message
        self._component_version = len(component_message.history) if component_message else 0
        self._notifier = notifier

    def __repr__(self) -> str:
        return f"<InteractionHandle id={self.id} type={self.type} callbacks={len(self.callbacks)}>"

    @property
    def data(self) -> JSON:
        """The interaction's ``data`` object as dispatched."""
        return dict(self.payload.get("data") or {})

    @property
    def acknowledged(self) -> bool:
        """Whether the bot has answered the initial callback."""
        return bool(self.callbacks)

    @property
    def original_message(self) -> FakeMessage | None:
        """What ``@original`` refers to: the response message, or the clicked message."""
        return self.original or self.component_message

    async def response(self, timeout: float | None = None) -> InteractionCallback:
        """Wait for the bot's initial callback and return it.

        Fails at once (instead of timing out) if the fake rejected the bot's callback with a
        final error such as 400 Invalid Form Body or 404 Unknown interaction.
        """

        def check() -> InteractionCallback | None:
            if self.callbacks:
                return self.callbacks[0]
            if self.rejected:
                status, error = self.rejected[-1]
                raise AssertionError(
                    f"the bot's callback to {self.id} was rejected: {status} {error}"
                )
            return None

        return await self._notifier.wait_for(
            check, lambda: f"a callback to interaction {self.id} ({self._describe()})", timeout
        )

    async def followups(self, count: int = 1, timeout: float | None = None) -> list[FakeMessage]:
        """Wait until at least ``count`` follow-up messages exist and return them all."""
        return await self._notifier.wait_for(
            lambda: list(self.followup_messages) if len(self.followup_messages) >= count else None,
            lambda: (
                f"{count} follow-up(s) to interaction {self.id}, "
                f"got {len(self.followup_messages)} ({self._describe()})"
            ),
            timeout,
        )

    async def choices(self, timeout: float | None = None) -> list[JSON]:
        """Wait for an autocomplete result and return its choices."""
        callback = await self.response(timeout)
        if callback.type != AUTOCOMPLETE_RESULT:
            raise AssertionError(
                f"expected an autocomplete result, got callback type {callback.type}"
            )
        return callback.choices

    async def final_message(
        self,
        predicate: Callable[[FakeMessage], bool] | None = None,
        timeout: float | None = None,
    ) -> FakeMessage:
        """Wait until the visible answer is complete (and matches ``predicate``) and return it.

        Type 4 returns the new message; 5 waits for the deferred message to be edited; 6 waits
        for the clicked message to be edited; 7 returns the updated clicked message. Later
        edits change the same object, so pass ``predicate`` to wait for a specific state.
        """

        def check() -> FakeMessage | None:
            message = self._final()
            if message is None or (predicate is not None and not predicate(message)):
                return None
            return message

        return await self._notifier.wait_for(
            check,
            lambda: f"the final message of interaction {self.id} ({self._describe()})",
            timeout,
        )

    def _final(self) -> FakeMessage | None:
        if not self.callbacks:
            return None
        kind = self.callbacks[0].type
        if kind == CHANNEL_MESSAGE:
            return self.original
        if kind == DEFERRED_CHANNEL_MESSAGE:
            return self.original if self.original and not self.original.loading else None
        if kind == UPDATE_MESSAGE:
            return self.component_message
        if kind == DEFERRED_UPDATE_MESSAGE:
            message = self.component_message
            if message is not None and len(message.history) > self._component_version:
                return message
            return None
        raise AssertionError(f"interaction {self.id} was answered with type {kind}, not a message")

    def _describe(self) -> str:
        types = [c.type for c in self.callbacks]
        message = self.original_message
        return f"callbacks={types}, followups={len(self.followup_messages)}, message={message!r}"
