"""A subset of Discord's request validation, so bot bugs fail here instead of in production.

Only limits a bot plausibly trips are checked (lengths, counts, command naming, locales).
Errors use Discord's "Invalid Form Body" shape (code 50035) with nested ``_errors``, which
discord.py flattens into readable messages (e.g. in ``CommandSyncFailure``).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence
from typing import Any

from .models import Upload

log = logging.getLogger(__name__)

JSON = dict[str, Any]
Path = Sequence[str | int]

INVALID_FORM_BODY = 50035
EMPTY_MESSAGE = 50006
FLAG_COMPONENTS_V2 = 1 << 15

VALID_LOCALES = frozenset(
    "id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el "
    "bg ru uk hi th zh-CN ja zh-TW ko".split()
)


class DiscordError(Exception):
    """An error response the fake returns: HTTP status plus Discord's JSON error body."""

    def __init__(self, status: int, code: int, message: str, errors: JSON | None = None) -> None:
        super().__init__(f"{status} {code} {message} {errors or ''}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors


class FormErrors:
    """Collects nested field errors and raises them as one 50035 response."""

    def __init__(self) -> None:
        self.errors: JSON = {}

    def add(self, path: Path, code: str, message: str) -> None:
        """Record an error for the field at ``path`` (keys and list indexes)."""
        node = self.errors
        for part in path:
            node = node.setdefault(str(part), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def max_length(self, path: Path, value: Any, limit: int) -> None:
        """Check a string length limit the way Discord words it."""
        if isinstance(value, str) and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def length_between(self, path: Path, value: Any, low: int, high: int) -> None:
        """Check a required string's length range."""
        if not isinstance(value, str) or not low <= len(value) <= high:
            self.add(path, "BASE_TYPE_BAD_LENGTH", f"Must be between {low} and {high} in length.")

    def raise_if_any(self) -> None:
        """Raise a 400 Invalid Form Body if anything was recorded."""
        if self.errors:
            raise DiscordError(400, INVALID_FORM_BODY, "Invalid Form Body", self.errors)


def _embed_size(embed: JSON) -> int:
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for item in embed.get("fields") or []:
        total += len(item.get("name") or "") + len(item.get("value") or "")
    return total


def _check_embed(errors: FormErrors, index: int, embed: JSON) -> None:
    base: list[str | int] = ["embeds", index]
    errors.max_length([*base, "title"], embed.get("title"), 256)
    errors.max_length([*base, "description"], embed.get("description"), 4096)
    errors.max_length([*base, "footer", "text"], (embed.get("footer") or {}).get("text"), 2048)
    errors.max_length([*base, "author", "name"], (embed.get("author") or {}).get("name"), 256)
    fields = embed.get("fields") or []
    if len(fields) > 25:
        errors.add([*base, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    for number, item in enumerate(fields):
        errors.length_between([*base, "fields", number, "name"], item.get("name"), 1, 256)
        errors.length_between([*base, "fields", number, "value"], item.get("value"), 1, 1024)


def _check_components(errors: FormErrors, components: list[JSON], *, v2: bool) -> None:
    if not v2 and len(components) > 5:
        errors.add(["components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
    seen: set[str] = set()

    def walk(items: list[JSON], path: list[str | int]) -> None:
        for number, component in enumerate(items):
            here = [*path, number]
            custom_id = component.get("custom_id")
            if custom_id is not None:
                errors.length_between([*here, "custom_id"], custom_id, 1, 100)
                if custom_id in seen:
                    errors.add(
                        [*here, "custom_id"],
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated",
                    )
                seen.add(custom_id)
            if component.get("type") == 1 and len(component.get("components") or []) > 5:
                errors.add(
                    [*here, "components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length."
                )
            if component.get("type") == 2:
                errors.max_length([*here, "label"], component.get("label"), 80)
            if component.get("type") == 3:
                options = component.get("options") or []
                if not 1 <= len(options) <= 25:
                    errors.add(
                        [*here, "options"],
                        "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 25 in length.",
                    )
            walk(component.get("components") or [], [*here, "components"])

    walk(components, ["components"])


def check_message_body(
    body: JSON,
    uploads: Sequence[Upload],
    *,
    creating: bool,
    initial_flags: int = 0,
) -> None:
    """Validate a create/edit message body; raises DiscordError like Discord would."""
    if creating and not (
        body.get("content")
        or body.get("embeds")
        or uploads
        or body.get("sticker_ids")
        or body.get("components")
        or body.get("poll")
    ):
        raise DiscordError(400, EMPTY_MESSAGE, "Cannot send an empty message")
    errors = FormErrors()
    errors.max_length(["content"], body.get("content"), 2000)
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        errors.add(["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    for index, embed in enumerate(embeds):
        _check_embed(errors, index, embed)
    if sum(_embed_size(e) for e in embeds) > 6000:
        errors.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
    flags = int(body.get("flags") or 0) | initial_flags
    v2 = bool(flags & FLAG_COMPONENTS_V2)
    if v2 and (body.get("content") or body.get("embeds")):
        errors.add(
            ["content"],
            "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
            "The 'content' and 'embeds' fields cannot be used when using components v2",
        )
    _check_components(errors, body.get("components") or [], v2=v2)
    errors.raise_if_any()


def _valid_command_name(name: str, *, chat_input: bool) -> bool:
    if not chat_input:
        return 1 <= len(name) <= 32
    if not 1 <= len(name) <= 32 or name != name.lower():
        return False
    return all(
        ch in "-_" or ch.isalnum() or unicodedata.category(ch).startswith("M") for ch in name
    )


def _check_localizations(
    errors: FormErrors, path: list[str | int], values: Any, low: int, high: int, *, name: bool
) -> None:
    if not values:
        return
    for locale, text in dict(values).items():
        if locale not in VALID_LOCALES:
            errors.add([*path, locale], "LOCALE_INVALID", f"Invalid locale {locale!r}")
        elif name and not _valid_command_name(str(text), chat_input=True):
            errors.add(
                [*path, locale],
                "APPLICATION_COMMAND_INVALID_NAME",
                f"Command name is invalid: {text!r}",
            )
        else:
            errors.length_between([*path, locale], text, low, high)


def _check_options(errors: FormErrors, options: list[JSON], path: list[str | int]) -> None:
    if len(options) > 25:
        errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    names: set[str] = set()
    optional_seen = False
    for index, option in enumerate(options):
        here = [*path, index]
        name = str(option.get("name", ""))
        if not _valid_command_name(name, chat_input=True):
            errors.add(
                [*here, "name"],
                "APPLICATION_COMMAND_INVALID_NAME",
                f"Option name is invalid: {name!r}",
            )
        if name in names:
            errors.add(
                [*here, "name"],
                "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS",
                "Option names must be unique",
            )
        names.add(name)
        errors.length_between([*here, "description"], option.get("description"), 1, 100)
        _check_localizations(
            errors,
            [*here, "name_localizations"],
            option.get("name_localizations"),
            1,
            32,
            name=True,
        )
        _check_localizations(
            errors,
            [*here, "description_localizations"],
            option.get("description_localizations"),
            1,
            100,
            name=False,
        )
        if option.get("type") in (1, 2):
            _check_options(errors, option.get("options") or [], [*here, "options"])
            continue
        if option.get("required"):
            if optional_seen:
                errors.add(
                    [*here, "required"],
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
        else:
            optional_seen = True
        choices = option.get("choices") or []
        if len(choices) > 25:
            errors.add([*here, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for number, choice in enumerate(choices):
            errors.length_between([*here, "choices", number, "name"], choice.get("name"), 1, 100)
            errors.max_length([*here, "choices", number, "value"], choice.get("value"), 100)


def check_commands(commands: list[JSON]) -> None:
    """Validate a bulk-overwrite payload (names, descriptions, localizations, options)."""
    errors = FormErrors()
    if len(commands) > 200:
        errors.add([], "BASE_TYPE_MAX_LENGTH", "Must be 200 or fewer in length.")
    seen: set[tuple[int, str]] = set()
    for index, command in enumerate(commands):
        kind = int(command.get("type", 1))
        name = str(command.get("name", ""))
        chat_input = kind == 1
        if not _valid_command_name(name, chat_input=chat_input):
            errors.add(
                [index, "name"],
                "APPLICATION_COMMAND_INVALID_NAME",
                f"Command name is invalid: {name!r}",
            )
        if (kind, name) in seen:
            errors.add(
                [index, "name"],
                "APPLICATION_COMMANDS_DUPLICATE_NAME",
                f"Application command names must be unique: {name!r}",
            )
        seen.add((kind, name))
        if chat_input:
            errors.length_between([index, "description"], command.get("description"), 1, 100)
        _check_localizations(
            errors,
            [index, "name_localizations"],
            command.get("name_localizations"),
            1,
            32,
            name=chat_input,
        )
        _check_localizations(
            errors,
            [index, "description_localizations"],
            command.get("description_localizations"),
            1,
            100,
            name=False,
        )
        _check_options(errors, command.get("options") or [], [index, "options"])
    errors.raise_if_any()


def check_autocomplete(data: JSON) -> None:
    """Validate autocomplete choices (at most 25, names 1-100, string values up to 100)."""
    errors = FormErrors()
    choices = data.get("choices")
    if not isinstance(choices, list):
        errors.add(["data", "choices"], "BASE_TYPE_REQUIRED", "This field is required")
        errors.raise_if_any()
        return
    if len(choices) > 25:
        errors.add(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    for index, choice in enumerate(choices):
        errors.length_between(["data", "choices", index, "name"], choice.get("name"), 1, 100)
        errors.max_length(["data", "choices", index, "value"], choice.get("value"), 100)
    errors.raise_if_any()


def check_modal(data: JSON) -> None:
    """Validate a modal: title up to 45 characters, a custom_id, 1-5 top-level components."""
    errors = FormErrors()
    errors.length_between(["data", "title"], data.get("title"), 1, 45)
    errors.length_between(["data", "custom_id"], data.get("custom_id"), 1, 100)
    if not 1 <= len(data.get("components") or []) <= 5:
        errors.add(
            ["data", "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length."
        )
    errors.raise_if_any()
