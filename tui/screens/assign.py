"""Assign: every agent of the helpdesk, narrowed by typing part of a name or email."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.fuzzy import Matcher
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.api import Person
from tui.screens.picker import FilterPicker
from tui.text import safe

UNASSIGNED = "unassigned"


@dataclass(frozen=True)
class AssignChoice:
    agent_id: int | None  # None: unassign
    label: str


def agent_line(agent: Person, team_names: dict[int, str], me: bool = False) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("● " if agent.online else "○ ", "green" if agent.online else "dim")
    text.append(f"Me ({safe(agent.label)})" if me else safe(agent.label), "bold")
    if agent.primary_email:
        text.append(f"  {safe(agent.primary_email)}", "dim")
    teams = ", ".join(safe(team_names[t]) for t in agent.teams if t in team_names)
    if teams:
        text.append(f"  [{teams}]", "italic")
    return text


class AssignScreen(FilterPicker[AssignChoice]):
    TITLE_TEXT = "Assign to"
    PLACEHOLDER = "type part of a name or email"

    def __init__(
        self,
        agents: list[Person],
        me: Person | None,
        team_names: dict[int, str],
        title: str = "Assign to",
    ) -> None:
        super().__init__()
        self.agents = [a for a in agents if not (a.is_disabled or a.is_deleted)]
        self.me = me
        self.team_names = team_names
        self.TITLE_TEXT = title

    def hint(self) -> str:
        return f"{len(self.agents)} agents · enter assign · esc cancel"

    def fill(self, options: OptionList, query: str) -> None:
        unassigned = Option(Text("Unassigned", "italic"), id=UNASSIGNED)
        if not query:
            if self.me is not None:
                options.add_option(
                    Option(agent_line(self.me, self.team_names, me=True), id=f"me:{self.me.id}")
                )
            options.add_option(unassigned)
            ranked = self.agents
        else:
            matcher = Matcher(query)
            scored = [
                (max(matcher.match(a.label), matcher.match(a.primary_email or "")), a)
                for a in self.agents
            ]
            ranked = [a for score, a in sorted(scored, key=lambda p: -p[0]) if score > 0]
            if "unassigned".startswith(query.lower()):
                options.add_option(unassigned)
        options.add_options(
            [Option(agent_line(a, self.team_names), id=f"agent:{a.id}") for a in ranked]
        )

    def choose(self, option_id: str) -> None:
        if option_id == UNASSIGNED:
            self.dismiss(AssignChoice(None, "nobody"))
        elif option_id.startswith(("agent:", "me:")):
            agent_id = int(option_id.split(":", 1)[1])
            agent = next((a for a in self.agents if a.id == agent_id), self.me)
            self.dismiss(AssignChoice(agent_id, agent.label if agent else f"#{agent_id}"))
