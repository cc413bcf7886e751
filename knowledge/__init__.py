"""Knowledge core: parse the regional-projects table and answer questions about it.

Nothing here imports discord: the same engine serves the Discord bot, the console and the
command line, and is tested with plain asserts.
"""

from knowledge.engine import Knowledge, load_knowledge

__all__ = ["Knowledge", "load_knowledge"]
