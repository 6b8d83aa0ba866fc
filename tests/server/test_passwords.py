"""The minimum password strength shared by the Users dialog and ``pier users`` (issue 22 §3)."""

from __future__ import annotations

import pytest

from server.passwords import (
    COMMON_PASSWORDS,
    MIN_LENGTH,
    character_classes,
    password_problem,
    password_strength,
)


@pytest.mark.parametrize(("password", "name", "reason"), [
    ("pw", "", "at least 10 characters (this one has 2)"),
    ("été-court", "", "this one has 9"),
    ("aaaaaaaaaaaa", "", "repeats"),
    ("abcabcabcabc", "", "repeats"),
    ("1234567890", "", "sequence"),
    ("0987654321", "", "sequence"),
    ("QWERTYUIOP", "", "sequence"),
    ("1qaz2wsx3edc", "", "sequence"),
    ("Password1!", "", "most common"),
    ("p@ssw0rd2024", "", "most common"),
    ("summer2024!", "", "most common"),
    ("passwordpassword", "", "repeats"),
    ("iloveyouiloveyou!", "", "most common"),
    ("zaq1xsw2cde3", "", "most common"),
    ("alice-rocks-42", "Alice", "user name"),
])
def test_weak_passwords_are_refused_with_a_reason(password: str, name: str, reason: str) -> None:
    problem = password_problem(password, name)
    assert reason in problem
    assert problem.endswith(".") and problem[0].isupper()  # one sentence for a person
    assert not password_strength(password, name).acceptable


@pytest.mark.parametrize("password", [
    "correct horse battery staple", "839201746352", "Tr0ub4dor&3x", "meadow-kettle-orbit",
    "bob-rocks-42",  # names shorter than three letters are not looked for
])
def test_strong_enough_passwords_pass(password: str) -> None:
    assert password_problem(password, "bo") == ""
    assert password_strength(password, "bo").acceptable


def test_every_listed_common_password_is_long_enough_to_matter() -> None:
    assert all(len(word) >= MIN_LENGTH for word in COMMON_PASSWORDS)
    assert all(password_problem(word) for word in COMMON_PASSWORDS)


@pytest.mark.parametrize(("password", "label"), [
    ("", ""), ("abc", "too weak"), ("meadowkettle", "fair"), ("Meadow-kettle", "good"),
    ("meadowkettleorbit", "good"), ("Meadow-kettle-42", "strong"),
    ("correct horse battery staple", "strong"),
])
def test_strength_labels(password: str, label: str) -> None:
    assert password_strength(password).label == label


def test_strength_advice_and_classes() -> None:
    assert password_strength("").score == 0 and password_strength("").advice == ""
    assert password_strength("meadowkettle").advice.startswith("Longer is stronger")
    assert password_strength("correct horse battery staple").advice == ""
    assert character_classes("aA1!") == 4 and character_classes("été") == 1
