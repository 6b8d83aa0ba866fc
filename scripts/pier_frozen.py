"""The built app's entry (PyInstaller freezes a script, not a module): ``Pier`` is ``pier``.

No arguments opens the window; ``Pier serve DIR``, ``Pier users ...``, ``Pier --version`` and the
other commands are routed by app.main as they are for ``pier``.
"""

from app.main import main

if __name__ == "__main__":
    main()
