"""Start-up, and what makes it fast: `process` (the command line's own process: the cycle
collector paused until the first rows, no pydantic plugin scan), `preload` (TLS certificates
loaded in a thread beside the imports), `session` (the service for a connection), `launch`
(the first requests sent before the UI is imported, then the app; the demo; logging). The
answers those first requests bring are taken by `tui.state.early`. Importing this package
imports nothing."""
