__version__ = "1.1.0"  # stale: setup.py says 1.2.0, and setup.py wins
