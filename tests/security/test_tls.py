"""TLS: certificates are checked unless a profile turns it off, and then the user is told.

Against a real HTTPS server on loopback with a self-signed certificate (made by the
`openssl` command; the test is skipped without it).
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tui.api import TLSError
from tui.app import DeskproApp
from tui.config import ConnectionSpec
from tui.demo import DemoServer
from tui.startup import preload
from tui.startup.session import client_for

from .conftest import DEMO_KEY, demo_service, until

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "deskpro-api"


class SelfSignedHelpdesk:
    def __init__(self, server: ThreadingHTTPServer, seen: list[str | None]) -> None:
        self.server = server
        self.seen = seen  # the Authorization header of each request that got through
        self.url = f"https://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def helpdesk(tmp_path: Path) -> Iterator[SelfSignedHelpdesk]:
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    body = (FIXTURES / "me.json").read_bytes()
    seen: list[str | None] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("Authorization"))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SelfSignedHelpdesk(server, seen)
    server.shutdown()
    server.server_close()


def test_verification_is_on_by_default() -> None:
    spec = ConnectionSpec(url="https://help.example.com", api_key=DEMO_KEY)
    assert spec.verify_tls is True and spec.warnings == []


async def test_an_untrusted_certificate_is_refused_and_the_key_not_sent(
    helpdesk: SelfSignedHelpdesk,
) -> None:
    async with client_for(ConnectionSpec(url=helpdesk.url, api_key=DEMO_KEY)) as client:
        with pytest.raises(TLSError):
            await client.me()
    assert helpdesk.seen == []


async def test_a_profile_can_turn_verification_off(helpdesk: SelfSignedHelpdesk) -> None:
    spec = ConnectionSpec(url=helpdesk.url, api_key=DEMO_KEY, profile="lab", verify_tls=False)
    async with client_for(spec) as client:
        me = await client.me()
    assert me.person_id > 0
    assert helpdesk.seen == [f"key {DEMO_KEY}"]
    assert any("TLS certificate checks are OFF" in w for w in spec.warnings)


async def test_the_context_preloaded_at_start_verifies_the_same(
    helpdesk: SelfSignedHelpdesk,
) -> None:
    spec = ConnectionSpec(url=helpdesk.url, api_key=DEMO_KEY)
    async with client_for(spec, preload.tls_context()) as client:
        with pytest.raises(TLSError):
            await client.me()
    assert helpdesk.seen == []


async def test_the_preloaded_context_trusts_what_ssl_cert_file_names(
    helpdesk: SelfSignedHelpdesk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "cert.pem"))  # a private CA, say
    spec = ConnectionSpec(url=helpdesk.url, api_key=DEMO_KEY)
    async with client_for(spec, preload.tls_context()) as client:
        assert (await client.me()).person_id > 0


async def test_a_profile_without_checks_ignores_the_preloaded_context(
    helpdesk: SelfSignedHelpdesk,
) -> None:
    spec = ConnectionSpec(url=helpdesk.url, api_key=DEMO_KEY, profile="lab", verify_tls=False)
    async with client_for(spec, preload.tls_context()) as client:
        assert (await client.me()).person_id > 0


def test_a_failed_preload_leaves_loading_to_httpx() -> None:
    failed: Future[ssl.SSLContext] = Future()
    failed.set_exception(FileNotFoundError("no such CA file"))
    assert preload.verify_setting(True, failed) is True  # httpx loads again and says why
    assert preload.verify_setting(False, failed) is False
    assert preload.verify_setting(True, None) is True


async def test_the_app_shows_the_profile_warnings_at_start(demo_server: DemoServer) -> None:
    spec = ConnectionSpec(
        url=demo_server.url,
        api_key=demo_server.api_key,
        profile="lab",
        verify_tls=False,
        allow_insecure_http=True,
    )
    assert len(spec.warnings) == 2
    app = DeskproApp(demo_service(demo_server), warnings=spec.warnings)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: len(app._notifications) >= 2, "the warnings")
        shown = {(n.message, n.severity) for n in app._notifications}
    assert {(w, "warning") for w in spec.warnings} <= shown
