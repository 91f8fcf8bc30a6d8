"""Name normalisation: folding, entity keys and attribution-source keys.

Layers (each one only used when the previous did not decide):

1. ``fold``: NFKD, combining marks removed, lower case, a few letters mapped (ß, æ, œ, ø, ł).
2. Light form: elisions (d', l') and Arabic articles (al-, el-) dropped, punctuation to spaces,
   articles removed ("the", "le", "la", "les", ...). Looked up in the alias table
   (``data/aliases.json``): Daech = ISIS = État islamique -> ``isis``.
3. Transliteration folding per token: ch->sh, kh->k, q->k, c+a/o/u->k, ou/oo->u, ee->i, y->i,
   e before a vowel -> i, doubled letters collapsed (Hachd = Hashd, Qa'im = Qaim). Looked up in
   the alias table again.
4. Ministries: "Ministry of Defense" = "ministère de la Défense" = "Verteidigungsministerium"
   -> ``ministry:defense`` (portfolio words in aliases.json); a US defence/foreign ministry is the
   Pentagon / State Department.
5. Nationality adjectives (American, américaines, pro-Iranian) -> the country key.
6. Otherwise the consonant skeleton of each token (first letter kept, vowels dropped, doubles
   collapsed): Yehia Rasool = Yahya Rasool -> ``ih rsl``; Téhéran = Tehran -> ``thrn``; Irak ``irk``
   stays distinct from Iran ``irn``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import Any

from . import langdata

_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                          "đ": "d", "Đ": "d", "ı": "i", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Accent/case folding: NFKD minus combining marks, lower case (``Téhéran`` -> ``teheran``)."""
    if not s:
        return ""
    s = s.translate(_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


_ARTICLES = frozenset("the a an le la les l d el al los las der die das den dem des o os as du un une".split())
_ELISION_RE = re.compile(r"(?<![a-z0-9])(?:[dlj]|qu)'(?=[a-z])")
_AL_RE = re.compile(r"(?<![a-z0-9])(?:al|el|ul|ad|an|ar|as|at|az|ash|ez|es)-(?=[a-z])")
_NONWORD_RE = re.compile(r"[^a-z0-9:]+")


@lru_cache(maxsize=65536)
def light(s: str) -> str:
    """Folded, elisions/Arabic articles/articles dropped, punctuation removed, spaces collapsed."""
    f = fold(s)
    f = f.replace("'s ", " ").removesuffix("'s")
    f = _ELISION_RE.sub("", f)
    f = _AL_RE.sub("", f)
    f = f.replace("'", "")
    toks = [t for t in _NONWORD_RE.split(f) if t and t not in _ARTICLES]
    return " ".join(toks)


_TRANSLIT = [
    (re.compile(r"dh"), "z"), (re.compile(r"ch"), "sh"), (re.compile(r"kh"), "k"), (re.compile(r"q"), "k"),
    (re.compile(r"c(?=[aou])"), "k"), (re.compile(r"ck"), "k"), (re.compile(r"ph"), "f"),
    (re.compile(r"ou|oo"), "u"), (re.compile(r"ee"), "i"), (re.compile(r"y"), "i"), (re.compile(r"w"), "u"),
    (re.compile(r"e(?=[aiou])"), "i"), (re.compile(r"([a-z])\1+"), r"\1"),
]


@lru_cache(maxsize=65536)
def translit(s: str) -> str:
    """Transliteration-folded light form (``Hachd al-Chaabi`` -> ``hashd shabi``)."""
    out = []
    for tok in light(s).split():
        if ":" in tok:
            out.append(tok)
            continue
        for rx, rep in _TRANSLIT:
            tok = rx.sub(rep, tok)
        out.append(tok)
    return " ".join(out)


_VOWEL_RE = re.compile(r"[aeiouy]")
_DOUBLE_RE = re.compile(r"([a-z])\1+")


_FINAL_H_RE = re.compile(r"(?<=[aeiou])h$")
"""A final h after a vowel is a transliteration variant (Qaranah / Qarana, Hamah / Hama, Sarah / Sara)."""


def _skel_token(tok: str) -> str:
    if len(tok) <= 2 or tok.isdigit():
        return tok
    if len(tok) > 4:
        tok = _FINAL_H_RE.sub("", tok)
    rest = _VOWEL_RE.sub("", tok[1:])
    return _DOUBLE_RE.sub(r"\1", tok[0] + rest)


@lru_cache(maxsize=65536)
def skeleton(s: str) -> str:
    """Consonant skeleton of the transliteration-folded form (``Yahya Rasool`` -> ``ih rsl``)."""
    return " ".join(_skel_token(t) for t in translit(s).split())


# ---------------------------------------------------------------- alias table

class _Aliases:
    def __init__(self) -> None:
        try:
            with (langdata.DATA_DIR / "aliases.json").open(encoding="utf-8") as fh:
                data: dict[str, Any] = json.load(fh)
        except (OSError, ValueError):
            data = {}
        self.by_light: dict[str, tuple[str, str]] = {}
        self.by_translit: dict[str, tuple[str, str]] = {}
        self.caps: dict[str, bool] = {}
        self.kind: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.max_tokens = 1
        for entry in data.get("entries") or []:
            key = str(entry.get("key") or "")
            kind = str(entry.get("kind") or "unknown")
            if not key:
                continue
            self.kind[key] = kind
            for name in entry.get("names") or []:
                name = str(name)
                lk = light(name)
                if not lk:
                    continue
                self.display.setdefault(key, name)
                is_caps = name.replace(".", "").isupper() and len(lk.replace(" ", "")) <= 5
                # an all-caps short name (US, IS, AP) must be written in capitals to match
                if lk in self.caps:
                    self.caps[lk] = self.caps[lk] and is_caps
                else:
                    self.caps[lk] = is_caps
                self.by_light.setdefault(lk, (key, kind))
                tk = translit(name)
                if len(tk.replace(" ", "")) >= 4:
                    self.by_translit.setdefault(tk, (key, kind))
                self.max_tokens = max(self.max_tokens, len(lk.split()))
        self.ministry_words = frozenset(fold(w) for w in data.get("ministry_words") or [])
        self.portfolios: list[tuple[str, str]] = []
        for port, words in (data.get("portfolios") or {}).items():
            for w in words:
                self.portfolios.append((light(str(w)), str(port)))
        self.portfolios.sort(key=lambda p: -len(p[0]))

    def lookup(self, name: str) -> tuple[str, str] | None:
        return _lookup(self, name)

    def _lookup(self, name: str) -> tuple[str, str] | None:
        lk = light(name)
        if not lk:
            return None
        hit = self.by_light.get(lk)
        if hit is None:
            hit = self.by_translit.get(translit(name))
        return hit


@lru_cache(maxsize=1)
def aliases() -> _Aliases:
    return _Aliases()


@lru_cache(maxsize=65536)
def _lookup(al: _Aliases, name: str) -> tuple[str, str] | None:
    return al._lookup(name)


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, str]:
    out: dict[str, str] = {}
    for lg in langdata.all_langs():
        for adj, key in lg.nationalities.items():
            out.setdefault(light(adj), key)
    return out


