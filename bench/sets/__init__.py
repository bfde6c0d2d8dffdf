"""The development sets as bench reads them: Readability.js pages and pastes, Mercury pages, the PDF set, and
site keys for folds."""
