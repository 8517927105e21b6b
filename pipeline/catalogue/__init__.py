"""What we know about the standard tables of a budget disclosure, declared as data."""
