"""Script detection: the regex classes agree with OpenCC character by character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transforms import chardata
from transforms.convert import is_mostly_traditional, is_simplified_char, is_traditional_char, script_classes

HAN_CHARS = [chr(c) for low, high in chardata.HAN_RANGES for c in range(ord(low), ord(high) + 1)]


def vote(char: str) -> int:
    return int(is_traditional_char(char)) - int(is_simplified_char(char))


def test_classes_hold_exactly_the_characters_one_script_alone_uses():
    traditional_only, simplified_only = script_classes()
    for char in HAN_CHARS:
        assert (traditional_only.match(char) is not None, simplified_only.match(char) is not None) == (
            vote(char) == 1,
            vote(char) == -1,
        ), char


@given(st.text(alphabet=st.sampled_from("這個錯誤们这确的乾清宫a，。 \n"), max_size=60))
def test_majority_is_the_per_character_vote(text: str):
    assert is_mostly_traditional(text) == (sum(vote(c) for c in text) > 0)
