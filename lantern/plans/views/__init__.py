"""The plans pages: plans.py (the child's plans, a plan as a whole) and content.py (its
needs, actions and reviews)."""
