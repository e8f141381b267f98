"""What the app does to its own Python process to start fast. Only the app's entry points
call this: `tui.api` and `tui.state`, used as a library, leave the process as they find it.
"""

from __future__ import annotations

import gc
import os

_collector_paused = False


def prepare() -> None:
    """Called before anything heavy is imported."""
    global _collector_paused
    # pydantic looks for plugins in the metadata of every installed package the first
    # time a model parses (~10 ms of each start); the app uses none. Setting the variable
    # to an empty string before starting lets them load.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Start-up makes ~100,000 objects that live as long as the app (modules, classes,
    # styles); the cycle collector would walk them over and over while they are made.
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


def started() -> None:
    """Start-up is over (the first queue and the lookups are in, it failed, or the connect
    screen is up): collect cycles again. What start-up made is frozen, so later full
    collections (a pause while keys are pressed) skip it."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.freeze()
        gc.enable()
