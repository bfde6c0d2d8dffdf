"""Filling bench.storage's stores: the generated digests and queries, and the bulk writers."""
