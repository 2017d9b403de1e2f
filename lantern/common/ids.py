from django.db import transaction

from lantern.common.models import Counter


def next_value(name: str, *, start: int = 1) -> int:
    """The next value of a named counter; safe under concurrent transactions (row lock)."""
    with transaction.atomic():
        counter, _ = Counter.objects.select_for_update().get_or_create(
            name=name, defaults={"value": start - 1}
        )
        counter.value += 1
        counter.save(update_fields=["value"])
        return counter.value


def reserve_block(name: str, size: int, *, start: int = 1) -> range:
    """Reserve `size` consecutive values at once (for bulk loads)."""
    with transaction.atomic():
        counter, _ = Counter.objects.select_for_update().get_or_create(
            name=name, defaults={"value": start - 1}
        )
        first = counter.value + 1
        counter.value += size
        counter.save(update_fields=["value"])
        return range(first, first + size)
