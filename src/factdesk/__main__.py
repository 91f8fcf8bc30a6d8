"""``python -m factdesk``."""

from factdesk.cli import main

raise SystemExit(main())
