"""Pure formatters: answer model in, text (or, for Discord, an Embed) out."""
