"""`python -m sluice_databricks <spec.json>`: run one Databricks task locally."""

import sys

from .runner import main

sys.exit(main(sys.argv[1:]))
