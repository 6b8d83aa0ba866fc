"""The minimum password strength, one rule for the Users dialog and ``pier users add/passwd``.

A password is refused when it is shorter than ``MIN_LENGTH``, repeats a few characters, is a
run along the digits, the alphabet or a keyboard row, is one of the most common passwords
(also with digits or symbols around it, or with letters swapped for look-alike digits), or
contains the user name. Each refusal is one sentence saying which of these it is.

The rule applies where people type new passwords, not in ``UserStore``: accounts made before it
keep working. It is deliberately small and explainable, not an estimate of guessing time:
Argon2id and the login throttle already make online guessing slow, so the rule only has to stop
the passwords every attacker tries first.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

MIN_LENGTH = 10
MIN_DISTINCT = 4
NAME_MIN = 3  # shorter user names are not looked for inside the password
_EDGES = string.digits + string.punctuation + " "
_LOOK_ALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                              "8": "b", "@": "a", "$": "s", "!": "i", "+": "t"})
_RUNS = ("01234567890123456789", "abcdefghijklmnopqrstuvwxyzabcdefghij",
         "qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
         "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "1q2w3e4r5t6y7u8i9o0p", "qazwsxedcrfvtgbyhnujmik")
# Words at the heart of the most common passwords ("Password1!", "summer2024", "iloveyou!!").
_COMMON_WORDS_TEXT = """
    password passwort passe contrasena wachtwoord senha haslo parola salasana qwerty qwertz
    azerty asdf zxcv letmein welcome admin administrator root guest user login test default
    changeme secret iloveyou loveyou lovely dragon monkey football baseball soccer hockey
    sunshine princess master shadow superman batman spiderman trustno starwars whatever
    computer internet freedom hello charlie michael jennifer jordan hunter ranger buster
    tigger summer winter spring autumn pokemon minecraft samsung google iphone pier share
    abc abcd abcdef qwe asd zxc access flower cookie cheese killer pepper ginger matrix
    mustang harley ferrari corvette maggie daniel thomas robert andrew joshua ashley jessica
    nicole michelle amanda hannah liverpool chelsea arsenal barcelona juventus bailey
    """
_COMMON_PASSWORDS_TEXT = """
    1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc zaq12wsxcde3 zaq1xsw2cde3 q1w2e3r4t5 a1b2c3d4e5
    1122334455 112233445566 1472583690 1234512345 12345qwert qwert12345 1234qwerty
    qwerty1234 abcd123456 123456abcd qwe123qwe123 asdfghjkl1 zxcvbnm123 1234567890a
    123456789a 123456789q 1234567890q 0987654321a
    """
COMMON_WORDS = frozenset(_COMMON_WORDS_TEXT.split())
COMMON_PASSWORDS = frozenset(_COMMON_PASSWORDS_TEXT.split())
_SEQUENCE = "It is a simple sequence, like 1234567890 or qwertyuiop."
_REPEATS = "It repeats the same few characters."
_COMMON = "It is one of the most common passwords."


def password_problem(password: str, name: str = "") -> str:
    """Why ``password`` is too weak for the account ``name``, "" when it is strong enough."""
    text = unicodedata.normalize("NFC", password)
    if len(text) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters (this one has {len(text)})."
    lower = text.casefold()
    if len(set(lower)) < MIN_DISTINCT or _is_periodic(lower):
        return _REPEATS
    if any(lower in run or lower in run[::-1] for run in _RUNS):
        return _SEQUENCE
    if _is_common(lower):
        return _COMMON
    user = unicodedata.normalize("NFC", name).strip().casefold()
    if len(user) >= NAME_MIN and user in lower:
        return "It contains the user name."
    return ""


@dataclass(frozen=True, slots=True)
class Strength:
    score: int  # 0 nothing typed, 1 refused, 2 fair, 3 good, 4 strong
    label: str  # "", "too weak", "fair", "good", "strong"
    advice: str  # why it is refused, or what would make it stronger; "" when nothing

    @property
    def acceptable(self) -> bool:
        return self.score >= 2


def password_strength(password: str, name: str = "") -> Strength:
    """The live hint under a password field: refused (with the reason) or how strong."""
    if not password:
        return Strength(0, "", "")
    problem = password_problem(password, name)
    if problem:
        return Strength(1, "too weak", problem)
    length, classes = len(password), character_classes(password)
    if length >= 20 or (length >= 14 and classes >= 3):
        return Strength(4, "strong", "")
    if length >= 14 or classes >= 3:
        return Strength(3, "good", "Longer is stronger.")
    return Strength(2, "fair", "Longer is stronger: a few unrelated words work well.")


def character_classes(password: str) -> int:
    """How many of lower case, upper case, digits and other characters appear."""
    kinds = (
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c in string.digits for c in password),
        any(not c.isalnum() for c in password),
    )
    return sum(kinds)


def _is_periodic(text: str) -> bool:
    """True for "abcabcabc": the text is a shorter piece repeated."""
    return (text + text).find(text, 1) < len(text)


def _is_common(lower: str) -> bool:
    if lower in COMMON_PASSWORDS:
        return True
    core = lower.strip(_EDGES)
    if not core:
        return False
    return (core in COMMON_WORDS or core.translate(_LOOK_ALIKES) in COMMON_WORDS
            or (_is_periodic(core) and _shortest_piece(core) in COMMON_WORDS))


def _shortest_piece(text: str) -> str:
    return text[:(text + text).find(text, 1)]
