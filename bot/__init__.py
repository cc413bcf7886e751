"""Front ends over the knowledge core: the command line, the console and the Discord bot."""

__version__ = "0.1.0"
