"""`make corpus N=…`: a synthetic but realistic story of N articles, valid under the real model.

Each article has 20 paragraphs: 10 with a direct quotation and 10 with reported speech, so
~20 statements per article, all passing the real quotation check. People, countries (up to
195), questions, topics, terms and events grow with N. Names are made up from syllables.
Written to corpus/N/ (git ignores it) with the site configuration beside it, so
`python -m generator --root corpus/N build` builds it without touching the real content.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SYLLABLES = [
    "ka",
    "lo",
    "ri",
    "ven",
    "ta",
    "mar",
    "sol",
    "en",
    "dra",
    "ni",
    "vo",
    "lu",
    "pe",
    "sa",
    "tor",
    "bel",
    "mi",
    "an",
    "cor",
    "ul",
    "zer",
    "fa",
]
WORDS = [
    "the",
    "plan",
    "will",
    "we",
    "must",
    "not",
    "agree",
    "build",
    "support",
    "talks",
    "border",
    "trade",
    "secure",
    "future",
    "deal",
    "partners",
    "people",
    "government",
    "allies",
    "peace",
    "time",
    "week",
    "region",
    "force",
    "security",
    "open",
    "cost",
    "market",
    "water",
    "energy",
    "power",
    "rights",
    "vote",
    "council",
    "treaty",
    "aid",
    "monitor",
    "frontline",
    "promise",
]
ROLES = ["Minister of Defence", "Foreign Minister", "President", "Prime Minister", "Envoy", "Mayor"]
STANCES = [
    ("supports", "Supports", "Backs the plan.", "green"),
    ("supports-partly", "Supports in part", "Backs some of the plan.", "blue"),
    ("undecided", "Undecided", "Has not decided.", "olive"),
    ("declines", "Declines", "Will not take part.", "orange"),
    ("opposes", "Opposes", "Opposes the plan.", "red"),
]


def name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def unique(rng: random.Random, count: int, make: Any) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(make(rng), None)
    return list(seen)


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def slug(text: str) -> str:
    return "-".join(text.lower().split())


def cite(article: str, paragraph: int) -> dict[str, Any]:
    return {"article": article, "paragraph": paragraph}


def generate(n: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    countries = unique(rng, min(195, 10 + n // 5), lambda r: name(r, 3))
    people_names = unique(rng, 20 + 2 * n, lambda r: f"{name(r, 2)} {name(r, 3)}")
    people = [
        {"id": slug(p), "name": p, "role": rng.choice(ROLES), "country": rng.choice(countries)}
        for p in people_names
    ]
    topics = [f"topic-{i}" for i in range(10 + n // 5)]
    articles, statements, events = [], [], []
    for index in range(n):
        article = f"art-{index:05d}"
        cast = rng.sample(people, min(6, len(people)))
        paragraphs = []
        for number in range(1, 21):
            speaker = cast[number % len(cast)]
            words = sentence(rng, rng.randint(8, 16))
            if number % 2:
                paragraphs.append(
                    f"“{words},” said {speaker['name']}, the {speaker['role'].lower()}. "
                    + sentence(rng, 20)
                    + "."
                )
                text, kind = words, "direct"
            else:
                paragraphs.append(
                    f"{speaker['name']} said that {words.lower()}. {sentence(rng, 20)}."
                )
                # A paraphrase names who it is about: it may open with "We…" otherwise.
                text, kind = f"{speaker['name']} said that {words.lower()}.", "reported"
            statements.append(
                {
                    "id": f"{article}-s{number}",
                    "kind": kind,
                    "speakers": [speaker["id"]],
                    "text": text,
                    "source": cite(article, number),
                    "topics": rng.sample(topics, 2),
                }
            )
        articles.append((article, "\n".join(paragraphs) + "\n"))
        events.append(
            {
                "id": f"event-{index}",
                "title": sentence(rng, 5),
                "when": f"Day {index + 1}",
                "date": None,
                "description": sentence(rng, 14) + ".",
                "participants": [c["id"] for c in cast[:3]],
                "sources": [cite(article, 1)],
            }
        )
    return {
        "articles": articles,
        "people": people,
        "countries": countries,
        "topics": topics,
        "statements": statements,
        "events": events,
        "rng": rng,
    }


def write(n: int, out: Path) -> None:
    story = generate(n)
    rng: random.Random = story["rng"]
    shutil.rmtree(out, ignore_errors=True)
    (out / "seeds").mkdir(parents=True)
    (out / "content" / "statements").mkdir(parents=True)
    for article, text in story["articles"]:
        (out / "seeds" / f"{article}.txt").write_text(text, encoding="utf-8")
        dump(
            out / "seeds" / f"{article}.yaml",
            {
                "id": article,
                "label": f"Synthetic article {article}",
                "title": None,
                "outlet": None,
                "url": None,
                "published": None,
                "language": "en",
                "full_text_allowed": True,
            },
        )
    first = story["articles"][0][0]
    cited = [s["source"] for s in story["statements"]]
    dump(
        out / "content" / "story.yaml",
        {
            "title": f"A synthetic story of {n} articles",
            "issue": "the synthetic plan",
            "summary": "A generated story for benchmarks.",
            "sources": [cite(first, 1)],
            "updated": "2026-11-24",
        },
    )
    dump(
        out / "content" / "stances.yaml",
        [{"id": i, "label": label, "description": d, "colour": t} for i, label, d, t in STANCES],
    )
    dump(
        out / "content" / "countries.yaml",
        [
            {
                "id": slug(c),
                "name": c,
                "kind": "country",
                "sources": [rng.choice(cited)],
                "positions": [
                    {
                        "stance": rng.choice(STANCES)[0],
                        "summary": sentence(rng, 10) + ".",
                        "date": None,
                        "sources": [rng.choice(cited)],
                    }
                    for _ in range(rng.randint(0, 3))
                ],
            }
            for c in story["countries"]
        ],
    )
    dump(
        out / "content" / "people.yaml",
        [
            {
                "id": p["id"],
                "name": p["name"],
                "role": p["role"],
                "affiliation": slug(p["country"]),
                "sources": [cite(first, 1)],
            }
            for p in story["people"]
        ],
    )
    for index in range(0, len(story["statements"]), 20 * 10):  # one file per 10 articles
        chunk = story["statements"][index : index + 200]
        dump(out / "content" / "statements" / f"{index // 200:04d}.yaml", chunk)
    dump(
        out / "content" / "topics.yaml",
        [
            {"id": t, "name": f"Topic {t.split('-')[1]}", "description": sentence(rng, 8) + "."}
            for t in story["topics"]
        ],
    )
    ids = [s["id"] for s in story["statements"]]
    questions = [f"question-{i}" for i in range(5 + n // 10)]
    dump(
        out / "content" / "questions.yaml",
        [
            {
                "id": q,
                "question": sentence(rng, 8) + "?",
                "status": rng.choice(["open", "moot"]),
                "known": sentence(rng, 20) + ".",
                "statements": rng.sample(ids, 5),
                "related": [_not_itself(rng.choice(questions), q, questions)],
                "sources": [rng.choice(cited)],
            }
            for q in questions
        ],
    )
    dump(out / "content" / "events.yaml", story["events"])
    dump(
        out / "content" / "glossary.yaml",
        [
            {
                "id": f"term-{i}",
                "term": f"{name(rng, 3)} accord",
                "definition": sentence(rng, 12) + ".",
                "sources": [rng.choice(cited)],
            }
            for i in range(10 + n // 20)
        ],
    )
    dump(out / "content" / "groups.yaml", [])
    dump(out / "content" / "corrections.yaml", [])


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # content may not use aliases: write shared values out in full


def dump(path: Path, data: Any) -> None:
    """Block-style YAML as a person would write it (PyYAML quotes what could be misread)."""
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


def _not_itself(drawn: str, question: str, questions: list[str]) -> str:
    """A related question other than the question itself (the link stage refuses that); the
    next one when the draw is itself, so the rest of the story draws as before."""
    return questions[(questions.index(drawn) + 1) % len(questions)] if drawn == question else drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--out", type=Path, help="folder (default: corpus/N)")
    args = parser.parse_args()
    out = args.out or ROOT / "corpus" / str(args.n)
    write(args.n, out)
    print(f"Wrote a story of {args.n} articles to {out}")


if __name__ == "__main__":
    main()
