"""3. Open a ticket from the queue (enter → conversation visible) at 0 and 200 ms latency,
counting the app's HTTP requests and round trips, and whether the header was on screen
before the first request left; `enter` is pressed as soon as the cursor reaches the row,
before the queue would prefetch its thread. Then the same ticket again (its thread already
fetched), and one opened after the cursor rested on it (thread prefetched meanwhile)."""

from __future__ import annotations

import asyncio
import statistics

from tests.benchmarks.probes import HttpProbe, queues_started, round_trips, send_key, wait_for
from tests.benchmarks.support import Context, DemoProcess, Result, ms
from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.state import HelpdeskService


def _screens() -> tuple[type, type, type]:
    from tui.screens.ticket import TicketScreen
    from tui.widgets.message_view import MessageView
    from tui.widgets.ticket_header import TicketHeader

    return TicketScreen, MessageView, TicketHeader


async def measure(url: str, key: str, tickets: int) -> list[dict[str, object]]:
    TicketScreen, MessageView, TicketHeader = _screens()
    service = HelpdeskService(DeskproClient(url, key))
    app = DeskproApp(service)

    def header_shown() -> bool:
        screen = app.screen
        return isinstance(screen, TicketScreen) and bool(
            str(screen.query_one(TicketHeader).content)
        )

    def prefetched() -> bool:
        ticket_id = queues.browser.ticket_list.current_id
        return service.threads.prefetched.holds(ticket_id, service.tickets.get(ticket_id))

    probe = HttpProbe(on_request=header_shown).attach(service)
    trials: list[dict[str, object]] = []
    async with app.run_test(size=(120, 36)):
        queues = await queues_started(app)
        await wait_for(prefetched, poll=0.01)  # the first row's, where the cursor starts
        await app.workers.wait_for_complete()
        for n in range(tickets + 2):
            again = n == tickets  # this trial reopens the previous ticket
            rested = n == tickets + 1  # and this one opens a ticket the cursor rested on
            if not again:
                queues.browser.ticket_list.action_cursor(1)  # a row not opened or prefetched yet
            if rested:
                await wait_for(prefetched, poll=0.01)
                await app.workers.wait_for_complete()
            await asyncio.sleep(0.05)  # let the list settle: no pending frames or loads
            t0 = send_key(app, "enter", "\r")
            shown = await wait_for(
                lambda: isinstance(app.screen, TicketScreen) and app.screen.query(MessageView)
            )
            calls = probe.since(t0, shown)
            trials.append(
                {
                    "reopen": again,
                    "rested": rested,
                    "ms": ms(shown - t0),
                    "requests": len(calls),
                    # Only answers that came back before the thread showed were waited for.
                    "round_trips": round_trips([c for c in calls if c.end and c.end <= shown]),
                    "header_before_requests": all(c.note for c in calls),
                    "paths": [c.path for c in calls],
                    "messages": len(app.screen.query(MessageView)),
                }
            )
            await app.workers.wait_for_complete()
            send_key(app, "escape", "\x1b")
            await wait_for(lambda: app.screen is queues)
    return trials


def no_round_trip(name: str, trial: dict[str, object]) -> Result:
    """A trial whose thread was already there: opening it should cost no round trip."""
    trips = int(trial["round_trips"])  # type: ignore[call-overload]
    return Result(f"{name}: round trips", trips, "RT", target="0", passed=trips == 0, details=trial)


def run(ctx: Context) -> list[Result]:
    results = []
    for latency in (0, 200):
        with DemoProcess(ctx.db(), latency_ms=latency) as srv:
            trials = asyncio.run(measure(srv.url, srv.api_key, ctx.repeats(7, 3)))
        fresh = [t for t in trials if not (t["reopen"] or t["rested"])]
        again = next(t for t in trials if t["reopen"])
        rested = next(t for t in trials if t["rested"])
        rts = [int(t["round_trips"]) for t in fresh]
        median_ms = statistics.median(float(t["ms"]) for t in fresh)  # type: ignore[arg-type]
        # At 200 ms the wall time tells the round trips too: elapsed / latency.
        by_time = round(median_ms / latency, 1) if latency else None
        results.append(
            Result(
                f"open ticket @{latency} ms: round trips",
                max(rts),
                "RT",
                target="≤1, header 0",
                passed=max(rts) <= 1 and all(t["header_before_requests"] for t in fresh),
                details={"median_ms": median_ms, "elapsed_over_latency": by_time, "trials": fresh},
            )
        )
        results.append(
            Result(
                f"open ticket @{latency} ms: time",
                median_ms,
                "ms",
                baseline=float(latency) if latency else None,
                ratio=round(median_ms / latency, 2) if latency else None,
                target="≈1 latency",
                passed=None,
            )
        )
        results.append(no_round_trip(f"reopen ticket @{latency} ms (thread cached)", again))
        results.append(
            no_round_trip(f"open ticket @{latency} ms after the cursor rested on it", rested)
        )
    return results
