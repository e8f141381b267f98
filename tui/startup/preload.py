"""Start-up work that runs beside the imports.

Loading the certificates that verify a helpdesk's TLS certificate (~150 of them, ~20 ms)
happens inside OpenSSL with the GIL released, so a thread does it while the main thread
imports the app. Only the command line starts it, before it knows the profile: a profile
that turns verification off simply does not use the result.
"""

from __future__ import annotations

import ssl
from concurrent.futures import Future, ThreadPoolExecutor

import httpx

TLSLoading = Future[ssl.SSLContext]


def tls_context() -> TLSLoading:
    """httpx's own default context (`SSL_CERT_FILE`/`SSL_CERT_DIR` honoured), being made."""
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tls")
    future = executor.submit(httpx.create_ssl_context)
    executor.shutdown(wait=False)  # the thread ends when the context is made
    return future


def verify_setting(verify_tls: bool, loading: TLSLoading | None) -> bool | ssl.SSLContext:
    """What the client's `verify` should be: the preloaded context when verifying; if
    loading it failed, `True`, so that httpx loads it again and reports the problem."""
    if not verify_tls or loading is None:
        return verify_tls
    try:
        return loading.result()
    except Exception:
        return True
