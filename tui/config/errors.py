"""The one error the config layer raises, worded for the person at the keyboard."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    """A configuration problem: what is wrong, where, and what to do about it.

    `str(error)` is meant to be shown as-is (the CLI prints it instead of a traceback),
    so it never contains an API key.
    """

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message
