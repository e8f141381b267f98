"""The helpdesk's snippets as `Template`s, read once a session: `/snippets`, or the older
`/ticket_snippets` on a helpdesk without it. Their HTML becomes the Markdown-like text the
composer holds (placeholders kept), through the same conversion as messages."""

from __future__ import annotations

from tui.api import DeskproClient, DeskproError, NotFoundError
from tui.api.snippets import Snippet
from tui.state.optional import is_lasting
from tui.state.requests import Requests
from tui.state.templates import Template


async def helpdesk_snippets(client: DeskproClient) -> list[Template]:
    """The usable snippets, sorted by title. A 404 on `/snippets` means an older helpdesk:
    `/ticket_snippets` is asked instead. Any other failure is raised: the picker says why
    and still offers the local templates."""
    try:
        snippets = await client.list_snippets()
    except NotFoundError:
        snippets = await client.list_ticket_snippets()
    templates = [t for s in snippets if s.usable and (t := snippet_template(s)).text]
    return sorted(templates, key=lambda t: (t.title.casefold(), t.title))


def snippet_template(snippet: Snippet) -> Template:
    """A snippet as a template; its text may be empty (HTML with nothing to read)."""
    from tui.text import message_text  # html2text loads when first needed, not at start-up

    return Template(snippet.title, message_text(snippet.html), "helpdesk")


class Snippets:
    """The snippets the picker offers: `known` once loaded (None before), `get()` loads
    them, sharing one request between pickers opened at once. A refusal or absence
    (`is_lasting`) is remembered, so each ctrl+t does not ask again; a timeout is not."""

    def __init__(self, requests: Requests) -> None:
        self._requests = requests
        self.known: list[Template] | None = None
        self.error: DeskproError | None = None

    async def get(self) -> list[Template]:
        if self.known is not None:
            return self.known
        if self.error is not None:
            raise self.error
        client = self._requests.client
        try:
            self.known = await self._requests.once("snippets", lambda: helpdesk_snippets(client))
        except DeskproError as exc:
            if is_lasting(exc):
                self.error = exc
            raise
        return self.known
