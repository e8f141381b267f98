"""Requests to one helpdesk with their JSON answers decoded: a record, a page, a collection."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import Any, TypeVar

from tui.api.envelope import Page, parse_one, parse_page
from tui.api.paging import all_items, iter_pages
from tui.api.params import Params
from tui.api.responses import json_body, json_body_or_none
from tui.api.transport import Transport
from tui.api.uploads import MultipartFile
from tui.api.uploads import Progress as UploadProgress

T = TypeVar("T")


class JsonApi:
    """The calls `DeskproClient`'s endpoints are made of; `tag` names the API operation."""

    def __init__(self, transport: Transport) -> None:
        self._t = transport

    async def get(self, path: str, tag: str, params: Params | None = None) -> Any:
        return json_body(await self._t.request("GET", path, tag=tag, params=params), tag, path)

    async def one(self, path: str, tag: str, model: type[T]) -> T:
        return parse_one(await self.get(path, tag), model)

    async def page(self, path: str, tag: str, model: type[T], params: Params) -> Page[T]:
        return parse_page(await self.get(path, tag, params), model)

    def pages(self, path: str, tag: str, model: type[T], params: Params) -> AsyncIterator[Page[T]]:
        return iter_pages(partial(self.page, path, tag, model), params)

    async def all(self, path: str, tag: str, model: type[T], params: Params = ()) -> list[T]:
        return await all_items(partial(self.page, path, tag, model), params)

    async def write(
        self, method: str, path: str, tag: str, body: Any = None, params: Params | None = None
    ) -> Any:
        """The decoded answer to a write, or `None` when it has no body (204)."""
        response = await self._t.request(method, path, tag=tag, json=body, params=params)
        return json_body_or_none(response, tag, path)

    async def upload(
        self, path: str, tag: str, file: MultipartFile, progress: UploadProgress | None
    ) -> Any:
        """POST `file` as a multipart body streamed from disk; the decoded answer."""
        response = await self._t.request(
            "POST",
            path,
            tag=tag,
            content=lambda: file.stream(progress),
            headers=file.headers,
        )
        return json_body(response, tag, path)
