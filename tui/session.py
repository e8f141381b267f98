"""Building the service for a connection: client, caches, drafts. No Textual here."""

from __future__ import annotations

from tui.api import DeskproClient
from tui.config import AppPaths, ConnectionSpec
from tui.state import DraftStore, HelpdeskService, QueueCache


def client_for(spec: ConnectionSpec) -> DeskproClient:
    return DeskproClient(
        spec.url,
        spec.api_key,
        auth_scheme=spec.auth_scheme,
        agent_id=spec.agent_id,
        verify=spec.verify_tls,
        allow_insecure_http=spec.allow_insecure_http,
    )


def build_service(spec: ConnectionSpec, paths: AppPaths | None) -> HelpdeskService:
    """The service for `spec`; without `paths` nothing is kept on disk (tests)."""
    client = client_for(spec)
    if paths is None:
        return HelpdeskService(client)
    return HelpdeskService(
        client,
        cache=QueueCache(paths.cache_dir, client.helpdesk_url),
        drafts=DraftStore(paths.data_dir / "drafts"),
    )
