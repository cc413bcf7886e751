"""A fake Discord (REST + gateway on 127.0.0.1) for end-to-end tests of discord.py bots.

The real discord.py client runs unmodified against it; only its REST base URL and default
gateway URL are redirected. See ``server.FakeDiscord`` for the test-side API and
``plugin.py`` for the pytest fixtures.
"""

from .faults import Fault
from .models import FakeChannel, FakeGuild, FakeRole, FakeUser, RecordedRequest, Upload
from .records import FakeMessage, InteractionCallback, InteractionHandle
from .server import FakeDiscord
from .validation import DiscordError

__all__ = [
    "DiscordError",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeMessage",
    "FakeRole",
    "FakeUser",
    "Fault",
    "InteractionCallback",
    "InteractionHandle",
    "RecordedRequest",
    "Upload",
]
