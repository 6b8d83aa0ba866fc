"""server/sharing.py: the login realm named after the shared folder, and the authenticator and
HTTPS settings built the same way for the CLI and the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.sharing import authenticator_for, realm_for, tls_settings
from server.tls import CertificateStore
from server.users import UserStore


@pytest.mark.parametrize(("folder", "realm"), [
    ("Holiday Photos", "Pier - Holiday Photos"),
    ("Café Crème", "Pier - Cafe Creme"),  # ASCII only: Digest clients disagree otherwise
    ('say "hi" \\o', "Pier - say hi o"),
    ("日本", "Pier - files"),  # nothing left in ASCII
])
def test_the_realm_names_the_folder_in_ascii(tmp_path, folder, realm):
    root = tmp_path / folder
    root.mkdir()
    assert realm_for(root) == realm


def test_the_realm_follows_links_to_the_real_folder(tmp_path):
    (tmp_path / "Music").mkdir()
    (tmp_path / "shortcut").symlink_to(tmp_path / "Music")
    assert realm_for(tmp_path / "shortcut") == "Pier - Music"


def test_the_authenticator_uses_that_realm(tmp_path):
    root = tmp_path / "Docs"
    root.mkdir()
    store = UserStore(tmp_path / "users.toml")
    auth = authenticator_for(root, store, anonymous_read=True)
    assert auth.realm == "Pier - Docs" and auth.anonymous_read


def test_tls_settings_point_at_the_store_files_and_offer_its_ca(tmp_path: Path):
    store = CertificateStore(tmp_path / "tls")
    settings = tls_settings(store)
    assert settings.chain_path.is_file() and settings.key_path.is_file()
    assert settings.ca_pem == store.ca_pem()
    assert settings.ca_pem is not None and settings.ca_pem.startswith(b"-----BEGIN CERTIFICATE")
