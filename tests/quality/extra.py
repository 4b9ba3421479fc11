"""Measures the shared scorer does not take, read from the same gold files.

score.py stays an unchanged copy of ../shared/eval/score.py. The dev sets of our own carry
two more keys in their gold files, and this module scores them with score.py's own
matching rules (imported, not copied):

- ``quotes[].shape``: how each attribution is written (``after``, ``before``, ``colon``,
  ``pronoun``, ``multi_sentence``, ``nested``, ``partial``, ...): quote recall and speaker
  accuracy per shape, so a change that helps one shape and hurts another shows.
- ``quotes[].unattributed: true`` with ``speaker: null``: the text does not say who spoke;
  a speaker there is a guess, counted as ``over_attributed``.
- ``bottom_line.good`` / ``bottom_line.bad``: snippets of the sentences a bottom line must
  be drawn from, and of sentences (datelines, bylines, greetings) it must never hold.

Speakers that no reader would accept as a name (a number, a lone lower-case word, a name
run into a speech verb) are counted as ``absurd_speakers`` on every statement found.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from tests.quality import score as S

# What a speaker that no reader would accept looks like: digits only, a bare pronoun or
# function word, or a name with the speech verb or a lower-case word run into it
# ("Trump returned", "Glen Caplin declined").
_FUNCTION = frozenset("he she they it we i you his her their its this that these those there "
                      "and or but the a an of to in on at for with by from as".split())


def absurd(speaker: str | None) -> bool:
    """Whether ``speaker`` is no name, role or organisation a reader would accept."""
    if not speaker:
        return False
    words = re.findall(r"[\w’'.-]+", speaker)
    if not words:
        return True
    if all(w.replace(".", "").isdigit() for w in words):
        return True
    if len(words) == 1 and (words[0].islower() or words[0].lower() in _FUNCTION):
        return True
    # A capitalised name followed by a lower-case word that is not a name link: "Trump returned".
    if len(words) >= 2 and words[0][:1].isupper() and words[-1].islower() and words[-1] not in _NAME_LINKS \
            and words[-1].endswith(("ed", "s")) and not any(w.islower() and w in _ROLE_TAIL for w in words):
        return True
    return words[-1].lower() in _FUNCTION


# Lower-case words that may end a good speaker label ("a spokesman for the company" ends
# in a noun; "Prince of Wales" links names).
_NAME_LINKS = frozenset("of de von van da del la le bin al".split())
_ROLE_TAIL = frozenset("spokesman spokeswoman spokesperson officials official analysts experts".split())


def score_extra(gold: dict[str, Any], an: dict[str, Any]) -> dict[str, Any]:
    """Shape, attribution and bottom-line measures for one article."""
    out: dict[str, Any] = {"shape_found": Counter(), "shape_total": Counter(), "shape_spk_ok": Counter(),
                           "shape_spk_n": Counter(), "over_attributed": 0, "unattributed_gold": 0,
                           "absurd_speakers": [], "bottom_good": 0, "bottom_checked": 0, "bottom_bad": []}
    pred = [q for q in an.get("quotes") or [] if q.get("kind", "statement") == "statement"]
    for g in gold.get("quotes") or []:
        if g.get("kind", "statement") != "statement":
            continue
        shapes = g.get("shape") or ["untagged"]
        matched = [p for p in pred if S.quote_match(p.get("text", ""), g["text"])]
        for shape in shapes:
            out["shape_total"][shape] += 1
            out["shape_found"][shape] += bool(matched)
        if g.get("unattributed"):
            out["unattributed_gold"] += 1
            out["over_attributed"] += any(p.get("speaker") for p in matched)
            continue
        aliases = g.get("speaker")
        if matched and aliases:
            aliases = [aliases] if isinstance(aliases, str) else aliases
            ok = any(S.speaker_match(p.get("speaker"), aliases) for p in matched)
            for shape in shapes:
                out["shape_spk_n"][shape] += 1
                out["shape_spk_ok"][shape] += ok
    out["absurd_speakers"] = sorted({p["speaker"] for p in pred if absurd(p.get("speaker"))})
    bottom = gold.get("bottom_line") or {}
    summary = [S.words(s) for s in an.get("summary") or []]
    if bottom.get("good"):
        out["bottom_checked"] = 1
        out["bottom_good"] = int(any(S.contains_run(s, S.words(g)) or S.contains_run(S.words(g), s)
                                     for g in bottom["good"] for s in summary if s))
    out["bottom_bad"] = [b for b in bottom.get("bad") or [] if any(S.contains_run(s, S.words(b)) for s in summary)]
    return out


def totals(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Totals over a set's articles, as flat metrics the gate can bound."""
    agg: dict[str, Any] = {k: Counter() for k in ("shape_found", "shape_total", "shape_spk_ok", "shape_spk_n")}
    flat = Counter()
    for r in rows:
        for k in agg:
            agg[k].update(r[k])
        flat["over_attributed"] += r["over_attributed"]
        flat["unattributed_gold"] += r["unattributed_gold"]
        flat["absurd_speakers"] += len(r["absurd_speakers"])
        flat["bottom_good"] += r["bottom_good"]
        flat["bottom_checked"] += r["bottom_checked"]
        flat["bottom_bad"] += len(r["bottom_bad"])
    m: dict[str, float] = {
        "over_attributed": flat["over_attributed"],
        "absurd_speakers": flat["absurd_speakers"],
        "bottom_line_bad": flat["bottom_bad"],
    }
    if flat["bottom_checked"]:
        m["bottom_line_acc"] = flat["bottom_good"] / flat["bottom_checked"]
    for shape, n in sorted(agg["shape_total"].items()):
        if shape == "untagged":
            continue
        m[f"recall[{shape}]"] = agg["shape_found"][shape] / n
        if agg["shape_spk_n"][shape]:
            m[f"speaker_acc[{shape}]"] = agg["shape_spk_ok"][shape] / agg["shape_spk_n"][shape]
    return m


def shape_table(rows: list[dict[str, Any]]) -> str:
    """A Markdown table of quote recall and speaker accuracy per shape, for ANALYSIS.md."""
    agg: dict[str, Counter] = {k: Counter() for k in ("shape_found", "shape_total", "shape_spk_ok", "shape_spk_n")}
    for r in rows:
        for k in agg:
            agg[k].update(r[k])
    lines = ["| shape | statements | recall | speaker accuracy |", "|---|---|---|---|"]
    for shape, n in sorted(agg["shape_total"].items(), key=lambda kv: -kv[1]):
        spk_n = agg["shape_spk_n"][shape]
        acc = f"{agg['shape_spk_ok'][shape] / spk_n:.3f} ({spk_n})" if spk_n else "–"
        lines.append(f"| {shape} | {n} | {agg['shape_found'][shape] / n:.3f} | {acc} |")
    return "\n".join(lines)
