"""What happens when a screen's background task fails unexpectedly: the agent is told in
plain words, the details go to the log, and the app keeps running (nothing typed is lost:
composers only clear themselves after the server confirms)."""

from __future__ import annotations

import logging

from textual.worker import Worker, WorkerState

from tui.api import DeskproError

log = logging.getLogger("tui")


class ReportsWorkerFailures:
    """Mixed into screens whose workers run with `exit_on_error=False`."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, DeskproError):
            message = str(error)
        else:
            log.error("Task %r failed", event.worker.name, exc_info=error)
            message = (
                f"Something went wrong ({type(error).__name__}: {error}). "
                "Nothing you typed was lost; try again."
            )
        self.notify(
            message,
            title="That did not work",
            severity="error",  # type: ignore[attr-defined]
            timeout=20,
        )
