"""Commands that measure: quality (`python -m bench.evaluate`) and speed (`python -m bench.speed`).

They are not tests: they print tables, and the README shows the latest figures.
"""
