"""Pier's application layer: entry point, settings, the bridge to Qt, lifecycle."""
