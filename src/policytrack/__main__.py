"""``python -m policytrack``: the command line."""

from .cli import main

raise SystemExit(main())
