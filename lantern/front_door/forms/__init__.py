"""The front door's forms, one module per journey. They parse and validate input only; the
services decide anything that needs other records (house style §5)."""
