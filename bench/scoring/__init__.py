"""How a digest is scored: extraction (P/R/F1), one page's scores, Mercury's loose checks, summary soundness,
and the printed report."""
