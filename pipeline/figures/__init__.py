"""Figures: subjects, time, attribution and assembly behind the figures stage."""