@lru_cache(maxsize=65536)
def nationality_key(word: str) -> str | None:
    """Country key of a nationality adjective (``américaines`` -> ``us``, ``pro-Iranian`` -> ``iran``)."""
    f = light(word)
    if f.startswith("pro "):
        f = f[4:]
    if not f or " " in f:
        return _nationalities().get(f) if f else None
    return _nationalities().get(f)


@lru_cache(maxsize=1)
def _titles_re() -> re.Pattern[str]:
    words: set[str] = set()
    for lg in langdata.all_langs():
        words.update(lg.titles)
    words.discard("")
    return re.compile("^(?:" + langdata.trie_regex(words) + r"\.?[\s,]+)+", re.I)


@lru_cache(maxsize=65536)
def strip_titles(name: str) -> str:
    """Drop leading titles, roles and nationality adjectives ("Iraqi Prime Minister X" -> "X")."""
    s = name.strip()
    for _ in range(6):
        before = s
        m = _titles_re().match(s + " ")
        if m and m.end() < len(s) + 1:
            rest = (s + " ")[m.end():].strip()
            if rest:
                s = rest
        first, _, rest = s.partition(" ")
        if rest and nationality_key(first):
            s = rest.strip()
        if s == before:
            break
    # a role after its qualifiers: "Civil Protection Minister Nello Musumeci", "Socialist leader X",
    # German compounds "Gesundheitsminister Kemal X": keep the capitalised name after the last role word
    toks = s.split()
    if len(toks) >= 3:
        singles = _title_words()
        for i in range(len(toks) - 2, 0, -1):
            low = toks[i].lower().rstrip(".,")
            if low in singles or low.endswith(_ROLE_SUFFIXES):
                tail = toks[i + 1:]
                if tail and all(t[:1].isupper() for t in tail):
                    return " ".join(tail)
                break
    if len(toks) >= 2 and toks[0].lower().endswith(_ROLE_SUFFIXES) and all(t[:1].isupper() for t in toks[1:]):
        return " ".join(toks[1:])
    return s


