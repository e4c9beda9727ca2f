"""The bundle's own pre-commit hooks: one module per hook, each with ``main(argv) -> int``."""
