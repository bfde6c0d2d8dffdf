"""Several bot instances on one PostgreSQL server (asyncpg): the same store, search with FTS5's own words in
tsvectors under GIN indexes, and the state instances share (rate limits, link claims, split pastes)."""
