"""``python -m pantau.quotes score|bench``: see :func:`pantau.quotes.cli.main`."""

import sys

from pantau.quotes.cli import main

if __name__ == "__main__":
    sys.exit(main())
