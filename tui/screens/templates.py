"""ctrl+t in a composer: a filterable list of the helpdesk's snippets and the agent's own
templates (Markdown files in the templates folder). The local ones show at once; the
helpdesk's join them when they come, or the list says why they cannot."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.api import DeskproError
from tui.screens.picker import FilterPicker
from tui.state import HelpdeskService
from tui.state.optional import why_unavailable
from tui.state.templates import SNIPPETS, Template, filter_templates, local_templates
from tui.text import safe

SOURCES = {"helpdesk": "snippet", "local": "template"}


class TemplatePicker(FilterPicker[Template]):
    TITLE_TEXT = "Insert a snippet or template"
    PLACEHOLDER = "type to narrow by name"

    def __init__(self, service: HelpdeskService, folder: Path | None) -> None:
        super().__init__()
        self.service = service
        self.folder = folder
        self.local, self.problems = local_templates(folder) if folder else ([], [])
        self.snippets: list[Template] | None = service.snippets.known
        self.snippets_error = ""

    @property
    def templates(self) -> list[Template]:
        return [*self.local, *(self.snippets or [])]

    def hint(self) -> str:
        return "enter insert at the cursor · esc cancel"

    def on_mount(self) -> None:
        super().on_mount()
        self._say()
        if self.snippets is None:
            self.load_snippets()

    @work(exclusive=True, group="snippets", exit_on_error=False)
    async def load_snippets(self) -> None:
        try:
            self.snippets = await self.service.snippets.get()
        except DeskproError as exc:
            self.snippets = []
            self.snippets_error = why_unavailable(SNIPPETS, exc)
        self.refill(self.query_one("#picker-filter", Input).value)
        self._say()

    def _say(self) -> None:
        """The hint, and what is missing from the list and why."""
        notes = [*self.problems, self.snippets_error]
        if self.snippets is None:
            notes.append("Loading the helpdesk's snippets…")
        elif not self.templates:
            where = f" in {self.folder}" if self.folder else ""
            notes.append(f"No snippets or templates yet: put Markdown files{where}.")
        text = "\n".join([*(n for n in notes if n), self.hint()])
        self.query_one(".hint", Label).update(safe(text))

    def fill(self, options: OptionList, query: str) -> None:
        everything = self.templates
        position = {id(t): n for n, t in enumerate(everything)}
        for template in filter_templates(everything, query):
            prompt = Text(safe(template.title))
            prompt.append(f"  {SOURCES[template.source]}", style="dim")
            options.add_option(Option(prompt, id=str(position[id(template)])))

    def choose(self, option_id: str) -> None:
        if option_id.isdigit():
            self.dismiss(self.templates[int(option_id)])
