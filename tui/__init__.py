"""deskpro-tui: a keyboard-first terminal client for the Deskpro helpdesk."""

__version__ = "0.1.0"
