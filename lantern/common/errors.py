class ConcurrentEditError(Exception):
    """Someone else saved the record after this form was opened."""

    message = (
        "Someone else changed this record while you were editing it. Your changes have not "
        "been saved: check the record and make them again."
    )


class TransitionError(Exception):
    """A workflow step was attempted from the wrong state."""
