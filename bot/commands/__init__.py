"""The `digestbot` subcommands, one module each (`add_arguments(parser)` and `run(args) -> int`), and
`history`, what they share: the command line's own history in the store."""
