"""Generate Avro Schemas from a Python class."""
