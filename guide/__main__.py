"""Allow ``python -m guide``, the same as the ``clinical-academic-guide`` entry point."""

import sys

from guide.cli import main

sys.exit(main())
