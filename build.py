#!/usr/bin/env python3
"""Dateline: build the news archive website. Run `python build.py --help`."""

import sys

from dateline.cli import main

if __name__ == "__main__":
    sys.exit(main())
