"""`python -m app` runs Pier like the `pier` command."""

from app.main import main

if __name__ == "__main__":
    main()
