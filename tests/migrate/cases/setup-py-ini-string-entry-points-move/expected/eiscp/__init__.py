"""Control Onkyo receivers over ethernet."""
