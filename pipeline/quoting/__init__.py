"""Quotes: the mark scanner, speaker mapping, filters and attribution behind the quotes stage."""
