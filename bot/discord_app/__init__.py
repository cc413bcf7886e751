"""The Discord adapter: slash commands and chat questions over the command registry.

Only this package (and bot/formatting/embeds.py) imports discord; the command line never loads it.
"""
