"""Reactive, Textual-free state: normalised stores, queue views and the helpdesk service."""

from tui.state.cache import CachedPage, QueueCache
from tui.state.connection import ConnectionStatus, ConnectionTracker
from tui.state.drafts import DraftStore
from tui.state.entities import EntityStore, Undo
from tui.state.filters import FilterNames, FilterQuery, matches_words, parse_filter
from tui.state.observable import Observable
from tui.state.queues import QueueSpec, QueueView, filter_queue, search_queue, standard_queues
from tui.state.service import HelpdeskService

__all__ = [
    "CachedPage",
    "ConnectionStatus",
    "ConnectionTracker",
    "DraftStore",
    "EntityStore",
    "FilterNames",
    "FilterQuery",
    "HelpdeskService",
    "Observable",
    "QueueCache",
    "QueueSpec",
    "QueueView",
    "Undo",
    "filter_queue",
    "matches_words",
    "parse_filter",
    "search_queue",
    "standard_queues",
]
