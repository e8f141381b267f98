"""Reads fail fast: `RetryPolicy.read_deadline` bounds a read, retries and waits included.

Time here is `FakeSleep`'s: waits move it on, and a handler moves it on to play a slow
helpdesk. Nothing waits for real.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tui.api import (
    DeskproConnectionError,
    DeskproTimeoutError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
)
from tui.api.transport import DEFAULT_TIMEOUT, Transport

from .conftest import API_ROOT, ClientFactory, FakeSleep, Recorder, json_response, load_example


def slow(sleep: FakeSleep, seconds: float, *answers: httpx.Response | Exception) -> Recorder:
    """Each request takes `seconds` of fake time, then gets the next answer (the last
    one repeats)."""
    script: Iterator[httpx.Response | Exception] = iter(answers)
    last: list[httpx.Response | Exception] = []

    def handler(_request: httpx.Request) -> httpx.Response:
        sleep.advance(seconds)
        answer = next(script, None) or last[0]
        last[:] = [answer]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return Recorder(handler)


def timeouts(request: httpx.Request) -> dict[str, float | None]:
    return dict(request.extensions["timeout"])


def ok_me() -> httpx.Response:
    return json_response(load_example("me"))


def ok_ticket() -> httpx.Response:
    return json_response(load_example("ticket"), 201)


def limited(retry_after: str | None = None) -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return json_response(load_example("error-429"), 429, headers)


def within_jitter(delay: float, base: float) -> bool:
    return 0.75 * base <= delay <= 1.25 * base


def test_default_budget_is_ten_seconds() -> None:
    assert RetryPolicy().read_deadline == 10.0
    with pytest.raises(ValueError, match="read_deadline"):
        RetryPolicy(read_deadline=0)


# -- each attempt's timeout --------------------------------------------------------------


async def test_a_read_is_given_no_more_than_its_budget(make_client: ClientFactory) -> None:
    rec = Recorder(lambda _r: ok_me())
    await make_client(rec).me()
    # The client's 30 s read and 60 s write are cut; 10 s connect and pool already fit.
    assert timeouts(rec.last) == {"connect": 10.0, "read": 10.0, "write": 10.0, "pool": 10.0}


async def test_a_retry_is_given_only_what_is_left(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 2.0, httpx.ReadError("reset"), ok_me())
    await make_client(rec).me()
    first, second = (timeouts(r) for r in rec.requests)
    assert first["read"] == 10.0
    left = 10.0 - 2.0 - sleep.delays[0]
    assert second == pytest.approx({"connect": left, "read": left, "write": left, "pool": left})


async def test_a_short_client_timeout_is_kept(make_client: ClientFactory) -> None:
    rec = Recorder(lambda _r: ok_me())
    await make_client(rec, timeout=httpx.Timeout(3.0)).me()
    assert timeouts(rec.last) == {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}


async def test_writes_keep_the_client_timeouts(make_client: ClientFactory, tmp_path: Path) -> None:
    rec = Recorder(lambda _r: ok_ticket())
    client = make_client(rec)
    await client.create_ticket(subject="S", person=61, message="M")
    await client.update_ticket(5, agent=42)
    (tmp_path / "a.txt").write_bytes(b"x" * 10)
    rec.handler = lambda _r: json_response(load_example("blob"), 201)
    await client.upload_blob(tmp_path / "a.txt")  # long uploads need the long write timeout
    client_default = {"connect": 10.0, "read": 30.0, "write": 60.0, "pool": 10.0}
    assert [timeouts(r) for r in rec.requests] == [client_default] * 3


@pytest.mark.parametrize(("method", "cut"), [("HEAD", True), ("OPTIONS", True), ("PATCH", False)])
async def test_every_idempotent_method_has_the_budget(
    sleep: FakeSleep, method: str, cut: bool
) -> None:
    rec = Recorder(lambda _r: httpx.Response(200))
    async with httpx.AsyncClient(
        transport=httpx.MockTransport(rec), timeout=DEFAULT_TIMEOUT
    ) as http:
        transport = Transport(http, httpx.URL(API_ROOT), sleep=sleep, clock=sleep.clock)
        await transport.request(method, "tickets")
    assert timeouts(rec.last)["read"] == (10.0 if cut else 30.0)


# -- giving up in time --------------------------------------------------------------------


async def test_a_silent_helpdesk_is_reported_within_the_budget(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 10.0, httpx.ReadTimeout("timed out"), ok_me())
    with pytest.raises(DeskproTimeoutError) as info:
        await make_client(rec).me()
    assert len(rec.requests) == 1 and sleep.delays == []  # not 4 x 30 s plus backoff
    assert sleep.now == 10.0
    assert info.value.message == "help.example.com did not answer in time (10 s)."
    assert info.value.request_sent is False


async def test_no_wait_is_taken_that_would_pass_the_deadline(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 6.0, httpx.Response(503))
    with pytest.raises(ServerError) as info:
        await make_client(rec).me()
    # 6 s, a ~0.5 s wait, 6 s more: the budget is gone, so the third try is never made.
    assert len(rec.requests) == 2 and len(sleep.delays) == 1
    assert info.value.status == 503


async def test_a_wait_longer_than_what_is_left_is_not_started(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    notices: list[object] = []
    rec = slow(sleep, 9.8, httpx.ConnectError("refused"), ok_me())
    with pytest.raises(DeskproConnectionError):
        await make_client(rec, on_retry=notices.append).me()
    assert len(rec.requests) == 1 and sleep.delays == [] and notices == []


async def test_a_longer_budget_allows_more(make_client: ClientFactory, sleep: FakeSleep) -> None:
    rec = slow(sleep, 6.0, httpx.Response(503), httpx.Response(503), ok_me())
    me = await make_client(rec, retry=RetryPolicy(read_deadline=30)).me()
    assert me.person_id == 42 and len(rec.requests) == 3


async def test_each_read_has_its_own_budget(make_client: ClientFactory, sleep: FakeSleep) -> None:
    rec = slow(sleep, 8.0, ok_me())
    client = make_client(rec)
    await client.me()
    await client.me()
    assert [timeouts(r)["read"] for r in rec.requests] == [10.0, 10.0]


async def test_writes_are_not_bounded_by_the_read_budget(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    # Never opened, so safe to resend: a write goes on trying as it always did.
    rec = slow(
        sleep, 6.0, httpx.ConnectError("refused"), httpx.ConnectError("refused"), ok_ticket()
    )
    ticket = await make_client(rec).create_ticket(subject="S", person=61, message="M")
    assert ticket.id == 3432 and len(rec.requests) == 3


# -- Retry-After ---------------------------------------------------------------------------


async def test_retry_after_within_what_is_left_is_waited(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 5.0, limited("4"), ok_me())
    await make_client(rec).me()
    assert sleep.delays == [4.0]


async def test_retry_after_beyond_what_is_left_raises_at_once(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 5.0, limited("6"), ok_me())
    with pytest.raises(RateLimitedError) as info:
        await make_client(rec).me()
    assert info.value.retry_after == 6.0  # the caller shows it
    assert len(rec.requests) == 1 and sleep.delays == []


async def test_retry_after_beyond_the_budget_is_still_waited_by_a_write(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 0.0, limited("12"), ok_ticket())
    await make_client(rec).create_ticket(subject="S", person=61, message="M")
    assert sleep.delays == [12.0]
    rec = slow(sleep, 0.0, limited("12"), ok_me())
    with pytest.raises(RateLimitedError):
        await make_client(rec).me()


# -- 429 without Retry-After ---------------------------------------------------------------


async def test_read_429_without_retry_after_backs_off(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 0.0, limited(), limited(), ok_me())
    await make_client(rec).me()
    assert len(rec.requests) == 3 and len(sleep.delays) == 2
    assert within_jitter(sleep.delays[0], 0.5) and within_jitter(sleep.delays[1], 1.0)


async def test_read_429_without_retry_after_stops_at_the_budget(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 0.0, limited())
    policy = RetryPolicy(attempts=10, backoff=2.0, max_backoff=8.0)
    with pytest.raises(RateLimitedError) as info:
        await make_client(rec, retry=policy).me()
    assert info.value.retry_after is None
    # Waits of ~2 and ~4 fit in 10 s; the next (~8) would not.
    assert len(sleep.delays) == 2 and sleep.now < 10.0
    assert len(rec.requests) == 3


async def test_write_429_without_retry_after_is_retried_as_before(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 0.0, limited(), ok_ticket())
    await make_client(rec).add_message(5, "M")
    assert len(rec.requests) == 2 and len(sleep.delays) == 1
    assert within_jitter(sleep.delays[0], 0.5)
    first, second = rec.requests
    assert first.content == second.content


async def test_write_429_without_retry_after_ignores_the_read_budget(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = slow(sleep, 0.0, limited())
    policy = RetryPolicy(attempts=4, backoff=4.0, max_backoff=8.0)
    with pytest.raises(RateLimitedError):
        await make_client(rec, retry=policy).update_ticket(5, agent=42)
    assert len(rec.requests) == 4 and len(sleep.delays) == 3 and sleep.now > 10.0
