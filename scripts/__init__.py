"""Maintainer scripts for setsquare's own repository (release checks); not shipped."""
