"""Entry point: `python -m bot [COMMAND ...]`.

With a command it is the command line; without one it is the Discord bot when DISCORD_TOKEN is
set and the interactive console otherwise. Settings are built here, once, and passed in.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from bot import cli, console
from bot.errors import INTERNAL_MESSAGE
from bot.logs import configure_logging
from bot.settings import Settings
from knowledge.engine import load_knowledge
from knowledge.errors import KnowledgeError

log = logging.getLogger(__name__)


def run(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors()
        )
        sys.stderr.write(f"設定が正しくありません（.env または環境変数）: {problems}\n")
        return cli.EXIT_USAGE
    configure_logging(settings)
    try:
        if args:
            return cli.main(args, settings, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)
        if settings.discord_token is not None:
            return _run_discord(settings)
        return console.main(settings, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)
    except Exception:  # the last line of defence: a bug is logged, the user gets one clear line
        log.exception("unexpected error")
        sys.stderr.write(f"{INTERNAL_MESSAGE}\n")
        return cli.EXIT_ANSWER_ERROR


def _run_discord(settings: Settings) -> int:
    """The Discord bot; discord.py is imported only on this path, never by the command line."""
    import asyncio  # noqa: PLC0415

    from bot.discord_app.app import main  # noqa: PLC0415

    try:
        knowledge = load_knowledge(settings.data_path)
    except KnowledgeError as exc:
        sys.stderr.write(f"{exc}\n")
        return cli.EXIT_DATA
    try:
        return asyncio.run(main(settings, knowledge))
    except KeyboardInterrupt:
        log.info("stopped")
        return cli.EXIT_OK


if __name__ == "__main__":
    sys.exit(run())
