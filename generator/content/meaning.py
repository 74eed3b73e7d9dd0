"""The words that carry what a quotation says: its negations, numbers and names. Another
outlet's wording of a statement may change any other word and still be the same quotation,
but "we will never pay" is not a report of "we will pay in full", nor "6 million" of
"5 million", nor one name of another. Names are told by their capitals, away from the start of
a sentence (and there, unless the word is one sentences commonly open with)."""

from __future__ import annotations

import re

# Negations, in the languages news copy here is written in: a word that turns a sentence around
# ("we will pay" and "we refuse to pay" say opposite things; "we will not pay" and "we refuse
# to pay" do not).
_NEGATION = re.compile(
    r"not|no|never|nor|neither|none|nobody|nothing|nowhere|noone|cannot|without|hardly|"
    r"barely|scarcely|seldom|rarely|.+n't|unable|against|"
    r"(?:refus|reject|deny|denie|fail|oppos)(?:e|es|ed|s|ing|d)?|"  # English
    r"ne|pas|jamais|rien|aucun|aucune|sans|"  # French
    r"nicht|nie|niemals|kein|keine|keinen|keinem|keiner|keines|nichts|niemand|ohne|"  # German
    r"niet|nooit|geen|niets|zonder|"  # Dutch
    r"nunca|jamás|nada|nadie|ningún|ninguno|ninguna|sin|tampoco|"  # Spanish
    r"non|mai|niente|nessuno|nessuna|senza|"  # Italian
    r"não|nenhum|nenhuma|ninguém|sem"  # Portuguese
)
# Number words, each compared as the figure it stands for (five and 5 are one number).
_FIGURES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_TENS = "thirty forty fifty sixty seventy eighty ninety"
_NUMBERS = {word: str(value) for value, word in enumerate(re.findall(r"\w+", _FIGURES))} | {
    word: str(value * 10) for value, word in enumerate(re.findall(r"\w+", _TENS), start=3)
}
# Number words without one figure, compared as written.
_AMOUNT = re.compile(
    r"hundred|thousand|million|billion|trillion|dozen|half|quarter|twice|thrice|double|"
    r"triple|percent|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|twentieth|hundredth|thousandth|millionth|billionth"
)
# Capitalised only for opening a sentence: any other capitalised word is taken for a name.
_SENTENCE_START = re.compile(
    r"a|an|the|this|that|these|those|there|here|it|its|we|our|us|my|me|you|your|he|his|"
    r"him|she|her|they|their|them|and|but|or|so|yet|if|when|while|as|then|now|also|even|"
    r"still|just|only|because|although|though|after|before|since|until|in|on|at|to|for|"
    r"from|with|by|of|about|what|which|who|how|why|where|yes|well|all|some|many|most|every|"
    r"each|both|any|let|"
    r"le|la|les|un|une|des|il|elle|nous|vous|ils|der|die|das|ein|eine|wir|sie|es|el|los|"
    r"las|una"
)
_APOSTROPHES = "’'ʼ＇"
# A word with its inner apostrophes (don't, the town’s), or a number with its separators.
_TOKEN = re.compile(r"\d+(?:[.,'’\s]\d+)*|[^\W\d_]+(?:[" + _APOSTROPHES + r"][^\W\d_]+)*")
# What stands before the first word of a sentence: nothing, an end of sentence (closing marks
# aside), or an opening mark.
_SENTENCE_END = ".!?:;…"
_CLOSING = "\"'”’»)]"
_OPENING = '"“„«‘‚([—–-'


# Words that qualify what a sentence asserts ("will pay less", "only if", "I doubt"): added to
# a statement's words, they make it say something else.
_QUALIFIER = re.compile(
    r"less|more|fewer|only|if|unless|except|doubt|doubts|maybe|perhaps|might|may|could|would|"
    r"should|possibly|probably|allegedly|reportedly|supposedly|partly|partially"
)


def changes(wording: str, text: str) -> tuple[list[str], list[str]]:
    """The meaning-bearing words of `text` that `wording` leaves out, and the negations and
    qualifiers it adds: both empty where `wording` can say what `text` says."""
    mine, theirs = _bearing(wording), _bearing(text)
    kept = {key for key, _word in mine}
    negations = sum(key == "not" for key, _word in mine) - sum(
        key == "not" for key, _word in theirs
    )
    left_out = [word for key, word in theirs if key not in kept or (key == "not" and negations < 0)]
    added = [word for key, word in mine if key == "not"] if negations > 0 else []
    own = {_plain(word) for word in _words(text)}
    added += [
        w for w in _words(wording) if _QUALIFIER.fullmatch(_plain(w)) and _plain(w) not in own
    ]
    return list(dict.fromkeys(left_out)), list(dict.fromkeys(added))


def reordered(wording: str, text: str) -> bool:
    """Whether the words `wording` shares with `text` stand in another order (who pays whom,
    a statement turned into a question): another cut or a changed word keeps the order."""
    theirs = {_plain(word) for word in _words(text)}
    mine = {_plain(word) for word in _words(wording)}
    first = [w for w in map(_plain, _words(wording)) if w in theirs]
    second = [w for w in map(_plain, _words(text)) if w in mine]
    return _common(first, second) < min(len(first), len(second))


def _common(first: list[str], second: list[str]) -> int:
    """The length of the longest sequence of words both hold in the same order."""
    row = [0] * (len(second) + 1)
    for word in first:
        diagonal = 0
        for at, other in enumerate(second, start=1):
            diagonal, row[at] = (
                row[at],
                diagonal + 1 if word == other else max(row[at], row[at - 1]),
            )
    return row[-1]


def negation(word: str) -> bool:
    return bool(_NEGATION.fullmatch(_plain(word)))


def _words(text: str) -> list[str]:
    return [token.group() for token in _TOKEN.finditer(text)]


def _plain(word: str) -> str:
    return re.sub(f"[{_APOSTROPHES}]", "'", word.casefold())


def _bearing(text: str) -> list[tuple[str, str]]:
    """Each meaning-bearing word of `text` as (what it is compared by, as written)."""
    found = []
    for token in _TOKEN.finditer(text):
        word = token.group()
        plain = re.sub(f"[{_APOSTROPHES}]", "'", word.casefold())
        if word[0].isdigit():
            found.append((re.sub(r"\D", "", word), word))
        elif _NEGATION.fullmatch(plain):
            found.append(("not", word))
        elif plain in _NUMBERS or _AMOUNT.fullmatch(plain):
            found.append((_NUMBERS.get(plain, plain), word))
        elif word[0].isupper() and _name(text, token.start(), plain.split("'")[0]):
            found.append((plain, word))
    return found


def _name(text: str, at: int, plain: str) -> bool:
    """Whether a capitalised word is a name: anywhere but at the start of a sentence, and there
    unless it is a word sentences commonly open with."""
    if plain == "i":
        return False
    before = text[:at].rstrip()
    opens = not before or before[-1] in _OPENING or before.rstrip(_CLOSING)[-1:] in _SENTENCE_END
    return not opens or not _SENTENCE_START.fullmatch(plain)
