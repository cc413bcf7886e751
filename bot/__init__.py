"""Front ends over the knowledge core: the command line, the console and the Discord bot."""

import time

__version__ = "0.1.0"
STARTED = time.monotonic()
"""When this process started, for the uptime that /about reports."""
