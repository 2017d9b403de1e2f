"""Ground truth about a generated authority, for benchmarks of the duplicate finder."""

from django.db import models


class PlantedDuplicate(models.Model):
    """`duplicate` is a second record of the same person as `original`, made with `kind` of
    error. Every other pair of people in a generated authority is a different person (twins and
    siblings in one household included)."""

    class Kind(models.TextChoices):
        FIRST_NAME_TYPO = "first_name_typo", "Misspelt first name"
        LAST_NAME_TYPO = "last_name_typo", "Misspelt last name"
        NICKNAME = "nickname", "Nickname as first name"
        DAY_MONTH_SWAPPED = "day_month_swapped", "Day and month of birth swapped"
        POSTCODE_FORMAT = "postcode_format", "Postcode and address typed differently"
        PREVIOUS_SURNAME = "previous_surname", "Previous surname as surname"
        MISSING_NHS = "missing_nhs", "NHS number missing"
        YEAR_TYPO = "year_typo", "Wrong year of birth"

    original = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    duplicate = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["original", "duplicate"], name="planted_pair_unique")
        ]

    def __str__(self) -> str:
        return f"{self.duplicate_id} duplicates {self.original_id} ({self.kind})"


class Generation(models.Model):
    """One run of generate_la: what was asked for and how long it took."""

    seed = models.IntegerField()
    scale = models.FloatField()
    today = models.DateField()
    bulk = models.BooleanField()
    people = models.PositiveIntegerField()
    seconds = models.FloatField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
