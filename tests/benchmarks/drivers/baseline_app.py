"""The baseline: the smallest Textual app that fetches the queue's first page with httpx
and shows it. `python -m tests.benchmarks.drivers.baseline_app URL KEY [--headless]`.

It knows what deskpro-tui knows at a cold start, a URL and an API key, so it first asks
`/me` who the key acts as; then it asks for exactly the page deskpro-tui shows first ("My
tickets": the agent's own, newest change first, people included) and draws it in a
DataTable with the requester and agent names those sideloaded people give.
"""

from __future__ import annotations

import sys

import httpx
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tests.benchmarks.drivers.headless import report_rows, wait_until


class BaselineApp(App[None]):
    def __init__(self, url: str, key: str) -> None:
        super().__init__()
        self.url, self.key = url, key

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Subject", "Requester", "Agent", "Status")
        self.run_worker(self.fetch())

    async def fetch(self) -> None:
        headers = {"Authorization": f"key {self.key}"}
        async with httpx.AsyncClient(base_url=self.url, headers=headers) as http:
            me = (await http.get("/api/v2/me")).json()["data"]["person"]["id"]
            params = {
                "count": 50,
                "agent": me,
                "order_by": "date_status",
                "order_dir": "desc",
                "include": "person,agent,department",
            }
            body = (await http.get("/api/v2/tickets", params=params)).json()
        people = body.get("linked", {}).get("person", {})

        def name(person_id: int | None) -> str:
            return people.get(str(person_id), {}).get("display_name", "")

        self.query_one(DataTable).add_rows(
            (t["id"], t["subject"], name(t["person"]), name(t["agent"]), t["status"])
            for t in body["data"]
        )


async def headless(app: BaselineApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: app.query_one(DataTable).row_count > 0)
        report_rows()


def main() -> None:
    app = BaselineApp(sys.argv[1], sys.argv[2])
    if "--headless" in sys.argv:
        import asyncio

        asyncio.run(headless(app))
    else:
        app.run()


if __name__ == "__main__":
    main()
