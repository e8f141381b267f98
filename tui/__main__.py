"""`python -m tui` runs the same entry point as the `deskpro-tui` script."""

from tui.cli import main

raise SystemExit(main())
