"""The baseline: the smallest Textual app that fetches the queue's first page with httpx
and shows it. `python -m tests.benchmarks.drivers.baseline_app URL KEY AGENT [--headless]`.

It asks for exactly the page deskpro-tui shows first ("My tickets": the agent's own,
newest change first, people included), in one request, and draws it in a DataTable.
"""

from __future__ import annotations

import sys

import httpx
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tests.benchmarks.drivers.headless import since_start_ms, wait_until


class BaselineApp(App[None]):
    def __init__(self, url: str, key: str, agent: int) -> None:
        super().__init__()
        self.url, self.key, self.agent = url, key, agent

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Subject", "Status")
        self.run_worker(self.fetch())

    async def fetch(self) -> None:
        params = {
            "count": 50,
            "agent": self.agent,
            "order_by": "date_status",
            "order_dir": "desc",
            "include": "person,agent,department",
        }
        headers = {"Authorization": f"key {self.key}"}
        async with httpx.AsyncClient(base_url=self.url, headers=headers) as http:
            response = await http.get("/api/v2/tickets", params=params)
        rows = response.json()["data"]
        self.query_one(DataTable).add_rows((t["id"], t["subject"], t["status"]) for t in rows)


async def headless(app: BaselineApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: app.query_one(DataTable).row_count > 0)
        print(f"ROWS ms={since_start_ms()}", flush=True)


def main() -> None:
    url, key, agent = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = BaselineApp(url, key, agent)
    if "--headless" in sys.argv:
        import asyncio

        asyncio.run(headless(app))
    else:
        app.run()


if __name__ == "__main__":
    main()
