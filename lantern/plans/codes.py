from django.db import models


class CategoryOfAbuse(models.TextChoices):
    """CIN census InitialCategoryOfAbuse / LatestCategoryOfAbuse."""

    NEG = "NEG", "Neglect"
    PHY = "PHY", "Physical abuse"
    SAB = "SAB", "Sexual abuse"
    EMO = "EMO", "Emotional abuse"
    MUL = "MUL", "Multiple/not recommended"
