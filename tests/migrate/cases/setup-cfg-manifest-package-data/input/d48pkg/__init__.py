"""A package whose data files MANIFEST.in picks."""
