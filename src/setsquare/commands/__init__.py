"""One module per subcommand; each exports one verb that returns an exit code."""
