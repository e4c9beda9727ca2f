"""Pure migration cores: text and documents in, tomlkit documents and ledger entries out.

Nothing in this package touches the disk; `setsquare.commands.migrate` does the I/O.
"""
