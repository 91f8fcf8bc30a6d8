"""Build a realistic large workspace from recombined real sentences in several languages.

    python tests/generate_large_workspace.py OUT_DIR [--articles 2000] [--seed 7] [--long]

Sentences come from the sample articles (English, French) and a small pool of Spanish, German
and Portuguese news sentences below; numbers, places and dates are varied so that claims differ
the way real coverage of many events does. Each article gets a metadata header (title, source,
language, published). With ``--long`` one extra 300,000-character article is written too.
The files go to ``OUT_DIR/articles/``; import them with ``factdesk import OUT_DIR/articles -w OUT_DIR``
(the benchmark script does this and times it).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

EXTRA_SENTENCES = {
    "es": [
        "Al menos 23 personas murieron y 41 resultaron heridas en el ataque contra el mercado de Jartum, según la Cruz Roja.",
        "El Ministerio de Defensa afirmó el martes 4 de marzo que sus aviones habían alcanzado más de 30 objetivos.",
        "«No vamos a tolerar más agresiones», declaró el portavoz del gobierno en una rueda de prensa.",
        "Según la ONU, más de 1,2 millones de personas han sido desplazadas desde finales de enero.",
        "La policía detuvo a 14 sospechosos en Valencia, informó la agencia EFE.",
        "Las inundaciones dejaron 95 muertos en la región, de acuerdo con el Ministerio del Interior.",
    ],
    "de": [
        "Mindestens 12 Menschen wurden bei dem Angriff auf Charkiw getötet, teilte der Gouverneur am Sonntag mit.",
        "Nach Angaben des Verteidigungsministeriums wurden mehr als 40 Drohnen abgeschossen.",
        "„Wir werden darauf reagieren“, sagte der Bundeskanzler am Montag in Berlin.",
        "Laut der Nachrichtenagentur dpa wurden 25 Menschen verletzt.",
        "Die Regierung kündigte am 3. Februar Hilfen in Höhe von 200 Millionen Euro an.",
    ],
    "pt": [
        "Pelo menos 17 pessoas morreram nas enchentes no Rio Grande do Sul, segundo a Defesa Civil.",
        "O ministro da Saúde afirmou na segunda-feira que mais de 300 hospitais foram afetados.",
        "«A situação é grave», disse o governador em entrevista à Agência Brasil.",
        "Cerca de 80 mil pessoas estão desalojadas desde o fim de abril.",
    ],
}

PLACES = ["Mosul", "Deir Ezzor", "Kharkiv", "Gaza", "Khartoum", "Aleppo", "Erbil", "Tikrit", "Raqqa", "Homs",
          "Basra", "Kirkuk", "Idlib", "Sanaa", "Marib", "Hodeidah", "Tripoli", "Benghazi", "Goma", "Bamako"]
OUTLETS = ["Agence Bulletin", "Daily Wire Service", "Le Quotidien", "El Diario", "Der Bote", "O Jornal", "Radio Monde"]


def sample_sentences() -> dict[str, list[str]]:
    from factdesk.core.extract import split_sentences
    from factdesk.core.ingest import read_article

    pool: dict[str, list[str]] = {k: list(v) for k, v in EXTRA_SENTENCES.items()}
    for path in sorted((REPO / "workspace" / "articles").glob("*.txt")):
        art = read_article(path)
        for s in split_sentences(art.text, art.language):
            if s.kind == "text" and len(s.text) > 40:
                pool.setdefault(art.language or "en", []).append(s.text)
    return pool


def vary(sentence: str, rng: random.Random) -> str:
    """Change numbers and some place names so recombined sentences differ."""

    def number(m: re.Match[str]) -> str:
        value = int(m.group(0).replace(",", ""))
        if 1900 <= value <= 2100:
            return str(rng.choice(range(2015, 2026)))
        return str(max(1, int(value * rng.uniform(0.5, 1.8))))

    out = re.sub(r"\b\d{1,3}(?:,\d{3})*\b|\b\d+\b", number, sentence)
    for place in ("Deir Ezzor", "Boukamal", "Al-Qaïm", "Erbil", "Baghdad", "Jordan", "Jordanie"):
        if place in out and rng.random() < 0.5:
            out = out.replace(place, rng.choice(PLACES))
    return out


def generate(out_dir: Path, n_articles: int = 2000, seed: int = 7, sentences_per_article: int = 55, long: bool = False) -> list[Path]:
    rng = random.Random(seed)
    pool = sample_sentences()
    weights = {"en": 0.45, "fr": 0.35, "es": 0.1, "de": 0.05, "pt": 0.05}
    langs = [lang for lang in weights if pool.get(lang)]
    articles = out_dir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for i in range(n_articles):
        lang = rng.choices(langs, [weights[x] for x in langs])[0]
        sentences = [vary(rng.choice(pool[lang]), rng) for _ in range(sentences_per_article)]
        paragraphs = ["\n".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3)]
        year = rng.choice(range(2019, 2026))
        header = (
            f"title: {sentences[0][:80]}\nsource: {rng.choice(OUTLETS)}\nlanguage: {lang}\n"
            f"published: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n---\n"
        )
        path = articles / f"{i:05d}_{lang}.txt"
        path.write_text(header + f"[{i}] " + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        written.append(path)
    if long:
        written.append(write_long_article(articles, pool["en"], rng))
    return written


def write_long_article(directory: Path, sentences: list[str], rng: random.Random, chars: int = 300_000) -> Path:
    parts: list[str] = []
    size = 0
    while size < chars:
        para = " ".join(vary(rng.choice(sentences), rng) for _ in range(2))
        parts.append(para)
        size += len(para) + 2
    path = directory / "long_300k.txt"
    path.write_text("title: A very long dossier\nlanguage: en\npublished: 2024-02-03\n---\n" + "\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--long", action="store_true", help="also write one 300,000-character article")
    args = ap.parse_args()
    files = generate(args.out_dir, args.articles, args.seed, long=args.long)
    print(f"wrote {len(files)} articles to {args.out_dir / 'articles'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
