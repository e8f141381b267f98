"""A new ticket on its way out: the form's content, its files, the checks before sending
and the send itself (uploads first, concurrently, then one create). Textual-free.

- `new_ticket`: what the agent typed, and its draft;
- `problems`: what stops it, by form field, before sending and after a refusal;
- `requesters`: whom it is for (completion, resolution, look-up);
- `files`: the files to attach and their upload state;
- `uploads`: uploading them, and the error that names those that failed;
- `send`: uploads, then the create, made once.
"""

from tui.state.outgoing.files import DEFAULT_MAX_BYTES, OutgoingFile, UploadState, check_file
from tui.state.outgoing.new_ticket import DRAFT_KEY, NewTicket
from tui.state.outgoing.problems import FIELDS, field_for, form_errors, validate
from tui.state.outgoing.requesters import Requesters, looks_like_email
from tui.state.outgoing.send import find_created_ticket, send_new_ticket
from tui.state.outgoing.uploads import Progress, UploadsFailedError, upload_file, upload_files

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DRAFT_KEY",
    "FIELDS",
    "NewTicket",
    "OutgoingFile",
    "Progress",
    "Requesters",
    "UploadState",
    "UploadsFailedError",
    "check_file",
    "field_for",
    "find_created_ticket",
    "form_errors",
    "looks_like_email",
    "send_new_ticket",
    "upload_file",
    "upload_files",
    "validate",
]
