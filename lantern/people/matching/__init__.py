"""Finding a known person, and records that may be one person.

Modules: `nicknames` (Bill → William, 600+ nickname/formal pairs), `normalise` (names, dates,
postcodes), `keys` (blocking keys in the indexed MatchKey table), `score` (`compare`), `search`
(`search`) and `duplicates` (`find_duplicates`, `pairs_above`).

How a search works: the typed name, date of birth, postcode and NHS number become MatchKey keys,
expanded for swapped first/last names, nicknames, day/month transposed and year-only dates (see
`keys` for the list). One query fetches the people holding any of them (at most 500, most keys
hit first), one query (plus two prefetches) loads them, and `score.compare` ranks them in Python.
People merged into another record are left out.

How two records are scored: each comparison adds or takes away evidence points,

    first name   same +4, short form (Bill/William) +3.5, sounds the same +3, spelt similarly
                 +2.5, same initial +1, matches a middle name +1, different -4;
                 both have middle names and they differ -2.5
    surname      same +4, sounds the same +3.5, spelt similarly or part of a double-barrelled
                 name +3, a previous surname +3.5 (or +3 if only similar), different -3
                 (names swapped between the boxes: the better reading, less 0.5)
    born         same date +5, day and month swapped +4, one day apart or one digit different
                 +2.5, same year and month +2.5, same year +1.5, different date in the same
                 year -4, different year -6 (expected dates of unborn children are looser)
    where        one comparison for postcode, address and town, so together they never outweigh
                 a different first name: same address +3, same postcode +2.5, same town +0.5
    NHS number   same +9, both known and different -8
    sex          both known and different -5

and score = 1 / (1 + e^-((points - 9) / 1.5)). So an exact name and date of birth score 0.94
(with the postcode 0.99), name and postcode 0.73, name and year of birth 0.58, an NHS number
alone 0.5, a name alone 0.34.

The twin guard: a different first name with the same (or similar) surname and the same date of
birth caps the score at 0.25, with the reason "different first name at the same address and date
of birth (possible twin or sibling)" ("... with the same surname and date of birth" when they do
not share an address). A first name matching the other's middle name does not lift the guard.
Siblings and a parent sharing a child's name have different dates of birth (-4 or -6), so they
score low without it.

Bands for search: strong ≥ 0.85, possible ≥ 0.3, weak below. The duplicate finder records pairs
≥ 0.75. On synthetic households (parents, 12% twins, 4% "junior" sons, maiden names, moves) with
6% planted duplicates (typos, nicknames, day/month swaps, reformatted postcodes, previous
surnames, swapped names, moves), three seeds of 37,000 people gave precision 0.996-0.998 and
recall 0.989-0.991 at 0.75 (0.8: precision 0.996-0.999, recall 0.984-0.988). The remaining false
matches were mostly strangers with the same name and date of birth, and twins with near-identical
names (Katy/Katie). Nothing is merged automatically: a person decides.
"""
