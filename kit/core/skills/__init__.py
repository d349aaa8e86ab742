"""The skills directory: the movement's Capacity Exchange (CapX) groups and sub-capacities."""
