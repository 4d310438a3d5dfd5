"""Counting the words of a text in any of the editions' scripts."""

import re

# Han and kana are written without spaces between words, and a word count of Chinese or
# Japanese text counts characters (字数): each is one. Other scripts count space-separated
# words; a token without a letter or digit (a dash, 。) is not a word.
_UNSEGMENTED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_OTHER = rf"[^\s{_UNSEGMENTED}]"  # a character of a space-separated token
_WORD = re.compile(rf"[{_UNSEGMENTED}]|{_OTHER}*[^\W{_UNSEGMENTED}]{_OTHER}*")


def word_count(text: str) -> int:
    """Other scripts' words plus Han and kana characters: "Minsk 和 Beijing 签署了协议" → 8."""
    return len(_WORD.findall(text))
