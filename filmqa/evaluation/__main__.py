"""``python -m filmqa.evaluation [GOLD] [--corpus DIR] [--json OUT] [--show-misses]``."""

import sys

from .harness import main

sys.exit(main())