_ROLE_SUFFIXES = ("minister", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin", "kanzler", "kanzlerin")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    words: set[str] = {"leader", "chief", "head", "líder", "chef", "leiter", "capo"}
    for lg in langdata.all_langs():
        words.update(w.lower() for w in lg.titles if w and " " not in w and not w.endswith("."))
    return frozenset(words)


_MIN_PORT_RE = None
_MINISTRY_SUFFIXES = ("ministerium", "ministeriums", "minister", "ministerin")


@lru_cache(maxsize=65536)
def ministry_key(name: str) -> str | None:
    """``ministry:<portfolio>`` for ministry names in any language, or the US special cases."""
    lk = light(name)
    if not lk:
        return None
    al = aliases()
    toks = lk.split()
    has_word = any(t in al.ministry_words or t.endswith(_MINISTRY_SUFFIXES) for t in toks)
    if not has_word:
        return None
    padded = " " + lk + " "
    squashed = lk.replace(" ", "")
    for words, port in al.portfolios:
        if not words:
            continue
        if (" " + words + " ") in padded or (squashed.startswith(words.replace(" ", "")) and "minister" in squashed):
            nat = {nationality_key(t) for t in toks} | {al.by_light.get(t, ("", ""))[0] for t in toks}
            if "us" in nat and port == "defense":
                return "pentagon"
            if "us" in nat and port == "foreign":
                return "state-department"
            return "ministry:" + port
    return None


def _alias_or_nationality(name: str) -> str | None:
    hit = aliases().lookup(name)
    if hit:
        return hit[0]
    return nationality_key(name)


_MOUNT_RE = re.compile(r"^(?:Mount|Mt\.?|Mont|Monte|Montaña|Montanha|Berg|Volcán|Volcan|Vulkan|Vulcano|Vulcão|Volcano)\s+(?=[A-ZÀ-Þ])")
"""A mountain's generic word before its name: "Mount Ilaman" is "El volcán Ilamán" is "Vulkan Ilaman"."""


@lru_cache(maxsize=65536)


def entity_key(name: str, lang: str | None = None) -> str:
    """Normalised entity key, equal across spellings, transliterations and languages."""
    if not name or not name.strip():
        return ""
    name = name.strip().strip(".,;:!?()[]«»“”\"'’")
    key = _alias_or_nationality(name)
    if key:
        return key
    mk = ministry_key(name)
    if mk:
        return mk
    core = _MOUNT_RE.sub("", strip_titles(name), count=1) or name
    if core != name:
        mk = ministry_key(core)
        if mk:
            return mk
        key = _alias_or_nationality(core)
        if key:
            return key
    if not light(core):
        return light(name) or fold(name).strip()
    return skeleton(core)


_ROLE_WORDS = frozenset(
    fold(w) for w in (
        "spokesman spokeswoman spokesperson spokespeople spokesmen director head chief official officials "
        "responsable responsables porte-parole directeur directrice chef portavoz sprecher sprecherin porta-voz "
        "representative representant représentant insider source sources member members membre membres "
        "officer officers officier commander commandant preliminary information informations préliminaires "
        "from de du des of for à au at"
    ).split()
)


NAME_PARTICLES = frozenset("de da do dos das del della di van von der la le du bin ben al".split())
"""Lower-case words inside personal names in many languages ("Maria da Graça Carvalho", "Ursula von
der Leyen", "Rubén del Campo", "Abu Bakr al-Baghdadi")."""

_GENERIC_DROP = frozenset("of for at from in de du des a an un une ses son sa its his her their leur leurs".split())


@lru_cache(maxsize=65536)
def source_key(name: str, lang: str | None = None) -> str:
    """Normalised attribution source: OSDH = SOHR = Syrian Observatory for Human Rights -> ``sohr``.

    The most specific institution named wins (an alias, then a ministry by portfolio); generic
    sources keep their words ("an American official" = "US officials" -> ``us official``).
    """
    if not name or not name.strip():
        return ""
    name = name.strip().strip(".,;:!?()[]«»“”\"'’")
    al = aliases()
    direct = al.lookup(name)
    if direct:
        return direct[0]
    mk = ministry_key(name)
    if mk:
        return mk
    toks = light(name).split()
    # best alias n-gram inside the phrase: organisations first, then people, then places
    best: tuple[int, int, str] | None = None
    rank = {"org": 0, "group": 0, "person": 1, "place": 2}
    for n in range(min(len(toks), al.max_tokens), 0, -1):
        for i in range(len(toks) - n + 1):
            gram = " ".join(toks[i:i + n])
            hit = al.by_light.get(gram) or (al.by_translit.get(translit(gram)) if n > 1 or len(gram) > 4 else None)
            if hit and not (al.caps.get(gram) and len(gram) <= 2):
                cand = (rank.get(hit[1], 3), -n, hit[0])
                if best is None or cand < best:
                    best = cand
    if best is not None and best[0] < 2:
        return best[2]
    core = strip_titles(name)
    words = core.split()
    particles = langdata.get(lang).name_particles if lang else frozenset()
    if words and any(w[:1].isupper() for w in words) and all(
            w[:1].isupper() or w.lower().startswith(("al-", "el-", "bin", "ibn", "abu", "de", "d'"))
            or w.lower() in particles or w.lower() in NAME_PARTICLES for w in words) \
            and not (len(words) == 1 and nationality_key(words[0])):
        return entity_key(core)
    out = []
    for t in toks:
        nk = nationality_key(t)
        hit = al.by_light.get(t)
        if nk:
            out.append(nk)
        elif hit and hit[1] == "place":
            out.append(hit[0])
        else:
            tt = translit(t)
            if len(tt) > 3 and tt.endswith("s") and not tt.endswith("ss"):
                tt = tt[:-1]
            out.append(tt)
    key = " ".join(sorted(t for t in out if t and t not in _GENERIC_DROP))
    if best is not None and not key:
        return best[2]
    return key or fold(name).strip()


_MEDIA_HINTS = (
    "afp", "agence france", "reuters", "associated press", "ap", "dpa", "efe", "ansa", "bbc", "cnn", "aljazeera",
    "al jazeera", "al-jazeera", "al mayadeen", "almayadeen", "sana", "irna", "tass", "xinhua", "anadolu", "europa press",
)
"""News agencies and broadcasters (by entity key): they report, they are not what a story is about."""


@lru_cache(maxsize=65536)
def is_media(key: str) -> bool:
    """True for the entity key of a news agency or broadcaster (``afp``, ``reuters`` …); asked for
    every name of every pair compared, so remembered."""
    k = key.lower().replace("_", " ")
    for hint in _MEDIA_HINTS:
        if k == hint or k.startswith(hint + " ") or k.startswith(hint + ":") or k.endswith(":" + hint):
            return True
    return False
