"""Benchmarks: `python -m bench` prints how the bot scales and writes the numbers as JSON."""
