"""The application shell: Settings, the Telegram Application, the `digestbot` command line."""

__version__ = "0.1.0"
