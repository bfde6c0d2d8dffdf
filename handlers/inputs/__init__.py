"""What users send: links, forwarded posts, pasted pages (whole or split by Telegram), files, and anything else."""
