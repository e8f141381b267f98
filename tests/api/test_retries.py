"""Retries: reads retried with backoff; writes only when provably never sent, or on 429."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx
import pytest

from tui.api import (
    DeskproClient,
    DeskproConnectionError,
    DeskproTimeoutError,
    RateLimitedError,
    RetryNotice,
    RetryPolicy,
    ServerError,
)

from .conftest import ClientFactory, FakeSleep, Recorder, json_response, load_example

Outcome = httpx.Response | Exception
Call = Callable[[DeskproClient], Awaitable[Any]]


def scripted(*outcomes: Outcome) -> Recorder:
    """Answers (or raises) each outcome in turn; the last one repeats."""
    script: Iterator[Outcome] = iter(outcomes)
    last: list[Outcome] = []

    def handler(_request: httpx.Request) -> httpx.Response:
        outcome = next(script, None)
        if outcome is None:
            outcome = last[0]
        last[:] = [outcome]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return Recorder(handler)


def ok_me() -> httpx.Response:
    return json_response(load_example("me"))


def ok_ticket(status: int = 201) -> httpx.Response:
    return json_response(load_example("ticket"), status)


def within_jitter(delay: float, base: float) -> bool:
    return 0.75 * base <= delay <= 1.25 * base


def create(client: DeskproClient) -> Awaitable[Any]:
    return client.create_ticket(subject="S", person=61, message="M")


def reply(client: DeskproClient) -> Awaitable[Any]:
    return client.add_message(3432, "M")


def update(client: DeskproClient) -> Awaitable[Any]:
    return client.update_ticket(3432, agent=42)


def delete(client: DeskproClient) -> Awaitable[Any]:
    return client.delete_ticket(3432)


WRITES = pytest.mark.parametrize("call", [create, reply, update, delete])


# -- reads --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("dropped"),
        httpx.ReadTimeout("slow"),
        httpx.Response(502),
        httpx.Response(503),
        httpx.Response(504),
        httpx.Response(429),
    ],
    ids=["connect", "read", "dropped", "timeout", "502", "503", "504", "429"],
)
async def test_get_retried_with_backoff(
    make_client: ClientFactory, sleep: FakeSleep, failure: Outcome
) -> None:
    rec = scripted(failure, failure, ok_me())
    me = await make_client(rec).me()
    assert me.person_id == 42
    assert len(rec.requests) == 3
    assert len(sleep.delays) == 2
    assert within_jitter(sleep.delays[0], 0.5) and within_jitter(sleep.delays[1], 1.0)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 500])
async def test_get_not_retried_on_other_errors(
    make_client: ClientFactory, sleep: FakeSleep, status: int
) -> None:
    rec = scripted(httpx.Response(status), ok_me())
    with pytest.raises(Exception) as info:
        await make_client(rec).me()
    assert getattr(info.value, "status", None) == status
    assert len(rec.requests) == 1 and sleep.delays == []


async def test_429_honours_retry_after(make_client: ClientFactory, sleep: FakeSleep) -> None:
    limited = json_response(load_example("error-429"), 429, {"Retry-After": "7"})
    rec = scripted(limited, ok_me())
    await make_client(rec).me()
    assert len(rec.requests) == 2
    assert sleep.delays == [7.0]


async def test_retry_after_at_the_cap_is_waited(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    # A write has no read budget; a read needs one longer than the wait.
    rec = scripted(httpx.Response(429, headers={"Retry-After": "30"}), ok_ticket())
    await create(make_client(rec))
    rec = scripted(httpx.Response(429, headers={"Retry-After": "30"}), ok_me())
    await make_client(rec, retry=RetryPolicy(read_deadline=60)).me()
    assert sleep.delays == [30.0, 30.0]


@pytest.mark.parametrize("method", ["get", "post"])
async def test_retry_after_above_cap_raises_at_once(
    make_client: ClientFactory, sleep: FakeSleep, method: str
) -> None:
    rec = scripted(httpx.Response(429, headers={"Retry-After": "31"}), ok_ticket())
    client = make_client(rec)
    with pytest.raises(RateLimitedError) as info:
        await (client.me() if method == "get" else create(client))
    assert info.value.retry_after == 31.0
    assert len(rec.requests) == 1 and sleep.delays == []


async def test_custom_max_retry_after(make_client: ClientFactory, sleep: FakeSleep) -> None:
    rec = scripted(httpx.Response(429, headers={"Retry-After": "6"}), ok_me())
    with pytest.raises(RateLimitedError) as info:
        await make_client(rec, retry=RetryPolicy(max_retry_after=5)).me()
    assert info.value.retry_after == 6.0
    assert len(rec.requests) == 1 and sleep.delays == []


async def test_attempts_capped_then_last_error_raised(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = scripted(httpx.Response(503))
    with pytest.raises(ServerError) as info:
        await make_client(rec).me()
    assert info.value.status == 503
    assert len(rec.requests) == RetryPolicy().attempts == 4
    assert len(sleep.delays) == 3


@pytest.mark.parametrize("attempts", [1, 2, 6])
async def test_attempts_follow_policy(
    make_client: ClientFactory, sleep: FakeSleep, attempts: int
) -> None:
    rec = scripted(httpx.ConnectError("down"))
    policy = RetryPolicy(attempts=attempts, read_deadline=60)  # the budget is tested elsewhere
    with pytest.raises(DeskproConnectionError):
        await make_client(rec, retry=policy).me()
    assert len(rec.requests) == attempts
    assert len(sleep.delays) == attempts - 1


async def test_backoff_doubles_up_to_max(make_client: ClientFactory, sleep: FakeSleep) -> None:
    rec = scripted(httpx.Response(502))
    policy = RetryPolicy(attempts=6, backoff=1.0, max_backoff=3.0, read_deadline=60)
    with pytest.raises(ServerError):
        await make_client(rec, retry=policy).me()
    bases = [1.0, 2.0, 3.0, 3.0, 3.0]
    assert len(sleep.delays) == len(bases)
    assert all(within_jitter(d, b) for d, b in zip(sleep.delays, bases, strict=True))


async def test_on_retry_notices(make_client: ClientFactory, sleep: FakeSleep) -> None:
    notices: list[RetryNotice] = []
    rec = scripted(
        httpx.ConnectError("down"),
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(503),
        ok_me(),
    )
    await make_client(rec, on_retry=notices.append).me()
    assert [n.attempt for n in notices] == [1, 2, 3]
    assert [n.delay for n in notices] == sleep.delays
    assert notices[1].delay == 3.0
    assert [type(n.error) for n in notices] == [
        DeskproConnectionError,
        RateLimitedError,
        ServerError,
    ]


async def test_no_notice_when_not_retrying(make_client: ClientFactory) -> None:
    notices: list[RetryNotice] = []
    rec = scripted(httpx.Response(404))
    with pytest.raises(Exception):  # noqa: B017 - the type is tested elsewhere
        await make_client(rec, on_retry=notices.append).me()
    assert notices == []


# -- writes ---------------------------------------------------------------------------------


@WRITES
@pytest.mark.parametrize("status", [502, 503, 504, 500])
async def test_write_not_retried_on_5xx(
    make_client: ClientFactory, sleep: FakeSleep, call: Call, status: int
) -> None:
    rec = scripted(httpx.Response(status), ok_ticket())
    with pytest.raises(ServerError) as info:
        await call(make_client(rec))
    assert info.value.status == status
    assert len(rec.requests) == 1 and sleep.delays == []


@WRITES
@pytest.mark.parametrize(
    "exc",
    [httpx.RemoteProtocolError("dropped"), httpx.ReadError("reset"), httpx.WriteError("broken")],
    ids=["dropped", "read", "write"],
)
async def test_write_not_retried_after_dropped_connection(
    make_client: ClientFactory, sleep: FakeSleep, call: Call, exc: Exception
) -> None:
    rec = scripted(exc, ok_ticket())
    with pytest.raises(DeskproConnectionError) as info:
        await call(make_client(rec))
    assert type(info.value) is DeskproConnectionError
    assert info.value.request_sent is True
    assert len(rec.requests) == 1 and sleep.delays == []


@WRITES
async def test_write_not_retried_after_read_timeout(
    make_client: ClientFactory, sleep: FakeSleep, call: Call
) -> None:
    rec = scripted(httpx.ReadTimeout("slow"), ok_ticket())
    with pytest.raises(DeskproTimeoutError) as info:
        await call(make_client(rec))
    assert info.value.request_sent is True
    assert len(rec.requests) == 1 and sleep.delays == []


@WRITES
@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.Response(429)],
    ids=["connect", "connect-timeout", "429"],
)
async def test_write_retried_when_never_processed(
    make_client: ClientFactory, sleep: FakeSleep, call: Call, failure: Outcome
) -> None:
    rec = scripted(failure, ok_ticket(201))
    await call(make_client(rec))
    assert len(rec.requests) == 2 and len(sleep.delays) == 1
    first, second = rec.requests
    assert (first.method, first.url, first.content) == (second.method, second.url, second.content)


async def test_post_429_honours_retry_after(make_client: ClientFactory, sleep: FakeSleep) -> None:
    rec = scripted(httpx.Response(429, headers={"Retry-After": "12"}), ok_ticket())
    ticket = await create(make_client(rec))
    assert ticket.id == 3432
    assert sleep.delays == [12.0]
    assert len(rec.requests) == 2


async def test_post_connect_error_capped_by_attempts(
    make_client: ClientFactory, sleep: FakeSleep
) -> None:
    rec = scripted(httpx.ConnectError("down"))
    with pytest.raises(DeskproConnectionError) as info:
        await create(make_client(rec, retry=RetryPolicy(attempts=3)))
    assert info.value.request_sent is False
    assert len(rec.requests) == 3 and len(sleep.delays) == 2
