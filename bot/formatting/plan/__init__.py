"""Replies to the query plan's answer kinds: a share, a picked item, where, a count of groups."""
