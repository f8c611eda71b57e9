"""Spiders of the thresher project."""
