"""A one-module distribution."""
