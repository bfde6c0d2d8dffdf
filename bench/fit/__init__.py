"""Fitted models of the pasted reader: the fitters (python -m bench.fit.headline|publisher|date write the shipped
weights), the conditional logit they share, and the registry bench.evaluate --cv refits per fold."""
