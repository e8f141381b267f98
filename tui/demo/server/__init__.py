"""The demo helpdesk's HTTP side: `runner` (DemoServer, uvicorn), `app` (the routes table,
seeding on first open), `middleware` + `auth` + `limits` (what an API key enforces: 401, tags
→ 403, missing endpoints → 404, 429, latency, faults, 413), `routes/` (handlers), `query`
(list parameters → SQL), `bodies` + `validate` (request bodies → clean values or
`invalid_input`), `writes` (tickets, messages, blobs), `repo` + `linked` (reads, sideloading),
`serialize` (rows → Deskpro JSON), `locks` (when a lock expires), `activity`
(`--simulate-activity`), `errors`, `context` (per-request helpers)."""
