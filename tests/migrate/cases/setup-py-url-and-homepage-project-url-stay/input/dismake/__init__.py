"""Discord slash commands over HTTP."""
