"""Average linkage of articles into storyline groups, lazily completing the pair scores it needs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .agglomeration import Agglomeration, Priority
from .scores import PairScorer

COHESION_SHARE = 0.5
"""Share of each group's cohesion that the link between two groups must reach to merge them.

A group's cohesion is the mean score of its articles' pairs, its link to another group
the mean score of the pairs across. A group that holds together far more strongly than
it holds to another is a different event on the same subject (two strikes at different
ports in the same week, say): words of the subject make the link reach the threshold,
but the statements and names that tie each group together are missing between them.
Measuring against each group, not the looser one, keeps a group that has already
absorbed a neighbour from absorbing the next. A single article has no cohesion to
compare against, and neither do two groups with no language in common: each holds
together by its wording too, which no pair across them can share (``scores.ACROSS_LANGUAGES``).
"""


class ArticleLinkage(Agglomeration):
    """Bottom-up merging by the mean score over all pairs of two groups.

    Groups linked by candidate pairs are queued by the mean of the pairs known so
    far (for two groups in no common language, the mean of the smaller one's articles'
    best scores with the other: ``_best_matches``); before a merge the remaining pairs
    are scored, and the merge happens only if the exact link still reaches the
    threshold and, when both groups have two or more articles, ``COHESION_SHARE`` of
    each group's cohesion, unless the groups' languages (``languages``: one per
    article, ``""`` if unclear) are known and none is shared. Articles forced into one
    storyline form one group that neither grows nor joins another.
    """

    def __init__(
        self,
        scorer: PairScorer,
        forced: Sequence[str | None],
        threshold: float,
        languages: Sequence[str] | None = None,
    ) -> None:
        super().__init__({})
        self.scorer = scorer
        self.threshold = threshold
        roots: dict[str, int] = {}
        owner = []
        for i, key in enumerate(forced):
            root = roots.setdefault(key, i) if key is not None else i
            owner.append(root)
            self.members.setdefault(root, []).append(i)
        self.closed = set(roots.values())
        self.article_languages = list(languages or ())
        self.languages: dict[int, set[str]] = {root: set() for root in self.members}
        """Per group the languages of its members (unclear ones left out)."""
        for root, language in zip(owner, languages or (), strict=False):
            if language:
                self.languages[root].add(language)
        self.inner: dict[int, float] = dict.fromkeys(self.members, 0.0)
        """Per group that can grow: the sum of its members' pair scores (all known, as merges complete them)."""
        self.links: dict[int, dict[int, list[float]]] = defaultdict(dict)
        """Per pair of groups: ``[sum of known scores, number of known pairs]``."""
        self.near: dict[int, dict[int, float]] = defaultdict(dict)
        """Per article, the known scores with the articles in other languages (for ``_best_matches``)."""
        for (i, j), score in scorer.scores.items():
            self._add_link(owner[i], owner[j], score, 1)
            self._add_near(i, j, score)
        for a, others in self.links.items():
            for b in others:
                if a < b:
                    self._push(a, b)

    def run(self) -> list[list[int]]:
        """Merge groups until no pair of groups reaches the threshold; return them by first member."""
        return sorted(sorted(group) for group in super().run())

    def exhausted(self, priority: Priority) -> bool:
        """The queue is by estimate: once one is under the threshold, so are the rest."""
        return -priority[0] < self.threshold

    def current(self, priority: Priority, a: int, b: int) -> bool:
        """Both groups live, still linked, and their estimate unchanged since queued."""
        return a in self.members and b in self.links[a] and -priority[0] == self._estimate(a, b)

    def consider(self, a: int, b: int) -> None:
        """Score the pairs still unknown and requeue; with all known, merge if the groups cohere."""
        if self._complete(a, b):
            self._push(a, b)
        elif self._cohesive(a, b):
            self._merge(a, b)

    def _add_link(self, a: int, b: int, total: float, count: float) -> None:
        """Record ``count`` more known pairs between groups ``a`` and ``b``, scoring ``total``."""
        if a == b:
            return
        link = self.links[a].setdefault(b, [0.0, 0])
        link[0] += total
        link[1] += count
        self.links[b][a] = link

    def _estimate(self, a: int, b: int) -> float:
        """Return the mean of the known pair scores between two groups (``_best_matches`` across languages)."""
        if self._crossed(a, b):
            return self._best_matches(a, b)
        total, count = self.links[a][b]
        return total / count

    def _crossed(self, a: int, b: int) -> bool:
        """Tell whether two groups are in known languages, none of which the other has."""
        return bool(self.languages[a] and self.languages[b] and not self.languages[a] & self.languages[b])

    def _best_matches(self, a: int, b: int) -> float:
        """Return the mean, over the smaller group's articles, of each one's best known score with the other group.

        Reports in two languages share only names, so one report of an event scores well
        with the other language's report closest to it and poorly with the rest; the mean
        over every pair would hold a translated report apart from a large storyline for
        the storyline's size alone (``ACROSS_LANGUAGES``).
        """
        small, large = sorted((a, b), key=lambda g: (len(self.members[g]), g))
        others = set(self.members[large])
        best = [max((s for j, s in self.near[i].items() if j in others), default=0.0) for i in self.members[small]]
        return sum(best) / len(best)

    def _add_near(self, i: int, j: int, score: float) -> None:
        """Record the known score of two articles if their languages are known and differ."""
        first, second = (self.article_languages[i], self.article_languages[j]) if self.article_languages else ("", "")
        if first and second and first != second:
            self.near[i][j] = self.near[j][i] = score

    def _push(self, a: int, b: int) -> None:
        """Queue two groups by their current estimate, unless either is closed."""
        if a not in self.closed and b not in self.closed:
            low, high = min(a, b), max(a, b)
            self.queue((-self._estimate(low, high),), low, high)

    def _complete(self, a: int, b: int) -> bool:
        """Score every unknown pair between two groups; return whether any was missing."""
        link = self.links[a][b]
        if link[1] == len(self.members[a]) * len(self.members[b]):
            return False
        self.scorer.complete(self.members[a], self.members[b])
        link[0] = sum(self.scorer.score(i, j) for i in self.members[a] for j in self.members[b])
        for i in self.members[a]:
            for j in self.members[b]:
                self._add_near(i, j, self.scorer.score(i, j))
        link[1] = len(self.members[a]) * len(self.members[b])
        return True

    def _cohesive(self, a: int, b: int) -> bool:
        """Return whether the link of two groups reaches ``COHESION_SHARE`` of each one's cohesion.

        Two groups in languages none of which the other has are linked by names alone; they
        merge on the threshold (``COHESION_SHARE``).
        """
        if self._crossed(a, b):
            return True
        cohesions = [self._cohesion(group) for group in (a, b) if len(self.members[group]) > 1]
        return len(cohesions) < 2 or self._estimate(a, b) >= COHESION_SHARE * max(cohesions)

    def _cohesion(self, group: int) -> float:
        """Return the mean score of the pairs of a group's members (two or more)."""
        size = len(self.members[group])
        return self.inner[group] / (size * (size - 1) / 2)

    def _merge(self, a: int, b: int) -> None:
        """Fold group ``b`` into group ``a`` and requeue ``a`` with each neighbour."""
        self.inner[a] += self.inner.pop(b) + self.links[a][b][0]
        self.members[a].extend(self.members.pop(b))
        self.languages[a] |= self.languages.pop(b)
        del self.links[a][b]
        for other, (total, count) in self.links.pop(b).items():
            if other != a:
                del self.links[other][b]
                self._add_link(a, other, total, count)
        for other in self.links[a]:
            self._push(a, other)
