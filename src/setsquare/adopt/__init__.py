"""Pure cores of `setsquare adopt`: text and documents in, new text out, no I/O."""
