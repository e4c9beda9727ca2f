"""Pure checks shared by the pre-commit hooks, the repo-review plugin and `setsquare check`."""
