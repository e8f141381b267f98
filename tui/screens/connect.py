"""First run: ask for the helpdesk URL and API key, check them, save a profile."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from tui.api import DeskproClient, DeskproError
from tui.config import ConfigError, ConnectionSpec, save_profile
from tui.flows.failures import ReportsWorkerFailures
from tui.startup.session import build_service, client_for
from tui.state import HelpdeskService
from tui.widgets.key_footer import KeyFooter

INTRO = (
    "Connect to your Deskpro helpdesk. Create an API key under Admin > Apps & Integrations > "
    "API Keys (API version v2, key context: you), then paste its ID:CODE below. The key is "
    "kept in your system keyring or a private file, never in the config file."
)


async def check_connection(client: DeskproClient) -> str:
    """A greeting naming the agent, or a DeskproError saying exactly what is wrong."""
    try:
        discover = await client.discover()
    except DeskproError as exc:
        if exc.status == 404:
            raise ConfigError(
                f"{client.helpdesk_url} answered, but it is not a Deskpro helpdesk "
                "(no /api/v2/helpdesk/discover). Check the URL."
            ) from exc
        raise
    if not discover.is_deskpro:
        raise ConfigError(f"{client.helpdesk_url} does not say it is a Deskpro helpdesk.")
    me = await client.me()
    return f"Connected to {discover.build_name or 'Deskpro'} as {me.person.label}."


class ConnectScreen(ReportsWorkerFailures, Screen[HelpdeskService | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Quit", id="connect.quit")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="connect"):
            yield Label("deskpro-tui", classes="dialog-title")
            yield Static(INTRO, classes="hint")
            yield Label("Helpdesk URL")
            yield Input(placeholder="https://help.example.com", id="url")
            yield Label("API key (ID:CODE)")
            yield Input(placeholder="4:G24M3K6Y3R3H8DN9B6QGH3NW4", password=True, id="key")
            yield Label("Save as profile")
            yield Input("default", id="profile")
            yield Button("Connect", variant="primary", id="connect")
            yield Static("", id="connect-state")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#url", Input).focus()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        order = ["url", "key", "profile"]
        current = event.input.id or "url"
        if current != "profile":
            self.query_one(f"#{order[order.index(current) + 1]}", Input).focus()
        else:
            self.connect()

    @on(Button.Pressed, "#connect")
    def _pressed(self) -> None:
        self.connect()

    @work(exclusive=True, group="connect", exit_on_error=False)
    async def connect(self) -> None:
        state = self.query_one("#connect-state", Static)
        url = self.query_one("#url", Input).value.strip()
        key = self.query_one("#key", Input).value.strip()
        profile = self.query_one("#profile", Input).value.strip() or "default"
        if not url or not key:
            state.update("Both the helpdesk URL and the API key are needed.")
            return
        if not url.startswith(("http://", "https://")):
            url = f"https://{url}"
        state.update("Checking…")
        spec = ConnectionSpec(url=url, api_key=key, profile=profile)
        try:
            client = client_for(spec)
            try:
                greeting = await check_connection(client)
            finally:
                await client.aclose()
        except (DeskproError, ConfigError) as exc:
            state.update(str(exc))
            return
        app = self.app
        if app.paths is not None and app.store is not None:  # type: ignore[attr-defined]
            try:
                app.settings = save_profile(  # type: ignore[attr-defined]
                    profile,
                    url,
                    key,
                    app.settings,
                    app.store,
                    app.paths,  # type: ignore[attr-defined]
                )
            except ConfigError as exc:
                self.notify(f"Connected, but the profile was not saved: {exc}", severity="warning")
        self.notify(greeting)
        self.dismiss(build_service(spec, app.paths))  # type: ignore[attr-defined]
