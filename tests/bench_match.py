"""Matching benchmark (run by hand, not collected by pytest):

    PYTHONPATH=src python tests/bench_match.py [--claims 100000] [--dir DIR]

Builds a synthetic workspace by recombining the sample articles' extracted claims (numbers,
names and dates varied), indexes every claim's anchors, stores suggestions (computed for a sample
of claims, the rest of the table filled to a realistic size), then measures:

- ``ws.top_suggestions(claim, 10)`` (the TUI's call),
- ``update_suggestions`` for a new 40-claim article,
- peak memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "workspace" / "articles"

from factdesk.core.extract import EXTRACTOR_VERSION, extract  # noqa: E402
from factdesk.core.matching import engine  # noqa: E402
from factdesk.core.matching.engine import update_suggestions  # noqa: E402
from factdesk.core.models import Article, Claim, Span, Suggestion, claim_id  # noqa: E402
from factdesk.core.store import open_workspace  # noqa: E402

PLACES = [f"place{i:04d}" for i in range(3000)]
PEOPLE = [f"person{i:04d}" for i in range(3000)]


def sample_claims() -> list[tuple[Claim, str]]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        res = extract(path.stem, text, None, None)
        for c in res.claims:
            out.append((c, c.lang or "en"))
    return out


def vary(c: Claim, rng: random.Random, aid: str, occurrence: int) -> Claim:
    """A copy of ``c`` with new numbers, entity keys and dates (text rebuilt around the spans)."""
    pieces = []
    pos = 0
    spans = []
    base = c.start
    shift_days = rng.randint(-900, 900)
    for s in sorted(c.spans, key=lambda s: (s.start, -s.end)):
        rel_s, rel_e = s.start - base, s.end - base
        if rel_s < pos:
            continue
        pieces.append(c.text[pos:rel_s])
        new = Span.from_dict(s.to_dict())
        seg = s.text
        if s.type == "quantity" and s.value is not None and any(ch.isdigit() for ch in s.text):
            v = max(1, int(s.value * rng.uniform(0.3, 3)))
            seg = str(v)
            new.value = float(v)
        elif s.type == "entity" and s.key:
            pool = PLACES if s.kind == "place" else PEOPLE
            new.key = rng.choice(pool)
        elif s.type == "date" and s.resolved and len(s.resolved) >= 10 and "/" not in s.resolved:
            from datetime import date, timedelta

            try:
                new.resolved = (date.fromisoformat(s.resolved[:10]) + timedelta(days=shift_days)).isoformat()
            except ValueError:
                pass
        start = sum(len(p) for p in pieces)
        pieces.append(seg)
        new.start, new.end, new.text = start, start + len(seg), seg
        spans.append(new)
        pos = rel_e
    pieces.append(c.text[pos:])
    text = "".join(pieces)
    cid = claim_id(aid, text, occurrence)
    return Claim(id=cid, article_id=aid, start=0, end=len(text), text=text, score=c.score, spans=spans, lang=c.lang, ordinal=0)


def make_article(n: int, pool: list[tuple[Claim, str]], rng: random.Random, size: int = 40) -> tuple[Article, list[Claim]]:
    aid = f"bench{n:07d}"
    chosen = [vary(rng.choice(pool)[0], rng, aid, i) for i in range(size)]
    text = ""
    claims = []
    for i, c in enumerate(chosen):
        start = len(text)
        text += c.text + "\n"
        for s in c.spans:
            s.start += start
            s.end += start
        claims.append(Claim(id=claim_id(aid, c.text, i), article_id=aid, start=start, end=start + len(c.text), text=c.text,
                            score=c.score, spans=c.spans, lang=c.lang, ordinal=i))
    art = Article(id=aid, title=aid, text=text, path=f"{aid}.txt", language=claims[0].lang, word_count=len(text.split()))
    return art, claims


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--dir", default=None)
    ap.add_argument("--scored", type=int, default=1000, help="claims whose suggestions are really computed")
    args = ap.parse_args()
    rng = random.Random(7)
    pool = sample_claims()
    print(f"{len(pool)} sample claims to recombine")
    root = Path(args.dir or tempfile.mkdtemp(prefix="bench_match_"))
    ws = open_workspace(root / "ws")
    n_articles = args.claims // 40
    t0 = time.perf_counter()
    if ws.claim_count() < args.claims:
        sess = engine._Session(ws)
        for n in range(n_articles):
            art, claims = make_article(n, pool, rng)
            ws.add_article(art, claims, EXTRACTOR_VERSION)
            rows = {art.id: [(a, c.id) for c in claims for a in sess.anchors_of(sess.features(c))]}
            ws.replace_anchors_many(rows)
            if n % 10 == 0:
                sess.feats.clear()
                sess.anchors.clear()
            if n % 250 == 0:
                print(f"  {n}/{n_articles} articles ({time.perf_counter() - t0:.0f} s)", flush=True)
        print(f"built {ws.claim_count()} claims with anchors in {time.perf_counter() - t0:.1f} s")
        # real suggestions for a sample of claims, synthetic rows for the rest of the table
        ids = [r[0] for r in ws.query("SELECT id FROM claims")]
        arts = {r[0]: r[1] for r in ws.query("SELECT id, article_id FROM claims")}
        sess = engine._Session(ws)
        t1 = time.perf_counter()
        sample = rng.sample(ids, min(args.scored, len(ids)))
        feats = [sess.features(c) for c in ws.get_claims(sample).values()]
        real = engine._score(sess, feats, None, None)
        ws.store_suggestions(real)
        print(f"scored {len(sample)} claims for real in {time.perf_counter() - t1:.1f} s -> {len(real)} suggestions")
        fake = []
        for cid in ids:
            for _ in range(5):
                other = rng.choice(ids)
                if other != cid:
                    fake.append(Suggestion("match", rng.random() * 0.6, cid, other, ["synthetic"], None, None, arts[cid], arts[other]))
            if len(fake) > 50_000:
                ws.store_suggestions(fake)
                fake = []
        ws.store_suggestions(fake)
    print(f"suggestions table: {ws.scalar('SELECT count(*) FROM suggestions')} rows; anchors: {ws.scalar('SELECT count(*) FROM anchors')}")
    ids = [r[0] for r in ws.query("SELECT id FROM claims ORDER BY random() LIMIT 300")]
    times = []
    for cid in ids:
        t = time.perf_counter()
        ws.top_suggestions(cid, 10)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"top_suggestions(k=10): median {statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms, max {times[-1]:.2f} ms")
    adds = []
    for i in range(5):
        art, claims = make_article(10_000_000 + i + int(time.time()) % 1000 * 10, pool, rng)
        ws.add_article(art, claims, EXTRACTOR_VERSION)
        t = time.perf_counter()
        stored = update_suggestions(ws, [art.id])
        adds.append(time.perf_counter() - t)
        print(f"  add 40-claim article: {adds[-1] * 1000:.0f} ms, {stored} suggestions stored")
    print(f"update_suggestions for a 40-claim article: median {statistics.median(adds) * 1000:.0f} ms")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    db = (root / "ws" / "factdesk.db").stat().st_size / 2**20
    print(f"peak RSS {rss:.0f} MiB; database {db:.0f} MiB at {root}")


if __name__ == "__main__":
    sys.exit(main())
