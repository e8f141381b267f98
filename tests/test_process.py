"""`tui.startup.process`: what the command line does to its own process to start fast. Each test
runs in a fresh interpreter, since the collector and the environment are process-wide."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tui.demo import DemoServer


def run(code: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**environ, **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_start_up_pauses_the_collector_and_skips_pydantic_plugins() -> None:
    out = run(
        """
        import gc, os
        from tui.startup import process
        process.prepare()
        print(gc.isenabled(), os.environ["PYDANTIC_DISABLE_PLUGINS"])
        process.started()
        print(gc.isenabled(), gc.get_freeze_count() > 0)
        """
    )
    assert out.splitlines() == ["False __all__", "True True"]


def test_a_pydantic_plugin_setting_of_the_user_is_kept() -> None:
    code = """
        import os
        from tui.startup import process
        process.prepare()
        print(repr(os.environ["PYDANTIC_DISABLE_PLUGINS"]))
        """
    assert run(code, PYDANTIC_DISABLE_PLUGINS="") == "''"  # empty: the user wants plugins


def test_started_without_prepare_changes_nothing() -> None:
    out = run(
        """
        import gc
        from tui.startup import process
        gc.disable()  # someone else's choice, not start-up's
        process.started()
        print(gc.isenabled(), gc.get_freeze_count())
        """
    )
    assert out == "False 0"


def test_the_queues_screen_ends_start_up(demo_server: DemoServer) -> None:
    """The collector is back on once the first queue has loaded, not left off for good."""
    out = run(
        f"""
        import asyncio, gc
        from tui.startup import process
        process.prepare()
        from tui.api import DeskproClient
        from tui.config import Settings
        from tui.startup.launch import open_app
        from tui.state import HelpdeskService

        async def main():
            service = HelpdeskService(DeskproClient({demo_server.url!r}, {demo_server.api_key!r}))
            app = open_app(service, Settings(), None)
            async with app.run_test(size=(80, 24)) as pilot:
                for _ in range(1500):
                    if gc.isenabled():
                        break
                    await pilot.pause(0.01)
                view = app.screen.browser.view
                print(gc.isenabled(), view is not None and view.loaded)

        asyncio.run(main())
        """
    )
    assert out == "True True"
