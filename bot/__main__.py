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
from bot.settings import Settings

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
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args:
        return cli.main(args, settings, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)
    if settings.discord_token is not None:
        sys.stderr.write(
            "DISCORD_TOKEN が設定されていますが、Discord ボットはまだ実装されていません"
            "（次の issue で作ります）。"
            "コンソールを使うには DISCORD_TOKEN を外してください。\n"
        )
        return cli.EXIT_USAGE
    return console.main(settings, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)


if __name__ == "__main__":
    sys.exit(run())
