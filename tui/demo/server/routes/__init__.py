"""HTTP handlers of the demo helpdesk, one module per area (routes table in `app.py`)."""
