"""`python -m bot` is the same as `digestbot`."""

from bot.cli import main

raise SystemExit(main())
