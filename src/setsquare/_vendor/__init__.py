"""Code generated from other projects, shipped as is (each folder has its own NOTICE)."""
