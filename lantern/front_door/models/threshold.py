from django.db import models

from lantern.common.models import Recorded


class Threshold(Recorded):
    """One level of the local threshold document (levels of need 1–4), with its descriptor.

    The names and descriptors are the local authority's own and an administrator edits them;
    the level number is what screening records and indicators count.
    """

    level = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=80)
    descriptor = models.TextField(help_text="What a child's needs look like at this level")
    response = models.TextField(blank=True, help_text="The service that meets needs at this level")

    class Meta:
        ordering = ["level"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="threshold_level_1_to_4"
            )
        ]

    def __str__(self) -> str:
        return f"Level {self.level}: {self.name}"
