"""Every user action as one `Command`: it makes the key binding, the footer entry, the
help screen line and the command palette entry, so the four never disagree."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class Command:
    id: str  # binding id: what a keymap override names
    keys: str
    action: str
    title: str
    help: str
    show: bool = True  # in the footer
    bind: bool = True  # False: a widget of the screen binds it; listed for help only

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.title, show=self.show, id=self.id)

    def keys_with(self, keymap: Mapping[str, str]) -> str:
        return keymap.get(self.id, self.keys)


def bindings(commands: Iterable[Command]) -> list[Binding]:
    return [command.binding() for command in commands if command.bind]


GLOBAL_COMMANDS: tuple[Command, ...] = (
    Command("app.help", "question_mark,f1", "app.help", "Help", "Keys for this screen"),
    Command(
        "app.palette",
        "ctrl+p",
        "app.command_palette",
        "Palette",
        "Search every command",
        show=False,
    ),
    Command("app.quit", "ctrl+q", "app.quit", "Quit", "Leave deskpro-tui"),
)


def screen_commands(screen: object) -> tuple[Command, ...]:
    return tuple(getattr(screen, "COMMANDS_LIST", ())) + GLOBAL_COMMANDS


class ScreenCommands(Provider):
    """The command palette's list: the current screen's commands, then the global ones."""

    def _commands(self) -> tuple[Command, ...]:
        return screen_commands(self.screen)

    async def discover(self) -> Hits:
        for command in self._commands():
            if command.id == "app.palette":
                continue
            yield DiscoveryHit(command.title, partial(self._run, command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            if command.id == "app.palette":
                continue
            score = matcher.match(f"{command.title} {command.help}")
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(self._run, command),
                    help=command.help,
                )

    async def _run(self, command: Command) -> None:
        await self.screen.run_action(command.action)


class QueueCommands(Provider):
    """Queues by name ("Queue: Billing queue"), on a screen that lists them (`queue_choices`:
    each queue's number and title, as digits 1-9 and the sidebar choose them)."""

    def _queues(self) -> list[tuple[int, str]]:
        choices = getattr(self.screen, "queue_choices", None)
        return choices() if callable(choices) else []

    async def discover(self) -> Hits:
        for number, title in self._queues():
            yield DiscoveryHit(f"Queue: {title}", partial(self._show, number))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for number, title in self._queues():
            text = f"Queue: {title}"
            if (score := matcher.match(text)) > 0:
                yield Hit(score, matcher.highlight(text), partial(self._show, number))

    async def _show(self, number: int) -> None:
        await self.screen.run_action(f"queue({number})")
