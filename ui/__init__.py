"""Pier's widgets, dialogs and Qt models. No sockets, no file-system policy, no crypto."""
