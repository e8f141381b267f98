"""The demo helpdesk's data: `hand_shaped` (about 150 tickets worth reading, built from
`conversations/`, `people`, `specials` and `files`), `bulk` (N generated tickets for scale
tests), `builder` (the rows both write), `scenario` (one conversation's shape)."""
