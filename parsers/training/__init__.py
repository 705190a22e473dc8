"""Training-data generator for the machine-learned form reader (randomised form grammar)."""
