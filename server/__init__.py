"""Pier's HTTP(S) engine: pure Python, never imports Qt, runs headless too."""
