"""How well find_dates does on the corpus: recall, precision, value accuracy, value F1.

    .venv/bin/python -m tests.temporal.corpus.measure               # the first held-out set
    .venv/bin/python -m tests.temporal.corpus.measure --set held_out_2
    .venv/bin/python -m tests.temporal.corpus.measure --set corpus  # the tested corpus
    .venv/bin/python -m tests.temporal.corpus.measure --root /tmp/old --misses

The figures are TempEval-3's for time expressions, which is where HeidelTime's 0.78 comes from:

- a found expression matches an annotated one when their spans overlap (relaxed), each used
  once; strict matching needs the same span;
- recall = matched / annotated, precision = matched / found, F1 their harmonic mean;
- value accuracy = matches whose value is the annotated one (None for None) / matches;
- value F1 = the harmonic mean of value precision (right values / found) and value recall
  (right values / annotated), that is relaxed F1 times value accuracy: the combined figure.

``--root`` puts another checkout (a folder holding ``curation/temporal``) first on the path,
to measure an older finder against the same sentences.
"""

import argparse
import importlib
import sys
from dataclasses import dataclass, field

from tests.temporal.corpus import Case


@dataclass
class Tally:
    annotated: int = 0
    found: int = 0
    relaxed: int = 0
    strict: int = 0
    right_values: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, case: Case, found: list) -> None:
        gold = _gold_spans(case)
        self.annotated += len(gold)
        self.found += len(found)
        unused = list(found)
        for start, end, text, value in gold:
            match = next((m for m in unused if m.start < end and start < m.end), None)
            if match is None:
                self.misses.append(f"missed {text!r} ({value})  in: {case.text}")
                continue
            unused.remove(match)
            self.relaxed += 1
            self.strict += (match.start, match.end) == (start, end)
            if match.value == value:
                self.right_values += 1
            else:
                self.misses.append(
                    f"value {match.text!r} {match.value} != {value}  in: {case.text}"
                )
        for extra in unused:
            self.misses.append(f"extra {extra.text!r} ({extra.value})  in: {case.text}")

    def figures(self) -> dict[str, float]:
        recall = _ratio(self.relaxed, self.annotated)
        precision = _ratio(self.relaxed, self.found)
        value_recall = _ratio(self.right_values, self.annotated)
        value_precision = _ratio(self.right_values, self.found)
        return {
            "recall": recall,
            "precision": precision,
            "F1": _harmonic(recall, precision),
            "strict F1": _harmonic(
                _ratio(self.strict, self.annotated), _ratio(self.strict, self.found)
            ),
            "value accuracy": _ratio(self.right_values, self.relaxed),
            "value F1": _harmonic(value_recall, value_precision),
        }


def _gold_spans(case: Case) -> list[tuple[int, int, str, str | None]]:
    spans, position = [], 0
    for text, value in case.expected:
        start = case.text.index(text, position)
        spans.append((start, start + len(text), text, value))
        position = start + len(text)
    return spans


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def cases(name: str) -> list[Case]:
    if name == "held_out":
        from tests.temporal.corpus.held_out import CASES

        return CASES
    if name == "held_out_2":
        from tests.temporal.corpus.held_out_2 import CASES as SECOND

        return SECOND
    from tests.temporal.corpus.all import ALL_CASES

    return ALL_CASES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["held_out", "held_out_2", "corpus"], default="held_out")
    parser.add_argument("--root", help="a folder holding curation/temporal to measure instead")
    parser.add_argument("--misses", action="store_true", help="list every miss and wrong value")
    args = parser.parse_args()
    if args.root:
        sys.path.insert(0, args.root)
    find_dates = importlib.import_module("curation.temporal").find_dates
    tally = Tally()
    chosen = cases(args.set)
    for case in chosen:
        tally.add(case, find_dates(case.text, case.published))
    if args.misses:
        print("\n".join(tally.misses))
    print(f"{len(chosen)} sentences, {tally.annotated} annotated, {tally.found} found")
    for name, figure in tally.figures().items():
        print(f"{name:>15}: {figure:.3f}")


if __name__ == "__main__":
    main()
