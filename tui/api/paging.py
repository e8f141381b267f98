"""Walking a paged collection page by page, or reading all of it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

from tui.api.envelope import Page
from tui.api.params import MAX_PER_PAGE, Params

T = TypeVar("T")

FetchPage = Callable[[Params], Awaitable[Page[T]]]
"""Fetches one page of a collection given its query (`page` included)."""


async def iter_pages(fetch: FetchPage[T], params: Params) -> AsyncIterator[Page[T]]:
    """Every page from the first, as the loop asks for more."""
    page_no = 1
    while True:
        page = await fetch([*params, ("page", str(page_no))])
        yield page
        # Count pages ourselves: a server that ignores `page` must not loop us forever.
        if not page.items or page_no >= page.pagination.total_pages:
            return
        page_no += 1


async def all_items(fetch: FetchPage[T], params: Params = ()) -> list[T]:
    """Every item of the collection, read in the largest pages Deskpro allows."""
    items: list[T] = []
    async for page in iter_pages(fetch, [*params, ("count", str(MAX_PER_PAGE))]):
        items.extend(page.items)
    return items
