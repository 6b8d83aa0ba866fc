"""server/user_model.py: the User record (what an account may reach, when it expires) and the
checks and normal forms of names, passwords, folders and expiry dates."""

from __future__ import annotations

import math
import unicodedata

import pytest

from server.errors import UserStoreError
from server.user_model import (
    NAME_MAX,
    PASSWORD_MAX,
    InvalidAccountError,
    User,
    check_expiry,
    normalize_folder,
    normalize_folders,
    normalize_name,
    normalize_password,
)


def test_names_are_nfc_and_kept_as_typed_otherwise():
    assert normalize_name(unicodedata.normalize("NFD", "José")) == "José"
    assert normalize_name("Bob Smith") == "Bob Smith"
    assert normalize_name("a" * NAME_MAX) == "a" * NAME_MAX


@pytest.mark.parametrize("name", ["", "a" * (NAME_MAX + 1), "a:b", "tab\there", " padded",
                                  "padded ", "nul\x00", "c1\x85"])
def test_bad_names_are_refused_with_a_sentence(name):
    with pytest.raises(InvalidAccountError, match=r"user name .+\.$"):
        normalize_name(name)


def test_passwords_may_hold_colons_and_are_nfc():
    assert normalize_password("a:b:c") == "a:b:c"
    assert normalize_password(unicodedata.normalize("NFD", "mañana")) == "mañana"
    with pytest.raises(InvalidAccountError):
        normalize_password("")
    with pytest.raises(InvalidAccountError):
        normalize_password("x" * (PASSWORD_MAX + 1))


def test_an_invalid_account_is_a_user_store_error():
    assert issubclass(InvalidAccountError, UserStoreError)


@pytest.mark.parametrize(("folder", "clean"), [
    ("public", "/public"), ("/alice/", "/alice"), ("  /a//b/ ", "/a/b"), ("/", "/"),
])
def test_folders_become_clean_url_prefixes(folder, clean):
    assert normalize_folder(folder) == clean


@pytest.mark.parametrize("folder", ["", "  ", "/a/../b", "./a", "a\\b", "/a\x00", "/" * 1025])
def test_unusable_folders_are_refused(folder):
    with pytest.raises(InvalidAccountError):
        normalize_folder(folder)


def test_a_folder_list_is_sorted_without_duplicates_and_slash_means_everything():
    assert normalize_folders(["/b", "a", "/a/"]) == ("/a", "/b")
    assert normalize_folders("public") == ("/public",)
    assert normalize_folders(["/a", "/"]) == ()


def test_expiry_dates_are_finite_numbers_or_none():
    assert check_expiry(None) is None
    assert check_expiry(1_700_000_000) == 1_700_000_000.0
    for bad in (math.inf, math.nan, True, "2030-01-01"):
        with pytest.raises(InvalidAccountError):
            check_expiry(bad)  # type: ignore[arg-type]


def test_expiry_is_judged_at_the_time_given():
    user = User("temp", expires=1000.0)
    assert not user.is_expired(999.9) and user.is_active(999.9)
    assert user.is_expired(1000.0) and not user.is_active(1000.0)
    assert not User("forever").is_expired(1e12)
    assert not User("off", enabled=False).is_active(0.0)


def test_permissions_by_folder():
    everything = User("root")
    assert everything.may_access("/any/thing") and everything.may_see("/x")
    alice = User("alice", folders=("/alice", "/public/docs"))
    assert alice.may_access("/") and alice.may_access("/alice") and alice.may_access("/alice/")
    assert alice.may_access("/alice/sub/f.txt") and alice.may_access("/public/docs/a")
    assert not alice.may_access("/bob") and not alice.may_access("/alicex")
    assert not alice.may_access("/public") and not alice.may_access("/alice/../bob")
    assert alice.may_list("/public") and alice.may_see("/public")  # the way to /public/docs
    assert not alice.may_see("/public/other") and not alice.may_see("/bob")
    assert alice.sees_everything_below("/alice") and not alice.sees_everything_below("/")


@pytest.mark.parametrize("path", ["relative", "/a/./b", "/a/../b", "/a\\b", "/nul\x00"])
def test_paths_not_in_normal_form_are_never_allowed(path):
    for user in (User("root"), User("alice", folders=("/a",))):
        assert not user.may_access(path) and not user.may_list(path)
