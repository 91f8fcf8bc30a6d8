"""Light language identification: a script check, then a stopword vote.

No model, no import cost. Latin-script text is attributed by counting very frequent function
words of each supported language; text dominated by another script gets that script's language
(``ar`` for Arabic script, ``he``, ``el``, ``ru``/``uk``/``bg`` by stopwords for Cyrillic,
``zh``/``ja``/``ko`` for CJK). Too little evidence gives ``und`` (undetermined).
"""

from __future__ import annotations

import re
import unicodedata

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in a is that for on was with he it as at by from his have has had are were be been "
        "which this an not but or they their its said after who will would about more than also into".split()
    ),
    "fr": frozenset(
        "le la les des de du un une et est que qui dans pour sur par avec au aux ce cette ont été sont a pas "
        "il elle ils se ses son sa plus mais ou où selon lors contre entre après avait été leur".split()
    ),
    "es": frozenset(
        "el la los las de del y que en un una por con para es se al su sus lo como más pero fue han ha "
        "según sobre entre tras este esta desde también muy".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine mit von zu den dem des auf für im sich auch es als wurde "
        "wurden nach bei aus sind hat haben wie oder noch einem einer".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e que em um uma para com não por se na no nas nos mais foi ao pelo pela "
        "segundo também entre após sobre seu sua".split()
    ),
    "it": frozenset(
        "il lo la gli le di del della dei e che in un una per con non è sono si al alla da dal nel nella "
        "anche più secondo dopo tra stato".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te voor met zijn niet aan er door bij om ook als werd worden "
        "naar uit heeft hebben maar".split()
    ),
    "ru": frozenset("и в не на что с по как из за от к о это для он она они было был были также".split()),
    "uk": frozenset("і в не на що з по як із за від до це для він вона вони було був були також та".split()),
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def script_of(ch: str) -> str | None:
    """A coarse script name for one letter (None for Latin and non-letters)."""
    if ch.isascii():
        return None
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    for script in ("ARABIC", "HEBREW", "CYRILLIC", "GREEK", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "DEVANAGARI", "THAI"):
        if name.startswith(script) or f" {script} " in f" {name} ":
            return script
    return None


def script_profile(text: str, limit: int = 20_000) -> dict[str, int]:
    """Letter counts per script over the first ``limit`` characters (``LATIN`` for the rest)."""
    counts: dict[str, int] = {}
    for ch in text[:limit]:
        if not ch.isalpha():
            continue
        script = script_of(ch) or "LATIN"
        counts[script] = counts.get(script, 0) + 1
    return counts


_SCRIPT_LANG = {
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "DEVANAGARI": "hi",
    "THAI": "th",
}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's main language, or ``und`` when undetermined."""
    profile = script_profile(text)
    letters = sum(profile.values())
    if letters == 0:
        return "und"
    main_script, main_count = max(profile.items(), key=lambda kv: kv[1])
    if main_script != "LATIN" and main_count / letters > 0.5:
        if main_script == "CYRILLIC":
            return _vote(text, ("ru", "uk")) or "ru"
        if main_script in ("HIRAGANA", "KATAKANA") or (main_script == "CJK" and ("HIRAGANA" in profile or "KATAKANA" in profile)):
            return "ja"
        return _SCRIPT_LANG.get(main_script, "und")
    return _vote(text, ("en", "fr", "es", "de", "pt", "it", "nl")) or "und"


def _vote(text: str, candidates: tuple[str, ...], limit: int = 20_000) -> str | None:
    scores = dict.fromkeys(candidates, 0)
    total = 0
    for match in _WORD.finditer(text[:limit]):
        word = match.group(0).lower().replace("’", "'")
        total += 1
        for lang in candidates:
            if word in _STOPWORDS[lang]:
                scores[lang] += 1
    best = max(scores.items(), key=lambda kv: kv[1])
    if best[1] < 2 or total == 0:
        return None
    ranked = sorted(scores.values(), reverse=True)
    if len(ranked) > 1 and ranked[1] and best[1] < ranked[1] * 1.15:
        return None
    return best[0]
