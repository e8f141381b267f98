"""The conversation tables the seed draws tickets from, by queue: support (and spam) and
billing."""

from tui.demo.seed.conversations.billing import BILLING, SPAM
from tui.demo.seed.conversations.support import SUPPORT

__all__ = ["BILLING", "SPAM", "SUPPORT"]
