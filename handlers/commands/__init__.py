"""What users ask for: /start and /help, /recent, /forget, /export, /search, /settings, and inline search."""
