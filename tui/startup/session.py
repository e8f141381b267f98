"""Building the service for a connection: client, caches, drafts. No Textual here."""

from __future__ import annotations

from tui.api import DeskproClient
from tui.config import AppPaths, ConnectionSpec
from tui.startup.preload import TLSLoading, verify_setting
from tui.state import DraftStore, HelpdeskService, QueueCache


def client_for(spec: ConnectionSpec, tls: TLSLoading | None = None) -> DeskproClient:
    """The client for `spec`; `tls`: the verifying context, if it is being preloaded."""
    return DeskproClient(
        spec.url,
        spec.api_key,
        auth_scheme=spec.auth_scheme,
        agent_id=spec.agent_id,
        verify=verify_setting(spec.verify_tls, tls),
        allow_insecure_http=spec.allow_insecure_http,
    )


def build_service(
    spec: ConnectionSpec, paths: AppPaths | None, tls: TLSLoading | None = None
) -> HelpdeskService:
    """The service for `spec`; without `paths` nothing is kept on disk (tests)."""
    client = client_for(spec, tls)
    if paths is None:
        return HelpdeskService(client)
    return HelpdeskService(
        client,
        cache=QueueCache(paths.cache_dir, client.helpdesk_url),
        drafts=DraftStore(paths.data_dir / "drafts"),
    )
