"""What an API key's settings and a bad network do: 403 allow/disallow tags, 429, latency,
faults."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

import httpx

from tui.demo import DemoServer

MakeServer = Callable[..., DemoServer]
ClientOf = Callable[[DemoServer], httpx.Client]


def test_disallowed_tags_answer_403(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    server = make_demo_server(disallow=("*.delete", "blobs.post_temp"))
    api = client_of(server)
    response = api.delete("tickets/1")
    assert response.status_code == 403
    assert response.json() == {
        "status": 403,
        "code": "forbidden",
        "message": "The API key is not allowed to use tickets.tickets.delete (disallowed tag).",
    }
    assert api.get("tickets/1").json()["data"]["status"] != "hidden"  # nothing deleted
    upload = api.post("blobs/temp", files={"file": ("a.txt", b"x")})
    assert upload.status_code == 403
    assert "blobs.post_temp" in upload.json()["message"]
    assert api.get("tickets").status_code == 200
    assert api.put("tickets/1", json={"urgency": 2}).status_code == 204


def test_wildcards_match_whole_areas(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    server = make_demo_server(disallow=("people.*",))
    api = client_of(server)
    assert api.get("agents").status_code == 403
    assert api.get("people/100").status_code == 403
    assert api.get("tickets").status_code == 200


CORE_TAGS = ("me.get", "tickets.tickets.list", "tickets.tickets.get", "people.agents.list")


def test_a_key_allowed_only_core_tags(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    server = make_demo_server(allow=CORE_TAGS)
    api = client_of(server)
    for path in ("me", "tickets", "tickets/1", "agents"):
        assert api.get(path).status_code == 200, path
    response = api.get("ticket_filters")
    assert response.status_code == 403
    assert response.json() == {
        "status": 403,
        "code": "forbidden",
        "message": "The API key is not allowed to use tickets.filters.list (not an allowed tag).",
    }
    assert api.put("tickets/1", json={"urgency": 2}).status_code == 403
    assert api.get("tickets/1").json()["data"]["urgency"] != 2  # nothing written
    assert api.post("blobs/temp", files={"file": ("a.txt", b"x")}).status_code == 403
    assert api.get("helpdesk/discover").status_code == 200  # no key, no tags
    assert api.get("no_such_thing").status_code == 404  # no route, no tag to refuse


def test_allow_globs_and_disallow_wins(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    server = make_demo_server(allow=("tickets.*", "me.get"), disallow=("*.delete",))
    api = client_of(server)
    assert api.get("tickets/1/messages").status_code == 200
    assert api.get("agents").status_code == 403
    deleted = api.delete("tickets/1")
    assert deleted.status_code == 403
    assert deleted.json()["message"] == (
        "The API key is not allowed to use tickets.tickets.delete (disallowed tag)."
    )


def test_hourly_limit_answers_429_with_retry_after(
    make_demo_server: MakeServer, client_of: ClientOf
) -> None:
    server = make_demo_server(hourly_limit=3)
    api = client_of(server)
    assert [api.get("me").status_code for _ in range(3)] == [200, 200, 200]
    assert api.get("helpdesk/discover").status_code == 200  # not counted
    limited = api.get("tickets")
    assert limited.status_code == 429
    assert limited.json()["code"] == "too_many_requests"
    assert 1 <= int(limited.headers["Retry-After"]) <= 3600
    assert api.get("helpdesk/discover").status_code == 200


def test_429_without_retry_after(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    server = make_demo_server(hourly_limit=1, retry_after=False)
    api = client_of(server)
    assert api.get("me").status_code == 200
    limited = api.get("me")
    assert limited.status_code == 429
    assert limited.json()["code"] == "too_many_requests"
    assert "retry-after" not in limited.headers


def test_latency_delays_every_answer(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    server = make_demo_server(latency_ms=150)
    api = client_of(server)
    for path in ("me", "helpdesk/discover", "nope"):
        started = time.monotonic()
        api.get(path)
        assert time.monotonic() - started >= 0.15


def outcome(api: httpx.Client, path: str) -> object:
    try:
        return api.get(path).status_code
    except httpx.TransportError:  # dropped: a reset or a silent close
        return "dropped"


def test_fail_rate_gives_502_503_and_dropped_connections(
    make_demo_server: MakeServer, client_of: ClientOf
) -> None:
    server = make_demo_server(fail_rate=1.0, fail_seed=7)
    api = client_of(server)
    seen = Counter(outcome(api, "me") for _ in range(30))
    assert set(seen) == {502, 503, "dropped"}
    assert api.get("helpdesk/discover").status_code == 200  # exempt
    bad_gateway = next(r for r in (api.get("me") for _ in range(20)) if r.status_code == 502)
    assert bad_gateway.headers["content-type"].startswith("text/html")


def test_the_same_fail_seed_fails_the_same_requests(
    make_demo_server: MakeServer, client_of: ClientOf
) -> None:
    runs = []
    for _ in range(2):
        server = make_demo_server(fail_rate=0.5, fail_seed=3)
        api = client_of(server)
        runs.append([outcome(api, "me") for _ in range(20)])
    assert runs[0] == runs[1]
    assert 200 in runs[0] and len(set(runs[0])) > 1


def test_failed_requests_write_nothing(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    server = make_demo_server(fail_rate=0.5, fail_seed=11)
    created, failed = set(), set()
    api = client_of(server)
    for i in range(12):
        body = {"subject": f"fault probe {i}", "person": 113, "message": {"message": "x"}}
        try:
            response = api.post("tickets", json=body)
        except httpx.TransportError:  # dropped: a reset or a silent close
            failed.add(i)
            continue
        (created if response.status_code == 201 else failed).add(i)
    assert created and failed
    listed = None
    while listed is None:  # reads fail too; retry until one gets through
        try:
            response = api.get("tickets", params={"count": 200, "order_by": "id"})
        except httpx.TransportError:  # dropped: a reset or a silent close
            continue
        listed = response.json() if response.status_code == 200 else None
    subjects = {t["subject"] for t in listed["data"] if t["subject"].startswith("fault probe")}
    assert subjects == {f"fault probe {i}" for i in created}
