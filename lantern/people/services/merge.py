from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.common.audit import audit
from lantern.people.chronology import chronology_record
from lantern.people.models import DuplicateCandidate, Merge, Person
from lantern.people.services.person import refresh_match_keys


@transaction.atomic
def person_merge(*, by, survivor: Person, merged: Person, reason: str) -> Merge:
    """Record that `merged` is the same person as `survivor`. Nothing is moved or deleted: the
    merged record points at the survivor, whose record shows both histories. Undo with
    merge_undo()."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why these records are the same person"})
    survivor, merged = (
        Person.objects.select_for_update().get(pk=survivor.pk),
        Person.objects.select_for_update().get(pk=merged.pk),
    )
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different records")
    if survivor.merged_into_id or merged.merged_into_id:
        raise ValidationError("One of these records has already been merged")
    if merged.merged_people.exists():
        raise ValidationError(
            "The record being merged has other records merged into it: merge it the other way"
        )
    merge = Merge.objects.create(survivor=survivor, merged=merged, reason=reason, by=by)
    merged.merged_into = survivor
    merged._change_reason = f"Merged into {survivor.person_id}: {reason}"
    merged.save()
    refresh_match_keys(merged)
    DuplicateCandidate.objects.filter(
        first=min(survivor.pk, merged.pk), second=max(survivor.pk, merged.pk)
    ).update(status=DuplicateCandidate.Status.MERGED, decided_by=by, decided_at=timezone.now())
    for person, text in (
        (survivor, f"Record {merged.person_id} merged into this record: {reason}"),
        (merged, f"Merged into record {survivor.person_id}: {reason}"),
    ):
        chronology_record(
            person=person,
            kind="merge",
            summary=text,
            occurred_on=timezone.localdate(),
            by=by,
            source=merge,
        )
    audit(
        by=by,
        action="person.merged",
        target=merge,
        person=survivor,
        reason=reason,
        detail={"survivor": survivor.person_id, "merged": merged.person_id},
    )
    return merge


@transaction.atomic
def merge_undo(*, by, merge: Merge, reason: str) -> Merge:
    merge = Merge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise ValidationError("This merge has already been undone")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the merge is being undone"})
    merged = Person.objects.select_for_update().get(pk=merge.merged_id)
    merged.merged_into = None
    merged._change_reason = f"Merge undone: {reason}"
    merged.save()
    refresh_match_keys(merged)
    merge.undone_at = timezone.now()
    merge.undone_by = by
    merge.undo_reason = reason
    merge.save()
    DuplicateCandidate.objects.filter(
        first=min(merge.survivor_id, merge.merged_id),
        second=max(merge.survivor_id, merge.merged_id),
    ).update(
        status=DuplicateCandidate.Status.NOT_DUPLICATE, decided_by=by, decided_at=timezone.now()
    )
    for person in (merge.survivor, merged):
        chronology_record(
            person=person,
            kind="merge",
            summary=f"Merge of {merged.person_id} into {merge.survivor.person_id} undone: {reason}",
            occurred_on=timezone.localdate(),
            by=by,
            source=merge,
        )
    audit(by=by, action="person.merge_undone", target=merge, person=merge.survivor, reason=reason)
    return merge


@transaction.atomic
def duplicate_dismiss(*, by, candidate: DuplicateCandidate, reason: str = "") -> None:
    candidate = DuplicateCandidate.objects.select_for_update().get(pk=candidate.pk)
    candidate.status = DuplicateCandidate.Status.NOT_DUPLICATE
    candidate.decided_by = by
    candidate.decided_at = timezone.now()
    candidate.save()
    audit(
        by=by,
        action="duplicate.dismissed",
        target=candidate,
        reason=reason,
        detail={"first": candidate.first_id, "second": candidate.second_id},
    )
